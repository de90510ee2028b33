#pragma once

#include <vector>

#include "rego/syntax/ast.h"
#include "rego/syntax/diag.h"

namespace golden::rego {

/// A statement that `# METADATA` blocks may annotate (in source order).
struct AnnotationTarget {
  Span span;
  Rule* rule = nullptr;        ///< set for rules
  Package* package = nullptr;  ///< set for the package; both null for imports
};

/// Parses the module's `# METADATA` comment blocks (YAML), attaches each to the statement
/// that follows it and fills in default scopes, as OPA does. Problems are rego_parse_error.
void ParseAnnotations(Arena& arena, Module* module, const std::vector<AnnotationTarget>& targets,
                      ErrorList* errors);

}  // namespace golden::rego
