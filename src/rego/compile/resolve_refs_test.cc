// ResolveRefs: rule names and imports become full refs.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rego/compile/compile_test_util.h"

namespace golden::rego::compile::testing {
namespace {

using ::testing::HasSubstr;

TEST(ResolveRefsTest, ImportAliasesAndPackageRules) {
  Compiled c = CompileText(
      {"package p\n\nimport data.lib.helpers as h\n\nallow if {\n\th.ok\n\tq\n}\n\nq := 1\n"});
  ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.errors);
  EXPECT_THAT(c.dump, HasSubstr("data.p.allow = true {\n  data.lib.helpers.ok\n  data.p.q\n}"));
}

TEST(ResolveRefsTest, RulesOfOtherModulesInThePackage) {
  Compiled c = CompileText({"package p\n\nx := y\n", "package p\n\ny := 1\n"});
  ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.errors);
  EXPECT_THAT(c.dump, HasSubstr("__local0__ = data.p.y"));
}

TEST(ResolveRefsTest, LocalVariablesShadowRules) {
  Compiled c = CompileText({"package p\n\nq := 1\n\nr := q if {\n\tq := 2\n}\n"});
  ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.errors);
  EXPECT_THAT(c.dump, HasSubstr("data.p.r = __local0__ {\n  __local0__ = 2\n}"));
}

}  // namespace
}  // namespace golden::rego::compile::testing
