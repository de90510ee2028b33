#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using SprintfTest = BuiltinTest;

// Expected texts were produced by OPA itself (tools/opa-oracle) for the same calls.
TEST_F(SprintfTest, FormatsLikeGoFmtAsOpaCallsIt) {
  struct Case {
    const char* format;
    const char* args;
    const char* want;
  } cases[] = {
      {"%v|%d|%s|%5.2f|%x|%q|%T", R"([1.5, 42, "a", 3.14159, 255, "q\n", 1])",
       "1.5|42|a| 3.14|ff|\"q\\n\"|int"},
      {"%d %v %v", R"([12345678901234567890, 1e6, {"a": {1, 2}}])",
       "12345678901234567890 1e+06 {\"a\": {1, 2}}"},
      {"%v %v %v %v", "[1.0, 100000000.0, 1234567.0, 0.00001]", "1 1e+08 1.234567e+06 1e-05"},
      {"%d", R"(["x"])", "%!d(string=x)"},
      {"%d %d", "[1]", "1 %!d(MISSING)"},
      {"%d", "[1, 2]", "1%!(EXTRA int=2)"},
      {"%!", "[]", "%!!(MISSING)"},
      {"%v %v", "[null, true]", "null true"},
      {"%t", "[true]", "%!t(string=true)"},
      {"%05d|%-5d|%+d|% d|%x|%X|%o|%b|%#x|%#o|%c|%U",
       "[42, 42, 42, 42, -255, 255, 8, 5, 255, 8, 65, 65]",
       "00042|42   |+42| 42|-ff|FF|10|101|0xff|010|A|U+0041"},
      {"%e|%E|%g|%G|%.3g|%10.3f|%-10.3f|%+.2e",
       "[123456.789, 0.000123, 1e21, 1e-7, 2.0, 3.14159, 2.5, 12345.678]",
       "1.234568e+05|1.230000E-04|1e+21|1E-07|2|     3.142|2.500     |+1.23e+04"},
      {"%s|%10s|%-10s|%.2s|%q|%x|% x|%#x",
       R"(["héllo", "ab", "ab", "héllo", "é\t", "hi", "hi", "hi"])",
       "héllo|        ab|ab        |hé|\"é\\t\"|6869|68 69|0x6869"},
      {"%[2]d %[1]d|%*d|%.*f|%[5]d", "[1, 2, 5, 42, 2, 3.14159]",
       "2 1| 5|%!f(int=000000000000000000000000000000000000000002)|2"},
      {"%v", R"([[1, "a", {"b": null}]])", "[1, \"a\", {\"b\": null}]"},
      {"%v", "[set()]", "set()"},
      {"%s", "[12345678901234567890123]", "12345678901234567890123"},
      {"%x %o %b %f",
       "[12345678901234567890123, 12345678901234567890123, 12345678901234567890123, "
       "12345678901234567890123]",
       "29d42b64e76714244cb 2472412662347316120442313 "
       "10100111010100001010110110010011100111011001110001010000100100010011001011 "
       "%!f(big.Int=12345678901234567890123)"},
      {"%v %d", "[1e400, 1e400]", "1e400 %!d(string=1e400)"},
  };
  for (const Case& c : cases) {
    std::string want = "\"";
    for (char ch : std::string(c.want)) {
      if (ch == '"' || ch == '\\') want.push_back('\\');
      want.push_back(ch);
    }
    want.push_back('"');
    EXPECT_TRUE(ResultIs(Call(builtins::kSprintf, {Value::String(c.format), T(c.args)}), want))
        << c.format << " " << c.args;
  }
}

TEST_F(SprintfTest, RejectsNonArrayValues) {
  EXPECT_TRUE(TypeErrorIs(CallT(builtins::kSprintf, {"\"%v\"", "{1}"}),
                          "operand 2 must be array but got set"));
  EXPECT_TRUE(TypeErrorIs(CallT(builtins::kSprintf, {"1", "[]"}),
                          "operand 1 must be string but got number"));
}

}  // namespace
}  // namespace golden::rego::testing

namespace golden::rego::testing {
namespace {

using FormatIntTest = BuiltinTest;

TEST_F(FormatIntTest, BasesAndTruncation) {
  EXPECT_TRUE(ResultIs(CallT(builtins::kFormatInt, {"255", "2"}), R"("11111111")"));
  EXPECT_TRUE(ResultIs(CallT(builtins::kFormatInt, {"-255", "16"}), R"("-ff")"));
  EXPECT_TRUE(ResultIs(CallT(builtins::kFormatInt, {"8", "8"}), R"("10")"));
  EXPECT_TRUE(ResultIs(CallT(builtins::kFormatInt, {"1.9", "10"}), R"("1")"));
  EXPECT_TRUE(ResultIs(CallT(builtins::kFormatInt, {"-1.9", "10"}), R"("-1")"));
  EXPECT_TRUE(ResultIs(CallT(builtins::kFormatInt, {"1e20", "16"}), R"("56bc75e2d63100000")"));
  // (OPA) long integers go through a 64-bit mantissa first.
  EXPECT_TRUE(ResultIs(CallT(builtins::kFormatInt, {"12345678901234567890123", "10"}),
                       R"("12345678901234567889920")"));
  EXPECT_TRUE(TypeErrorIs(CallT(builtins::kFormatInt, {"1", "3"}),
                          "operand 2 must be one of {2, 8, 10, 16}"));
  EXPECT_TRUE(TypeErrorIs(CallT(builtins::kFormatInt, {"1", "2.0"}),
                          "operand 2 must be one of {2, 8, 10, 16}"));
}

}  // namespace
}  // namespace golden::rego::testing
