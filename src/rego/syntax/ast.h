#pragma once

// The Rego abstract syntax tree. Nodes live in an Arena and point to each other with raw,
// non-owning pointers that never outlive it. Compiler passes rewrite the tree in place
// (creating new nodes in the same arena); evaluation runs on a separate, lowered form
// (rego/eval/ir.h), never on these nodes.

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "rego/syntax/source.h"
#include "value/value.h"

namespace golden::rego {

struct Term;
struct Expr;
struct Rule;
struct Module;
struct Annotations;

/// A query or rule body: expressions evaluated left to right (after safety reordering).
using Body = std::vector<Expr*>;

enum class TermKind : uint8_t {
  kScalar,       ///< null, boolean, number or string (`value`)
  kVar,          ///< a variable (`var`)
  kRef,          ///< `items[0]` (a var or a composite) followed by its operands
  kArray,        ///< `items`
  kObject,       ///< `pairs`
  kSet,          ///< `items`
  kArrayCompr,   ///< [term | body]
  kSetCompr,     ///< {term | body}
  kObjectCompr,  ///< {term: term_value | body}
  kCall,         ///< `items[0]` is the operator (a ref), the rest are the arguments
  kTemplate,     ///< $"...{expr}..." (`parts`)
};

/// One piece of a template string: literal text (a string term) or an expression.
struct TemplatePart {
  Term* term = nullptr;
  Expr* expr = nullptr;
};

struct Term {
  TermKind kind = TermKind::kScalar;
  Span span;
  Value value;                                  ///< kScalar
  std::string_view var;                         ///< kVar (interned in the arena)
  std::vector<Term*> items;                     ///< kRef, kArray, kSet, kCall
  std::vector<std::pair<Term*, Term*>> pairs;   ///< kObject, in source order
  Term* term = nullptr;                         ///< comprehension head (object: key)
  Term* term_value = nullptr;                   ///< object comprehension value
  Body body;                                    ///< comprehension body
  std::vector<TemplatePart> parts;              ///< kTemplate
  bool multiline = false;                       ///< kTemplate: backquoted

  bool IsVar() const { return kind == TermKind::kVar; }
  bool IsRef() const { return kind == TermKind::kRef; }
  bool IsScalar() const { return kind == TermKind::kScalar; }
  bool IsString() const { return kind == TermKind::kScalar && value.IsString(); }
  bool IsComprehension() const {
    return kind == TermKind::kArrayCompr || kind == TermKind::kSetCompr ||
           kind == TermKind::kObjectCompr;
  }
};

/// `with target as value`.
struct With {
  Span span;
  Term* target = nullptr;
  Term* value = nullptr;
};

enum class ExprKind : uint8_t {
  kTerm,   ///< a single term: `terms[0]`
  kCall,   ///< `terms[0]` is the operator (a ref), the rest are operands (eq, assign, f, ...)
  kSome,   ///< `some x, y` (`terms` are vars) or `some x in xs` (`terms[0]` is a member call)
  kEvery,  ///< every key, value in domain { body }
};

struct Expr {
  ExprKind kind = ExprKind::kTerm;
  Span span;
  bool negated = false;
  bool generated = false;  ///< created by the compiler
  std::vector<Term*> terms;
  // kEvery:
  Term* key = nullptr;  ///< may be null
  Term* value = nullptr;
  Term* domain = nullptr;
  Body body;
  std::vector<With*> withs;

  /// The operator of a call ("eq", "plus", "data.pkg.f", ...), or "" for other kinds.
  std::string OperatorName() const;
  /// The operands of a call (the terms after the operator).
  std::vector<Term*> Operands() const;
  bool IsCall() const { return kind == ExprKind::kCall; }
  /// `a = b` (unification).
  bool IsEquality() const;
  /// `a := b`.
  bool IsAssignment() const;
};

/// The head of a rule: its reference (name and ref-head parts), arguments (functions), key
/// (multi-value rules) and value.
struct Head {
  Span span;
  std::vector<Term*> ref;  ///< ref[0] is a var (the rule name); the rest are ref-head terms
  std::vector<Term*> args;
  Term* key = nullptr;
  Term* value = nullptr;
  bool assign = false;           ///< declared with :=
  bool generated_value = false;  ///< value `true` supplied by the parser
  bool has_if = false;
  bool has_contains = false;
};

/// Single-value rules (complete documents, functions, ref heads ending in a value) or
/// multi-value rules (`contains`).
enum class RuleKind : uint8_t { kSingleValue, kMultiValue };

struct Rule {
  Span span;
  Module* module = nullptr;
  bool is_default = false;
  Head head;
  Body body;
  bool generated_body = false;
  Rule* else_rule = nullptr;

