// RewriteLocalVars: := and some declare fresh variables; errors for reassignment and
// unused declarations.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rego/compile/compile_test_util.h"

namespace golden::rego::compile::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(RewriteLocalVarsTest, AssignedTwice) {
  Compiled c = CompileText({"package p\n\np if {\n\tx := 1\n\tx := 2\n}\n"});
  EXPECT_THAT(c.errors, ElementsAre("5:2: rego_compile_error: var x assigned above"));
}

TEST(RewriteLocalVarsTest, DeclaredUnused) {
  Compiled c = CompileText({"package p\n\np if {\n\tsome x\n\tinput.y == 1\n}\n"});
  EXPECT_THAT(c.errors, ElementsAre("4:2: rego_compile_error: declared var x unused"));
}

TEST(RewriteLocalVarsTest, ComprehensionsHaveTheirOwnScope) {
  Compiled c = CompileText(
      {"package p\n\np := x if {\n\tx := input.a + 1\n\ty := [z | z := input.b[_]]\n}\n"});
  ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.errors);
  EXPECT_THAT(c.dump, HasSubstr("[__local1__ | __local1__ = input.b[$0]]"));
}

}  // namespace
}  // namespace golden::rego::compile::testing
