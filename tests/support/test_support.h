// Helpers for whole-program tests: temporary folders, running the built binary or git, and
// writing generated fixtures.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cg::testing {

// A fresh folder under $TMPDIR, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }
  // Writes `content` to path()/relative, creating folders. Returns the full path.
  std::filesystem::path Write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] looked up in PATH) in `cwd`, feeding `input` on stdin.
RunResult Run(const std::vector<std::string>& argv, const std::string& cwd = ".", const std::string& input = "");

// Runs the cohortguard binary under test.
RunResult Cohortguard(const std::vector<std::string>& args, const std::string& cwd = ".", const std::string& input = "");

// Runs git with a fixed identity and no user or system config (tests stay hermetic).
RunResult Git(const std::vector<std::string>& args, const std::string& cwd);

// A synthetic UK Biobank main-dataset extract: header eid + `fields` field columns, `rows` rows
// of 7-digit eids derived from `seed`. Deterministic.
std::string UkbExtract(int rows, int fields = 3, unsigned seed = 1, char delimiter = ',');

// A participant table with ragged rows, as exporters and hand edits leave them: under the header
// `eid,sex,year_of_birth,bmi,diagnosis_date`, each row keeps its first 2 to 5 fields and then
// has 0 to 3 stray empty ones, so no field count is common (2 to 8 fields).
std::string RaggedParticipantTable(int rows, unsigned seed = 1);

// A GWAS summary-statistics table (per variant): many rows, never participant data.
std::string GwasSummaryStats(int rows, unsigned seed = 1);

// A study repository as CI sees it after a push: in `dir`/repo, a commit of analysis code (whose
// id is returned), then a commit adding a UK Biobank extract, then one removing it again, so only
// history holds it.
std::string StudyRepoWithExtractInHistory(const TempDir& dir);

}  // namespace cg::testing
