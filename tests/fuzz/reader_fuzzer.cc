// One libFuzzer target per content reader: the input is the document's bytes. The reader
// expands it with tight limits; every child is read to its end (tables are touched), as the
// engine would. Crashes, leaks, hangs and ASan reports are the findings; returned errors are
// expected and ignored. Built once per reader with -DFUZZ_READER_<name>=1.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "content/archive_reader.h"
#include "content/decompress_reader.h"
#include "content/fhir_reader.h"
#include "content/html_reader.h"
#include "content/json_records_reader.h"
#include "content/knitr_outputs.h"
#include "content/notebook_reader.h"
#include "content/odm_reader.h"
#include "content/ods_reader.h"
#include "content/text_tables.h"
#include "content/unicode_text.h"
#include "content/xlsx_reader.h"

namespace {

std::unique_ptr<cg::ContentReader> MakeReader(const char** name) {
  using cg::Codec;
  using cg::FileType;
#if defined(FUZZ_READER_gzip)
  *name = "x.csv.gz";
  return std::make_unique<cg::DecompressReader>(FileType::kGzip, Codec::kGzip, "gzip", "");
#elif defined(FUZZ_READER_bgzf)
  *name = "x.vcf.bgz";
  return std::make_unique<cg::DecompressReader>(FileType::kBgzf, Codec::kGzip, "bgzf", "");
#elif defined(FUZZ_READER_zstd)
  *name = "x.csv.zst";
  return std::make_unique<cg::DecompressReader>(FileType::kZstd, Codec::kZstd, "zstd", "");
#elif defined(FUZZ_READER_xz)
  *name = "x.csv.xz";
  return std::make_unique<cg::DecompressReader>(FileType::kXz, Codec::kXz, "xz", "");
#elif defined(FUZZ_READER_bzip2)
  *name = "x.csv.bz2";
  return std::make_unique<cg::DecompressReader>(FileType::kBzip2, Codec::kBzip2, "bzip2", "");
#elif defined(FUZZ_READER_archive)
  *name = "x.zip";
  return std::make_unique<cg::ArchiveReader>();
#elif defined(FUZZ_READER_xlsx)
  *name = "x.xlsx";
  return std::make_unique<cg::XlsxReader>();
#elif defined(FUZZ_READER_ods)
  *name = "x.ods";
  return std::make_unique<cg::OdsReader>();
#elif defined(FUZZ_READER_notebook)
  *name = "x.ipynb";
  return std::make_unique<cg::NotebookReader>();
#elif defined(FUZZ_READER_html)
  *name = "x.html";
  return std::make_unique<cg::HtmlReader>();
#elif defined(FUZZ_READER_json_records)
  *name = "x.jsonl";
  return std::make_unique<cg::JsonRecordsReader>();
#elif defined(FUZZ_READER_fhir)
  *name = "x.json";
  return std::make_unique<cg::FhirReader>();
#elif defined(FUZZ_READER_odm)
  *name = "x.xml";
  return std::make_unique<cg::OdmReader>();
#elif defined(FUZZ_READER_utf16)
  *name = "x.csv";
  return std::make_unique<cg::UnicodeTextReader>();
#else
  *name = nullptr;  // text_tables: the pure parsers (text, Markdown, knitr outputs), no reader
  return nullptr;
#endif
}

size_t Touch(const cg::TableView& t) {
  size_t n = t.header.size();
  for (const auto& row : t.rows)
    for (const auto& cell : row) n += cell.size();
  return n;
}

volatile size_t g_sink;  // keeps the reads from being optimised away

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const char* name = nullptr;
  static std::unique_ptr<cg::ContentReader> reader = MakeReader(&name);
  static const char* doc_name = name;
  if (!reader) {
    size_t sink = 0;
    if (auto t = cg::ParseFixedWidthTable(bytes)) sink += Touch(*t);
    for (const auto& t : cg::ParseMarkdownTables(bytes)) sink += Touch(t);
    for (const auto& t : cg::ParseKnitrOutputs(bytes)) sink += Touch(t);
    g_sink = sink;
    return 0;
  }
  cg::ContentLimits limits;
  limits.max_total_bytes = 64 << 20;
  limits.max_held_bytes = 64 << 20;
  limits.ratio_min_bytes = 1 << 20;
  limits.max_members = 1000;
  limits.max_line_length = 1 << 20;
  cg::ContentBudget budget;
  cg::Document doc(cg::Origin{doc_name, "", "", "", ""}, doc_name, std::make_unique<cg::ViewStream>(bytes));
  std::vector<char> buf(1 << 16);
  size_t sink = 0;
  (void)reader->Expand(doc, limits, budget, [&](cg::Document& child) -> cg::Status {
    if (child.table()) sink += Touch(*child.table());
    for (;;) {
      auto r = child.Read(buf.data(), buf.size());
      if (!r.ok()) return r.status();
      if (*r == 0) return cg::Status::Ok();
      sink += *r;
    }
  });
  g_sink = sink;
  return 0;
}
