#!/usr/bin/env bash
# Peak memory of detecting a 1 GiB UK Biobank-style csv, streamed end to end.
# Usage: bench/detect_memory.sh [BUILD_DIR]   (needs python3 and /usr/bin/time; writes 1 GiB to $TMPDIR)
set -euo pipefail
BIN=$(realpath "${1:-build}")/cohortguard
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
python3 - "$DIR/ukb99999.csv" <<'PY'
import random, sys
random.seed(1)
with open(sys.argv[1], 'w') as f:
    f.write('eid,31-0.0,34-0.0,21022-0.0,21001-0.0,41270-0.0\n')
    size, eid, buf = 0, 1000000, []
    while size < 1 << 30:
        eid += random.randint(1, 7)
        line = f"{eid},{random.randint(0,1)},{random.randint(1937,1970)},{random.randint(40,70)},{random.randint(18,40)}.{random.randint(0,99)},I{random.randint(10,99)}\n"
        buf.append(line); size += len(line)
        if len(buf) >= 100000: f.write(''.join(buf)); buf = []
    f.write(''.join(buf))
PY
cd "$DIR"
/usr/bin/time -v "$BIN" scan --max-file-size 2G --format json ukb99999.csv 2> time.txt | head -c 600; echo
grep -E "Maximum resident|Elapsed" time.txt
/usr/bin/time -v "$BIN" version 2>&1 >/dev/null | grep "Maximum resident" | sed 's/^/idle binary: /'
