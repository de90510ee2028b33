// CheckRecursion.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rego/compile/compile_test_util.h"

namespace golden::rego::compile::testing {
namespace {

using ::testing::ElementsAre;

TEST(CheckRecursionTest, Cycle) {
  Compiled c = CompileText({"package p\n\na if b\n\nb if c\n\nc if a\n"});
  EXPECT_THAT(c.errors, ElementsAre("3:1: rego_recursion_error: rule a is recursive: a -> b -> c -> a",
                                    "5:1: rego_recursion_error: rule b is recursive: b -> c -> a -> b",
                                    "7:1: rego_recursion_error: rule c is recursive: c -> a -> b -> c"));
}

TEST(CheckRecursionTest, ThroughComprehension) {
  Compiled c = CompileText({"package p\n\na := [x | x := b[_]]\n\nb := [1 | a]\n"});
  ASSERT_FALSE(c.ok);
  ASSERT_FALSE(c.errors.empty());
  EXPECT_THAT(c.errors[0], ::testing::HasSubstr("rego_recursion_error: rule a is recursive"));
}

}  // namespace
}  // namespace golden::rego::compile::testing
