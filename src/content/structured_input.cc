#include "content/structured_input.h"

#include <cmath>
#include <cstdio>

namespace cg {

Expected<std::string> BufferDocument(Document& doc, const ContentLimits& limits, const char* format) {
  auto data = ReadAll(doc, static_cast<size_t>(limits.max_held_bytes));
  if (!data.ok()) {
    if (data.status().code() == StatusCode::kLimitExceeded)
      return Status::LimitExceeded(std::string(format) + " file larger than --max-file-size (" +
                                   std::to_string(limits.max_held_bytes) +
                                   " bytes), the most a reader holds in memory: not read");
    return Status(data.status());
  }
  return data;
}

Document TableChild(const Document& parent, const std::string& member, TableView table) {
  Origin origin = member.empty() ? parent.origin() : ChildOrigin(parent.origin(), member);
  std::string name = member.empty() ? parent.name() : member;
  return Document(std::move(origin), std::move(name), std::move(table), parent.depth() + 1);
}

std::string FormatSampleNumber(double v) {
  if (std::isnan(v)) return "";
  char buf[64];
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string FormatSampleFloat(float v) {
  if (std::isnan(v) || !std::isfinite(v) || (v == std::floor(v) && std::fabs(v) < 1e7)) return FormatSampleNumber(v);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.7g", static_cast<double>(v));
  return buf;
}

}  // namespace cg
