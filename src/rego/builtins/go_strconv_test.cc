#include "rego/builtins/go_strconv.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "rego/builtins/go_fmt.h"

namespace golden::rego {
namespace {

TEST(GoStrconvTest, QuoteEscapesAsGoDoes) {
  EXPECT_EQ(GoQuote("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(GoQuote("é\t\n\x01\x7f"), R"("é\t\n\x01\x7f")");
  EXPECT_EQ(GoQuote("\xff"), R"("\xff")");
  EXPECT_EQ(GoQuote("\u00a0\u2028"), R"("\u00a0\u2028")");
  EXPECT_EQ(GoQuote("\U0001F600"), "\"\U0001F600\"");
  EXPECT_EQ(GoQuote("é", /*ascii_only=*/true), R"("\u00e9")");
  EXPECT_EQ(GoQuote("\U0001F600", /*ascii_only=*/true), R"("\U0001f600")");
  EXPECT_EQ(GoQuoteRune('\''), R"('\'')");
  EXPECT_EQ(GoQuoteRune(0x110000), R"('�')");
  EXPECT_TRUE(GoCanBackquote("a b\tc"));
  EXPECT_FALSE(GoCanBackquote("a`b"));
  EXPECT_FALSE(GoCanBackquote("a\nb"));
}

TEST(GoStrconvTest, FormatFloat) {
  EXPECT_EQ(GoFormatFloat(1.5, 'g', -1), "1.5");
  EXPECT_EQ(GoFormatFloat(1e21, 'g', -1), "1e+21");
  EXPECT_EQ(GoFormatFloat(123456, 'g', -1), "123456");
  EXPECT_EQ(GoFormatFloat(1234567, 'g', -1), "1.234567e+06");
  EXPECT_EQ(GoFormatFloat(0.0001, 'g', -1), "0.0001");
  EXPECT_EQ(GoFormatFloat(0.00001, 'g', -1), "1e-05");
  EXPECT_EQ(GoFormatFloat(0, 'g', -1), "0");
  EXPECT_EQ(GoFormatFloat(-2.5, 'e', -1), "-2.5e+00");
  EXPECT_EQ(GoFormatFloat(123.456, 'e', 2), "1.23e+02");
  EXPECT_EQ(GoFormatFloat(1e100, 'e', 3), "1.000e+100");
  EXPECT_EQ(GoFormatFloat(3.14159, 'f', 2), "3.14");
  EXPECT_EQ(GoFormatFloat(1e21, 'f', -1), "1000000000000000000000");
  EXPECT_EQ(GoFormatFloat(2.0, 'g', 3), "2");
  EXPECT_EQ(GoFormatFloat(1e6, 'g', 3), "1e+06");
  EXPECT_EQ(GoFormatFloat(1.0, 'x', -1), "0x1p+00");
  EXPECT_EQ(GoFormatFloat(std::numeric_limits<double>::infinity(), 'g', -1), "+Inf");
  EXPECT_EQ(GoFormatFloat(std::nan(""), 'g', -1), "NaN");
}

TEST(GoFmtTest, PrintFamily) {
  std::vector<GoValue> args = {GoValue::Int(1), GoValue::Int(2), GoValue::String("x"),
                               GoValue::String("y"), GoValue::Int(3)};
  EXPECT_EQ(GoSprint(args), "1 2xy3");
  EXPECT_EQ(GoSprintln(args), "1 2 x y 3\n");
  std::vector<GoValue> nested = {
      GoValue::Slice({GoValue::Nil(), GoValue::JsonNumber("1.0")}),
      GoValue::Map({{"b", GoValue::Bool(true)}, {"a", GoValue::Float(0.5)}})};
  EXPECT_EQ(GoSprintf("%v %v", nested), "[<nil> 1.0] map[a:0.5 b:true]");
  EXPECT_EQ(GoSprintf("%d %d", nested),
            "[<nil> %!d(json.Number=1.0)] map[%!d(string=a):%!d(float64=0.5) "
            "%!d(string=b):%!d(bool=true)]");
  EXPECT_EQ(
      GoSprintf("%#v %#v", nested),
      "[]interface {}{interface {}(nil), \"1.0\"} map[string]interface {}{\"a\":0.5, \"b\":true}");
  std::vector<GoValue> one = {GoValue::String("s")};
  std::vector<GoValue> mixed = {GoValue::Int(1), GoValue::String("abc"), GoValue::String("ab"),
                                GoValue::String("hi")};
  EXPECT_EQ(GoSprintf("%T %5.1q|%-4s|%x", mixed), "int   \"a\"|ab  |6869");
  EXPECT_EQ(GoSprintf("%[3]v", one), "%!v(BADINDEX)");
  EXPECT_EQ(GoSprintf("%", one), "%!(NOVERB)%!(EXTRA string=s)");
  std::vector<GoValue> bad_width = {GoValue::String("w"), GoValue::Int(1)};
  EXPECT_EQ(GoSprintf("%*d", bad_width), "%!(BADWIDTH)1");
}

}  // namespace
}  // namespace golden::rego
