#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using BitsTest = BuiltinTest;
namespace b = builtins;

TEST_F(BitsTest, TwosComplementOnIntegersOfAnySize) {
  EXPECT_TRUE(ResultIs(CallT(b::kBitsAnd, {"12", "10"}), "8"));
  EXPECT_TRUE(ResultIs(CallT(b::kBitsOr, {"12", "10"}), "14"));
  EXPECT_TRUE(ResultIs(CallT(b::kBitsXor, {"12", "10"}), "6"));
  EXPECT_TRUE(ResultIs(CallT(b::kBitsAnd, {"-12", "10"}), "0"));
  EXPECT_TRUE(ResultIs(CallT(b::kBitsOr, {"1.0", "2"}), "3"));
  EXPECT_TRUE(ResultIs(CallT(b::kBitsNegate, {"5"}), "-6"));
  EXPECT_TRUE(ResultIs(CallT(b::kBitsNegate, {"-1"}), "0"));
  EXPECT_TRUE(ResultIs(CallT(b::kBitsNegate, {"18446744073709551616"}), "-18446744073709551617"));
  EXPECT_TRUE(ResultIs(CallT(b::kBitsXor, {"18446744073709551615", "1"}), "18446744073709551614"));
}

TEST_F(BitsTest, Shifts) {
  EXPECT_TRUE(ResultIs(CallT(b::kBitsLsh, {"1", "70"}), "1180591620717411303424"));
  EXPECT_TRUE(ResultIs(CallT(b::kBitsLsh, {"0", "1000000000000"}), "0"));
  EXPECT_TRUE(ResultIs(CallT(b::kBitsRsh, {"-5", "1"}), "-3"));
  EXPECT_TRUE(ResultIs(CallT(b::kBitsRsh, {"5", "100"}), "0"));
  EXPECT_TRUE(ResultIs(CallT(b::kBitsRsh, {"-5", "100000000000000000000"}), "-1"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kBitsLsh, {"1", "-1"}),
                  "operand 2 must be an unsigned integer number but got a negative integer"));
  EXPECT_TRUE(ErrorIs(CallT(b::kBitsLsh, {"1", "100000000000"}), "number out of range"));
}

TEST_F(BitsTest, OperandErrors) {
  EXPECT_TRUE(TypeErrorIs(CallT(b::kBitsAnd, {"7.2", "42"}),
                          "operand 1 must be integer number but got floating-point number"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kBitsXor, {"1", R"("2")"}), "operand 2 must be integer but got string"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kBitsNegate, {"null"}), "operand 1 must be integer but got null"));
}

}  // namespace
}  // namespace golden::rego::testing
