#include "source/git_cli_source.h"

#include <algorithm>
#include <cstdlib>

#include "source/git_command.h"

namespace cg {
namespace {

// Reads blobs by id (any length: 40 or 64 hex) from `git cat-file --batch`.
class CatFileReader : public ItemReader {
 public:
  explicit CatFileReader(std::unique_ptr<git::GitPipe> pipe) : pipe_(std::move(pipe)) {}

  Expected<std::unique_ptr<ByteStream>> Open(const Item& item) override {
    if (item.key.empty() || item.key.find_first_not_of("0123456789abcdef") != std::string::npos)
      return Status::InvalidArgument("not a blob id: " + item.key);
    if (Status s = pipe_->Write(item.key + "\n"); !s.ok()) return s;
    auto header = pipe_->ReadLine();
    if (!header.ok()) return Status::IoError("cannot read blob " + item.key + ": " + header.status().message());
    // "<id> <type> <size>" or "<id> missing"
    std::string rest = header->substr(std::min(header->size(), item.key.size() + 1));
    if (header->rfind(item.key + " ", 0) != 0) return Status::IoError("cannot read blob " + item.key + ": git said '" + *header + "'");
    if (rest == "missing") return Status::IoError("cannot read blob " + item.key + ": not in the object database");
    size_t space = rest.find(' ');
    if (space == std::string::npos) return Status::IoError("cannot read blob " + item.key + ": git said '" + *header + "'");
    std::string type = rest.substr(0, space);
    char* end = nullptr;
    std::string size_text = rest.substr(space + 1);
    size_t size = std::strtoull(size_text.c_str(), &end, 10);
    if (size_text.empty() || *end) return Status::IoError("cannot read blob " + item.key + ": git said '" + *header + "'");
    auto bytes = pipe_->ReadBytes(size + 1);  // and the '\n' after the content
    if (!bytes.ok()) return Status::IoError("cannot read blob " + item.key + ": " + bytes.status().message());
    bytes->pop_back();
    if (type != "blob") return Status::Corrupt("object " + item.key + " is a " + type + ", not a blob");
    return std::unique_ptr<ByteStream>(new MemoryStream(std::move(*bytes)));
  }

 private:
  std::unique_ptr<git::GitPipe> pipe_;
};

}  // namespace

Status GitCliSource::Enumerate(std::vector<Item>* items, std::vector<ScanError>* /*errors*/) {
  if (mode_ == GitScanMode::kStaged) return ListStagedWithGitBinary(items);
  return ListRangeWithGitBinary(revspec_, items);
}

Expected<std::unique_ptr<ItemReader>> GitCliSource::NewReader() {
  auto pipe = git::GitPipe::Start(repo_path_, {"cat-file", "--batch"});
  if (!pipe.ok()) return pipe.status();
  return std::unique_ptr<ItemReader>(new CatFileReader(std::move(*pipe)));
}

}  // namespace cg
