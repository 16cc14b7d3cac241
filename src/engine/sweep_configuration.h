// The digest of everything that changes what scanning a blob finds, for the sweep state: when
// it changes, the state forgets which blobs it scanned, so the new configuration sees every
// blob once. Allowlist and baseline are not in it: they are applied to the findings afterwards
// and never change what is recorded for a blob.
#pragma once

#include <string>

#include "core/status.h"
#include "detect/id_set.h"
#include "engine/scan_engine.h"
#include "policy/config.h"

namespace cg {

// Version, rule packs (their text), disabled rules, inline_allow, --max-file-size, id sets.
Expected<std::string> SweepConfigurationDigest(const PolicyOptions& policy, const ScanOptions& scan,
                                               const IdSetCollection& idsets);

}  // namespace cg
