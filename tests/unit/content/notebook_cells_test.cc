#include "content/notebook_cells.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cg {
namespace {

// Hands out `step` bytes per Read, so every structure crosses chunk ends somewhere.
class SmallReads : public ByteStream {
 public:
  SmallReads(std::string data, size_t step) : data_(std::move(data)), step_(step) {}
  Expected<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min({n, step_, data_.size() - pos_});
    data_.copy(buf, k, pos_);
    pos_ += k;
    return k;
  }

 private:
  std::string data_;
  size_t step_, pos_ = 0;
};

struct Split {
  Status status;
  std::vector<NotebookCell> cells;
  std::vector<std::string> texts;
};

Split Cells(const std::string& nb, size_t step = 1 << 16) {
  SmallReads in(nb, step);
  Split s;
  s.status = ForEachNotebookCell(in, [&](const NotebookCell& c) {
    s.cells.push_back(c);
    s.texts.emplace_back(c.json);
    return Status::Ok();
  });
  return s;
}

TEST(NotebookCells, EachObjectOfCellsIsHandedOnWithItsIndex) {
  const std::string nb = R"({"metadata": {"cells": [1]}, "cells": [ {"a": "}]\"{", "b": [1, {"c": 2}]}, 7, "x",
    {"cell_type": "code"} ], "nbformat": 4})";
  for (size_t step : {size_t{1}, size_t{3}, size_t{1 << 16}}) {
    Split s = Cells(nb, step);
    ASSERT_TRUE(s.status.ok()) << s.status.message();
    ASSERT_EQ(s.cells.size(), 2u) << step;
    EXPECT_EQ(s.cells[0].index, 0u);
    EXPECT_EQ(s.texts[0], R"({"a": "}]\"{", "b": [1, {"c": 2}]})");
    EXPECT_EQ(s.cells[1].index, 3u) << "the scalar elements 7 and \"x\" are counted";
    EXPECT_EQ(s.texts[1], R"({"cell_type": "code"})");
  }
}

TEST(NotebookCells, LongStringsAreCutAtACharacterAndOnlyNonImagesAreCounted) {
  std::string image(kMaxCellString + 100, 'A');
  std::string text;
  while (text.size() < kMaxCellString + 10) text += "\xc3\xa9\\u00e9\\n";  // é, an escape, a newline escape
  const std::string nb = "{\"cells\": [{\"data\": {\"image/png\": \"" + image + "\", \"text/plain\": [\"" + text +
                         "\"]}}]}";
  Split s = Cells(nb);
  ASSERT_TRUE(s.status.ok()) << s.status.message();
  ASSERT_EQ(s.cells.size(), 1u);
  EXPECT_EQ(s.cells[0].cut_strings, 1u) << "the image is cut silently, the text is counted";
  EXPECT_LT(s.texts[0].size(), 2 * kMaxCellString + 200);
  // The cut text is still JSON whose strings end on whole characters and escapes.
  const std::string& t = s.texts[0];
  size_t start = t.find("[\"") + 2, end = t.find("\"]", start);
  ASSERT_NE(end, std::string::npos);
  std::string kept = t.substr(start, end - start);
  EXPECT_GE(kept.size(), kMaxCellString);
  EXPECT_NE(kept.back(), '\\');
  EXPECT_NE(static_cast<unsigned char>(kept.back()) & 0xC0, 0x80u) << "no cut inside é";
}

TEST(NotebookCells, TextThatIsNoNotebookIsCorrupt) {
  for (const std::string& nb : {std::string("{"), std::string("not json"), std::string("{\"cells\": 3}"),
                                std::string(2000, '['), std::string("{\"cells\": [{}]} trailing"),
                                std::string("{\"cells\": [{]}"), std::string("")}) {
    Split s = Cells(nb);
    EXPECT_FALSE(s.status.ok()) << nb.substr(0, 30);
    EXPECT_EQ(s.status.code(), StatusCode::kCorrupt) << nb.substr(0, 30);
  }
}

}  // namespace
}  // namespace cg
