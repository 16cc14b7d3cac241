#!/usr/bin/env bash
# What the table analysis (table rules, person model, re-identification estimate) adds to a
# full-history scan of a code-heavy repository. Both variants run in this one invocation,
# interleaved, so load drifts hit both alike; the reference is the same scan with only the
# secrets pack (--no-default-rules --rules rules/secrets.yaml), i.e. no table rules at all.
# Shape sniffing still runs in the reference, so the ratio measures the rules' cost on top of it.
# Usage: bench/detect_overhead.sh [BUILD_DIR] [GIT_DIR] [REPS]   (goal: ratio <= 1.10)
set -uo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(realpath "${1:-$SRC/build}")/cohortguard
REPO=${2:-/work/.mirror/MRCIEU+TwoSampleMR/repo}
REPS=${3:-5}
[ -x "$BIN" ] || { echo "detect_overhead: no binary at $BIN" >&2; exit 2; }
[ -d "$REPO" ] || { echo "detect_overhead: no git directory at $REPO" >&2; exit 2; }
run() {  # prints wall seconds of one scan; exit 0/1/3 are normal scan outcomes
  local t0 t1 rc
  t0=$(date +%s.%N)
  "$BIN" scan --history --no-progress --format json "$@" "$REPO" >/dev/null 2>&1; rc=$?
  t1=$(date +%s.%N)
  case $rc in 0|1|3) ;; *) echo "detect_overhead: scan exited $rc" >&2; exit 2;; esac
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "repository: $REPO   reps: $REPS   load: $(cut -d' ' -f1-3 /proc/loadavg)"
run >/dev/null  # warm the page cache
full=() ref=()
for i in $(seq "$REPS"); do
  full+=("$(run)")
  ref+=("$(run --no-default-rules --rules "$SRC/rules/secrets.yaml")")
done
f=$(printf '%s\n' "${full[@]}" | median)
r=$(printf '%s\n' "${ref[@]}" | median)
echo "with table analysis    (s): ${full[*]}  median $f"
echo "without (secrets only) (s): ${ref[*]}  median $r"
echo "ratio with/without: $(awk -v f="$f" -v r="$r" 'BEGIN {printf "%.3f", f / r}')   (goal <= 1.10)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
