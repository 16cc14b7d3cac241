#include "rules/validators.h"

#include <gtest/gtest.h>

#include "rules/table_shapes.h"

namespace cg {
namespace {

struct Case {
  const char* validator;
  const char* cell;
  bool valid;
};

class CellValidators : public ::testing::TestWithParam<Case> {};

TEST_P(CellValidators, AcceptOnlyWellFormedValues) {
  const Case& c = GetParam();
  const Validator* v = FindValidator(c.validator);
  ASSERT_NE(v, nullptr) << c.validator;
  EXPECT_EQ(v->fn(c.cell), c.valid) << c.validator << " on '" << c.cell << "'";
}

INSTANTIATE_TEST_SUITE_P(
    All, CellValidators,
    ::testing::Values(Case{"ukb-eid", "1234567", true}, Case{"ukb-eid", "-12", true}, Case{"ukb-eid", "7234567", false},
                      Case{"ukb-eid", "123456", false}, Case{"nhs-number", "9434765919", true},
                      Case{"nhs-number", "943 476 5919", true}, Case{"nhs-number", "9434765918", false},
                      Case{"finngen-id", "FG12345678", true}, Case{"finngen-id", "FG1234567", false},
                      Case{"coded-id", "SAMPLE_0001", true}, Case{"coded-id", "hello", false},
                      Case{"date", "2021-03-04", true}, Case{"date", "04/03/2021", true}, Case{"date", "20210304", true},
                      Case{"date", "2021-03-04 10:00:00", true}, Case{"date", "2021-13-04", false},
                      Case{"date", "12345678", false}, Case{"shifted-date", "2150-01-01 00:00:00", true},
                      Case{"shifted-date", "2020-01-01", false}, Case{"icd10", "I21", true}, Case{"icd10", "I21.4", true},
                      Case{"icd10", "E119", true}, Case{"icd10", "U07", false}, Case{"icd10", "121", false},
                      Case{"uk-postcode", "SW1A 1AA", true}, Case{"uk-postcode", "M1 1AE", true},
                      Case{"uk-postcode", "EH8", true}, Case{"uk-postcode", "12345", false},
                      Case{"sex-code", "Female", true}, Case{"sex-code", "3", false},
                      Case{"reference-sample", "HG00096", true}, Case{"reference-sample", "NA12878", true},
                      Case{"reference-sample", "HG0009", false}, Case{"summary-cell", "123 (45.6%)", true},
                      Case{"summary-cell", "52.1 (8.3)", true}, Case{"summary-cell", "1.2 (0.9-1.5)", true},
                      Case{"summary-cell", "45.6%", true}, Case{"summary-cell", "45.6", false},
                      Case{"count", "1,234 (5%)", true}, Case{"count", "abc", false}));

TEST(TableShapes, PlinkFamNeedsSixColumnsAndSexCodes) {
  TableView fam;
  fam.has_header = false;
  fam.rows = {{"1000001", "1000001", "0", "0", "1", "-9"}, {"1000002", "1000002", "0", "0", "2", "-9"}};
  EXPECT_TRUE(IsPlinkFam(fam, -1));
  TableView bim = fam;
  bim.rows = {{"1", "rs1", "0", "10000", "A", "G"}, {"1", "rs2", "0", "10100", "C", "T"}};
  EXPECT_FALSE(IsPlinkFam(bim, -1));
}

TEST(TableShapes, SequentialIdsAreConsecutiveWholeNumbers) {
  TableView t;
  t.has_header = false;
  t.rows = {{"1000003"}, {"1000001"}, {"1000002"}};
  EXPECT_TRUE(HasSequentialIds(t, -1));
  t.rows.push_back({"1000009"});
  EXPECT_FALSE(HasSequentialIds(t, -1));
}

}  // namespace
}  // namespace cg
