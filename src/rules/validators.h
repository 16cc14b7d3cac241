// Value validators for participant identifiers, looked up by name from the rule packs.
//
// Each validator answers "could this single cell be such an id?" without keeping the value.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
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
bool IsCodedId(std::string_view cell);      // 3-40 letters, digits, '_' or '-' with at least one digit
bool IsDate(std::string_view cell);         // YYYY-MM-DD, YYYY/MM/DD, DD/MM/YYYY, DD-MM-YYYY, YYYYMMDD; time may follow
bool IsShiftedDate(std::string_view cell);  // a date in 2100-2200, MIMIC's de-identification shift
bool IsIcd10Code(std::string_view cell);    // A00-Z99 with optional subcode: I21, I21.4, E119
bool IsUkPostcode(std::string_view cell);   // full (SW1A 1AA) or outward district (SW1A)
bool IsSexCode(std::string_view cell);      // 0/1/2, M/F/U, male/female
bool IsSexWord(std::string_view cell);      // m/f, male/female, männlich/weiblich, homme/femme, ... (no digits)
bool IsSummaryLabel(std::string_view cell); // count, mean, std, min, 25%, 50%, 75%, max, median, ...
bool IsAtcCode(std::string_view cell);      // an ATC drug code (level 3 and below): C10AA05, N02B
// The year of a date cell (as IsDate reads it), or 0 when it is not a date.
int DateYear(std::string_view cell);
bool IsReferenceSampleId(std::string_view cell);  // public panel samples: HG00096, NA12878, HGDP00001
bool IsSummaryCell(std::string_view cell);  // "12 (3.4%)", "45.6%", "52.1 (8.3)", "1.2 (0.9-1.5)", "52 ± 8"
bool IsCount(std::string_view cell);        // a whole count, or "n (p%)" as in Table 1
// True for cells that read as numbers: "12", "-3.5", "1e-8", "4,2" (decimal comma).
bool IsNumericCell(std::string_view cell);
// The leading whole number of a count cell ("12", "12 (3.4%)"), or -1.
int64_t LeadingCount(std::string_view cell);

}  // namespace cg
