// Source: where items come from (working tree, git index, commit range, object database,
// mirrors). Sources know git; nothing downstream does.
//
// The engine calls Enumerate() once, then hands items to worker threads in small batches; each
// worker calls NewReader() once and opens its items through it (one git_repository per worker).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/byte_stream.h"
#include "core/finding.h"
#include "core/status.h"

namespace cg {

struct Item {
  Origin origin;
  std::string key;        // what the reader opens: a file system path or a blob id
  int64_t size = -1;      // when known
  // Only its path is checked (for secrets in names): its content was listed under another path
  // already, or is known clean. Not read.
  bool listed_only = false;
};

class ItemReader {
 public:
  virtual ~ItemReader() = default;
  virtual Expected<std::unique_ptr<ByteStream>> Open(const Item& item) = 0;
};

class Source {
 public:
  virtual ~Source() = default;
  // Lists every item. Problems that lose part of the listing go into `errors`; a returned error
  // status means nothing could be listed (exit 3).
  virtual Status Enumerate(std::vector<Item>* items, std::vector<ScanError>* errors) = 0;
  // Called once per worker thread.
  virtual Expected<std::unique_ptr<ItemReader>> NewReader() = 0;
  // After detection: fill in what only the source knows in each origin the scan reported (a
  // finding's, an error's, a skipped entry's, an explanation's; e.g. the commit and path that
  // first introduced a blob), then add the source's own errors to `errors` (some of the origins
  // may point into it). Default: nothing.
  virtual Status Finish(const std::vector<Origin*>& /*origins*/, std::vector<ScanError>* /*errors*/) {
    return Status::Ok();
  }
  // After Finish: paths no item carried whose names must still be checked for secrets (a
  // history scan's items are blob ids: it hands over every name its walk met). Default: none.
  virtual std::vector<Origin> TakeNames() { return {}; }
  // Counted in stats as "blobs" (git) or "files" (file system).
  virtual bool items_are_blobs() const { return false; }
};

}  // namespace cg
