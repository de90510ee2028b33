#include "rego/syntax/source.h"

#include <algorithm>

namespace golden::rego {

Source::Source(std::string filename, std::string text)
    : filename_(std::move(filename)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

int Source::Line(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<int>(it - line_starts_.begin());
}

int Source::Column(uint32_t offset) const {
  int line = Line(offset);
  uint32_t start = line_starts_[static_cast<size_t>(line - 1)];
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  int col = 1;
  for (uint32_t i = start; i < offset; ++i) {
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
  }
  return col;
}

std::string_view Source::LineText(int line) const {
  if (line < 1 || static_cast<size_t>(line) > line_starts_.size()) return {};
  uint32_t start = line_starts_[static_cast<size_t>(line - 1)];
  uint32_t end = static_cast<size_t>(line) < line_starts_.size()
                     ? line_starts_[static_cast<size_t>(line)] - 1
                     : static_cast<uint32_t>(text_.size());
  std::string_view s(text_.data() + start, end - start);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

SourceLocation Source::Locate(uint32_t offset) const {
  return SourceLocation{filename_, Line(offset), Column(offset)};
}

uint32_t SourceSet::Add(std::string filename, std::string text) {
  sources_.push_back(std::make_unique<Source>(std::move(filename), std::move(text)));
  return static_cast<uint32_t>(base_ + sources_.size() - 1);
}

SourceLocation SourceSet::Locate(const Span& span) const {
  if (!Has(span.source)) return {};
  return Get(span.source).Locate(span.begin);
}

std::string_view SourceSet::Text(const Span& span) const {
  if (!Has(span.source)) return {};
  std::string_view t = Get(span.source).text();
  if (span.begin > t.size() || span.end > t.size() || span.end < span.begin) return {};
  return t.substr(span.begin, span.end - span.begin);
}

}  // namespace golden::rego
