#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using ArraysTest = BuiltinTest;
namespace b = builtins;

TEST_F(ArraysTest, ConcatAndReverse) {
  EXPECT_TRUE(ResultIs(CallT(b::kArrayConcat, {"[1]", "[2, [3]]"}), "[1, 2, [3]]"));
  EXPECT_TRUE(ResultIs(CallT(b::kArrayConcat, {"[]", "[]"}), "[]"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kArrayConcat, {"[]", "{}"}), "operand 2 must be array but got object"));
  EXPECT_TRUE(ResultIs(CallT(b::kArrayReverse, {R"([1, "a", null])"}), R"([null, "a", 1])"));
  EXPECT_TRUE(ResultIs(CallT(b::kArrayReverse, {"[]"}), "[]"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kArrayReverse, {"{}"}), "operand 1 must be array but got object"));
}

TEST_F(ArraysTest, SliceClampsIndexes) {
  EXPECT_TRUE(ResultIs(CallT(b::kArraySlice, {"[1, 2, 3, 4]", "1", "3"}), "[2, 3]"));
  EXPECT_TRUE(ResultIs(CallT(b::kArraySlice, {"[1, 2, 3]", "-5", "2"}), "[1, 2]"));
  EXPECT_TRUE(ResultIs(CallT(b::kArraySlice, {"[1, 2, 3]", "1", "100"}), "[2, 3]"));
  EXPECT_TRUE(ResultIs(CallT(b::kArraySlice, {"[1, 2, 3]", "2", "1"}), "[]"));
  EXPECT_TRUE(ResultIs(CallT(b::kArraySlice, {"[1, 2, 3]", "5", "9"}), "[]"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kArraySlice, {"[1]", "0.5", "1"}),
                          "operand 2 must be integer number but got floating-point number"));
  EXPECT_TRUE(TypeErrorIs(CallT(b::kArraySlice, {"[1]", "0", R"("1")"}),
                          "operand 3 must be number but got string"));
}

TEST_F(ArraysTest, FlattenOneLevel) {
  EXPECT_TRUE(ResultIs(CallT(b::kArrayFlatten, {"[]"}), "[]"));
  EXPECT_TRUE(ResultIs(CallT(b::kArrayFlatten, {"[[1, 2], [3], []]"}), "[1, 2, 3]"));
  EXPECT_TRUE(ResultIs(CallT(b::kArrayFlatten, {R"([[1, [2]], "s", {"a": [3]}, {4}])"}),
                       R"([1, [2], "s", {"a": [3]}, {4}])"));
  EXPECT_TRUE(
      TypeErrorIs(CallT(b::kArrayFlatten, {"42"}), "operand 1 must be array but got number"));
}

}  // namespace
}  // namespace golden::rego::testing
