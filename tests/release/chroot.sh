# SPDX-License-Identifier: Apache-2.0
# Sourced by the release tests: skipping, a fresh chroot from a scripts/make-chroot tarball, and
# the session of a researcher who only has what the artefact under test installed.
skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAIL ($release): $*" >&2; exit 1; }

# release_test_gate: exits 77 (saying why) unless release tests are asked for and can run.
release_test_gate() {
  [ "${COHORTGUARD_RELEASE_TESTS:-}" = 1 ] || skip "release test: set COHORTGUARD_RELEASE_TESTS=1 (scripts/release does)"
  [ "$(id -u)" -eq 0 ] || skip "needs root (chroot)"
}

# open_chroot TARBALL: unpacks it into $root (a fresh folder), mounts /proc; undone at exit.
open_chroot() {
  [ -f "$1" ] || skip "no $1: run scripts/make-chroot $(basename "$1" .tar)"
  work=$(mktemp -d)
  root="$work/root"
  trap 'umount "$root/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
  mkdir "$root" && tar -xf "$1" -C "$root"
  mount -t proc proc "$root/proc"
}

in_root() { chroot "$root" env -i PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

# study_session: as a new user, a study repository with a UK Biobank extract (eid + field
# columns, 300 participants): the scan finds it, hook install works, a clean commit passes and
# the commit of the extract is blocked.
study_session() {
  in_root useradd -m researcher
  cat >"$root/home/researcher/run.sh" <<'SCRIPT'
set -eu
git config --global user.name Researcher && git config --global user.email r@example.invalid
git init -q study && cd study
echo 'fit <- lm(y ~ x, data = d)' >analysis.R
mkdir data
awk 'BEGIN { print "eid,31-0.0,34-0.0,21022-0.0"; for (i = 0; i < 300; i++) printf "%d,%d,%d,%d\n", 1000000 + i * 7919 % 8999999, i % 2, 1937 + i % 33, 40 + i % 29 }' >data/ukb12345.csv
set +e
cohortguard scan --no-progress . >scan.out 2>&1; echo "scan=$?"
cohortguard hook install; echo "install=$?"
git add analysis.R && git commit -q -m code; echo "clean_commit=$?"
git add data/ukb12345.csv && git commit -q -m data >commit.out 2>&1; echo "data_commit=$?"
cat scan.out commit.out
SCRIPT
  local out
  out=$(in_root su - researcher -c 'sh run.sh' 2>&1) || true
  echo "$out"
  for want in scan=1 install=0 clean_commit=0 data_commit=1 ukbiobank.main-dataset; do
    grep -q "$want" <<<"$out" || fail "expected '$want' in the output above"
  done
}
