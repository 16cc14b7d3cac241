#!/usr/bin/python3
"""Write the base tables again with pandas (Debian's python3-pandas, openpyxl, PyTables/h5py),
as analysts do; append one "path<TAB>label<TAB>why" line per file to LABELS.

usage: /usr/bin/python3 write_pandas.py STAGE_DIR TREE_DIR LABELS_TSV
"""
import json, os, sqlite3, sys

import pandas as pd

stage, tree, labels_tsv = sys.argv[1:4]
out = os.path.join(tree, "pandas")
os.makedirs(out, exist_ok=True)
meta = json.load(open(os.path.join(stage, "tables.json")))


def rd(name):
    return pd.read_csv(os.path.join(stage, name + ".csv"), keep_default_na=False, na_values=[""])


def lab(file, name, how, label=None):
    m = meta[name]
    with open(labels_tsv, "a") as f:
        f.write(f"pandas/{file}\t{label or m['label']}\t{how}; {m['why']}\n")


def skip(what, err):
    print(f"make-tool-corpus: pandas: skipped {what}: {err}", file=sys.stderr)


nhanes, sdtm, redcap, person = rd("nhanes"), rd("sdtm_dm"), rd("redcap"), rd("omop_person")
analysis, trial, german, french = rd("analysis"), rd("trial"), rd("german"), rd("french")
spanish, dutch, swedish = rd("spanish"), rd("dutch"), rd("swedish")
table1, small, dictionary, gwas = rd("table1"), rd("small_cells"), rd("dictionary"), rd("gwas")
fac, concepts, orders, sensors = rd("facilities"), rd("concepts"), rd("orders"), rd("sensors")
portuguese, episodes, pilot = rd("portuguese"), rd("episodes"), rd("pilot")
P = os.path.join

# text writers
analysis.to_csv(P(out, "analysis_with_index.csv"))
lab("analysis_with_index.csv", "analysis", "pandas to_csv with the default unnamed index")
redcap.to_csv(P(out, "redcap_export.csv"), index=False)
lab("redcap_export.csv", "redcap", "pandas to_csv index=False")
sensors.to_csv(P(out, "sensors.csv"), index=False)
episodes.to_csv(P(out, "episodes.tsv"), sep="\t", index=False)
lab("episodes.tsv", "episodes", "pandas to_csv sep=tab")
pilot.to_csv(P(out, "pilot.csv"))
lab("pilot.csv", "pilot", "pandas to_csv with the default unnamed index")
lab("sensors.csv", "sensors", "pandas to_csv index=False")
german.to_csv(P(out, "german_semicolon.csv"), sep=";", decimal=",", index=False, encoding="latin-1")
lab("german_semicolon.csv", "german", "pandas to_csv sep=';' decimal=',' encoding latin-1")
analysis.to_csv(P(out, "analysis.csv.gz"), index=False)
lab("analysis.csv.gz", "analysis", "pandas to_csv, gzip by extension")
gwas.to_csv(P(out, "gwas.tsv.gz"), sep="\t", index=False)
lab("gwas.tsv.gz", "gwas", "pandas to_csv sep=tab, gzip")
dutch.head(80).set_index("deelnemer_id").T.to_csv(P(out, "dutch_transposed.csv"))
lab("dutch_transposed.csv", "dutch", "pandas df.set_index(id).T.to_csv: 80 participants as columns")
with open(P(out, "trial_sep_line.csv"), "w", newline="") as f:
    f.write("sep=,\n")
    trial.to_csv(f, index=False)
lab("trial_sep_line.csv", "trial", "'sep=,' line (Excel hint) above a pandas to_csv")
with open(P(out, "spanish_title_line.csv"), "w", newline="") as f:
    f.write("Exportación de pacientes - estudio piloto\n\n")
    spanish.to_csv(f, index=False)
lab("spanish_title_line.csv", "spanish", "a title line and a blank line above a pandas to_csv")
nhanes.describe().to_csv(P(out, "nhanes_describe.csv"))
lab("nhanes_describe.csv", "nhanes", "pandas df.describe().to_csv (summary, not rows)", label="clean")
analysis.describe(include="all").to_csv(P(out, "analysis_describe_all.csv"))
lab("analysis_describe_all.csv", "analysis", "pandas describe(include='all').to_csv", label="clean")
nhanes[["RIDAGEYR", "INDFMPIR", "BMXWT", "BMXHT", "BMXBMI"]].corr().to_csv(P(out, "nhanes_corr.csv"))
lab("nhanes_corr.csv", "nhanes", "pandas corr() matrix", label="clean")
(analysis.groupby(["sex", "smoking_status"]).size().rename("n").reset_index()
 .to_csv(P(out, "analysis_counts.csv"), index=False))
