#include "content/json_records_reader.h"

#include <simdjson.h>

#include <vector>

#include "content/bounded_lines.h"
#include "content/json_text.h"
#include "content/record_table.h"
#include "content/table_sample.h"

namespace cg {
namespace {

// One flat JSON object as a record; nested values are kept as compact JSON text.
Record ObjectRecord(simdjson::dom::object obj) {
  Record r;
  for (auto field : obj) {
    if (r.size() >= kMaxColumns) break;
    r.emplace_back(std::string(field.key), JsonCellText(field.value));
  }
  return r;
}

Status ExpandArray(Document& doc, const ContentLimits& limits, const EmitFn& emit) {
  auto text = ReadBounded(doc, std::min<uint64_t>(kMaxJsonArrayBytes, limits.max_held_bytes), "JSON array");
  if (!text.ok()) return text.status();
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto err = parser.parse(*text).get(root)) return Status::Corrupt(std::string("invalid JSON: ") + simdjson::error_message(err));
  simdjson::dom::array arr;
  if (root.get_array().get(arr) || arr.size() == 0) return Status::Ok();
  RecordTable table;
  for (simdjson::dom::element e : arr) {
    simdjson::dom::object obj;
    if (e.get_object().get(obj)) return Status::Ok();  // not an array of records
    table.Add(ObjectRecord(obj));
  }
  Document child(doc.origin(), doc.name(), table.Finish("json"), doc.depth() + 1);
  return emit(child);
}

Status ExpandLines(Document& doc, const ContentLimits& limits, const EmitFn& emit) {
  simdjson::dom::parser parser;
  RecordTable table;
  uint64_t skipped_long = 0, invalid = 0;
  // The line callback says false when a first line is not a JSON object: this is not JSON lines.
  auto read = ForEachBoundedLine(doc, limits.max_line_length, [&](std::string_view text, bool overlong) {
    std::string_view l = Trim(text);
    if (overlong) {
      ++skipped_long;
      table.CountOnly();
    } else if (!l.empty()) {
      if (l.substr(0, 3) == "\xef\xbb\xbf") l.remove_prefix(3);
      simdjson::dom::object obj;
      if (table.sample_full()) {
        table.CountOnly();  // past the sample, rows are counted, not parsed
      } else if (parser.parse(l.data(), l.size(), true).get_object().get(obj)) {
        if (table.empty()) return false;
        ++invalid;
        table.CountOnly();
      } else {
        table.Add(ObjectRecord(obj));
      }
    }
    return true;
  });
  if (!read.ok()) return read.status();
  if (!*read || table.empty()) return Status::Ok();
  Document child(doc.origin(), doc.name(), table.Finish("jsonl"), doc.depth() + 1);
  Status s = emit(child);
  if (!s.ok()) return s;
  if (skipped_long > 0)
    return Status::LimitExceeded(std::to_string(skipped_long) + " JSON lines longer than " +
                                 std::to_string(limits.max_line_length) + " bytes were counted, not parsed");
  if (invalid > 0) return Status::Corrupt(std::to_string(invalid) + " JSON lines are not valid JSON objects");
  return Status::Ok();
}

}  // namespace

Status JsonRecordsReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& /*budget*/,
                                 const EmitFn& emit) {
  auto head = doc.Peek(4096);
  if (!head.ok()) return head.status();
  std::string_view h = Trim(*head);
  if (h.substr(0, 3) == "\xef\xbb\xbf") h = Trim(h.substr(3));
  if (h.empty()) return Status::Ok();
  if (h[0] == '[') return ExpandArray(doc, limits, emit);
  if (h[0] == '{') return ExpandLines(doc, limits, emit);
  return Status::Ok();
}

}  // namespace cg
