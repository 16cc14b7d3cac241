// JsonWriter: a small streaming JSON emitter with correct string escaping.
//
// Strings are written as UTF-8; bytes that are not valid UTF-8 (non-UTF-8 file names) are kept
// losslessly as "\\xNN" escapes in the text, so a path can always be recovered. Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out, bool pretty = true) : out_(out), pretty_(pretty) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view k);
  JsonWriter& String(std::string_view s);
  JsonWriter& NullableString(std::string_view s);  // "" → null
  JsonWriter& Int(int64_t v);
  JsonWriter& Double(double v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  JsonWriter& StringArray(const std::vector<std::string>& v);

 private:
  void BeforeValue();
  void Newline();
  std::ostream& out_;
  bool pretty_;
  std::vector<bool> first_;  // per open container: nothing written yet
  bool after_key_ = false;
};

// Escapes `s` for inclusion in a JSON string (without the quotes).
std::string JsonEscape(std::string_view s);

// Length of the valid UTF-8 sequence starting at s[i], or 0 when s[i] starts none.
size_t Utf8SequenceLength(std::string_view s, size_t i);

}  // namespace cg
