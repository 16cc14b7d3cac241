# Write the base tables again with R's own writers (base R, data.table, haven, openxlsx,
# rmarkdown), as researchers do; append one "path<TAB>label<TAB>why" line per file to LABELS.
#
# usage: Rscript write_r.R STAGE_DIR TREE_DIR LABELS_TSV
# Values come from the seeded base tables in STAGE_DIR; nothing here is random.
args <- commandArgs(trailingOnly = TRUE)
stage <- args[1]; tree <- args[2]; labels_tsv <- args[3]
out <- file.path(tree, "r"); dir.create(out, recursive = TRUE, showWarnings = FALSE)
meta <- read.delim(file.path(stage, "tables.tsv"), stringsAsFactors = FALSE, quote = "")
rd <- function(name) read.csv(file.path(stage, paste0(name, ".csv")), stringsAsFactors = FALSE,
                             check.names = FALSE, na.strings = "")
lab <- function(file, name, how) {
  m <- meta[meta$name == name, ]
  cat(sprintf("r/%s\t%s\t%s; %s\n", file, m$label, how, m$why), file = labels_tsv, append = TRUE)
}
labc <- function(file, name, how) {  # a summary of a participant table: clean
  m <- meta[meta$name == name, ]
  cat(sprintf("r/%s\tclean\t%s; summary of: %s\n", file, how, m$why), file = labels_tsv, append = TRUE)
}
have <- function(pkg) suppressWarnings(requireNamespace(pkg, quietly = TRUE))
skip <- function(what) message("make-tool-corpus: R: skipped ", what)

nhanes <- rd("nhanes"); sdtm <- rd("sdtm_dm"); redcap <- rd("redcap"); person <- rd("omop_person")
analysis <- rd("analysis"); trial <- rd("trial"); german <- rd("german"); french <- rd("french")
spanish <- rd("spanish"); dutch <- rd("dutch"); swedish <- rd("swedish")
table1 <- rd("table1"); small <- rd("small_cells"); dict <- rd("dictionary"); gwas <- rd("gwas")
fac <- rd("facilities"); concepts <- rd("concepts"); orders <- rd("orders"); per_gene <- rd("per_gene")
italian <- rd("italian"); episodes <- rd("episodes"); pilot <- rd("pilot")

# base R text writers
write.csv(nhanes, file.path(out, "nhanes_write_csv.csv"))
lab("nhanes_write_csv.csv", "nhanes", "R write.csv with row names (unnamed first column)")
write.csv(sdtm, file.path(out, "dm_write_csv.csv"), row.names = FALSE)
lab("dm_write_csv.csv", "sdtm_dm", "R write.csv row.names=FALSE")
write.table(trial, file.path(out, "trial_write_table.tsv"), sep = "\t")
lab("trial_write_table.tsv", "trial", "R write.table sep=tab with row names (header one field short)")
write.table(dutch, file.path(out, "dutch_write_table.txt"))
lab("dutch_write_table.txt", "dutch", "R write.table defaults: space-separated, quoted, row names")
write.csv2(german, file.path(out, "german_write_csv2.csv"), row.names = FALSE)
lab("german_write_csv2.csv", "german", "R write.csv2: semicolons, decimal commas")
m <- as.matrix(trial[1:60, -1]); rownames(m) <- trial$patient_id[1:60]
write.csv(t(m), file.path(out, "trial_transposed.csv"))
lab("trial_transposed.csv", "trial", "R write.csv of t(df): 60 participants as columns, attributes as rows")
capture.output(summary(analysis), file = file.path(out, "analysis_summary.txt"))
cat(sprintf("r/analysis_summary.txt\tclean\tR capture.output(summary(df)) of the analysis dataset\n"),
    file = labels_tsv, append = TRUE)
