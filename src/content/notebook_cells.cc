#include "content/notebook_cells.h"

namespace cg {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class CellSplitter {
 public:
  explicit CellSplitter(const std::function<Status(const NotebookCell&)>& on_cell) : on_cell_(on_cell) {}

  Status Feed(std::string_view chunk) {
    for (size_t i = 0; i < chunk.size(); ++i) {
      const char c = chunk[i];
      if (in_string_) {
        i = String(chunk, i);
        continue;
      }
      if (IsSpace(c)) {
        Keep(c);
        continue;
      }
      if (Status s = Token(c); !s.ok()) return s;
    }
    return Status::Ok();
  }

  Status Finish() {
    if (!started_) return Invalid("the text is empty");
    if (!done_) return Invalid("it ends inside " + std::string(in_string_ ? "a string" : "an object or array"));
    if (!saw_cells_) return Status::Corrupt("not a Jupyter notebook: no \"cells\" array");
    return Status::Ok();
  }

 private:
  struct Level {
    bool object = false;
    bool expect_key = false;
  };

  static Status Invalid(const std::string& why) { return Status::Corrupt("invalid notebook JSON: " + why); }

  void Keep(char c) {
    if (!capturing_ || oversized_) return;
    if (cell_.size() >= kMaxCellBytes) {
      oversized_ = true;
      cell_.clear();
      cell_.shrink_to_fit();
      return;
    }
    cell_.push_back(c);
  }

  // Inside a string at chunk[i]: consumes up to the closing quote or the chunk's end, returns
  // the index of the last byte consumed.
  size_t String(std::string_view chunk, size_t i) {
    for (; i < chunk.size(); ++i) {
      const char c = chunk[i];
      if (escape_) {
        escape_ = false;
        if (c == 'u') hex_left_ = 4;
        KeepStringByte(c, true);
        continue;
      }
      if (hex_left_ > 0) {
        --hex_left_;
        KeepStringByte(c, true);
        continue;
      }
      if (c == '\\') {
        escape_ = true;
        KeepStringByte(c, false);
        continue;
      }
      if (c == '"') {
        in_string_ = false;
        Keep(c);
        EndString();
        return i;
      }
      KeepStringByte(c, false);
    }
    return i;
  }

  // A byte of a string's content. Past kMaxCellString the rest is cut, at a byte that starts
  // a character and is not inside an escape, so the kept text stays valid JSON and UTF-8.
  void KeepStringByte(char c, bool in_escape) {
    if (is_key_ && key_.size() < 64) key_.push_back(c);
    if (string_cut_) return;
    const bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
    if (string_bytes_ >= kMaxCellString && !in_escape && c != '\\' && !continuation) {
      string_cut_ = true;
      if (capturing_ && last_key_.rfind("image/", 0) != 0) ++cut_strings_;
      return;
    }
    ++string_bytes_;
    Keep(c);
  }

  void EndString() {
    if (is_key_) {
      last_key_ = key_;
      if (stack_.size() == 1 && key_ == "cells") cells_key_ = true;
      stack_.back().expect_key = false;
    }
  }

  Status Token(char c) {
    if (!started_) {
      started_ = true;
      if (c != '{') return Invalid("a notebook is a JSON object");
    } else if (stack_.empty()) {
      return Invalid("text after the top-level object");
    }
    // The first byte of an element of "cells": an object is captured, anything else counted.
    if (cells_depth_ > 0 && stack_.size() == cells_depth_ && element_expected_ && c != ']' && c != ',') {
      element_expected_ = false;
      ++elements_;
      if (c == '{') StartCell();
    }
    switch (c) {
      case '{':
      case '[': {
        if (stack_.size() >= kMaxNotebookDepth) return Invalid("nested deeper than " + std::to_string(kMaxNotebookDepth) + " levels");
        if (stack_.size() == 1 && cells_key_) {
          cells_key_ = false;
          if (c == '[') {
            saw_cells_ = true;
            cells_depth_ = 2;
            element_expected_ = true;
          }
        }
        Keep(c);
        stack_.push_back({c == '{', c == '{'});
        return Status::Ok();
      }
      case '}':
      case ']': {
        if (stack_.back().object != (c == '}')) return Invalid("mismatched brackets");
        Keep(c);
        stack_.pop_back();
        if (capturing_ && stack_.size() == cells_depth_) {
          if (Status s = EndCell(); !s.ok()) return s;
        }
        if (cells_depth_ > 0 && stack_.size() < cells_depth_) cells_depth_ = 0;  // the array closed
        if (stack_.empty()) done_ = true;
        return Status::Ok();
      }
      case '"':
        if (stack_.size() == 1 && !stack_.back().expect_key) cells_key_ = false;  // "cells": "x"
        in_string_ = true;
        is_key_ = stack_.back().object && stack_.back().expect_key;
        key_.clear();
        string_bytes_ = 0;
        string_cut_ = false;
        Keep(c);
        return Status::Ok();
      case ',':
        if (stack_.back().object) stack_.back().expect_key = true;
        if (cells_depth_ > 0 && stack_.size() == cells_depth_) element_expected_ = true;
        Keep(c);
        return Status::Ok();
      case ':':
        Keep(c);
        return Status::Ok();
      default:
        // Literals and numbers.
        if (stack_.size() == 1) cells_key_ = false;
        Keep(c);
        return Status::Ok();
    }
  }

  void StartCell() {
    capturing_ = true;
    oversized_ = false;
    cut_strings_ = 0;
    cell_.clear();
  }

  Status EndCell() {
    capturing_ = false;
    NotebookCell cell;
    cell.index = elements_ - 1;
    cell.oversized = oversized_;
    cell.cut_strings = cut_strings_;
    if (!oversized_) cell.json = cell_;
    Status s = on_cell_(cell);
    cell_.clear();
    if (cell_.capacity() > (1u << 20)) cell_.shrink_to_fit();
    return s;
  }

  const std::function<Status(const NotebookCell&)>& on_cell_;
  std::vector<Level> stack_;
  bool started_ = false, done_ = false;
  bool in_string_ = false, escape_ = false, is_key_ = false, string_cut_ = false;
  int hex_left_ = 0;
  size_t string_bytes_ = 0;
  std::string key_, last_key_;
  bool cells_key_ = false, saw_cells_ = false;
  size_t cells_depth_ = 0;  // stack depth inside the "cells" array, 0 outside it
  bool element_expected_ = false;  // in "cells", the next value is a new element
  size_t elements_ = 0;            // elements of "cells" begun
  bool capturing_ = false, oversized_ = false;
  size_t cut_strings_ = 0;
  std::string cell_;
};

}  // namespace

Status ForEachNotebookCell(ByteStream& in, const std::function<Status(const NotebookCell&)>& on_cell) {
  CellSplitter splitter(on_cell);
  std::vector<char> buf(1 << 16);
  for (;;) {
    auto r = in.Read(buf.data(), buf.size());
    if (!r.ok()) return r.status();
    if (*r == 0) break;
    if (Status s = splitter.Feed(std::string_view(buf.data(), *r)); !s.ok()) return s;
  }
  return splitter.Finish();
}

}  // namespace cg
