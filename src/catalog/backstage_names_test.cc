#include "catalog/backstage_names.h"

#include <gtest/gtest.h>

namespace golden::catalog {
namespace {

TEST(BackstageNames, Validity) {
  EXPECT_TRUE(IsValidBackstageName("lib-good"));
  EXPECT_TRUE(IsValidBackstageName("A.b_c-1"));
  EXPECT_TRUE(IsValidBackstageName("x"));
  EXPECT_FALSE(IsValidBackstageName(""));
  EXPECT_FALSE(IsValidBackstageName("-a"));
  EXPECT_FALSE(IsValidBackstageName("a_"));
  EXPECT_FALSE(IsValidBackstageName("a b"));
  EXPECT_FALSE(IsValidBackstageName(std::string(64, 'a')));
  EXPECT_TRUE(IsValidBackstageTag("c++"));
  EXPECT_TRUE(IsValidBackstageTag("visual-basic"));
  EXPECT_FALSE(IsValidBackstageTag("Python"));
  EXPECT_FALSE(IsValidBackstageTag("a--b"));
  EXPECT_TRUE(IsValidBackstageKey("golden/tier"));
  EXPECT_TRUE(IsValidBackstageKey("backstage.io/source-location"));
  EXPECT_TRUE(IsValidBackstageKey("tier"));
  EXPECT_FALSE(IsValidBackstageKey("Golden/tier"));
  EXPECT_FALSE(IsValidBackstageKey("a/b/c"));
  EXPECT_FALSE(IsValidBackstageKey("golden/"));
}

TEST(BackstageNames, SanitisedNamesAreValid) {
  EXPECT_EQ(BackstageName("lib-good", "x"), "lib-good");
  EXPECT_EQ(BackstageName("My Repo (old)", "x"), "My-Repo-old");
  EXPECT_EQ(BackstageName("<script>alert(1)</script>", "x"), "script-alert-1-script");
  EXPECT_EQ(BackstageName("--a--", "x"), "a");
  EXPECT_EQ(BackstageName("caf\xc3\xa9", "x"), "caf");
  EXPECT_EQ(BackstageName("\xe6\x97\xa5\xe6\x9c\xac", "repository"), "repository");
  EXPECT_EQ(BackstageName("@alpha/platform-team", "x"), "alpha-platform-team");
  std::string long_name = std::string(62, 'a') + "-b";
  EXPECT_EQ(BackstageName(long_name, "x"), std::string(62, 'a'));
  for (std::string_view s : {"a", "A B", "x.y_z", "__", "1", "a&b'c\"d", "tab\there"}) {
    EXPECT_TRUE(IsValidBackstageName(BackstageName(s, "fallback"))) << s;
  }
  EXPECT_EQ(BackstageTag("C++"), "c++");
  EXPECT_EQ(BackstageTag("Visual Basic"), "visual-basic");
  EXPECT_EQ(BackstageTag("C#"), "c#");
  EXPECT_EQ(BackstageTag("???"), "");
}

}  // namespace
}  // namespace golden::catalog
