#!/usr/bin/env python3
"""Pre-push to a destination the hook knows nothing about: a long history, cold and warm cache.

Builds a deterministic repository (git fast-import) of --commits commits, each changing a few of
--files small source files, then times `cohortguard hook pre-push` the way git runs it for a first
push of the whole history (remote id all zeros) to a public URL:
  floor        git log --raw --all (what any history scan must at least walk)
  cold         empty .git/cohortguard: every blob of every commit is read
  other URL    a second new destination: the walk again, blobs come from the clean-blob cache
  same URL     the destination the first push went to: what the hook let through is known
and prints each median with its ratio to the floor and to the cold run. The cache is wiped
before each cold run. Nothing but the temporary folder is touched.

  bench/pre_push_cache.py [--binary build/cohortguard] [--commits 3000] [--files 1500] [--runs 5]
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

ZERO = "0" * 40


def make_repo(root, commits, files, rng):
    repo = os.path.join(root, "repo")
    subprocess.run(["git", "init", "-q", repo], check=True)
    stream = []
    for c in range(commits):
        changed = [rng.randrange(files) for _ in range(3)] if c else range(min(files, 200))
        msg = f"change {c}\n"
        stream.append(f"commit refs/heads/main\nmark :{c + 1}\n"
                      f"committer bench <bench@example.invalid> {1600000000 + c} +0000\n"
                      f"data {len(msg)}\n{msg}" + (f"from :{c}\n" if c else ""))
        for i in changed:
            body = "".join(f"def fn_{i}_{j}(x):\n    return x * {rng.randint(1, 999)} + {j}\n"
                           for j in range(rng.randint(5, 30)))
            stream.append(f"M 100644 inline src/m{i % 50:02d}/f{i:05d}.py\ndata {len(body.encode())}\n{body}\n")
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input="".join(stream).encode(), check=True)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=repo, check=True)
    return repo


def run(cmd, cwd, env, stdin=b""):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, env=env, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    dt = (time.perf_counter() - t0) * 1000
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({r.returncode}): {r.stderr.decode(errors='replace')[-2000:]}")
    return dt, r.stderr.decode(errors="replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="build/cohortguard")
    ap.add_argument("--commits", type=int, default=3000)
    ap.add_argument("--files", type=int, default=1500)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null")
    with tempfile.TemporaryDirectory(prefix="cg-push-bench-") as root:
        repo = make_repo(root, a.commits, a.files, random.Random(7))
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True,
                              check=True).stdout.strip()
        blobs = int(subprocess.run("git rev-list --objects --all | cut -d' ' -f1 | git cat-file --batch-check='%(objecttype)' | grep -c blob",
                                   shell=True, cwd=repo, capture_output=True, text=True).stdout.strip())
        line = f"refs/heads/main {head} refs/heads/main {ZERO}\n".encode()
        cache = os.path.join(repo, ".git", "cohortguard")

        def hook(url):
            return run([binary, "hook", "pre-push", url, url], repo, env, line)

        floor, cold, other, same = [], [], [], []
        for k in range(a.runs):
            floor.append(run(["git", "log", "--raw", "--all", "--format=%H"], repo, env)[0])
            shutil.rmtree(cache, ignore_errors=True)
            dt, err = hook("https://github.com/lab/study.git")
            cold.append(dt)
            if "blob(s) already scanned clean" in err:
                sys.exit("cold run used a cache: " + err)
            dt, err = hook(f"https://gitlab.com/lab/study{k}.git")
            other.append(dt)
            if "blob(s) already scanned clean" not in err:
                sys.exit("second destination did not use the clean-blob cache: " + err)
            same.append(hook("https://github.com/lab/study.git")[0])
        p50 = {n: statistics.median(v) for n, v in
               (("floor", floor), ("cold", cold), ("other URL", other), ("same URL", same))}
        print(f"history: {a.commits} commits, {blobs} blobs; {a.runs} runs each, median")
        for name, ms in p50.items():
            print(f"  {name:10s} {ms:9.1f} ms   x{ms / p50['floor']:6.2f} floor   x{ms / p50['cold']:6.3f} cold")


if __name__ == "__main__":
    main()
