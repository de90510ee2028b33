#include "base/status.h"

#include <cstdio>
#include <cstdlib>

namespace golden {

namespace detail {
void CheckFailed(const char* cond, const char* file, int line) {
  std::fprintf(stderr, "golden: internal error: check failed: %s at %s:%d\n", cond, file, line);
  std::abort();
}
}  // namespace detail

std::string SourceLocation::ToString() const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (col > 0) out += ":" + std::to_string(col);
  }
  return out;
}

Status Status::WithLocation(SourceLocation where) const {
  Status copy = *this;
  if (!copy.where_) copy.where_ = std::move(where);
  return copy;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  if (!where_ || where_->file.empty()) return message_;
  return where_->ToString() + ": " + message_;
}

}  // namespace golden
