#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Release test: installs the .deb for Debian RELEASE into a fresh chroot of that release (offline:
# the chroot tarball from scripts/make-chroot carries the dependencies' packages), then runs a scan,
# `hook install` and a blocked commit there, as a user who only has the package would.
#   tests/release/deb_in_chroot.sh RELEASE BUILD_DIR     exit 77: skipped (says why)
set -euo pipefail
release=$1 build=$(cd "$2" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
. "$src/tests/release/chroot.sh"
release_test_gate
case $release in bookworm) n=12 ;; trixie) n=13 ;; *) echo "unknown release $release" >&2; exit 2 ;; esac
# The host's release is packaged from this build now (never a stale package); another release's
# package is built in its own chroot by scripts/release.
. /etc/os-release
if [ "${VERSION_ID%%.*}" = "$n" ]; then "$src/scripts/build-deb" "$build" >/dev/null; fi
debs=("$build"/dist/cohortguard_*~deb${n}_amd64.deb)
[ -f "${debs[-1]}" ] || skip "no $build/dist/cohortguard_*~deb${n}_amd64.deb: scripts/release builds it in a $release chroot"
deb=${debs[-1]} dbgsym=${debs[-1]/cohortguard_/cohortguard-dbgsym_}
open_chroot "$build/chroots/$release.tar"
cp "$deb" "$dbgsym" "$root/tmp/"

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

study_session
echo "PASS ($release): $(basename "$deb") installs offline, scans, installs hooks and blocks the commit"
