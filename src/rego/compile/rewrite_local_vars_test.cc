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

// The argument keeps its new name inside a comprehension in the function's head value, so
// the comprehension (moved into the body) reads the argument and is safe.
TEST(RewriteLocalVarsTest, HeadComprehensionReadsArgument) {
  for (const char* value : {"[c | some c in x]", "{c | some c in x}", "{k: c | some k, c in x}"}) {
    for (const char* op : {":=", "="}) {
      Compiled c = CompileText({std::string("package p\n\nf(x) ") + op + " " + value + "\n"});
      ASSERT_TRUE(c.ok) << value << ::testing::PrintToString(c.errors);
      EXPECT_THAT(c.dump, HasSubstr("data.p.f(__local0__)")) << value;
      EXPECT_THAT(c.dump, HasSubstr("= __local0__[")) << value;
    }
  }
}

// Head comprehensions read variables declared in the body by their new names, nested
// comprehensions included.
TEST(RewriteLocalVarsTest, HeadComprehensionReadsBodyVariables) {
  Compiled c =
      CompileText({"package p\n\np contains [[ok, inner] | ok := v; inner := [x | x := v]] if {\n"
                   "\tv := input.a[_]\n}\n"});
  ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.errors);
  EXPECT_THAT(c.dump, HasSubstr("__local3__ = input.a["));
  EXPECT_THAT(c.dump, HasSubstr("__local0__ = __local3__; __local2__ = [__local1__ | "
                                "__local1__ = __local3__]"));
}

// A head comprehension's own (undeclared) variable that names a body declaration is that
// declaration, in the comprehension's head and body alike (it was renamed in the head only,
// so `p := [x | x = [1, 5][_]] if x := 5` gave [5, 5] instead of OPA's [5]).
TEST(RewriteLocalVarsTest, HeadComprehensionHeadAndBodyRenamedTogether) {
  Compiled c = CompileText({"package p\n\np := [x | x = [1, 5][_]] if x := 5\n"});
  ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.errors);
  EXPECT_THAT(c.dump, HasSubstr("[__local0__ | __local1__ = [1, 5]; __local0__ = __local1__["));
}

}  // namespace
}  // namespace golden::rego::compile::testing