write.csv(table1, file.path(out, "table1.csv"), row.names = FALSE)
lab("table1.csv", "table1", "R write.csv")
write.csv(gwas, file.path(out, "gwas_write_csv.csv"))
lab("gwas_write_csv.csv", "gwas", "R write.csv with row names")
write.csv(fac, file.path(out, "facilities.csv"), row.names = FALSE)
lab("facilities.csv", "facilities", "R write.csv")
write.csv(orders, file.path(out, "orders.csv"))
lab("orders.csv", "orders", "R write.csv with row names")
write.csv(small, file.path(out, "small_cells.csv"), row.names = FALSE)
write.csv2(italian, file.path(out, "italian_write_csv2.csv"), row.names = FALSE)
lab("italian_write_csv2.csv", "italian", "R write.csv2")
write.csv(pilot, file.path(out, "pilot_write_csv.csv"), row.names = FALSE)
lab("pilot_write_csv.csv", "pilot", "R write.csv row.names=FALSE")
lab("small_cells.csv", "small_cells", "R write.csv")

# summaries of participant tables, written by the same functions
episodes$los <- as.numeric(as.Date(episodes$discharge_date) - as.Date(episodes$admission_date))
write.csv(aggregate(los ~ primary_diagnosis + sex, data = episodes, FUN = function(x) c(n = length(x), mean = mean(x))),
          file.path(out, "episodes_by_diagnosis.csv"), row.names = FALSE)
labc("episodes_by_diagnosis.csv", "episodes", "R aggregate(los ~ diagnosis + sex): n and mean per cell")
write.csv(as.data.frame(table(diagnosis = episodes$primary_diagnosis, district = episodes$postcode_district)),
          file.path(out, "episodes_crosstab.csv"), row.names = FALSE)
labc("episodes_crosstab.csv", "episodes", "R as.data.frame(table(diagnosis, district)): Freq per cell, small cells")
fit <- glm(I(week12_sbp < baseline_sbp) ~ arm + age + sex, data = trial, family = binomial)
write.csv(as.data.frame(summary(fit)$coefficients), file.path(out, "trial_glm_coefficients.csv"))
labc("trial_glm_coefficients.csv", "trial", "R glm coefficients table (Estimate, Std. Error, z, p)")

# R serialisation
saveRDS(analysis, file.path(out, "analysis.rds"))
lab("analysis.rds", "analysis", "R saveRDS (gzip)")
saveRDS(analysis, file.path(out, "analysis_xz.rds"), compress = "xz")
lab("analysis_xz.rds", "analysis", "R saveRDS compress=xz")
saveRDS(list(baseline = trial, meta = list(study = "T1", n = nrow(trial))), file.path(out, "trial_list.rds"))
lab("trial_list.rds", "trial", "R saveRDS of a list holding the data frame")
save(redcap, french, file = file.path(out, "study.RData"))
lab("study.RData", "redcap", "R save() of two participant data frames (redcap, french)")
save(table1, dict, file = file.path(out, "outputs.RData"))
cat("r/outputs.RData\tclean\tR save() of Table 1 and the data dictionary\n", file = labels_tsv, append = TRUE)
saveRDS(per_gene, file.path(out, "per_gene.rds"))
lab("per_gene.rds", "per_gene", "R saveRDS")

if (have("data.table")) {
  data.table::fwrite(person, file.path(out, "person_fwrite.csv"))
  lab("person_fwrite.csv", "omop_person", "data.table::fwrite")
  data.table::fwrite(swedish, file.path(out, "swedish_fwrite_pipe.txt"), sep = "|")
  lab("swedish_fwrite_pipe.txt", "swedish", "data.table::fwrite sep='|'")
  data.table::fwrite(concepts, file.path(out, "concept_fwrite.csv"))
  lab("concept_fwrite.csv", "concepts", "data.table::fwrite")
  data.table::fwrite(episodes, file.path(out, "episodes_fwrite.csv.gz"))
  lab("episodes_fwrite.csv.gz", "episodes", "data.table::fwrite, gzip by extension")
  data.table::fwrite(gwas, file.path(out, "gwas_fwrite.tsv.gz"), sep = "\t")
  lab("gwas_fwrite.tsv.gz", "gwas", "data.table::fwrite sep=tab, gzip")
} else skip("data.table")

