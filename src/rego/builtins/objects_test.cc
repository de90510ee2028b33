#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using ObjectsTest = BuiltinTest;
namespace b = builtins;

TEST_F(ObjectsTest, UnionMergesRecursivelyRightWins) {
  EXPECT_TRUE(ResultIs(CallT(b::kObjectUnion, {R"({"a": 1, "b": 2, "c": {"d": 3}})",
                                               R"({"a": 7, "c": {"d": 4, "e": 5}})"}),
                       R"({"a": 7, "b": 2, "c": {"d": 4, "e": 5}})"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kObjectUnion, {R"({"a": {"b": 1}})", R"({"a": 2})"}), R"({"a": 2})"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectUnion, {"{}", R"({1: {2}})"}), R"({1: {2}})"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kObjectUnion, {"[]", "{}"}), "operand 1 must be object but got array"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kObjectUnion, {"{}", "[]"}), "operand 2 must be object but got array"));
}

TEST_F(ObjectsTest, UnionNFoldsLeftToRight) {
  EXPECT_TRUE(ResultIs(CallT(b::kObjectUnionN, {R"([{"a": 1}, {"b": 2}, {"a": 3}])"}),
                       R"({"a": 3, "b": 2})"));
  // A scalar in between stops the earlier object from merging into the later one.
  EXPECT_TRUE(ResultIs(CallT(b::kObjectUnionN, {R"([{"a": {"b": 2}}, {"a": 4}, {"a": {"c": 3}}])"}),
                       R"({"a": {"c": 3}})"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectUnionN, {R"([{"a": {"b": 2}}, {"a": {"c": 3}}])"}),
                       R"({"a": {"b": 2, "c": 3}})"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectUnionN, {"[]"}), "{}"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kObjectUnionN, {R"([{}, "x"])"}),
                          "operand 1 must be array of objects but got array containing string"));
}

TEST_F(ObjectsTest, RemoveAndFilterTakeArraysSetsOrObjects) {
  const char* obj = R"({"a": 1, "b": 2, "c": 3})";
  EXPECT_TRUE(ResultIs(CallT(b::kObjectRemove, {obj, R"(["a", "x"])"}), R"({"b": 2, "c": 3})"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectRemove, {obj, R"({"b", "c"})"}), R"({"a": 1})"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectRemove, {obj, R"({"c": null})"}), R"({"a": 1, "b": 2})"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectFilter, {obj, R"(["a", "x"])"}), R"({"a": 1})"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectFilter, {obj, "set()"}), "{}"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectFilter, {R"({1: "n", "1": "s"})", "[1]"}), R"({1: "n"})"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kObjectRemove, {obj, R"("a")"}),
                          "operand 2 must be one of {object, set, array} but got string"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kObjectFilter, {"[]", "[]"}), "operand 1 must be object but got array"));
}

TEST_F(ObjectsTest, GetWalksPaths) {
  const char* obj = R"({"a": [{"b": true}], "s": {"x", "y"}, "n": null})";
  EXPECT_TRUE(ResultIs(CallT(b::kObjectGet, {obj, R"(["a", 0, "b"])", "false"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectGet, {obj, R"(["a", 1, "b"])", R"("d")"}), R"("d")"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectGet, {obj, R"(["a", 0.0])", R"("d")"}), R"("d")"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectGet, {obj, R"(["s", "x"])", R"("d")"}), R"("x")"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectGet, {obj, R"(["n"])", R"("d")"}), "null"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectGet, {obj, "[]", R"("d")"}), obj));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectGet, {obj, R"("n")", R"("d")"}), "null"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectGet, {obj, R"("zz")", R"("d")"}), R"("d")"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectGet, {R"({["a"]: 1})", R"(["a"])", "0"}), "0"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kObjectGet, {R"("x")", "[]", "0"}),
                          "operand 1 must be object but got string"));
}

TEST_F(ObjectsTest, Keys) {
  EXPECT_TRUE(ResultIs(CallT(b::kObjectKeys, {R"({"b": 1, 2: 3})"}), R"({2, "b"})"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectKeys, {"{}"}), "set()"));
}

TEST_F(ObjectsTest, Subset) {
  EXPECT_TRUE(
      ResultIs(CallT(b::kObjectSubset, {R"({"a": "b", "c": {"x": {10, 15, 20, 25}, "y": "z"}})",
                                        R"({"c": {"x": {10, 15, 20}}})"}),
               "true"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kObjectSubset, {R"({"a": [1, 2, 3]})", R"({"a": [2, 3]})"}), "true"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kObjectSubset, {R"({"a": [1, 2, 3]})", R"({"a": [1, 3]})"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectSubset, {R"({"a": 1})", R"({"a": 2})"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectSubset, {"{1, 2}", "{1}"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectSubset, {"[1, 2, 3, 2, 3, 4]", "[3, 4]"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectSubset, {"[1, 2]", "[]"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectSubset, {"[]", "[]"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectSubset, {"[3, 1, 2]", "{1, 2}"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kObjectSubset, {"[3, 1]", "{1, 2}"}), "false"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kObjectSubset, {"{}", "[]"}),
                  "both arguments object.subset must be of the same type or array and set"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kObjectSubset, {"1", "1"}),
                  "both arguments object.subset must be of the same type or array and set"));
}

}  // namespace
}  // namespace golden::rego::testing
