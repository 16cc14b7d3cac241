#include "detect/validators.h"

#include <cctype>

namespace cg {
namespace {

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

}  // namespace cg
