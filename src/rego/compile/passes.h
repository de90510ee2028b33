#pragma once

// The compiler passes, in the order compiler.cc runs them (OPA's ast/compile.go stages).
// Each takes the shared Context and reports problems to ctx.errors.

#include "rego/compile/context.h"

namespace golden::rego::compile {

/// Names used in the query of `golden eval --package` (a package and its imports).
struct QueryScope {
  const Package* package = nullptr;
  std::vector<Import*> imports;
};

// ---- modules ----

/// Resolves rule names and imports to full refs (`p` -> `data.pkg.p`, `x` from
/// `import data.a.x` -> `data.a.x`). rego_compile_error for args that shadow data/input.
void ResolveRefs(Context& ctx);
/// Moves non-scalar ref-head parts into the body (`p[x.y]` -> `p[__local0__]`).
void RewriteRuleHeadRefs(Context& ctx);
/// Rego v1 checks: rules/variables shadowing input or data, duplicate imports.
void CheckKeywordOverridesAndImports(Context& ctx);
/// Renames `:=`/`some`/`every` declarations to fresh names and checks their scoping.
void RewriteLocalVars(Context& ctx);
/// $"...{e}..." -> internal.template_string([...]) with a set comprehension per expression.
void RewriteTemplateStrings(Context& ctx);
/// print(a, b) -> internal.print([{x | x = a}, {y | y = b}]); rejects void calls as values.
void RewritePrintCalls(Context& ctx);
/// Moves nested calls out of expressions (`x := f(g(y))` -> `g(y, a); f(a, b); x = b`).
void RewriteExprTerms(Context& ctx);
/// Replaces rego.metadata.chain()/rule() with the rule's annotations.
void RewriteMetadataCalls(Context& ctx);
/// rego.metadata.chain() as each of `rules` would see it (for CompiledPolicy::Rules).
std::vector<Value> MetadataChains(const std::vector<Module*>& modules,
                                  const std::vector<const Rule*>& rules);
/// Comprehension heads, rule head keys/values/args and with-values that need evaluation
/// become variables bound in the body; checks with-targets.
void RewriteComprehensionTermsAndHeads(Context& ctx);
void RewriteWithValues(Context& ctx);
/// Calls to unknown functions, arity mismatches (rego_type_error).
void CheckUndefinedFunctions(Context& ctx);
/// Head variables bound by the body, body variables bound before use; reorders bodies as
/// OPA does (rego_unsafe_var_error).
void CheckSafety(Context& ctx);
/// Rules that depend on themselves (rego_recursion_error).
void CheckRecursion(Context& ctx);
/// Builtin argument types where they are known statically (rego_type_error).
void CheckTypes(Context& ctx);
/// After the safety check: `a == b` becomes `a = b` in modules, and refs/comprehensions
/// nested in expressions are bound to variables first (OPA's evaluation order).
void RewriteEqualsAndDynamics(Context& ctx);

// ---- queries ----

/// The query passes: resolve refs (in `scope`), local vars, template strings, print,
/// expression terms, comprehension terms, with values, undefined functions, safety.
/// `rules` lists the names every module defines (for function arity).
void CompileQuery(Context& ctx, Body& query, const QueryScope& scope);

// ---- shared helpers ----

/// OPA's safety reordering of one body given variables already bound (`globals`); reports
/// unsafe variables. Returns the reordered body.
Body ReorderBodyForSafety(Context& ctx, const std::vector<std::string_view>& globals,
                          const Body& body, bool report);

/// Variables a unification `a = b` binds given the bound ones (OPA's ast.Unify).
VarSet UnifyOutputs(const VarSet& safe, const Term* a, const Term* b);
/// Variables an expression binds given the bound ones (OPA's outputVarsForExpr).
VarSet OutputVarsForExpr(const Context& ctx, const Expr* e, const VarSet& safe);
/// Variables a body binds (in order) given the bound ones.
VarSet OutputVarsForBody(const Context& ctx, const Body& b, const VarSet& safe);

/// Resolves the refs of a query in the scope of a package and its imports.
void ResolveQueryRefs(Context& ctx, Body& query, const QueryScope& scope,
                      const std::vector<std::string_view>& package_rules);

/// The arity of the function a call operator names (builtin or user), or -1 when it names
/// no function. A rule that is not a function has arity 0, as in OPA.
int FunctionArity(const Context& ctx, const Term* op);

/// Query versions of the passes above.
void RewriteQueryLocalVars(Context& ctx, Body& query);
VarSet RewriteQueryTemplates(Context& ctx, Body& query);
void RewriteQueryPrintAndTerms(Context& ctx, Body& query);
void RewriteQueryWithValues(Context& ctx, Body& query);
void CheckQueryFunctions(Context& ctx, const Body& query);
void RewriteQueryDynamics(Context& ctx, Body& query);
void CheckQueryTypes(Context& ctx, const Body& query);

}  // namespace golden::rego::compile
