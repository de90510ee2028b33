#pragma once

// Internal: state shared by the compiler passes (rego/compile/*). Each pass is a plain
// function over the modules (or a query body) that reports problems to the ErrorList;
// compiler.cc runs them in order.

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rego/builtins/registry.h"
#include "rego/syntax/ast.h"
#include "rego/syntax/diag.h"

namespace golden::rego::compile {

class RuleTree;

/// A set of variable names, iterated in sorted order (deterministic messages).
using VarSet = std::set<std::string_view>;

/// Makes fresh variable names (`__local0__`, `__localq0__` for queries) that do not clash
/// with any variable of the program.
class VarGenerator {
 public:
  VarGenerator(Arena& arena, std::string prefix) : arena_(arena), prefix_(std::move(prefix)) {}
  /// Names that must never be generated (every variable already used).
  void Exclude(std::string_view name) { exclude_.insert(std::string(name)); }
  std::string_view Next();

 private:
  Arena& arena_;
  std::string prefix_;
  int next_ = 0;
  std::unordered_set<std::string> exclude_;
};

/// What every pass can use.
struct Context {
  Arena& arena;
  ErrorList& errors;
  const Registry& builtins;
  VarGenerator& gen;
  /// Generated name -> the name the user wrote (for messages).
  std::unordered_map<std::string_view, std::string_view>& rewritten;
  /// Modules in a deterministic order (by file name).
  std::vector<Module*> modules;
  /// The tree of rules (set once head refs are final).
  const RuleTree* tree = nullptr;

  /// A new `x = term` expression with a fresh var x (marked generated).
  Expr* Equality(Term* lhs, Term* rhs, Span span);
  /// A fresh variable term.
  Term* FreshVar(Span span);
  /// The name the user wrote for `v`.
  std::string_view Original(std::string_view v) const {
    auto it = rewritten.find(v);
    return it == rewritten.end() ? v : it->second;
  }
};

/// Applies `f` to every rule of `mod`, including else branches.
template <typename F>
void ForEachRule(Module* mod, F&& f) {
  for (Rule* r : mod->rules) {
    for (Rule* x = r; x != nullptr; x = x->else_rule) f(x);
  }
}

/// Applies `f` to every body under `b` (itself, comprehension bodies, every bodies,
/// template expressions), innermost last.
void ForEachBody(Body& b, const std::function<void(Body&)>& f);

/// Applies `f` to every term under `t` (`t` first, then its parts), closures included:
/// comprehension heads and bodies, every declarations and bodies, with targets and
/// values, template strings. A null `t` is skipped.
void ForEachTerm(Term* t, const std::function<void(Term*)>& f);
void ForEachTerm(Expr* e, const std::function<void(Term*)>& f);

/// The builtin name of a call operator ("count", "internal.member_2", "data.x.f").
std::string OperatorName(const Term* op);

/// True for the root documents a ref may start with.
inline bool IsRootDocument(std::string_view v) { return v == "data" || v == "input"; }

/// The kind name OPA uses for a term in messages ("var", "ref", "array", ...).
std::string TypeName(const Term* t);

}  // namespace golden::rego::compile
