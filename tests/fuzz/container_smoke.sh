#!/usr/bin/env bash
# Runs every container-reader libFuzzer target for a short smoke period (default 20 s each) on seeds generated
# by seeds.py and on the past crash inputs in tests/fuzz/regressions/<reader>/ (replayed by the unit test
# FuzzRegressions too). Usage: tests/fuzz/container_smoke.sh [BUILD_DIR] [SECONDS]. Exit status is non-zero
# when a target crashes; its reproducer is left in $BUILD_DIR/fuzz-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD_DIR=${1:-build-fuzz}
SECONDS_EACH=${2:-20}
ART="$BUILD_DIR/fuzz-artifacts"
mkdir -p "$ART"
python3 tests/fuzz/seeds.py "$BUILD_DIR/fuzz-seeds"
status=0
for reader in gzip bgzf zstd xz bzip2 archive xlsx ods notebook html json_records fhir odm utf16 text_tables; do
  target=fuzz_$reader
  bin="$BUILD_DIR/tests/fuzz/$target"
  corpus="$BUILD_DIR/fuzz-corpus/$target"
  mkdir -p "$corpus"
  seeds="$BUILD_DIR/fuzz-seeds/${target#fuzz_}"
  regressions="tests/fuzz/regressions/$reader"  # past crash inputs, replayed first
  echo "== $target (${SECONDS_EACH}s)"
  if ! "$bin" -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=10 -max_len=262144 \
      -artifact_prefix="$ART/$target-" "$corpus" ${seeds:+$( [ -d "$seeds" ] && echo "$seeds")} \
      $( [ -d "$regressions" ] && echo "$regressions") \
      > "$ART/$target.log" 2>&1; then
    echo "   FAILED: see $ART/$target.log"
    tail -30 "$ART/$target.log"
    status=1
  else
    tail -1 "$ART/$target.log"
  fi
done
exit $status
