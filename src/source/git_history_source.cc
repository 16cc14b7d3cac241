#include "source/git_history_source.h"

#include <malloc.h>

#include <cstring>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "source/git_blob_reader.h"
#include "source/git_commit_changes.h"
#include "source/git_handle.h"
#include "source/git_revspec.h"
#include "source/pack_index.h"

namespace cg {
namespace {

using OidSet = std::unordered_set<git_oid, git::OidHash, git::OidEq>;

Item BlobItem(const git_oid& id, int64_t size) {
  Item item;
  item.key = git::OidHex(id);
  item.origin.blob = item.key;
  item.size = size;
  return item;
}

ScanError ObjectError(const std::string& id, std::string message) {
  ScanError e;
  e.origin.blob = id;
  e.message = std::move(message);
  return e;
}

}  // namespace

Status GitHistorySource::Enumerate(std::vector<Item>* items, std::vector<ScanError>* errors) {
  auto repo = git::OpenRepository(repo_path_);
  if (!repo.ok()) return repo.status();
  git_odb* raw_odb = nullptr;
  int rc = git_repository_odb(&raw_odb, repo->get());
  if (rc != 0) return git::GitStatus(rc, "cannot open object database of " + repo_path_);
  git::Odb odb(raw_odb);

  // Packs first, in offset order; remember every packed id so loose objects are told apart.
  OidSet seen;
  std::vector<git_oid> unknown;  // packed, type not decidable from the pack alone
  std::string objects_dir = std::string(git_repository_commondir(repo->get())) + "objects";
  packed_ = std::make_shared<PackedBlobLocations>();
  for (const std::string& idx_path : FindPackIndexes(objects_dir)) {
    auto opened = PackIndex::Open(idx_path);
    if (!opened.ok()) {
      // libgit2 may still read the objects (the loose-object pass below will list them).
      errors->push_back(ObjectError("", "skipping pack: " + opened.status().message()));
      continue;
    }
    std::shared_ptr<const PackIndex> pack = std::move(*opened);
    uint32_t pack_number = static_cast<uint32_t>(packed_->packs.size());
    packed_->packs.push_back(pack);
    seen.reserve(seen.size() + pack->objects().size());
    const auto& objects = pack->objects();
    for (uint32_t pos = 0; pos < objects.size(); ++pos) {
      const PackedObject& o = objects[pos];
      if (!seen.insert(o.id).second) continue;
      if (o.type == GIT_OBJECT_BLOB) {
        items->push_back(BlobItem(o.id, o.size));
        packed_->where.emplace(o.id, std::make_pair(pack_number, pos));
      } else if (o.type == GIT_OBJECT_INVALID) {
        unknown.push_back(o.id);
      }
    }
  }

  // Loose objects (and anything a backend holds that the pack scan did not list).
  std::vector<git_oid> rest = std::move(unknown);
  struct Ctx { OidSet* seen; std::vector<git_oid>* rest; } ctx{&seen, &rest};
  rc = git_odb_foreach(odb.get(), [](const git_oid* id, void* payload) {
    auto* c = static_cast<Ctx*>(payload);
    if (c->seen->insert(*id).second) c->rest->push_back(*id);
    return 0;
  }, &ctx);
  if (rc != 0) {
    errors->push_back(ObjectError("", git::GitStatus(rc, "cannot list every object of " + repo_path_).message()));
  }
  for (const git_oid& id : rest) {
    size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    rc = git_odb_read_header(&size, &type, odb.get(), &id);
    std::string hex = git::OidHex(id);
    if (rc != 0) {
      errors->push_back(ObjectError(hex, git::GitStatus(rc, "cannot read object " + hex).message()));
      continue;
    }
    if (type == GIT_OBJECT_BLOB) items->push_back(BlobItem(id, static_cast<int64_t>(size)));
  }
  return Status::Ok();
}

Expected<std::unique_ptr<ItemReader>> GitHistorySource::NewReader() {
  return GitBlobReader::Create(repo_path_, own_pack_reader_ ? packed_ : nullptr);
}

Status GitHistorySource::Finish(std::vector<Finding>* findings, std::vector<ScanError>* errors) {
  std::unordered_map<std::string, std::pair<std::string, std::string>> where;  // blob -> (commit, path)
  for (const Finding& f : *findings) {
    if (!f.origin.blob.empty() && f.origin.path.empty()) where.emplace(f.origin.blob, std::make_pair("", ""));
  }
  for (const ScanError& e : *errors) {
    if (!e.origin.blob.empty() && e.origin.path.empty()) where.emplace(e.origin.blob, std::make_pair("", ""));
  }
  if (where.empty()) return Status::Ok();
  // The workers' pack caches were freed into per-thread malloc arenas that glibc keeps resident;
  // hand them back before the walk adds libgit2's own caches.
  malloc_trim(0);

  auto repo = git::OpenRepository(repo_path_);
  if (!repo.ok()) return repo.status();
  git_repository* r = repo->get();
  auto walk_or = git::NewOldestFirstWalk(r, repo_path_);
  if (!walk_or.ok()) return walk_or.status();
  git::Revwalk walk = std::move(*walk_or);
  git::PushEveryRef(r, walk.get(), /*hide=*/false, errors);
  int rc = 0;

  OidSet targets;
  for (auto& [blob, _] : where) {
    git_oid id;
    if (git::ParseOid(blob, &id)) targets.insert(id);
  }
  std::vector<ScanError> walk_errors;
  size_t remaining = targets.size();
  git_oid id;
  while (remaining > 0 && (rc = git_revwalk_next(&id, walk.get())) == 0) {
    git_commit* raw_commit = nullptr;
    if (git_commit_lookup(&raw_commit, r, &id) != 0) {
      std::string hex = git::OidHex(id);
      walk_errors.push_back(ObjectError("", git::GitStatus(-1, "cannot read commit " + hex).message()));
      continue;
    }
    git::Commit commit(raw_commit);
    git::ForEachIntroducedEntry(r, commit.get(), [&](const git::ChangedEntry& c) {
      if (targets.erase(c.id) == 0) return true;
      where[git::OidHex(c.id)] = {git::OidHex(id), git::EscapePath(c.raw_path)};
      return --remaining > 0;
    }, &walk_errors);
  }
  if (remaining > 0 && rc != 0 && rc != GIT_ITEROVER) {
    walk_errors.push_back(ObjectError("", git::GitStatus(rc, "commit walk stopped early").message()));
  }

  auto attribute = [&](Origin& o) {
    if (o.blob.empty() || !o.path.empty()) return;
    auto it = where.find(o.blob);
    if (it == where.end()) return;
    o.commit = it->second.first;
    o.path = it->second.second;
  };
  for (Finding& f : *findings) attribute(f.origin);
  for (ScanError& e : *errors) attribute(e.origin);
  errors->insert(errors->end(), walk_errors.begin(), walk_errors.end());
  return Status::Ok();
}

}  // namespace cg
