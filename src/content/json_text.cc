#include "content/json_text.h"

#include <vector>

#include "content/inflation_guard.h"
#include "content/table_sample.h"

namespace cg {

std::string JsonCellText(simdjson::dom::element e) {
  using simdjson::dom::element_type;
  switch (e.type()) {
    case element_type::STRING: {
      std::string_view v;
      if (e.get_string().get(v)) return "";
      return std::string(v.substr(0, kMaxCellBytes));
    }
    case element_type::NULL_VALUE: return "";
    case element_type::BOOL: return e.get_bool().value_unsafe() ? "true" : "false";
    case element_type::INT64: return std::to_string(e.get_int64().value_unsafe());
    case element_type::UINT64: return std::to_string(e.get_uint64().value_unsafe());
    default: {
      std::string text = simdjson::minify(e);
      if (text.size() > kMaxCellBytes) text.resize(kMaxCellBytes);
      return text;
    }
  }
}

std::string JsonJoinedText(simdjson::dom::element e) {
  std::string_view v;
  if (!e.get_string().get(v)) return std::string(v);
  simdjson::dom::array parts;
  if (e.get_array().get(parts)) return "";
  std::string out;
  for (simdjson::dom::element p : parts)
    if (!p.get_string().get(v)) out += v;
  return out;
}

std::string JsonJoinedText(simdjson::simdjson_result<simdjson::dom::element> field) {
  simdjson::dom::element e;
  if (field.get(e)) return "";
  return JsonJoinedText(e);
}

Expected<std::string> ReadBounded(ByteStream& s, uint64_t limit, const char* what) {
  std::string out;
  std::vector<char> buf(1 << 16);
  for (;;) {
    auto r = s.Read(buf.data(), buf.size());
    if (!r.ok()) return r.status();
    if (*r == 0) return out;
    if (out.size() + *r > limit)
      return Status::LimitExceeded(std::string(what) + " larger than " + HumanBytes(limit) + ": not parsed");
    out.append(buf.data(), *r);
  }
}

}  // namespace cg
