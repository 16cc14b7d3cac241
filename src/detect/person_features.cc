#include "detect/person_features.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "rules/table_shapes.h"
#include "rules/validators.h"

namespace cg {
namespace {

bool IsMissingValue(const std::string& c) {
  if (c.empty()) return true;
  size_t b = 0, e = c.size();
  while (b < e && (c[b] == ' ' || c[b] == '"')) ++b;
  while (e > b && (c[e - 1] == ' ' || c[e - 1] == '"')) --e;
  const std::string_view v(c.data() + b, e - b);
  return v.empty() || v == "NA" || v == "NaN" || v == "nan" || v == "." || v == "null" || v == "NULL" || v == "None" ||
         v == "<NA>" || v == "-";
}

bool ParseNumber(std::string_view s, double* out) {
  if (!IsNumericCell(s)) return false;
  std::string t(s);
  std::replace(t.begin(), t.end(), ',', '.');
  *out = std::strtod(t.c_str(), nullptr);
  return true;
}

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  while (!out.empty() && (out.back() == ' ' || out.back() == '"')) out.pop_back();
  size_t b = 0;
  while (b < out.size() && (out[b] == ' ' || out[b] == '"')) ++b;
  return out.substr(b);
}

// What the sampled values of one column are like.
struct ColumnStats {
  size_t present = 0, distinct = 0;
  size_t numeric = 0, integer = 0, dates = 0, sex_any = 0, sex_words = 0, codes = 0, postcodes = 0;
  size_t id_like = 0;  // integer ids or coded ids
  double min = 0, max = 0;
  int min_year = 0, max_year = 0;
  std::set<int> years;
  bool Mostly(size_t n, double share = 0.8) const { return present > 0 && n >= share * static_cast<double>(present); }
};

ColumnStats Profile(const TableView& t, int col) {
  ColumnStats s;
  std::set<std::string> seen;
  bool first_number = true;
  for (const auto& row : t.rows) {
    if (static_cast<size_t>(col) >= row.size() || IsMissingValue(row[col])) continue;
    const std::string& c = row[col];
    ++s.present;
    seen.insert(c);
    double v = 0;
    if (ParseNumber(c, &v)) {
      ++s.numeric;
      if (v == std::floor(v) && c.find_first_of(".,eE") == std::string::npos) ++s.integer;
      if (first_number || v < s.min) s.min = v;
      if (first_number || v > s.max) s.max = v;
      first_number = false;
    }
    if (int y = DateYear(c)) {
      ++s.dates;
      if (!s.min_year || y < s.min_year) s.min_year = y;
      if (y > s.max_year) s.max_year = y;
      s.years.insert(y);
    }
    const bool word = IsSexWord(c);
    s.sex_words += word;
    s.sex_any += word || IsSexCode(c);
    s.codes += IsIcd10Code(c) || IsAtcCode(c);
    if (IsUkPostcode(c) && c.find(' ') != std::string::npos) ++s.postcodes;
    if (IsIntegerId(c) || IsCodedId(c)) ++s.id_like;
  }
  s.distinct = seen.size();
  return s;
}

bool Named(const RuleSet& rules, const std::string& name, const char* attribute) {
  if (name.empty()) return false;
  for (const AttributeRule& a : rules.attributes)
    if (a.id == attribute && a.columns.Matches(name)) return true;
  return false;
}

// The attribute a column holds, judged by its values with its name as a hint.
PersonAttribute Classify(const RuleSet& rules, const std::string& name, const ColumnStats& s) {
  if (s.present < 2) return PersonAttribute::kNone;
  const bool few_values = s.distinct <= 4;
  // Sex: codes 0/1/2 or M/F when named so; sex words in any of several languages on their own.
  if (few_values && s.distinct >= 1) {
    if (Named(rules, name, "sex") && s.Mostly(s.sex_any, 0.9))
      return PersonAttribute::kSex;
    if (s.distinct >= 2 && s.Mostly(s.sex_words, 0.95) && s.numeric == 0) return PersonAttribute::kSex;
  }
  const bool birth_name = Named(rules, name, "birth");
  // Birth: dates or years of birth between 1890 and today.
  if (birth_name && s.Mostly(s.dates) && s.min_year >= 1890) return PersonAttribute::kBirth;
  if (birth_name && s.Mostly(s.integer) && s.min >= 1890 && s.max <= 2030) return PersonAttribute::kBirth;
  if (birth_name && s.Mostly(s.integer) && s.min >= 1 && s.max <= 31) return PersonAttribute::kBirth;  // month or day of birth
  // (two values are an indicator such as age80, not ages)
  if (Named(rules, name, "age") && s.Mostly(s.numeric, 0.9) && s.min >= 0 && s.max <= 120 && s.distinct >= 3)
    return PersonAttribute::kAge;
  if (Named(rules, name, "postcode") && s.distinct >= 2) return PersonAttribute::kLocation;
  if (s.Mostly(s.postcodes) && s.distinct >= 3) return PersonAttribute::kLocation;
  if (Named(rules, name, "contact") && s.distinct * 2 >= s.present && s.distinct >= 2) return PersonAttribute::kDirect;
  if (Named(rules, name, "ethnicity") && s.distinct <= 30) return PersonAttribute::kEthnicity;
  if ((Named(rules, name, "diagnosis") || Named(rules, name, "medication")) && s.numeric < s.present)
    return PersonAttribute::kClinical;
  // (codes by their values alone, when they repeat: a list of distinct codes is a code list)
  if (s.Mostly(s.codes) && s.distinct >= 3 && s.distinct < s.present) return PersonAttribute::kClinical;
  if (Named(rules, name, "measurement") && s.Mostly(s.numeric) && s.distinct >= 3) return PersonAttribute::kMeasurement;
  if (s.Mostly(s.dates)) {
    if (Named(rules, name, "death") || Named(rules, name, "event-date")) return PersonAttribute::kEventDate;
    // Unnamed dates spread over decades before this century reads as birth dates.
    if (s.min_year >= 1900 && s.max_year <= 2012 && s.max_year - s.min_year >= 15 && s.years.size() >= 8)
      return PersonAttribute::kBirth;
    return PersonAttribute::kEventDate;
  }
  return PersonAttribute::kNone;
}

constexpr int F(const char* name) {
  for (size_t i = 0; i < kPersonFeatureCount; ++i) {
    const char* a = kPersonFeatures[i].name;
    const char* b = name;
    while (*a && *a == *b) ++a, ++b;
    if (*a == *b) return static_cast<int>(i);
  }
  return -1;
}

void Set(PersonFeatures& f, int i, double v, std::string why) {
  f.x[static_cast<size_t>(i)] = v;
  f.why[static_cast<size_t>(i)] = std::move(why);
}

// Rows that are the cells of a grid rather than people: a few category columns whose
// combinations are distinct per sampled row and hardly more than the rows (every combination
// once, a cross-tabulation in long form), or ages distinct and sorted (a life table). Subject-id
// columns are never categories: a complete panel of subjects by visits is people. Returns the
// columns, or an empty list.
std::vector<int> GridColumns(const TableContext& ctx, const std::vector<ColumnStats>& stats,
                             const std::vector<PersonAttribute>& kinds, const PersonModel& m) {
  const TableView& t = ctx.table;
  const size_t rows = t.rows.size();
  if (rows < 6) return {};
  // Rows keyed by a named subject id are a person's records, however regular the rest: one
  // subject's lab tests by visit (a long table sampled from its top) is every combination once.
  for (int c = 0; c < static_cast<int>(stats.size()) && c < static_cast<int>(ctx.names.size()); ++c)
    if (m.enabled && m.subject_columns.Matches(ctx.names[c]) && stats[static_cast<size_t>(c)].Mostly(stats[static_cast<size_t>(c)].id_like, 0.9))
      return {};
  std::vector<int> candidates;
  for (int c = 0; c < static_cast<int>(stats.size()); ++c) {
    const ColumnStats& s = stats[static_cast<size_t>(c)];
    if (c < static_cast<int>(ctx.names.size()) && m.enabled && m.id_columns.Matches(ctx.names[c])) continue;
    if (kinds[static_cast<size_t>(c)] == PersonAttribute::kAge && s.present == rows && s.distinct == rows && rows >= 10) {
      double last = 0;
      bool sorted = true;
      for (size_t r = 0; r < rows && sorted; ++r) {
        double v = 0;
        sorted = ParseNumber(t.rows[r][c], &v) && (r == 0 || v > last);
        last = v;
      }
      if (sorted) return {c};
    }
    if (s.present == rows && s.distinct >= 2 && s.distinct * 2 <= rows) candidates.push_back(c);
  }
  std::stable_sort(candidates.begin(), candidates.end(), [&](int a, int b) {
    return stats[static_cast<size_t>(a)].distinct < stats[static_cast<size_t>(b)].distinct;
  });
  // Two to four of the ten smallest category columns whose cells number the rows (up to a
  // quarter more: a few empty combinations), every combination seen once.
  if (candidates.size() > 10) candidates.resize(10);
  const double n = static_cast<double>(rows);
  auto distinct_per_row = [&](const std::vector<int>& used) {
    std::set<std::vector<std::string>> combinations;
    for (const auto& r : t.rows) {
      std::vector<std::string> key;
      for (int u : used) key.push_back(r[u]);
      if (!combinations.insert(std::move(key)).second) return false;
    }
    return true;
  };
  std::vector<int> used;
  std::vector<int> found;
  auto search = [&](auto&& self, size_t from, double cells) -> void {
    if (!found.empty()) return;
    if (used.size() >= 2 && cells >= n && distinct_per_row(used)) {
      found = used;
      return;
    }
    if (used.size() == 4) return;
    for (size_t i = from; i < candidates.size() && found.empty(); ++i) {
      const double next = cells * static_cast<double>(stats[static_cast<size_t>(candidates[i])].distinct);
      if (next > 1.25 * n) continue;
      used.push_back(candidates[i]);
      self(self, i + 1, next);
      used.pop_back();
    }
  };
  search(search, 0, 1);
  std::sort(found.begin(), found.end());
  return found;
}

// A camelCase or PascalCase name in words ("PrenatalCarePct" -> "prenatal_care_pct"), normalised,
// so the name patterns see its parts.
std::string SnakeCase(const std::string& raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(raw[i]);
    if (i > 0 && std::isupper(c) && std::islower(static_cast<unsigned char>(raw[i - 1]))) out.push_back('_');
    out.push_back(static_cast<char>(c));
  }
  return NormaliseColumnName(out);
}

