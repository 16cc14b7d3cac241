// XmlStreamParser: expat (Debian libexpat1-dev) fed chunk by chunk, reporting element local
// names (namespace prefixes stripped) so that `x:row` and `row` read alike. Used for the XML
// parts of xlsx and ods, which can be hundreds of MB and are never held whole.
// Expat does not fetch external entities and bounds entity amplification ("billion laughs").
// Elements nested deeper than kMaxXmlDepth stop the parse (LimitExceeded): expat keeps every
// open element, so a 25 MB part of millions of nested tags would otherwise take gigabytes.
#pragma once

#include <expat.h>

#include <string>
#include <string_view>

#include "core/status.h"

namespace cg {

// Spreadsheet XML nests about ten deep.
inline constexpr int kMaxXmlDepth = 256;

class XmlStreamParser {
 public:
  XmlStreamParser();
  virtual ~XmlStreamParser();
  XmlStreamParser(const XmlStreamParser&) = delete;
  XmlStreamParser& operator=(const XmlStreamParser&) = delete;

  // Feeds the next chunk; `last` on the final one. Malformed XML is Corrupt naming line and
  // expat's message, prefixed with `what`.
  Status Feed(std::string_view chunk, bool last, const std::string& what);

 protected:
  // `attrs` alternates names and values, nullptr-terminated (expat's layout); names are
  // "namespace|local" for namespaced attributes.
  virtual void Start(std::string_view local, const char** attrs) = 0;
  virtual void End(std::string_view local) = 0;
  virtual void Text(std::string_view text) = 0;
  // The value of the attribute whose local name is `local`, or nullptr.
  static const char* Attr(const char** attrs, std::string_view local);

 private:
  XML_Parser p_;
  int depth_ = 0;
  bool too_deep_ = false;
};

}  // namespace cg
