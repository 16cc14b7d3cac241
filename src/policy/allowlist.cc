#include "policy/allowlist.h"

#include <ctime>
#include <filesystem>

#include "policy/path_glob.h"

namespace cg {
namespace {

namespace fs = std::filesystem;

// `*` in a rule pattern matches any run of characters (rule ids have no `/`).
bool RuleMatches(const std::string& pattern, const std::string& rule) {
  if (pattern.find('*') == std::string::npos) return pattern == rule;
  std::string glob;
  for (char ch : pattern) glob += ch == '*' ? std::string("**") : std::string(1, ch);
  return PathGlobMatches("/" + glob, rule);
}

}  // namespace

std::string TodayIso() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

Allowlist::Allowlist(std::vector<AllowEntry> entries, std::string root, std::string today)
    : entries_(std::move(entries)), expired_hits_(entries_.size(), 0), root_(std::move(root)), today_(std::move(today)) {}

std::string Allowlist::RelativePath(const Origin& o) const {
  if (!o.commit.empty() || !o.blob.empty()) return o.path;  // already a repository path
  std::error_code ec;
  fs::path abs = fs::absolute(o.path, ec).lexically_normal();
  fs::path top = fs::absolute(root_, ec).lexically_normal();
  std::string rel = abs.lexically_relative(top).generic_string();
  if (ec || rel.empty() || rel.rfind("..", 0) == 0) return o.path;
  return rel;
}

const ContentHashes* Allowlist::Hashes(const Origin& o) {
  auto it = hashes_.find(o.path);
  if (it == hashes_.end()) {
    auto h = HashFile(o.path);
    it = hashes_.emplace(o.path, h.ok() ? *h : ContentHashes{}).first;
  }
  return it->second.git_blob.empty() ? nullptr : &it->second;
}

bool Allowlist::Matches(const AllowEntry& e, const Finding& f) {
  if (!e.rule.empty() && !RuleMatches(e.rule, f.rule)) return false;
  if (!e.fingerprint.empty() && e.fingerprint != f.fingerprint) return false;
  if (!e.path.empty() && !PathGlobMatches(e.path, RelativePath(f.origin))) return false;
  if (!e.blob.empty() || !e.sha256.empty()) {
    if (!e.blob.empty() && e.blob == f.origin.blob) return e.sha256.empty();
    if (!f.origin.blob.empty() && e.sha256.empty()) return false;  // a git blob, not this one
    const ContentHashes* h = f.origin.blob.empty() ? Hashes(f.origin) : nullptr;
    if (!h) return false;
    if (!e.blob.empty() && e.blob != h->git_blob) return false;
    if (!e.sha256.empty() && e.sha256 != h->sha256) return false;
  }
  return true;
}

const AllowEntry* Allowlist::Covering(const Finding& f) {
  for (size_t i = 0; i < entries_.size(); ++i) {
    const AllowEntry& e = entries_[i];
    const bool expired = !e.expires.empty() && today_ > e.expires;
    if (!Matches(e, f)) continue;
    if (expired) {
      ++expired_hits_[i];
      continue;
    }
    return &e;
  }
  return nullptr;
}

std::vector<std::string> Allowlist::Warnings() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < entries_.size(); ++i) {
    const AllowEntry& e = entries_[i];
    if (e.expires.empty() || today_ <= e.expires) continue;
    out.push_back(e.where + ": allowlist entry expired on " + e.expires + " and no longer applies (it matches " +
                  std::to_string(expired_hits_[i]) + " finding(s) in this scan); reason was: " + e.reason);
  }
  return out;
}

}  // namespace cg
