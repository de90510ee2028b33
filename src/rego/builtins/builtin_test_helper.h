#pragma once

// Test-only helpers: call a registered builtin the way the evaluator does (operand checks from
// the declared types, then the implementation) without needing the evaluator.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/registry.h"
#include "value/json.h"
#include "value/value.h"

namespace golden::rego::testing {

/// A value from JSON (or any Rego term literal: sets, non-string keys).
inline Value J(std::string_view text) { return T(text); }

inline Value S(std::string_view s) { return Value::String(s); }

/// Owns a registry filled by `register_fn` and a per-query context.
class BuiltinHarness {
 public:
  explicit BuiltinHarness(Status (*register_fn)(Registry&)) {
    Status s = register_fn(registry_);
    EXPECT_TRUE(s.ok()) << s.message();
    ctx_.options = &options_;
    ctx_.shared = &shared_;
  }

  BuiltinResult Call(std::string_view name, std::vector<Value> args) {
    const Descriptor* d = registry_.Find(name);
    if (d == nullptr) {
      ADD_FAILURE() << "builtin not registered: " << name;
      return BuiltinResult::Error("not registered");
    }
    EXPECT_EQ(args.size(), d->args.size()) << name << " arity";
    if (auto err = CheckOperands(*d, args)) return *err;
    return d->fn(ctx_, args);
  }

  /// The value of a successful call (fails the test otherwise).
  Value Ok(std::string_view name, std::vector<Value> args) {
    BuiltinResult r = Call(name, std::move(args));
    EXPECT_TRUE(r.has_value()) << name << ": " << r.message();
    return r.has_value() ? r.value() : Value();
  }

  /// The message of a failing call (fails the test if it succeeded).
  std::string Err(std::string_view name, std::vector<Value> args,
                  BuiltinResult::Kind kind = BuiltinResult::Kind::kBuiltinError) {
    BuiltinResult r = Call(name, std::move(args));
    EXPECT_EQ(r.kind(), kind) << name << ": " << (r.has_value() ? ToJson(r.value()) : r.message());
    return r.message();
  }

  Registry& registry() { return registry_; }
  BuiltinContext& ctx() { return ctx_; }
  BuiltinOptions& options() { return options_; }

 private:
  Registry registry_;
  BuiltinOptions options_;
  SharedCache shared_;
  BuiltinContext ctx_;
};

}  // namespace golden::rego::testing