lab("analysis_counts.csv", "analysis", "pandas groupby(sex, smoking).size(): 6 count cells", label="clean")

pd.crosstab(analysis["sex"], analysis["smoking_status"], margins=True).to_csv(P(out, "analysis_crosstab.csv"))
lab("analysis_crosstab.csv", "analysis", "pandas crosstab(sex, smoking, margins=True)", label="clean")
ep = episodes.assign(month=episodes["admission_date"].str[:7])
ep.groupby("month").size().rename("admissions").reset_index().to_json(P(out, "admissions_by_month.json"), orient="records")
lab("admissions_by_month.json", "episodes", "pandas groupby(month).size().to_json: admissions per month", label="clean")

# JSON
spanish.to_json(P(out, "pacientes.ndjson"), orient="records", lines=True, force_ascii=False)
lab("pacientes.ndjson", "spanish", "pandas to_json orient=records lines=True")
trial.to_json(P(out, "trial_records.json"), orient="records")
lab("trial_records.json", "trial", "pandas to_json orient=records (array of objects)")
fac.to_json(P(out, "facilities.json"), orient="records")
lab("facilities.json", "facilities", "pandas to_json orient=records")

# binary writers: each optional, so a missing module is named, not fatal
try:
    with pd.ExcelWriter(P(out, "french_title.xlsx"), engine="openpyxl") as xw:
        french.to_excel(xw, sheet_name="patients", index=False, startrow=2)
        xw.sheets["patients"]["A1"] = "Export patients - cohorte pilote"
    lab("french_title.xlsx", "french", "pandas to_excel(startrow=2) with a title in A1 (openpyxl)")
    nhanes.describe().to_excel(P(out, "nhanes_describe.xlsx"))
    lab("nhanes_describe.xlsx", "nhanes", "pandas describe().to_excel", label="clean")
    portuguese.to_excel(P(out, "participantes.xlsx"), index=False, sheet_name="participantes")
    lab("participantes.xlsx", "portuguese", "pandas to_excel")
    table1.to_excel(P(out, "table1.xlsx"), index=False)
    (episodes.groupby("postcode_district").agg(episodes=("episode_id", "size"), patients=("patient_id", "nunique"))
     .to_excel(P(out, "episodes_by_district.xlsx")))
    lab("episodes_by_district.xlsx", "episodes", "pandas groupby(district).agg(size, nunique).to_excel", label="clean")
    lab("table1.xlsx", "table1", "pandas to_excel")
except Exception as e:  # noqa: BLE001 - report and go on
    skip("to_excel", e)

nhanes.to_pickle(P(out, "nhanes.pkl"))
lab("nhanes.pkl", "nhanes", "pandas to_pickle")
gwas.to_pickle(P(out, "gwas.pkl"))
lab("gwas.pkl", "gwas", "pandas to_pickle")

with sqlite3.connect(P(out, "cdm.sqlite")) as db:
    person.to_sql("person", db, index=False)
    concepts.to_sql("concept", db, index=False)
lab("cdm.sqlite", "omop_person", "pandas to_sql into SQLite: person and concept tables")
with sqlite3.connect(P(out, "reference.db")) as db:
    concepts.to_sql("concept", db, index=False)
    fac.to_sql("facility", db, index=False)
    orders.to_sql("orders", db, index=False)
lab("reference.db", "concepts", "pandas to_sql into SQLite: concept, facility and orders tables")

try:
    nhanes.to_hdf(P(out, "nhanes.h5"), key="demo", mode="w")
    lab("nhanes.h5", "nhanes", "pandas to_hdf (PyTables fixed format)")
    gwas.to_hdf(P(out, "gwas.h5"), key="sumstats", mode="w", format="table")
    lab("gwas.h5", "gwas", "pandas to_hdf format=table")
except Exception as e:  # noqa: BLE001
    skip("to_hdf", e)
try:
    import h5py
    import numpy as np
    with h5py.File(P(out, "trial_h5py.h5"), "w") as h:
        h["patient_id"] = trial["patient_id"].to_numpy()
        h["age"] = trial["age"].to_numpy()
        h["sex"] = np.array(trial["sex"].tolist(), dtype="S1")
    lab("trial_h5py.h5", "trial", "h5py datasets patient_id, age, sex")
except Exception as e:  # noqa: BLE001
    skip("h5py", e)
