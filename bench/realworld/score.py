#!/usr/bin/env python3
"""Score a cohortguard JSON report (scanned with --explain) against labels.json.

usage: score.py LABELS.json REPORT.json [--name CORPUS] [--notes NOTES.json] [--quiet]

LABELS.json maps a path relative to the scanned folder to participant | clean | secret.
A participant (secret) file counts as found when a finding on it has category
participant-data (secret) at the blocking threshold, medium or high. A clean file is a false
positive when any finding on it is medium or high. Prints, for the corpus and per format
(the file's extension, compression suffix kept: csv.gz) and per class (NHANES, SDTM, non-English
headers, consecutive ids, preambles, look-alikes..., recognised in the NOTES), recall and
precision; then every miss
and false positive with the --explain decision of each of its tables and the evidence that
decided it (rule ids, column names, counts: never cell values). NOTES.json (path -> why the
file has its label) adds the labeller's note to each. Exit status 0; the last line is
  corpus=NAME recall=R precision=P tp= fn= fp= tn= files=
"""
import collections, json, os, re, sys

BLOCKING = {"high", "medium"}
# Classes of the issue, recognised in the labeller's note (why): a file can be in several.
CLASSES = [
    ("nhanes", r"\bSEQN\b|NHANES|NHEFS|RIAGENDR"),
    ("cdisc-sdtm-adam", r"SDTM|ADaM|USUBJID|ADSL"),
    ("redcap", r"REDCap|record_id"),
    ("omop", r"OMOP|person_id"),
    ("synthea-fhir", r"Synthea|FHIR"),
    ("genotype-samples", r"\.fam\b|\.psam|\.sample\b|BGEN|VCF|plink|\bFID\b|\bIID\b|genotype"),
    ("non-english", r"German|French|Spanish|Portuguese|Dutch|Swedish|Probanden|Geschlecht|identifiant|"
                    r"paciente|IdPessoa|deelnemer|lopnr|sexo"),
    ("trial", r"\btrial\b|RCT"),
    ("consecutive-ids", r"1\.\.N|consecutive|1\.\.[0-9]+"),
    ("no-named-id", r"\bno id\b|rownames only|no named id|unnamed|row names"),
    ("preamble", r"title|sep=|header on row|preamble|blank row"),
    ("cr-only", r"CR-only|CR line"),
    ("utf-16", r"UTF-16"),
    ("transposed", r"transposed|as columns"),
    ("look-alike:facility-provider", r"facilit|hospitals?\b|provider|organi[sz]ation|payer|stroke unit"),
    ("look-alike:describe-summary", r"describe|summary\(|corr\(\)|correlation"),
    ("look-alike:gwas-variants", r"GWAS|summary statistics|association|regenie|variants|SNPs|\.bim|sumstats"),
    ("look-alike:dictionary-vocabulary", r"dictionary|codebook|codelist|define\.xml|vocabulary|concept|SMQ"),
    ("look-alike:counts-aggregates", r"counts?\b|frequenc|Table 1|crosstab|aggregate|\brates?\b|life table"),
    ("look-alike:non-health-ids", r"orders|sensor|compan(y|ies)|exoplanet|wage price|country|per US state"),
]
CATEGORY = {"participant": "participant-data", "secret": "secret"}
COMPRESSED = {"gz", "bz2", "xz", "zst", "bgz"}


def fmt_of(path):
    name = os.path.basename(path).lower()
    parts = name.split(".")
    if len(parts) == 1 or parts[0] == "" and len(parts) == 2:
        return parts[-1] if parts[0] == "" else "(none)"
    if parts[-1] in COMPRESSED and len(parts) > 2:
        return ".".join(parts[-2:])
    return parts[-1]


def ratio(a, b):
    return a / b if b else 1.0


def arg(flag, default=None):
    return sys.argv[sys.argv.index(flag) + 1] if flag in sys.argv else default


