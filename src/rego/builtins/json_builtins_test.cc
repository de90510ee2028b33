#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using JsonBuiltinsTest = BuiltinTest;
namespace b = builtins;

TEST_F(JsonBuiltinsTest, MarshalWritesGosJson) {
  // (OPA) keys as strings in byte order, HTML characters escaped, sets as arrays.
  EXPECT_TRUE(ResultIs(CallT(b::kJsonMarshal, {R"({"b": [1, {2}], "a": "<x>&é", 1: null})"}),
                       R"("{\"1\":null,\"a\":\"\\u003cx\\u003e\\u0026é\",\"b\":[1,[2]]}")"));
  EXPECT_TRUE(ResultIs(CallT(b::kJsonMarshal, {"[1.50, 1e3, 12345678901234567890123]"}),
                       R"("[1.50,1e3,12345678901234567890123]")"));
  EXPECT_TRUE(ResultIs(CallT(b::kJsonMarshal, {R"("\u2028")"}), R"("\"\\u2028\"")"));
}

TEST_F(JsonBuiltinsTest, MarshalWithOptions) {
  EXPECT_TRUE(ResultIs(CallT(b::kJsonMarshalWithOptions,
                             {R"({"a": [1, {}], "b": []})", R"({"prefix": "P", "indent": "  "})"}),
                       R"("P{\nP  \"a\": [\nP    1,\nP    {}\nP  ],\nP  \"b\": []\nP}")"));
  EXPECT_TRUE(ResultIs(CallT(b::kJsonMarshalWithOptions, {"[1]", R"({"pretty": true})"}),
                       R"("[\n\t1\n]")"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kJsonMarshalWithOptions, {"[1]", R"({"pretty": false, "indent": "x"})"}),
               R"("[1]")"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kJsonMarshalWithOptions, {"[]", R"({"indent": "    ", "prefix": "---"})"}),
               R"("---[]")"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kJsonMarshalWithOptions, {"[]", R"({"indent": "  ", "nope": true})"}),
                  "operand 2 object contained unknown key \"nope\""));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kJsonMarshalWithOptions, {"[]", R"({"pretty": 1})"}),
                          "operand 2 key \"pretty\" failed cast to bool"));
  EXPECT_TRUE(TypeErrorIs(
      CallT(b::kJsonMarshalWithOptions, {"[]", R"({"indent": 1})"}),
      "operand 2 key \"indent\" failed cast to string: operand 0 must be string but got number"));
}

