#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using AggregatesTest = BuiltinTest;
namespace b = builtins;

TEST_F(AggregatesTest, CountCountsElementsAndCharacters) {
  EXPECT_TRUE(ResultIs(CallT(b::kCount, {"[1, 2, 3]"}), "3"));
  EXPECT_TRUE(ResultIs(CallT(b::kCount, {"{1, 2}"}), "2"));
  EXPECT_TRUE(ResultIs(CallT(b::kCount, {R"({"a": 1})"}), "1"));
  EXPECT_TRUE(ResultIs(CallT(b::kCount, {R"("héllo")"}), "5"));
  EXPECT_TRUE(ResultIs(CallT(b::kCount, {R"("")"}), "0"));
  EXPECT_TRUE(ResultIs(Call(b::kCount, {Value::String("a\xff\xfe")}), "3"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kCount, {"null"}),
                          "operand 1 must be one of {array, object, set, string} but got null"));
}

TEST_F(AggregatesTest, MaxMinSort) {
  EXPECT_TRUE(ResultIs(CallT(b::kMax, {R"([1, "a", null, [0]])"}), "[0]"));
  EXPECT_TRUE(ResultIs(CallT(b::kMin, {R"([1, "a", null, [0]])"}), "null"));
  EXPECT_TRUE(ResultIs(CallT(b::kMax, {"{3, 1, 2}"}), "3"));
  EXPECT_TRUE(ResultIs(CallT(b::kMin, {"{3, 1, 2}"}), "1"));
  EXPECT_TRUE(IsUndefined(CallT(b::kMax, {"[]"})));
  EXPECT_TRUE(IsUndefined(CallT(b::kMin, {"set()"})));
  EXPECT_TRUE(
      ResultIs(CallT(b::kMax, {"[100000000000000000000000, 1e22]"}), "100000000000000000000000"));
  EXPECT_TRUE(ResultIs(CallT(b::kSort, {R"([3, "a", 1, false])"}), R"([false, 1, 3, "a"])"));
  EXPECT_TRUE(ResultIs(CallT(b::kSort, {"{3, 1}"}), "[1, 3]"));
  EXPECT_TRUE(ResultIs(CallT(b::kSort, {"[]"}), "[]"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kSort, {R"("ab")"}),
                          "operand 1 must be one of {set, array} but got string"));
}

TEST_F(AggregatesTest, AllAndAny) {
  EXPECT_TRUE(ResultIs(CallT(b::kAll, {"[true, true]"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kAll, {"[true, 1]"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kAll, {"[]"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kAny, {"{false, true}"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kAny, {"set()"}), "false"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kAny, {"1"}), "operand 1 must be one of {array, set} but got number"));
}

}  // namespace
}  // namespace golden::rego::testing

namespace golden::rego::testing {
namespace {

TEST_F(AggregatesTest, SumAndProductAreExactOnIntegers) {
  EXPECT_TRUE(ResultIs(CallT(b::kSum, {"[1, 2, 3]"}), "6"));
  EXPECT_TRUE(ResultIs(CallT(b::kSum, {"[]"}), "0"));
  EXPECT_TRUE(ResultIs(CallT(b::kSum, {"[1.0, 2]"}), "3"));
  EXPECT_TRUE(ResultIs(CallT(b::kSum, {"[9223372036854775807, 1]"}), "9223372036854775808"));
  EXPECT_TRUE(ResultIs(CallT(b::kSum, {"[123456789012345678901234567890, 1]"}),
                       "123456789012345678901234567891"));
  EXPECT_TRUE(ResultIs(CallT(b::kProduct, {"[]"}), "1"));
  EXPECT_TRUE(ResultIs(CallT(b::kProduct, {"{2, 3, 4}"}), "24"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kProduct, {"[12345678901234567890, 10]"}), "123456789012345678900"));
  EXPECT_TRUE(ResultIs(CallT(b::kProduct, {"[1e10, 1e10]"}), "100000000000000000000"));
}

TEST_F(AggregatesTest, SumAndProductOfFractionsPrintAsOpaDoes) {
  // (OPA) big.Float arithmetic, printed shortest.
  EXPECT_TRUE(ResultIs(CallT(b::kSum, {"[1, 2.5]"}), "3.5"));
  EXPECT_TRUE(ResultIs(CallT(b::kSum, {"[0.1, 0.2]"}), "0.3"));
  EXPECT_TRUE(ResultIs(CallT(b::kSum, {"[0.1, 0.7]"}), "0.8"));
  EXPECT_TRUE(ResultIs(CallT(b::kSum, {"{1.5, 2.5}"}), "4"));
  EXPECT_TRUE(ResultIs(CallT(b::kProduct, {"[2, 2.5]"}), "5"));
  EXPECT_TRUE(ResultIs(CallT(b::kProduct, {"[0.1, 0.2]"}), "0.020000000000000000001"));
  EXPECT_TRUE(ResultIs(CallT(b::kProduct, {"[0.1, 3]"}), "0.3"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kSum, {R"([1, "a"])"}),
                          "operand 1 must be array of numbers but got array containing string"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kProduct, {R"({1, "a"})"}),
                          "operand 1 must be set of numbers but got set containing string"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kSum, {"{}"}), "operand 1 must be one of {set, array} but got object"));
}

}  // namespace
}  // namespace golden::rego::testing
