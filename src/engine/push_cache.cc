#include "engine/push_cache.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/scan_session.h"
#include "engine/sweep_configuration.h"
#include "policy/fingerprint.h"
#include "policy/threshold.h"

namespace cg {
namespace {

constexpr const char* kBlobsFile = "clean-blobs";
constexpr const char* kDestinationsFile = "destinations";
constexpr const char* kBlobsHeader = "cohortguard-clean-blobs 1 ";
constexpr const char* kDestinationsHeader = "cohortguard-destinations 1 ";

std::string ItemKey(const Origin& o) { return Sha256Hex(o.blob + '\0' + o.path, 32); }

// The lines after a header that names `digest`; none when the file is missing or was written
// under another digest.
std::vector<std::string> ReadLines(const std::filesystem::path& file, const std::string& header) {
  std::ifstream in(file);
  std::string line;
  std::vector<std::string> out;
  if (!std::getline(in, line) || line != header) return out;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(line);
  return out;
}

Status WriteLines(const std::string& dir, const char* name, const std::string& header,
                  const std::vector<std::string>& lines) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError("cannot create " + dir + ": " + ec.message());
  std::filesystem::path target = std::filesystem::path(dir) / name;
  std::filesystem::path tmp = target;
  tmp += ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << header << "\n";
    for (const auto& l : lines) out << l << "\n";
    out.flush();
    if (!out) return Status::IoError("cannot write " + tmp.string());
  }
  std::filesystem::rename(tmp, target, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return Status::IoError("cannot replace " + target.string());
  }
  return Status::Ok();
}

bool Names(const Origin& o, const Origin& item) {
  return (!o.blob.empty() && o.blob == item.blob) || (o.blob.empty() && !o.path.empty() && o.path == item.path);
}

}  // namespace

Expected<std::string> PushCacheDigest(const ScanRequest& req) {
  auto idsets = LoadIdSetOptions(req.idsets.paths, req.idsets.key_file);
  if (!idsets.ok()) return idsets.status();
  auto base = SweepConfigurationDigest(req.policy, req.scan, *idsets);
  if (!base.ok()) return base.status();
  std::string d = *base + '\0' + ThresholdName(req.policy.fail_on) + '\0' + std::to_string(req.max_table_rows);
  for (const auto& f : req.policy.files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    d += '\0' + f + '\0' + text.str();
  }
  return Sha256Hex(d, 32);
}

CleanBlobCache CleanBlobCache::Load(const std::string& dir, const std::string& digest) {
  CleanBlobCache c;
  c.dir_ = dir;
  c.digest_ = digest;
  for (auto& l : ReadLines(std::filesystem::path(dir) / kBlobsFile, kBlobsHeader + digest))
    c.keys_.insert(std::move(l));
  return c;
}

bool CleanBlobCache::Contains(const Origin& item) const { return !item.blob.empty() && keys_.count(ItemKey(item)); }

void CleanBlobCache::AddClean(const std::vector<Origin>& scanned, const ScanResult& r) {
  for (const auto& e : r.errors)
    if (e.origin.blob.empty() && e.origin.path.empty()) return;  // something failed as a whole
  for (const auto& item : scanned) {
    if (item.blob.empty()) continue;
    auto named = [&](const auto& list) {
      return std::any_of(list.begin(), list.end(), [&](const auto& x) { return Names(x.origin, item); });
    };
    if (named(r.findings) || named(r.suppressed) || named(r.errors) || named(r.skipped)) continue;
    keys_.insert(ItemKey(item));
  }
}

Status CleanBlobCache::Save() const {
  std::vector<std::string> lines(keys_.begin(), keys_.end());
  std::sort(lines.begin(), lines.end());
  return WriteLines(dir_, kBlobsFile, kBlobsHeader + digest_, lines);
}

Status KnownCleanFilter::Enumerate(std::vector<Item>* items, std::vector<ScanError>* errors) {
  Status s = inner_.Enumerate(items, errors);
  // Listed, not read: the engine still checks their paths.
  for (Item& i : *items)
    if (!i.listed_only && cache_.Contains(i.origin)) {
      i.listed_only = true;
      ++skipped_known_;
    }
  return s;
}

std::vector<std::string> LoadDestinationTips(const std::string& dir, const std::string& digest,
                                             const std::string& url) {
  const std::string key = Sha256Hex(url, 32) + " ";
  std::vector<std::string> out;
  for (const auto& l : ReadLines(std::filesystem::path(dir) / kDestinationsFile, kDestinationsHeader + digest))
    if (l.rfind(key, 0) == 0) out.push_back(l.substr(key.size()));
  return out;
}

Status AddDestinationTips(const std::string& dir, const std::string& digest, const std::string& url,
                          const std::vector<std::string>& commits) {
  const std::string header = kDestinationsHeader + digest;
  const std::string key = Sha256Hex(url, 32) + " ";
  std::vector<std::string> lines = ReadLines(std::filesystem::path(dir) / kDestinationsFile, header);
  std::vector<std::string> mine, others;
  for (auto& l : lines) (l.rfind(key, 0) == 0 ? mine : others).push_back(std::move(l));
  for (const auto& c : commits) {
    std::string line = key + c;
    mine.erase(std::remove(mine.begin(), mine.end(), line), mine.end());
    mine.push_back(std::move(line));
  }
  if (mine.size() > kMaxDestinationTips) mine.erase(mine.begin(), mine.end() - kMaxDestinationTips);
  others.insert(others.end(), mine.begin(), mine.end());
  return WriteLines(dir, kDestinationsFile, header, others);
}

}  // namespace cg
