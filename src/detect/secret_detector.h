// SecretDetector: finds credentials (rules/secrets.yaml) in text, one pass for all rules.
//
// Which patterns can match a chunk of lines is found in one pass for all rules, so adding rules
// does not multiply scan time; only those patterns are then run on their own (RE2) to locate
// each match and extract its `secret` group. The one pass is an RE2::Set of every pattern until
// the detector has read kPrefilterAfterBytes; then a Vectorscan database of every pattern in
// prefilter mode (HS_FLAG_PREFILTER: a superset of each pattern, never a missed match) takes
// over: it matches ~2-20x faster than the set (README "Secret prefilter") but takes ~160 ms to
// compile, which a hook scanning a few staged files should not pay. Values that look like documentation placeholders, or fall short of the rule's
// entropy and character-class checks, are dropped.
//
// Findings carry rule, path, line, a masked value and a fingerprint hashed from the secret;
// never the secret, not even where a path holds one (the path is masked in the finding and in
// its fingerprint). Thread-safe (const after construction).
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include <re2/set.h>

#include "detect/text_detector.h"
#include "rules/secret_rule.h"

namespace cg {

class SecretDetector : public TextDetector {
 public:
  // `rules` are borrowed and must outlive the detector. Each pattern already compiled on its
  // own (the loader checked); should the set not compile as a whole, every pattern is run on
  // its own instead: slower, never wrong.
  // `fingerprint_key`: see SecretFingerprint ("": the value is left out of fingerprints).
  explicit SecretDetector(const std::vector<SecretRule>& rules, std::string fingerprint_key = "");

  ~SecretDetector() override;

  const char* name() const override { return "secrets"; }
  bool uses_set() const { return set_ok_; }
  // Bytes of text read before the prefilter database is compiled and used.
  static constexpr uint64_t kPrefilterAfterBytes = 16 << 20;
  // Compiles the prefilter now (tests, benchmarks). False when Vectorscan rejected a pattern
  // (then those patterns stay with the set).
  bool UsePrefilterNow() const;
  bool uses_prefilter() const { return prefilter_.load(std::memory_order_acquire) != nullptr; }

  void ScanLines(std::string_view lines, int64_t first_line, const Origin& origin,
                 ResultCollector& out) const override;

  // Secrets in a name (a path or an archive member, not content): rules restricted to some
  // file names do not apply. Each value as its place in `name` and its rule, in offset order.
  struct NameMatch {
    size_t begin = 0, size = 0;
    const SecretRule* rule = nullptr;
  };
  std::vector<NameMatch> FindInName(std::string_view name) const;
  // `text` with every secret value found in it (as a name) replaced by its masked form.
  std::string Masked(std::string_view text) const;
  const std::string& fingerprint_key() const { return fingerprint_key_; }

 private:
  struct Candidate {
    size_t offset;   // of the match start, for its line number
    size_t rule;
    std::string_view secret;
  };
  static std::vector<Candidate> DropOverlaps(std::vector<Candidate> found);
  // `origin` null: `text` is a name (see FindInName).
  std::vector<Candidate> Candidates(std::string_view text, const Origin* origin) const;
  void Collect(size_t entry, std::string_view lines, const Origin* origin, std::vector<Candidate>* out) const;

  // Set indexes of the patterns that may match `text`; false when every pattern must be run.
  bool Propose(std::string_view text, std::vector<int>* hits) const;
  struct Prefilter;
  const Prefilter* BuildPrefilter() const;

  const std::vector<SecretRule>& rules_;
  std::string fingerprint_key_;
  std::unique_ptr<RE2::Set> set_;
  std::vector<std::pair<size_t, size_t>> entries_;  // set index -> (rule, pattern)
  bool set_ok_ = false;
  mutable std::atomic<uint64_t> bytes_seen_{0};
  mutable std::once_flag prefilter_once_;
  mutable std::atomic<const Prefilter*> prefilter_{nullptr};
  mutable std::unique_ptr<Prefilter> prefilter_owned_;
};

}  // namespace cg
