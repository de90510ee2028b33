#include "value/number.h"

#include <gtest/gtest.h>

namespace golden {
namespace {

Number N(const char* s) {
  auto n = Number::Parse(s);
  EXPECT_TRUE(n.has_value()) << s;
  return n.value_or(Number());
}

TEST(Number, SmallIntsAreInline) {
  EXPECT_TRUE(N("42").IsSmallInt());
  EXPECT_TRUE(N("-9223372036854775808").IsSmallInt());
  EXPECT_FALSE(N("9223372036854775808").IsSmallInt());
  EXPECT_FALSE(N("1.5").IsSmallInt());
}

TEST(Number, ExactComparisonAcrossForms) {
  EXPECT_EQ(N("1"), N("1.0"));
  EXPECT_EQ(N("100"), N("1e2"));
  EXPECT_EQ(N("0.1"), N("1e-1"));
  EXPECT_EQ(N("0"), N("-0.0"));
  EXPECT_LT(N("-2"), N("-1.5"));
  EXPECT_LT(N("9223372036854775807"), N("9223372036854775808"));
  EXPECT_LT(N("123456789012345678901234567890"), N("123456789012345678901234567891"));
  EXPECT_LT(N("-123456789012345678901234567891"), N("-123456789012345678901234567890"));
  EXPECT_LT(N("0.30000000000000004"), N("0.3000000000000001"));
}

TEST(Number, HashAgreesWithEquality) {
  EXPECT_EQ(N("1").Hash(), N("1.0").Hash());
  EXPECT_EQ(N("1e2").Hash(), N("100").Hash());
  EXPECT_NE(N("1").Hash(), N("2").Hash());
}

TEST(Number, PrintsAsWritten) {
  EXPECT_EQ(N("1.50").ToString(), "1.50");
  EXPECT_EQ(N("123456789012345678901234567890").ToString(), "123456789012345678901234567890");
  EXPECT_EQ(N("-7").ToString(), "-7");
}

TEST(Number, RejectsNonJsonSyntax) {
  for (const char* bad : {"", "-", "01", "1.", ".5", "1e", "+1", "0x10", "1_000", "NaN", "1 "}) {
    EXPECT_FALSE(Number::Parse(bad).has_value()) << bad;
  }
}

TEST(Number, IntegerQueries) {
  EXPECT_TRUE(N("3.0").IsInteger());
  EXPECT_TRUE(N("1e30").IsInteger());
  EXPECT_FALSE(N("3.5").IsInteger());
  EXPECT_EQ(N("3.0").AsInt64(), 3);
  EXPECT_FALSE(N("1e30").AsInt64().has_value());
  EXPECT_FALSE(N("2.5").AsInt64().has_value());
}

TEST(Number, FromDoubleShortestGoStyle) {
  EXPECT_EQ(Number::FromDouble(2.5)->ToString(), "2.5");
  EXPECT_EQ(Number::FromDouble(3.0)->ToString(), "3");
  EXPECT_TRUE(Number::FromDouble(3.0)->IsSmallInt());
  EXPECT_EQ(Number::FromDouble(0.1 + 0.2)->ToString(), "0.30000000000000004");
  EXPECT_EQ(Number::FromDouble(1234567.5)->ToString(), "1.2345675e+06");
  EXPECT_EQ(Number::FromDouble(0.00001)->ToString(), "1e-05");
  EXPECT_EQ(Number::FromDouble(1e20)->ToString(), "100000000000000000000");
  EXPECT_FALSE(Number::FromDouble(1.0 / 0.0).has_value());
}

}  // namespace
}  // namespace golden
