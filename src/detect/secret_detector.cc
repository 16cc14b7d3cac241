#include "detect/secret_detector.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "detect/secret_value.h"

namespace cg {
namespace {

// The innermost name a path-restricted rule looks at: the archive member if any, else the path.
std::string_view InnermostName(const Origin& o) {
  if (o.member.empty()) return o.path;
  std::string_view m = o.member;
  size_t bang = m.rfind('!');
  return bang == std::string_view::npos ? m : m.substr(bang + 1);
}

bool Acceptable(const SecretRule& r, std::string_view secret) {
  if (LooksLikePlaceholder(secret)) return false;
  if (r.min_classes > 0 && CharacterClasses(secret) < r.min_classes) return false;
  if (r.min_entropy > 0 && ShannonEntropy(secret) < r.min_entropy) return false;
  return true;
}

}  // namespace

// One credential, one finding: when the values two matches extracted overlap (two patterns of
// one rule, or a specific rule and the generic assignment rule), the rule listed first in the
// pack wins. Returns the survivors in offset order.
std::vector<SecretDetector::Candidate> SecretDetector::DropOverlaps(std::vector<Candidate> found) {
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.rule, a.offset) < std::tie(b.rule, b.offset);
  });
  std::vector<Candidate> kept;
  for (const Candidate& c : found) {
    const char* b = c.secret.data();
    const char* e = b + c.secret.size();
    bool overlaps = false;
    for (const Candidate& k : kept)
      overlaps |= b < k.secret.data() + k.secret.size() && k.secret.data() < e;
    if (!overlaps) kept.push_back(c);
  }
  std::sort(kept.begin(), kept.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.offset, a.rule) < std::tie(b.offset, b.rule);
  });
  return kept;
}

SecretDetector::SecretDetector(const std::vector<SecretRule>& rules, std::string fingerprint_key)
    : rules_(rules), fingerprint_key_(std::move(fingerprint_key)) {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);  // room for the set's DFA on megabyte chunks
  set_ = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
  bool adds_failed = false;
  for (size_t r = 0; r < rules_.size(); ++r) {
    for (size_t p = 0; p < rules_[r].patterns.size(); ++p) {
      entries_.emplace_back(r, p);
      if (set_->Add(rules_[r].patterns[p].source, nullptr) < 0) adds_failed = true;
    }
  }
  set_ok_ = !adds_failed && set_->Compile();
}

void SecretDetector::Collect(size_t entry, std::string_view lines, const Origin* origin,
                             std::vector<Candidate>* out) const {
  const auto [ri, pi] = entries_[entry];
  const SecretRule& rule = rules_[ri];
  // RE2 takes its own text type (abseil's string_view on Debian 13, not std::string_view).
  if (rule.path) {
    if (!origin) return;
    const std::string_view name = InnermostName(*origin);
    if (!RE2::PartialMatch(re2::StringPiece(name.data(), name.size()), *rule.path)) return;
  }
  const SecretPattern& pat = rule.patterns[pi];
  const int n = pat.secret_group + 1;
  std::vector<re2::StringPiece> groups(static_cast<size_t>(n));
  const re2::StringPiece text(lines.data(), lines.size());
  size_t pos = 0;
  while (pos <= lines.size() && pat.re->Match(text, pos, lines.size(), RE2::UNANCHORED, groups.data(), n)) {
    const re2::StringPiece whole = groups[0];
    const size_t start = static_cast<size_t>(whole.data() - lines.data());
    pos = start + std::max<size_t>(whole.size(), 1);
    const re2::StringPiece secret = groups[static_cast<size_t>(pat.secret_group)];
    if (secret.empty()) continue;
    std::string_view value(secret.data(), secret.size());
    if (!Acceptable(rule, value)) continue;
    // A pattern may begin by consuming the previous line's newline: report the line the
    // credential itself starts on.
    size_t at = start;
    while (at < lines.size() && (lines[at] == '\n' || lines[at] == '\r')) ++at;
    out->push_back({at, ri, value});
  }
}

std::vector<SecretDetector::Candidate> SecretDetector::Candidates(std::string_view text, const Origin* origin) const {
  if (entries_.empty()) return {};
  std::vector<int> hits;
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  const re2::StringPiece piece(text.data(), text.size());
  if (!set_ok_) {
    info.kind = RE2::Set::kNotCompiled;
  } else if (!set_->Match(piece, &hits, &info)) {
    if (info.kind == RE2::Set::kNoError) return {};
  }
  if (info.kind != RE2::Set::kNoError) {
    // The set's DFA gave up (memory): correctness first, run every pattern on its own.
    hits.clear();
    for (size_t i = 0; i < entries_.size(); ++i) hits.push_back(static_cast<int>(i));
  }
  std::vector<Candidate> found;
  for (int h : hits) Collect(static_cast<size_t>(h), text, origin, &found);
  return found.empty() ? found : DropOverlaps(std::move(found));
}

std::vector<SecretDetector::NameMatch> SecretDetector::FindInName(std::string_view name) const {
  std::vector<NameMatch> out;
  for (const Candidate& c : Candidates(name, nullptr))
    out.push_back({static_cast<size_t>(c.secret.data() - name.data()), c.secret.size(), &rules_[c.rule]});
  return out;
}

std::string SecretDetector::Masked(std::string_view text) const {
  std::vector<NameMatch> found = FindInName(text);
  if (found.empty()) return std::string(text);
  std::string out;
  size_t at = 0;
  for (const NameMatch& m : found) {
    out.append(text.substr(at, m.begin - at));
    out += MaskSecret(text.substr(m.begin, m.size));
    at = m.begin + m.size;
  }
  out.append(text.substr(at));
  return out;
}

void SecretDetector::ScanLines(std::string_view lines, int64_t first_line, const Origin& origin,
                               ResultCollector& out) const {
  std::vector<Candidate> found = Candidates(lines, &origin);
  if (found.empty()) return;
  // A path may hold a secret too: the finding and its fingerprint name it masked.
  Origin shown = origin;
  shown.path = Masked(origin.path);
  shown.member = Masked(origin.member);
  // Line numbers by counting newlines once, in offset order.
  int64_t line = first_line;
  size_t counted = 0;
  for (const Candidate& c : found) {
    line += std::count(lines.begin() + static_cast<std::ptrdiff_t>(counted),
                       lines.begin() + static_cast<std::ptrdiff_t>(c.offset), '\n');
    counted = c.offset;
    const SecretRule& rule = rules_[c.rule];
    Finding f;
    f.rule = rule.id;
    f.category = "secret";
    f.severity = rule.severity;
    f.confidence = rule.confidence;
    f.origin = shown;
    f.line = line;
    f.masked = MaskSecret(c.secret);
    f.message = rule.title + " (value masked)";
    f.fingerprint = SecretFingerprint(rule.id, shown, c.secret, fingerprint_key_);
    char what[96];
    std::snprintf(what, sizeof what, "pattern matched a %zu-character value, entropy %.2f bits/char",
                  c.secret.size(), ShannonEntropy(c.secret));
    f.evidence.push_back({rule.id, what, rule.confidence});
    out.findings.push_back(std::move(f));
  }
}

}  // namespace cg
