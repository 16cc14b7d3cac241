// Shared body of the container-reader fuzz targets (reader_fuzzer.cc) and of the regression test that
// replays tests/fuzz/regressions: the input is the document's bytes. The reader expands it with tight
// limits; every child is read to its end (tables are touched), as the engine would. Crashes, leaks, hangs
// and ASan reports are the findings; returned errors are expected.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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

namespace cg::fuzz {

// The reader a container target fuzzes and the document name it reads, or nullopt for an unknown target.
// text_tables has no reader (the pure parsers are fuzzed): a null reader.
struct ContainerTarget {
  std::unique_ptr<ContentReader> reader;
  const char* doc_name = nullptr;
};

inline std::optional<ContainerTarget> MakeContainerTarget(std::string_view target) {
  auto decompress = [](FileType t, Codec c, const char* label, const char* name) {
    return ContainerTarget{std::make_unique<DecompressReader>(t, c, label, ""), name};
  };
  if (target == "gzip") return decompress(FileType::kGzip, Codec::kGzip, "gzip", "x.csv.gz");
  if (target == "bgzf") return decompress(FileType::kBgzf, Codec::kGzip, "bgzf", "x.vcf.bgz");
  if (target == "zstd") return decompress(FileType::kZstd, Codec::kZstd, "zstd", "x.csv.zst");
  if (target == "xz") return decompress(FileType::kXz, Codec::kXz, "xz", "x.csv.xz");
  if (target == "bzip2") return decompress(FileType::kBzip2, Codec::kBzip2, "bzip2", "x.csv.bz2");
  if (target == "archive") return ContainerTarget{std::make_unique<ArchiveReader>(), "x.zip"};
  if (target == "xlsx") return ContainerTarget{std::make_unique<XlsxReader>(), "x.xlsx"};
  if (target == "ods") return ContainerTarget{std::make_unique<OdsReader>(), "x.ods"};
  if (target == "notebook") return ContainerTarget{std::make_unique<NotebookReader>(), "x.ipynb"};
  if (target == "html") return ContainerTarget{std::make_unique<HtmlReader>(), "x.html"};
  if (target == "json_records") return ContainerTarget{std::make_unique<JsonRecordsReader>(), "x.jsonl"};
  if (target == "fhir") return ContainerTarget{std::make_unique<FhirReader>(), "x.json"};
  if (target == "odm") return ContainerTarget{std::make_unique<OdmReader>(), "x.xml"};
  if (target == "utf16") return ContainerTarget{std::make_unique<UnicodeTextReader>(), "x.csv"};
  if (target == "text_tables") return ContainerTarget{};
  return std::nullopt;
}

inline size_t TouchContainerTable(const TableView& t) {
  size_t n = t.header.size();
  for (const auto& row : t.rows)
    for (const auto& cell : row) n += cell.size();
  return n;
}

inline volatile size_t g_container_sink;  // keeps the reads from being optimised away

// Runs one input through the target; returns the reader's status (Ok for text_tables).
inline Status RunContainerTarget(ContainerTarget& target, std::string_view bytes) {
  if (!target.reader) {
    size_t sink = 0;
    if (auto t = ParseFixedWidthTable(bytes)) sink += TouchContainerTable(*t);
    for (const auto& t : ParseMarkdownTables(bytes)) sink += TouchContainerTable(t);
    for (const auto& t : ParseKnitrOutputs(bytes)) sink += TouchContainerTable(t);
    g_container_sink = sink;
    return Status::Ok();
  }
  ContentLimits limits;
  limits.max_total_bytes = 64 << 20;
  limits.max_held_bytes = 64 << 20;
  limits.ratio_min_bytes = 1 << 20;
  limits.max_members = 1000;
  limits.max_line_length = 1 << 20;
  ContentBudget budget;
  Document doc(Origin{target.doc_name, "", "", "", ""}, target.doc_name, std::make_unique<ViewStream>(bytes));
  std::vector<char> buf(1 << 16);
  size_t sink = 0;
  Status status = target.reader->Expand(doc, limits, budget, [&](Document& child) -> Status {
    if (child.table()) sink += TouchContainerTable(*child.table());
    for (;;) {
      auto r = child.Read(buf.data(), buf.size());
      if (!r.ok()) return r.status();
      if (*r == 0) return Status::Ok();
      sink += *r;
    }
  });
  g_container_sink = sink;
  return status;
}

}  // namespace cg::fuzz
