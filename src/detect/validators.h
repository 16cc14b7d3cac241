// Value validators for participant identifiers, looked up by name from the rule packs.
//
// Each validator answers "could this single cell be such an id?" without keeping the value.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace cg {

using ValidatorFn = bool (*)(std::string_view cell);

struct Validator {
  const char* name;
  const char* summary;
  ValidatorFn fn;
};

// nullptr when no validator has that name.
const Validator* FindValidator(const std::string& name);
// Comma-separated list of every validator name, for error messages.
std::string ValidatorNames();

bool IsUkbEid(std::string_view cell);       // 7-digit eid (1000000-6999999), or negative (withdrawn)
bool IsNhsNumber(std::string_view cell);    // 10 digits (spaces allowed 3-3-4), mod-11 check digit
bool IsChiNumber(std::string_view cell);    // DDMMYY + 4 digits, mod-11 or mod-10 check digit
bool IsFinnGenId(std::string_view cell);    // FG + 8 digits
bool IsIntegerId(std::string_view cell);    // a positive whole number of 1-12 digits

}  // namespace cg
