// RSerialization: a reader for R's XDR serialization format (versions 2 and 3), the payload of
// .rds files ("X\n" ...) and .RData files ("RDX2\n"/"RDX3\n" then "X\n" ...), after
// decompression. Written from the format's description in R's src/main/serialize.c.
//
// It builds a light object tree sized for table detection: every vector records its full length
// but keeps only its first `sample` values (attributes such as names and levels are kept whole),
// so memory stays close to the size of the input. Hostile input is bounded: declared lengths are
// checked against the bytes left, nesting is capped, and byte code / ASCII or native-binary
// serializations are refused with Unsupported. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace cg {

// SEXP type codes used by the readers (R's Rinternals.h numbering).
enum RType : int {
  kRNil = 0, kRSymbol = 1, kRPairList = 2, kREnvironment = 4, kRChar = 9, kRLogical = 10,
  kRInteger = 13, kRReal = 14, kRComplex = 15, kRString = 16, kRList = 19, kRRaw = 24,
  kROther = 99,  // closures, language objects, environments' placeholders ...
};

struct RObject {
  int type = kRNil;
  int64_t length = 0;                   // full length, even when values were not all kept
  std::vector<std::string> strings;     // kRString values kept (NA as ""); kRSymbol/kRChar: [name]
  std::vector<double> numbers;          // logical/integer/real values kept; NA as NaN
  std::vector<RObject> items;           // kRList elements; kRPairList values
  std::vector<std::string> tags;        // kRPairList tags (object names in .RData), "" if none
  // Attributes as parallel lists (a vector of pair<string, RObject> needs RObject complete).
  std::vector<std::string> attribute_names;
  std::vector<RObject> attribute_values;

  const RObject* Attribute(std::string_view name) const;
  // True when the "class" attribute contains `name`.
  bool Inherits(std::string_view name) const;
};

// Parses one serialized object: `data` starts with "X\n" (binary XDR). With `rdata` true, `data`
// must start with "RDX2\n" or "RDX3\n" and the result is the pairlist of saved objects.
// `sample` bounds the values kept per vector.
Expected<RObject> ParseRSerialization(std::string_view data, bool rdata, size_t sample);

}  // namespace cg
