#pragma once

// The only public header of golden's Rego engine. The CLI (eval, test), enforce and every
// other caller use exactly this API:
//
//   Engine engine(options);
//   engine.AddModule("policy.rego", text);          // any number
//   engine.SetData(data);                           // the base document (data.*)
//   CompileResult compiled = engine.Compile();      // diagnostics, or an immutable policy
//   auto prepared = compiled.policy->Prepare("data.pkg.deny");   // PreparedQuery or errors
//   EvalResult r = std::get<PreparedQuery>(prepared).Eval(input, eval_options);
//
// Contract:
//  - Compile() runs OPA's compiler (parse errors, unsafe variables, recursion, type and
//    conflict errors come back as Diagnostics with OPA's codes and messages).
//  - A CompiledPolicy and a PreparedQuery are immutable: Eval may be called concurrently
//    from several threads; each call has its own evaluation state (bindings, the
//    per-query cache of virtual documents, `with` replacements).
//  - Evaluation errors follow OPA: conflicts stop the query (eval_conflict_error); builtin
//    errors make the expression undefined unless strict_builtin_errors is set, in which
//    case the first one is the query's error. A query that fails returns no results.
//  - Engine::Compile may be called more than once (each call compiles what was added so
//    far); the policies it returns do not depend on the Engine afterwards.
//  - Query results follow `opa eval`: one QueryResult per solution, in evaluation order,
//    duplicates included; values are Rego values (sets stay sets until printed).
//  - print() output goes to EvalOptions::print, or standard error by default.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "base/status.h"
#include "rego/builtins/registry.h"
#include "rego/error_codes.h"
#include "value/value.h"

namespace golden::rego {

/// The source line OPA shows under a parse error, with the offending byte's index in it
/// (OPA's ParserErrorDetail; JSON: {"line": ..., "idx": ...}).
struct ErrorDetail {
  std::string line;
  int idx = 0;
  /// The two lines OPA prints: the source line without leading tabs, and a caret under the
  /// offending character.
  std::vector<std::string> Lines() const;
};

/// A parse or compile problem, in OPA's shape (code, message, location).
struct Diagnostic {
  std::string code;
  std::string message;
  SourceLocation where;  ///< line 0 when the problem has no particular place
  std::optional<ErrorDetail> detail;
  /// OPA's text form: "file:line: code: message" (or "line:col: ..." without a file name)
  /// followed by the detail lines, each after a newline and a tab.
  std::string ToString() const;
};

/// An error that stopped an evaluation (OPA's topdown errors).
struct EvalError {
  std::string code;
  std::string message;
  SourceLocation where;  ///< line 0 when unknown
  /// The source text of the failing expression (OPA shows it instead of "line:col" when
  /// the location has no file, as for query expressions).
  std::string text;
  /// OPA's text form: "file:line: code: message" (or "text: code: message").
  std::string ToString() const;
};

struct EngineOptions {
  /// Parse every module as Rego v0 (OPA 1.x's --v0-compatible). Modules that import
  /// rego.v1 are then checked against v1's rules, as OPA does.
  bool v0_compatible = false;
  /// As `opa test` does: within a module, the second and later rules named `test_x` become
  /// `test_x#01`, `test_x#02`, ..., so each definition is a test of its own (otherwise one
  /// passing body would hide a failing one).
  bool rename_duplicate_tests = false;
  BuiltinOptions builtins;
  /// Builtins added to golden's own for this engine's policies (a test harness's helpers,
  /// an embedder's functions). A name golden already has is a compile error.
  std::vector<Descriptor> extra_builtins;
};

class CoverageCollector;

struct EvalOptions {
  /// Builtin errors stop the query with eval_builtin_error/eval_type_error instead of making
  /// the expression undefined.
  bool strict_builtin_errors = false;
  /// time.now_ns() for this evaluation; default: the system clock when the query starts.
  std::optional<int64_t> now_ns;
  /// Seed for rand.intn/uuid.rfc4122; default: derived from the clock.
  std::optional<uint64_t> seed;
  /// Receives print() lines; default: standard error.
  std::function<void(std::string_view)> print;
  /// Records which lines the evaluation reached (`golden test --coverage`); null: nothing is
  /// recorded and evaluation pays nothing for it.
  CoverageCollector* coverage = nullptr;
};

/// Which source lines evaluations reached, as OPA's coverage tracer (cover.Cover) counts
/// them: the line of every expression that was evaluated, and the head line of every rule
/// that produced a value. One collector may serve any number of evaluations of one policy,
/// from several threads; CompiledPolicy::Coverage turns it into a per-file report.
class CoverageCollector {
 public:
  CoverageCollector();
  ~CoverageCollector();
  CoverageCollector(const CoverageCollector&) = delete;
  CoverageCollector& operator=(const CoverageCollector&) = delete;

