#include "source/git_history_source.h"

#include <cstring>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "source/git_blob_reader.h"
#include "source/git_handle.h"
#include "source/git_revspec.h"
#include "source/history_walk.h"
#include "source/name_set.h"
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
  // The walk reads only what is fixed from here on (the packs, the listing of other objects):
  // it can run while the workers read blobs.
  if (walk_early_ && !walk_) {
    walk_ = std::make_unique<Walk>();
    walk_thread_ = std::thread([this] { RunWalk(); });
  }
  return Status::Ok();
}

Expected<std::unique_ptr<ItemReader>> GitHistorySource::NewReader() {
  return GitBlobReader::Create(repo_path_, own_pack_reader_ ? packed_ : nullptr);
}

// What the walk found, written by its thread only; read after it is joined.
struct GitHistorySource::Walk {
  // blob -> (first commit, raw path there) for every blob the reachable history references.
  std::unordered_map<git_oid, std::pair<git_oid, std::string>, git::OidHash, git::OidEq> first;
  std::vector<ScanError> errors;
  std::vector<std::pair<Origin, std::string>> not_in_clone;  // (where, "blob"/"tree"): partial clones
  std::vector<Origin> names;  // each distinct file and folder name, where the walk first met it
  Status status = Status::Ok();
};

void GitHistorySource::RunWalk() {
  Walk& w = *walk_;
  auto settings = git::OpenRepositorySettings(repo_path_);
  const bool partial = settings.ok() && git::IsPartialClone(settings->get());
  auto lacks = [&](const git_oid& id, const git_oid& commit, const std::string& raw_path, const std::string& what) {
    Origin o;
    o.blob = git::OidHex(id);
    o.commit = git::OidHex(commit);
    o.path = git::EscapePath(raw_path);
    if (partial) {
      w.not_in_clone.emplace_back(std::move(o), what);
    } else {
      w.errors.push_back({std::move(o), what + " " + git::OidHex(id) + " is missing from the object database"});
    }
  };
  w.first.reserve(packed_->where.size() + other_objects_.size());
  HistoryWalkCallbacks cb;
  cb.blob = [&](const git_oid& blob, const git_oid& commit, std::string_view dir, std::string_view name) {
    bool present = packed_->where.count(blob) || other_objects_.count(blob);
    std::string raw_path = std::string(dir) + std::string(name);
    if (!present) lacks(blob, commit, raw_path, "blob");
    w.first.emplace(blob, std::make_pair(commit, std::move(raw_path)));
  };
  cb.unreadable = [&](const git_oid& id, const char* kind, const git_oid& commit, const std::string& raw_path,
                      bool missing, const std::string& message) {
    if (missing) return lacks(id, commit, raw_path, kind);
    ScanError e;
    e.origin.commit = git::OidHex(commit);
    e.origin.path = git::EscapePath(raw_path);
    e.message = message;
    w.errors.push_back(std::move(e));
  };
  NameSet names;
  cb.name = [&](const git_oid& id, bool is_file, const git_oid& commit, std::string_view dir, std::string_view name) {
    if (!names.Insert(name)) return;
    Origin o;
    o.commit = git::OidHex(commit);
    o.path = git::EscapePath(std::string(dir) + std::string(name));
    if (is_file) o.blob = git::OidHex(id);
    else o.path += '/';  // a folder: the secret rules say "folder name"
    w.names.push_back(std::move(o));
  };
  w.status = WalkHistory(repo_path_, packed_->packs, cb, &w.errors);
}

GitHistorySource::GitHistorySource(std::string repo_path, bool own_pack_reader, bool walk_early)
    : GitSource(std::move(repo_path)), own_pack_reader_(own_pack_reader), walk_early_(walk_early) {}

GitHistorySource::~GitHistorySource() {
  if (walk_thread_.joinable()) walk_thread_.join();
}

Status GitHistorySource::Finish(const std::vector<Origin*>& origins, std::vector<ScanError>* errors) {
  if (!packed_) return Status::Ok();  // nothing was listed
  if (walk_thread_.joinable()) {
    walk_thread_.join();
  } else if (!walk_) {
    walk_ = std::make_unique<Walk>();
    RunWalk();
  }
  Walk& w = *walk_;
  if (!w.status.ok()) return w.status;
  for (auto& [origin, what] : w.not_in_clone) NotInClone(std::move(origin), what);
  w.not_in_clone.clear();
  CountNotInClone(&w.errors);
  names_ = std::move(w.names);

  auto attribute = [&](Origin& o) {
    git_oid id;
    if (o.blob.empty() || !o.path.empty() || !git::ParseOid(o.blob, &id)) return;
    auto it = w.first.find(id);
    if (it == w.first.end()) return;
    o.commit = git::OidHex(it->second.first);
    o.path = git::EscapePath(it->second.second);
  };
  for (Origin* o : origins) attribute(*o);
  errors->insert(errors->end(), std::make_move_iterator(w.errors.begin()), std::make_move_iterator(w.errors.end()));
  w.errors.clear();
  return Status::Ok();
}

}  // namespace cg
