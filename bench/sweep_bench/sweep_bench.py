#!/usr/bin/env python3
"""sweep_bench: `cohortguard sweep` over many small mirrors and forks that share history.

Generates (deterministically, seeded) UPSTREAMS small repositories with git fast-import, mirrors
each one, and adds FORKS mirrors per upstream that carry the whole upstream history plus a few
commits of their own. One upstream in LEAK_EVERY carries a participant-level table (a UK Biobank
style extract) in its history, so its forks carry it too; one fork in LEAK_EVERY adds one of its
own. Then it checks that the sweep reports the same findings however it is run, and measures:

  cold            fresh state: every distinct blob read once, forks cost only their own commits
  warm            nothing changed (the nightly case); --report all, so the findings can be compared
  one new commit  in one fork
  4 shards        each shard with its own fresh state, one after the other (the cluster case):
                  blobs read by all shards together, and the dedup rate across shards (share of
                  the listed blobs that no shard read)
  killed          kill -9 at random times (seeded) and rerun until a run completes, in jsonl
                  (appended report) and json (report replaced once complete) mode: the union of
                  the reports must equal the cold run's findings, and a run after that reports
                  nothing (nothing is reported twice once delivered)

  bench/sweep_bench/sweep_bench.py --binary build/cohortguard [--upstreams 100] [--forks 2]

Exits 1 when any run reports other findings than the cold run.
"""
import argparse, json, os, random, re, shutil, subprocess, sys, tempfile, time
from collections import Counter

ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null", GIT_AUTHOR_NAME="b",
           GIT_AUTHOR_EMAIL="b@b", GIT_COMMITTER_NAME="b", GIT_COMMITTER_EMAIL="b@b")
RUN_ENV = dict(os.environ, CI="1")  # no progress line in the measurements


def git(*args, cwd=None, inp=None):
    subprocess.run(["git", *args], cwd=cwd, input=inp, env=ENV, check=True, stdout=subprocess.DEVNULL)


def extract(rng, rows=120):
    """A participant-level table as a UK Biobank showcase extract looks: eid and field-instance columns."""
    lines = ["eid,31-0.0,34-0.0,21022-0.0,53-0.0,21001-0.0"]
    eid = 1000000 + rng.randrange(4000000)
    for _ in range(rows):
        eid += 1 + rng.randrange(7)
        lines.append(f"{eid},{rng.randrange(2)},{1937 + rng.randrange(33)},{40 + rng.randrange(30)},"
                     f"2008-0{1 + rng.randrange(9)}-1{rng.randrange(10)},{18 + rng.randrange(20)}.{rng.randrange(10)}")
    return "\n".join(lines) + "\n"


def fast_import(repo, rng, commits, files_per_commit, branch="main", parent=None, tag="r", leak_at=None):
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
        if c == leak_at:
            raw = extract(rng).encode()
            out.append(f"M 100644 inline data/{tag}_extract.csv\ndata {len(raw)}\n")
            out.append(raw.decode() + "\n")
    git("fast-import", "--quiet", cwd=repo, inp="".join(out).encode())


SUMMARY = re.compile(r"swept (\d+) repositories.*?: (\d+) blobs listed, (\d+) already scanned .*?, (\d+) scanned")


def run_sweep(binary, mirrors, state, extra=(), fmt="json", out=None):
    """One sweep to completion; returns (wall s, repos, listed, known, scanned, report path)."""
    cmd = [binary, "sweep", mirrors, "--state", state, "--format", fmt, "--fail-on", "never", *extra]
    if out:
        cmd += ["-o", out]
    t = time.monotonic()
    r = subprocess.run(cmd, capture_output=True, text=True, env=RUN_ENV)
    wall = time.monotonic() - t
    m = SUMMARY.search(r.stderr)
    if r.returncode != 0 or not m:
        sys.exit(f"sweep failed ({r.returncode}): {r.stderr}")
    return (wall, *map(int, m.groups()))


def findings(path, fmt):
    """The report's findings as a multiset of what identifies one (never their messages)."""
    if not os.path.exists(path):
        return Counter()
    with open(path) as f:
        text = f.read()
    if fmt == "json":
        items = json.loads(text)["findings"]
    else:
        items = [json.loads(line) for line in text.splitlines() if line.strip()]
        items = [i for i in items if i.get("type", "finding") == "finding" and "rule" in i]
    return Counter((i["repository"], i["rule"], i["path"], i["commit"], i["blob"], i.get("line")) for i in items)


