// SecretDetector: finds credentials (rules/secrets.yaml) in text, one pass for all rules.
//
// Which patterns can match a chunk of lines is found in one pass for all rules, so adding rules
// does not multiply scan time; only those patterns are then run on their own (RE2) to locate
// each match and extract its `secret` group. Until the detector has read kPrefilterAfterBytes
// the one pass is, for the built-in patterns, a Vectorscan database in prefilter mode
// (HS_FLAG_PREFILTER: a superset of each pattern, never a missed match) compiled at build time
// (rules/prebuilt_prefilter.h), and for the rest an RE2::Set of them; then a Vectorscan
// database of every pattern, compiled here, takes over: it matches ~2-20x faster than the set
// (README "Secret prefilter") but takes ~160 ms to compile, which a hook scanning a few staged
// files should not pay. The RE2::Set of every pattern is the fallback (a text Vectorscan must
// not judge, or no database). Values that look like documentation placeholders, or fall short
// of the rule's entropy and character-class checks, are dropped.
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
  // `prebuilt`: start with the built-in patterns' database made at build time (see
  // rules/prebuilt_prefilter.h); false starts with the RE2::Set, compiled on first use (tests
  // compare the two).
  explicit SecretDetector(const std::vector<SecretRule>& rules, std::string fingerprint_key = "",
                          bool prebuilt = true);

  ~SecretDetector() override;

  const char* name() const override { return "secrets"; }
  // True when the RE2::Set of every pattern compiles (compiling it now if not yet).
  bool uses_set() const { return Set() != nullptr; }
  // True when the build-time database loaded and holds some of these patterns.
  bool uses_prebuilt() const { return prebuilt_ != nullptr; }
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
  struct Prebuilt;
  std::unique_ptr<Prebuilt> LoadPrebuilt() const;
  bool ProposePrebuilt(std::string_view text, std::vector<int>* hits) const;
  const RE2::Set* Set() const;  // null when it does not compile

  const std::vector<SecretRule>& rules_;
  std::string fingerprint_key_;
  std::vector<std::pair<size_t, size_t>> entries_;  // set index -> (rule, pattern)
  std::unique_ptr<Prebuilt> prebuilt_;
  mutable std::once_flag set_once_;
  mutable std::unique_ptr<RE2::Set> set_;
  mutable bool set_ok_ = false;
  mutable std::atomic<uint64_t> bytes_seen_{0};
  mutable std::once_flag prefilter_once_;
  mutable std::atomic<const Prefilter*> prefilter_{nullptr};
  mutable std::unique_ptr<Prefilter> prefilter_owned_;
};

}  // namespace cg
