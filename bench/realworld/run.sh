#!/usr/bin/env bash
# Detection accuracy on real files: scan labelled corpora with a cohortguard binary and print
# recall and precision at the blocking threshold (medium) per corpus and per format, with the
# --explain decision of every miss and false positive.
#
# usage: bench/realworld/run.sh BINARY [--snapshots ROOT] [--dev DEV.tsv] [--tools DIR]
#                               [--out DIR] [--quiet]
#   --snapshots ROOT  fetched snapshots (OWNER+NAME/repo bare git dirs): scores realworld.tsv
#                     beside this script, and with --dev also that list (e.g. the shared
#                     realworld-dev.tsv)
#   --tools DIR       a corpus written by bench/realworld/make-tool-corpus DIR
#   --out DIR         where exports and reports go (default: a temporary folder, kept)
#   --quiet           figures only, no per-file misses
# At least one of --snapshots or --tools. Nothing here needs the network.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
usage() { sed -n '5,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage
bin=$(realpath "$1"); shift
snap="" dev="" tools="" out="" quiet=""
while [ $# -gt 0 ]; do
  case $1 in
    --snapshots) snap=$2; shift 2 ;;
    --dev) dev=$(realpath "$2"); shift 2 ;;
    --tools) tools=$(realpath "$2"); shift 2 ;;
    --out) out=$2; shift 2 ;;
    --quiet) quiet=--quiet; shift ;;
    *) usage ;;
  esac
done
[ -x "$bin" ] || { echo "not an executable: $bin" >&2; exit 2; }
[ -n "$snap$tools" ] || usage
[ -z "$dev" ] || [ -n "$snap" ] || { echo "--dev needs --snapshots" >&2; exit 2; }
out=${out:-$(mktemp -d /tmp/cohortguard-accuracy.XXXXXX)}
mkdir -p "$out"; out=$(realpath "$out")
echo "binary: $bin ($("$bin" version 2>/dev/null | head -1)); output in $out" >&2

summaries=()
score() {  # NAME DIR (DIR holds tree/ and labels.json)
  local name=$1 dir=$2
  (cd "$dir/tree" && "$bin" scan . --explain --format json --output "$dir/report.json" \
      --no-progress --no-ignore >/dev/null 2>"$dir/stderr") || true
  [ -s "$dir/report.json" ] || { echo "$name: scan wrote no report (see $dir/stderr)" >&2; return; }
  python3 "$here/score.py" "$dir/labels.json" "$dir/report.json" --name "$name" \
    --notes "$dir/notes.json" $quiet | tee "$dir/score.txt"
  summaries+=("$(tail -1 "$dir/score.txt")")
  echo
}
if [ -n "$snap" ]; then
  if [ -n "$dev" ]; then
    "$here/export.sh" "$dev" "$snap" "$out/dev" || echo "dev: some files left out (above)" >&2
    score dev "$out/dev"
  fi
  "$here/export.sh" "$here/realworld.tsv" "$snap" "$out/realworld" ||
    echo "realworld: some files left out (above)" >&2
  score realworld "$out/realworld"
fi
if [ -n "$tools" ]; then
  [ -f "$tools/labels.json" ] || { echo "no labels.json in $tools" >&2; exit 2; }
  score tools "$tools"
fi
echo "summary (blocking threshold: medium):"
printf '  %s\n' "${summaries[@]}"
