#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using YamlBuiltinsTest = BuiltinTest;
namespace b = builtins;

TEST_F(YamlBuiltinsTest, MarshalWritesGoYamlStyle) {
  // (OPA) quoting, natural key order, unindented sequences in mappings, literal blocks.
  EXPECT_TRUE(ResultIs(
      CallT(b::kYamlMarshal,
            {R"({"b": [1, {"x": "y", "a": [true, null]}], "a": "hello: world", "c": "", "d": "true",
                                 "e": "multi\nline", "f": 1.5, "g": {}, "h": "x y", "k10": 1, "k9": 2})"}),
      R"("a: 'hello: world'\nb:\n- 1\n- a:\n  - true\n  - null\n  x: \"y\"\nc: \"\"\nd: \"true\"\ne: |-\n  multi\n  line\nf: 1.5\ng: {}\nh: x y\nk9: 2\nk10: 1\n")"));
  EXPECT_TRUE(ResultIs(CallT(b::kYamlMarshal, {R"([{"foo": {1, 2, 3}}])"}),
                       R"("- foo:\n  - 1\n  - 2\n  - 3\n")"));
  EXPECT_TRUE(ResultIs(CallT(b::kYamlMarshal, {R"("x")"}), R"("x\n")"));
  EXPECT_TRUE(ResultIs(CallT(b::kYamlMarshal, {"{}"}), R"("{}\n")"));
  EXPECT_TRUE(ResultIs(CallT(b::kYamlMarshal, {"[[1, 2], []]"}), R"("- - 1\n  - 2\n- []\n")"));
  EXPECT_TRUE(ResultIs(
      CallT(b::kYamlMarshal, {R"({"num": [1.0, 1e21, 12345678901234567890123, 0.00001], "n": 0})"}),
      R"("\"n\": 0\nnum:\n- 1\n- 1e+21\n- 1.2345678901234568e+22\n- 1e-05\n")"));
  EXPECT_TRUE(ResultIs(
      CallT(b::kYamlMarshal,
            {R"(["tab\there", "- x", "#c", "a #b", "2001-12-14", "0x1F", "1_000", "12:30"])"}),
      R"("- \"tab\\there\"\n- '- x'\n- '#c'\n- 'a #b'\n- \"2001-12-14\"\n- \"0x1F\"\n- \"1_000\"\n- \"12:30\"\n")"));
  // Strings go-yaml v2 would read as something else are quoted; others are not.
  EXPECT_TRUE(
      ResultIs(CallT(b::kYamlMarshal, {R"(["y", "1e3", "0o17", ".5", "1e400", "<<", "x"])"}),
               R"("- \"y\"\n- \"1e3\"\n- \"0o17\"\n- \".5\"\n- 1e400\n- <<\n- x\n")"));
}

TEST_F(YamlBuiltinsTest, UnmarshalTypesLikeGoYamlV2) {
  EXPECT_TRUE(ResultIs(CallT(b::kYamlUnmarshal, {R"("a: [1, 2]\nb: yes\nc: 0x10")"}),
                       R"({"a": [1, 2], "b": true, "c": 16})"));
  EXPECT_TRUE(ResultIs(CallT(b::kYamlUnmarshal, {R"("")"}), "null"));
  EXPECT_TRUE(
      ErrorIs(CallT(b::kYamlUnmarshal, {R"("[1,2,3")"}),
              "error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"));
  EXPECT_TRUE(ErrorIs(CallT(b::kYamlUnmarshal, {R"("a: b: c")"}),
                      "error converting YAML to JSON: yaml: line 1: mapping values are not allowed "
                      "in this context"));
  // go-yaml v2's typing, not PyYAML's: y/n are booleans, floats need no dot, Go integers.
  EXPECT_TRUE(ResultIs(CallT(b::kYamlUnmarshal, {R"("[y, n, 1e3, 0o17, 1:30, y: 1]")"}),
                       R"([true, false, 1000, 15, "1:30", {"true": 1}])"));
  EXPECT_TRUE(ResultIs(CallT(b::kYamlUnmarshal, {R"("a: 1\n---\nb: 2")"}), R"({"a": 1})"));
  EXPECT_TRUE(ErrorIs(CallT(b::kYamlUnmarshal, {R"("a: .inf")"}),
                      "error converting YAML to JSON: json: unsupported value: +Inf"));
  EXPECT_TRUE(ErrorIs(CallT(b::kYamlUnmarshal, {R"("null: 1")"}),
                      "error converting YAML to JSON: unsupported map key of type: %!s(<nil>)"));
  EXPECT_TRUE(ResultIs(CallT(b::kYamlIsValid, {R"("null: 1")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kYamlIsValid, {R"("a: 1\n---\n[")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kYamlIsValid, {R"("foo:\n   - qux: bar\n   - baz: 2")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kYamlIsValid, {R"("foo:\n   - qux: bar\n   - baz: {")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kYamlIsValid, {"1"}), "false"));
}

TEST_F(YamlBuiltinsTest, RoundTrip) {
  for (const char* doc : {R"({"a": [1, "b", {"c": null}], "d": "e: f", "g": "multi\nline\n"})",
                          R"(["", " x", "x ", "yes", "~", "-", "'q'", "\"d\"", "é"])"}) {
    BuiltinResult text = CallT(b::kYamlMarshal, {doc});
    ASSERT_TRUE(text.has_value());
    EXPECT_TRUE(ResultIs(Call(b::kYamlUnmarshal, {text.value()}), doc)) << text.value().GetString();
  }
}

}  // namespace
}  // namespace golden::rego::testing
