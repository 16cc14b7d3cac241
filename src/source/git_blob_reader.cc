#include "source/git_blob_reader.h"

#include <string_view>

#include "source/pack_reader.h"

namespace cg {
namespace {

// Views the bytes of an ODB object it owns.
class OdbObjectStream : public ByteStream {
 public:
  explicit OdbObjectStream(git::OdbObject obj)
      : obj_(std::move(obj)),
        view_(std::string_view(static_cast<const char*>(git_odb_object_data(obj_.get())),
                               git_odb_object_size(obj_.get()))) {}
  Expected<size_t> Read(char* buf, size_t n) override { return view_.Read(buf, n); }
  int64_t SizeHint() const override { return view_.SizeHint(); }

 private:
  git::OdbObject obj_;
  ViewStream view_;
};

// Views a string shared with a PackReader's cache.
class SharedBytesStream : public ByteStream {
 public:
  explicit SharedBytesStream(std::shared_ptr<const std::string> bytes) : bytes_(std::move(bytes)), view_(*bytes_) {}
  Expected<size_t> Read(char* buf, size_t n) override { return view_.Read(buf, n); }
  int64_t SizeHint() const override { return view_.SizeHint(); }

 private:
  std::shared_ptr<const std::string> bytes_;
  ViewStream view_;
};

}  // namespace

GitBlobReader::GitBlobReader(git::Repository repo, git::Odb odb, std::shared_ptr<const PackedBlobLocations> packed)
    : repo_(std::move(repo)), odb_(std::move(odb)), packed_(std::move(packed)) {
  if (packed_) pack_readers_.resize(packed_->packs.size());
}

GitBlobReader::~GitBlobReader() = default;

Expected<std::unique_ptr<ItemReader>> GitBlobReader::Create(const std::string& repo_path,
                                                             std::shared_ptr<const PackedBlobLocations> packed) {
  auto repo = git::OpenRepository(repo_path);
  if (!repo.ok()) return repo.status();
  git_odb* odb = nullptr;
  int rc = git_repository_odb(&odb, repo->get());
  if (rc != 0) return git::GitStatus(rc, "cannot open object database of " + repo_path);
  return std::unique_ptr<ItemReader>(new GitBlobReader(std::move(*repo), git::Odb(odb), std::move(packed)));
}

Expected<std::unique_ptr<ByteStream>> GitBlobReader::Open(const Item& item) {
  git_oid oid;
  if (!git::ParseOid(item.key, &oid)) return Status::InvalidArgument("not a blob id: " + item.key);
  if (packed_) {
    auto it = packed_->where.find(oid);
    if (it != packed_->where.end()) {
      auto [pack, position] = it->second;
      auto& reader = pack_readers_[pack];
      if (!reader) reader = std::make_unique<PackReader>(packed_->packs[pack], kPackCacheBytes);
      auto bytes = reader->Read(position);
      if (bytes.ok()) return std::unique_ptr<ByteStream>(new SharedBytesStream(std::move(*bytes)));
      // Thin pack or damage: libgit2 either finds the object elsewhere or says what is wrong.
    }
  }
  return OpenThroughLibgit2(item.key, oid);
}

Expected<std::unique_ptr<ByteStream>> GitBlobReader::OpenThroughLibgit2(const std::string& key, const git_oid& oid) {
  git_odb_object* raw = nullptr;
  int rc = git_odb_read(&raw, odb_.get(), &oid);
  if (rc != 0) {
    Status s = git::GitStatus(rc, "cannot read blob " + key);
    // A missing object is a scan that could not complete, whatever libgit2 calls it.
    return Status::IoError(s.message());
  }
  git::OdbObject obj(raw);
  if (git_odb_object_type(raw) != GIT_OBJECT_BLOB) {
    return Status::Corrupt("object " + key + " is a " +
                           git_object_type2string(git_odb_object_type(raw)) + ", not a blob");
  }
  // Strict hash verification is off process-wide (it would hash every tree the walks read), so
  // what libgit2 hands over is checked here: a loose object file replaced by another valid object
  // would otherwise be scanned as the wrong content.
  git_oid actual;
  if (git_odb_hash(&actual, git_odb_object_data(raw), git_odb_object_size(raw), GIT_OBJECT_BLOB) == 0 &&
      !git_oid_equal(&actual, &oid)) {
    return Status::Corrupt("object " + key + " holds the content of blob " + git::OidHex(actual) +
                           " (a damaged or replaced object file; git fsck reports a hash mismatch): not scanned");
  }
  return std::unique_ptr<ByteStream>(new OdbObjectStream(std::move(obj)));
}

}  // namespace cg
