#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Release test: installs the .deb for Debian RELEASE into a fresh chroot of that release (offline:
# the chroot tarball from scripts/make-chroot carries the dependencies' packages), then runs a scan,
# `hook install` and a blocked commit there, as a user who only has the package would.
#   tests/release/deb_in_chroot.sh RELEASE BUILD_DIR     exit 77: skipped (says why)
set -euo pipefail
release=$1 build=$(cd "$2" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
skip() { echo "SKIPPED: $*"; exit 77; }
[ "${COHORTGUARD_RELEASE_TESTS:-}" = 1 ] || skip "release test: set COHORTGUARD_RELEASE_TESTS=1 (scripts/release does)"
[ "$(id -u)" -eq 0 ] || skip "needs root (chroot)"
tarball="$build/chroots/$release.tar"
case $release in bookworm) n=12 ;; trixie) n=13 ;; *) echo "unknown release $release" >&2; exit 2 ;; esac
debs=("$build"/dist/cohortguard_*~deb${n}_amd64.deb)
if [ ! -f "${debs[0]}" ]; then
  . /etc/os-release
  [ "${VERSION_ID%%.*}" = "$n" ] || skip "no $build/dist/cohortguard_*~deb${n}_amd64.deb: scripts/release builds it in a $release chroot"
  "$src/scripts/build-deb" "$build" "$build/dist" >/dev/null
  debs=("$build"/dist/cohortguard_*~deb${n}_amd64.deb)
fi
deb=${debs[-1]} dbgsym=${debs[-1]/cohortguard_/cohortguard-dbgsym_}
[ -f "$tarball" ] || skip "no $tarball: run scripts/make-chroot $release $deb"

work=$(mktemp -d)
root="$work/root"
trap 'umount "$root/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir "$root" && tar -xf "$tarball" -C "$root"
mount -t proc proc "$root/proc"
cp "$deb" "$dbgsym" "$root/tmp/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
fail() { echo "FAIL ($release): $*" >&2; exit 1; }

# dpkg unpacks the packages; apt then installs their Depends from the cache (apt-get cannot take
# a local .deb together with --no-download).
{ in_root dpkg -i "/tmp/$(basename "$deb")" "/tmp/$(basename "$dbgsym")"; in_root apt-get install -f -y -qq --no-download; } >"$work/apt.log" 2>&1 || true
in_root dpkg-query -W -f='${Status}\n' cohortguard cohortguard-dbgsym 2>/dev/null | grep -c 'install ok installed' | grep -qx 2 ||
  { cat "$work/apt.log" >&2; fail "apt-get install of the .deb (offline) failed: its Depends do not resolve in $release, or the chroot's cache is stale (scripts/make-chroot $release $deb)"; }
in_root cohortguard version | grep -q '^cohortguard ' || fail "cohortguard version"
in_root sh -c 'ldd /usr/bin/cohortguard | grep "not found"' && fail "unresolved libraries"
in_root zcat /usr/share/man/man1/cohortguard.1.gz | grep -q '^\.TH COHORTGUARD' || fail "man page"
[ -f "$root/usr/share/doc/cohortguard/copyright" ] || fail "copyright"
build_id=$(readelf -n "$root/usr/bin/cohortguard" | sed -n 's/.*Build ID: \([0-9a-f]*\).*/\1/p')
[ -f "$root/usr/lib/debug/.build-id/${build_id:0:2}/${build_id:2}.debug" ] || fail "dbgsym has no debug file for build id $build_id"
readelf -S "$root/usr/bin/cohortguard" | grep -q '\.debug_info' && fail "/usr/bin/cohortguard is not stripped"

# A study repository with a UK Biobank extract (eid + field columns, 300 participants).
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
out=$(in_root su - researcher -c 'sh run.sh' 2>&1) || true
echo "$out"
for want in scan=1 install=0 clean_commit=0 data_commit=1 ukbiobank.main-dataset; do
  grep -q "$want" <<<"$out" || fail "expected '$want' in the output above"
done
echo "PASS ($release): $(basename "$deb") installs offline, scans, installs hooks and blocks the commit"
