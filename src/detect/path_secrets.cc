#include "detect/path_secrets.h"

#include <cstdio>

#include "detect/secret_value.h"

namespace cg {
namespace {

// Findings for the secrets in `name`; `place(prefix, whole)` makes the origin of the name up to
// the end of the component holding the secret (`whole`: that is all of `name`).
template <typename Place>
std::vector<Finding> SecretsInName(const SecretDetector& secrets, std::string_view name, std::string_view seps,
                                   const Place& place) {
  std::vector<Finding> out;
  for (const auto& m : secrets.FindInName(name)) {
    const size_t end = name.find_first_of(seps, m.begin + m.size);
    const bool whole = end == std::string_view::npos;
    const std::string_view secret = name.substr(m.begin, m.size);
    Finding f;
    f.rule = m.rule->id;
    f.category = "secret";
    f.severity = m.rule->severity;
    f.confidence = m.rule->confidence;
    f.origin = place(secrets.Masked(name.substr(0, end)), whole);
    f.masked = MaskSecret(secret);
    f.message = m.rule->title + " in a " + (whole ? "file" : "folder") + " name (value masked)";
    f.fingerprint = SecretFingerprint(f.rule, f.origin, secret, secrets.fingerprint_key());
    char what[112];
    std::snprintf(what, sizeof what, "pattern matched a %zu-character value in the name, entropy %.2f bits/char",
                  secret.size(), ShannonEntropy(secret));
    f.evidence.push_back({f.rule, what, f.confidence});
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

std::vector<Finding> SecretsInPath(const SecretDetector& secrets, const Origin& item) {
  return SecretsInName(secrets, item.path, "/", [&](std::string prefix, bool whole) {
    Origin o;
    o.path = std::move(prefix);
    o.commit = item.commit;
    o.repository = item.repository;
    if (whole) o.blob = item.blob;
    return o;
  });
}

std::vector<Finding> SecretsInMember(const SecretDetector& secrets, const Origin& document) {
  const size_t bang = document.member.rfind('!');
  const size_t start = bang == std::string::npos ? 0 : bang + 1;
  const std::string outer = document.member.substr(0, start);
  return SecretsInName(secrets, std::string_view(document.member).substr(start), "/\\",
                       [&](std::string prefix, bool) {
                         Origin o = document;
                         o.path = secrets.Masked(document.path);
                         o.member = secrets.Masked(outer) + prefix;
                         return o;
                       });
}

void MaskSecrets(const SecretDetector& secrets, std::vector<Finding>* findings) {
  for (Finding& f : *findings) {
    f.origin.path = secrets.Masked(f.origin.path);
    f.origin.member = secrets.Masked(f.origin.member);
    f.message = secrets.Masked(f.message);
  }
}

void MaskSecrets(const SecretDetector& secrets, ResultCollector* r) {
  auto origin = [&](Origin& o) {
    o.path = secrets.Masked(o.path);
    o.member = secrets.Masked(o.member);
  };
  MaskSecrets(secrets, &r->findings);
  for (auto& e : r->errors) {
    origin(e.origin);
    e.message = secrets.Masked(e.message);
  }
  for (auto& s : r->skipped) {
    origin(s.origin);
    s.reason = secrets.Masked(s.reason);
  }
  for (auto& x : r->explanations) {
    origin(x.origin);
    x.decision = secrets.Masked(x.decision);
  }
  for (auto& o : r->scanned) origin(o);
  for (auto& m : r->allow_markers) origin(m.origin);
}

}  // namespace cg
