#pragma once

// The top-down evaluator (OPA's topdown): goal-directed evaluation of bodies with
// unification, backtracking over a trail of bindings, lazily evaluated virtual documents
// cached per query, `with` scoping, and OPA's error semantics.
//
// Control flow is continuation passing: each step calls `k` for every solution and
// returns true when the continuation asked to stop (an early exit: a `not`, an `every`
// body, a rule whose value cannot change). Bindings made for a solution are undone before
// the step returns.
//
// Errors that end the whole query (conflicts, strict builtin errors, limits) are thrown as
// `Halt`, the single internal unwinding type, and caught only in Evaluator::Run, which is
// the evaluation boundary (CompiledPolicy/PreparedQuery::Eval). Nothing else throws.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rego/builtins/registry.h"
#include "rego/eval/fn_ref.h"
#include "rego/eval/frames.h"
#include "rego/eval/ir.h"

namespace golden::rego {

/// Why an evaluation stopped.
struct EvalFailure {
  std::string_view code;
  std::string message;
  Span span;
  bool has_span = true;
};

/// What an evaluation reads.
struct EvalEnv {
  const ir::Program* program = nullptr;
  const Value* data = nullptr;   ///< the base document
  const Value* input = nullptr;  ///< null when there is no input
  BuiltinContext* builtins = nullptr;
  /// Coverage: receives CoverageKey(span) of every expression evaluated and of the head of
  /// every rule that produced a value; null when not collecting.
  std::unordered_set<uint64_t>* coverage = nullptr;
};

/// The key a span's start is recorded under in EvalEnv::coverage.
inline uint64_t CoverageKey(const Span& span) {
  return (static_cast<uint64_t>(span.source) << 32) | span.begin;
}

class Evaluator {
 public:
  explicit Evaluator(const EvalEnv& env);
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  /// Evaluates `q`, calling `on_result` with the query's frame for every solution. Returns
  /// the failure that ended evaluation (the first builtin error under strict builtin
  /// errors, a conflict, a limit), or nullopt.
  std::optional<EvalFailure> Run(const ir::Query& q, FnRef<void(const Binding*)> on_result);

  /// The value of a slot of a result frame (following aliases), or null when unbound.
  static const Value* SlotValue(const Binding* frame, ir::Slot slot);

 private:
  using Cont = FnRef<bool()>;
  using ValueCont = FnRef<bool(const Value&)>;
  struct Halt {
    EvalFailure failure;
  };

  // ---- errors (topdown.cc) ----
  [[noreturn]] void Fail(std::string_view code, std::string message, Span span);
  void RecordBuiltinError(std::string_view code, std::string message, Span span);
  /// Coverage: the rule produced a value (OPA's Exit event on the rule's head).
  void RuleExit(const ir::Rule* rule) {
    if (coverage_ != nullptr) coverage_->insert(CoverageKey(rule->head_span));
  }

  // ---- bodies and expressions (topdown.cc) ----
  bool EvalBody(const ir::Body& b, size_t i, Binding* f, Cont k);
  bool EvalExpr(const ir::Expr& e, Binding* f, Cont k);
  bool EvalStep(const ir::Expr& e, Binding* f, Cont k);
  bool EvalPositive(const ir::Expr& e, Binding* f, Cont k);
  bool EvalTermExpr(const ir::Term* t, Binding* f, Cont k);
  bool EvalUnify(const ir::Term* a, const ir::Term* b, Binding* f, Cont k);
  bool UnifyWithValue(const ir::Term* t, Binding* f, const Value& v, Cont k);
  bool EvalEvery(const ir::Expr& e, Binding* f, Cont k);
  Value EvalComprehension(const ir::Term* t, Binding* f);
  Value ComputeComprehension(const ir::Term* t, Binding* f);

  // ---- patterns and bindings (topdown.cc) ----
  /// The value of a pattern when all its variables are bound; `scratch` holds composite
  /// results. Null when a variable is unbound or `t` is not a pattern.
  const Value* Plug(const ir::Term* t, Binding* f, Value* scratch);
  /// Unifies a pattern with a value, binding variables (undo via the trail on failure).
  bool UnifyPV(const ir::Term* p, Binding* f, const Value& v);
  /// Unifies two patterns of the same frame.
  bool UnifyPP(const ir::Term* a, const ir::Term* b, Binding* f);
  static Binding* Resolve(Binding* f, ir::Slot s);
  void Bind(Binding* b, const Value& v) {
    b->value = v;
    b->bound = true;
    trail_.Push(b);
  }

