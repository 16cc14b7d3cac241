// The table features of the "is one row one person?" model, by name: the rule packs give each a
// coefficient (rules/person_model.yaml), detect/person_features computes them, and
// scripts/fit-detector refits them from the values --explain prints. Adding a feature means
// adding it here, computing it there, and refitting.
#pragma once

#include <cstddef>
#include <string>

namespace cg {

struct PersonFeatureInfo {
  const char* name;
  const char* summary;
};

inline constexpr PersonFeatureInfo kPersonFeatures[] = {
    {"name_evidence", "confidence of the best-matching named rule (cohort column names)"},
    {"key_column", "a column whose values are distinct per row, integer or coded (named or not)"},
    {"repeated_key", "a subject-key column whose ids repeat (several records per person)"},
    {"named_key", "the distinct key column is named as a person's id (participant, patient, user, sample, IID, ...)"},
    {"sex", "a column of sex or gender codes"},
    {"birth", "birth dates or years of birth in a plausible range"},
    {"age", "ages 0-110"},
    {"location", "postcodes, ZIP codes or addresses"},
    {"ethnicity", "ethnicity or race"},
    {"clinical_codes", "diagnosis, procedure or drug codes (ICD, ATC, Read, SNOMED)"},
    {"measurements", "body measurements or lab values (height, weight, BMI, blood pressure, ...)"},
    {"event_dates", "dates of events (visits, admissions, deaths)"},
    {"direct_identifiers", "names, phone numbers, e-mail addresses, national numbers"},
    {"attribute_kinds", "how many kinds of person attributes the table holds (0-1, 6 or more is 1)"},
    {"log_rows", "log10 of the row count, up to 5, for a table with person attributes beyond event dates or a person's id"},
    {"aggregate_columns", "share of columns named like aggregates (n, count, percent, mean, sd)"},
    {"group_labels", "a first column of distinct text labels over numeric columns (groups, not people)"},
    {"totals_row", "a row labelled total, all or overall"},
    {"grid", "rows are the cells of a grid of categories, or of a sorted axis of ages (a cross-tabulation or life table)"},
    {"summary_rows", "describe()/summary() row labels (count, mean, std, 25%, ...)"},
    {"facility_columns", "facility, provider or organisation columns (beds, ownership, speciality)"},
    {"vocabulary_columns", "vocabulary or concept table columns (concept_name, vocabulary_id)"},
    {"example_sequential", "consecutive whole-number ids in a table small enough to be an example"},
};
inline constexpr size_t kPersonFeatureCount = sizeof(kPersonFeatures) / sizeof(kPersonFeatures[0]);

// Index of the named feature, or -1.
inline int PersonFeatureIndex(const std::string& name) {
  for (size_t i = 0; i < kPersonFeatureCount; ++i)
    if (name == kPersonFeatures[i].name) return static_cast<int>(i);
  return -1;
}

}  // namespace cg
