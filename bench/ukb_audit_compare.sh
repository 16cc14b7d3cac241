#!/usr/bin/env bash
# cohortguard against UK Biobank's Git Audit Tool on the same repository, in the same run.
#
#   bench/ukb_audit_compare.sh REPO TOOL [--threads N]
#
# REPO: the repository to audit (bare or not). TOOL: where the audit tool's source is, as a git
# repository (bare or not; its HEAD is exported) or a folder holding src/main.py. The tool is
# exported into a temporary folder for this run only; nothing of it is kept or copied here.
# It needs python3 with pandas, regex, tqdm and requests (Debian: python3-pandas python3-regex
# python3-tqdm python3-requests; $PYTHON names another interpreter).
#
# Both audit one fresh non-bare local clone of REPO (git clone PATH: its objects copied as they
# are, so a partial clone works too) in a temporary folder (the tool wants a work tree
# with an `origin` remote; its origin is set to a host under example.invalid, which it only
# splits into owner and name). The tool is interactive: its menu is driven on stdin (option 2,
# the clone's path, then exit) and its browser is a no-op. cohortguard runs
# `scan --history --threads N` on the same clone. Prints both wall and CPU times and the ratio.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${BUILD_DIR:-$root/build}
[ $# -ge 2 ] || { sed -n '2,16p' "$0" >&2; exit 2; }
repo=$1 tool=$2; shift 2
threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads=$2; shift 2 ;;
    *) echo "ukb_audit_compare.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x "$build/cohortguard" ] || { echo "ukb_audit_compare.sh: build first ($build/cohortguard missing)" >&2; exit 2; }
# The first of $PYTHON, python3, /usr/bin/python3 that has the tool's modules (Debian's python3
# has them once installed; a pyenv python3 on PATH may not).
py=""
for p in ${PYTHON:-} python3 /usr/bin/python3; do
  if "$p" -c 'import pandas, regex, tqdm, requests' 2>/dev/null; then py=$p; break; fi
done
[ -n "$py" ] || { echo "ukb_audit_compare.sh: the audit tool needs python3 with pandas, regex, tqdm and requests" >&2; exit 2; }

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/tool"
if [ -f "$tool/src/main.py" ]; then
  cp -r "$tool/src" "$tmp/tool/src"
elif git --git-dir="$tool" rev-parse --verify -q HEAD >/dev/null 2>&1 || git -C "$tool" rev-parse --verify -q HEAD >/dev/null 2>&1; then
  gd=$(git -C "$tool" rev-parse --absolute-git-dir 2>/dev/null || echo "$tool")
  git --git-dir="$gd" archive HEAD | tar -x -C "$tmp/tool"
else
  echo "ukb_audit_compare.sh: $tool is neither a git repository nor a folder with src/main.py" >&2; exit 2
fi
[ -f "$tmp/tool/src/main.py" ] || { echo "ukb_audit_compare.sh: no src/main.py in $tool" >&2; exit 2; }
tool_rev=$(git --git-dir="$tool" rev-parse --short HEAD 2>/dev/null || git -C "$tool" rev-parse --short HEAD 2>/dev/null || echo "folder")

git clone --quiet "$repo" "$tmp/work" 2>"$tmp/clone.err" || { cat "$tmp/clone.err" >&2; exit 3; }
name=$(basename "$(cd "$repo" && pwd)")
[ "$name" = repo ] && name=$(basename "$(dirname "$(cd "$repo" && pwd)")" | sed 's/.*+//')
name=${name%.git}
git -C "$tmp/work" remote set-url origin "https://example.invalid/bench/$name"
commits=$(git -C "$tmp/work" rev-list --all | wc -l)
blobs=$(git -C "$tmp/work" cat-file --batch-all-objects --batch-check='%(objecttype)' | grep -c '^blob$' || true)
echo "repository: $repo ($commits commits, $blobs blobs in the clone)"
echo "audit tool: $tool at $tool_rev"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$tmp/work/.git/objects/pack/"*.pack > /dev/null 2>&1 || true   # warm the page cache for both

timed() {  # timed NAME CMD... : prints "wall cpu"
  local name=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$tmp/$name.time" "$@" > "$tmp/$name.out" 2> "$tmp/$name.err" || true
  tail -n 1 "$tmp/$name.time" | awk '{printf "%s %.2f", $1, $2 + $3}'
}

read -r cw cc <<<"$(timed cohortguard "$build/cohortguard" scan --history "$tmp/work" --threads "$threads" --format json --fail-on never)"
"$py" -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/cohortguard.out" 2>/dev/null || {
  echo "ukb_audit_compare.sh: cohortguard wrote no report:" >&2; cat "$tmp/cohortguard.err" >&2; exit 3; }

# The tool's menu: 2 = "Enter full directory path", then the path, then 5 = exit.
printf '2\n%s\n5\n' "$tmp/work" > "$tmp/menu"
read -r tw tc <<<"$(cd "$tmp" && timed tool env BROWSER=true "$py" "$tmp/tool/src/main.py" < "$tmp/menu")"
report=$(ls "$tmp/work/ukb_audit_reports/"REPOSITORY_AUDIT_REPORT_*.csv 2>/dev/null | head -n 1 || true)
if [ -z "$report" ]; then
  echo "ukb_audit_compare.sh: the audit tool wrote no report; its output ends:" >&2
  tail -n 20 "$tmp/tool.out" >&2; tail -n 20 "$tmp/tool.err" >&2; exit 3
fi
rows=$(($(wc -l < "$report") - 1))

printf '  UK Biobank Git Audit Tool:              wall %8.2f s  cpu %8.2f s  (report: %d rows)\n' "$tw" "$tc" "$rows"
printf '  cohortguard scan --history (%s threads): wall %8.2f s  cpu %8.2f s\n' "$threads" "$cw" "$cc"
awk -v t="$tw" -v c="$cw" -v tc="$tc" -v cc="$cc" 'BEGIN{printf "  ratio (tool / cohortguard): wall %.1fx  cpu %.1fx\n", t/c, tc/cc}'
