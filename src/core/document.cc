#include "core/document.h"

#include <algorithm>
#include <cstring>

namespace cg {

Expected<std::string_view> Document::Peek(size_t n) {
  if (!stream_) return std::string_view();
  while (head_.size() < n && !eof_) {
    size_t old = head_.size();
    head_.resize(n);
    auto r = stream_->Read(head_.data() + old, n - old);
    if (!r.ok()) {
      head_.resize(old);
      return r.status();
    }
    head_.resize(old + *r);
    if (*r == 0) eof_ = true;
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
  return member.empty() ? path : path + "!" + member;
}

}  // namespace cg
