#include "content/reader_registry.h"

namespace cg {

const std::vector<std::unique_ptr<ContentReader>>& ContentReaders() {
  static const auto* readers = [] {
    auto* v = new std::vector<std::unique_ptr<ContentReader>>();
    AddContainerReaders(v);
    AddStructuredReaders(v);
    return v;
  }();
  return *readers;
}

ContentReader* FindReader(FileType type) {
  for (const auto& r : ContentReaders())
    if (r->Accepts(type)) return r.get();
  return nullptr;
}

}  // namespace cg
