#!/usr/bin/env bash
# What the table analysis (table rules, person model, re-identification estimate) adds to a
# full-history scan of a code-heavy repository. Both variants run in this one invocation,
# interleaved, so load drifts hit both alike; the reference is the same scan with only the
# secrets pack (--no-default-rules --rules rules/secrets.yaml), i.e. no table rules at all; a
# rule set that judges no table does not sniff one, so the ratio covers the whole table analysis
# (shape sniffing, table rules, person model, small cells, re-identification estimate).
# Usage: bench/detect_overhead.sh [BUILD_DIR] [GIT_DIR] [REPS]   (goal: ratio <= 1.10)
set -uo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(realpath "${1:-$SRC/build}")/cohortguard
REPO=${2:-/work/.mirror/MRCIEU+TwoSampleMR/repo}
REPS=${3:-5}
[ -x "$BIN" ] || { echo "detect_overhead: no binary at $BIN" >&2; exit 2; }
[ -d "$REPO" ] || { echo "detect_overhead: no git directory at $REPO" >&2; exit 2; }
TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT
run() {  # prints "wall cpu" seconds of one scan (cpu: user + sys); exit 0/1/3 are normal outcomes
  local rc
  /usr/bin/time -o "$TIMES" -f '%e %U %S' "$BIN" scan --history --no-progress --format json "$@" "$REPO" >/dev/null 2>&1; rc=$?
  case $rc in 0|1|3) ;; *) echo "detect_overhead: scan exited $rc" >&2; exit 2;; esac
  tail -1 "$TIMES" | awk '{printf "%.2f %.2f", $1, $2 + $3}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "repository: $REPO   reps: $REPS   load: $(cut -d' ' -f1-3 /proc/loadavg)"
run >/dev/null  # warm the page cache
full=() ref=()
for i in $(seq "$REPS"); do
  full+=("$(run)")
  ref+=("$(run --no-default-rules --rules "$SRC/rules/secrets.yaml")")
done
col() { printf '%s\n' "${@:2}" | cut -d' ' -f"$1"; }
fw=$(col 1 "${full[@]}" | median) fc=$(col 2 "${full[@]}" | median)
rw=$(col 1 "${ref[@]}" | median) rc=$(col 2 "${ref[@]}" | median)
echo "with table analysis    (wall s): $(col 1 "${full[@]}" | tr '\n' ' ') median $fw; cpu median $fc"
echo "without (secrets only) (wall s): $(col 1 "${ref[@]}" | tr '\n' ' ') median $rw; cpu median $rc"
echo "ratio with/without: wall $(awk -v f="$fw" -v r="$rw" 'BEGIN {printf "%.3f", f / r}'), cpu $(awk -v f="$fc" -v r="$rc" 'BEGIN {printf "%.3f", f / r}')   (goal <= 1.10)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
