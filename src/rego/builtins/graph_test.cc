#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using GraphTest = BuiltinTest;
namespace b = builtins;

TEST_F(GraphTest, Reachable) {
  EXPECT_TRUE(ResultIs(
      CallT(b::kGraphReachable, {R"({"a": ["b"], "b": {"c"}, "c": ["a"], "d": []})", R"(["a"])"}),
      R"({"a", "b", "c"})"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kGraphReachable, {R"({"a": ["x"]})", R"({"a", "zz"})"}), R"({"a"})"));
  EXPECT_TRUE(ResultIs(CallT(b::kGraphReachable, {"{}", "[]"}), "set()"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kGraphReachable, {"{}", R"("a")"}),
                          "operand 2 must be {array, set} but got string"));
}

TEST_F(GraphTest, ReachablePaths) {
  EXPECT_TRUE(ResultIs(
      CallT(b::kGraphReachablePaths, {R"({"a": ["b", "c"], "b": ["c"], "c": []})", R"({"a"})"}),
      R"({["a", "b", "c"], ["a", "c"]})"));
  EXPECT_TRUE(ResultIs(CallT(b::kGraphReachablePaths, {R"({"a": ["b"], "b": ["a"]})", R"(["a"])"}),
                       R"({["a", "b"]})"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kGraphReachablePaths, {R"({"a": ["x"]})", R"(["a"])"}), R"({["a"]})"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kGraphReachablePaths, {R"({"a": []})", R"(["a", "q"])"}), R"({["a"]})"));
}

}  // namespace
}  // namespace golden::rego::testing
