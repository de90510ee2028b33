// RewriteEqualsAndDynamics: == becomes unification; refs and calls in operands are bound
// to variables first (OPA's evaluation order, visible with negation).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rego/compile/compile_test_util.h"

namespace golden::rego::compile::testing {
namespace {

using ::testing::HasSubstr;

TEST(RewriteDynamicsTest, NegatedComparisonBindsOperandsFirst) {
  Compiled c = CompileText({"package p\n\np if not input.a > 1\n"});
  ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.errors);
  EXPECT_THAT(c.dump, HasSubstr("  __local0__ = input.a\n  not gt(__local0__, 1)\n"));
}

TEST(RewriteDynamicsTest, EqualityBecomesUnification) {
  Compiled c = CompileText({"package p\n\np if input.user == \"admin\"\n"});
  ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.errors);
  EXPECT_THAT(c.dump, HasSubstr("input.user = \"admin\""));
}

}  // namespace
}  // namespace golden::rego::compile::testing
