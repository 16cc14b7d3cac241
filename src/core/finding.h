// Finding: one thing a detector reports, in the shape of the JSON report (INTERFACE.md).
//
// A Finding carries column names, counts, paths and ids; it never carries a cell value or a
// secret value (only a masked form, built by report/redact).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cg {

enum class Severity { kInfo = 0, kLow = 1, kMedium = 2, kHigh = 3 };

const char* SeverityName(Severity s);
// Parses "high" | "medium" | "low" | "info"; false when the text is none of them.
bool ParseSeverity(const std::string& text, Severity* out);

// Where the bytes came from. `path` is always the outer file (worktree-relative or repository
// path); `member` names what is inside it (archive member, sheet, notebook cell), joined by "!"
// when nested. commit/blob are set by git sources only.
struct Origin {
  std::string path;
  std::string member;
  std::string commit;
  std::string blob;
  std::string repository;  // set by sweeps; relative to the swept folder

  // "path" or "path!member", for messages; "commit <12 hex>" for what concerns a whole commit.
  std::string Display() const;
};

// One weighed piece of evidence, shown by --explain.
struct Evidence {
  std::string rule;    // which rule or pack produced it
  std::string what;    // human readable, never a cell value
  double weight = 0;   // signed: negative evidence lowers the score
};

// Step 2 of the participant decision: how identifiable the people of a table are. The share of
// sampled rows that are unique on their quasi-identifier combination (k = 1, as statistical
// disclosure tools such as sdcMicro and ARX report it). Column labels only, never values.
struct Reidentification {
  std::vector<std::string> quasi_identifiers;  // column labels ("column N" when the name is a value)
  double unique_share = 0;                     // of the sampled rows
  int64_t sampled_rows = 0;
};

// One feature of the "is one row one person?" model, as --explain shows it.
struct FeatureValue {
  std::string name;
  double value = 0;
  double contribution = 0;  // coefficient * value, in log-odds
};

// Sweeps: who put a finding's blob into a repository and when, and where to see it, for the
// custodian who writes to the researcher or files a takedown. Names and e-mail addresses are the
// commit's own (the public record); nothing here comes from the blob's content.
struct Provenance {
  std::string url;               // the repository's web address (origin remote; no credentials)
  std::string permalink;         // url/blob/COMMIT/PATH ("" without a web address)
  std::string author_name, author_email, authored;         // authored: ISO 8601 UTC
  std::string committer_name, committer_email, committed;
  bool at_head = false;          // HEAD's tree still holds the blob at that path (else: only in history)
};

struct Finding {
  std::string rule;                   // e.g. "ukbiobank.main-dataset"
  std::string category;               // participant-data | secret | small-cells | policy
  Severity severity = Severity::kInfo;
  double confidence = 0;
  Origin origin;
  std::optional<int64_t> line;        // 1-based, text findings only
  std::optional<int64_t> rows;        // table findings
  bool rows_estimated = false;
  std::vector<std::string> columns;   // table header (names only)
  std::string id_column;
  std::string message;
  std::string masked;                 // secrets: masked value; never the secret itself
  std::string fingerprint;            // stable across line shifts; see policy/fingerprint
  std::vector<Evidence> evidence;     // filled always; printed with --explain
  std::optional<Reidentification> reidentification;  // participant-data findings
  std::optional<Provenance> provenance;               // sweeps
  std::string suppressed_by;          // policy: why it does not count (empty: it does)
};

// An error that did not stop the scan: an unreadable file, a corrupt archive, a limit hit.
struct ScanError {
  Origin origin;
  std::string message;
};

// A table the detector looked at, flagged or not: what --explain prints.
struct Explanation {
  Origin origin;
  std::string decision;               // e.g. "flagged high", "not flagged (score 0.12 < 0.35)"
  double score = 0;
  std::optional<int64_t> rows;
  std::vector<std::string> columns;
  std::vector<Evidence> evidence;
  std::vector<FeatureValue> features;                  // step 1: the person model's inputs
  std::optional<Reidentification> reidentification;   // step 2
};

}  // namespace cg
