#pragma once

// Internal to schema.cc: finding which parts of a JSON Schema apply to a place in a document.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "value/value.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace golden::portfolio::internal {

/// Subschemas by position, for draft-07 (and $defs).
enum class SchemaSlot { kOne, kList, kMap };

/// Calls fn(keyword, slot) for every keyword that holds subschemas.
template <typename Fn>
void ForEachSubschemaKeyword(Fn&& fn) {
  static constexpr std::pair<std::string_view, SchemaSlot> kKeywords[] = {
      {"additionalItems", SchemaSlot::kOne},
      {"additionalProperties", SchemaSlot::kOne},
      {"contains", SchemaSlot::kOne},
      {"propertyNames", SchemaSlot::kOne},
      {"not", SchemaSlot::kOne},
      {"if", SchemaSlot::kOne},
      {"then", SchemaSlot::kOne},
      {"else", SchemaSlot::kOne},
      {"items", SchemaSlot::kOne},
      {"allOf", SchemaSlot::kList},
      {"anyOf", SchemaSlot::kList},
      {"oneOf", SchemaSlot::kList},
      {"properties", SchemaSlot::kMap},
      {"patternProperties", SchemaSlot::kMap},
      {"definitions", SchemaSlot::kMap},
      {"$defs", SchemaSlot::kMap},
      {"dependencies", SchemaSlot::kMap},
  };
  for (const auto& [kw, slot] : kKeywords) fn(kw, slot);
}

/// Answers "which schema objects apply here?" by following properties, patternProperties,
/// additionalProperties, items, additionalItems, local $refs and allOf (and, when asked, the
/// branches of anyOf/oneOf/if/then/else, which apply only conditionally).
class SchemaWalker {
 public:
  explicit SchemaWalker(const Value& root);
  ~SchemaWalker();

  /// `node` and what it brings in: $ref targets and allOf members, recursively (cycles cut).
  std::vector<const Value*> Expand(const Value* node, bool branches) const;
  /// The schemas for member `key` of an object matched by `nodes`.
  std::vector<const Value*> Member(const std::vector<const Value*>& nodes, std::string_view key,
                                   bool branches) const;
  /// The schemas for item `index` of an array matched by `nodes`.
  std::vector<const Value*> Item(const std::vector<const Value*>& nodes, size_t index,
                                 bool branches) const;
  /// True when `key` is covered by `properties` or `patternProperties` of `node`.
  bool Declares(const Value& node, std::string_view key) const;
  /// True when the schema uses `pattern` or `patternProperties` anywhere.
  bool uses_regex() const { return uses_regex_; }

 private:
  void ExpandInto(const Value* node, bool branches, int depth,
                  std::vector<const Value*>* out) const;
  const Value* Resolve(std::string_view ref) const;
  bool PatternMatches(const std::string& pattern, std::string_view key) const;

  const Value& root_;
  std::map<std::string, std::unique_ptr<re2::RE2>> patterns_;
  bool uses_regex_ = false;
};

}  // namespace golden::portfolio::internal
