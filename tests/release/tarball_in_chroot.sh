#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Release test: the portable tarball of this build, unpacked under /opt of a fresh chroot of
# RELEASE that has none of the build's libraries (and an older glibc: Debian 11 has 2.31), runs a
# scan, `hook install` and a blocked commit there, reached through a symlink on PATH.
#   tests/release/tarball_in_chroot.sh RELEASE BUILD_DIR     exit 77: skipped (says why)
set -euo pipefail
release=$1 build=$(cd "$2" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
. "$src/tests/release/chroot.sh"
release_test_gate
tarball=$("$src/scripts/build-tarball" "$build" "$build/dist")
open_chroot "$build/chroots/$release.tar"
in_root sh -c 'ls /usr/lib/x86_64-linux-gnu/libgit2* /usr/lib/x86_64-linux-gnu/libre2* 2>/dev/null' && fail "the chroot has the build's libraries"
echo "chroot glibc: $(in_root getconf GNU_LIBC_VERSION)"
tar -xzf "$tarball" -C "$root/opt"
top=/opt/$(basename "$tarball" .tar.gz)
ln -s "$top/bin/cohortguard" "$root/usr/local/bin/cohortguard"
in_root cohortguard version | grep -q '^cohortguard ' || fail "cohortguard version"
study_session
grep -q "$top/bin/cohortguard" "$root/home/researcher/study/.git/hooks/pre-commit" || fail "the hook does not run the launcher"
echo "PASS ($release): $(basename "$tarball") runs without the build's libraries, scans, installs hooks and blocks the commit"