  struct Impl;
  Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

/// The coverage of one policy file (OPA's cover.FileReport, by line).
struct FileCoverage {
  std::string file;
  std::vector<int> covered;      ///< lines reached, ascending
  std::vector<int> not_covered;  ///< lines that could have been reached but were not, ascending
};

/// The value of one expression of a query, as `opa eval` reports it.
struct ExpressionValue {
  Value value;
  std::string text;
  SourceLocation location;
};

/// One way the query succeeded: its expressions' values and its variables' bindings (sorted
/// by name; only user variables, never generated ones).
struct QueryResult {
  std::vector<ExpressionValue> expressions;
  std::vector<std::pair<std::string, Value>> bindings;
};

struct EvalResult {
  std::vector<QueryResult> results;  ///< empty: undefined
  std::optional<EvalError> error;    ///< set when evaluation stopped with an error
};

class CompiledPolicy;
struct PreparedQueryImpl;

/// A query parsed and compiled against one policy; immutable and thread-safe. Copies share
/// the same compiled query.
class PreparedQuery {
 public:
  /// Evaluates the query against `input` (nullopt: no input document at all, so refs to
  /// input are undefined).
  EvalResult Eval(const std::optional<Value>& input, const EvalOptions& options = {}) const;

 private:
  friend class CompiledPolicy;
  explicit PreparedQuery(std::shared_ptr<const PreparedQueryImpl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const PreparedQueryImpl> impl_;
};

/// The result of compiling: a policy, or the diagnostics that prevented it.
struct CompileResult {
  std::shared_ptr<const CompiledPolicy> policy;
  std::vector<Diagnostic> errors;
};

struct EngineState;

/// Collects modules and data, then compiles them once.
class Engine {
 public:
  explicit Engine(EngineOptions options = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  /// Adds a module (parsed at Compile time; problems become diagnostics).
  void AddModule(std::string filename, std::string text);
  /// Sets the base document (data.*). Rule-defined (virtual) documents overlay it.
  void SetData(Value data);
  CompileResult Compile();

 private:
  std::unique_ptr<EngineState> state_;
};

struct CompiledPolicyImpl;

/// How to prepare a query.
struct QueryOptions {
  /// Resolve names in the query as if written in this package (`opa eval --package`),
  /// e.g. "example" makes `allow` mean `data.example.allow`. Empty: none.
  std::string package;
  /// Capture each expression's value as `opa eval` does (so `1 == 2` yields false and a
  /// lone `x` yields its value even when false). Off: plain query semantics.
  bool capture_values = true;
  /// Imports in effect for the query (`opa eval --import`), e.g. "data.lib.x".
  std::vector<std::string> imports;
  /// File name for locations in the query (OPA uses none).
  std::string filename;
};

/// An immutable compiled policy: modules, data and a rule index. Safe to use from several
/// threads at once; each evaluation has its own state.
class CompiledPolicy {
 public:
  explicit CompiledPolicy(std::shared_ptr<const CompiledPolicyImpl> impl);
  ~CompiledPolicy();

  /// Parses and compiles a query (a Rego body: "data.pkg.deny", "x := input.a; x > 1").
  /// Errors are diagnostics (parse errors, unsafe variables, type errors).
  std::variant<PreparedQuery, std::vector<Diagnostic>> Prepare(
      std::string_view query, const QueryOptions& options = {}) const;

  /// Convenience: Prepare + Eval (compile errors come back as the result's error).
  EvalResult Eval(std::string_view query, const std::optional<Value>& input,
                  const EvalOptions& options = {}) const;

  /// Every rule of the policy with its `# METADATA` annotations (for enforce's reports).
  struct RuleInfo {
    std::string package;  ///< "data.golden.docker"
    std::string name;     ///< "deny"
    /// Annotations applying to the rule, as rego.metadata.chain() lists them (rule,
    /// document, package, subpackages), or null when there are none.
    Value annotations;
    SourceLocation where;
    /// A function (`f(x) := ...`): not a document, so it cannot be queried by its path.
    bool function = false;
    /// A multi-value rule (`deny contains msg if ...`, v0's `deny[msg]`): its document is a
    /// set. Otherwise the rule defines a single value (a complete document, or one key of
    /// an object for ref heads).
    bool multi_value = false;
  };
  std::vector<RuleInfo> Rules() const;

  /// The coverage of every module of this policy from what `hits` collected while
  /// evaluating queries prepared from it: covered and not covered lines per file (files in
  /// the order their modules were added). Coverable lines are rule heads and expressions
  /// (rules' bodies, comprehensions, `every`), as OPA's coverage report counts them.
  std::vector<FileCoverage> Coverage(const CoverageCollector& hits) const;

 private:
  std::shared_ptr<const CompiledPolicyImpl> impl_;
};

/// The builtins every engine knows (shared, read-only).
const Registry& DefaultBuiltins();

/// Parses a Rego value written as a term (`{"a": {1, 2}}`: sets, non-string keys), as
/// OPA's input_term and `--input` of .rego values. Fails on non-constant terms.
Result<Value> ParseRegoValue(std::string_view text);

}  // namespace golden::rego
