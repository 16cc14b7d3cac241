#!/usr/bin/env python3
"""Pre-commit hook latency: cohortguard against git-secrets on the same staged commit.

Builds a deterministic repository of many small files (default 15,000, committed), stages a few
small changed and new files (default 10), then times, alternating, N runs of:
  cohortguard hook pre-commit          (what the installed shim runs)
  git secrets --pre_commit_hook        (with --register-aws patterns, its usual setup)
  git diff --cached --name-only        (the floor for any staged scan)
and prints the median (p50) of each. Nothing but the temporary folder is touched.

  bench/hook_latency.py [--binary build/cohortguard] [--files 15000] [--staged 10] [--runs 31]
                        [--before OLD_BINARY]   (also time an older build in the same rotation)
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", *args],
                   cwd=repo, check=True, stdout=subprocess.DEVNULL)


def make_repo(root, files, staged, rng):
    repo = os.path.join(root, "repo")
    os.makedirs(repo)
    git(repo, "init", "-q")
    for i in range(files):
        d = os.path.join(repo, f"src/m{i % 150:03d}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"f{i:05d}.py"), "w") as f:
            for j in range(rng.randint(5, 40)):
                f.write(f"def fn_{i}_{j}(x):\n    return x * {rng.randint(1, 999)} + {j}\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "secrets", "--register-aws")
    for k in range(staged):
        if k % 2 == 0:
            path = os.path.join(repo, f"src/m{k:03d}/f{k:05d}.py")
            with open(path, "a") as f:
                f.write(f"# change {k}\nVALUE_{k} = {rng.randint(1, 10**6)}\n")
        else:
            path = os.path.join(repo, f"analysis/new_{k}.csv")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write("gene,tissue,mean_tpm\n")
                for r in range(20):
                    f.write(f"G{r},t{k},{rng.random():.3f}\n")
    git(repo, "add", "-A")
    return repo


def time_once(cmd, cwd, env):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({r.returncode}): {r.stderr.decode(errors='replace')}")
    return dt * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="build/cohortguard")
    ap.add_argument("--files", type=int, default=15000)
    ap.add_argument("--staged", type=int, default=10)
    ap.add_argument("--runs", type=int, default=31)
    ap.add_argument("--before", help="an older cohortguard binary, timed in the same rotation")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    if not shutil.which("git-secrets"):
        sys.exit("git-secrets is not installed (Debian package git-secrets; scripts/setup installs it)")
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null")
    with tempfile.TemporaryDirectory(prefix="cg-hook-bench-") as root:
        repo = make_repo(root, a.files, a.staged, random.Random(42))
        cmds = {
            "cohortguard hook pre-commit": [binary, "hook", "pre-commit"],
            "git secrets --pre_commit_hook": ["git", "secrets", "--pre_commit_hook"],
            "git diff --cached --name-only": ["git", "diff", "--cached", "--name-only"],
        }
        if a.before:
            cmds["cohortguard hook pre-commit (--before)"] = [os.path.abspath(a.before), "hook", "pre-commit"]
        times = {k: [] for k in cmds}
        for k, c in cmds.items():  # warm the page cache once
            time_once(c, repo, env)
        for _ in range(a.runs):
            for k, c in cmds.items():
                times[k].append(time_once(c, repo, env))
        print(f"repository: {a.files} committed files, {a.staged} staged; {a.runs} runs each (alternating)")
        p50 = {k: statistics.median(v) for k, v in times.items()}
        for k, v in p50.items():
            print(f"  p50 {v:7.1f} ms   {k}")
        ratio = p50["cohortguard hook pre-commit"] / p50["git secrets --pre_commit_hook"]
        print(f"cohortguard / git-secrets = {ratio:.2f} (goal: at most 0.25)")
        if a.before:
            old = p50["cohortguard hook pre-commit (--before)"] / p50["git secrets --pre_commit_hook"]
            print(f"--before / git-secrets = {old:.2f}")


if __name__ == "__main__":
    main()
