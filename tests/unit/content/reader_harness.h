// Runs a document through the reader registry the way the scan engine does (sniff the head,
// FindReader, Expand) and collects the tables it emits. For the structured-reader tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "content/content_reader.h"
#include "content/file_type.h"
#include "content/reader_registry.h"
#include "core/document.h"

namespace cg::testing {

struct ExpandResult {
  FileType type = FileType::kUnknownBinary;
  const ContentReader* reader = nullptr;
  Status status;
  std::vector<TableView> tables;
  std::vector<std::string> members;  // Origin::member of each emitted table
};

inline ExpandResult ExpandBytes(std::string bytes, const std::string& name,
                                const ContentLimits& limits = ContentLimits()) {
  ExpandResult result;
  Document doc(Origin{name, "", "", "", ""}, name, std::make_unique<MemoryStream>(std::move(bytes)));
  auto head = doc.Peek(4096);
  if (!head.ok()) {
    result.status = head.status();
    return result;
  }
  result.type = SniffFileType(*head, name);
  ContentReader* reader = FindReader(result.type);
  result.reader = reader;
  if (!reader) {
    result.status = Status::Unsupported("no reader");
    return result;
  }
  ContentBudget budget;
  result.status = reader->Expand(doc, limits, budget, [&](Document& child) {
    if (child.table()) {
      result.tables.push_back(*child.table());
      result.members.push_back(child.origin().member);
    }
    return Status::Ok();
  });
  return result;
}

}  // namespace cg::testing