def norm(p):
    p = str(p)
    while p.startswith("./"):
        p = p[2:]
    return p


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    labels = json.load(open(sys.argv[1]))
    report = json.load(open(sys.argv[2]))
    name = arg("--name", "corpus")
    notes = json.load(open(arg("--notes"))) if arg("--notes") and os.path.exists(arg("--notes")) else {}
    quiet = "--quiet" in sys.argv

    blocking = collections.defaultdict(set)     # path -> categories at medium/high
    findings = collections.defaultdict(list)
    for f in report.get("findings", []):
        p = norm(f.get("path", ""))
        findings[p].append(f)
        if f.get("severity") in BLOCKING:
            blocking[p].add(f.get("category"))
    explain = collections.defaultdict(list)
    for e in report.get("explain", []):
        explain[norm(e.get("path", ""))].append(e)
    errors = collections.defaultdict(list)
    for e in report.get("errors", []):
        errors[norm(e.get("path", ""))].append(e.get("message", ""))

    total = collections.Counter()
    per_fmt = collections.defaultdict(collections.Counter)
    per_class = collections.defaultdict(collections.Counter)
    wrong = []
    for path, label in sorted(labels.items()):
        cats = blocking.get(path, set())
        if label == "clean":
            outcome = "fp" if cats else "tn"
        else:
            outcome = "tp" if CATEGORY[label] in cats else "fn"
        total[outcome] += 1
        per_fmt[fmt_of(path)][outcome] += 1
        for cls, rx in CLASSES:
            if cls.startswith("look-alike:") and label != "clean":
                continue
            if path in notes and re.search(rx, notes[path], re.I):
                per_class[cls][outcome] += 1
        if outcome in ("fp", "fn"):
            wrong.append((outcome, label, path))

    def line(c):
        r = ratio(c["tp"], c["tp"] + c["fn"])
        p = ratio(c["tp"], c["tp"] + c["fp"])
        return r, p, f"recall={r:.3f} precision={p:.3f} tp={c['tp']} fn={c['fn']} fp={c['fp']} tn={c['tn']}"

    print(f"== {name}: {len(labels)} labelled files")
    print(f"   {'format':<12} {'files':>5} {'tp':>4} {'fn':>4} {'fp':>4} {'tn':>4} {'recall':>7} {'precision':>9}")
    for fmt in sorted(per_fmt, key=lambda k: (-sum(per_fmt[k].values()), k)):
        c = per_fmt[fmt]
        r, p, _ = line(c)
        print(f"   {fmt:<12} {sum(c.values()):>5} {c['tp']:>4} {c['fn']:>4} {c['fp']:>4} {c['tn']:>4} {r:>7.3f} {p:>9.3f}")
    if per_class:
        print(f"   {'class (from the labeller notes)':<36} {'files':>5} {'tp':>4} {'fn':>4} {'fp':>4} {'tn':>4} {'recall':>7} {'precision':>9}")
        for cls, _ in CLASSES:
            if cls in per_class:
                c = per_class[cls]
                r, p, _ = line(c)
                print(f"   {cls:<36} {sum(c.values()):>5} {c['tp']:>4} {c['fn']:>4} {c['fp']:>4} {c['tn']:>4} {r:>7.3f} {p:>9.3f}")
    if wrong and not quiet:
        print()
    for outcome, label, path in ([] if quiet else wrong):
        head = "MISSED " + label if outcome == "fn" else "FALSE POSITIVE"
        got = sorted({f"{f.get('category')}:{f.get('severity')}" for f in findings.get(path, [])})
        print(f"{head} {path}  findings={got or 'none'}")
        if path in notes:
            print(f"    label: {notes[path]}")
        for msg in errors.get(path, []):
            print(f"    error: {msg}")
        tables = explain.get(path, [])
        if not tables:
            print("    explain: no table was analysed in this file (not read, or no table found in it)")
        for e in tables[:6]:
            member = f" [{e['member']}]" if e.get("member") else ""
            cols = e.get("column_count")
            shape = f"{e.get('rows')} rows" + (f", {cols} columns" if cols is not None else "")
            print(f"    table{member}: {shape}: {e.get('decision')}")
            for ev in e.get("evidence", [])[:10]:
                print(f"        {ev.get('weight'):+.2f}  {ev.get('rule')}: {ev.get('what')}")
        if len(tables) > 6:
            print(f"    ... {len(tables) - 6} more tables")
    _, _, summary = line(total)
    print(f"corpus={name} {summary} files={len(labels)}")


if __name__ == "__main__":
    main()
