#pragma once

// The compiler driver: parses nothing, just runs the passes (rego/compile/passes.h) in
// OPA's order over parsed modules or a parsed query.

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "rego/compile/passes.h"
#include "rego/compile/rule_tree.h"

namespace golden::rego::compile {

/// Compiler output for a set of modules: the rewritten ASTs and their rule tree.
struct CompiledModules {
  std::vector<Module*> modules;  ///< sorted by file name
  std::unique_ptr<RuleTree> tree;
  std::unordered_map<std::string_view, std::string_view> rewritten;
};

/// Runs the module passes. Returns false (errors appended) when any pass fails; later
/// passes do not run then, as in OPA.
bool CompileModules(Arena& arena, const Registry& builtins, std::vector<Module*> modules,
                    CompiledModules* out, ErrorList* errors);

/// One query expression as `opa eval` reports it.
struct QueryExpression {
  std::string text;        ///< the expression as written
  Span span;
  std::string_view capture;  ///< the variable holding its value ("" for =, := : true)
};

/// A compiled query.
struct CompiledQuery {
  Body body;
  std::vector<QueryExpression> expressions;
  std::unordered_map<std::string_view, std::string_view> rewritten;
};

/// Compiles a parsed query against compiled modules (read-only; `arena` is the query's own).
/// With `capture_values`, each non-assignment expression's value is captured as
/// `opa eval`/rego.Eval do (so `1 == 2` yields false rather than nothing).
bool CompileQueryBody(Arena& arena, const Registry& builtins, const CompiledModules& modules,
                      Body query, const QueryScope& scope, bool capture_values,
                      CompiledQuery* out, ErrorList* errors);

/// OPA's limit: after 10 errors, the rest are dropped and "error limit reached" is added.
void ApplyErrorLimit(ErrorList* errors, size_t base);

}  // namespace golden::rego::compile
