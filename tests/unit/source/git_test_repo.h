// GitTestRepo: throwaway git repositories built with the real git binary in a temp dir, for the
// git source tests. Deterministic: fixed author, committer and dates; no user config is read.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/byte_stream.h"
#include "source/source.h"
#include "support/test_support.h"

namespace cg::testing {

inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''"; else out += c;
  }
  return out + "'";
}

// Runs a shell command; returns stdout with the trailing newline removed. Fails the test on a
// non-zero exit unless `may_fail`.
inline std::string Sh(const std::string& cmd, bool may_fail = false) {
  std::string full =
      "export GIT_CONFIG_NOSYSTEM=1 HOME=/nonexistent GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t "
      "GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t GIT_AUTHOR_DATE='2020-01-01T00:00:00Z' "
      "GIT_COMMITTER_DATE='2020-01-01T00:00:00Z'; " + cmd + " 2>&1";
  FILE* p = ::popen(full.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int rc = ::pclose(p);
  if (rc != 0 && !may_fail) ADD_FAILURE() << "command failed (" << rc << "): " << cmd << "\n" << out;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

class GitTestRepo {
 public:
  // A non-bare repository with branch "main" in a fresh temp dir.
  GitTestRepo() : dir_(dir_holder_.str() + "/repo") {
    Sh("git init -q -b main " + ShellQuote(dir_));
  }
  const std::string& dir() const { return dir_; }
  std::string Git(const std::string& args, bool may_fail = false) const {
    return Sh("git -C " + ShellQuote(dir_) + " " + args, may_fail);
  }
  void Write(const std::string& rel, const std::string& content) const {
    std::filesystem::path p = std::filesystem::path(dir_) / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }
  // Stages everything and commits; returns the new commit id.
  std::string Commit(const std::string& message) const {
    Git("add -A");
    Git("commit -q --allow-empty -m " + ShellQuote(message));
    return Git("rev-parse HEAD");
  }
  // base (a.txt) -> branch "side" adds b.txt, main adds c.txt -> `git merge --no-commit side`
  // left open on main, so the caller can add content that neither parent has (an "evil
  // merge") and Commit() it. Returns the base commit.
  std::string StartMergeOfSideBranch() const {
    Write("a.txt", "base\n");
    std::string base = Commit("base");
    Git("checkout -q -b side");
    Write("b.txt", "side\n");
    Commit("side");
    Git("checkout -q main");
    Write("c.txt", "main\n");
    Commit("main");
    Git("merge -q --no-ff --no-commit side");
    return base;
  }
  // Pushes main to a new bare "origin" beside the repository, then checks out a new branch
  // `branch` that has no remote counterpart yet.
  void PushToNewOriginAndBranch(const std::string& branch) const {
    std::string origin = Sibling("origin.git");
    Git("init -q --bare " + ShellQuote(origin));
    Git("remote add origin " + ShellQuote(origin));
    Git("push -q origin main");
    Git("checkout -q -b " + branch);
  }
  // Deletes a loose object, as a broken mirror or partial clone would lack it.
  void RemoveLooseObject(const std::string& id) const {
    ASSERT_TRUE(std::filesystem::remove(dir_ + "/.git/objects/" + id.substr(0, 2) + "/" + id.substr(2))) << id;
  }
  // A sibling directory for clones and mirrors.
  std::string Sibling(const std::string& name) const { return dir_holder_.str() + "/" + name; }

 private:
  TempDir dir_holder_;
  std::string dir_;
};

// What a source lists and what its reader returns for each item.
struct Listed {
  std::vector<Item> items;              // to be read (what the engine reads)
  std::vector<Item> listed_only;        // only their paths are checked (Item::listed_only)
  std::vector<ScanError> errors;
  std::map<std::string, std::string> content_by_blob;  // blobs that could be read
  std::vector<std::string> read_errors;                // messages of blobs that could not
  Status status;
};

inline Listed ListAndRead(Source& source) {
  Listed out;
  out.status = source.Enumerate(&out.items, &out.errors);
  if (!out.status.ok()) return out;
  for (const Item& i : out.items)
    if (i.listed_only) out.listed_only.push_back(i);
  out.items.erase(std::remove_if(out.items.begin(), out.items.end(), [](const Item& i) { return i.listed_only; }),
                  out.items.end());
  auto reader = source.NewReader();
  if (!reader.ok()) {
    out.status = reader.status();
    return out;
  }
  for (const Item& item : out.items) {
    auto stream = (*reader)->Open(item);
    if (!stream.ok()) {
      out.read_errors.push_back(stream.status().message());
      continue;
    }
    auto bytes = ReadAll(**stream, 1 << 20);
    if (bytes.ok()) out.content_by_blob[item.key] = *bytes;
  }
  return out;
}

inline const Item* FindByPath(const Listed& l, const std::string& path) {
  for (const Item& i : l.items) if (i.origin.path == path) return &i;
  return nullptr;
}

}  // namespace cg::testing
