#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using StringsTest = BuiltinTest;
namespace b = builtins;

// Where a test says "(OPA)", the expected value is what OPA answered for the same call.

TEST_F(StringsTest, Concat) {
  EXPECT_TRUE(ResultIs(CallT(b::kConcat, {R"(", ")", R"(["a", "b"])"}), R"("a, b")"));
  EXPECT_TRUE(ResultIs(CallT(b::kConcat, {R"("-")", R"({"b", "a"})"}), R"("a-b")"));
  EXPECT_TRUE(ResultIs(CallT(b::kConcat, {R"("")", "[]"}), R"("")"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kConcat, {R"("-")", R"(["a", 1])"}),
                          "operand 2 must be array of strings but got array containing number"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kConcat, {R"("-")", R"({"a", 1})"}),
                          "operand 2 must be set of strings but got set containing number"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kConcat, {R"("-")", R"("a")"}),
                          "operand 2 must be one of {set, array} but got string"));
}

TEST_F(StringsTest, IndexOfCountsCharacters) {
  EXPECT_TRUE(ResultIs(CallT(b::kIndexOf, {R"("héllo wörld")", R"("wö")"}), "6"));  // (OPA)
  EXPECT_TRUE(ResultIs(CallT(b::kIndexOf, {R"("abc")", R"("z")"}), "-1"));
  EXPECT_TRUE(ResultIs(CallT(b::kIndexOf, {R"("aaa")", R"("a")"}), "0"));
  EXPECT_TRUE(ErrorIs(CallT(b::kIndexOf, {R"("abc")", R"("")"}), "empty search character"));
  EXPECT_TRUE(ResultIs(CallT(b::kIndexOfN, {R"("aaaa")", R"("aa")"}), "[0, 1, 2]"));  // (OPA)
  EXPECT_TRUE(ResultIs(CallT(b::kIndexOfN, {R"("héhé")", R"("é")"}), "[1, 3]"));
  EXPECT_TRUE(ResultIs(CallT(b::kIndexOfN, {R"("x")", R"("y")"}), "[]"));
  EXPECT_TRUE(ErrorIs(CallT(b::kIndexOfN, {R"("abc")", R"("")"}), "empty search character"));
  // Invalid UTF-8: each bad byte is one character, as Go's []rune reads it.
  EXPECT_TRUE(ResultIs(Call(b::kIndexOf, {Value::String("\xff\xfe"
                                                        "ab"),
                                          Value::String("b")}),
                       "3"));
}

TEST_F(StringsTest, CaseMappingIsUnicodeAware) {
  // (OPA) İ lowers to i; ß has no single-character upper case; final sigma uppers to Σ.
  EXPECT_TRUE(ResultIs(CallT(b::kLower, {R"("ÀÉÎ ß Σ İ")"}), R"("àéî ß σ i")"));
  EXPECT_TRUE(ResultIs(CallT(b::kUpper, {R"("àéî ß σ ς ǆ ı")"}), R"("ÀÉÎ ß Σ Σ Ǆ I")"));
  EXPECT_TRUE(ResultIs(CallT(b::kUpper, {R"("")"}), R"("")"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kUpper, {"1"}), "operand 1 must be string but got number"));
}

TEST_F(StringsTest, Split) {
  EXPECT_TRUE(ResultIs(CallT(b::kSplit, {R"("a,b,,c")", R"(",")"}), R"(["a", "b", "", "c"])"));
  EXPECT_TRUE(ResultIs(CallT(b::kSplit, {R"("abc")", R"(",")"}), R"(["abc"])"));
  EXPECT_TRUE(ResultIs(CallT(b::kSplit, {R"("")", R"(",")"}), R"([""])"));
  EXPECT_TRUE(ResultIs(CallT(b::kSplit, {R"("héy")", R"("")"}), R"(["h", "é", "y"])"));
  EXPECT_TRUE(ResultIs(CallT(b::kSplit, {R"("")", R"("")"}), "[]"));
}

TEST_F(StringsTest, ReplaceFollowsGosReplacer) {
  EXPECT_TRUE(ResultIs(CallT(b::kReplace, {R"("aaa")", R"("a")", R"("b")"}), R"("bbb")"));
  EXPECT_TRUE(ResultIs(CallT(b::kReplace, {R"("abc")", R"("")", R"("-")"}), R"("-a-b-c-")"));
  EXPECT_TRUE(ResultIs(CallT(b::kReplace, {R"("ababab")", R"("aba")", R"("X")"}), R"("Xbab")"));
  // (OPA) the earliest key wins where several match; keys are taken in sorted order.
  EXPECT_TRUE(
      ResultIs(CallT(b::kStringsReplaceN, {R"({"a": "1", "ab": "2", "b": "3"})", R"("abcab")"}),
               R"("13c13")"));
  EXPECT_TRUE(ResultIs(CallT(b::kStringsReplaceN, {R"({"": "-"})", R"("ab")"}), R"("-a-b-")"));
  EXPECT_TRUE(ResultIs(CallT(b::kStringsReplaceN, {"{}", R"("ab")"}), R"("ab")"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kStringsReplaceN, {R"({1: "x"})", R"("a")"}),
                          "operand 1 non-string key found in pattern object"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kStringsReplaceN, {R"({"a": 1})", R"("a")"}),
                          "operand 1 non-string value found in pattern object"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kStringsReplaceN, {R"({"a": "b"})", "1"}),
                          "operand 2 must be string but got number"));
}

