#pragma once

// The only public header of golden's Rego engine. The CLI (eval, test), enforce and every
// other caller use exactly this API:
//
//   Engine engine(options);
//   engine.AddModule("policy.rego", text);          // any number
//   engine.SetData(data);                           // the base document (data.*)
//   CompileResult compiled = engine.Compile();      // diagnostics, or an immutable policy
//   PreparedQuery q = compiled.policy->Prepare("data.pkg.deny") ...
//   EvalResult r = q.Eval(input, eval_options);    // many times, from many threads
//
// STATUS: contract sketch written by the lead before the engine exists. The Rego-language
// work fills it in and may refine signatures; keep the shape (Engine -> CompiledPolicy ->
// evaluate many times, thread-safe) and document any change here.

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
#include "value/value.h"

namespace golden::rego {

/// OPA error codes (named constants; never repeat the literals).
namespace errc {
inline constexpr std::string_view kParse = "rego_parse_error";
inline constexpr std::string_view kCompile = "rego_compile_error";
inline constexpr std::string_view kUnsafeVar = "rego_unsafe_var_error";
inline constexpr std::string_view kRecursion = "rego_recursion_error";
inline constexpr std::string_view kType = "rego_type_error";
inline constexpr std::string_view kEvalConflict = "eval_conflict_error";
inline constexpr std::string_view kEvalType = "eval_type_error";
inline constexpr std::string_view kEvalBuiltin = "eval_builtin_error";
inline constexpr std::string_view kEvalCancel = "eval_cancel_error";
}  // namespace errc

/// A parse or compile problem, in OPA's shape (code, message, location).
struct Diagnostic {
  std::string code;
  std::string message;
  SourceLocation where;
  /// "file:row: code: message", as OPA prints errors.
  std::string ToString() const;
};

/// An error that stopped an evaluation (OPA's topdown errors).
struct EvalError {
  std::string code;
  std::string message;
  SourceLocation where;
  std::string ToString() const;
};

struct EngineOptions {
  /// Parse every module as Rego v0 (OPA 1.x's --v0-compatible). Modules that import
  /// future.keywords or rego.v1 are handled per module as OPA does.
  bool v0_compatible = false;
  BuiltinOptions builtins;
};

struct EvalOptions {
  /// Builtin errors stop the query with eval_builtin_error/eval_type_error instead of making
  /// the expression undefined.
  bool strict_builtin_errors = false;
  /// time.now_ns() for this evaluation; default: the system clock when the query starts.
  std::optional<int64_t> now_ns;
  /// Receives print() lines; default: standard error.
  std::function<void(std::string_view)> print;
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
  std::vector<QueryResult> results;   ///< empty: undefined
  std::optional<EvalError> error;     ///< set when evaluation stopped with an error
};

class CompiledPolicy;

/// A query parsed and compiled against one policy; immutable and thread-safe.
class PreparedQuery {
 public:
  EvalResult Eval(const Value& input, const EvalOptions& options = {}) const;
  // (implementation-defined members)
};

/// The result of compiling: a policy, or the diagnostics that prevented it.
struct CompileResult {
  std::shared_ptr<const CompiledPolicy> policy;
  std::vector<Diagnostic> errors;
};

/// Collects modules and data, then compiles them once.
class Engine {
 public:
  explicit Engine(EngineOptions options = {});
  ~Engine();
  /// Adds a module (parsed at Compile time; problems become diagnostics).
  void AddModule(std::string filename, std::string text);
  /// Sets the base document (data.*). Rule-defined (virtual) documents overlay it.
  void SetData(Value data);
  CompileResult Compile();
};

/// An immutable compiled policy: modules, data and a rule index. Safe to use from several
/// threads at once; each evaluation has its own state.
class CompiledPolicy {
 public:
  /// Parses and compiles a query (a Rego body: "data.pkg.deny", "x := input.a; x > 1").
  /// Errors are diagnostics (parse errors, unsafe variables, type errors).
  std::variant<PreparedQuery, std::vector<Diagnostic>> Prepare(std::string_view query) const;

  /// Convenience: Prepare + Eval.
  EvalResult Eval(std::string_view query, const Value& input, const EvalOptions& options = {}) const;

  /// Package paths of every module ("data.pkg.sub"), sorted, and the rule names each defines,
  /// with their `# METADATA` annotations as OPA's JSON form (for enforce's reports).
  struct RuleInfo {
    std::string package;  ///< "data.golden.docker"
    std::string name;     ///< "deny"
    Value annotations;    ///< merged package/rule annotations, or null
    SourceLocation where;
  };
  std::vector<RuleInfo> Rules() const;
};

}  // namespace golden::rego
