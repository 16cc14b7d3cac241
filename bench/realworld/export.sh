#!/usr/bin/env bash
# Export the files a labelled list names from fetched repository snapshots into a folder, with
# labels.json beside them. Nothing is copied into this repository: the list holds paths only.
#
# usage: bench/realworld/export.sh LIST.tsv SNAPSHOTS_ROOT OUT_DIR
#   LIST.tsv        tab-separated: repo, path, label (participant|clean|secret), why[, commit]
#                   ('#' lines and blank lines are ignored)
#   SNAPSHOTS_ROOT  one bare git directory per repository at OWNER+NAME/repo (what the search
#                   tool's fetch leaves under /work/.mirror)
#   OUT_DIR         receives tree/OWNER+NAME/PATH, labels.json (relative path -> label) and
#                   notes.json (relative path -> why)
# A repository that is not fetched, or a path missing at the pinned commit, is named on stderr
# and left out; the exit status is 1 when anything was left out, so a stale list is noticed.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 LIST.tsv SNAPSHOTS_ROOT OUT_DIR" >&2; exit 2; }
list=$1 root=$2 out=$3
rm -rf "$out/tree"; mkdir -p "$out/tree"
exec /usr/bin/env python3 - "$list" "$root" "$out" <<'PY'
import json, os, subprocess, sys

lst, root, out = sys.argv[1:4]
labels, notes, missing = {}, {}, 0
for n, line in enumerate(open(lst, encoding="utf-8"), 1):
    if line.startswith("#") or not line.strip():
        continue
    cols = line.rstrip("\n").split("\t")
    if len(cols) < 4 or cols[2] not in ("participant", "clean", "secret"):
        sys.exit(f"{lst}:{n}: want repo, path, label (participant|clean|secret), why[, commit]")
    repo, path, label = cols[:3]
    commit = cols[4].strip() if len(cols) > 4 and cols[4].strip() else "HEAD"
    gd = os.path.join(root, repo.replace("/", "+"), "repo")
    if not os.path.isdir(gd):
        print(f"not fetched: {repo}", file=sys.stderr); missing += 1; continue
    got = subprocess.run(["git", "--git-dir", gd, "cat-file", "blob", f"{commit}:{path}"],
                         capture_output=True)
    if got.returncode != 0:
        print(f"missing at {commit[:12]}: {repo} {path}", file=sys.stderr); missing += 1; continue
    rel = f"{repo.replace('/', '+')}/{path}"
    if rel in labels:
        sys.exit(f"{lst}:{n}: listed twice: {repo} {path}")
    dest = os.path.join(out, "tree", rel)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, "wb") as f:
        f.write(got.stdout)
    labels[rel] = label
    notes[rel] = cols[3]
with open(os.path.join(out, "labels.json"), "w") as f:
    json.dump(labels, f, indent=1, sort_keys=True)
with open(os.path.join(out, "notes.json"), "w") as f:
    json.dump(notes, f, indent=1, sort_keys=True)
print(f"{len(labels)} files exported to {out}/tree" + (f", {missing} left out" if missing else ""),
      file=sys.stderr)
sys.exit(1 if missing else 0)
PY
