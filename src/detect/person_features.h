// PersonFeatures: step 1 of the participant decision, "is one row one person?", from the table's
// own shape rather than from a list of names.
//
// Profiles each column of the sampled rows (distinct keys; sex codes and words in several
// languages; birth dates and years in a plausible range; ages 0-110; postcodes; ICD-10 and ATC
// codes; measurements; event dates; names and contact details) and the table as a whole
// (rows; aggregate, group-label, totals, describe() and facility/vocabulary signals), into the
// feature vector of rules/person_features.h. Attribute columns are recognised by their values,
// with the attribute patterns of the rule packs as hints where values alone are ambiguous
// (a column of 1/2 is sex only when named so). The fitted model (RuleSet::person) turns the
// vector into a probability. Pure; thread-safe; never copies a cell value into its output.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "detect/evidence_matcher.h"
#include "rules/person_features.h"
#include "rules/rule_set.h"

namespace cg {

// What kind of person attribute a column holds (a quasi-identifier when marked so).
enum class PersonAttribute { kNone, kSex, kBirth, kAge, kLocation, kEthnicity, kClinical, kMeasurement, kEventDate, kDirect };

struct PersonFeatures {
  std::array<double, kPersonFeatureCount> x{};
  std::array<std::string, kPersonFeatureCount> why;  // what made a feature non-zero (column labels, counts)
  std::vector<PersonAttribute> columns;              // per column
  int key_column = -1;                               // distinct id-like column, or -1
};

// `name_evidence` is the best named rule's confidence; `id_column` its id column (or -1).
PersonFeatures ExtractPersonFeatures(const RuleSet& rules, const TableContext& ctx, double name_evidence, int id_column);

// The model's log-odds and probability for `f`, with each feature's contribution.
struct PersonScore {
  double log_odds = 0;
  double probability = 0;
  std::vector<FeatureValue> features;  // every feature, in kPersonFeatures order
};
PersonScore ScorePerson(const PersonModel& model, const PersonFeatures& f);

// Step 2: the quasi-identifier columns of `f` and the share of sampled rows unique on them.
// Empty quasi_identifiers when the table has none.
Reidentification EstimateReidentification(const TableContext& ctx, const PersonFeatures& f);

}  // namespace cg
