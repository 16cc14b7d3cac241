#include "detect/id_set.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "policy/fingerprint.h"

namespace cg {
namespace {

constexpr char kMagic[8] = {'C', 'G', 'I', 'D', 'S', 'E', 'T', '\x01'};
constexpr size_t kHeader = 32;
constexpr size_t kMaxLabel = 256;
constexpr std::string_view kKeyCheckText = "cohortguard idset key check v1";

void PutU32(std::string& out, uint32_t v) {
  for (int i = 3; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void PutU64(std::string& out, uint64_t v) {
  for (int i = 7; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
uint64_t GetBE(const char* p, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::string_view NormaliseId(std::string_view cell) {
  while (!cell.empty() && IsBlank(cell.front())) cell.remove_prefix(1);
  while (!cell.empty() && IsBlank(cell.back())) cell.remove_suffix(1);
  if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') {
    cell.remove_prefix(1);
    cell.remove_suffix(1);
    while (!cell.empty() && IsBlank(cell.front())) cell.remove_prefix(1);
    while (!cell.empty() && IsBlank(cell.back())) cell.remove_suffix(1);
  }
  return cell;
}

Expected<std::string> ReadIdSetKey(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("cannot read key file " + path);
  std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!key.empty() && IsBlank(key.back())) key.pop_back();
  if (key.size() < 16)
    return Status::InvalidArgument("key file " + path + " holds " + std::to_string(key.size()) +
                                   " bytes; at least 16 are needed (e.g. openssl rand -hex 32)");
  return key;
}

IdHasher::IdHasher(std::string_view key)
    : inner_(EVP_MD_CTX_new()), outer_(EVP_MD_CTX_new()), scratch_(EVP_MD_CTX_new()) {
  unsigned char block[64] = {};
  if (key.size() > sizeof block) {
    unsigned int len = 0;
    EVP_Digest(key.data(), key.size(), block, &len, EVP_sha256(), nullptr);
  } else {
    std::memcpy(block, key.data(), key.size());
  }
  unsigned char ipad[64], opad[64];
  for (int i = 0; i < 64; ++i) {
    ipad[i] = block[i] ^ 0x36;
    opad[i] = block[i] ^ 0x5c;
  }
  EVP_DigestInit_ex(inner_, EVP_sha256(), nullptr);
  EVP_DigestUpdate(inner_, ipad, sizeof ipad);
  EVP_DigestInit_ex(outer_, EVP_sha256(), nullptr);
  EVP_DigestUpdate(outer_, opad, sizeof opad);
}

IdHasher::~IdHasher() {
  EVP_MD_CTX_free(inner_);
  EVP_MD_CTX_free(outer_);
  EVP_MD_CTX_free(scratch_);
}

uint64_t IdHasher::Mac(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_MD_CTX_copy_ex(scratch_, inner_);
  EVP_DigestUpdate(scratch_, data.data(), data.size());
  EVP_DigestFinal_ex(scratch_, md, &len);
  EVP_MD_CTX_copy_ex(scratch_, outer_);
  EVP_DigestUpdate(scratch_, md, len);
  EVP_DigestFinal_ex(scratch_, md, &len);
  return GetBE(reinterpret_cast<const char*>(md), 8);
}

uint64_t IdHasher::Hash(std::string_view id) { return Mac(NormaliseId(id)); }

uint64_t IdHasher::KeyCheck() { return Mac(kKeyCheckText); }

Expected<IdSet> IdSet::Build(std::string label, std::string_view key, const std::vector<std::string>& ids) {
  if (label.empty() || label.size() > kMaxLabel)
    return Status::InvalidArgument("an id set label must be 1 to 256 bytes");
  IdHasher hasher(key);
  IdSet set;
  set.label_ = std::move(label);
  set.key_check_ = hasher.KeyCheck();
  set.entries_.reserve(ids.size());
  for (const auto& id : ids)
    if (!NormaliseId(id).empty()) set.entries_.push_back(hasher.Hash(id));
  std::sort(set.entries_.begin(), set.entries_.end());
  set.entries_.erase(std::unique(set.entries_.begin(), set.entries_.end()), set.entries_.end());
  return set;
}

Status IdSet::Save(const std::string& path) const {
  std::string out(kMagic, sizeof kMagic);
  PutU32(out, 8);
  PutU32(out, static_cast<uint32_t>(label_.size()));
  PutU64(out, entries_.size());
  PutU64(out, key_check_);
  out += label_;
  out.reserve(out.size() + entries_.size() * 8);
  for (uint64_t e : entries_) PutU64(out, e);
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f || !f.write(out.data(), static_cast<std::streamsize>(out.size())) || !f.flush())
    return Status::IoError("cannot write id set " + path);
  return Status::Ok();
}

Expected<IdSet> IdSet::Load(const std::string& path, std::string_view key) {
  auto set = Read(path);
  if (!set.ok()) return set;
  IdHasher hasher(key);
  if (hasher.KeyCheck() != set->key_check_)
    return Status::InvalidArgument("id set " + path +
                                   ": built with a different key than the one given (--idset-key); "
                                   "matching would find nothing");
  return set;
}

Expected<IdSet> IdSet::Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("cannot read id set " + path);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto bad = [&](const std::string& what) { return Status::InvalidArgument("id set " + path + ": " + what); };
  if (data.size() < kHeader || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
    return bad("not a cohortguard id set (bad magic; build one with 'cohortguard idset build')");
  if (GetBE(data.data() + 8, 4) != 8) return bad("unsupported hash width " + std::to_string(GetBE(data.data() + 8, 4)));
  const uint64_t label_len = GetBE(data.data() + 12, 4);
  const uint64_t count = GetBE(data.data() + 16, 8);
  if (label_len == 0 || label_len > kMaxLabel) return bad("label length " + std::to_string(label_len) + " out of range");
  if (count > (data.size() - kHeader) / 8 || data.size() != kHeader + label_len + count * 8)
    return bad("truncated or padded: " + std::to_string(data.size()) + " bytes for " + std::to_string(count) +
               " entries");
  IdSet set;
  set.key_check_ = GetBE(data.data() + 24, 8);
  set.label_ = data.substr(kHeader, label_len);
  set.entries_.resize(count);
  const char* p = data.data() + kHeader + label_len;
  for (uint64_t i = 0; i < count; ++i) {
    set.entries_[i] = GetBE(p + 8 * i, 8);
    if (i > 0 && set.entries_[i] <= set.entries_[i - 1]) return bad("entries are not strictly increasing");
  }
  return set;
}

int64_t IdSet::Find(uint64_t hash) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), hash);
  if (it == entries_.end() || *it != hash) return -1;
  return it - entries_.begin();
}

std::string GroupThousands(uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

Expected<IdSetCollection> IdSetCollection::Load(const std::vector<std::string>& paths, const std::string& key) {
  IdSetCollection c;
  c.key_ = key;
  for (const auto& p : paths) {
    auto s = IdSet::Load(p, key);
    if (!s.ok()) return s.status();
    for (const auto& other : c.sets_)
      if (other.label() == s->label()) return Status::InvalidArgument("id set " + p + ": label '" + s->label() +
                                                                      "' is loaded twice");
    c.sets_.push_back(std::move(*s));
  }
  return c;
}

std::string IdSetCollection::Digest() const {
  std::ostringstream d;
  for (const auto& s : sets_) {
    d << s.label() << '\0' << s.size() << '\0' << s.key_check() << '\0';
    d.write(reinterpret_cast<const char*>(s.entries().data()), static_cast<std::streamsize>(s.entries().size() * 8));
  }
  return Sha256Hex(d.str(), 16);
}

}  // namespace cg

namespace cg {

Expected<IdSetCollection> LoadIdSetOptions(const std::vector<std::string>& paths, const std::string& key_path) {
  if (paths.empty() && key_path.empty()) return IdSetCollection();
  if (paths.empty()) return Status::InvalidArgument("--idset-key given without --idset");
  if (key_path.empty()) return Status::InvalidArgument("--idset needs --idset-key (the key the sets were built with)");
  auto key = ReadIdSetKey(key_path);
  if (!key.ok()) return key.status();
  return IdSetCollection::Load(paths, *key);
}

}  // namespace cg
