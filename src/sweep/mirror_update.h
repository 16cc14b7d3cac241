// MirrorUpdate: keeps a folder of bare mirrors in step with what the GitHub API lists, for
// `sweep mirror` (the step before each sweep).
//
// Layout: MIRRORS/OWNER/NAME.git, each a `git clone --mirror` of the API's clone_url, with the
// API's facts in its git config: cohortguard.id (GitHub's id, which survives renames and
// transfers), cohortguard.account (the organisation or user it was listed under),
// cohortguard.url (html_url: the custodian report's links), cohortguard.archived and, once the
// API stops listing it, cohortguard.deleted (ISO date). Per listed repository:
//   new id          clone --mirror into MIRRORS/.cohortguard/clones/ID, then rename into place
//                   (a killed clone never looks like a mirror; the next run starts it again)
//   known id        git remote update --prune (the time budget applies to each git run)
//   known id, new full_name   the mirror is moved to the new path and its origin updated (renamed)
// A mirror of a listed account whose id is no longer listed is kept (its history is what leaked)
// and marked deleted. A repository that cannot be cloned or updated in time is a failure,
// named with the reason; the others go on.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "sweep/github_listing.h"

namespace cg {

struct MirrorEvent {
  enum class Kind { kCloned, kUpdated, kRenamed, kArchived, kDeleted, kFailed };
  Kind kind;
  std::string repository;  // relative to MIRRORS ("OWNER/NAME.git")
  std::string detail;      // renamed: the old path; failed: why
};
const char* MirrorEventName(MirrorEvent::Kind kind);

struct MirrorUpdateOptions {
  std::string root;
  int64_t budget_ms = 600000;  // per git run (clone or update)
  int64_t now = 0;
};

// `listed[i]` is what the API listed for `accounts[i]`. Returns the events in listing order;
// a Status only when MIRRORS itself cannot be used.
Expected<std::vector<MirrorEvent>> UpdateMirrors(const MirrorUpdateOptions& options,
                                                 const std::vector<GithubAccount>& accounts,
                                                 const std::vector<std::vector<ListedRepository>>& listed);

}  // namespace cg
