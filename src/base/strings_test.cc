#include "base/strings.h"

#include <gtest/gtest.h>

namespace golden {
namespace {

TEST(Utf8, Validity) {
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("\xe2\x82\xac"));
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(IsValidUtf8("abc\xe2\x82"));       // truncated
}

TEST(Utf8, LengthAndAppend) {
  EXPECT_EQ(Utf8Length("h\xc3\xa9llo"), 5u);
  std::string s;
  AppendUtf8(&s, 0x1F600);
  EXPECT_EQ(s, "\xf0\x9f\x98\x80");
}

TEST(Strings, TrimSplitJoinLower) {
  EXPECT_EQ(TrimSpace("  a b \n"), "a b");
  auto parts = Split("a,b,,c", ",");
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[2], "");
  EXPECT_EQ(Join({"x", "y"}, "/"), "x/y");
  EXPECT_EQ(AsciiLower("PyThOn"), "python");
}

}  // namespace
}  // namespace golden
