#!/usr/bin/env python3
"""sweep_bench: `cohortguard sweep` over many small mirrors and forks that share history.

Generates (deterministically, seeded) UPSTREAMS small repositories with git fast-import, mirrors
each one, and adds FORKS mirrors per upstream that carry the whole upstream history plus a few
commits of their own. Then runs three sweeps with a fresh state database and prints, for each,
wall time, blobs listed / skipped as already known / read, objects/s (blobs listed per second of
wall time) and the dedup saving (share of listed blobs not read again).

  bench/sweep_bench/sweep_bench.py --binary build/cohortguard [--upstreams 100] [--forks 2]

Sweeps: 1) cold: every distinct blob read once, forks cost only their own commits;
2) warm, nothing changed (the nightly case); 3) one new commit in one fork.
"""
import argparse, os, random, re, shutil, subprocess, sys, tempfile, time

ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null", GIT_AUTHOR_NAME="b",
           GIT_AUTHOR_EMAIL="b@b", GIT_COMMITTER_NAME="b", GIT_COMMITTER_EMAIL="b@b")


def git(*args, cwd=None, inp=None):
    subprocess.run(["git", *args], cwd=cwd, input=inp, env=ENV, check=True, stdout=subprocess.DEVNULL)


def fast_import(repo, rng, commits, files_per_commit, branch="main", parent=None, tag="r"):
    out, mark = [], 1
    for c in range(commits):
        msg = f"commit {c}\n"
        out.append(f"commit refs/heads/{branch}\nmark :{mark}\ncommitter b <b@b> {1600000000 + c} +0000\n"
                   f"data {len(msg)}\n{msg}")
        if c == 0 and parent:
            out.append(f"from {parent}\n")
        mark += 1
        for f in range(files_per_commit):
            body = "".join(f"{tag} line {rng.randrange(10**9)} {f}\n" for _ in range(rng.randrange(5, 60)))
            raw = body.encode()
            out.append(f"M 100644 inline {tag}/f{rng.randrange(40)}.txt\ndata {len(raw)}\n")
            out.append(body + "\n")
    git("fast-import", "--quiet", cwd=repo, inp="".join(out).encode())


def sweep(binary, mirrors, state):
    t = time.monotonic()
    r = subprocess.run([binary, "sweep", mirrors, "--state", state, "--format", "jsonl", "--fail-on", "never"],
                       capture_output=True, text=True)
    wall = time.monotonic() - t
    m = re.search(r"swept (\d+) repositories.*?: (\d+) blobs listed, (\d+) already scanned .*?, (\d+) scanned", r.stderr)
    if r.returncode not in (0, 1) or not m:
        sys.exit(f"sweep failed ({r.returncode}): {r.stderr}")
    repos, listed, known, scanned = map(int, m.groups())
    return wall, repos, listed, known, scanned


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="build/cohortguard")
    ap.add_argument("--upstreams", type=int, default=100)
    ap.add_argument("--forks", type=int, default=2)
    ap.add_argument("--commits", type=int, default=20)
    ap.add_argument("--keep", action="store_true", help="keep the generated folder")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    rng = random.Random(42)
    root = tempfile.mkdtemp(prefix="cg-sweep-bench-")
    mirrors = os.path.join(root, "mirrors")
    t0 = time.monotonic()
    for u in range(a.upstreams):
        up = os.path.join(mirrors, f"org{u % 10}", f"repo{u}.git")
        git("init", "-q", "--bare", "-b", "main", up)
        fast_import(up, rng, a.commits, 3, tag=f"u{u}")
        for k in range(a.forks):
            fork = os.path.join(mirrors, f"fork{k}", f"repo{u}.git")
            git("clone", "-q", "--mirror", up, fork)
            fast_import(fork, rng, 2, 2, parent="refs/heads/main^0", branch="feature", tag=f"f{u}-{k}")
    print(f"generated {a.upstreams} upstreams x (1 + {a.forks} forks) = {a.upstreams * (1 + a.forks)} mirrors "
          f"in {time.monotonic() - t0:.1f} s under {root}")
    state = os.path.join(root, "state.sqlite")
    rows = [("cold", *sweep(binary, mirrors, state)), ("warm, unchanged", *sweep(binary, mirrors, state))]
    fork0 = os.path.join(mirrors, "fork0", "repo0.git")
    fast_import(fork0, rng, 1, 1, parent="refs/heads/feature^0", branch="feature", tag="new")
    rows.append(("one new commit", *sweep(binary, mirrors, state)))
    print(f"{'sweep':<16} {'wall s':>7} {'repos':>6} {'listed':>8} {'known':>8} {'read':>7} {'objects/s':>10} {'saving':>7}")
    for name, wall, repos, listed, known, scanned in rows:
        print(f"{name:<16} {wall:7.2f} {repos:6d} {listed:8d} {known:8d} {scanned:7d} {listed / wall:10.0f} "
              f"{100.0 * known / max(1, listed):6.1f}%")
    if not a.keep:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
