#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace golden::rego {

/// A byte range of one source text. Line and column are computed only when rendering.
struct Span {
  uint32_t source = 0;  ///< index into the SourceSet
  uint32_t begin = 0;   ///< byte offset of the first byte
  uint32_t end = 0;     ///< byte offset past the last byte
};

/// One source text (a module, a query, a term) with its file name and a line table.
class Source {
 public:
  Source(std::string filename, std::string text);

  const std::string& filename() const { return filename_; }
  std::string_view text() const { return text_; }

  /// 1-based line of a byte offset.
  int Line(uint32_t offset) const;
  /// 1-based column of a byte offset, counted in characters (UTF-8 code points) as OPA does.
  int Column(uint32_t offset) const;
  /// The text of a 1-based line, without its line break.
  std::string_view LineText(int line) const;
  /// Where `offset` is, as file:line:col.
  SourceLocation Locate(uint32_t offset) const;

 private:
  std::string filename_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

/// Every source of one compilation; Span::source indexes it. Sources never move once added.
class SourceSet {
 public:
  /// Continues the numbering of `parent` (which must outlive this set and not grow any
  /// more): ids below parent->size() are the parent's sources. Lets a query compiled
  /// against a policy locate spans of both. Call before adding sources.
  void Chain(const SourceSet* parent) {
    parent_ = parent;
    base_ = static_cast<uint32_t>(parent->size());
  }
  /// Adds a source and returns its index.
  uint32_t Add(std::string filename, std::string text);
  const Source& Get(uint32_t id) const {
    return id < base_ ? parent_->Get(id) : *sources_[id - base_];
  }
  bool Has(uint32_t id) const { return id < base_ ? parent_->Has(id) : id - base_ < sources_.size(); }
  size_t size() const { return base_ + sources_.size(); }
  /// The location of the start of `span`.
  SourceLocation Locate(const Span& span) const;
  /// The source text covered by `span`.
  std::string_view Text(const Span& span) const;

 private:
  std::vector<std::unique_ptr<Source>> sources_;
  const SourceSet* parent_ = nullptr;
  uint32_t base_ = 0;
};

}  // namespace golden::rego
