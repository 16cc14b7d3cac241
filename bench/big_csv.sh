#!/usr/bin/env bash
# A 1 GiB UK Biobank-style csv (36.8 million rows, a token planted at ~700 MiB), analysed whole
# (secrets and table) at the default --max-file-size (256M, so the file is far past it):
# throughput per core and peak RSS, against `wc -l` and `grep -c` over the same file in the same
# run (page cache warm for all three). Goals (issue 17): >= 500 MB/s per core, RSS < 50 MB.
# Usage: bench/big_csv.sh [BUILD_DIR] [RUNS]   (needs python3 and /usr/bin/time; writes 1 GiB to $TMPDIR)
set -euo pipefail
BIN=$(realpath "${1:-build}")/cohortguard
RUNS=${2:-3}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
python3 - "$DIR/ukb99999.csv" <<'PY'
import random, sys
random.seed(1)
with open(sys.argv[1], 'w') as f:
    f.write('eid,31-0.0,34-0.0,21022-0.0,21001-0.0,41270-0.0\n')
    size, eid, buf, planted = 0, 1000000, [], False
    while size < 1 << 30:
        eid += random.randint(1, 7)
        line = f"{eid},{random.randint(0,1)},{random.randint(1937,1970)},{random.randint(40,70)},{random.randint(18,40)}.{random.randint(0,99)},I{random.randint(10,99)}\n"
        if not planted and size > 700 << 20:
            line = f"{eid},0,1950,55,22.1,ghp_MFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNh\n"
            planted = True
        buf.append(line); size += len(line)
        if len(buf) >= 100000: f.write(''.join(buf)); buf = []
    f.write(''.join(buf))
PY
cd "$DIR"
FILE=ukb99999.csv
BYTES=$(stat -c %s "$FILE")
cat "$FILE" > /dev/null
# "wall user sys maxrss_kb" of a command, best (lowest CPU) of $RUNS runs.
measure() {
  local best=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %U %S %M" -o t.txt "$@" > out.txt 2>/dev/null || true
    local line cpu
    line=$(tail -1 t.txt)
    cpu=$(awk '{print $2 + $3}' <<< "$line")
    if [ -z "$best" ] || awk -v a="$cpu" -v b="$(awk '{print $2 + $3}' <<< "$best")" 'BEGIN{exit !(a < b)}'; then best=$line; fi
  done
  echo "$best"
}
report() {  # name "wall user sys rss"
  awk -v n="$1" -v b="$BYTES" '{cpu = $2 + $3; printf "%-28s wall %6.2f s  cpu %6.2f s  %7.0f MB/s per core  peak RSS %6.1f MB\n", n, $1, cpu, b / 1e6 / (cpu > 0 ? cpu : 1e-9), $4 / 1024}' <<< "$2"
}
WC=$(measure wc -l "$FILE")
GREP=$(measure grep -c -F ghp_ "$FILE")
CG=$(measure "$BIN" scan --threads 1 --format json "$FILE")
cp out.txt scan.json
IDLE=$(measure "$BIN" version)
echo "file: $FILE, $BYTES bytes, $(wc -l < "$FILE") lines; load: $(cut -d' ' -f1-3 /proc/loadavg)"
report "wc -l" "$WC"
report "grep -c -F ghp_" "$GREP"
report "cohortguard scan --threads 1" "$CG"
echo "idle binary (cohortguard version): peak RSS $(awk '{printf "%.1f", $4 / 1024}' <<< "$IDLE") MB"
awk -v c="$CG" -v w="$WC" -v g="$GREP" 'BEGIN{split(c, C); split(w, W); split(g, G);
  printf "ratios (CPU time): scan / wc -l %.2f, scan / grep -c %.2f\n", (C[2]+C[3]) / (W[2]+W[3]), (C[2]+C[3]) / (G[2]+G[3])}'
python3 - scan.json <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
for f in j["findings"]:
    print(f"finding: {f['rule']} rows={f.get('rows')} rows_estimated={f.get('rows_estimated')} line={f.get('line')}")
print(f"skipped: {len(j.get('skipped', []))}, errors: {len(j.get('errors', []))}")
PY
