#include "rego/builtins/registry.h"

#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/operands.h"
#include "value/json.h"

namespace golden::rego::testing {
namespace {

BuiltinResult Echo(BuiltinContext&, std::span<const Value> args) { return args[0]; }

Descriptor EchoDescriptor(std::string name, TypePtr arg) {
  return {.name = std::move(name), .args = {std::move(arg)}, .result = t::Any(), .fn = &Echo};
}

TEST(RegistryTest, RejectsDuplicatesAndMalformedDeclarations) {
  Registry r;
  ASSERT_TRUE(r.Register(EchoDescriptor("f", t::String())).ok());
  Status again = r.Register(EchoDescriptor("f", t::Number()));
  EXPECT_FALSE(again.ok());
  EXPECT_EQ(again.message(), "builtin registered twice: f");
  EXPECT_FALSE(r.Register(EchoDescriptor("", t::String())).ok());
  EXPECT_FALSE(r.Register(EchoDescriptor("g", nullptr)).ok());
  Descriptor too_many = EchoDescriptor("h", t::String());
  too_many.operand_expect = {"string", "number"};
  EXPECT_FALSE(r.Register(std::move(too_many)).ok());

  Descriptor plus{.name = "plus", .infix = "+", .args = {t::Number(), t::Number()}};
  Descriptor add{.name = "add", .infix = "+", .args = {t::Number(), t::Number()}};
  ASSERT_TRUE(r.Register(std::move(plus)).ok());
  EXPECT_FALSE(r.Register(std::move(add)).ok());
  ASSERT_NE(r.FindInfix("+"), nullptr);
  EXPECT_EQ(r.FindInfix("+")->name, "plus");
  EXPECT_EQ(r.Find("add"), nullptr);
}

TEST(RegistryTest, OperandErrorsNameTheDeclaredKinds) {
  Descriptor one = EchoDescriptor("one", t::String());
  Value n = Value::Int(1);
  auto err = CheckOperands(one, std::span<const Value>(&n, 1));
  ASSERT_TRUE(err.has_value());
  EXPECT_TRUE(TypeErrorIs(*err, "operand 1 must be string but got number"));

  // Alternatives are named in OPA's type order whatever the declaration order.
  Descriptor several = EchoDescriptor(
      "several", t::AnyOf({t::SetOfAny(), t::ArrayOfAny(), t::ObjectOfAny(), t::String()}));
  err = CheckOperands(several, std::span<const Value>(&n, 1));
  ASSERT_TRUE(err.has_value());
  EXPECT_TRUE(
      TypeErrorIs(*err, "operand 1 must be one of {string, array, object, set} but got number"));

  // A builtin's own wording wins.
  several.operand_expect = {"one of {object, set, array}"};
  err = CheckOperands(several, std::span<const Value>(&n, 1));
  EXPECT_TRUE(TypeErrorIs(*err, "operand 1 must be one of {object, set, array} but got number"));

  // Element types are the builtin's business; only the kind is checked here.
  Descriptor strings = EchoDescriptor("strings", t::ArrayOfString());
  Value mixed = T("[1, \"a\"]");
  EXPECT_FALSE(CheckOperands(strings, std::span<const Value>(&mixed, 1)).has_value());

  std::vector<Value> two = {Value::Int(1), Value::Int(2)};
  err = CheckOperands(one, two);
  ASSERT_TRUE(err.has_value());
  EXPECT_TRUE(TypeErrorIs(*err, "expected 1 arguments but got 2"));
}

TEST(RegistryTest, CallBuiltinChecksBeforeCalling) {
  Descriptor d = EchoDescriptor("echo", t::Boolean());
  BuiltinContext ctx;
  std::vector<Value> ok = {Value::Bool(true)};
  EXPECT_TRUE(ResultIs(CallBuiltin(d, ctx, ok), "true"));
  std::vector<Value> bad = {Value::Null()};
  EXPECT_TRUE(TypeErrorIs(CallBuiltin(d, ctx, bad), "operand 1 must be boolean but got null"));
}

TEST(RegistryTest, CapabilitiesUseOpasShape) {
  Registry r;
  ASSERT_TRUE(r.Register({.name = "count",
                          .args = {t::AnyOf(
                              {t::SetOfAny(), t::ArrayOfAny(), t::ObjectOfAny(), t::String()})},
                          .result = t::Number(),
                          .categories = {"aggregates"},
                          .fn = &Echo})
                  .ok());
  ASSERT_TRUE(r.Register({.name = "cast_set",
                          .args = {t::Named(t::Any(), "x", "a value")},
                          .result = t::SetOfAny(),
                          .deprecated = true,
                          .fn = &Echo})
                  .ok());
  ASSERT_TRUE(r.Register({.name = "walk",
                          .args = {t::Any()},
                          .result = t::ArrayStatic({t::ArrayOfAny(), t::Any()}),
                          .relation = true})
                  .ok());
  ASSERT_TRUE(
      r.Register({.name = "o",
                  .args = {t::ObjectStatic({{"pretty", t::Boolean()}, {"indent", t::String()}},
                                           t::String(), t::Any())},
                  .result = t::Null(),
                  .nondeterministic = true})
          .ok());
  ASSERT_TRUE(r.Register({.name = "now", .result = t::Number(), .nondeterministic = true}).ok());
  EXPECT_EQ(
      ToJson(r.CapabilitiesJson({"rego_v1"})),
      R"({"builtins":[)"
      R"({"decl":{"args":[{"type":"any"}],"result":{"of":{"type":"any"},"type":"set"},"type":"function"},"deprecated":true,"name":"cast_set"},)"
      R"({"decl":{"args":[{"of":[{"type":"string"},{"dynamic":{"type":"any"},"type":"array"},{"dynamic":{"key":{"type":"any"},"value":{"type":"any"}},"type":"object"},{"of":{"type":"any"},"type":"set"}],"type":"any"}],"result":{"type":"number"},"type":"function"},"name":"count"},)"
      // No "args" when there are none, as OPA marshals types.Function.
      R"({"decl":{"result":{"type":"number"},"type":"function"},"name":"now","nondeterministic":true},)"
      R"({"decl":{"args":[{"dynamic":{"key":{"type":"string"},"value":{"type":"any"}},"static":[{"key":"indent","value":{"type":"string"}},{"key":"pretty","value":{"type":"boolean"}}],"type":"object"}],"result":{"type":"null"},"type":"function"},"name":"o","nondeterministic":true},)"
      R"({"decl":{"args":[{"type":"any"}],"result":{"static":[{"dynamic":{"type":"any"},"type":"array"},{"type":"any"}],"type":"array"},"type":"function"},"name":"walk","relation":true}],)"
      R"("features":["rego_v1"],"wasm_abi_versions":[]})");
}

TEST(TypeTest, ToStringReadsLikeOpa) {
  EXPECT_EQ(t::ArrayOfString()->ToString(), "array[string]");
  EXPECT_EQ(t::AnyOf({t::SetOfAny(), t::String()})->ToString(), "any<string, set[any]>");
  EXPECT_EQ(t::ObjectOf(t::String(), t::Any())->ToString(), "object[string: any]");
  EXPECT_EQ(t::ArrayStatic({t::Number(), t::String()})->ToString(), "array<number, string>");
}

TEST(TypeTest, AcceptsChecksAllTheWayDown) {
  EXPECT_TRUE(t::ArrayOfString()->Accepts(T("[\"a\", \"b\"]")));
  EXPECT_FALSE(t::ArrayOfString()->Accepts(T("[\"a\", 1]")));
  EXPECT_TRUE(t::ArrayOfString()->AcceptsKind(T("[\"a\", 1]")));
  EXPECT_TRUE(t::ArrayStatic({t::Number(), t::String()})->Accepts(T("[1, \"a\"]")));
  EXPECT_FALSE(t::ArrayStatic({t::Number(), t::String()})->Accepts(T("[1]")));
  EXPECT_TRUE(t::SetOf(t::Number())->Accepts(T("{1, 2}")));
  EXPECT_FALSE(t::SetOf(t::Number())->Accepts(T("{1, \"2\"}")));
  TypePtr opts = t::ObjectStatic({{"pretty", t::Boolean()}});
  EXPECT_TRUE(opts->Accepts(T("{\"pretty\": true}")));
  EXPECT_FALSE(opts->Accepts(T("{\"pretty\": 1}")));
  EXPECT_FALSE(opts->Accepts(T("{\"other\": 1}")));
  EXPECT_TRUE(t::AnyOf({t::Null(), t::ArrayOfString()})->Accepts(T("null")));
}

}  // namespace
}  // namespace golden::rego::testing
