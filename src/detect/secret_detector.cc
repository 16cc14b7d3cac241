#include "detect/secret_detector.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdio>
#include <tuple>
#include <unordered_map>

#include <hs/hs.h>

#include "rules/prebuilt_prefilter.h"
#include "rules/pattern_prefilter.h"
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

// One scratch space per thread, grown for whichever database the thread scans with. Growing is
// asked for only when the database changes: hs_alloc_scratch on every text cost 8% of a
// history scan's CPU (perf, TwoSampleMR).
// Databases are told apart by a serial number, not their address (which a later one may reuse).
std::atomic<uint64_t> next_database_serial{1};
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  uint64_t fits = 0;  // serial of the database it was last grown for
  ~ThreadScratch() {
    if (scratch) hs_free_scratch(scratch);
  }
  bool For(const hs_database_t* db, uint64_t serial) {
    if (serial == fits) return true;
    if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) return false;
    fits = serial;
    return true;
  }
};
thread_local ThreadScratch tls_scratch;

int OnPrefilterMatch(unsigned id, unsigned long long, unsigned long long, unsigned, void* ctx) {
  static_cast<std::vector<int>*>(ctx)->push_back(static_cast<int>(id));
  return 0;
}

}  // namespace

// The compiled prefilter: Vectorscan ids are set indexes. Patterns Vectorscan cannot compile
// even as a prefilter are proposed for every text (`always`): slower, never wrong.
struct SecretDetector::Prefilter {
  hs_database_t* db = nullptr;
  uint64_t serial = next_database_serial.fetch_add(1);
  std::vector<int> always;
  ~Prefilter() {
    if (db) hs_free_database(db);
  }
};

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

// The prebuilt database holds patterns by their source; an entry whose source it lacks (a user
// pack's rule) is proposed by a set of those entries alone.
struct SecretDetector::Prebuilt {
  Prefilter db;                              // `always`: entries proposed for every text
  std::vector<std::vector<int>> entries_of;  // database id -> entries with that source
  std::unique_ptr<RE2::Set> rest;
  std::vector<int> rest_entries;             // rest index -> entry
};

SecretDetector::SecretDetector(const std::vector<SecretRule>& rules, std::string fingerprint_key, bool prebuilt)
    : rules_(rules), fingerprint_key_(std::move(fingerprint_key)) {
  for (size_t r = 0; r < rules_.size(); ++r)
    for (size_t p = 0; p < rules_[r].patterns.size(); ++p) entries_.emplace_back(r, p);
  if (prebuilt) prebuilt_ = LoadPrebuilt();
}

std::unique_ptr<SecretDetector::Prebuilt> SecretDetector::LoadPrebuilt() const {
  const PrebuiltPrefilter& a = kBuiltInSecretPrefilter;
  auto pb = std::make_unique<Prebuilt>();
  if (a.count == 0 || hs_deserialize_database(a.database, a.database_size, &pb->db.db) != HS_SUCCESS) {
    pb->db.db = nullptr;
    return nullptr;
  }
  std::unordered_map<std::string_view, size_t> id_of;
  for (size_t i = 0; i < a.count; ++i) id_of.emplace(a.sources[i], i);
  pb->entries_of.resize(a.count);
  bool covers_any = false;
  for (size_t e = 0; e < entries_.size(); ++e) {
    auto it = id_of.find(rules_[entries_[e].first].patterns[entries_[e].second].source);
    if (it == id_of.end()) {
      pb->rest_entries.push_back(static_cast<int>(e));
    } else {
      covers_any = true;
      if (a.always[it->second]) pb->db.always.push_back(static_cast<int>(e));
      else pb->entries_of[it->second].push_back(static_cast<int>(e));
    }
  }
  if (!covers_any) return nullptr;
  if (!pb->rest_entries.empty()) {
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_max_mem(64 << 20);
    pb->rest = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
    bool ok = true;
    for (int e : pb->rest_entries)
      ok = ok && pb->rest->Add(rules_[entries_[e].first].patterns[entries_[e].second].source, nullptr) >= 0;
    if (!ok || !pb->rest->Compile()) {  // each runs on its own instead: slower, never wrong
      pb->rest.reset();
      pb->db.always.insert(pb->db.always.end(), pb->rest_entries.begin(), pb->rest_entries.end());
    }
  }
  return pb;
}

const RE2::Set* SecretDetector::Set() const {
  std::call_once(set_once_, [this] {
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_max_mem(64 << 20);  // room for the set's DFA on megabyte chunks
    set_ = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
    bool adds_failed = false;
    for (const auto& [r, p] : entries_)
      if (set_->Add(rules_[r].patterns[p].source, nullptr) < 0) adds_failed = true;
    set_ok_ = !adds_failed && set_->Compile();
  });
  return set_ok_ ? set_.get() : nullptr;
}

