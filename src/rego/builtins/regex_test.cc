#include <gtest/gtest.h>

#include <string>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using RegexTest = BuiltinTest;
namespace b = builtins;

// Where a test says "(OPA)", the expected value is what OPA answered for the same call.

TEST_F(RegexTest, MatchUsesGoSyntax) {
  EXPECT_TRUE(ResultIs(CallT(b::kRegexMatch, {R"("^\\pL+$")", R"("héllo")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexMatch, {R"("b")", R"("abc")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexMatch, {R"("^b")", R"("abc")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexMatch, {R"("(?i)ABC")", R"("xabcx")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexMatch, {R"j("(?<word>\\w+)")j", R"("x")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kReMatch, {R"("^a.c$")", R"("abc")"}), "true"));
  EXPECT_TRUE(ErrorIs(CallT(b::kRegexMatch, {R"("[")", R"("x")"}),
                      "error parsing regexp: missing closing ]: `[`"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kRegexMatch, {"1", R"("x")"}),
                          "operand 1 must be string but got number"));
}

TEST_F(RegexTest, IsValid) {
  EXPECT_TRUE(ResultIs(CallT(b::kRegexIsValid, {R"(".*")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexIsValid, {R"("[")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexIsValid, {R"("\\C")"}), "false"));  // no \C in Go
  EXPECT_TRUE(ResultIs(CallT(b::kRegexIsValid, {R"("a{1001}")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexIsValid, {R"j("(?<n>a)")j"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexIsValid, {"1"}), "false"));
}

TEST_F(RegexTest, FindFollowsGosIterationRules) {
  EXPECT_TRUE(ResultIs(CallT(b::kRegexFindN, {R"("a*")", R"("baaab")", "-1"}),
                       R"(["", "aaa", ""])"));  // (OPA)
  EXPECT_TRUE(ResultIs(CallT(b::kRegexFindN, {R"("")", R"("abc")", "-1"}), R"(["", "", "", ""])"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexFindN, {R"("[oa]+")", R"("foo bar")", "1"}), R"(["oo"])"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexFindN, {R"("x")", R"("abc")", "0"}), "[]"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexFindN, {R"(".")", R"("hé")", "-1"}), R"(["h", "é"])"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kRegexFindN, {R"(".")", R"("x")", "1.5"}),
                          "operand 3 must be integer number but got floating-point number"));
  EXPECT_TRUE(ResultIs(
      CallT(b::kRegexFindAllStringSubmatchN, {R"j("a(x*)b(y)?")j", R"("-ab-axxb-")", "-1"}),
      R"([["ab", "", ""], ["axxb", "xx", ""]])"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexFindAllStringSubmatchN, {R"j("(\\d)")j", R"("1 2 3")", "2"}),
                       R"([["1", "1"], ["2", "2"]])"));
}

TEST_F(RegexTest, Split) {
  EXPECT_TRUE(
      ResultIs(CallT(b::kRegexSplit, {R"("a*")", R"("baaac")"}), R"(["b", "c"])"));  // (OPA)
  EXPECT_TRUE(ResultIs(CallT(b::kRegexSplit, {R"("/")", R"("")"}), R"([""])"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexSplit, {R"("")", R"("abc")"}), R"(["a", "b", "c"])"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexSplit, {R"("x*")", R"("axbxc")"}), R"(["a", "b", "c"])"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kRegexSplit, {R"("/")", R"("foo//bar/")"}), R"(["foo", "", "bar", ""])"));
}

TEST_F(RegexTest, ReplaceExpandsLikeGo) {
  EXPECT_TRUE(
      ResultIs(CallT(b::kRegexReplace, {R"("abc")", R"("")", R"("-")"}), R"("-a-b-c-")"));  // (OPA)
  EXPECT_TRUE(ResultIs(CallT(b::kRegexReplace, {R"("aaa")", R"("a*")", R"("X")"}), R"("X")"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kRegexReplace, {R"("John Smith")", R"j("(?P<first>\\w+) (?P<last>\\w+)")j",
                                        R"("${last}, $first $$ $9 $x")"}),
               R"("Smith, John $  ")"));
  // "$1x" names a group "1x", which does not exist.
  EXPECT_TRUE(
      ResultIs(CallT(b::kRegexReplace, {R"("abab")", R"j("(a)(b)")j", R"("$1x$2")"}), R"("bb")"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexReplace, {R"("foo")", R"("^[a-z]")", R"("F")"}), R"("Foo")"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexReplace, {R"("héllo")", R"("l")", R"("L")"}), R"("héLLo")"));
  EXPECT_TRUE(ErrorIs(CallT(b::kRegexReplace, {R"("foo")", R"("[")", R"("x")"}),
                      "error parsing regexp: missing closing ]: `[`"));
}

TEST_F(RegexTest, TemplateMatch) {
  EXPECT_TRUE(ResultIs(CallT(b::kRegexTemplateMatch,
                             {R"("urn:foo:{.*}")", R"("urn:foo:bar:baz")", R"("{")", R"("}")"}),
                       "true"));
  EXPECT_TRUE(ResultIs(
      CallT(b::kRegexTemplateMatch,
            {R"("urn:foo.bar.com:{.*}")", R"("urn:fooXbar.com:bar:baz")", R"("{")", R"("}")"}),
      "false"));  // literal parts are quoted
  EXPECT_TRUE(
      ResultIs(CallT(b::kRegexTemplateMatch, {R"("/users/id-<[0-9]{1,4}>/update")",
                                              R"("/users/id-123/update")", R"("<")", R"(">")"}),
               "true"));
  EXPECT_TRUE(ErrorIs(CallT(b::kRegexTemplateMatch, {R"("a{b")", R"("x")", R"("{")", R"("}")"}),
                      "unbalanced braces in \"a{b\""));
  EXPECT_TRUE(ErrorIs(CallT(b::kRegexTemplateMatch, {R"("a")", R"("x")", R"("{{")", R"("}")"}),
                      "start delimiter has to be exactly one character long but is 2 long"));
}

TEST_F(RegexTest, GlobsMatchAgreesWithOpasLibrary) {
  // The library's own cases, as OPA's tests use them.
  std::vector<std::pair<std::string, std::vector<std::string>>> non_empty = {
      {"abcd", {"abcd", "....", "[a-d]*"}},
      {"pqrs", {".qrs", "p.rs", "pq.s", "pqr."}},
      {".*", {"asdklfj", "jasdfh", "asdhfajfh", "asdflkasdfjl"}},
      {"d*", {"[abcd][abcd]", "d[a-z]+", ".....", "[d]*"}},
      {"[a-p]+", {"[p-z]+", "apapapaapapapap", ".*", "abcdefgh*"}},
      {"abcd[a-c]z+", {"abcd[b-d][yz]*", "abcdazzzz", "abcdbzzz", "abcdcz"}},
      {".*\\\\", {".*", "asdfasdf\\\\"}},
      {".a.a", {"b.b.", "c.c.", "d.d.", "e.e."}},
      {".*.*.*.*.*.*.*.*.*.*.*.*.*.*.*", {".*.*.*.*.*.*.*.*.*.*.*"}},
      {"foo.*bar", {"foobar", "fooalkdsjfbar"}},
  };
  std::vector<std::pair<std::string, std::vector<std::string>>> empty = {
      {"abcd", {"lsdfhda", "abcdla", "asdlfk", "ksdfj"}},
      {"[a-d]+", {"xyz", "p+", "[e-f]+"}},
      {"[0-9]*", {"[a-z]", ".\\*"}},
      {"mamama.*", {"dadada.*", "nanana.*"}},
      {".xyz.", {"paaap", ".*pqr.*"}},
      {"ab+", {"a", "b", "abc"}},
      {".*.*.*.*f", {".*.*.*.*g"}},
  };
  for (const auto& [lhs, rhss] : non_empty) {
    for (const auto& rhs : rhss) {
      EXPECT_TRUE(
          ResultIs(Call(b::kRegexGlobsMatch, {Value::String(lhs), Value::String(rhs)}), "true"))
          << lhs << " " << rhs;
    }
  }
  for (const auto& [lhs, rhss] : empty) {
    for (const auto& rhs : rhss) {
      EXPECT_TRUE(
          ResultIs(Call(b::kRegexGlobsMatch, {Value::String(lhs), Value::String(rhs)}), "false"))
          << lhs << " " << rhs;
    }
  }
  // (OPA)
  EXPECT_TRUE(ResultIs(CallT(b::kRegexGlobsMatch, {R"("a.a.")", R"(".b.b")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexGlobsMatch, {R"("a*")", R"("b*")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kRegexGlobsMatch, {R"("")", R"("")"}), "true"));
  EXPECT_TRUE(
      ErrorIs(CallT(b::kRegexGlobsMatch, {R"("*a")", R"("a")"}),
              "the input provided is invalid: pos:1:flag '*' must be preceded by a non-flag"));
  EXPECT_TRUE(ErrorIs(CallT(b::kRegexGlobsMatch, {R"("[ab")", R"("a")"}),
                      "the input provided is invalid: pos:3:found [ without matching ]"));
}

TEST_F(RegexTest, GlobsMatchStaysFastOnAdversarialPatterns) {
  // Alternating repetitions defeat the simplification; memoisation keeps this polynomial.
  std::string a, c;
  for (int i = 0; i < 60; ++i) a += "a*b*";
  for (int i = 0; i < 60; ++i) c += "b*a*";
  EXPECT_TRUE(
      Call(b::kRegexGlobsMatch, {Value::String(a + "x"), Value::String(c + "y")}).has_value());
}

}  // namespace
}  // namespace golden::rego::testing