  // ---- refs over values (topdown.cc) ----
  bool EvalRef(const ir::Term* ref, Binding* f, ValueCont k);
  bool WalkValue(const Value& v, const ir::Term* ref, size_t pos, Binding* f, ValueCont k);

  // ---- the data document and rules (virtual_docs.cc) ----
  struct DataPos {
    const Value* store = nullptr;     ///< the base document here
    const Value* override = nullptr;  ///< the `with data...` replacement here
    bool prefixed = false;            ///< under a with-target: only `override` counts
  };
  bool EvalDataRef(const ir::Term* ref, Binding* f, ValueCont k);
  bool WalkData(const ir::Term* ref, size_t pos, const ir::RuleNode* node, const DataPos& base,
                Binding* f, ValueCont k);
  bool NextData(const ir::Term* ref, size_t pos, const ir::RuleNode* node, const DataPos& base,
                const Value& key, Binding* f, ValueCont k);
  std::optional<Value> BaseValue(const DataPos& base);
  DataPos Descend(const DataPos& base, const Value& key);
  Value Leaves(const ir::RuleNode* node, const DataPos& base);
  bool EvalVirtual(const ir::RuleSet& rs, const ir::Term* ref, size_t pos, Binding* f,
                   ValueCont k);
  /// The whole document a rule set defines (complete value or partial set/object).
  std::optional<Value> Extent(const ir::RuleSet& rs);
  std::optional<Value> CompleteValue(const ir::RuleSet& rs);
  std::optional<Value> RuleValue(const ir::Rule* rule, std::optional<Value>* prev, bool early,
                                 const char* conflict);
  Value PartialValue(const ir::RuleSet& rs, const std::vector<Value>& keys);

  // ---- calls (calls.cc) ----
  bool EvalCall(const ir::Expr& e, Binding* f, Cont k);
  bool EvalBuiltin(const ir::Expr& e, const Descriptor* d, Binding* f, Cont k);
  bool EvalInternal(const ir::Expr& e, const Descriptor* d, std::span<const Value> args,
                    Binding* f, Cont k);
  bool CallTarget(const ir::Expr& e, const ir::RuleSet* func, const Descriptor* builtin,
                  Binding* f, Cont k);
  bool EvalFunction(const ir::Expr& e, const ir::RuleSet& rs, Binding* f, Cont k);
  std::optional<Value> FunctionValue(const ir::RuleSet& rs, std::span<const Value> args,
                                     const Value* out);
  bool YieldCallResult(const ir::Expr& e, const Value& v, bool void_result, Binding* f, Cont k);
  /// An active replacement of a function or builtin (`with f as ...`).
  struct Mock {
    const ir::With* with;
    Value value;  ///< the replacement value, when it is not a function
    const ir::Term* ref = nullptr;  ///< or a ref to a rule, evaluated at each call
  };
  const Mock* FindMock(const void* target) const;

  // ---- with (with.cc) ----
  bool EvalWith(const ir::Expr& e, Binding* f, Cont k);
  bool PathPrefixed(const std::vector<Value>& path) const;

  // ---- caches ----
  struct CacheKey {
    const void* id;
    std::vector<Value> keys;
    bool operator==(const CacheKey& o) const { return id == o.id && keys == o.keys; }
  };
  struct CacheKeyHash {
    size_t operator()(const CacheKey& k) const;
  };
  using Cache = std::unordered_map<CacheKey, std::optional<Value>, CacheKeyHash>;
  Cache& cache() { return caches_.back(); }

  const ir::Program& program_;
  const Value* data_;
  const Value* input_;
  BuiltinContext* bctx_;
  std::unordered_set<uint64_t>* coverage_;
  FrameStack frames_;
  Trail trail_;
  std::vector<Cache> caches_;
  int depth_ = 0;
  std::optional<EvalFailure> builtin_error_;

  // `with` state (the values live in EvalWith's frame while they are active).
  const Value* data_override_ = nullptr;
  std::vector<const std::vector<Value>*> targets_;  ///< data paths replaced by active withs
  std::vector<Value> path_;                         ///< the data path walked (with targets)
  std::vector<Mock> mocks_;                         ///< active function replacements
  size_t mock_floor_ = 0;  ///< replacements below this are hidden (inside a replacement)
};

}  // namespace golden::rego
