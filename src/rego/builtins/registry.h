#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "rego/builtins/types.h"
#include "value/value.h"

namespace golden::rego {

/// What a builtin call produced: a value, nothing (the expression is undefined), or an
/// error. Errors follow OPA: a type error (`eval_type_error`, e.g. "operand 1 must be string
/// but got number") or a builtin error (`eval_builtin_error`). Messages exclude the
/// "<builtin name>: " prefix, which the evaluator adds. Unless strict builtin errors are on,
/// the evaluator turns an error into undefined, as OPA does.
class BuiltinResult {
 public:
  enum class Kind { kValue, kUndefined, kTypeError, kBuiltinError };

  BuiltinResult(Value v) : kind_(Kind::kValue), value_(std::move(v)) {}  // NOLINT: implicit
  static BuiltinResult Undefined() { return BuiltinResult(Kind::kUndefined, {}); }
  static BuiltinResult TypeError(std::string message) {
    return BuiltinResult(Kind::kTypeError, std::move(message));
  }
  static BuiltinResult Error(std::string message) {
    return BuiltinResult(Kind::kBuiltinError, std::move(message));
  }

  Kind kind() const { return kind_; }
  bool has_value() const { return kind_ == Kind::kValue; }
  bool is_error() const { return kind_ == Kind::kTypeError || kind_ == Kind::kBuiltinError; }
  const Value& value() const { return value_; }
  Value& value() { return value_; }
  const std::string& message() const { return message_; }

 private:
  BuiltinResult(Kind k, std::string message) : kind_(k), message_(std::move(message)) {}
  Kind kind_;
  Value value_;
  std::string message_;
};

/// Thread-safe caches shared by every evaluation of one compiled policy (compiled regular
/// expressions, parsed JSON schemas, ...). Builtins keep their own entries under a key prefix.
class SharedCache {
 public:
  /// Returns the cached object for `key`, creating it with `make` on first use. `make` may
  /// return nullptr (not cached).
  std::shared_ptr<const void> GetOrCreate(const std::string& key,
                                          const std::function<std::shared_ptr<const void>()>& make);

 private:
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const void>, std::less<>> entries_;
};

/// Settings that change what builtins may do (plain data, passed explicitly).
struct BuiltinOptions {
  /// Allow builtins that reach the network (http.send, net.lookup_ip_addr). Off by default;
  /// when off they fail with an error naming the flag.
  bool allow_net = false;
  /// The flag that enables network access, for that error message.
  std::string allow_net_flag = "--allow-net";
  /// opa.runtime() describes the engine ({env, version, commit}) only when this is set, as
  /// `opa eval` does; otherwise it returns {}, as OPA embedded without runtime information.
  bool runtime_info = false;
  /// Environment exposed by opa.runtime().env.
  Value env = Value::EmptyObject();
};

/// Per-query state that builtins read. One per evaluation; never shared between threads.
struct BuiltinContext {
  /// time.now_ns() for this query: fixed when the query starts.
  int64_t now_ns = 0;
  /// Seed for rand.intn / uuid.rfc4122 (per query; OPA answers the same call alike within
  /// one query).
  uint64_t seed = 0;
  bool strict_builtin_errors = false;
  const BuiltinOptions* options = nullptr;
  SharedCache* shared = nullptr;
  /// Receives print() output (one line per call, without the trailing newline).
  std::function<void(std::string_view)> print;
  /// Per-query memo, keyed by "<builtin>\0<args json>" or similar.
  std::map<std::string, Value, std::less<>> memo;
  /// Parses a Rego module into OPA's AST JSON (for rego.parse_module); set by the engine.
  std::function<BuiltinResult(std::string_view filename, std::string_view text)> parse_module;
};

/// A builtin's implementation. `args` has exactly the declared arity, each argument already
/// checked against its declared type when the descriptor says so.
using BuiltinFn = BuiltinResult (*)(BuiltinContext& ctx, std::span<const Value> args);

/// A builtin declared as data: OPA's name, typed signature, categories and flags.
struct Descriptor {
  std::string name = {};
  /// Infix operator, for the builtins OPA also spells as operators ("+", "==", "in", ...).
  std::string infix = {};
  std::vector<TypePtr> args = {};
  /// nullptr for builtins with no result (print, trace's boolean is declared).
  TypePtr result = {};
  /// print takes any number of arguments.
  bool variadic = false;
  /// The result is a list of alternatives to iterate (walk).
  bool relation = false;
  bool nondeterministic = false;
  bool deprecated = false;
  std::vector<std::string> categories = {};
  std::string description = {};
  /// Check the kind of every argument against `args` before calling `fn`, with OPA's operand
  /// messages ("operand 1 must be string but got number"). Element types inside collections
  /// are the builtin's to check, because OPA words those errors per builtin.
  bool check_arg_types = true;
  /// How OPA's runtime error names what argument i accepts ("operand i must be <this> but got
  /// number"), where its builtin words it differently from the declared type's kinds in type
  /// order: "one of {array, object, set, string}" for count, "integer" for bits.*. Indexed by
  /// argument; a missing or empty entry uses the declared type.
  std::vector<std::string> operand_expect = {};
  /// nullptr when the evaluator implements the builtin itself (print, rego.metadata.*).
  BuiltinFn fn = nullptr;
};

/// The set of builtins an engine knows. Filled once (RegisterAllBuiltins), then read-only and
/// safe to share between threads.
class Registry {
 public:
  /// Adds a builtin; fails on a duplicate name or infix operator, and on a malformed
  /// declaration (empty name, missing types, more operand_expect entries than arguments).
  Status Register(Descriptor d);
  const Descriptor* Find(std::string_view name) const;
  const Descriptor* FindInfix(std::string_view op) const;
  /// Every builtin, sorted by name.
  std::vector<const Descriptor*> All() const;
  /// OPA's capabilities.json document: {"builtins": [{"name", "decl": {...}, ...}, ...],
  /// "wasm_abi_versions": [], "features": [...]}, builtins sorted by name, in the minimal form
  /// OPA writes (no descriptions, categories or argument names). `features` lists the language
  /// features the engine supports ("rego_v1", ...).
  Value CapabilitiesJson(const std::vector<std::string>& features = {}) const;

 private:
  std::map<std::string, std::unique_ptr<Descriptor>, std::less<>> by_name_;
  std::map<std::string, const Descriptor*, std::less<>> by_infix_;
};

/// Checks the number of `args` and the kind of each against `d`'s declaration; returns the type
/// error OPA gives for the first mismatching operand ("operand 2 must be string but got
/// number"), or nullopt.
std::optional<BuiltinResult> CheckOperands(const Descriptor& d, std::span<const Value> args);

/// Calls `d.fn` after CheckOperands: the one way evaluators should invoke a builtin.
/// `d.fn` must be set.
BuiltinResult CallBuiltin(const Descriptor& d, BuiltinContext& ctx, std::span<const Value> args);

/// Registers every builtin golden implements (each namespace file contributes one
/// Register<Namespace>Builtins function, called from here).
Status RegisterAllBuiltins(Registry& registry);

}  // namespace golden::rego
