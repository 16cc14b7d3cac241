#!/usr/bin/env bash
# Full-history benchmark: `cohortguard scan --history` against `git cat-file --batch-all-objects
# --batch --unordered` (which merely reads every object) on the same repository, in the same run.
#
#   bench/history_bench/run.sh [--repo PATH] [--commits N] [--mb MB] [--threads N] [--runs K]
#
# Without --repo it builds the deterministic synthetic repository (make_repo.py; cached under
# $CG_BENCH_DIR, default /tmp/cohortguard-bench) and checks that the planted extract is found.
# Prints, per run: wall time, CPU time and peak RSS of both, throughput over the blob bytes, and
# the ratio scan/cat-file. Timings on a shared machine vary: compare ratios from the same run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD_DIR:-$root/build}
repo="" commits=3000 mb=600 threads=2 runs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) repo=$2; shift 2 ;;
    --commits) commits=$2; shift 2 ;;
    --mb) mb=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

[ -x "$build/cohortguard" ] && [ -x "$build/bench/history_read" ] || {
  echo "run.sh: build first (cmake -S . -B build -G Ninja && cmake --build build -j2)" >&2; exit 2; }

synthetic=0
if [ -z "$repo" ]; then
  synthetic=1
  repo=${CG_BENCH_DIR:-/tmp/cohortguard-bench}/synthetic-c$commits-m$mb
  if [ ! -d "$repo" ]; then
    echo "building $repo ..."
    python3 "$here/make_repo.py" "$repo.tmp" --commits "$commits" --mb "$mb" && mv "$repo.tmp" "$repo"
  fi
fi
git_dir=$(git -C "$repo" rev-parse --git-dir)
case "$git_dir" in /*) ;; *) git_dir=$repo/$git_dir ;; esac
objects=$(git -C "$repo" count-objects -v | awk '/^count:|^in-pack:/{n+=$2} END{printf "%.0f", n}')
blob_bytes=$(git -C "$repo" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectsize)' \
             | awk '$1=="blob"{b+=$2; n++} END{printf "%d %.0f", n, b}')
read -r blobs bytes <<<"$blob_bytes"
echo "repository: $repo"
echo "objects: $objects, blobs: $blobs, blob bytes: $bytes ($(awk -v b="$bytes" 'BEGIN{printf "%.2f", b/2^30}') GiB)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$git_dir"/objects/pack/*.pack > /dev/null 2>&1 || true   # warm the page cache for both

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
measure() {  # measure NAME OUT CMD... : prints "wall user+sys maxrss_kb"; stdout goes to OUT
  local name=$1 out=$2; shift 2
  if ! /usr/bin/time -f "%e %U %S %M" -o "$tmp/$name.time" "$@" > "$out" 2> "$tmp/$name.err"; then
    # cohortguard exits 1 on findings and 3 when some items could not be read (a repository's
    # own corrupt test fixtures, say): the scan still completed. Anything else is a failure.
    code=$(sed -n 's/^Command exited with non-zero status //p' "$tmp/$name.time")
    case "${code:-0}" in
      1|3) echo "$name exit $code" > "$tmp/$name.exit" ;;
      *) echo "run.sh: $name failed (exit ${code:-?}):" >&2; cat "$tmp/$name.err" >&2; exit 3 ;;
    esac
  fi
  tail -n 1 "$tmp/$name.time" | awk '{printf "%s %.2f %s", $1, $2 + $3, $4}'
}
for run in $(seq 1 "$runs"); do
  read -r cw cc cr <<<"$(measure catfile /dev/null git -C "$repo" cat-file --batch-all-objects --batch --unordered)"
  read -r sw sc sr <<<"$(measure scan "$tmp/scan.out" "$build/cohortguard" scan --history "$repo" --format json --threads "$threads" --fail-on never)"
  read -r rw rc rr <<<"$(measure read "$tmp/read.out" "$build/bench/history_read" "$repo" --threads "$threads")"
  [ -n "$cw" ] && [ -n "$sw" ] && [ -n "$rw" ] || exit 3
  echo "run $run:"
  awk -v w="$cw" -v c="$cc" -v r="$cr" -v b="$bytes" 'BEGIN{printf "  git cat-file --batch-all-objects --batch --unordered: wall %6.2f s  cpu %6.2f s  rss %5.0f MiB  %7.1f MiB/s of blobs\n", w, c, r/1024, b/2^20/w}'
  awk -v w="$sw" -v c="$sc" -v r="$sr" -v b="$bytes" -v base="$cw" -v t="$threads" 'BEGIN{printf "  cohortguard scan --history (%s threads):          wall %6.2f s  cpu %6.2f s  rss %5.0f MiB  %7.1f MiB/s  ratio %.2fx\n", t, w, c, r/1024, b/2^20/w, w/base}'
  awk -v w="$rw" -v c="$rc" -v r="$rr" -v b="$bytes" -v base="$cw" -v t="$threads" 'BEGIN{printf "  history_read (source only, %s threads):          wall %6.2f s  cpu %6.2f s  rss %5.0f MiB  %7.1f MiB/s  ratio %.2fx\n", t, w, c, r/1024, b/2^20/w, w/base}'
done
if [ -f "$tmp/scan.exit" ]; then
  errors=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["errors"]))' "$tmp/scan.out" 2>/dev/null || echo "?")
  echo "scan --history: $(cat "$tmp/scan.exit"), $errors errors in the report (items it could not read)"
fi
if [ "$synthetic" = 1 ]; then
  if grep -q '"path": *"analysis/tmp/ukb_extract_' "$tmp/scan.out"; then
    echo "planted extract: found, with its path"
  else
    echo "planted extract: NOT FOUND"; exit 1
  fi
fi
