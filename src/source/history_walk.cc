#include "source/history_walk.h"

#include <cstring>

#include "source/git_blob_reader.h"
#include "source/git_handle.h"
#include "source/git_revspec.h"
#include "source/oid_set.h"
#include "source/pack_reader.h"

namespace cg {
namespace {

using Bytes = std::shared_ptr<const std::string>;

// The walk runs beside the scan's workers (each with a GitBlobReader::kPackCacheBytes cache), so
// its own delta cache is smaller: commits and trees only, and peak RSS stays under 1 GB.
constexpr size_t kWalkCacheBytes = 16u << 20;

// Raw commit and tree bytes by id: the packs first, then libgit2 (loose objects, thin packs).
class ObjectReader {
 public:
  ObjectReader(const std::vector<std::shared_ptr<const PackIndex>>& packs, git_odb* odb)
      : packs_(packs), readers_(packs.size()), odb_(odb) {}

  // NotFound when the object database lacks the object; Corrupt when it is not a `want`.
  Expected<Bytes> Read(const git_oid& id, git_object_t want) {
    for (size_t i = 0; i < packs_.size(); ++i) {
      int64_t pos = packs_[i]->Position(id);
      if (pos < 0) continue;
      git_object_t type = packs_[i]->objects()[static_cast<size_t>(pos)].type;
      if (type != GIT_OBJECT_INVALID && type != want) return WrongType(id, type, want);
      if (!readers_[i]) readers_[i] = std::make_unique<PackReader>(packs_[i], kWalkCacheBytes);
      auto bytes = readers_[i]->Read(static_cast<size_t>(pos));
      if (bytes.ok()) return bytes;
      break;  // a base outside the pack, or damage: libgit2 finds it elsewhere or says what is wrong
    }
    git_odb_object* raw = nullptr;
    int rc = git_odb_read(&raw, odb_, &id);
    if (rc != 0) return git::GitStatus(rc, "cannot read " + git::OidHex(id));
    git::OdbObject obj(raw);
    if (git_odb_object_type(raw) != want) return WrongType(id, git_odb_object_type(raw), want);
    return std::make_shared<const std::string>(static_cast<const char*>(git_odb_object_data(raw)),
                                               git_odb_object_size(raw));
  }

 private:
  static Status WrongType(const git_oid& id, git_object_t got, git_object_t want) {
    return Status::Corrupt("object " + git::OidHex(id) + " is a " + git_object_type2string(got) + ", not a " +
                           git_object_type2string(want));
  }

  const std::vector<std::shared_ptr<const PackIndex>>& packs_;
  std::vector<std::unique_ptr<PackReader>> readers_;
  git_odb* odb_;
};

// The tree id on the first line of a raw commit ("tree <hex>\n").
bool CommitTree(const std::string& commit, git_oid* tree) {
  return commit.size() >= 5 + GIT_OID_HEXSZ && commit.compare(0, 5, "tree ") == 0 &&
         git::ParseOid(std::string_view(commit).substr(5, GIT_OID_HEXSZ), tree);
}

struct Walker {
  ObjectReader& reader;
  const HistoryWalkCallbacks& cb;
  OidSet trees;  // every tree id ever queued
  OidSet blobs;  // every blob id ever reported
  struct Pending {
    git_oid id;
    std::string dir;  // raw path of the tree, ending in '/' unless it is the root
  };
  std::vector<Pending> stack;

  void Unreadable(const git_oid& id, const char* kind, const git_oid& commit, std::string raw_path,
                  const Status& s) {
    if (!raw_path.empty() && raw_path.back() == '/') raw_path.pop_back();
    cb.unreadable(id, kind, commit, raw_path, s.code() == StatusCode::kNotFound, s.message());
  }

  void Commit(const git_oid& commit) {
    auto raw = reader.Read(commit, GIT_OBJECT_COMMIT);
    git_oid root;
    if (!raw.ok()) return Unreadable(commit, "commit", commit, "", raw.status());
    if (!CommitTree(**raw, &root))
      return Unreadable(commit, "commit", commit, "", Status::Corrupt("commit " + git::OidHex(commit) + " names no tree"));
    if (!trees.Insert(root)) return;
    stack.push_back({root, ""});
    while (!stack.empty()) {
      Pending t = std::move(stack.back());
      stack.pop_back();
      Tree(commit, t);
    }
  }

  // Tree entries: "<octal mode> <name>\0<20-byte id>", repeated.
  void Tree(const git_oid& commit, const Pending& t) {
    auto raw = reader.Read(t.id, GIT_OBJECT_TREE);
    if (!raw.ok()) return Unreadable(t.id, "tree", commit, t.dir, raw.status());
    const char* p = (*raw)->data();
    const char* end = p + (*raw)->size();
    while (p < end) {
      const char* space = static_cast<const char*>(std::memchr(p, ' ', static_cast<size_t>(end - p)));
      const char* nul = space ? static_cast<const char*>(std::memchr(space, '\0', static_cast<size_t>(end - space))) : nullptr;
      if (!nul || end - nul < 1 + GIT_OID_RAWSZ) {
        return Unreadable(t.id, "tree", commit, t.dir,
                          Status::Corrupt("tree " + git::OidHex(t.id) + " has a malformed entry"));
      }
      std::string_view mode(p, static_cast<size_t>(space - p));
      std::string_view name(space + 1, static_cast<size_t>(nul - space - 1));
      git_oid id;
      std::memcpy(id.id, nul + 1, GIT_OID_RAWSZ);
      p = nul + 1 + GIT_OID_RAWSZ;
      if (cb.name) cb.name(id, mode != "40000" && mode != "160000", commit, t.dir, name);
      if (mode == "40000") {
        if (trees.Insert(id)) stack.push_back({id, t.dir + std::string(name) + "/"});
      } else if (mode == "160000") {
        continue;  // gitlink: a commit of another repository
      } else if (blobs.Insert(id)) {
        cb.blob(id, commit, t.dir, name);
      }
    }
  }
};

}  // namespace

Status WalkHistory(const std::string& repo_path, const std::vector<std::shared_ptr<const PackIndex>>& packs,
                   const HistoryWalkCallbacks& callbacks, std::vector<ScanError>* errors) {
  auto repo = git::OpenRepository(repo_path);
  if (!repo.ok()) return repo.status();
  git_repository* r = repo->get();
  git_odb* raw_odb = nullptr;
  int rc = git_repository_odb(&raw_odb, r);
  if (rc != 0) return git::GitStatus(rc, "cannot open object database of " + repo_path);
  git::Odb odb(raw_odb);
  auto walk = git::NewOldestFirstWalk(r, repo_path);
  if (!walk.ok()) return walk.status();
  git::PushEveryRef(r, walk->get(), /*hide=*/false, errors);

  ObjectReader reader(packs, odb.get());
  Walker w{reader, callbacks, {}, {}, {}};
  git_oid id;
  while ((rc = git_revwalk_next(&id, walk->get())) == 0) w.Commit(id);
  if (rc != GIT_ITEROVER) {
    ScanError e;
    e.message = git::GitStatus(rc, "commit walk stopped early").message();
    errors->push_back(std::move(e));
  }
  return Status::Ok();
}

}  // namespace cg
