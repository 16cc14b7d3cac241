#!/usr/bin/env bash
# Write tool-corpus files with LibreOffice (headless convert), sqlite3, plink 1.9 / plink 2,
# bcftools, 7z and a Jupyter kernel; append "path<TAB>label<TAB>why" lines to LABELS.
# A tool that is not installed is named on stderr and its files are left out.
#
# usage: write_other.sh STAGE_DIR TREE_DIR LABELS_TSV
set -euo pipefail
stage=$1 tree=$2 labels=$3 here=$(cd "$(dirname "$0")" && pwd)
why() { /usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]]["why"])' "$stage/tables.json" "$1"; }
label_of() { /usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]]["label"])' "$stage/tables.json" "$1"; }
lab() { printf '%s\t%s\t%s; %s\n' "$1" "${4:-$(label_of "$2")}" "$3" "$(why "$2")" >> "$labels"; }
skip() { echo "make-tool-corpus: skipped $1 (not installed)" >&2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# LibreOffice: what a spreadsheet user's "Save as" writes
if command -v soffice >/dev/null; then
  d=$tree/libreoffice; mkdir -p "$d"
  lo() { soffice "-env:UserInstallation=file://$tmp/lo-profile" --headless --infilter="CSV:44,34,76,1" \
           --convert-to "$1" --outdir "$2" "$3" >/dev/null 2>&1; }
  lo xlsx "$d" "$stage/nhanes.csv";      lab libreoffice/nhanes.xlsx nhanes "LibreOffice csv -> xlsx"
  lo ods "$d" "$stage/sdtm_dm.csv";      lab libreoffice/sdtm_dm.ods sdtm_dm "LibreOffice csv -> ods"
  lo xls "$d" "$stage/redcap.csv";       lab libreoffice/redcap.xls redcap "LibreOffice csv -> xls (BIFF8)"
  lo ods "$d" "$stage/italian.csv";      lab libreoffice/italian.ods italian "LibreOffice csv -> ods"
  lo xlsx "$d" "$stage/facilities.csv";  lab libreoffice/facilities.xlsx facilities "LibreOffice csv -> xlsx"
  lo xlsx "$d" "$stage/dictionary.csv"; lab libreoffice/dictionary.xlsx dictionary "LibreOffice csv -> xlsx"
  lo ods "$d" "$stage/table1.csv";       lab libreoffice/table1.ods table1 "LibreOffice csv -> ods"
  lo 'txt:Text - txt - csv (StarCalc):9,34,65535' "$d" "$stage/trial.csv"
  mv "$d/trial.txt" "$d/trial_unicode.txt"; lab libreoffice/trial_unicode.txt trial "LibreOffice 'Unicode text': UTF-16LE with BOM, tab-separated"
  lo 'txt:Text - txt - csv (StarCalc):9,34,65535' "$d" "$stage/gwas.csv"
  mv "$d/gwas.txt" "$d/gwas_unicode.txt"; lab libreoffice/gwas_unicode.txt gwas "LibreOffice 'Unicode text': UTF-16LE tab-separated"
  # Excel's "CSV (Macintosh)" ends lines with CR only; LibreOffice has no such option, so its
  # csv export is rewritten with CR line ends (the bytes a Mac-CSV export would hold).
  for t in german small_cells; do
    lo 'csv:Text - txt - csv (StarCalc):59,34,76,1' "$tmp" "$stage/$t.csv"
    tr '\n' '\r' < "$tmp/$t.csv" | sed 's/\r\r/\r/g' > "$d/${t}_mac.csv"
    lab "libreoffice/${t}_mac.csv" "$t" "LibreOffice csv export (semicolon), CR-only line ends as Excel 'CSV (Macintosh)'"
  done
else skip LibreOffice; fi

# sqlite3 shell: .import of a csv
if command -v sqlite3 >/dev/null; then
  d=$tree/sqlite; mkdir -p "$d"; rm -f "$d"/*.sqlite
  sqlite3 "$d/cohort.sqlite" ".mode csv" ".import $stage/german.csv probanden" ".import $stage/trial.csv visits"
  lab sqlite/cohort.sqlite german "sqlite3 .import: probanden and trial tables"
  sqlite3 "$d/vocabulary.sqlite" ".mode csv" ".import $stage/concepts.csv concept" ".import $stage/dictionary.csv dictionary"
  lab sqlite/vocabulary.sqlite concepts "sqlite3 .import: concept and dictionary tables"
else skip sqlite3; fi

# PLINK and bcftools: genotype files of synthetic samples
d=$tree/genomics; mkdir -p "$d"
/usr/bin/python3 "$here/genotypes.py" "$tmp/geno"
plink=$(command -v plink1.9 || command -v plink || true)
if [ -n "$plink" ]; then
  "$plink" --file "$tmp/geno" --make-bed --out "$d/cohort" >/dev/null
  lab genomics/cohort.fam trial "plink1.9 --make-bed .fam: FID=IID 1..600, sex, phenotype" participant
  lab genomics/cohort.bed trial "plink1.9 --make-bed .bed: genotypes of 600 samples" participant
  lab genomics/cohort.bim gwas "plink1.9 .bim: 200 variants, no samples" clean
  "$plink" --bfile "$d/cohort" --recode A --out "$d/cohort" >/dev/null
  lab genomics/cohort.raw trial "plink1.9 --recode A .raw: one row per sample, allele counts" participant
  "$plink" --bfile "$d/cohort" --freq --out "$d/cohort" >/dev/null
  lab genomics/cohort.frq gwas "plink1.9 --freq: allele frequencies per variant" clean
  "$plink" --bfile "$d/cohort" --assoc --allow-no-sex --out "$d/cohort" >/dev/null
  lab genomics/cohort.assoc gwas "plink1.9 --assoc: association results per variant" clean
  "$plink" --bfile "$d/cohort" --recode vcf --out "$d/cohort" >/dev/null
  lab genomics/cohort.vcf trial "plink1.9 --recode vcf: 600 sample columns" participant
  rm -f "$d"/*.log "$d"/*.nosex "$d"/*.hh
else skip "plink 1.9"; fi
if command -v plink2 >/dev/null && [ -f "$d/cohort.bed" ]; then
  plink2 --bfile "$d/cohort" --make-pgen --out "$d/cohort2" >/dev/null
  lab genomics/cohort2.psam trial "plink2 --make-pgen .psam: #FID IID SEX PHENO1" participant
  lab genomics/cohort2.pvar gwas "plink2 .pvar: variants only" clean
  rm -f "$d"/cohort2.log "$d"/cohort2.pgen
else skip plink2; fi
if command -v bcftools >/dev/null && [ -f "$d/cohort.vcf" ]; then
  bcftools view -Oz -o "$d/cohort.vcf.gz" "$d/cohort.vcf"
  lab genomics/cohort.vcf.gz trial "bcftools view -Oz: BGZF VCF with 600 samples" participant
  bcftools view -Ob -o "$d/cohort.bcf" "$d/cohort.vcf"
  lab genomics/cohort.bcf trial "bcftools view -Ob: BCF with 600 samples" participant
  bcftools view -G -Oz -o "$d/sites_only.vcf.gz" "$d/cohort.vcf"
  lab genomics/sites_only.vcf.gz gwas "bcftools view -G: sites-only VCF, no sample columns" clean
else skip bcftools; fi

# 7z archives
if command -v 7z >/dev/null; then
  d=$tree/archives; mkdir -p "$d"; rm -f "$d"/*
  (cd "$stage" && 7z a -t7z "$d/analysis.7z" analysis.csv >/dev/null)
  lab archives/analysis.7z analysis "7z a -t7z of the analysis csv"
  (cd "$stage" && 7z a -tzip "$d/export.zip" redcap.csv dictionary.csv >/dev/null)
  lab archives/export.zip redcap "7z a -tzip of a REDCap export and its dictionary"
  (cd "$stage" && 7z a -t7z "$d/results.7z" gwas.csv per_gene.csv >/dev/null)
  lab archives/results.7z gwas "7z a -t7z of summary statistics and per-gene results"
  (cd "$stage" && 7z a -tzip "$d/reference.zip" concepts.csv facilities.csv >/dev/null)
  lab archives/reference.zip concepts "7z a -tzip of a vocabulary and a facility list"
else skip 7z; fi

# Jupyter: a notebook executed by a real kernel, outputs kept as the kernel rendered them
if /usr/bin/python3 -c 'import nbformat, nbclient, ipykernel' 2>/dev/null; then
  d=$tree/notebooks; mkdir -p "$d"
  /usr/bin/python3 "$here/notebooks.py" "$stage" "$d"
  lab notebooks/explore_nhanes.ipynb nhanes "Jupyter-executed notebook displaying the data frame (truncated repr + HTML) and df.head()"
  lab notebooks/explore_trial_print.ipynb trial "Jupyter-executed notebook: print(df.to_string()) of every row"
  lab notebooks/summary_nhanes.ipynb nhanes "Jupyter-executed notebook showing describe() and value_counts() only" clean
else skip "Jupyter (nbformat, nbclient, ipykernel)"; fi
