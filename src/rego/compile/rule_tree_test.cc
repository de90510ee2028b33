// CheckRuleConflicts over the rule tree.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rego/compile/compile_test_util.h"

namespace golden::rego::compile::testing {
namespace {

using ::testing::ElementsAre;

TEST(RuleTreeTest, MultipleDefaults) {
  Compiled c = CompileText({"package p\n\ndefault x := 1\n\ndefault x := 2\n"});
  EXPECT_THAT(c.errors, ElementsAre("1:1: rego_type_error: multiple default rules data.p.x "
                                    "found at m0.rego:3, m0.rego:5"));
}

TEST(RuleTreeTest, FunctionArities) {
  Compiled c = CompileText({"package p\n\nf(x) := 1\n\nf(x, y) := 2\n"});
  EXPECT_THAT(c.errors, ElementsAre("3:1: rego_type_error: conflicting rules data.p.f found"));
}

TEST(RuleTreeTest, CompleteAndPartial) {
  Compiled c = CompileText({"package p\n\nx := 1\nx contains 2\n"});
  EXPECT_THAT(c.errors, ElementsAre("3:1: rego_type_error: conflicting rules data.p.x found"));
}

TEST(RuleTreeTest, PackageClashesWithRule) {
  Compiled c = CompileText({"package p\n\nq := 1\n", "package p.q\n\nr := 1\n"});
  ASSERT_FALSE(c.ok);
  ASSERT_FALSE(c.errors.empty());
  EXPECT_THAT(c.errors[0], ::testing::HasSubstr("rego_type_error"));
}

}  // namespace
}  // namespace golden::rego::compile::testing
