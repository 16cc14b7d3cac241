#!/usr/bin/env python3
"""Builds a deterministic synthetic git repository for the --history benchmark.

The history mixes source code (small edits, so the pack holds long delta chains), delimited
tables (aggregate results that grow and get regenerated) and, deep in history, one synthetic
UK Biobank style extract that is added and deleted a few commits later: a full-history scan
must find it, a working-tree scan cannot. Same arguments, same repository, byte for byte
(fixed seed, fixed dates, written through `git fast-import`).

usage: make_repo.py OUT_DIR [--commits N] [--mb MB] [--seed S]
  --mb is the approximate total size of all blob versions (the "blob history"), default 600.
"""
import argparse
import os
import random
import subprocess
import sys

WORDS = ("participant cohort field visit assessment instance array value table sample batch "
         "genotype phenotype covariate model result estimate beta stderr pvalue count total "
         "index offset buffer stream reader writer parse format encode decode config option "
         "request response handler session token cache store query filter select update").split()


def code_line(rng):
    n = rng.randint(2, 9)
    ident = "_".join(rng.choice(WORDS) for _ in range(2))
    args = ", ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 3)))
    kind = rng.random()
    if kind < 0.3:
        return "    %s = %s(%s)\n" % (ident, rng.choice(WORDS), args)
    if kind < 0.5:
        return "def %s(%s):\n" % (ident, args)
    if kind < 0.7:
        return "    # %s\n" % " ".join(rng.choice(WORDS) for _ in range(n))
    return "    return %s + %d\n" % (ident, rng.randint(0, 10000))


def table_rows(rng, n, cols):
    return ["%s,%d,%.4f,%.3e,%d\n" % (rng.choice(WORDS), rng.randint(10, 5000), rng.uniform(-1, 1),
                                      rng.uniform(0, 1), rng.randint(5, 900)) for _ in range(n)]


def leak_csv(rng, rows):
    out = ["eid,31-0.0,34-0.0,21001-0.0,53-0.0\n"]
    for i in range(rows):
        out.append("%d,%d,%d,%.2f,20%02d-%02d-%02d\n" % (1000000 + i * 7, rng.randint(0, 1), rng.randint(1937, 1970),
                                                      rng.uniform(16, 45), rng.randint(6, 10), rng.randint(1, 12),
                                                      rng.randint(1, 28)))
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--commits", type=int, default=3000)
    ap.add_argument("--mb", type=int, default=600)
    ap.add_argument("--seed", type=int, default=4)
    a = ap.parse_args()
    if os.path.exists(a.out):
        sys.exit("refusing to overwrite " + a.out)
    subprocess.check_call(["git", "init", "-q", "-b", "main", a.out])
    rng = random.Random(a.seed)
    target = a.mb * 1024 * 1024
    per_commit = max(1, target // a.commits)

    n_code, n_tables = 400, 40
    code = {"src/m%03d/%s_%d.py" % (i // 20, rng.choice(WORDS), i): [code_line(rng) for _ in range(rng.randint(40, 400))]
            for i in range(n_code)}
    tables = {"results/%s_%02d.csv" % (rng.choice(WORDS), i): ["name,n,beta,p,cases\n"] + table_rows(rng, 200, 5)
              for i in range(n_tables)}
    code_paths, table_paths = sorted(code), sorted(tables)
    leak_at = a.commits // 3
    leak_path = "analysis/tmp/ukb_extract_%d.csv" % a.seed

    p = subprocess.Popen(["git", "-C", a.out, "fast-import", "--quiet", "--done"], stdin=subprocess.PIPE)
    w = p.stdin.write
    mark = 0
    written = 0

    def blob(text):
        nonlocal mark
        data = text.encode()
        mark += 1
        w(b"blob\nmark :%d\ndata %d\n" % (mark, len(data)))
        w(data)
        w(b"\n")
        return mark, len(data)

    for c in range(a.commits):
        changes = []  # (path, mark) or (path, None) for delete
        budget = per_commit
        if c == 0:
            for path in code_paths:
                m, n = blob("".join(code[path])); changes.append((path, m)); written += n
            for path in table_paths:
                m, n = blob("".join(tables[path])); changes.append((path, m)); written += n
        while budget > 0:
            if rng.random() < 0.75:
                path = rng.choice(code_paths)
                lines = code[path]
                for _ in range(rng.randint(1, 6)):
                    i = rng.randrange(len(lines) + 1)
                    if rng.random() < 0.7:
                        lines.insert(i, code_line(rng))
                    elif lines:
                        lines[min(i, len(lines) - 1)] = code_line(rng)
                text = "".join(lines)
            else:
                path = rng.choice(table_paths)
                rows = tables[path]
                if rng.random() < 0.2:
                    rows[1:] = table_rows(rng, rng.randint(100, 3000), 5)  # regenerated results
                else:
                    rows.extend(table_rows(rng, rng.randint(10, 200), 5))
                text = "".join(rows)
            m, n = blob(text)
            changes.append((path, m))
            written += n
            budget -= n
        if c == leak_at:
            m, n = blob(leak_csv(rng, 5000)); changes.append((leak_path, m)); written += n
        if c == leak_at + 5:
            changes.append((leak_path, None))
        date = 1577836800 + c * 3600
        msg = b"commit %d\n" % c
        w(b"commit refs/heads/main\nmark :%d\n" % (mark + 1))
        mark += 1
        w(b"author Bench <bench@example.invalid> %d +0000\ncommitter Bench <bench@example.invalid> %d +0000\n" % (date, date))
        w(b"data %d\n%s" % (len(msg), msg))
        for path, m in changes:
            if m is None:
                w(b"D %s\n" % path.encode())
            else:
                w(b"M 100644 :%d %s\n" % (m, path.encode()))
        w(b"\n")
    w(b"done\n")
    p.stdin.close()
    if p.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.check_call(["git", "-C", a.out, "checkout", "-q", "main"])
    print("%s: %d commits, %.0f MB of blob history, leak %s added in commit %d and deleted in commit %d"
          % (a.out, a.commits, written / 1048576, leak_path, leak_at, leak_at + 5))


if __name__ == "__main__":
    main()
