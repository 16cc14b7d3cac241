// Registration of compression, archive, spreadsheet, notebook, HTML, JSON, FHIR and ODM readers.
// Each reader lives in its own file; this list is the only place that names them all.
#include "content/archive_reader.h"
#include "content/decompress_reader.h"
#include "content/fhir_reader.h"
#include "content/html_reader.h"
#include "content/json_records_reader.h"
#include "content/notebook_reader.h"
#include "content/odm_reader.h"
#include "content/ods_reader.h"
#include "content/reader_registry.h"
#include "content/unicode_text.h"
#include "content/xls_reader.h"
#include "content/xlsx_reader.h"

namespace cg {

void AddContainerReaders(std::vector<std::unique_ptr<ContentReader>>* out) {
  out->push_back(std::make_unique<DecompressReader>(FileType::kGzip, Codec::kGzip, "gzip",
                                                    "gzip, streamed (zlib); concatenated members too"));
  out->push_back(std::make_unique<DecompressReader>(FileType::kBgzf, Codec::kGzip, "bgzf",
                                                    "BGZF (bgzip, genomics), streamed (zlib)"));
  out->push_back(std::make_unique<DecompressReader>(FileType::kZstd, Codec::kZstd, "zstd", "zstd, streamed (libzstd)"));
  out->push_back(std::make_unique<DecompressReader>(FileType::kXz, Codec::kXz, "xz", "xz, streamed (liblzma)"));
  out->push_back(std::make_unique<DecompressReader>(FileType::kBzip2, Codec::kBzip2, "bzip2", "bzip2, streamed (libbz2)"));
  out->push_back(std::make_unique<UnicodeTextReader>());
  out->push_back(std::make_unique<ArchiveReader>());
  out->push_back(std::make_unique<XlsxReader>());
  out->push_back(std::make_unique<OdsReader>());
  out->push_back(std::make_unique<XlsReader>());
  out->push_back(std::make_unique<NotebookReader>());
  out->push_back(std::make_unique<HtmlReader>());
  out->push_back(std::make_unique<JsonRecordsReader>());
  out->push_back(std::make_unique<FhirReader>());
  out->push_back(std::make_unique<OdmReader>());
}

}  // namespace cg