SecretDetector::~SecretDetector() = default;

const SecretDetector::Prefilter* SecretDetector::BuildPrefilter() const {
  static std::mutex build_mu;
  std::lock_guard<std::mutex> lock(build_mu);
  if (const Prefilter* ready = prefilter_.load(std::memory_order_acquire)) return ready;
  auto built = std::make_unique<Prefilter>();
  std::vector<std::string> sources;
  for (const auto& [r, p] : entries_) sources.push_back(rules_[r].patterns[p].source);
  built->db = CompilePrefilter(sources, false, nullptr, &built->always);
  if (!built->db) return nullptr;  // nothing compiled: the set stays in use
  if (!tls_scratch.For(built->db, built->serial)) return nullptr;
  prefilter_owned_ = std::move(built);
  prefilter_.store(prefilter_owned_.get(), std::memory_order_release);
  return prefilter_owned_.get();
}

bool SecretDetector::UsePrefilterNow() const {
  const Prefilter* p = BuildPrefilter();
  return p && p->always.empty();
}

bool SecretDetector::Propose(std::string_view text, std::vector<int>* hits) const {
  const Prefilter* pf = prefilter_.load(std::memory_order_acquire);
  if (!pf && !entries_.empty()) {
    const uint64_t before = bytes_seen_.fetch_add(text.size(), std::memory_order_relaxed);
    if (before < kPrefilterAfterBytes && before + text.size() >= kPrefilterAfterBytes) pf = BuildPrefilter();
  }
  if (pf && text.size() <= UINT_MAX && !HoldsFoldedLetter(text) && tls_scratch.For(pf->db, pf->serial) &&
      hs_scan(pf->db, text.data(), static_cast<unsigned>(text.size()), 0, tls_scratch.scratch, OnPrefilterMatch,
              hits) == HS_SUCCESS) {
    hits->insert(hits->end(), pf->always.begin(), pf->always.end());
    return true;
  }
  hits->clear();
  if (prebuilt_ && !pf && ProposePrebuilt(text, hits)) return true;
  hits->clear();
  const RE2::Set* set = Set();
  if (!set) return false;
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  set->Match(re2::StringPiece(text.data(), text.size()), hits, &info);
  // The set's DFA gave up (memory): correctness first, run every pattern on its own.
  return info.kind == RE2::Set::kNoError;
}

bool SecretDetector::ProposePrebuilt(std::string_view text, std::vector<int>* hits) const {
  const Prebuilt& pb = *prebuilt_;
  if (text.size() > UINT_MAX || HoldsFoldedLetter(text) || !tls_scratch.For(pb.db.db, pb.db.serial)) return false;
  std::vector<int> ids;
  if (hs_scan(pb.db.db, text.data(), static_cast<unsigned>(text.size()), 0, tls_scratch.scratch, OnPrefilterMatch,
              &ids) != HS_SUCCESS)
    return false;
  for (int id : ids) hits->insert(hits->end(), pb.entries_of[id].begin(), pb.entries_of[id].end());
  hits->insert(hits->end(), pb.db.always.begin(), pb.db.always.end());
  if (!pb.rest) return true;
  std::vector<int> rest;
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  pb.rest->Match(re2::StringPiece(text.data(), text.size()), &rest, &info);
  if (info.kind != RE2::Set::kNoError) return false;
  for (int r : rest) hits->push_back(pb.rest_entries[static_cast<size_t>(r)]);
  return true;
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
  const RE2& re = pat.re();
  const int n = pat.secret_group() + 1;
  std::vector<re2::StringPiece> groups(static_cast<size_t>(n));
  const re2::StringPiece text(lines.data(), lines.size());
  size_t pos = 0;
  while (pos <= lines.size() && re.Match(text, pos, lines.size(), RE2::UNANCHORED, groups.data(), n)) {
    const re2::StringPiece whole = groups[0];
    const size_t start = static_cast<size_t>(whole.data() - lines.data());
    pos = start + std::max<size_t>(whole.size(), 1);
    const re2::StringPiece secret = groups[static_cast<size_t>(n - 1)];
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
  if (!Propose(text, &hits)) {
    hits.clear();
    for (size_t i = 0; i < entries_.size(); ++i) hits.push_back(static_cast<int>(i));
  }
  if (hits.empty()) return {};
  std::sort(hits.begin(), hits.end());  // the set's order, whichever pass proposed them
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
