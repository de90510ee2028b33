#pragma once

// Test support for builtin unit tests: a registry with every builtin, a call helper that goes
// through the registry's operand checks as the evaluator does, and a reader for Rego term
// literals so tests can write sets and non-string keys ("{1, 2}", "{1: \"a\"}", "set()").

#include <gtest/gtest.h>

#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "rego/builtins/registry.h"
#include "value/value.h"

namespace golden {

/// Prints values as JSON in gtest failure messages.
void PrintTo(const Value& v, std::ostream* os);

namespace rego {

/// Prints results as "value <json>", "undefined", "type error: <msg>" or "error: <msg>".
void PrintTo(const BuiltinResult& r, std::ostream* os);

namespace testing {

/// Parses a Rego term literal: JSON plus sets ({1, 2}, set()), objects with non-string keys and
/// raw strings (`...`). Fails the test (and returns null) on a syntax error.
Value T(std::string_view text);

/// A fixture with every builtin registered.
class BuiltinTest : public ::testing::Test {
 protected:
  BuiltinTest();

  /// Calls `name` as the evaluator does: operand checks, then the implementation.
  BuiltinResult Call(std::string_view name, std::vector<Value> args);
  /// Calls `name` with arguments given as term literals.
  BuiltinResult CallT(std::string_view name, std::initializer_list<std::string_view> args);
  /// The value of a call that must succeed (fails the test otherwise and returns null).
  Value Eval(std::string_view name, std::initializer_list<std::string_view> args);

  Registry registry_;
  SharedCache cache_;
  BuiltinOptions options_;
  BuiltinContext ctx_;
};

/// Matches a BuiltinResult holding a value equal to the term literal `text`.
::testing::AssertionResult ResultIs(const BuiltinResult& r, std::string_view text);
/// Matches a type error whose message is exactly `message`.
::testing::AssertionResult TypeErrorIs(const BuiltinResult& r, std::string_view message);
/// Matches a builtin error whose message is exactly `message`.
::testing::AssertionResult ErrorIs(const BuiltinResult& r, std::string_view message);
/// Matches an undefined result.
::testing::AssertionResult IsUndefined(const BuiltinResult& r);

}  // namespace testing
}  // namespace rego
}  // namespace golden