  RuleKind Kind() const {
    return head.key != nullptr && head.value == nullptr ? RuleKind::kMultiValue
                                                        : RuleKind::kSingleValue;
  }
  bool IsFunction() const { return !head.args.empty(); }
};

struct Import {
  Span span;
  Term* path = nullptr;  ///< a ref (data.x.y, input.x, future.keywords.in, rego.v1)
  std::string_view alias;
};

struct Package {
  Span span;
  std::vector<Term*> path;  ///< data, "a", "b"
};

struct Comment {
  Span span;
  std::string_view text;  ///< without the leading '#'
};

/// Which Rego the module is written in.
enum class RegoVersion : uint8_t {
  kV0,
  kV0CompatV1,  ///< v0 module that imports rego.v1
  kV1,
};

/// A `# METADATA` block, as OPA's ast.Annotations.
struct Annotations {
  Span span;
  std::string scope;  ///< rule, document, package, subpackages (filled in when attached)
  /// OPA's JSON form of the annotation (title, description, custom, ...), without scope.
  Value fields;
  /// What the block annotates (set when attached): one of these is non-null.
  Rule* rule = nullptr;
  Package* package = nullptr;
};

struct Module {
  uint32_t source = 0;
  Package* package = nullptr;
  std::vector<Import*> imports;
  std::vector<Rule*> rules;
  std::vector<Comment> comments;
  std::vector<Annotations*> annotations;
  RegoVersion version = RegoVersion::kV1;
};

/// Owns every AST node and interned name of a compilation.
class Arena {
 public:
  Term* NewTerm(TermKind kind, Span span) {
    Term* t = &terms_.emplace_back();
    t->kind = kind;
    t->span = span;
    return t;
  }
  Term* NewScalar(Value v, Span span) {
    Term* t = NewTerm(TermKind::kScalar, span);
    t->value = std::move(v);
    return t;
  }
  Term* NewVar(std::string_view name, Span span) {
    Term* t = NewTerm(TermKind::kVar, span);
    t->var = Intern(name);
    return t;
  }
  /// A ref whose head is the var `head` followed by string operands (`data`, "a", "b").
  Term* NewRef(std::vector<Term*> items, Span span) {
    Term* t = NewTerm(TermKind::kRef, span);
    t->items = std::move(items);
    return t;
  }
  Expr* NewExpr(ExprKind kind, Span span) {
    Expr* e = &exprs_.emplace_back();
    e->kind = kind;
    e->span = span;
    return e;
  }
  With* NewWith() { return &withs_.emplace_back(); }
  Rule* NewRule() { return &rules_.emplace_back(); }
  Module* NewModule() { return &modules_.emplace_back(); }
  Import* NewImport() { return &imports_.emplace_back(); }
  Package* NewPackage() { return &packages_.emplace_back(); }
  Annotations* NewAnnotations() { return &annotations_.emplace_back(); }

  /// A stable copy of `s` (deduplicated).
  std::string_view Intern(std::string_view s);

  /// Deep copies (new nodes for every term/expr below).
  Term* Copy(const Term* t);
  Expr* Copy(const Expr* e);
  Body Copy(const Body& b);

  /// The sources the spans refer to.
  SourceSet& sources() { return sources_; }
  const SourceSet& sources() const { return sources_; }

 private:
  std::deque<Term> terms_;
  std::deque<Expr> exprs_;
  std::deque<With> withs_;
  std::deque<Rule> rules_;
  std::deque<Module> modules_;
  std::deque<Import> imports_;
  std::deque<Package> packages_;
  std::deque<Annotations> annotations_;
  std::unordered_set<std::string> strings_;
  SourceSet sources_;
};

/// Rego's rendering of a term, as OPA prints it in messages: `data.pkg.p[x]`, `[1, "a"]`,
/// `{"a": x}`, `f(x)`, `[x | x = 1]`.
std::string TermToString(const Term* t);
/// A ref rendered from its items (`data.a["b c"][0]`).
std::string RefToString(const std::vector<Term*>& items);
/// Rendering of an expression (`x = 1`, `not p`, `plus(x, 1, y)`).
std::string ExprToString(const Expr* e);

/// True when `s` can be written after a dot in a ref (a Rego identifier, not a keyword).
bool IsRefIdentifier(std::string_view s);

/// Options for collecting variables, as OPA's VarVisitorParams.
struct VarVisitParams {
  bool skip_ref_head = false;       ///< skip the head var of refs (`data`, `input`, `x` in x[0])
  bool skip_ref_call_head = false;  ///< skip call operators and the heads of with targets/values
  bool skip_closures = false;       ///< do not descend into comprehensions and every bodies
  bool skip_object_keys = false;
  bool skip_sets = false;
};

/// Appends (without duplicates) the names of the variables in `t`.
void CollectVars(const Term* t, const VarVisitParams& p, std::vector<std::string_view>* out);
void CollectVars(const Expr* e, const VarVisitParams& p, std::vector<std::string_view>* out);
void CollectVars(const Body& b, const VarVisitParams& p, std::vector<std::string_view>* out);

/// True when `t` contains no variables (refs: ignoring their head, as OPA's IsGround).
bool IsGround(const Term* t);
/// True when `t` contains no variables, refs, calls or comprehensions (a plain value).
bool IsConstant(const Term* t);
/// The Value of a constant term (IsConstant must hold).
Value ConstantValue(const Term* t);

/// True for the variables the compiler generates (`__local0__`, `$0`).
bool IsGeneratedVar(std::string_view name);
/// True for wildcards (`_` after parsing becomes `$0`, `$1`, ...).
bool IsWildcard(std::string_view name);

}  // namespace golden::rego
