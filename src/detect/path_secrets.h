// Secrets in file, folder and archive member names (keys/ghp_…/config), and keeping every
// secret a name holds out of what a scan reports.
//
// A name is published with the content: a token in a folder name is as leaked as one in a file.
// The secret rules run over names too (rules restricted to some file names do not, they describe
// content). A finding names the folder or file whose name holds the secret, masked; MaskSecrets
// masks every path, member and message of a result the same way, so no report format, hook
// message or advice prints the value.
#pragma once

#include <vector>

#include "core/scan_result.h"
#include "detect/secret_detector.h"

namespace cg {

// One finding per secret in `item.path`: its origin is the folder or file whose name holds it
// (masked), with the item's commit (and blob, when it is the file itself). No line.
std::vector<Finding> SecretsInPath(const SecretDetector& secrets, const Origin& item);

// The same for the innermost archive member name of `document` (path!a.zip!keys/x): the origin
// is the member (or member folder) inside the outer path.
std::vector<Finding> SecretsInMember(const SecretDetector& secrets, const Origin& document);

// Masks secrets in every origin (path, member) and message of `r`. Idempotent.
void MaskSecrets(const SecretDetector& secrets, ResultCollector* r);
void MaskSecrets(const SecretDetector& secrets, std::vector<Finding>* findings);

}  // namespace cg