if (have("haven")) {
  # file, base table, writer: the label says which haven function wrote it
  stats_files <- list(
    list("dm.dta", "sdtm_dm", sdtm, "write_dta"), list("nhanes.sav", "nhanes", nhanes, "write_sav"),
    list("dm.xpt", "sdtm_dm", sdtm, "write_xpt"), list("italian.sav", "italian", italian, "write_sav"),
    list("episodes.dta", "episodes", episodes, "write_dta"),
    list("german.dta", "german", setNames(german, gsub("[^A-Za-z0-9_]", "_", names(german))), "write_dta"),
    list("table1.dta", "table1", table1, "write_dta"), list("dictionary.sav", "dictionary", dict, "write_sav"))
  for (f in stats_files) {
    getExportedValue("haven", f[[4]])(f[[3]], file.path(out, f[[1]]))
    lab(f[[1]], f[[2]], paste0("haven::", f[[4]], if (f[[4]] == "write_xpt") " (SAS transport v8)" else ""))
  }
} else skip("haven")

if (have("openxlsx")) {
  wb <- openxlsx::createWorkbook()
  openxlsx::addWorksheet(wb, "Probanden")
  openxlsx::writeData(wb, "Probanden", "Studie XY - Baseline-Export", startRow = 1)
  openxlsx::writeData(wb, "Probanden", "Stand: Datenbankschluss", startRow = 2)
  openxlsx::writeData(wb, "Probanden", german, startRow = 4)
  openxlsx::saveWorkbook(wb, file.path(out, "german_title_rows.xlsx"), overwrite = TRUE)
  lab("german_title_rows.xlsx", "german", "openxlsx: two title rows and a blank row above the header")
  openxlsx::write.xlsx(list(pacientes = spanish, notas = data.frame(nota = "exportado")),
                       file.path(out, "spanish.xlsx"))
  lab("spanish.xlsx", "spanish", "openxlsx::write.xlsx, two sheets")
  openxlsx::write.xlsx(fac, file.path(out, "facilities.xlsx"))
  lab("facilities.xlsx", "facilities", "openxlsx::write.xlsx")
  openxlsx::write.xlsx(list(counts = small, dictionary = dict), file.path(out, "counts_and_dictionary.xlsx"))
  lab("counts_and_dictionary.xlsx", "small_cells", "openxlsx: count table and data dictionary sheets")
} else skip("openxlsx")

if (have("rmarkdown") && have("knitr") && rmarkdown::pandoc_available()) {
  rmd <- function(file, body) {
    src <- file.path(tempdir(), sub("html$", "Rmd", file))
    writeLines(c("---", "title: report", "output: html_document", "---", "", body), src)
    rmarkdown::render(src, output_file = file, output_dir = out, quiet = TRUE,
                      intermediates_dir = tempdir(), envir = new.env())
  }
  write.csv(trial, file.path(tempdir(), "trial.csv"), row.names = FALSE)
  write.csv(table1, file.path(tempdir(), "table1.csv"), row.names = FALSE)
  rmd("trial_listing.html", c("```{r echo=FALSE}", sprintf("d <- read.csv('%s')", file.path(tempdir(), "trial.csv")),
                              "knitr::kable(d)", "```"))
  lab("trial_listing.html", "trial", "rmarkdown html_document, knitr::kable of all rows")
  rmd("table1_report.html", c("```{r echo=FALSE}", sprintf("d <- read.csv('%s')", file.path(tempdir(), "table1.csv")),
                              "knitr::kable(d)", "```"))
  lab("table1_report.html", "table1", "rmarkdown html_document, knitr::kable of Table 1")
} else skip("rmarkdown (needs rmarkdown, knitr and pandoc)")
