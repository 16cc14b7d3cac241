#include "rules/rule_filter.h"

#include <algorithm>
#include <set>

namespace cg {
namespace {

template <typename Rule>
size_t RemoveNamed(const std::set<std::string>& ids, std::vector<Rule>* rules, std::set<std::string>* found) {
  size_t before = rules->size();
  rules->erase(std::remove_if(rules->begin(), rules->end(),
                              [&](const Rule& r) {
                                if (!ids.count(r.id)) return false;
                                found->insert(r.id);
                                return true;
                              }),
               rules->end());
  return before - rules->size();
}

}  // namespace

Status DisableRules(const std::vector<std::string>& ids, RuleSet* rules) {
  const std::set<std::string> wanted(ids.begin(), ids.end());
  std::set<std::string> found;
  RemoveNamed(wanted, &rules->tables, &found);
  RemoveNamed(wanted, &rules->secrets, &found);
  RemoveNamed(wanted, &rules->negatives, &found);
  for (const auto& id : ids)
    if (!found.count(id)) return Status::InvalidArgument("rules.disable: no loaded rule is named '" + id + "'");
  return Status::Ok();
}

}  // namespace cg
