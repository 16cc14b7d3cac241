#include "rules/validators.h"

#include <cctype>
#include <set>
#include <string>

#include <re2/re2.h>

namespace cg {
namespace {

// RE2's text type is its own StringPiece (Debian 12) or abseil's string_view (Debian 13, whose
// abseil does not alias std::string_view): both are built from a pointer and a length.
bool FullMatch(std::string_view s, const RE2& re) { return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), re); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.front())) || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == '"')) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Digits of `s` with single spaces or dashes between groups removed; "" if anything else.
std::string DigitsOnly(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (c >= '0' && c <= '9') d.push_back(c);
    else if (c != ' ' && c != '-') return "";
  }
  return d;
}

const Validator kValidators[] = {
    {"ukb-eid", "UK Biobank participant eid (7 digits; negative for withdrawn samples)", IsUkbEid},
    {"nhs-number", "NHS number (10 digits, modulus-11 check digit)", IsNhsNumber},
    {"chi-number", "Scottish CHI number (DDMMYY + 4 digits, mod-11 or mod-10 check)", IsChiNumber},
    {"finngen-id", "FinnGen participant id (FG + 8 digits)", IsFinnGenId},
    {"integer-id", "a positive whole-number identifier", IsIntegerId},
    {"coded-id", "a coded identifier (letters, digits, '_' or '-', with a digit)", IsCodedId},
    {"date", "a calendar date (ISO, day-first or compact), optionally with a time", IsDate},
    {"shifted-date", "a date shifted into 2100-2200 (MIMIC de-identification)", IsShiftedDate},
    {"icd10", "an ICD-10 diagnosis code", IsIcd10Code},
    {"uk-postcode", "a UK postcode, full or outward district", IsUkPostcode},
    {"sex-code", "a sex code (0/1/2, M/F, male/female)", IsSexCode},
    {"reference-sample", "a public reference-panel sample id (1000 Genomes, HGDP)", IsReferenceSampleId},
    {"count", "a whole count, or 'n (p%)'", IsCount},
    {"summary-label", "a row label of describe() or summary() output: count, mean, std, 25%, ...", IsSummaryLabel},
    {"sex-word", "a sex word in one of several languages (male, weiblich, femme, ...)", IsSexWord},
    {"summary-cell", "a summary statistic: 'n (p%)', 'p%', 'mean (sd)', 'estimate (low-high)'", IsSummaryCell},
};

}  // namespace

bool IsUkbEid(std::string_view cell) {
  cell = Trim(cell);
  if (!cell.empty() && cell.front() == '-') {
    cell.remove_prefix(1);
    return AllDigits(cell) && cell.size() <= 7;
  }
  return AllDigits(cell) && cell.size() == 7 && cell[0] >= '1' && cell[0] <= '6';
}

bool IsNhsNumber(std::string_view cell) {
  std::string d = DigitsOnly(Trim(cell));
  if (d.size() != 10) return false;
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (d[i] - '0') * (10 - i);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  if (check == 10) return false;
  return check == d[9] - '0';
}

bool IsChiNumber(std::string_view cell) {
  std::string d = DigitsOnly(Trim(cell));
  if (d.size() != 10) return false;
  int day = (d[0] - '0') * 10 + (d[1] - '0');
  int month = (d[2] - '0') * 10 + (d[3] - '0');
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (d[i] - '0') * (10 - i);
  int mod11 = 11 - sum % 11;
  if (mod11 == 11) mod11 = 0;
  if (mod11 != 10 && mod11 == d[9] - '0') return true;
  // The mod-10 (Luhn) scheme being introduced for new CHI numbers.
  int luhn = 0;
  for (int i = 0; i < 10; ++i) {
    int v = d[9 - i] - '0';
    if (i % 2 == 1) { v *= 2; if (v > 9) v -= 9; }
    luhn += v;
  }
  return luhn % 10 == 0;
}

