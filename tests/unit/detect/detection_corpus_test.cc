// Precision and recall of participant-data detection over the labelled corpus
// (tests/fixtures/corpus*.cc) at the default blocking threshold (medium).
#include <gtest/gtest.h>

#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <map>

#include "engine/scan_engine.h"
#include "fixtures/corpus.h"
#include "rules/rule_loader.h"
#include "source/worktree_source.h"
#include "support/test_support.h"

namespace cg {
namespace {

struct Outcome {
  Severity participant = Severity::kInfo;  // highest participant-data severity (kInfo: none)
  Severity any = Severity::kInfo;          // highest severity of any finding
  bool found = false;
  bool small_cells = false;
  std::string rule;
};

std::map<std::string, Outcome> ScanCorpus(const std::vector<testing::CorpusFile>& corpus, const RuleSet& rules) {
  testing::TempDir dir;
  testing::WriteCorpus(corpus, dir.path());
  if (const char* keep = std::getenv("COHORTGUARD_CORPUS_DIR")) testing::WriteCorpus(corpus, keep);
  ScanOptions so;
  so.threads = 2;
  ScanEngine engine(rules, {}, so);
  WalkOptions wo;
  wo.paths = {dir.str()};
  wo.no_ignore = true;
  WorktreeSource source(wo);
  ScanResult result = engine.Run(source);
  EXPECT_TRUE(result.errors.empty()) << result.errors.front().message;

  std::map<std::string, Outcome> out;
  auto record = [&](std::string path, const Finding& f) {
    Outcome& o = out[path];
    o.found = true;
    o.any = std::max(o.any, f.severity);
    if (f.category == "participant-data" && (o.rule.empty() || f.severity > o.participant)) {
      o.participant = std::max(o.participant, f.severity);
      o.rule = f.rule;
    }
    if (f.category == "small-cells") o.small_cells = true;
  };
  const std::string prefix = dir.str() + "/";
  for (const Finding& f : result.findings) {
    std::string p = f.origin.path;
    if (p.rfind(prefix, 0) == 0) p = p.substr(prefix.size());
    record(p, f);
  }
  // Tables a structured reader would hand over (VCF sample columns) go straight to the analyzer.
  DocumentAnalyzer analyzer(rules, {});
  for (const auto& c : corpus) {
    if (!c.table) continue;
    ResultCollector rc;
    analyzer.AnalyzeTable(*c.table, Origin{c.path}, AnalyzeOptions{}, rc);
    for (const Finding& f : rc.findings) record(c.path, f);
  }
  return out;
}

TEST(DetectionCorpus, HasAtLeastSixtyLabelledFilesOfBothKinds) {
  auto corpus = testing::BuildCorpus();
  size_t pos = 0, neg = 0, files = 0;
  for (const auto& c : corpus) {
    (c.participant ? pos : neg)++;
    files += c.table ? 0 : 1;
  }
  EXPECT_GE(files, 60u);
  EXPECT_GE(pos, 30u);
  EXPECT_GE(neg, 30u);
}

TEST(DetectionCorpus, GeneratorIsDeterministic) {
  auto a = testing::BuildCorpus(), b = testing::BuildCorpus();
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].path, b[i].path);
    EXPECT_EQ(a[i].content, b[i].content) << a[i].path;
  }
}

TEST(DetectionCorpus, PrecisionAndRecallAtMediumAreAtLeast99Percent) {
  auto rules = LoadRules(false, {});
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  auto corpus = testing::BuildCorpus();
  auto outcomes = ScanCorpus(corpus, *rules);

  int tp = 0, fp = 0, fn = 0, tn = 0;
  std::ostringstream misses;
  for (const auto& c : corpus) {
    const Outcome& o = outcomes[c.path];
    const bool blocked = o.found && o.any >= Severity::kMedium;
    const bool participant_blocked = o.found && !o.rule.empty() && o.participant >= Severity::kMedium;
    if (c.participant) {
      participant_blocked ? ++tp : ++fn;
      if (!participant_blocked)
        misses << "  FN " << c.path << " (" << c.kind << "): "
               << (o.rule.empty() ? "no finding" : o.rule + " " + SeverityName(o.participant)) << "\n";
    } else {
      blocked ? ++fp : ++tn;
      if (blocked) misses << "  FP " << c.path << " (" << c.kind << "): " << o.rule << " " << SeverityName(o.any) << "\n";
    }
    EXPECT_EQ(o.small_cells, c.small_cells) << c.path << ": small-cells finding expected only on small-cell tables";
  }
  const double precision = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0;
  const double recall = tp + fn ? static_cast<double>(tp) / (tp + fn) : 0;
  std::cout << "detection corpus: " << corpus.size() << " labelled entries, blocking at medium\n"
            << "                    flagged   not flagged\n"
            << "  participant   " << std::setw(10) << tp << std::setw(14) << fn << "\n"
            << "  look-alike    " << std::setw(10) << fp << std::setw(14) << tn << "\n"
            << std::fixed << std::setprecision(3) << "  precision " << precision << "  recall " << recall << "\n"
            << misses.str();
  EXPECT_GE(precision, 0.99);
  EXPECT_GE(recall, 0.99);
}

}  // namespace
}  // namespace cg
