// CheckUndefinedFunctions, arities, and `with` targets (OPA's validateWith).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rego/compile/compile_test_util.h"

namespace golden::rego::compile::testing {
namespace {

using ::testing::ElementsAre;

TEST(CheckFunctionsTest, UndefinedFunction) {
  Compiled c = CompileText({"package p\n\np if nope(1)\n"});
  EXPECT_THAT(c.errors, ElementsAre("3:6: rego_type_error: undefined function nope"));
}

TEST(CheckFunctionsTest, BuiltinArity) {
  Compiled c = CompileText({"package p\n\np if count(1, 2, 3)\n"});
  EXPECT_THAT(c.errors, ElementsAre("3:6: rego_type_error: count: arity mismatch"));
}

TEST(CheckFunctionsTest, UserFunctionArity) {
  Compiled c = CompileText({"package p\n\nf(x) := x\n\np if f(1, 2, 3)\n"});
  EXPECT_THAT(c.errors,
              ElementsAre("5:6: rego_type_error: function data.p.f has arity 1, got 3 arguments"));
}

TEST(CheckFunctionsTest, WithTargetMustExist) {
  Compiled c = CompileText({"package p\n\np if 1 with foo as 2\n"});
  EXPECT_THAT(c.errors, ElementsAre("3:13: rego_type_error: with keyword target must reference "
                                    "existing input, data, or a function"));
}

}  // namespace
}  // namespace golden::rego::compile::testing
