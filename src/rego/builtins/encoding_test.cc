#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using EncodingTest = BuiltinTest;
namespace b = builtins;

TEST_F(EncodingTest, Base64) {
  EXPECT_TRUE(ResultIs(CallT(b::kBase64Encode, {R"("hi")"}), R"("aGk=")"));
  EXPECT_TRUE(ResultIs(CallT(b::kBase64Encode, {R"("")"}), R"("")"));
  EXPECT_TRUE(ResultIs(CallT(b::kBase64Decode, {R"("aGk=")"}), R"("hi")"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kBase64Decode, {R"("aGk\nx")"}), R"("hi1")"));  // (OPA) newlines skipped
  EXPECT_TRUE(
      ErrorIs(CallT(b::kBase64Decode, {R"("aGk")"}), "illegal base64 data at input byte 0"));
  EXPECT_TRUE(
      ErrorIs(CallT(b::kBase64Decode, {R"("a===")"}), "illegal base64 data at input byte 1"));
  EXPECT_TRUE(
      ErrorIs(CallT(b::kBase64Decode, {R"("aGk=x")"}), "illegal base64 data at input byte 4"));
  EXPECT_TRUE(
      ErrorIs(CallT(b::kBase64Decode, {R"("a!==")"}), "illegal base64 data at input byte 1"));
  EXPECT_TRUE(ResultIs(CallT(b::kBase64IsValid, {R"("aGk=")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kBase64IsValid, {R"("aGk")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kBase64IsValid, {"1"}), "false"));
  // Decoded bytes need not be UTF-8.
  BuiltinResult raw = CallT(b::kBase64Decode, {R"("/w==")"});
  ASSERT_TRUE(raw.has_value());
  EXPECT_EQ(raw.value().GetString(), "\xff");
}

TEST_F(EncodingTest, Base64Url) {
  EXPECT_TRUE(ResultIs(CallT(b::kBase64UrlEncode, {R"("hi?>")"}), R"("aGk_Pg==")"));
  EXPECT_TRUE(ResultIs(CallT(b::kBase64UrlEncodeNoPad, {R"("hi?>")"}), R"("aGk_Pg")"));
  EXPECT_TRUE(ResultIs(CallT(b::kBase64UrlDecode, {R"("aGk")"}), R"("hi")"));
  EXPECT_TRUE(ResultIs(CallT(b::kBase64UrlDecode, {R"("aGk_Pg")"}), R"("hi?>")"));
  EXPECT_TRUE(
      ErrorIs(CallT(b::kBase64UrlDecode, {R"("aGk_P")"}), "illegal base64url string: aGk_P"));
}

TEST_F(EncodingTest, Hex) {
  EXPECT_TRUE(ResultIs(CallT(b::kHexEncode, {R"("hé")"}), R"("68c3a9")"));
  EXPECT_TRUE(ResultIs(CallT(b::kHexDecode, {R"("6869")"}), R"("hi")"));
  EXPECT_TRUE(ResultIs(CallT(b::kHexDecode, {R"("4A4b")"}), R"("JK")"));
  EXPECT_TRUE(ErrorIs(CallT(b::kHexDecode, {R"("686")"}), "encoding/hex: odd length hex string"));
  EXPECT_TRUE(ErrorIs(CallT(b::kHexDecode, {R"("6g")"}), "encoding/hex: invalid byte: U+0067 'g'"));
  EXPECT_TRUE(
      ErrorIs(CallT(b::kHexDecode, {R"("68g")"}), "encoding/hex: invalid byte: U+0067 'g'"));
  EXPECT_TRUE(
      ErrorIs(CallT(b::kHexDecode, {"\"\\u0000a\""}), "encoding/hex: invalid byte: U+0000"));
}

TEST_F(EncodingTest, UrlQuery) {
  EXPECT_TRUE(
      ResultIs(CallT(b::kUrlQueryEncode, {R"("a b&c=d/é~")"}), R"("a+b%26c%3Dd%2F%C3%A9~")"));
  EXPECT_TRUE(ResultIs(CallT(b::kUrlQueryDecode, {R"("a+b%20c")"}), R"("a b c")"));
  EXPECT_TRUE(ErrorIs(CallT(b::kUrlQueryDecode, {R"("%zz")"}), "invalid URL escape \"%zz\""));
  EXPECT_TRUE(ErrorIs(CallT(b::kUrlQueryDecode, {R"("ab%4")"}), "invalid URL escape \"%4\""));
  EXPECT_TRUE(ResultIs(
      CallT(b::kUrlQueryEncodeObject, {R"({"b": ["x", "y"], "a": "1 2", "c": {"z"}, "d": []})"}),
      R"("a=1+2&b=x&b=y&c=z")"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kUrlQueryEncodeObject, {R"({"a": 1})"}),
                          "operand 1 values must be string, array[string], or set[string]"));
  EXPECT_TRUE(ResultIs(CallT(b::kUrlQueryDecodeObject, {R"("a=1&b=2&a=3&c")"}),
                       R"({"a": ["1", "3"], "b": ["2"], "c": [""]})"));
  EXPECT_TRUE(ResultIs(CallT(b::kUrlQueryDecodeObject, {R"("")"}), "{}"));
  EXPECT_TRUE(ErrorIs(CallT(b::kUrlQueryDecodeObject, {R"("a=1;b=2")"}),
                      "invalid semicolon separator in query"));
}

}  // namespace
}  // namespace golden::rego::testing
