#include <gtest/gtest.h>

#include <string>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using GlobTest = BuiltinTest;
namespace b = builtins;

TEST_F(GlobTest, Delimiters) {
  EXPECT_TRUE(ResultIs(
      CallT(b::kGlobMatch, {R"("*.github.com")", R"(["."])", R"("api.github.com")"}), "true"));
  EXPECT_TRUE(ResultIs(
      CallT(b::kGlobMatch, {R"("*.github.com")", R"(["."])", R"("a.b.github.com")"}), "false"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kGlobMatch, {R"("*")", "[]", R"("foo.bar")"}), "false"));  // "." by default
  EXPECT_TRUE(ResultIs(CallT(b::kGlobMatch, {R"("*")", "null", R"("foo.bar")"}), "true"));
  EXPECT_TRUE(ResultIs(
      CallT(b::kGlobMatch, {R"("*:github:com")", R"([":"])", R"("api:github:com")"}), "true"));
  EXPECT_TRUE(ResultIs(
      CallT(b::kGlobMatch, {R"("api.**.com")", R"(["."])", R"("api.cdn.github.com")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kGlobMatch, {R"("?at")", R"(["f"])", R"("fat")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kGlobMatch, {R"("*")", R"(["."])", R"("")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kGlobMatch, {R"("a*")", R"(["é"])", R"("abéc")"}), "false"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kGlobMatch, {R"("*")", R"(["ab"])", R"("x")"}),
                          "operand 2 must be array of runes but got array containing string"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kGlobMatch, {R"("*")", "[1]", R"("x")"}),
                          "operand 2 must be array of strings but got array containing number"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kGlobMatch, {R"("*")", R"(".")", R"("x")"}),
                          "operand 2 must be one of {array, null} but got string"));
}

TEST_F(GlobTest, ClassesAlternativesAndEscapes) {
  EXPECT_TRUE(ResultIs(CallT(b::kGlobMatch, {R"("[abc]at")", "[]", R"("cat")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kGlobMatch, {R"("[!abc]at")", "[]", R"("cat")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kGlobMatch, {R"("[a-c]at")", "[]", R"("bat")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kGlobMatch, {R"("[!a-c]at")", "[]", R"("fat")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kGlobMatch, {R"("{cat,bat,[fr]at}")", "[]", R"("rat")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kGlobMatch, {R"("{cat,bat,[fr]at}")", "[]", R"("at")"}), "false"));
  // (OPA) escapes, an unclosed {, and } and , outside braces as text.
  EXPECT_TRUE(ResultIs(CallT(b::kGlobMatch, {R"("a\\*b")", "[]", R"("a*b")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kGlobMatch, {R"("{a,b")", "[]", R"("b")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kGlobMatch, {R"("a}b,c")", "[]", R"("a}b,c")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kGlobMatch, {R"("a.(b)+c")", "null", R"("a.(b)+c")"}), "true"));
  EXPECT_TRUE(
      ErrorIs(CallT(b::kGlobMatch, {R"("[a-]")", "[]", R"("a")"}), "unexpected end of input"));
  EXPECT_TRUE(ErrorIs(CallT(b::kGlobMatch, {R"("[]")", "[]", R"("a")"}), "could not parse range"));
  EXPECT_TRUE(ErrorIs(CallT(b::kGlobMatch, {R"("[a-z0]")", "[]", R"("a")"}),
                      "expected close range character"));
}

TEST_F(GlobTest, LinearOnLongInputs) {
  std::string text(200000, 'a');
  EXPECT_TRUE(ResultIs(
      Call(b::kGlobMatch, {Value::String("*a*a*a*a*a*a*a*b"), Value::Null(), Value::String(text)}),
      "false"));
}

TEST_F(GlobTest, QuoteMeta) {
  EXPECT_TRUE(ResultIs(CallT(b::kGlobQuoteMeta, {R"("*.github.com")"}), R"("\\*.github.com")"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kGlobQuoteMeta, {R"("a{b}[c]*?\\d")"}), R"("a\\{b\\}\\[c\\]\\*\\?\\\\d")"));
}

}  // namespace
}  // namespace golden::rego::testing
