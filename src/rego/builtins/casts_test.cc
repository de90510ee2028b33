#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using CastsTest = BuiltinTest;
namespace b = builtins;

TEST_F(CastsTest, ToNumber) {
  EXPECT_TRUE(ResultIs(CallT(b::kToNumber, {R"("1.5")"}), "1.5"));
  EXPECT_TRUE(ResultIs(CallT(b::kToNumber, {R"("-12")"}), "-12"));
  EXPECT_TRUE(ResultIs(CallT(b::kToNumber, {R"("1e3")"}), "1000"));
  EXPECT_TRUE(ResultIs(CallT(b::kToNumber, {R"("123456789012345678901234567890")"}),
                       "123456789012345678901234567890"));
  // Go's ParseFloat syntax beyond JSON's, normalised to a plain number.
  EXPECT_TRUE(ResultIs(CallT(b::kToNumber, {R"("+3")"}), "3"));
  EXPECT_TRUE(ResultIs(CallT(b::kToNumber, {R"(".5")"}), "0.5"));
  EXPECT_TRUE(ResultIs(CallT(b::kToNumber, {R"("5.")"}), "5"));
  EXPECT_TRUE(ResultIs(CallT(b::kToNumber, {R"("007")"}), "7"));
  EXPECT_TRUE(ResultIs(CallT(b::kToNumber, {R"("1_000")"}), "1000"));
  EXPECT_TRUE(ResultIs(CallT(b::kToNumber, {R"("0x1p-2")"}), "0.25"));
  EXPECT_TRUE(ResultIs(CallT(b::kToNumber, {"true"}), "1"));
  EXPECT_TRUE(ResultIs(CallT(b::kToNumber, {"false"}), "0"));
  EXPECT_TRUE(ResultIs(CallT(b::kToNumber, {"null"}), "0"));
  EXPECT_TRUE(ResultIs(CallT(b::kToNumber, {"4.25"}), "4.25"));
  EXPECT_TRUE(ErrorIs(CallT(b::kToNumber, {R"("broken")"}),
                      "strconv.ParseFloat: parsing \"broken\": invalid syntax"));
  EXPECT_TRUE(ErrorIs(CallT(b::kToNumber, {R"(" 1")"}),
                      "strconv.ParseFloat: parsing \" 1\": invalid syntax"));
  EXPECT_TRUE(ErrorIs(CallT(b::kToNumber, {R"("1__0")"}),
                      "strconv.ParseFloat: parsing \"1__0\": invalid syntax"));
  EXPECT_TRUE(ErrorIs(CallT(b::kToNumber, {R"("1e400")"}),
                      "strconv.ParseFloat: parsing \"1e400\": value out of range"));
  for (const char* s : {R"("nan")", R"("-Inf")", R"("+infinity")", R"("iNf")"}) {
    EXPECT_TRUE(TypeErrorIs(CallT(b::kToNumber, {s}),
                            "operand 1 must be valid number string but got string"))
        << s;
  }
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kToNumber, {"[]"}),
                  "operand 1 must be one of {null, boolean, number, string} but got array"));
}

TEST_F(CastsTest, DeprecatedCasts) {
  EXPECT_TRUE(ResultIs(CallT(b::kCastArray, {"{2, 1}"}), "[1, 2]"));
  EXPECT_TRUE(ResultIs(CallT(b::kCastArray, {"[2, 1]"}), "[2, 1]"));
  EXPECT_TRUE(ResultIs(CallT(b::kCastSet, {"[2, 1, 2]"}), "{1, 2}"));
  EXPECT_TRUE(ResultIs(CallT(b::kCastString, {R"("a")"}), R"("a")"));
  EXPECT_TRUE(ResultIs(CallT(b::kCastBoolean, {"true"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kCastNull, {"null"}), "null"));
  EXPECT_TRUE(ResultIs(CallT(b::kCastObject, {"{}"}), "{}"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kCastArray, {"1"}),
                          "operand 1 must be one of {array, set} but got number"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kCastString, {"1"}), "operand 1 must be string but got number"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kCastObject, {"[]"}), "operand 1 must be object but got array"));
}

}  // namespace
}  // namespace golden::rego::testing
