#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "rego/syntax/ast.h"
#include "rego/syntax/diag.h"

namespace golden::rego {

/// How to parse.
struct ParseOptions {
  /// Rego v1 (OPA 1.x's default) or v0 (--v0-compatible). A v0 module that imports
  /// rego.v1 becomes kV0CompatV1.
  RegoVersion version = RegoVersion::kV1;
  /// Parse `# METADATA` comment blocks into annotations.
  bool process_annotations = true;
  /// Deepest nesting of terms and bodies accepted before "max parsing recursion depth
  /// exceeded" (keeps deeply nested input from overflowing the stack).
  int max_depth = 1000;
  /// Names of builtins, so that `count(x)` at the top level of a module is reported as a
  /// builtin conflict rather than a function definition (optional).
  std::function<bool(std::string_view)> is_builtin;
};

/// Parses the module in `arena.sources().Get(source)`. Returns nullptr and appends
/// rego_parse_error diagnostics on failure.
Module* ParseModule(Arena& arena, uint32_t source, const ParseOptions& options,
                    ErrorList* errors);

/// Parses a query (expressions separated by ';' or new lines).
std::optional<Body> ParseQuery(Arena& arena, uint32_t source, const ParseOptions& options,
                               ErrorList* errors);

/// Parses a single term (e.g. a Rego value with sets and non-string keys).
Term* ParseTerm(Arena& arena, uint32_t source, const ParseOptions& options, ErrorList* errors);

/// True when `name` is a keyword in `version` (v1: also in, every, contains, if).
bool IsKeywordIn(std::string_view name, RegoVersion version);

}  // namespace golden::rego
