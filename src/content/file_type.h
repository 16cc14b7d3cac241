// FileType: what a document's bytes are, sniffed from magic bytes first and name second.
#pragma once

#include <string_view>

namespace cg {

enum class FileType {
  kUnknownBinary,  // skipped, counted
  kText,           // delimited tables, code, notebooks-as-text, ...
  kWideText,       // UTF-16 / UTF-32 text, transcoded to UTF-8 and sniffed again
  kGzip, kBgzf, kZstd, kXz, kBzip2,
  kZip, kTar, k7z, kRar,
  kXlsx, kOds, kXls,
  kNotebook, kHtml,
  kStataDta, kSpssSav, kSas7bdat, kSasXport, kRds, kRData,
  kParquet, kArrowIpc,
  kHdf5, kMat, kPickle,
  kVcf, kBcf,
  kBgen, kPlinkBed, kPgen,  // genotype matrices: BGEN, PLINK 1 .bed, PLINK 2 .pgen
  kJson,
  kFhir,           // JSON or NDJSON of FHIR resources ("resourceType" near the start)
  kOdm,            // CDISC ODM XML (REDCap XML exports): an <ODM> root element
  kSqlite,
  kGitLfsPointer,
};

const char* FileTypeName(FileType t);

// `head` is the first bytes of the document (at least 4 KiB when available); `name` is the
// innermost file name. Pure function; thread-safe.
// Text may hold stray NUL bytes (up to 1% of the first 8000 bytes, or 4; any number when the name
// says text and the other bytes are text): a NUL is not an evasion. The engine strips them.
FileType SniffFileType(std::string_view head, std::string_view name);

// The name says text that holds tables or secrets (.csv, .tsv, .txt, .json, .ipynb, .html, ...):
// when its content is binary all the same, that is an error naming the file, never a clean pass.
bool NamedAsText(std::string_view name);

}  // namespace cg
