#!/usr/bin/env python3
"""Detection accuracy of `scan --history` on the labelled lists: each labelled file is the blob
at its pinned commit, judged by what a whole-history scan of its repository reports for that
blob id (under whichever path the walk attributed it to). A history scan reads blobs before it
knows their names, so this scores what a sweep or a pre-receive hook sees, beside run.sh, which
scans the exported files by name.

usage: bench/realworld/history.py BINARY --snapshots ROOT LIST.tsv [LIST.tsv ...]
                                  [--threads N] [--out DIR] [--quiet]
Prints, per list, recall and precision at the blocking threshold (medium) and every labelled
file on which the history verdict differs from its label (path and rule ids, never values);
the last lines are `corpus=NAME mode=history recall=R precision=P ...`. Nothing here needs
the network.
"""
import argparse, collections, json, os, subprocess, sys

BLOCKING = {"high", "medium"}
CATEGORY = {"participant": "participant-data", "secret": "secret"}


def read_list(path):
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or cols[2] not in ("participant", "clean", "secret"):
            sys.exit(f"{path}:{n}: want repo, path, label, why[, commit]")
        commit = cols[4].strip() if len(cols) > 4 and cols[4].strip() else "HEAD"
        yield cols[0], cols[1], cols[2], commit


def blob_id(git_dir, commit, path):
    r = subprocess.run(["git", "--git-dir", git_dir, "rev-parse", "--verify", "--quiet", f"{commit}:{path}"],
                       capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else None


def history_report(binary, git_dir, threads, out):
    dest = os.path.join(out, os.path.basename(os.path.dirname(git_dir)) + ".json")
    if not os.path.exists(dest):
        with open(dest + ".part", "w") as f:
            r = subprocess.run([binary, "scan", "--history", "--no-progress", "--threads", str(threads),
                                "--format", "json", git_dir], stdout=f, stderr=subprocess.PIPE, text=True)
        if r.returncode not in (0, 1, 3):
            sys.exit(f"scan --history {git_dir} exited {r.returncode}: {r.stderr.strip()[-300:]}")
        os.replace(dest + ".part", dest)
    return json.load(open(dest))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("lists", nargs="+")
    ap.add_argument("--snapshots", required=True)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=None)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    out = a.out or subprocess.run(["mktemp", "-d", "/tmp/cohortguard-history.XXXXXX"], capture_output=True,
                                  text=True).stdout.strip()
    os.makedirs(out, exist_ok=True)
    summaries = []
    for lst in a.lists:
        name = os.path.splitext(os.path.basename(lst))[0]
        by_repo = collections.defaultdict(list)
        for repo, path, label, commit in read_list(lst):
            by_repo[repo].append((path, label, commit))
        tp = fn = fp = tn = 0
        wrong = []
        for repo in sorted(by_repo):
            git_dir = os.path.join(a.snapshots, repo.replace("/", "+"), "repo")
            if not os.path.isdir(git_dir):
                print(f"not fetched: {repo}", file=sys.stderr)
                continue
            report = history_report(os.path.realpath(a.binary), git_dir, a.threads, out)
            findings = collections.defaultdict(list)
            for f in report.get("findings", []):
                findings[f.get("blob")].append(f)
            for path, label, commit in by_repo[repo]:
                blob = blob_id(git_dir, commit, path)
                if blob is None:
                    print(f"missing at {commit[:12]}: {repo} {path}", file=sys.stderr)
                    continue
                fs = findings.get(blob, [])
                if label == "clean":
                    hit = [f for f in fs if f["severity"] in BLOCKING]
                    fp, tn = fp + bool(hit), tn + (not hit)
                else:
                    hit = [f for f in fs if f["category"] == CATEGORY[label] and f["severity"] in BLOCKING]
                    tp, fn = tp + bool(hit), fn + (not hit)
                if bool(hit) != (label != "clean"):
                    rules = sorted({f"{f['rule']} {f['severity']}" for f in fs}) or ["no finding"]
                    wrong.append(f"  {'FP' if label == 'clean' else 'FN'} {repo} {path}: {', '.join(rules)}")
        files = tp + fn + fp + tn
        recall = tp / (tp + fn) if tp + fn else 1.0
        precision = tp / (tp + fp) if tp + fp else 1.0
        line = (f"corpus={name} mode=history recall={recall:.3f} precision={precision:.3f} "
                f"tp={tp} fn={fn} fp={fp} tn={tn} files={files}")
        if not a.quiet:
            print("\n".join(wrong))
        print(line)
        summaries.append(line)
    print(f"\nsummary (scan --history, blocking threshold: medium; reports in {out}):")
    for s in summaries:
        print("  " + s)


if __name__ == "__main__":
    main()