bool IsFinnGenId(std::string_view cell) {
  cell = Trim(cell);
  return cell.size() == 10 && cell[0] == 'F' && cell[1] == 'G' && AllDigits(cell.substr(2));
}

bool IsIntegerId(std::string_view cell) {
  cell = Trim(cell);
  return AllDigits(cell) && cell.size() <= 12;
}

bool IsCodedId(std::string_view cell) {
  cell = Trim(cell);
  if (cell.size() < 3 || cell.size() > 40) return false;
  bool digit = false;
  for (char c : cell) {
    if (c >= '0' && c <= '9') digit = true;
    else if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return digit;
}

namespace {

int Number(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool ValidDay(int y, int m, int d) {
  return y >= 1850 && y <= 2250 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

}  // namespace

// Year of a date cell, or 0 when the cell is not a date.
int DateYear(std::string_view cell) {
  cell = Trim(cell);
  size_t cut = cell.find_first_of(" T");  // a time may follow
  std::string_view d = cell.substr(0, cut);
  if (d.size() == 8 && AllDigits(d)) {
    int y = Number(d.substr(0, 4)), m = Number(d.substr(4, 2)), day = Number(d.substr(6, 2));
    return ValidDay(y, m, day) ? y : 0;
  }
  if (d.size() != 10) return 0;
  char s1 = d[4], s2 = d[7];
  if ((s1 == '-' || s1 == '/') && s1 == s2 && AllDigits(d.substr(0, 4)) && AllDigits(d.substr(5, 2)) &&
      AllDigits(d.substr(8, 2))) {
    int y = Number(d.substr(0, 4));
    return ValidDay(y, Number(d.substr(5, 2)), Number(d.substr(8, 2))) ? y : 0;
  }
  s1 = d[2], s2 = d[5];
  if ((s1 == '-' || s1 == '/' || s1 == '.') && s1 == s2 && AllDigits(d.substr(0, 2)) && AllDigits(d.substr(3, 2)) &&
      AllDigits(d.substr(6, 4))) {
    int y = Number(d.substr(6, 4));
    return ValidDay(y, Number(d.substr(3, 2)), Number(d.substr(0, 2))) ? y : 0;
  }
  return 0;
}

bool IsDate(std::string_view cell) { return DateYear(cell) != 0; }

bool IsShiftedDate(std::string_view cell) {
  int y = DateYear(cell);
  return y >= 2100 && y <= 2200;
}

bool IsIcd10Code(std::string_view cell) {
  cell = Trim(cell);
  if (cell.size() < 3 || cell.size() > 8) return false;
  char c0 = static_cast<char>(std::toupper(static_cast<unsigned char>(cell[0])));
  if (c0 < 'A' || c0 > 'Z' || c0 == 'U') return false;
  if (!std::isdigit(static_cast<unsigned char>(cell[1])) || !std::isdigit(static_cast<unsigned char>(cell[2])))
    return false;
  std::string_view rest = cell.substr(3);
  if (!rest.empty() && rest[0] == '.') rest.remove_prefix(1);
  if (rest.size() > 4) return false;
  for (char c : rest)
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  return true;
}

bool IsUkPostcode(std::string_view cell) {
  // Outward code (A9, A99, AA9, AA99, A9A, AA9A), then optionally the inward code 9AA.
  static const RE2 kPostcode("(?i)[A-Z]{1,2}[0-9][A-Z0-9]?( ?[0-9][A-Z]{2})?");
  return FullMatch(Trim(cell), kPostcode);
}

bool IsSexCode(std::string_view cell) {
  cell = Trim(cell);
  std::string l;
  for (char c : cell) l.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return l == "0" || l == "1" || l == "2" || l == "m" || l == "f" || l == "u" || l == "male" || l == "female";
}

bool IsSexWord(std::string_view cell) {
  static const std::set<std::string> kWords = {
      "m", "f", "male", "female", "man", "woman", "men", "women", "boy", "girl",          // English
      "männlich", "weiblich", "mannlich", "maennlich", "w", "mann", "frau",             // German
      "homme", "femme", "h", "masculin", "féminin", "feminin",                          // French
      "masculino", "femenino", "feminino", "hombre", "mujer", "varón", "varon",          // Spanish, Portuguese
      "maschio", "femmina", "man", "vrouw", "v", "kvinna", "kvinde", "mand", "mies", "nainen"};
  std::string l;
  for (char c : Trim(cell)) l.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return kWords.count(l) > 0;
}

bool IsSummaryLabel(std::string_view cell) {
  static const std::set<std::string> kLabels = {"count", "mean", "std", "sd", "min", "max", "25%", "50%", "75%",
                                                "median", "1st qu.", "3rd qu.", "min.", "max.", "unique", "top",
                                                "freq", "q1", "q3", "iqr", "var", "nobs", "n", "missing", "se"};
  std::string l;
  for (char c : Trim(cell)) l.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return kLabels.count(l) > 0;
}

bool IsAtcCode(std::string_view cell) {
  static const RE2 kAtc("(?i)[ABCDGHJLMNPRSV][0-9]{2}([A-Z]([A-Z]([0-9]{2})?)?)?");
  cell = Trim(cell);
  return cell.size() >= 4 && FullMatch(cell, kAtc);
}

bool IsReferenceSampleId(std::string_view cell) {
  cell = Trim(cell);
  if (cell.size() == 7 && (cell.substr(0, 2) == "HG" || cell.substr(0, 2) == "NA")) return AllDigits(cell.substr(2));
  return cell.size() == 9 && cell.substr(0, 4) == "HGDP" && AllDigits(cell.substr(4));
}

int64_t LeadingCount(std::string_view cell) {
  cell = Trim(cell);
  size_t i = 0;
  while (i < cell.size() && (std::isdigit(static_cast<unsigned char>(cell[i])) || cell[i] == ',')) ++i;
  std::string_view num = cell.substr(0, i), rest = cell.substr(i);
  if (num.empty() || num.size() > 15 || num.front() == ',') return -1;
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (!rest.empty() && !(rest.front() == '(' && rest.back() == ')')) return -1;
  int64_t v = 0;
  for (char c : num)
    if (c != ',') v = v * 10 + (c - '0');
  return v;
}

bool IsSummaryCell(std::string_view cell) {
  static const RE2 kSummary(
      R"(-?[0-9][0-9,]*(\.[0-9]+)?\s*(%|\(\s*-?[0-9.]+\s*%?\s*\)|\(\s*-?[0-9.]+\s*(-|–|,|to)\s*-?[0-9.]+\s*\)|)"
      R"(\[\s*-?[0-9.]+\s*(-|–|,|to)\s*-?[0-9.]+\s*\]|±\s*[0-9.]+))");
  return FullMatch(Trim(cell), kSummary);
}

bool IsCount(std::string_view cell) { return LeadingCount(cell) >= 0; }

const Validator* FindValidator(const std::string& name) {
  for (const auto& v : kValidators)
    if (name == v.name) return &v;
  return nullptr;
}

std::string ValidatorNames() {
  std::string out;
  for (const auto& v : kValidators) {
    if (!out.empty()) out += ", ";
    out += v.name;
  }
  return out;
}

bool IsNumericCell(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return false;
  size_t i = 0;
  if (s[i] == '-' || s[i] == '+') ++i;
  bool digits = false, sep = false, exp = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') digits = true;
    else if ((c == '.' || c == ',') && !sep && !exp) sep = true;
    else if ((c == 'e' || c == 'E') && digits && !exp) {
      exp = true;
      if (i + 1 < s.size() && (s[i + 1] == '-' || s[i + 1] == '+')) ++i;
    } else return false;
  }
  return digits;
}

}  // namespace cg