TEST_F(JsonBuiltinsTest, UnmarshalAndIsValid) {
  EXPECT_TRUE(ResultIs(CallT(b::kJsonUnmarshal, {R"("{\"a\": [1.50, 1e3, null]}")"}),
                       R"({"a": [1.5, 1000, null]})"));
  EXPECT_TRUE(ResultIs(CallT(b::kJsonUnmarshal, {R"("\"x\"")"}), R"("x")"));
  BuiltinResult bad = CallT(b::kJsonUnmarshal, {R"("{")"});
  EXPECT_EQ(bad.kind(), BuiltinResult::Kind::kBuiltinError);
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kJsonUnmarshal, {"1"}), "operand 1 must be string but got number"));
  EXPECT_TRUE(ResultIs(CallT(b::kJsonIsValid, {R"("{\"json\": \"ok\"}")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kJsonIsValid, {R"("plainstring")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kJsonIsValid, {R"("{")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kJsonIsValid, {"1"}), "false"));
  // Go's decoder turns unpaired surrogate escapes and invalid UTF-8 into U+FFFD.
  EXPECT_TRUE(ResultIs(CallT(b::kJsonUnmarshal, {R"("\"\\ud83d\\u0041 \\udc00 \\ud83d\\ude00\"")"}),
                       "\"\uFFFDA \uFFFD \U0001F600\""));
  EXPECT_TRUE(ResultIs(Call(b::kJsonUnmarshal, {Value::String("\"a\xff"
                                                              "b\"")}),
                       "\"a\uFFFDb\""));
  // json.Valid checks syntax only: numbers beyond float64 are fine, malformed ones are not.
  EXPECT_TRUE(ResultIs(CallT(b::kJsonIsValid, {R"("[1e400, -0.5E-3, 0]")"}), "true"));
  for (const char* bad : {R"("[01]")", R"("[-]")", R"("[1.]")", R"("[.5]")", R"("[1e]")",
                          R"("[+1]")", R"("\"\\x\"")"}) {
    EXPECT_TRUE(ResultIs(CallT(b::kJsonIsValid, {bad}), "false")) << bad;
  }
  EXPECT_TRUE(ResultIs(CallT(b::kJsonIsValid, {R"("\"\\ud800\"")"}), "true"));
}

TEST_F(JsonBuiltinsTest, FilterAndRemove) {
  const char* doc = R"({"a": {"b": "x", "c": "y"}, "d": [1, 2, 3], "s": {"p", "q"}})";
  EXPECT_TRUE(ResultIs(CallT(b::kJsonFilter, {doc, R"(["a/b", "d/1"])"}),
                       R"({"a": {"b": "x"}, "d": [2]})"));
  EXPECT_TRUE(ResultIs(CallT(b::kJsonFilter, {doc, R"([["s", "q"], "a"])"}),
                       R"({"a": {"b": "x", "c": "y"}, "s": {"q"}})"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kJsonFilter, {doc, R"(["a", "a/b"])"}), R"({"a": {"b": "x", "c": "y"}})"));
  EXPECT_TRUE(ResultIs(CallT(b::kJsonFilter, {R"({"a~b/c": 1, "x": 2})", R"(["a~0b~1c"])"}),
                       R"({"a~b/c": 1})"));
  EXPECT_TRUE(ResultIs(CallT(b::kJsonRemove, {doc, R"({"a/b", "d/0"})"}),
                       R"({"a": {"c": "y"}, "d": [2, 3], "s": {"p", "q"}})"));
  EXPECT_TRUE(ResultIs(CallT(b::kJsonRemove, {doc, R"([["s", "p"], "/a"])"}),
                       R"({"d": [1, 2, 3], "s": {"q"}})"));
  EXPECT_TRUE(ResultIs(CallT(b::kJsonRemove, {doc, R"([""])"}), doc));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kJsonRemove, {doc, R"("a")"}),
                          "operand 2 must be one of {set, array} but got string"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kJsonRemove, {doc, "[1]"}),
                  "operand 2 must be one of {set, array} containing string paths or array of path "
                  "segments but got number"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kJsonFilter, {"[]", "[]"}), "operand 1 must be object but got array"));
}

TEST_F(JsonBuiltinsTest, PatchAppliesRfc6902) {
  // (OPA) every operation in one go.
  EXPECT_TRUE(ResultIs(
      CallT(
          b::kJsonPatch,
          {R"({"a": {"foo": 1}})",
           R"([{"op": "add", "path": "/a/bar", "value": 2}, {"op": "move", "from": "/a/foo", "path": "/b"},
                                {"op": "copy", "from": "/b", "path": "/c"}, {"op": "test", "path": "/c", "value": 1},
                                {"op": "replace", "path": "/a", "value": [0]}, {"op": "add", "path": "/a/0", "value": 9},
                                {"op": "remove", "path": "/c"}])"}),
      R"({"a": [9, 0], "b": 1})"));
  EXPECT_TRUE(ResultIs(
      CallT(b::kJsonPatch, {R"({"a": [1]})", R"([{"op": "add", "path": "/a/-", "value": 2}])"}),
      R"({"a": [1, 2]})"));
  EXPECT_TRUE(ResultIs(
      CallT(b::kJsonPatch, {R"({"s": {1, 2}})", R"([{"op": "add", "path": ["s", 3], "value": 3},
                                                                    {"op": "remove", "path": ["s", 1]}])"}),
      R"({"s": {2, 3}})"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kJsonPatch, {"1", R"([{"op": "replace", "path": "", "value": {"x": 1}}])"}),
               R"({"x": 1})"));
  EXPECT_TRUE(ResultIs(CallT(b::kJsonPatch, {R"({"a": 1})", "[]"}), R"({"a": 1})"));
  // Failures make the whole patch undefined.
  EXPECT_TRUE(
      IsUndefined(CallT(b::kJsonPatch, {"[1]", R"([{"op": "test", "path": "/0", "value": 2}])"})));
  EXPECT_TRUE(
      IsUndefined(CallT(b::kJsonPatch, {"[1]", R"([{"op": "add", "path": "/5", "value": 2}])"})));
  EXPECT_TRUE(
      IsUndefined(CallT(b::kJsonPatch, {"[1]", R"([{"op": "add", "path": "/01", "value": 2}])"})));
  EXPECT_TRUE(IsUndefined(CallT(b::kJsonPatch, {R"({})", R"([{"op": "remove", "path": "/x"}])"})));
  EXPECT_TRUE(IsUndefined(CallT(b::kJsonPatch, {R"({})", R"([{"op": "jump", "path": "/x"}])"})));
  EXPECT_TRUE(IsUndefined(CallT(b::kJsonPatch, {R"({})", R"([{"path": "/x", "value": 1}])"})));
  EXPECT_TRUE(IsUndefined(CallT(b::kJsonPatch, {R"({})", R"([{"op": "add", "path": "/x"}])"})));
  EXPECT_TRUE(IsUndefined(
      CallT(b::kJsonPatch, {R"({"s": {1}})", R"([{"op": "add", "path": ["s", 2], "value": 3}])"})));
  EXPECT_TRUE(IsUndefined(CallT(b::kJsonPatch, {R"({})", R"([1])"})));
}

}  // namespace
}  // namespace golden::rego::testing
