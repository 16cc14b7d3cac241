#include "support/report_fixture.h"

namespace cg::testing {

ScanResult SampleScanResult() {
  ScanResult r;
  Finding table;
  table.rule = "ukbiobank.main-dataset";
  table.category = "participant-data";
  table.severity = Severity::kHigh;
  table.confidence = 0.98;
  table.origin = {"data/ukb extracts/ukb12345.zip", "ukb12345.csv", "", "", ""};
  table.rows = 502411;
  table.rows_estimated = true;
  table.columns = {"eid", "31-0.0", "34-0.0", "21022-0.0", "50-0.0", "21001-0.0", "20116-0.0", "1558-0.0", "189-0.0"};
  table.id_column = "eid";
  table.message = "UK Biobank main-dataset extract: about 502,411 participant rows, 9 columns";
  table.fingerprint = "5f0c1d2e3a4b5c6d";
  r.findings.push_back(table);

  Finding secret;
  secret.rule = "secrets.aws-access-key";
  secret.category = "secret";
  secret.severity = Severity::kHigh;
  secret.confidence = 0.9;
  secret.origin = {"config/settings.py", "", "", "", ""};
  secret.line = 12;
  secret.message = "AWS access key id";
  secret.masked = "AKIA************";
  secret.fingerprint = "a1b2c3d4e5f60718";
  r.findings.push_back(secret);

  Finding cells;
  cells.rule = "aggregates.small-cells";
  cells.category = "small-cells";
  cells.severity = Severity::kLow;
  cells.confidence = 0.5;
  cells.origin = {"results/counts.csv", "", "", "", ""};
  cells.rows = 40;
  cells.columns = {"region", "n"};
  cells.message = "aggregate table with 3 cells under 10";
  cells.fingerprint = "0badc0ffee000001";
  r.findings.push_back(cells);

  Finding history;
  history.rule = "ukbiobank.record-level";
  history.category = "participant-data";
  history.severity = Severity::kMedium;
  history.confidence = 0.7;
  history.origin = {"old/gp_clinical.tsv", "", "3f2a9d0c5e8b7a6f4d3c2b1a09f8e7d6c5b4a392",
                    "9c1e8b7a6f5d4c3b2a1908f7e6d5c4b3a2918070", ""};
  history.rows = 1200;
  history.columns = {"eid", "data_provider", "event_dt", "read_2"};
  history.id_column = "eid";
  history.message = "UK Biobank record-level table (GP, HES): 1,200 rows";
  history.fingerprint = "77aa88bb99cc00dd";
  r.findings.push_back(history);

  Finding odd;
  odd.rule = "ukbiobank.main-dataset";
  odd.category = "participant-data";
  odd.severity = Severity::kHigh;
  odd.confidence = 0.95;
  odd.origin = {"donn\xc3\xa9" "es/a <b> & \"c\" 'd' \xff.csv", "", "", "", ""};
  odd.rows = 80;
  odd.columns = {"eid", "31-0.0"};
  odd.id_column = "eid";
  odd.message = "UK Biobank main-dataset extract: 80 rows";
  odd.fingerprint = "1122334455667788";
  r.findings.push_back(odd);

  r.errors.push_back({{"broken.zip", "", "", "", ""}, "zip: truncated archive"});
  r.errors.push_back({Origin{}, "cannot read .git/index"});
  r.skipped.push_back({{"big.csv", "", "", "", ""}, "larger than --max-file-size (300 bytes): only the first 100 bytes were analysed"});
  for (const auto& f : r.findings) r.scanned.push_back(f.origin);
  r.scanned.push_back({"src/clean.py", "", "", "", ""});
  r.scanned.push_back({"big.csv", "", "", "", ""});
  r.stats.files = 7;
  r.stats.bytes = 123456;
  r.stats.skipped = 1;
  r.stats.elapsed_ms = 42;
  r.Sort();
  return r;
}

ReportOptions SampleReportOptions(const std::string& format) {
  ReportOptions o;
  o.format = format;
  o.rules = {{"ukbiobank.main-dataset", "UK Biobank main-dataset extract", "participant-data", Severity::kHigh},
             {"ukbiobank.record-level", "UK Biobank record-level table (GP, HES)", "participant-data", Severity::kHigh}};
  return o;
}

}  // namespace cg::testing
