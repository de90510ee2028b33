#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "value/value.h"

namespace re2 {
class RE2;
}  // namespace re2

/// JSON Schema (drafts 4, 6 and 7) validation with the semantics and the error reports of the
/// gojsonschema fork OPA's json.match_schema uses: each error has a type ("required",
/// "invalid_type", ...), the field it concerns ("(root)", "a.0.b"), a description ("name is
/// required") and the two joined ("(root): name is required").
///
/// Patterns are RE2 (Go's syntax, linear time), as in gojsonschema. Remote references are
/// refused: a schema can only refer within itself.
namespace golden::rego::jsonschema {

struct Error {
  std::string type;
  std::string field;
  std::string description;
  /// "<field>: <description>".
  std::string ToString() const { return field + ": " + description; }
};

/// A checked schema, ready to validate documents. Immutable; safe to share between threads.
class Schema {
 public:
  ~Schema();

  /// Checks `schema` (an object, or a boolean for drafts 6 and later) and everything it
  /// contains: keyword types, regular expressions, local references.
  static Result<std::shared_ptr<const Schema>> Compile(const Value& schema);

  /// Validates `document`; an empty result means it matches.
  std::vector<Error> Validate(const Value& document) const;

 private:
  class Checker;
  class Validator;
  Schema() = default;
  /// The subschema a "$ref" names, or nullptr.
  const Value* ResolveRef(std::string_view ref) const;

  Value root_;
  /// Subschemas by "$id"/"id" (absolute or "#name" fragments).
  std::map<std::string, const Value*, std::less<>> ids_;
  /// Compiled "pattern" and "patternProperties" expressions by source.
  std::map<std::string, std::unique_ptr<re2::RE2>, std::less<>> regexes_;
};

}  // namespace golden::rego::jsonschema
