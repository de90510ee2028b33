#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "value/value.h"
#include "value/yaml.h"

namespace golden {

/// A document ParseYaml read, with the line of every mapping entry and sequence item.
struct ParsedYaml {
  Value doc;
  std::vector<YamlLine> lines;
};

/// ParseYaml(text, filename, {}, &lines), parsed once per distinct text. Portfolios repeat
/// the same files across thousands of repositories (workflows copied from one template, the
/// files `golden init` scaffolds), and a parse costs fifty times a lookup.
///
/// A text is kept from its second sighting on: the first leaves only its 8-byte fingerprint,
/// so a portfolio of distinct files costs next to no memory. Failed parses are never kept
/// (their errors name the file), nor texts over kMaxTextBytes, nor anything once kMaxBytes of
/// text are kept. The result never depends on what is kept: the same text gives the same
/// document and lines. Thread-safe; parses run outside the lock.
class YamlCache {
 public:
  static constexpr size_t kMaxTextBytes = 64 << 10;
  static constexpr size_t kMaxBytes = 16 << 20;

  /// The parse of `text` (errors carry `filename`, as ParseYaml's do).
  Result<std::shared_ptr<const ParsedYaml>> Parse(std::string_view text, std::string_view filename);

  /// How many Parse calls were answered from the cache (for tests and benchmarks).
  size_t hits() const;

 private:
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

  mutable std::mutex mu_;
  std::unordered_set<size_t> seen_;  // fingerprints of texts parsed once
  std::unordered_map<std::string, std::shared_ptr<const ParsedYaml>, TextHash, std::equal_to<>>
      kept_;
  size_t kept_bytes_ = 0;
  size_t hits_ = 0;
};

/// Parses `text` through `cache` when there is one, with ParseYaml alone otherwise.
Result<std::shared_ptr<const ParsedYaml>> ParseYamlWithLines(YamlCache* cache,
                                                             std::string_view text,
                                                             std::string_view filename);

}  // namespace golden
