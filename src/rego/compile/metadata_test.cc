// RewriteMetadataCalls: rego.metadata.rule() and chain() become constants.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rego/compile/compile_test_util.h"

namespace golden::rego::compile::testing {
namespace {

using ::testing::HasSubstr;

TEST(MetadataTest, RuleMetadataIsAConstant) {
  Compiled c = CompileText({"package p\n\n# METADATA\n# title: T\np := rego.metadata.rule()\n"});
  ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.errors);
  EXPECT_THAT(c.dump, HasSubstr("__local0__ = {\"scope\": \"rule\", \"title\": \"T\"}"));
}

TEST(MetadataTest, ChainListsPackageAnnotations) {
  Compiled c = CompileText(
      {"# METADATA\n# description: pkg\npackage p\n\np := rego.metadata.chain()\n"});
  ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.errors);
  EXPECT_THAT(c.dump, HasSubstr("{\"path\": [\"p\", \"p\"]}, {\"annotations\": "
                                "{\"description\": \"pkg\", \"scope\": \"package\"}, "
                                "\"path\": [\"p\"]}"));
}

}  // namespace
}  // namespace golden::rego::compile::testing
