// The table of content readers. Dispatch, `cohortguard rules list` and tests all read it.
#pragma once

#include <memory>
#include <vector>

#include "content/content_reader.h"

namespace cg {

// Every reader, in dispatch order (first that Accepts() a type wins). Built once; thread-safe.
const std::vector<std::unique_ptr<ContentReader>>& ContentReaders();

// The first reader that accepts `type`, or nullptr (plain text and unknown binaries).
ContentReader* FindReader(FileType type);

// Readers for compression, archives, spreadsheets, notebooks, HTML and JSON
// (content/container_readers.cc).
void AddContainerReaders(std::vector<std::unique_ptr<ContentReader>>* out);
// Readers for statistics-package files, columnar formats and genomics
// (content/structured_readers.cc).
void AddStructuredReaders(std::vector<std::unique_ptr<ContentReader>>* out);

}  // namespace cg
