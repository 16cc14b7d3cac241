// SPDX-License-Identifier: Apache-2.0
// The licence and the SPDX header policy (README "License"): files that leave the repository on
// their own (release scripts, package recipes, CI templates users copy) name their licence.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cg {
namespace {

namespace fs = std::filesystem;

std::string Head(const fs::path& path, int lines) {
  std::ifstream in(path, std::ios::binary);
  std::string line, out;
  for (int i = 0; i < lines && std::getline(in, line); ++i) out += line + "\n";
  return out;
}

TEST(Licensing, LicenseIsApache2) {
  fs::path license = fs::path(COHORTGUARD_SOURCE_DIR) / "LICENSE";
  ASSERT_TRUE(fs::exists(license));
  std::string head = Head(license, 3);
  EXPECT_NE(head.find("Apache License"), std::string::npos) << head;
  EXPECT_NE(head.find("Version 2.0, January 2004"), std::string::npos) << head;
}

TEST(Licensing, DistributedFilesCarrySpdxHeader) {
  const fs::path root(COHORTGUARD_SOURCE_DIR);
  std::vector<fs::path> files;
  for (const char* dir : {"packaging/release", "packaging/docker", "packaging/debian", "packaging/github-action", "examples"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root / dir))
      if (e.is_regular_file()) files.push_back(e.path());
  }
  for (const char* file : {"action.yml", ".pre-commit-hooks.yaml", ".dockerignore", "scripts/release", "scripts/build-deb", "scripts/build-tarball", "scripts/build-in-chroot", "scripts/build-release-deb", "scripts/stage-install", "scripts/make-chroot"})
    if (fs::exists(root / file)) files.push_back(root / file);
  ASSERT_FALSE(files.empty());
  for (const auto& f : files) {
    if (f.extension() == ".json") continue;  // JSON has no comments; such files are generated facts
    EXPECT_NE(Head(f, 5).find("SPDX-License-Identifier: Apache-2.0"), std::string::npos)
        << fs::relative(f, root) << " lacks the SPDX line in its first 5 lines";
  }
}

}  // namespace
}  // namespace cg
