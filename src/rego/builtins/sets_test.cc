#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using SetsTest = BuiltinTest;
namespace b = builtins;

TEST_F(SetsTest, IntersectionAndUnion) {
  EXPECT_TRUE(ResultIs(CallT(b::kIntersection, {"{{1, 2, 3}, {2, 3, 4}, {3, 2}}"}), "{2, 3}"));
  EXPECT_TRUE(ResultIs(CallT(b::kIntersection, {"set()"}), "set()"));
  EXPECT_TRUE(ResultIs(CallT(b::kIntersection, {"{{1}, set()}"}), "set()"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnion, {R"({{1, 2}, {"a"}, set()})"}), R"({1, 2, "a"})"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnion, {"set()"}), "set()"));
  // A member that is not a set is reported as operand 1, as OPA does.
  EXPECT_TRUE(TypeErrorIs(CallT(b::kUnion, {"{{1}, 2}"}), "operand 1 must be set but got number"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kIntersection, {"[{1}]"}), "operand 1 must be set but got array"));
}

TEST_F(SetsTest, SetDiff) {
  EXPECT_TRUE(ResultIs(CallT(b::kSetDiff, {"{1, 2, 3}", "{2, 4}"}), "{1, 3}"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kSetDiff, {"{1}", "[1]"}), "operand 2 must be set but got array"));
}

}  // namespace
}  // namespace golden::rego::testing
