#include "rego/builtins/arith.h"

#include <gtest/gtest.h>

#include <string>

namespace golden::rego::arith {
namespace {

Number N(std::string_view text) {
  std::optional<Number> n = Number::Parse(text);
  EXPECT_TRUE(n.has_value()) << text;
  return n ? *n : Number();
}

std::string Str(const Result<Number>& r) {
  if (!r.ok()) return "error: " + r.status().message();
  return r->ToString();
}

// Cases from OPA's arithmetic conformance suite (test-arithmetic-edges/bignum.yaml).
TEST(ArithTest, ExactIntegersOfAnySize) {
  EXPECT_EQ(Str(Add(N("18446744073709551617"), N("1"))), "18446744073709551618");
  EXPECT_EQ(Str(Sub(N("18446744073709551617"), N("1"))), "18446744073709551616");
  EXPECT_EQ(Str(Mul(N("18446744073709551617"), N("2"))), "36893488147419103234");
  EXPECT_EQ(Str(Add(N("123456789012345678901234567890"), N("1"))),
            "123456789012345678901234567891");
  EXPECT_EQ(Str(Sub(N("-18446744073709551617"), N("1"))), "-18446744073709551618");
  EXPECT_EQ(Str(Add(N("2147483647"), N("1"))), "2147483648");
  EXPECT_EQ(Str(Mul(N("2147483647"), N("2147483647"))), "4611686014132420609");
  EXPECT_EQ(Str(Add(N("9223372036854775807"), N("1"))), "9223372036854775808");
  EXPECT_EQ(Str(Mul(N("9223372036854775807"), N("-9223372036854775807"))),
            "-85070591730234615847396907784232501249");
  EXPECT_EQ(Str(Add(N("1e30"), N("1"))), "1000000000000000000000000000001");
  EXPECT_EQ(Str(Add(N("10.00"), N("5"))), "15");
  EXPECT_EQ(Str(Add(N("49649733057"), N("1"))), "49649733058");
}

TEST(ArithTest, FloatsPrintAsGoBigFloat) {
  EXPECT_EQ(Str(Add(N("1.5"), N("2.5"))), "4");
  EXPECT_EQ(Str(Add(N("1"), N("2.5"))), "3.5");
  EXPECT_EQ(Str(Mul(N("2.5"), N("2"))), "5");
  EXPECT_EQ(Str(Div(N("1"), N("4"))), "0.25");
  EXPECT_EQ(Str(Div(N("1"), N("3"))), "0.33333333333333333334");
  // Values checked against OPA (json.marshal of the results).
  EXPECT_EQ(Str(Div(N("2"), N("3"))), "0.6666666666666666667");
  EXPECT_EQ(Str(Div(N("1"), N("7"))), "0.14285714285714285714");
  EXPECT_EQ(Str(Div(N("22"), N("7"))), "3.1428571428571428572");
  EXPECT_EQ(Str(Mul(N("3.14159265358979323846264"), N("2"))), "6.283185307179586477");
  EXPECT_EQ(Str(Mul(N("0.000123456789"), N("3"))), "0.00037037036699999999998");
  EXPECT_EQ(Str(Mul(N("1e21"), N("1.5"))), "1500000000000000000000");
  EXPECT_EQ(Str(Mul(N("100000"), N("10.5"))), "1050000");
  EXPECT_EQ(Str(Add(N("1e-400"), N("0.5"))), "0.5");
  EXPECT_EQ(Str(Add(N("0.1"), N("0.2"))), "0.3");
  EXPECT_EQ(Str(Mul(N("1.1"), N("1.1"))), "1.21");
  EXPECT_EQ(Str(Mul(N("1234567.5"), N("1"))), "1.2345675e+06");
  EXPECT_EQ(Str(Div(N("1"), N("100000"))), "1e-05");
  EXPECT_EQ(Str(Div(N("1"), N("10000"))), "0.0001");
  EXPECT_EQ(Str(Add(N("1e-400"), N("0"))), "1e-400");
}

TEST(ArithTest, Division) {
  EXPECT_EQ(Str(Div(N("6"), N("3"))), "2");
  EXPECT_EQ(Str(Div(N("-6"), N("3"))), "-2");
  EXPECT_EQ(Str(Div(N("0"), N("5"))), "0");
  EXPECT_EQ(Str(Div(N("1"), N("0"))), "error: divide by zero");
  EXPECT_EQ(Str(Div(N("1"), N("0.0"))), "error: divide by zero");
  EXPECT_EQ(Str(Div(N("-9223372036854775808"), N("-1"))), "9223372036854775808");
}

TEST(ArithTest, Remainder) {
  EXPECT_EQ(Str(Rem(N("7"), N("4"))), "3");
  EXPECT_EQ(Str(Rem(N("-17"), N("5"))), "-2");
  EXPECT_EQ(Str(Rem(N("17"), N("-5"))), "2");
  EXPECT_EQ(Str(Rem(N("4.0"), N("3"))), "1");
  EXPECT_EQ(Str(Rem(N("7"), N("0"))), "error: modulo by zero");
  EXPECT_EQ(Str(Rem(N("1.1"), N("1"))), "error: modulo on floating-point number");
  EXPECT_EQ(Str(Rem(N("10"), N("18446744073709551616"))), "10");
  EXPECT_EQ(Str(Rem(N("100"), N("-18446744073709551616"))), "100");
  EXPECT_EQ(Str(Rem(N("18446744073709551617"), N("18446744073709551616"))), "1");
  EXPECT_EQ(Str(Rem(N("-9223372036854775808"), N("-1"))), "0");
}

TEST(ArithTest, UnaryOperations) {
  EXPECT_EQ(Str(Abs(N("-5"))), "5");
  EXPECT_EQ(Str(Abs(N("-2147483648"))), "2147483648");
  EXPECT_EQ(Str(Abs(N("-9223372036854775808"))), "9223372036854775808");
  EXPECT_EQ(Str(Abs(N("-2.5"))), "2.5");
  EXPECT_EQ(Str(Round(N("2.5"))), "3");
  EXPECT_EQ(Str(Round(N("-2.5"))), "-3");
  EXPECT_EQ(Str(Round(N("2.4"))), "2");
  EXPECT_EQ(Str(Round(N("-5"))), "-5");
  EXPECT_EQ(Str(Round(N("10.00"))), "10");
  EXPECT_EQ(Str(Ceil(N("1.01"))), "2");
  EXPECT_EQ(Str(Ceil(N("2222.2222222222"))), "2223");
  EXPECT_EQ(Str(Ceil(N("-1.99999"))), "-1");
  EXPECT_EQ(Str(Floor(N("99.99999"))), "99");
  EXPECT_EQ(Str(Floor(N("-1.001"))), "-2");
  // OPA's quirk for values between -1 and 0 (the truncated +0 counts as non-negative).
  EXPECT_EQ(Str(Ceil(N("-0.5"))), "1");
  EXPECT_EQ(Str(Floor(N("-0.5"))), "0");
  EXPECT_EQ(Str(Negate(N("5"))), "-5");
  EXPECT_EQ(Str(Negate(N("-9223372036854775808"))), "9223372036854775808");
}

TEST(ArithTest, HugeExponentsAreErrorsNotHangs) {
  EXPECT_EQ(Str(Add(N("1e1000000000"), N("0.5"))), "error: number out of range");
  EXPECT_EQ(Str(Round(N("1e100000000"))), "error: number out of range");
  EXPECT_FALSE(ToBigInt(N("1e1000000000")).has_value());
}

TEST(ArithTest, BigFloatShortestText) {
  BigFloat third = BigFloat::Quo(BigFloat::FromInt(1), BigFloat::FromInt(3));
  EXPECT_EQ(third.TextShortestG(), "0.33333333333333333334");
  EXPECT_EQ(BigFloat::FromDouble(0.5).TextShortestG(), "0.5");
  EXPECT_EQ(BigFloat::FromInt(mpz_class("1000000000000000000000")).TextShortestF(),
            "1000000000000000000000");
  EXPECT_EQ(BigFloat::FromNumber(N("1e21"))->TextShortestG(), "1e+21");
  EXPECT_EQ(BigFloat::FromNumber(N("123456.75"))->TextShortestG(), "123456.75");
}

TEST(ArithTest, IntegerConversions) {
  EXPECT_EQ(ToBigInt(N("3.0"))->get_str(), "3");
  EXPECT_EQ(ToBigInt(N("30e-1"))->get_str(), "3");
  EXPECT_EQ(ToBigInt(N("-1e3"))->get_str(), "-1000");
  EXPECT_FALSE(ToBigInt(N("3.5")).has_value());
  EXPECT_EQ(PlainInt64(N("42")), 42);
  EXPECT_FALSE(PlainInt64(N("42.0")).has_value());
  EXPECT_EQ(FromBigInt(mpz_class("-12")).ToString(), "-12");
  EXPECT_TRUE(FromBigInt(mpz_class("12")).IsSmallInt());
}

}  // namespace
}  // namespace golden::rego::arith
