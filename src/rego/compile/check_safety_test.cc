// CheckSafety: OPA's reordering of body expressions and unsafe variables.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rego/compile/compile_test_util.h"

namespace golden::rego::compile::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(CheckSafetyTest, ReordersForSafety) {
  Compiled c = CompileText({"package p\n\np if {\n\tx > 1\n\tx = 2\n}\n"});
  ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.errors);
  EXPECT_THAT(c.dump, HasSubstr("data.p.p = true {\n  x = 2\n  gt(x, 1)\n}"));
}

TEST(CheckSafetyTest, UnsafeBodyVariable) {
  Compiled c = CompileText({"package p\n\np if {\n\tx > 1\n}\n"});
  EXPECT_THAT(c.errors, ElementsAre("4:2: rego_unsafe_var_error: var x is unsafe"));
}

TEST(CheckSafetyTest, UnsafeHeadVariable) {
  Compiled c = CompileText({"package p\n\np[y] := 1 if input.x\n"});
  EXPECT_THAT(c.errors, ElementsAre("3:1: rego_unsafe_var_error: var y is unsafe"));
}

TEST(CheckSafetyTest, NegationNeedsBoundVariables) {
  Compiled c = CompileText({"package p\n\np if {\n\tnot x == 1\n}\n"});
  ASSERT_FALSE(c.ok);
  EXPECT_THAT(c.errors, ElementsAre("4:2: rego_unsafe_var_error: var x is unsafe"));
}

}  // namespace
}  // namespace golden::rego::compile::testing
