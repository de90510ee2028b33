// Template strings, print calls, expression terms and comprehension heads.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rego/compile/compile_test_util.h"

namespace golden::rego::compile::testing {
namespace {

using ::testing::HasSubstr;

TEST(RewriteTermsTest, TemplateStringsAndPrint) {
  Compiled c = CompileText(
      {"package p\n\np := $\"a{input.x}b\"\n\nq if print(\"x\", input.y)\n"});
  ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.errors);
  EXPECT_THAT(c.dump, HasSubstr("__local4__ = {__local0__ | __local0__ = input.x}\n"
                                "  internal.template_string([\"a\", __local4__, \"b\"], "
                                "__local3__)"));
  EXPECT_THAT(c.dump, HasSubstr("internal.print([__local5__, __local6__])"));
}

TEST(RewriteTermsTest, VoidCallUsedAsValue) {
  Compiled c = CompileText({"package p\n\np := print(1)\n"});
  ASSERT_FALSE(c.ok);
  ASSERT_FALSE(c.errors.empty());
  EXPECT_THAT(c.errors[0], HasSubstr("rego_type_error: print(1) used as value"));
}

}  // namespace
}  // namespace golden::rego::compile::testing
