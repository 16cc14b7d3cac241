// PickleMachine: walks the opcodes of a Python pickle (protocols 0-5) and builds the object
// graph they describe as inert values, executing nothing.
//
// A pickle is a program for a stack machine whose REDUCE/NEWOBJ/BUILD opcodes call arbitrary
// Python callables; an unpickler runs them. Here they only record what would have been called:
// GLOBAL/STACK_GLOBAL give a Global value (module, name), REDUCE and NEWOBJ a Call value
// (callable, arguments) and BUILD attaches its state to that Call. Strings and bytes are views
// into the pickle; lists, tuples, dicts and sets are containers of value ids. Nothing is
// imported, looked up or called, so a malicious pickle is just data. Bounded: at most
// kMaxPickleValues values and kMaxPickleSlots container slots (about 40 MB), otherwise
// LimitExceeded. Not thread-safe; one machine per pickle.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace cg {

inline constexpr size_t kMaxPickleValues = 1u << 20;
inline constexpr size_t kMaxPickleSlots = 4u << 20;

enum class PickleKind : uint8_t {
  kNone, kBool, kInt, kBigInt, kFloat, kStr, kBytes,
  kTuple, kList, kDict, kSet,
  kGlobal,  // a: module (kStr), b: name (kStr)
  kCall,    // a: callable, b: arguments (kTuple), c: state from BUILD (kNoValue when none)
  kOther,   // persistent ids, extension codes, out-of-band buffers
};

inline constexpr uint32_t kNoValue = 0xffffffffu;

struct PickleValue {
  PickleKind kind = PickleKind::kNone;
  uint32_t a = kNoValue, b = kNoValue, c = kNoValue;  // kStr/kBytes: a offset, b length
  union {
    int64_t i;
    double d;
  };
  PickleValue() : i(0) {}
};

class PickleMachine {
 public:
  // Runs `data` (which must outlive the machine) to its STOP opcode.
  Status Run(std::string_view data);

  uint32_t root() const { return root_; }
  // The value `id`; a None value for an id that names none (kNoValue, out of range).
  const PickleValue& at(uint32_t id) const { return valid(id) ? values_[id] : none_; }
  bool valid(uint32_t id) const { return id < values_.size(); }
  // The text of a kStr or kBytes value ("" otherwise).
  std::string_view text(uint32_t id) const;
  // The items of a container value (empty otherwise); dicts alternate key, value.
  const std::vector<uint32_t>& items(uint32_t id) const;
  // "module.name" when `id` is a Global, else "".
  std::string global_name(uint32_t id) const;

 private:
  uint32_t Add(PickleValue v);
  uint32_t AddText(PickleKind kind, std::string_view s);
  uint32_t AddContainer(PickleKind kind, std::vector<uint32_t> items);

  std::string_view data_;
  std::vector<PickleValue> values_;
  std::vector<std::vector<uint32_t>> containers_;
  size_t slots_ = 0;
  uint32_t root_ = kNoValue;
  PickleValue none_;
};

}  // namespace cg
