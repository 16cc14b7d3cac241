// prefilter_compare: three ways to find which secret patterns can match a text, on one corpus,
// in the same run, each followed by the same RE2 verification of the patterns it proposes:
//
//   set       one RE2::Set pass over every byte (what the detector did before the prefilter)
//   hs        a Vectorscan database of every pattern compiled with HS_FLAG_PREFILTER (a
//             superset of each pattern: it never misses a match, it may propose extra ones)
//   filtered  RE2's FilteredRE2: each pattern's required literals ("atoms"), found by a
//             Vectorscan literal database (caseless; atoms are lowercase), then
//             FilteredRE2::AllPotentials; patterns without atoms are always run
//
// For each: best-of-N wall time, MiB/s, patterns proposed (RE2 verification runs) and the
// number of verified matches, which must be equal for all three (checked: exit 1 otherwise).
//
// usage: prefilter_compare [--reps N] [--rules FILE] PATH...
//   PATH: files or folders (read recursively); files whose first 8000 bytes hold a NUL are
//   binary and left out, as the scan does. Default rules: the embedded secrets pack.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <hs/hs.h>
#include <re2/filtered_re2.h>
#include <re2/set.h>

#include "rules/rule_loader.h"

namespace {

void Collect(const std::string& path, std::vector<std::string>* texts, uint64_t* bytes) {
  struct stat st;
  if (lstat(path.c_str(), &st) != 0) return;
  if (S_ISDIR(st.st_mode)) {
    DIR* d = opendir(path.c_str());
    if (!d) return;
    std::vector<std::string> names;
    while (dirent* e = readdir(d))
      if (std::strcmp(e->d_name, ".") && std::strcmp(e->d_name, "..") && std::strcmp(e->d_name, ".git"))
        names.push_back(e->d_name);
    closedir(d);
    std::sort(names.begin(), names.end());
    for (const auto& n : names) Collect(path + "/" + n, texts, bytes);
    return;
  }
  if (!S_ISREG(st.st_mode)) return;
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  if (std::memchr(s.data(), '\0', std::min<size_t>(s.size(), 8000))) return;
  *bytes += s.size();
  texts->push_back(std::move(s));
}

struct Pattern {
  const RE2* re;
};

// Verified matches of pattern `p` in `text` (the detector's Collect loop, without its checks).
size_t Verify(const RE2& re, const std::string& text) {
  size_t n = 0, pos = 0;
  re2::StringPiece whole;
  const re2::StringPiece t(text.data(), text.size());
  while (pos <= text.size() && re.Match(t, pos, text.size(), RE2::UNANCHORED, &whole, 1)) {
    ++n;
    pos = static_cast<size_t>(whole.data() - text.data()) + std::max<size_t>(whole.size(), 1);
  }
  return n;
}

struct Outcome {
  double seconds = 1e30;
  size_t proposed = 0, matches = 0;
};

hs_database_t* CompileHs(const std::vector<std::string>& expressions, unsigned flags, double* ms) {
  std::vector<const char*> ex;
  std::vector<unsigned> fl, ids;
  for (size_t i = 0; i < expressions.size(); ++i) {
    ex.push_back(expressions[i].c_str());
    fl.push_back(flags);
    ids.push_back(static_cast<unsigned>(i));
  }
  auto t = std::chrono::steady_clock::now();
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_multi(ex.data(), fl.data(), ids.data(), static_cast<unsigned>(ex.size()), HS_MODE_BLOCK, nullptr,
                       &db, &err) != HS_SUCCESS) {
    std::fprintf(stderr, "prefilter_compare: Vectorscan: %s\n", err ? err->message : "compile failed");
    std::exit(2);
  }
  *ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
  return db;
}

