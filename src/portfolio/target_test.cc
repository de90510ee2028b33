#include "portfolio/target.h"

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "testing/temp_dir.h"

namespace golden::portfolio {
namespace {

using golden::testing::TempDir;

// A governance root: alpha (two repos with .meta, one without), empty (nothing but a hidden
// file), nometa (repos without .meta), a file and a hidden folder that are not orgs.
class TargetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    t_.Mkdir(".metaHub");
    t_.Write("organizations/alpha/b-repo/.meta/repo.yaml", "type: x\n");
    t_.Write("organizations/alpha/a-repo/.meta/repo.yaml", "type: x\n");
    t_.Mkdir("organizations/alpha/c-nometa");
    t_.Mkdir("organizations/alpha/.hidden");
    t_.Write("organizations/alpha/notes.txt", "not a repo");
    t_.Write("organizations/empty/.gitkeep", "");
    t_.Mkdir("organizations/nometa/one");
    t_.Mkdir("organizations/nometa/two");
    t_.Mkdir("organizations/.archive/old");
    t_.Write("organizations/README.md", "# orgs");
  }
  Result<Target> Resolve(const std::string& rel, std::optional<Scope> scope = std::nullopt) {
    TargetRequest r;
    r.path = t_.path() / rel;
    r.root = t_.path();
    r.cwd = t_.path();
    r.scope = scope;
    return ResolveTarget(r);
  }
  TempDir t_;
};

std::vector<std::string> Names(const Target& t) {
  std::vector<std::string> out;
  for (const OrgRef& o : t.orgs) {
    out.push_back(o.name + ":");
    for (const RepoRef& r : o.repos) out.back() += r.name + ",";
  }
  return out;
}

TEST_F(TargetTest, OrganizationsFolderIsThePortfolio) {
  for (std::string rel : {"organizations", "organizations/", "."}) {
    auto t = Resolve(rel);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    EXPECT_EQ(t->scope, Scope::kPortfolio) << rel;
    EXPECT_EQ(t->display, "organizations") << rel;
    EXPECT_EQ(Names(*t), (std::vector<std::string>{"alpha:a-repo,b-repo,c-nometa,",
                                                   "empty:", "nometa:one,two,"}))
        << rel;
  }
}

TEST_F(TargetTest, EmptyOrgsAndOrgsWithoutMetaAreOrgs) {
  auto empty = Resolve("organizations/empty");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->scope, Scope::kOrg);
  EXPECT_TRUE(empty->orgs.at(0).repos.empty());
  auto nometa = Resolve("organizations/nometa");
  ASSERT_TRUE(nometa.ok());
  EXPECT_EQ(nometa->scope, Scope::kOrg);
  EXPECT_EQ(Names(*nometa), (std::vector<std::string>{"nometa:one,two,"}));
}

TEST_F(TargetTest, ReposAreDetectedByPlaceOrByMeta) {
  auto a = Resolve("organizations/alpha/a-repo");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->scope, Scope::kRepo);
  EXPECT_EQ(a->display, "organizations/alpha/a-repo");
  EXPECT_EQ(a->orgs.at(0).name, "alpha");
  EXPECT_EQ(a->orgs.at(0).repos.at(0).display, "organizations/alpha/a-repo");
  auto c = Resolve("organizations/alpha/c-nometa");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->scope, Scope::kRepo);
}

TEST_F(TargetTest, ScopeOverridesDetection) {
  auto t = Resolve("organizations", Scope::kRepo);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->scope, Scope::kRepo);
  EXPECT_EQ(t->orgs.at(0).repos.size(), 1u);
  auto o = Resolve("organizations/alpha/a-repo", Scope::kOrg);
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->scope, Scope::kOrg);
  EXPECT_TRUE(o->orgs.at(0).repos.empty());  // .meta is hidden: no repositories
}

TEST(TargetOutsideRoot, HeuristicsApply) {
  TempDir t;
  t.Write("somewhere/org/repo/.meta/repo.yaml", "");
  t.Mkdir("somewhere/plain");
  t.Mkdir("organizations/x");
  auto resolve = [&](const std::string& rel) {
    TargetRequest r;
    r.path = t.path() / rel;
    r.cwd = t.path();
    return ResolveTarget(r);
  };
  EXPECT_EQ(resolve("somewhere/org/repo")->scope, Scope::kRepo);
  EXPECT_EQ(resolve("somewhere/org")->scope, Scope::kOrg);
  EXPECT_EQ(resolve("somewhere")->scope, Scope::kPortfolio);
  EXPECT_EQ(resolve("somewhere/plain")->scope, Scope::kRepo);
  EXPECT_EQ(resolve("organizations")->scope, Scope::kPortfolio);
}

TEST_F(TargetTest, BadPathsAreClearErrors) {
  auto missing = Resolve("organizations/nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("does not exist"), std::string::npos);
  auto file = Resolve("organizations/README.md");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(file.status().message().find("is not a folder"), std::string::npos);
}

TEST_F(TargetTest, DisplayPathsOutsideTheRootAreAsGiven) {
  TargetRequest r;
  r.path = "organizations/alpha/";
  r.cwd = t_.path();
  fs::path before = fs::current_path();
  ASSERT_EQ(::chdir(t_.path().c_str()), 0);
  auto t = ResolveTarget(r);
  ASSERT_EQ(::chdir(before.c_str()), 0);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->display, "organizations/alpha");
  EXPECT_EQ(t->orgs.at(0).repos.at(0).display, "organizations/alpha/a-repo");
}

TEST_F(TargetTest, UnreadableOrganizationIsRecorded) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: chmod 000 does not stop reads";
  ASSERT_EQ(::chmod((t_.path() / "organizations/nometa").c_str(), 0), 0);
  auto t = Resolve("organizations");
  ASSERT_TRUE(t.ok());
  const OrgRef& nometa = t->orgs.at(2);
  ASSERT_TRUE(nometa.error.has_value());
  EXPECT_NE(nometa.error->find("Permission denied"), std::string::npos);
}

TEST(Scope, NamesRoundTrip) {
  for (Scope s : {Scope::kPortfolio, Scope::kOrg, Scope::kRepo}) {
    EXPECT_EQ(ParseScope(ScopeName(s)), s);
  }
  EXPECT_FALSE(ParseScope("team").has_value());
}

}  // namespace
}  // namespace golden::portfolio
