#include "core/document.h"

#include <algorithm>
#include <cstring>

namespace cg {

Expected<std::string_view> Document::Peek(size_t n) {
  if (!stream_) return std::string_view();
  // Read in small steps and append: most documents are far smaller than `n`, and sizing the
  // buffer to `n` up front would zero-fill a megabyte for a 2 KB file.
  char buf[64 * 1024];
  while (head_.size() < n && !eof_) {
    auto r = stream_->Read(buf, std::min(sizeof buf, n - head_.size()));
    if (!r.ok()) return r.status();
    if (*r == 0) eof_ = true;
    head_.append(buf, *r);
  }
  return std::string_view(head_).substr(head_pos_, std::min(n, head_.size()) - head_pos_);
}

Expected<size_t> Document::Read(char* buf, size_t n) {
  if (!stream_) return size_t{0};
  if (head_pos_ < head_.size()) {
    size_t k = std::min(n, head_.size() - head_pos_);
    std::memcpy(buf, head_.data() + head_pos_, k);
    head_pos_ += k;
    if (head_pos_ == head_.size()) {
      head_.clear();
      head_.shrink_to_fit();
      head_pos_ = 0;
    }
    consumed_ += k;
    return k;
  }
  if (eof_) return size_t{0};
  auto r = stream_->Read(buf, n);
  if (r.ok()) consumed_ += *r;
  return r;
}

Origin ChildOrigin(const Origin& parent, const std::string& member) {
  Origin o = parent;
  o.member = parent.member.empty() ? member : parent.member + "!" + member;
  return o;
}

std::string Origin::Display() const {
  if (path.empty() && !commit.empty()) return "commit " + commit.substr(0, 12);
  return member.empty() ? path : path + "!" + member;
}

}  // namespace cg
