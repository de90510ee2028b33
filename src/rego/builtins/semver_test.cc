#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using SemverTest = BuiltinTest;
namespace b = builtins;

TEST_F(SemverTest, Compare) {
  EXPECT_TRUE(ResultIs(CallT(b::kSemverCompare, {R"("1.0.0")", R"("1.0.1")"}), "-1"));
  EXPECT_TRUE(ResultIs(CallT(b::kSemverCompare, {R"("2.0.0")", R"("1.10.0")"}), "1"));
  EXPECT_TRUE(
      ResultIs(CallT(b::kSemverCompare, {R"("1.0.0-alpha.1")", R"("1.0.0-alpha.beta")"}), "-1"));
  EXPECT_TRUE(ResultIs(CallT(b::kSemverCompare, {R"("1.0.0-rc.10")", R"("1.0.0-rc.9")"}), "1"));
  EXPECT_TRUE(ResultIs(CallT(b::kSemverCompare, {R"("1.0.0-alpha")", R"("1.0.0")"}), "-1"));
  EXPECT_TRUE(ResultIs(CallT(b::kSemverCompare, {R"("1.0.0-alpha")", R"("1.0.0-alpha.1")"}), "-1"));
  EXPECT_TRUE(ResultIs(CallT(b::kSemverCompare, {R"("v1.2.3")", R"("1.2.3+build.7")"}), "0"));
  EXPECT_TRUE(ErrorIs(CallT(b::kSemverCompare, {R"("1")", R"("1.0.0")"}),
                      "operand 1: string \"1\" is not a valid SemVer"));
  EXPECT_TRUE(ErrorIs(CallT(b::kSemverCompare, {R"("1.0.0")", R"("1")"}),
                      "operand 2: string \"1\" is not a valid SemVer"));
}

TEST_F(SemverTest, IsValid) {
  EXPECT_TRUE(ResultIs(CallT(b::kSemverIsValid, {R"("1.2.3-rc.1+build.5")"}), "true"));
  EXPECT_TRUE(ResultIs(CallT(b::kSemverIsValid, {R"("1.2")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kSemverIsValid, {R"("1.2.3-a..b")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kSemverIsValid, {R"("1.2.x")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kSemverIsValid, {R"("1.2.99999999999999999999")"}), "false"));
  EXPECT_TRUE(ResultIs(CallT(b::kSemverIsValid, {"123"}), "false"));
}

}  // namespace
}  // namespace golden::rego::testing
