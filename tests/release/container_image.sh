#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Release test: builds packaging/docker/Dockerfile with podman and checks the image as its users run
# it: `scan` and `scan --history` of a mounted repository that belongs to another user, and the
# pre-commit framework's docker_image hook (the framework runs the image as the calling user, with
# the repository mounted on /src). The base image is imported from scripts/make-chroot's bookworm
# tarball, so the build needs no registry, only the Debian mirror apt already uses.
#   tests/release/container_image.sh BUILD_DIR        exit 77: skipped (says why)
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
release=container
. "$src/tests/release/chroot.sh"
release_test_gate
command -v podman >/dev/null || skip "podman is not installed (apt-get install podman)"
base=localhost/cohortguard-base:bookworm image=localhost/cohortguard:release-test
if ! podman image exists "$base"; then
  [ -f "$build/chroots/bookworm.tar" ] || skip "no $build/chroots/bookworm.tar: run scripts/make-chroot bookworm"
  podman import "$build/chroots/bookworm.tar" "$base" >/dev/null
fi
err=$(podman run --rm "$base" true 2>&1) || skip "podman cannot run containers here: $err"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
podman build -q -f "$src/packaging/docker/Dockerfile" --build-arg BASE="$base" --build-arg RUNTIME="$base" \
  -t "$image" "$src" >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; fail "podman build failed"; }
run() { podman run --rm "$@"; }

[ "$(run --entrypoint id "$image" -u)" = 10001 ] || fail "the image does not run as its unprivileged user"
run --entrypoint sh "$image" -c 'command -v c++ || command -v cmake || command -v ninja' && fail "the runtime image ships a build tool"
run --entrypoint sh "$image" -c 'test -s /etc/ssl/certs/ca-certificates.crt && command -v ssh && command -v git' >/dev/null ||
  fail "the runtime image lacks ca-certificates, openssh-client or git"
run "$image" version | grep -q '^cohortguard ' || fail "cohortguard version"

# A study repository that belongs to a host user the image does not know (uid 4242).
repo="$work/study"
git init -q "$repo"
git -C "$repo" config user.name R && git -C "$repo" config user.email r@example.invalid
echo 'fit <- lm(y ~ x, data = d)' >"$repo/analysis.R"
git -C "$repo" add analysis.R && git -C "$repo" commit -q -m code
clean=$(run -v "$repo:/src" "$image" scan --no-progress /src 2>&1) && rc=0 || rc=$?
[ "$rc" = 0 ] || { echo "$clean"; fail "clean repository: exit $rc, want 0"; }
mkdir "$repo/data"
awk 'BEGIN { print "eid,31-0.0,34-0.0,21022-0.0"; for (i = 0; i < 300; i++) printf "%d,%d,%d,%d\n", 1000000 + i * 7919 % 8999999, i % 2, 1937 + i % 33, 40 + i % 29 }' >"$repo/data/ukb12345.csv"
git -C "$repo" add data && git -C "$repo" commit -q -m data
chown -R 4242:4242 "$repo"
for mode in "" --history; do
  # shellcheck disable=SC2086
  out=$(run -v "$repo:/src" "$image" scan --no-progress $mode /src 2>&1) && rc=0 || rc=$?
  [ "$rc" = 1 ] && grep -q ukbiobank.main-dataset <<<"$out" || { echo "$out"; fail "scan $mode of a repository owned by uid 4242: exit $rc, want 1 with the extract"; }
done

# pre-commit's docker_image hook: the calling user's uid, the repository on /src, files passed.
cp "$repo/data/ukb12345.csv" "$repo/data/copy.csv" && chown 4242:4242 "$repo/data/copy.csv"
podman run --rm -u 4242:4242 -v "$repo:/src" "$base" git -C /src -c safe.directory='*' add data/copy.csv
out=$(run -u 4242:4242 -v "$repo:/src:rw" --workdir /src --entrypoint cohortguard "$image" hook pre-commit data/copy.csv 2>&1) && rc=0 || rc=$?
[ "$rc" = 1 ] && grep -q 'data/copy.csv' <<<"$out" || { echo "$out"; fail "docker_image pre-commit hook: exit $rc, want 1 naming data/copy.csv"; }
echo "PASS: the image builds, runs as uid 10001 without build tools, scans a foreign-owned repository (worktree and history) and blocks a staged extract as the pre-commit framework runs it"
