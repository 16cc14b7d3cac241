#include "source/git_history_source.h"

#include <malloc.h>
#include <unistd.h>

#include <cstring>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "source/git_blob_reader.h"
#include "source/git_handle.h"
#include "source/git_revspec.h"
#include "source/history_walk.h"
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

// A partial clone (git clone --filter=...): objects the history references may be left on the
// promisor remote on purpose, which git marks with remote.<name>.promisor (or, before git 2.24,
// extensions.partialClone) and with a .promisor file beside each pack fetched that way (kept
// when a mirror is copied without its config).
bool IsPartialClone(git_repository* repo, const std::vector<std::shared_ptr<const PackIndex>>& packs) {
  for (const auto& pack : packs) {
    std::string promisor = pack->pack_path();
    promisor.replace(promisor.size() - 4, 4, "promisor");
    if (::access(promisor.c_str(), F_OK) == 0) return true;
  }
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, repo) != 0) return false;
  GitConfig config(raw);
  const char* v = nullptr;
  if (git_config_get_string(&v, config.get(), "extensions.partialclone") == 0 && v && *v) return true;
  bool promisor = false;
  git_config_foreach_match(config.get(), "^remote\\..*\\.promisor$", [](const git_config_entry* e, void* payload) {
    int b = 0;
    if (git_config_parse_bool(&b, e->value) == 0 && b) *static_cast<bool*>(payload) = true;
    return 0;
  }, &promisor);
  return promisor;
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
  other_objects_.insert(rest.begin(), rest.end());
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
  OidSet targets;
  auto target = [&](const Origin& o) {
    git_oid id;
    if (o.blob.empty() || !o.path.empty() || !git::ParseOid(o.blob, &id)) return;
    targets.insert(id);
    where.emplace(o.blob, std::make_pair("", ""));
  };
  for (const Finding& f : *findings) target(f.origin);
  for (const ScanError& e : *errors) target(e.origin);
  // The workers' pack caches were freed into per-thread malloc arenas that glibc keeps resident;
  // hand them back before the walk adds its own.
  malloc_trim(0);

  auto settings = git::OpenRepositorySettings(repo_path_);
  const bool partial = settings.ok() && IsPartialClone(settings->get(), packed_->packs);
  std::vector<ScanError> walk_errors;
  size_t not_in_clone = 0;
  auto lacks = [&](const git_oid& id, const git_oid& commit, const std::string& raw_path, const std::string& what) {
    Origin o;
    o.blob = git::OidHex(id);
    o.commit = git::OidHex(commit);
    o.path = git::EscapePath(raw_path);
    if (partial) {
      ++not_in_clone;
      skipped_.push_back({std::move(o), "not in this clone (partial clone): git has not fetched this " + what +
                                            ", so it was not scanned"});
    } else {
      walk_errors.push_back({std::move(o), what + " " + git::OidHex(id) + " is missing from the object database"});
    }
  };
  HistoryWalkCallbacks cb;
  cb.blob = [&](const git_oid& blob, const git_oid& commit, std::string_view dir, std::string_view name) {
    bool present = packed_->where.count(blob) || other_objects_.count(blob);
    if (!present) lacks(blob, commit, std::string(dir) + std::string(name), "blob");
    if (targets.erase(blob) == 0) return;
    where[git::OidHex(blob)] = {git::OidHex(commit), git::EscapePath(std::string(dir) + std::string(name))};
  };
  cb.unreadable = [&](const git_oid& id, const char* kind, const git_oid& commit, const std::string& raw_path,
                      bool missing, const std::string& message) {
    if (missing) return lacks(id, commit, raw_path, kind);
    ScanError e;
    e.origin.commit = git::OidHex(commit);
    e.origin.path = git::EscapePath(raw_path);
    e.message = message;
    walk_errors.push_back(std::move(e));
  };
  Status walked = WalkHistory(repo_path_, packed_->packs, cb, &walk_errors);
  if (!walked.ok()) return walked;
  if (not_in_clone > 0) {
    ScanError e;
    e.message = std::to_string(not_in_clone) + " object" + (not_in_clone == 1 ? " that the history references is" : "s that the history references are") +
                " not in this partial clone and " + (not_in_clone == 1 ? "was" : "were") +
                " not scanned (listed under skipped); scan a clone made without --filter to read them";
    walk_errors.push_back(std::move(e));
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
