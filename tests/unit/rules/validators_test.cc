#include "rules/validators.h"

#include <gtest/gtest.h>

namespace cg {
namespace {

TEST(Validators, UkbEid) {
  for (const char* s : {"1000001", "5999999", "\"1234567\"", "-12", "-1234567"}) EXPECT_TRUE(IsUkbEid(s)) << s;
  for (const char* s : {"", "999999", "7000000", "12345678", "abc1234", "123 4567"}) EXPECT_FALSE(IsUkbEid(s)) << s;
}

TEST(Validators, NhsNumberMod11) {
  // 943 476 5919 is the NHS's published test number; its check digit is 9.
  EXPECT_TRUE(IsNhsNumber("9434765919"));
  EXPECT_TRUE(IsNhsNumber("943 476 5919"));
  EXPECT_FALSE(IsNhsNumber("9434765918"));
  EXPECT_FALSE(IsNhsNumber("943476591"));
  EXPECT_FALSE(IsNhsNumber("94347659x9"));
}

TEST(Validators, ChiNumber) {
  // 0101010000: weights 10..2 give 10+0+0+... check mod-11.
  int sum = 0;
  const char* base = "010101000";
  for (int i = 0; i < 9; ++i) sum += (base[i] - '0') * (10 - i);
  int check = (11 - sum % 11) % 11;
  ASSERT_NE(check, 10);
  std::string chi = std::string(base) + std::to_string(check);
  EXPECT_TRUE(IsChiNumber(chi));
  EXPECT_FALSE(IsChiNumber("3201010000")) << "day 32";
  EXPECT_FALSE(IsChiNumber("0113010000")) << "month 13";
}

TEST(Validators, FinnGenAndInteger) {
  EXPECT_TRUE(IsFinnGenId("FG12345678"));
  EXPECT_FALSE(IsFinnGenId("FG1234567"));
  EXPECT_FALSE(IsFinnGenId("XG12345678"));
  EXPECT_TRUE(IsIntegerId("42"));
  EXPECT_FALSE(IsIntegerId("4.2"));
  EXPECT_FALSE(IsIntegerId("1234567890123"));
}

TEST(Validators, LookupByName) {
  ASSERT_NE(FindValidator("nhs-number"), nullptr);
  EXPECT_EQ(FindValidator("nope"), nullptr);
  EXPECT_NE(ValidatorNames().find("ukb-eid"), std::string::npos);
}

}  // namespace

TEST(IsNumericCell, Forms) {
  for (const char* s : {"12", "-3.5", "1e-8", "4,2", "+7", " 3 "}) EXPECT_TRUE(IsNumericCell(s)) << s;
  for (const char* s : {"", "abc", "31-0.0", "1.2.3", "e5", "-"}) EXPECT_FALSE(IsNumericCell(s)) << s;
}

}  // namespace cg
