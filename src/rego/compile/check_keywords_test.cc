// CheckKeywordOverridesAndImports: Rego v1's rules about shadowing input/data and imports.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rego/compile/compile_test_util.h"

namespace golden::rego::compile::testing {
namespace {

using ::testing::ElementsAre;

TEST(CheckKeywordsTest, RuleShadowingInput) {
  Compiled c = CompileText({"package p\n\ninput := 1\n"});
  EXPECT_THAT(c.errors, ElementsAre("3:1: rego_compile_error: rules must not shadow input (use "
                                    "a different rule name)"));
}

TEST(CheckKeywordsTest, DuplicateImport) {
  Compiled c = CompileText({"package p\n\nimport data.a\nimport data.a\n"});
  EXPECT_THAT(c.errors,
              ElementsAre("4:1: rego_compile_error: import must not shadow import data.a"));
}

TEST(CheckKeywordsTest, V0AllowsShadowingWithoutRegoV1) {
  Compiled c = CompileText({"package p\n\nx { input := 1; input == 1 }\n"}, /*v0=*/true);
  EXPECT_TRUE(c.ok) << ::testing::PrintToString(c.errors);
}

}  // namespace
}  // namespace golden::rego::compile::testing
