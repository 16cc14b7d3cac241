// The rule packs compiled into the binary (generated from rules/*.yaml at build time).
#pragma once

namespace cg {

struct EmbeddedRuleFile {
  const char* name;  // file name, e.g. "ukbiobank.yaml"; nullptr terminates the table
  const char* text;
};

extern const EmbeddedRuleFile kEmbeddedRuleFiles[];

}  // namespace cg