int OnMatch(unsigned id, unsigned long long, unsigned long long, unsigned, void* ctx) {
  static_cast<std::vector<int>*>(ctx)->push_back(static_cast<int>(id));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 3;
  std::string rules_file;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--reps" && i + 1 < argc) reps = std::stoi(argv[++i]);
    else if (a == "--rules" && i + 1 < argc) rules_file = argv[++i];
    else paths.push_back(a);
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: prefilter_compare [--reps N] [--rules FILE] PATH...\n");
    return 2;
  }
  cg::RuleSet rules;
  std::vector<cg::RuleSource> sources;
  if (rules_file.empty()) {
    for (auto& s : cg::DefaultRuleSources())
      if (s.file.find("secrets") != std::string::npos) sources.push_back(s);
  } else {
    auto r = cg::ReadRuleSources(rules_file);
    if (!r.ok()) { std::fprintf(stderr, "%s\n", r.status().message().c_str()); return 2; }
    sources = *r;
  }
  for (const auto& s : sources) {
    cg::Status st = cg::LoadRulePack(s, &rules);
    if (!st.ok()) { std::fprintf(stderr, "%s\n", st.message().c_str()); return 2; }
  }
  std::vector<std::string> expressions;
  std::vector<const RE2*> res;
  for (const auto& r : rules.secrets)
    for (const auto& p : r.patterns) {
      expressions.push_back(p.source);
      res.push_back(&p.re());
    }

  std::vector<std::string> texts;
  uint64_t bytes = 0;
  for (const auto& p : paths) Collect(p, &texts, &bytes);
  const double mib = bytes / 1048576.0;
  std::printf("corpus: %zu text files, %.1f MiB; %zu patterns\n", texts.size(), mib, expressions.size());

  // set
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  auto t0 = std::chrono::steady_clock::now();
  RE2::Set set(opts, RE2::UNANCHORED);
  for (const auto& e : expressions) set.Add(e, nullptr);
  if (!set.Compile()) { std::fprintf(stderr, "set does not compile\n"); return 2; }
  const double set_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();

  // hs
  double hs_ms = 0;
  hs_database_t* hs_db = CompileHs(expressions, HS_FLAG_PREFILTER | HS_FLAG_SINGLEMATCH, &hs_ms);

  // filtered
  t0 = std::chrono::steady_clock::now();
  re2::FilteredRE2 filtered(3);
  for (const auto& e : expressions) {
    int id;
    filtered.Add(e, opts, &id);
  }
  std::vector<std::string> atoms;
  filtered.Compile(&atoms);
  double atoms_ms = 0;
  hs_database_t* atom_db = nullptr;
  if (!atoms.empty()) {
    std::vector<std::string> quoted;
    for (const auto& a : atoms) {
      std::string q;
      for (char c : a) {  // a literal: escape every non-alphanumeric byte
        if (std::isalnum(static_cast<unsigned char>(c))) q += c;
        else { char buf[8]; std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c)); q += buf; }
      }
      quoted.push_back(q);
    }
    atom_db = CompileHs(quoted, HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH, &atoms_ms);
  }
  const double filtered_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("compile: set %.1f ms; hs prefilter %.1f ms (%zu patterns); filtered %.1f ms (%zu atoms)\n", set_ms,
              hs_ms, expressions.size(), filtered_ms, atoms.size());

  hs_scratch_t* scratch = nullptr;
  hs_alloc_scratch(hs_db, &scratch);
  if (atom_db) hs_alloc_scratch(atom_db, &scratch);

  auto run = [&](const char* name, const std::function<void(const std::string&, std::vector<int>*)>& propose) {
    Outcome best;
    for (int r = 0; r < reps; ++r) {
      Outcome o;
      auto t = std::chrono::steady_clock::now();
      std::vector<int> hits;
      for (const auto& text : texts) {
        hits.clear();
        propose(text, &hits);
        std::sort(hits.begin(), hits.end());
        hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
        o.proposed += hits.size();
        for (int h : hits) o.matches += Verify(*res[static_cast<size_t>(h)], text);
      }
      o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
      if (o.seconds < best.seconds) best = o;
    }
    std::printf("  %-9s %7.3f s  %8.1f MiB/s  proposed %8zu  matches %zu\n", name, best.seconds, mib / best.seconds,
                best.proposed, best.matches);
    return best;
  };
  Outcome s = run("set", [&](const std::string& text, std::vector<int>* hits) {
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    set.Match(re2::StringPiece(text.data(), text.size()), hits, &info);
    if (info.kind != RE2::Set::kNoError)
      for (size_t i = 0; i < res.size(); ++i) hits->push_back(static_cast<int>(i));
  });
  Outcome h = run("hs", [&](const std::string& text, std::vector<int>* hits) {
    hs_scan(hs_db, text.data(), static_cast<unsigned>(text.size()), 0, scratch, OnMatch, hits);
  });
  Outcome f = run("filtered", [&](const std::string& text, std::vector<int>* hits) {
    std::vector<int> matched;
    if (atom_db) hs_scan(atom_db, text.data(), static_cast<unsigned>(text.size()), 0, scratch, OnMatch, &matched);
    std::sort(matched.begin(), matched.end());
    matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
    filtered.AllPotentials(matched, hits);
  });
  std::printf("ratio to set: hs %.2fx, filtered %.2fx (time; below 1 is faster)\n", h.seconds / s.seconds,
              f.seconds / s.seconds);
  hs_free_scratch(scratch);
  hs_free_database(hs_db);
  if (atom_db) hs_free_database(atom_db);
  if (h.matches != s.matches || f.matches != s.matches) {
    std::printf("MISMATCH: the prefilters lost or invented matches\n");
    return 1;
  }
  return 0;
}