def killed_runs(binary, mirrors, root, fmt, rng, max_delay, kills):
    """`kills` runs each kill -9'd at a random time (if still running), then one run to completion.
    Returns (union of the reports, kills that landed, runs, findings reported by one more run)."""
    state = os.path.join(root, f"killed-{fmt}.sqlite")
    union, landed = Counter(), 0
    jsonl = os.path.join(root, "killed.jsonl")
    for attempt in range(kills + 1):
        out = os.path.join(root, f"killed-{fmt}-{attempt}.{fmt}") if fmt == "json" else jsonl
        cmd = [binary, "sweep", mirrors, "--state", state, "--format", fmt, "--fail-on", "never", "-o", out]
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=RUN_ENV)
        try:
            p.wait(timeout=rng.uniform(0.05, max_delay) if attempt < kills else None)
        except subprocess.TimeoutExpired:
            p.kill()  # SIGKILL
            p.wait()
            landed += 1
        if p.returncode not in (0, -9):
            sys.exit(f"killed sweep ({fmt}) exited {p.returncode}")
        if fmt == "json":
            union += findings(out, fmt)
    if fmt == "jsonl":
        union = findings(jsonl, fmt)
    again = os.path.join(root, f"again.{fmt}")
    run_sweep(binary, mirrors, state, fmt=fmt, out=again)
    return union, landed, kills + 1, sum(findings(again, fmt).values())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="build/cohortguard")
    ap.add_argument("--upstreams", type=int, default=100)
    ap.add_argument("--forks", type=int, default=2)
    ap.add_argument("--commits", type=int, default=30)
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--leak-every", type=int, default=10)
    ap.add_argument("--kills", type=int, default=6, help="kill -9 this many runs in each of jsonl and json mode")
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
        fast_import(up, rng, a.commits, 3, tag=f"u{u}", leak_at=a.commits // 2 if u % a.leak_every == 0 else None)
        for k in range(a.forks):
            fork = os.path.join(mirrors, f"fork{k}", f"repo{u}.git")
            git("clone", "-q", "--mirror", up, fork)
            own_leak = 1 if (u * a.forks + k) % a.leak_every == 3 else None
            fast_import(fork, rng, 2, 2, parent="refs/heads/main^0", branch="feature", tag=f"f{u}-{k}", leak_at=own_leak)
    print(f"generated {a.upstreams} upstreams x (1 + {a.forks} forks) = {a.upstreams * (1 + a.forks)} mirrors "
          f"in {time.monotonic() - t0:.1f} s under {root}")

    ok = True

    def same(name, got, want):
        nonlocal ok
        if got != want:
            ok = False
            print(f"MISMATCH {name}: {sum((want - got).values())} missing, {sum((got - want).values())} extra")

    state = os.path.join(root, "state.sqlite")
    rows = []
    cold_report = os.path.join(root, "cold.json")
    rows.append(("cold", *run_sweep(binary, mirrors, state, out=cold_report)))
    cold = findings(cold_report, "json")
    warm_report = os.path.join(root, "warm.json")
    rows.append(("warm, unchanged", *run_sweep(binary, mirrors, state, extra=["--report", "all"], out=warm_report)))
    same("warm", findings(warm_report, "json"), cold)
    fork0 = os.path.join(mirrors, "fork0", "repo1.git")
    fast_import(fork0, rng, 1, 1, parent="refs/heads/feature^0", branch="feature", tag="new")
    rows.append(("one new commit", *run_sweep(binary, mirrors, state)))
    git("update-ref", "refs/heads/feature", "refs/heads/feature~1", cwd=fork0)  # back as it was
    git("reflog", "expire", "--expire=now", "--all", cwd=fork0)
    git("gc", "-q", "--prune=now", cwd=fork0)

    sharded, shard_wall = Counter(), 0.0
    shard_rows = []
    for k in range(a.shards):
        out = os.path.join(root, f"shard-{k}.json")
        r = run_sweep(binary, mirrors, os.path.join(root, f"shard-{k}.sqlite"), extra=["--shard", f"{k}/{a.shards}"], out=out)
        shard_rows.append(r)
        sharded += findings(out, "json")
        shard_wall += r[0]
    same(f"{a.shards} shards", sharded, cold)
    listed = sum(r[2] for r in shard_rows)
    rows.append((f"{a.shards} shards (sum)", shard_wall, sum(r[1] for r in shard_rows), listed,
                 sum(r[3] for r in shard_rows), sum(r[4] for r in shard_rows)))

    print(f"{'sweep':<18} {'wall s':>7} {'repos':>6} {'listed':>8} {'known':>8} {'read':>7} {'objects/s':>10} {'saving':>7}")
    for name, wall, repos, listed, known, scanned in rows:
        print(f"{name:<18} {wall:7.2f} {repos:6d} {listed:8d} {known:8d} {scanned:7d} {listed / wall:10.0f} "
              f"{100.0 * known / max(1, listed):6.1f}%")
    cold_read, shard_read = rows[0][5], rows[3][5]
    print(f"findings: {sum(cold.values())} in {len({k[0] for k in cold})} repositories; the same cold, warm and "
          f"in {a.shards} shards: {'yes' if ok else 'NO'}")
    print(f"dedup across {a.shards} shards: {100.0 * (1 - shard_read / max(1, rows[3][3])):.1f}% of listed blobs not read; "
          f"{shard_read - cold_read} blobs read by more than one shard ({shard_read / max(1, cold_read):.3f}x one machine)")

    for fmt in ("jsonl", "json"):
        union, landed, attempts, again = killed_runs(binary, mirrors, root, fmt, rng, rows[0][1] * 0.6, a.kills)
        dupes = sum(n - 1 for n in union.values() if n > 1)
        same(f"killed {fmt}", Counter(set(union)), Counter(set(cold)))
        ok = ok and again == 0
        print(f"killed ({fmt}): {landed} kill -9 in {attempts} runs; union of reports = cold run: "
              f"{'yes' if Counter(set(union)) == Counter(set(cold)) else 'NO'}; reported twice (kill between the "
              f"durable write and the mark): {dupes}; reported by a run after that: {again}")
    if not a.keep:
        shutil.rmtree(root)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