bool IsTotalLabel(const std::string& cell) {
  static const std::set<std::string> kTotals = {"total", "totals", "all", "overall", "sum", "grand total", "gesamt",
                                                "insgesamt", "totale", "todos", "tous", "summe", "(all)", "all ages"};
  return kTotals.count(Lower(cell)) > 0;
}

}  // namespace

PersonFeatures ExtractPersonFeatures(const RuleSet& rules, const TableContext& ctx, double name_evidence,
                                     int id_column) {
  const TableView& t = ctx.table;
  const PersonModel& m = rules.person;
  PersonFeatures f;
  const int cols = static_cast<int>(t.column_count());
  f.columns.assign(static_cast<size_t>(std::max(cols, 0)), PersonAttribute::kNone);
  Set(f, F("name_evidence"), name_evidence, name_evidence > 0 ? "named rules" : "");

  std::vector<ColumnStats> stats;
  stats.reserve(static_cast<size_t>(cols));
  for (int c = 0; c < cols; ++c) stats.push_back(Profile(t, c));
  auto name_of = [&](int c) { return c < static_cast<int>(ctx.names.size()) ? ctx.names[c] : std::string(); };

  // The key: a column (among the first three, or the named rule's id column) whose values are
  // distinct per sampled row and integer or coded ids (not dates, not decimals).
  const size_t rows = t.rows.size();
  for (int c = 0; c < cols && f.key_column < 0; ++c) {
    if (c >= 3 && c != id_column) continue;
    const ColumnStats& s = stats[static_cast<size_t>(c)];
    if (s.present < std::min<size_t>(5, std::max<size_t>(rows, 2)) || s.present * 10 < rows * 9) continue;
    if (s.distinct * 100 < s.present * 98 || !s.Mostly(s.id_like, 0.95) || s.Mostly(s.dates)) continue;
    // (distinct ages are the axis of a life table, not ids)
    if (Named(rules, name_of(c), "age") || Named(rules, name_of(c), "birth")) continue;
    f.key_column = c;
  }
  if (f.key_column >= 0) Set(f, F("key_column"), 1, "distinct id values in " + ctx.ColumnLabel(f.key_column));
  if (f.key_column >= 0 && m.enabled && m.subject_columns.Matches(name_of(f.key_column)))
    Set(f, F("named_key"), 1, ctx.ColumnLabel(f.key_column) + " is named as a person's id");
  // A subject key whose ids repeat: several records per person (visits, events, SDTM domains).
  // The sample is the top of the table, so a long table sorted by subject may show one subject
  // only: a single id counts when more rows follow the sample and the column is named as a
  // person's id.
  bool person_records = false;  // the repeated key is named as a person's
  for (int c = 0; c < cols && c < 4; ++c) {
    const ColumnStats& s = stats[static_cast<size_t>(c)];
    const bool named = m.enabled && !name_of(c).empty() && m.id_columns.Matches(name_of(c));
    if ((!named && c != id_column) || c == f.key_column) continue;
    const bool person_named = m.enabled && !name_of(c).empty() && m.subject_columns.Matches(name_of(c));
    const bool more_rows = t.row_count > static_cast<int64_t>(rows);
    if (s.present < 4 || (s.distinct < 2 && !(person_named && more_rows)) || s.distinct * 100 >= s.present * 98 ||
        !s.Mostly(s.id_like, 0.9))
      continue;
    Set(f, F("repeated_key"), 1, "repeated subject ids in " + ctx.ColumnLabel(c));
    person_records = person_named;
    break;
  }

  // Person attributes, one kind per column.
  struct Kind {
    PersonAttribute a;
    const char* feature;
  };
  static const Kind kKinds[] = {{PersonAttribute::kSex, "sex"},           {PersonAttribute::kBirth, "birth"},
                                {PersonAttribute::kAge, "age"},           {PersonAttribute::kLocation, "location"},
                                {PersonAttribute::kEthnicity, "ethnicity"}, {PersonAttribute::kClinical, "clinical_codes"},
                                {PersonAttribute::kMeasurement, "measurements"}, {PersonAttribute::kEventDate, "event_dates"},
                                {PersonAttribute::kDirect, "direct_identifiers"}};
  std::map<PersonAttribute, std::vector<int>> by_kind;
  for (int c = 0; c < cols; ++c) {
    if (c == f.key_column) continue;
    PersonAttribute a = Classify(rules, name_of(c), stats[static_cast<size_t>(c)]);
    f.columns[static_cast<size_t>(c)] = a;
    if (a != PersonAttribute::kNone) by_kind[a].push_back(c);
  }
  int kinds = 0;
  for (const Kind& k : kKinds) {
    auto it = by_kind.find(k.a);
    if (it == by_kind.end()) continue;
    ++kinds;
    Set(f, F(k.feature), 1, NameColumns(ctx, it->second));
  }
  Set(f, F("attribute_kinds"), std::min(1.0, kinds / 6.0), std::to_string(kinds) + " kind(s)");
  // Rows count only for a table that says something about people beyond event dates, or is
  // keyed by a subject id: many rows of sensor readings or orders are not many people, and the
  // rows of a grid are its cells.
  const std::vector<int> grid = cols >= 2 && rows >= 2 ? GridColumns(ctx, stats, f.columns, m) : std::vector<int>{};
  if (!grid.empty()) Set(f, F("grid"), 1, "one row per combination of " + NameColumns(ctx, grid));
  const bool about_people = grid.empty() && (f.x[static_cast<size_t>(F("named_key"))] > 0 || person_records ||
                                             std::any_of(by_kind.begin(), by_kind.end(), [](const auto& kv) {
                                               return kv.first != PersonAttribute::kEventDate;
                                             }));
  if (about_people)
    Set(f, F("log_rows"), std::min(5.0, std::log10(static_cast<double>(std::max<int64_t>(t.row_count, 1)))),
        std::to_string(t.row_count) + " rows");

  // Aggregate signals.
  if (m.enabled && !ctx.names.empty()) {
    std::vector<int> agg, facility, vocab;
    for (int c = 0; c < static_cast<int>(ctx.names.size()); ++c) {
      const std::string& n = ctx.names[c];
      const std::string words = c < static_cast<int>(t.header.size()) ? SnakeCase(t.header[c]) : n;
      auto matches = [&](const ColumnPatterns& p) { return p.Matches(n) || (words != n && p.Matches(words)); };
      if (matches(m.aggregate_columns)) agg.push_back(c);
      if (matches(m.facility_columns)) facility.push_back(c);
      if (matches(m.vocabulary_columns)) vocab.push_back(c);
    }
    if (!agg.empty()) Set(f, F("aggregate_columns"), static_cast<double>(agg.size()) / cols, NameColumns(ctx, agg));
    if (!facility.empty())
      Set(f, F("facility_columns"), std::min(1.0, facility.size() / 3.0), NameColumns(ctx, facility));
    // (four such columns, or most of a narrow table: code, value, meaning)
    if (vocab.size() >= 2)
      Set(f, F("vocabulary_columns"), std::min(1.0, vocab.size() / std::min(4.0, std::max(2.0, cols * 2.0 / 3.0))),
          NameColumns(ctx, vocab));
  }
  if (cols >= 2 && rows >= 2) {
    const ColumnStats& first = stats[0];
    size_t numeric_cols = 0;
    for (int c = 1; c < cols; ++c) numeric_cols += stats[static_cast<size_t>(c)].Mostly(stats[static_cast<size_t>(c)].numeric, 0.9);
    // (what the labels themselves look like does not count: variable names such as X38 read as codes)
    const bool others = std::any_of(by_kind.begin(), by_kind.end(), [](const auto& kv) {
      return std::any_of(kv.second.begin(), kv.second.end(), [](int c) { return c != 0; });
    });
    if (first.numeric == 0 && first.present == rows && first.distinct == first.present && !others && f.key_column != 0 &&
        numeric_cols * 10 >= static_cast<size_t>(cols - 1) * 7)
      Set(f, F("group_labels"), 1, "text labels in " + ctx.ColumnLabel(0) + " over numeric columns");
    size_t labels = 0, totals = 0;
    std::set<std::string> distinct_labels;
    for (const auto& r : t.rows) {
      if (r.empty()) continue;
      if (IsSummaryLabel(r[0])) {
        ++labels;
        distinct_labels.insert(Lower(r[0]));
      }
      // (in any of the first three columns: a group column may follow the place or category)
      for (size_t c = 0; c < r.size() && c < 3; ++c)
        if (IsTotalLabel(r[c])) {
          ++totals;
          break;
        }
    }
    // describe() labels differ (count, mean, std, ...): a column of Y/N or n is not a summary
    if (labels >= 4 && labels * 2 >= rows && distinct_labels.size() >= 3)
      Set(f, F("summary_rows"), 1, std::to_string(labels) + " summary row labels");
    if (totals > 0) Set(f, F("totals_row"), 1, "a totals row");
  }
  if (t.row_count <= rules.scoring.example_max_rows && f.key_column >= 0 && HasSequentialIds(t, f.key_column))
    Set(f, F("example_sequential"), 1, "consecutive ids in " + std::to_string(t.row_count) + " rows");
  return f;
}

