#include "content/pickle_machine.h"

#include <cstring>

namespace cg {
namespace {

const std::vector<uint32_t> kNoItems;

class Cursor {
 public:
  explicit Cursor(std::string_view d) : d_(d) {}
  size_t pos() const { return pos_; }
  bool Take(size_t n, std::string_view* out) {
    if (d_.size() - pos_ < n) return false;
    *out = d_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  bool Byte(uint8_t* out) {
    std::string_view s;
    if (!Take(1, &s)) return false;
    *out = static_cast<uint8_t>(s[0]);
    return true;
  }
  // Little-endian unsigned of `n` bytes (n <= 8).
  bool Unsigned(size_t n, uint64_t* out) {
    std::string_view s;
    if (!Take(n, &s)) return false;
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(s[i])) << (8 * i);
    *out = v;
    return true;
  }
  // A text-protocol argument: up to the next '\n', without it.
  bool Line(std::string_view* out) {
    size_t nl = d_.find('\n', pos_);
    if (nl == std::string_view::npos) return false;
    *out = d_.substr(pos_, nl - pos_);
    pos_ = nl + 1;
    return true;
  }

 private:
  std::string_view d_;
  size_t pos_ = 0;
};

bool ParseInt(std::string_view s, int64_t* out) {
  if (s == "00") return *out = 0, true;  // protocol 0 False
  if (s == "01") return *out = 1, true;  // protocol 0 True
  if (!s.empty() && s.back() == 'L') s.remove_suffix(1);
  bool neg = !s.empty() && s[0] == '-';
  if (neg || (!s.empty() && s[0] == '+')) s.remove_prefix(1);
  if (s.empty() || s.size() > 18) return false;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = neg ? -v : v;
  return true;
}

}  // namespace

std::string_view PickleMachine::text(uint32_t id) const {
  if (!valid(id)) return {};
  const PickleValue& v = values_[id];
  if (v.kind != PickleKind::kStr && v.kind != PickleKind::kBytes) return {};
  return data_.substr(v.a, v.b);
}

const std::vector<uint32_t>& PickleMachine::items(uint32_t id) const {
  if (!valid(id)) return kNoItems;
  const PickleValue& v = values_[id];
  switch (v.kind) {
    case PickleKind::kTuple: case PickleKind::kList: case PickleKind::kDict: case PickleKind::kSet:
      return containers_[v.a];
    default: return kNoItems;
  }
}

std::string PickleMachine::global_name(uint32_t id) const {
  if (!valid(id) || values_[id].kind != PickleKind::kGlobal) return "";
  return std::string(text(values_[id].a)) + "." + std::string(text(values_[id].b));
}

uint32_t PickleMachine::Add(PickleValue v) {
  if (values_.size() >= kMaxPickleValues) return kNoValue;
  values_.push_back(v);
  return static_cast<uint32_t>(values_.size() - 1);
}

uint32_t PickleMachine::AddText(PickleKind kind, std::string_view s) {
  PickleValue v;
  v.kind = kind;
  v.a = static_cast<uint32_t>(s.data() - data_.data());
  v.b = static_cast<uint32_t>(s.size());
  return Add(v);
}

uint32_t PickleMachine::AddContainer(PickleKind kind, std::vector<uint32_t> items) {
  slots_ += items.size();
  if (slots_ > kMaxPickleSlots) return kNoValue;
  PickleValue v;
  v.kind = kind;
  v.a = static_cast<uint32_t>(containers_.size());
  containers_.push_back(std::move(items));
  return Add(v);
}

Status PickleMachine::Run(std::string_view data) {
  if (data.size() >= 0xffffffffu) return Status::LimitExceeded("pickle larger than 4 GiB");
  data_ = data;
  Cursor in(data);
  std::vector<uint32_t> stack;
  std::vector<size_t> marks;
  std::vector<uint32_t> memo;
  auto too_big = [] {
    return Status::LimitExceeded("pickle holds more than " + std::to_string(kMaxPickleValues) +
                                 " objects or " + std::to_string(kMaxPickleSlots) + " list items: not read");
  };
  auto corrupt = [&](const std::string& what) {
    return Status::Corrupt("malformed pickle at byte " + std::to_string(in.pos()) + ": " + what);
  };
  auto push = [&](uint32_t id) -> bool {
    if (id == kNoValue) return false;
    stack.push_back(id);
    return true;
  };
  auto pop = [&](uint32_t* out) -> bool {
    if (stack.empty() || (!marks.empty() && stack.size() <= marks.back())) return false;
    *out = stack.back();
    stack.pop_back();
    return true;
  };
  // The items above the topmost mark, which is removed.
  auto pop_mark = [&](std::vector<uint32_t>* out) -> bool {
    if (marks.empty()) return false;
    size_t m = marks.back();
    marks.pop_back();
    out->assign(stack.begin() + static_cast<long>(m), stack.end());
    stack.resize(m);
    return true;
  };
  auto container_of = [&](uint32_t id, PickleKind want) -> std::vector<uint32_t>* {
    if (!valid(id)) return nullptr;
    const PickleValue& v = values_[id];
    if (v.kind != want && !(want == PickleKind::kSet && v.kind == PickleKind::kSet)) return nullptr;
    return &containers_[v.a];
  };
  auto add_slots = [&](size_t n) {
    slots_ += n;
    return slots_ <= kMaxPickleSlots;
  };
  auto memo_put = [&](uint64_t index) -> bool {
    if (stack.empty() || index >= kMaxPickleValues) return false;
    if (index >= memo.size()) memo.resize(index + 1, kNoValue);
    memo[index] = stack.back();
    return true;
  };
  auto memo_get = [&](uint64_t index) -> bool {
    if (index >= memo.size() || memo[index] == kNoValue) return false;
    stack.push_back(memo[index]);
    return true;
  };
  auto make_int = [&](int64_t i) {
    PickleValue v;
    v.kind = PickleKind::kInt;
    v.i = i;
    return Add(v);
  };

  for (;;) {
    uint8_t op;
    if (!in.Byte(&op)) return corrupt("ends before its STOP opcode (truncated)");
    std::string_view s;
    uint64_t n = 0;
    uint32_t x, y, z;
    std::vector<uint32_t> items;
    switch (op) {
      case 0x80:  // PROTO
        if (!in.Byte(reinterpret_cast<uint8_t*>(&op))) return corrupt("truncated PROTO");
        if (op > 5) return corrupt("unsupported protocol " + std::to_string(op));
        break;
      case 0x95:  // FRAME: a length hint only
        if (!in.Unsigned(8, &n)) return corrupt("truncated FRAME");
        break;
      case '.':  // STOP
        if (!pop(&root_)) return corrupt("STOP with an empty stack");
        return Status::Ok();
      case '(': marks.push_back(stack.size()); break;
      case '0':
        if (!pop(&x)) return corrupt("POP of an empty stack");
        break;
      case '1':
        if (!pop_mark(&items)) return corrupt("POP_MARK without a mark");
        break;
      case '2':
        if (stack.empty()) return corrupt("DUP of an empty stack");
        stack.push_back(stack.back());
        break;
      case 'N': if (!push(Add(PickleValue()))) return too_big(); break;
      case 0x88: case 0x89: {
        PickleValue v;
        v.kind = PickleKind::kBool;
        v.i = op == 0x88;
        if (!push(Add(v))) return too_big();
        break;
      }
      case 'J':
        if (!in.Unsigned(4, &n)) return corrupt("truncated BININT");
        if (!push(make_int(static_cast<int32_t>(static_cast<uint32_t>(n))))) return too_big();
        break;
      case 'K':
        if (!in.Unsigned(1, &n)) return corrupt("truncated BININT1");
        if (!push(make_int(static_cast<int64_t>(n)))) return too_big();
        break;
      case 'M':
        if (!in.Unsigned(2, &n)) return corrupt("truncated BININT2");
        if (!push(make_int(static_cast<int64_t>(n)))) return too_big();
        break;
      case 0x8a: case 0x8b: {  // LONG1, LONG4: little-endian two's complement
        if (!in.Unsigned(op == 0x8a ? 1 : 4, &n)) return corrupt("truncated LONG");
        if (!in.Take(n, &s)) return corrupt("truncated LONG");
        PickleValue v;
        v.kind = s.size() <= 8 ? PickleKind::kInt : PickleKind::kBigInt;
        if (s.size() <= 8) {
          uint64_t u = 0;
          for (size_t i = 0; i < s.size(); ++i) u |= static_cast<uint64_t>(static_cast<uint8_t>(s[i])) << (8 * i);
          if (!s.empty() && s.size() < 8 && (static_cast<uint8_t>(s.back()) & 0x80)) u |= ~0ull << (8 * s.size());
          v.i = static_cast<int64_t>(u);
        }
        if (!push(Add(v))) return too_big();
        break;
      }
      case 'I': case 'L': {
        if (!in.Line(&s)) return corrupt("unterminated INT");
        int64_t i = 0;
        PickleValue v;
        v.kind = ParseInt(s, &i) ? PickleKind::kInt : PickleKind::kBigInt;
        v.i = i;
        if (!push(Add(v))) return too_big();
        break;
      }
      case 'G': {
        if (!in.Unsigned(8, &n)) return corrupt("truncated BINFLOAT");
        uint64_t be = __builtin_bswap64(n);
        PickleValue v;
        v.kind = PickleKind::kFloat;
        std::memcpy(&v.d, &be, sizeof v.d);
        if (!push(Add(v))) return too_big();
        break;
      }
      case 'F': {
        if (!in.Line(&s)) return corrupt("unterminated FLOAT");
        PickleValue v;
        v.kind = PickleKind::kFloat;
        v.d = std::strtod(std::string(s).c_str(), nullptr);
        if (!push(Add(v))) return too_big();
        break;
      }
      case 'X': case 0x8c: case 0x8d:  // BINUNICODE, SHORT_BINUNICODE, BINUNICODE8
      case 'T': case 'U':              // BINSTRING, SHORT_BINSTRING (Python 2 str)
      case 'B': case 'C': case 0x8e: case 0x96: {  // BINBYTES, SHORT_BINBYTES, BINBYTES8, BYTEARRAY8
        size_t width = (op == 0x8c || op == 'U' || op == 'C') ? 1 : (op == 0x8d || op == 0x8e || op == 0x96) ? 8 : 4;
        if (!in.Unsigned(width, &n) || !in.Take(n, &s)) return corrupt("string runs past the end");
        bool is_text = op == 'X' || op == 0x8c || op == 0x8d || op == 'T' || op == 'U';
        if (!push(AddText(is_text ? PickleKind::kStr : PickleKind::kBytes, s))) return too_big();
        break;
      }
      case 'V': case 'S': {  // UNICODE (raw-unicode-escape), STRING (repr): kept as written
        if (!in.Line(&s)) return corrupt("unterminated string");
        if (op == 'S' && s.size() >= 2 && (s[0] == '\'' || s[0] == '"') && s.back() == s[0]) s = s.substr(1, s.size() - 2);
        if (!push(AddText(PickleKind::kStr, s))) return too_big();
        break;
      }
      case 0x97: case 'P': case 'Q': case 0x82: case 0x83: case 0x84: {
        // NEXT_BUFFER (out of band), PERSID, BINPERSID, EXT1/2/4: data not in the pickle.
        if (op == 'P' && !in.Line(&s)) return corrupt("unterminated PERSID");
        if (op == 'Q' && !pop(&x)) return corrupt("BINPERSID of an empty stack");
        if (op >= 0x82 && op <= 0x84 && !in.Unsigned(op == 0x82 ? 1 : op == 0x83 ? 2 : 4, &n))
          return corrupt("truncated EXT");
        PickleValue v;
        v.kind = PickleKind::kOther;
        if (!push(Add(v))) return too_big();
        break;
      }
      case 0x98: break;  // READONLY_BUFFER
      case ')': if (!push(AddContainer(PickleKind::kTuple, {}))) return too_big(); break;
      case ']': if (!push(AddContainer(PickleKind::kList, {}))) return too_big(); break;
      case '}': if (!push(AddContainer(PickleKind::kDict, {}))) return too_big(); break;
      case 0x8f: if (!push(AddContainer(PickleKind::kSet, {}))) return too_big(); break;
      case 0x85: case 0x86: case 0x87: {  // TUPLE1..3
        size_t k = op - 0x84u;
        if (stack.size() < k || (!marks.empty() && stack.size() - k < marks.back())) return corrupt("TUPLE of too few items");
        items.assign(stack.end() - static_cast<long>(k), stack.end());
        stack.resize(stack.size() - k);
        if (!push(AddContainer(PickleKind::kTuple, std::move(items)))) return too_big();
        break;
      }
      case 't': case 'l': case 'd': case 0x91: {  // TUPLE, LIST, DICT, FROZENSET from the mark
        if (!pop_mark(&items)) return corrupt("container without a mark");
        if (op == 'd' && items.size() % 2) return corrupt("DICT of an odd number of items");
        PickleKind kind = op == 't' ? PickleKind::kTuple : op == 'l' ? PickleKind::kList
                        : op == 'd' ? PickleKind::kDict : PickleKind::kSet;
        if (!push(AddContainer(kind, std::move(items)))) return too_big();
        break;
      }
      case 'a': case 'e': case 's': case 'u': case 0x90: {  // APPEND(S), SETITEM(S), ADDITEMS
        if (op == 'a') {
          if (!pop(&x)) return corrupt("APPEND of an empty stack");
          items.push_back(x);
        } else if (op == 's') {
          if (!pop(&y) || !pop(&x)) return corrupt("SETITEM of too few items");
          items = {x, y};
        } else if (!pop_mark(&items)) {
          return corrupt("APPENDS/SETITEMS without a mark");
        }
        if ((op == 'u') && items.size() % 2) return corrupt("SETITEMS of an odd number of items");
        if (stack.empty()) return corrupt("nothing to add items to");
        PickleKind want = (op == 'a' || op == 'e') ? PickleKind::kList : (op == 0x90) ? PickleKind::kSet : PickleKind::kDict;
        std::vector<uint32_t>* target = container_of(stack.back(), want);
        if (!target) {
          // Appending to an object (its extend/append would run): keep the items aside.
          if (!add_slots(items.size())) return too_big();
          break;
        }
        if (!add_slots(items.size())) return too_big();
        target->insert(target->end(), items.begin(), items.end());
        break;
      }
      case 'c': {  // GLOBAL module\nname\n
        std::string_view module, name;
        if (!in.Line(&module) || !in.Line(&name)) return corrupt("unterminated GLOBAL");
        PickleValue v;
        v.kind = PickleKind::kGlobal;
        v.a = AddText(PickleKind::kStr, module);
        v.b = AddText(PickleKind::kStr, name);
        if (v.a == kNoValue || v.b == kNoValue || !push(Add(v))) return too_big();
        break;
      }
      case 0x93: {  // STACK_GLOBAL
        if (!pop(&y) || !pop(&x)) return corrupt("STACK_GLOBAL of too few items");
        if (at(x).kind != PickleKind::kStr || at(y).kind != PickleKind::kStr) return corrupt("STACK_GLOBAL of non-strings");
        PickleValue v;
        v.kind = PickleKind::kGlobal;
        v.a = x;
        v.b = y;
        if (!push(Add(v))) return too_big();
        break;
      }
      case 'R': case 0x81: {  // REDUCE callable args, NEWOBJ cls args
        if (!pop(&y) || !pop(&x)) return corrupt("REDUCE/NEWOBJ of too few items");
        PickleValue v;
        v.kind = PickleKind::kCall;
        v.a = x;
        v.b = y;
        if (!push(Add(v))) return too_big();
        break;
      }
      case 0x92: {  // NEWOBJ_EX cls args kwargs
        if (!pop(&z) || !pop(&y) || !pop(&x)) return corrupt("NEWOBJ_EX of too few items");
        PickleValue v;
        v.kind = PickleKind::kCall;
        v.a = x;
        v.b = y;
        if (!push(Add(v))) return too_big();
        break;
      }
      case 'o': case 'i': {  // OBJ (mark cls args...), INST module\nname\n (mark args...)
        PickleValue g;
        if (op == 'i') {
          std::string_view module, name;
          if (!in.Line(&module) || !in.Line(&name)) return corrupt("unterminated INST");
          g.kind = PickleKind::kGlobal;
          g.a = AddText(PickleKind::kStr, module);
          g.b = AddText(PickleKind::kStr, name);
        }
        if (!pop_mark(&items)) return corrupt("OBJ/INST without a mark");
        if (op == 'o' && items.empty()) return corrupt("OBJ without a class");
        PickleValue v;
        v.kind = PickleKind::kCall;
        if (op == 'o') {
          v.a = items[0];
          items.erase(items.begin());
        } else {
          v.a = Add(g);
        }
        v.b = AddContainer(PickleKind::kTuple, std::move(items));
        if (v.a == kNoValue || v.b == kNoValue || !push(Add(v))) return too_big();
        break;
      }
      case 'b': {  // BUILD: the state goes onto the object
        if (!pop(&y) || stack.empty()) return corrupt("BUILD of too few items");
        PickleValue& obj = values_[stack.back()];
        if (obj.kind == PickleKind::kCall) obj.c = y;
        break;
      }
      case 'p':
        if (!in.Line(&s)) return corrupt("unterminated PUT");
        {
          int64_t i;
          if (!ParseInt(s, &i) || i < 0 || !memo_put(static_cast<uint64_t>(i))) return corrupt("bad PUT");
        }
        break;
      case 'q': case 'r':
        if (!in.Unsigned(op == 'q' ? 1 : 4, &n) || !memo_put(n)) return corrupt("bad BINPUT");
        break;
      case 0x94:
        if (!memo_put(memo.size())) return corrupt("MEMOIZE of an empty stack");
        break;
      case 'g':
        if (!in.Line(&s)) return corrupt("unterminated GET");
        {
          int64_t i;
          if (!ParseInt(s, &i) || i < 0 || !memo_get(static_cast<uint64_t>(i))) return corrupt("GET of an unset memo");
        }
        break;
      case 'h': case 'j':
        if (!in.Unsigned(op == 'h' ? 1 : 4, &n) || !memo_get(n)) return corrupt("BINGET of an unset memo");
        break;
      default: {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", op);
        return corrupt(std::string("unknown opcode ") + hex);
      }
    }
    if (stack.size() > kMaxPickleValues) return too_big();
  }
}

}  // namespace cg
