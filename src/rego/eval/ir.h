#pragma once

// The lowered program the evaluator runs. Compiling produces it once; it is immutable
// afterwards and shared by every evaluation (on any thread).
//
// After the compiler's rewrites (rego/compile), bodies are in a normal form:
//  - calls appear only as whole expressions, their arguments are patterns;
//  - refs and comprehensions appear only as a whole operand of `=` or as a term expression;
//  - a pattern is a variable, a constant, or an array/object/set of patterns.
// Variables are numbered slots of the frame of the rule (or query) they belong to;
// comprehensions, `not` and `every` bodies share their enclosing frame.

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rego/builtins/registry.h"
#include "rego/syntax/ast.h"
#include "value/value.h"

namespace golden::rego::ir {

struct Body;
struct RuleSet;
struct RuleNode;

using Slot = uint32_t;

enum class TermKind : uint8_t {
  kConst,  ///< `value`
  kVar,    ///< `slot`
  kArray,  ///< `items` (not all constant)
  kObject,
  kSet,
  kRef,  ///< `root` then `items` (the operands; items[0] stands for the root)
  kArrayCompr,
  kSetCompr,
  kObjectCompr,
};

enum class RefRoot : uint8_t { kData, kInput, kLocal };

struct Term {
  TermKind kind = TermKind::kConst;
  Span span;
  Value value;
  Slot slot = 0;
  std::vector<const Term*> items;
  std::vector<std::pair<const Term*, const Term*>> pairs;
  // kRef:
  RefRoot root = RefRoot::kData;
  Slot root_slot = 0;  ///< kLocal: the variable the ref starts from
  /// kData: the rule-tree node reached by the leading constant operands that lead to no
  /// rules (evaluation starts there), and how many operands that consumed (from 1).
  const RuleNode* node = nullptr;
  uint32_t prefix = 1;
  // comprehensions:
  const Term* head = nullptr;
  const Term* head_value = nullptr;
  const Body* body = nullptr;
  /// The comprehension uses no variable of its enclosing rule or query: its value depends
  /// only on the documents, so one evaluation per query (and `with` scope) serves all.
  bool closed = false;

  bool IsPattern() const {
    return kind == TermKind::kConst || kind == TermKind::kVar || kind == TermKind::kArray ||
           kind == TermKind::kObject || kind == TermKind::kSet;
  }
  bool IsComprehension() const {
    return kind == TermKind::kArrayCompr || kind == TermKind::kSetCompr ||
           kind == TermKind::kObjectCompr;
  }
};

/// `with target as value`.
struct With {
  enum class Kind : uint8_t { kInput, kData, kFunction };
  Kind kind = Kind::kInput;
  std::vector<Value> path;  ///< kInput/kData: the target's path after input/data
  const Term* value = nullptr;  ///< replacement value (a pattern), unless a function
  /// kFunction: what is replaced (a RuleSet or a builtin Descriptor).
  const void* target = nullptr;
  const RuleSet* func_value = nullptr;         ///< replacement by a user function
  const Descriptor* builtin_value = nullptr;   ///< replacement by a builtin
  Span span;
};

enum class ExprKind : uint8_t {
  kTerm,   ///< `a` must be defined and not false
  kUnify,  ///< a = b
  kCall,   ///< builtin or function call
  kEvery,
  kTrue,
};

struct Expr {
  ExprKind kind = ExprKind::kTrue;
  bool negated = false;
  Span span;
  const Term* a = nullptr;
  const Term* b = nullptr;
  // kCall:
  const Descriptor* builtin = nullptr;
  const RuleSet* func = nullptr;
  std::string name;
  std::vector<const Term*> args;
  const Term* out = nullptr;  ///< the output pattern, if the call has one
  // kEvery:
  const Term* key = nullptr;
  const Term* value = nullptr;
  const Term* domain = nullptr;
  const Body* body = nullptr;
  std::vector<With> withs;
};

struct Body {
  std::vector<const Expr*> exprs;
};

struct Rule {
  Span span;
  Span head_span;  ///< where the head starts (the `else` keyword for else branches)
  const ::golden::rego::Rule* ast = nullptr;
  uint32_t num_slots = 0;
  /// The full head ref from `data` (items[0] stands for data): constants for the package
  /// and ground parts, patterns for the rest.
  std::vector<const Term*> ref;
  std::vector<const Term*> args;
  const Term* key = nullptr;
  const Term* value = nullptr;
  bool multi_value = false;
  bool is_default = false;
  bool value_is_const = false;
  const Rule* else_rule = nullptr;
  Body body;
};

/// The rules that define one document (OPA's rule index result for a path).
struct RuleSet {
  enum class Kind : uint8_t {
    kComplete,  ///< single-value rules with ground refs: one value
    kPartial,   ///< multi-value rules, or rules with variables in their refs: a set/object
    kFunction,
  };
  Kind kind = Kind::kComplete;
  bool multi_value = false;
  bool only_ground_refs = true;
  std::vector<const Rule*> rules;  ///< non-default rules in order (else chains hang off them)
  const Rule* default_rule = nullptr;
  /// Every rule's value is the same constant: a rule body may stop at its first solution.
  bool early_exit = false;
  uint32_t arity = 0;
  /// The longest rule ref (+1 for multi-value keys), for pre-unifying ground query keys.
  uint32_t max_ref_len = 0;
  const RuleNode* node = nullptr;
  /// The index of this document's key in a full ref (data.a.b: 2), where rule refs and
  /// query refs line up.
  uint32_t pos = 0;
  std::string path;  ///< data.a.b, for messages
  /// Functions: rules by the constant value of their first argument (indexes into `rules`),
  /// and those whose first argument is not a constant.
  std::map<Value, std::vector<uint32_t>> by_first_arg;
  std::vector<uint32_t> any_first_arg;
};

/// A node of the tree of rule paths below `data`.
struct RuleNode {
  Value key;
  std::vector<const RuleNode*> children;  ///< sorted by key (OPA's order)
  const RuleSet* rules = nullptr;         ///< the rules defined exactly here (indexed here)
  bool hide = false;                      ///< data.system, left out of full extents

  const RuleNode* Child(const Value& k) const;
};

/// A compiled query.
struct Query {
  Body body;
  uint32_t num_slots = 0;
  /// The user-visible variables (name and slot), sorted by name. A name may repeat (a
  /// comprehension's local next to the query's variable): report the bound one.
  std::vector<std::pair<std::string, Slot>> outputs;
  /// For each query expression: its text, span and the slot of its captured value (or -1
  /// when its value is `true`).
  struct Expression {
    std::string text;
    Span span;
    int64_t capture = -1;
  };
  std::vector<Expression> expressions;
};

/// Owns every IR node of a program.
class Program {
 public:
  Term* NewTerm() { return &terms_.emplace_back(); }
  Expr* NewExpr() { return &exprs_.emplace_back(); }
  Body* NewBody() { return &bodies_.emplace_back(); }
  Rule* NewRule() { return &rules_.emplace_back(); }
  RuleSet* NewRuleSet() { return &sets_.emplace_back(); }
  RuleNode* NewNode() { return &nodes_.emplace_back(); }

  const RuleNode* data_root = nullptr;

  /// Every rule of the program (else branches and defaults included), in creation order.
  const std::deque<Rule>& rules() const { return rules_; }

 private:
  std::deque<Term> terms_;
  std::deque<Expr> exprs_;
  std::deque<Body> bodies_;
  std::deque<Rule> rules_;
  std::deque<RuleSet> sets_;
  std::deque<RuleNode> nodes_;
};

}  // namespace golden::rego::ir
