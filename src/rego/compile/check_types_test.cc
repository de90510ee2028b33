// CheckTypes: builtin argument types where they are known at compile time.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rego/compile/compile_test_util.h"

namespace golden::rego::compile::testing {
namespace {

using ::testing::ElementsAre;

TEST(CheckTypesTest, ConstantArgumentOfTheWrongType) {
  Compiled c = CompileText({"package p\n\np := concat(1, [\"a\"])\n"});
  EXPECT_THAT(c.errors, ElementsAre("3:6: rego_type_error: concat: invalid argument(s)"));
}

TEST(CheckTypesTest, InputIsUntyped) {
  Compiled c = CompileText({"package p\n\np := upper(input.n)\n"});
  EXPECT_TRUE(c.ok) << ::testing::PrintToString(c.errors);
}

}  // namespace
}  // namespace golden::rego::compile::testing
