#include "content/xml_stream_parser.h"

#include <algorithm>
#include <climits>

namespace cg {
namespace {

std::string_view Local(const char* name) {
  std::string_view n(name);
  size_t bar = n.rfind('|');
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

}  // namespace

XmlStreamParser::XmlStreamParser() : p_(XML_ParserCreateNS(nullptr, '|')) {
  XML_SetUserData(p_, this);
  XML_SetElementHandler(
      p_,
      [](void* self, const XML_Char* name, const XML_Char** attrs) {
        auto* x = static_cast<XmlStreamParser*>(self);
        if (++x->depth_ > kMaxXmlDepth) {
          x->too_deep_ = true;
          XML_StopParser(x->p_, XML_FALSE);
          return;
        }
        x->Start(Local(name), attrs);
      },
      [](void* self, const XML_Char* name) {
        auto* x = static_cast<XmlStreamParser*>(self);
        --x->depth_;
        x->End(Local(name));
      });
  XML_SetCharacterDataHandler(p_, [](void* self, const XML_Char* s, int len) {
    static_cast<XmlStreamParser*>(self)->Text(std::string_view(s, static_cast<size_t>(len)));
  });
}

XmlStreamParser::~XmlStreamParser() { XML_ParserFree(p_); }

Status XmlStreamParser::Feed(std::string_view chunk, bool last, const std::string& what) {
  do {
    size_t n = std::min<size_t>(chunk.size(), INT_MAX / 2);
    bool final_piece = last && n == chunk.size();
    if (XML_Parse(p_, chunk.data(), static_cast<int>(n), final_piece) == XML_STATUS_ERROR) {
      if (too_deep_)
        return Status::LimitExceeded(what + ": elements nested deeper than " + std::to_string(kMaxXmlDepth) +
                                     " levels at line " + std::to_string(XML_GetCurrentLineNumber(p_)) + ": not read further");
      return Status::Corrupt(what + ": malformed XML at line " + std::to_string(XML_GetCurrentLineNumber(p_)) + ": " +
                             XML_ErrorString(XML_GetErrorCode(p_)));
    }
    chunk.remove_prefix(n);
  } while (!chunk.empty());
  return Status::Ok();
}

const char* XmlStreamParser::Attr(const char** attrs, std::string_view local) {
  for (size_t i = 0; attrs[i]; i += 2)
    if (Local(attrs[i]) == local) return attrs[i + 1];
  return nullptr;
}

}  // namespace cg
