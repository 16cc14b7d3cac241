// MirrorFarm: a generated folder of git mirrors for the sweep tests, built with the real git.
//
//   m/org/alpha.git        bare mirror of work/alpha: a UK Biobank extract in its history
//   m/forks/alpha-fork.git bare mirror of alpha plus one commit of its own (shares alpha's history)
//   m/org/beta.git         bare mirror of work/beta: GWAS summary statistics (clean)
//   m/org/gamma.git, m/org/delta.git   small clean repositories
//   m/team/epsilon         a work tree (not bare), clean
// Deterministic content (the generators are seeded); update a mirror with Update(), as the
// nightly job does with `git remote update --prune`.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.h"
#include "sweep/sweep_state.h"

namespace cg::testing {

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// SweepState::Dump of a state database: equal dumps, equal knowledge.
inline std::string DumpState(const std::string& path) {
  auto state = SweepState::Open(path);
  EXPECT_TRUE(state.ok());
  if (!state.ok()) return "";
  auto dump = (*state)->Dump();
  EXPECT_TRUE(dump.ok());
  return dump.ok() ? *dump : "";
}

inline void MustGit(const std::vector<std::string>& args, const std::string& cwd) {
  RunResult r = Git(args, cwd);
  ASSERT_EQ(r.exit_code, 0) << "git";
}

class MirrorFarm {
 public:
  MirrorFarm() {
    Repo("alpha", {{"README.md", "# alpha\n"}, {"data/ukb_extract.csv", UkbExtract(200, 3, 1)},
                   {"analysis/load.py", "import pandas as pd\n"}});
    Repo("beta", {{"README.md", "# beta\n"}, {"results/gwas.tsv", GwasSummaryStats(300, 2)}});
    Repo("gamma", {{"README.md", "# gamma\n"}, {"src/main.c", "int main(void) { return 0; }\n"}});
    Repo("delta", {{"README.md", "# delta\n"}, {"notes.txt", "nothing to see\n"}});
    Repo("epsilon", {{"README.md", "# epsilon\n"}, {"run.sh", "#!/bin/sh\necho hi\n"}});
    Mirror("alpha", "org/alpha.git");
    Mirror("alpha", "forks/alpha-fork.git");
    Mirror("beta", "org/beta.git");
    Mirror("gamma", "org/gamma.git");
    Mirror("delta", "org/delta.git");
    MustGit({"clone", "-q", (dir_.path() / "work/epsilon").string(), (dir_.path() / "m/team/epsilon").string()}, ".");
    // The fork's own commit, pushed to the fork's mirror.
    const std::string fork_wt = (dir_.path() / "work/fork-wt").string();
    MustGit({"clone", "-q", Mirrors() + "/forks/alpha-fork.git", fork_wt}, ".");
    dir_.Write("work/fork-wt/FORK.md", "this fork adds notes\n");
    MustGit({"add", "-A"}, fork_wt);
    MustGit({"commit", "-q", "-m", "fork notes"}, fork_wt);
    MustGit({"push", "-q", "origin", "HEAD"}, fork_wt);
  }

  std::string Mirrors() const { return (dir_.path() / "m").string(); }
  const TempDir& dir() const { return dir_; }
  std::vector<std::string> repositories() const {
    return {"forks/alpha-fork.git", "org/alpha.git", "org/beta.git", "org/delta.git", "org/gamma.git", "team/epsilon"};
  }

  // Adds files to work/<name> in a new commit, then updates the mirror of it.
  void Commit(const std::string& name, const std::vector<std::pair<std::string, std::string>>& files,
              const std::string& mirror) {
    for (const auto& [path, content] : files) dir_.Write("work/" + name + "/" + path, content);
    const std::string wt = (dir_.path() / "work" / name).string();
    MustGit({"add", "-A"}, wt);
    MustGit({"commit", "-q", "-m", "more"}, wt);
    MustGit({"remote", "update", "--prune"}, Mirrors() + "/" + mirror);
  }

  // Blob ids in one repository's object database (git's own view).
  std::set<std::string> Blobs(const std::string& repo) const {
    RunResult r = Git({"cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectname)"},
                      Mirrors() + "/" + repo);
    std::set<std::string> out;
    std::istringstream in(r.out);
    for (std::string type, id; in >> type >> id;)
      if (type == "blob") out.insert(id);
    return out;
  }

 private:
  void Repo(const std::string& name, const std::vector<std::pair<std::string, std::string>>& files) {
    const std::string wt = (dir_.path() / "work" / name).string();
    std::filesystem::create_directories(wt);
    MustGit({"init", "-q", "-b", "main", wt}, ".");
    for (const auto& [path, content] : files) {
      dir_.Write("work/" + name + "/" + path, content);
      MustGit({"add", "-A"}, wt);
      MustGit({"commit", "-q", "-m", "add " + path}, wt);
    }
  }
  void Mirror(const std::string& name, const std::string& to) {
    MustGit({"clone", "-q", "--mirror", (dir_.path() / "work" / name).string(), Mirrors() + "/" + to}, ".");
  }

  TempDir dir_;
};

}  // namespace cg::testing
