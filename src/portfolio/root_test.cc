#include "portfolio/root.h"

#include <gtest/gtest.h>

#include "testing/temp_dir.h"

namespace golden::portfolio {
namespace {

using golden::testing::TempDir;

TEST(Root, EnvironmentWinsWhenItHoldsMetaHub) {
  TempDir a, b;
  a.Mkdir(".metaHub");
  b.Mkdir(".metaHub");
  RootSearch s;
  s.env_root = a.path().string();
  s.cwd = b.path();
  auto root = FindGovernanceRoot(s);
  ASSERT_TRUE(root.ok()) << root.status().ToString();
  EXPECT_EQ(*root, a.path());
}

TEST(Root, EnvironmentWithoutMetaHubIsIgnored) {
  TempDir a, b;
  b.Mkdir(".metaHub");
  RootSearch s;
  s.env_root = a.path().string();
  s.cwd = b.path() / "x";
  b.Mkdir("x");
  auto root = FindGovernanceRoot(s);
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(*root, b.path());
}

TEST(Root, TargetAncestorsComeBeforeTheWorkingDirectory) {
  TempDir a, b;
  a.Mkdir(".metaHub");
  a.Mkdir("organizations/acme/svc");
  b.Mkdir(".metaHub");
  RootSearch s;
  s.target = a.path() / "organizations/acme/svc";
  s.cwd = b.path();
  auto root = FindGovernanceRoot(s);
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(*root, a.path());
}

TEST(Root, WalksUpFromTheWorkingDirectory) {
  TempDir a;
  a.Mkdir(".metaHub");
  a.Mkdir("organizations/acme");
  RootSearch s;
  s.cwd = a.path() / "organizations/acme";
  auto root = FindGovernanceRoot(s);
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(*root, a.path());
}

TEST(Root, FallsBackToTheRunbooksScriptsLayout) {
  TempDir a, elsewhere;
  a.Mkdir(".metaHub/scripts");
  RootSearch s;
  s.cwd = elsewhere.path();
  s.executable = a.path() / ".metaHub/scripts/golden";
  auto root = FindGovernanceRoot(s);
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(*root, a.path());
}

TEST(Root, AFileNamedMetaHubDoesNotCount) {
  TempDir a;
  a.Write(".metaHub", "not a folder");
  EXPECT_FALSE(IsGovernanceRoot(a.path()));
}

TEST(Root, NoRootIsAClearError) {
  TempDir a;
  RootSearch s;
  s.cwd = a.path();
  s.env_root = "/nonexistent-golden-root";
  auto root = FindGovernanceRoot(s);
  ASSERT_FALSE(root.ok());
  EXPECT_EQ(root.status().code(), StatusCode::kNotFound);
  EXPECT_NE(root.status().message().find("could not find the governance root"), std::string::npos);
  EXPECT_NE(root.status().message().find("GOLDEN_PATH_ROOT=/nonexistent-golden-root has no "
                                         ".metaHub"),
            std::string::npos);
}

TEST(Root, AbsoluteNormalDropsDotsAndTrailingSlashes) {
  EXPECT_EQ(AbsoluteNormal("organizations/", "/srv/gov"), fs::path("/srv/gov/organizations"));
  EXPECT_EQ(AbsoluteNormal("./a/../b", "/x"), fs::path("/x/b"));
  EXPECT_EQ(AbsoluteNormal("/abs/", "/x"), fs::path("/abs"));
}

TEST(Root, CurrentExecutableIsKnownOnLinux) {
  auto exe = CurrentExecutable();
  ASSERT_TRUE(exe.has_value());
  EXPECT_TRUE(exe->is_absolute());
}

}  // namespace
}  // namespace golden::portfolio