TEST_F(StringsTest, Trims) {
  EXPECT_TRUE(ResultIs(CallT(b::kTrim, {R"("  xx  ")", R"(" ")"}), R"("xx")"));
  EXPECT_TRUE(ResultIs(CallT(b::kTrim, {R"("abcba")", R"("ab")"}), R"("c")"));
  EXPECT_TRUE(ResultIs(CallT(b::kTrim, {R"("éaé")", R"("é")"}), R"("a")"));
  EXPECT_TRUE(ResultIs(CallT(b::kTrim, {R"("aaa")", R"("")"}), R"("aaa")"));
  EXPECT_TRUE(ResultIs(CallT(b::kTrimLeft, {R"("aabc")", R"("a")"}), R"("bc")"));
  EXPECT_TRUE(ResultIs(CallT(b::kTrimRight, {R"("abcc")", R"("c")"}), R"("ab")"));
  EXPECT_TRUE(ResultIs(CallT(b::kTrimPrefix, {R"("abc")", R"("ab")"}), R"("c")"));
  EXPECT_TRUE(ResultIs(CallT(b::kTrimPrefix, {R"("abc")", R"("bc")"}), R"("abc")"));
  EXPECT_TRUE(ResultIs(CallT(b::kTrimSuffix, {R"("abc")", R"("bc")"}), R"("a")"));
  EXPECT_TRUE(ResultIs(CallT(b::kTrimSuffix, {R"("abc")", R"("ab")"}), R"("abc")"));
  // (OPA) Unicode white space, including no-break and em spaces.
  EXPECT_TRUE(ResultIs(CallT(b::kTrimSpace, {"\" \\t\\n\\u00a0x\\u2003 \""}), R"("x")"));
  EXPECT_TRUE(ResultIs(CallT(b::kTrimSpace, {R"("   ")"}), R"("")"));
}

TEST_F(StringsTest, Substring) {
  EXPECT_TRUE(ResultIs(CallT(b::kSubstring, {R"("héllo")", "1", "3"}), R"("éll")"));
  EXPECT_TRUE(ResultIs(CallT(b::kSubstring, {R"("abc")", "5", "1"}), R"("")"));
  EXPECT_TRUE(ResultIs(CallT(b::kSubstring, {R"("abc")", "1", "-1"}), R"("bc")"));
  EXPECT_TRUE(ResultIs(CallT(b::kSubstring, {R"("")", "0", "1"}), R"("")"));
  EXPECT_TRUE(ResultIs(CallT(b::kSubstring, {R"("abc")", "0", "100"}), R"("abc")"));
  EXPECT_TRUE(ErrorIs(CallT(b::kSubstring, {R"("abc")", "-1", "1"}), "negative offset"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kSubstring, {R"("abc")", "1.5", "1"}),
                          "operand 2 must be integer number but got floating-point number"));
}

TEST_F(StringsTest, CountAndReverse) {
  EXPECT_TRUE(ResultIs(CallT(b::kStringsCount, {R"("cheese")", R"("e")"}), "3"));
  EXPECT_TRUE(ResultIs(CallT(b::kStringsCount, {R"("five")", R"("")"}), "5"));
  EXPECT_TRUE(ResultIs(CallT(b::kStringsCount, {R"("ééé")", R"("")"}), "4"));
  EXPECT_TRUE(ResultIs(CallT(b::kStringsCount, {R"("aaaa")", R"("aa")"}), "2"));
  EXPECT_TRUE(ResultIs(CallT(b::kStringsReverse, {R"("héllo")"}), R"("olléh")"));
  EXPECT_TRUE(ResultIs(CallT(b::kStringsReverse, {R"("")"}), R"("")"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kStringsReverse, {"{}"}), "operand 1 must be string but got object"));
}

TEST_F(StringsTest, AnyPrefixAndSuffixMatch) {
  EXPECT_TRUE(
      ResultIs(CallT(b::kStringsAnyPrefixMatch, {R"(["abc", "xyz"])", R"(["xy"])"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kStringsAnyPrefixMatch, {R"("abc")", R"({"b", "c"})"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kStringsAnyPrefixMatch, {R"("abc")", R"("")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kStringsAnySuffixMatch, {R"(["abc"])", R"("bc")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kStringsAnySuffixMatch, {"[]", R"("x")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kStringsAnySuffixMatch, {R"({"hé", "x"})", R"(["é"])"}), "true"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kStringsAnyPrefixMatch, {"1", R"("a")"}),
                          "operand 1 must be one of {string, set, array} but got number"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kStringsAnySuffixMatch, {R"("a")", "[1]"}),
                          "operand 2 must be array of strings but got array containing number"));
}

TEST_F(StringsTest, Predicates) {
  EXPECT_TRUE(ResultIs(CallT(b::kContains, {R"("abc")", R"("")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kContains, {R"("abc")", R"("d")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kStartsWith, {R"("abc")", R"("ab")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kEndsWith, {R"("abc")", R"("bc")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kEndsWith, {R"("abc")", R"("abcd")"}), "false"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kStartsWith, {R"("abc")", "null"}),
                          "operand 2 must be string but got null"));
}

}  // namespace
}  // namespace golden::rego::testing
