#include "rules/secret_rule.h"

namespace cg {

struct SecretPattern::Lazy {
  std::once_flag once;
  std::unique_ptr<RE2> re;
  int secret_group = 0;
};

SecretPattern::SecretPattern(std::string s) : source(std::move(s)), lazy_(std::make_shared<Lazy>()) {}

const SecretPattern::Lazy& SecretPattern::Compiled() const {
  std::call_once(lazy_->once, [this] {
    RE2::Options opts;
    opts.set_log_errors(false);
    lazy_->re = std::make_unique<RE2>(source, opts);
    const auto& named = lazy_->re->NamedCapturingGroups();
    auto it = named.find("secret");
    lazy_->secret_group = it == named.end() ? 0 : it->second;
  });
  return *lazy_;
}

const RE2& SecretPattern::re() const { return *Compiled().re; }
int SecretPattern::secret_group() const { return Compiled().secret_group; }

}  // namespace cg