PersonScore ScorePerson(const PersonModel& model, const PersonFeatures& f) {
  PersonScore s;
  s.log_odds = model.intercept;
  for (size_t i = 0; i < kPersonFeatureCount; ++i) {
    const double w = i < model.coefficients.size() ? model.coefficients[i] : 0;
    s.log_odds += w * f.x[i];
    s.features.push_back({kPersonFeatures[i].name, f.x[i], w * f.x[i]});
  }
  s.probability = model.enabled ? 1 / (1 + std::exp(-s.log_odds)) : 0;
  return s;
}

Reidentification EstimateReidentification(const TableContext& ctx, const PersonFeatures& f) {
  Reidentification r;
  // Quasi-identifiers: what a neighbour, an employer or a newspaper could know. All sex, birth,
  // age, location and ethnicity columns; one event date and one clinical code (more would make
  // every row unique by construction).
  std::vector<int> qi;
  bool event = false, clinical = false;
  for (size_t c = 0; c < f.columns.size(); ++c) {
    PersonAttribute a = f.columns[c];
    bool take = a == PersonAttribute::kSex || a == PersonAttribute::kBirth || a == PersonAttribute::kAge ||
                a == PersonAttribute::kLocation || a == PersonAttribute::kEthnicity;
    if (a == PersonAttribute::kEventDate && !event) take = event = true;
    if (a == PersonAttribute::kClinical && !clinical) take = clinical = true;
    if (take) qi.push_back(static_cast<int>(c));
  }
  if (qi.empty()) return r;
  for (int c : qi) r.quasi_identifiers.push_back(ctx.ReportName(c));
  std::map<std::vector<std::string>, int> groups;
  std::vector<std::vector<std::string>> keys;
  for (const auto& row : ctx.table.rows) {
    std::vector<std::string> key;
    for (int c : qi) key.push_back(static_cast<size_t>(c) < row.size() ? row[c] : std::string());
    ++groups[key];
    keys.push_back(std::move(key));
  }
  size_t unique = 0;
  for (const auto& k : keys) unique += groups[k] == 1;
  r.sampled_rows = static_cast<int64_t>(keys.size());
  r.unique_share = keys.empty() ? 0 : std::round(1000.0 * unique / keys.size()) / 1000.0;
  return r;
}

}  // namespace cg
