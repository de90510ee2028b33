#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using TypeBuiltinsTest = BuiltinTest;

TEST_F(TypeBuiltinsTest, PredicatesAnswerForEveryKind) {
  const char* values[] = {"null", "true", "1.5", "\"s\"", "[1]", "{\"a\": 1}", "{1}"};
  const char* predicates[] = {builtins::kIsNull,   builtins::kIsBoolean, builtins::kIsNumber,
                              builtins::kIsString, builtins::kIsArray,   builtins::kIsObject,
                              builtins::kIsSet};
  for (int p = 0; p < 7; ++p) {
    for (int v = 0; v < 7; ++v) {
      EXPECT_TRUE(ResultIs(CallT(predicates[p], {values[v]}), p == v ? "true" : "false"))
          << predicates[p] << "(" << values[v] << ")";
    }
  }
}

TEST_F(TypeBuiltinsTest, TypeNameNamesEveryKind) {
  EXPECT_TRUE(ResultIs(CallT(builtins::kTypeName, {"null"}), "\"null\""));
  EXPECT_TRUE(ResultIs(CallT(builtins::kTypeName, {"false"}), "\"boolean\""));
  EXPECT_TRUE(
      ResultIs(CallT(builtins::kTypeName, {"123456789012345678901234567890"}), "\"number\""));
  EXPECT_TRUE(ResultIs(CallT(builtins::kTypeName, {"\"\""}), "\"string\""));
  EXPECT_TRUE(ResultIs(CallT(builtins::kTypeName, {"[]"}), "\"array\""));
  EXPECT_TRUE(ResultIs(CallT(builtins::kTypeName, {"{}"}), "\"object\""));
  EXPECT_TRUE(ResultIs(CallT(builtins::kTypeName, {"set()"}), "\"set\""));
}

}  // namespace
}  // namespace golden::rego::testing
