// FileType: what a document's bytes are, sniffed from magic bytes first and name second.
#pragma once

#include <string_view>

namespace cg {

enum class FileType {
  kUnknownBinary,  // skipped, counted
  kText,           // delimited tables, code, notebooks-as-text, ...
  kGzip, kBgzf, kZstd, kXz, kBzip2,
  kZip, kTar,
  kXlsx, kOds,
  kNotebook, kHtml,
  kStataDta, kSpssSav, kSas7bdat, kRds, kRData,
  kParquet, kArrowIpc,
  kVcf, kBcf,
  kJson,
  kSqlite,
  kGitLfsPointer,
};

const char* FileTypeName(FileType t);

// `head` is the first bytes of the document (at least 4 KiB when available); `name` is the
// innermost file name. Pure function; thread-safe.
FileType SniffFileType(std::string_view head, std::string_view name);

}  // namespace cg
