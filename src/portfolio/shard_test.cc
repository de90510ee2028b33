#include "portfolio/shard.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace golden::portfolio {
namespace {

TEST(Shard, ParsesKOverN) {
  auto s = ParseShard("2/4");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(*s, (report::Shard{2, 4}));
  EXPECT_TRUE(ParseShard("1/1").ok());
  EXPECT_TRUE(ParseShard("1024/1024").ok());
}

TEST(Shard, RejectsEverythingElse) {
  for (const char* bad : {"", "/", "2", "0/4", "5/4", "1/0", "-1/4", "1/-4", "a/4", "1/4x", " 1/4",
                          "1/4/2", "1/1025", "99999999999/1", "1.5/4"}) {
    auto s = ParseShard(bad);
    ASSERT_FALSE(s.ok()) << bad;
    EXPECT_EQ(
        s.status().message(),
        "--shard must be K/N with 1 <= K <= N <= 1024 (e.g. 2/4), not '" + std::string(bad) + "'");
  }
}

Target Portfolio(int orgs, int repos_per_org) {
  Target t;
  t.scope = Scope::kPortfolio;
  for (int o = 0; o < orgs; ++o) {
    OrgRef org;
    org.name = "org" + std::to_string(o);
    for (int r = 0; r < repos_per_org; ++r) {
      org.repos.push_back(RepoRef{org.name, "repo-" + std::to_string(r), {}, {}});
    }
    t.orgs.push_back(std::move(org));
  }
  return t;
}

std::set<std::string> Names(const Target& t) {
  std::set<std::string> out;
  for (const RepoRef* r : t.Repos()) out.insert(FullName(*r));
  return out;
}

TEST(Shard, ShardsPartitionThePortfolio) {
  const Target all = Portfolio(7, 60);
  for (int n : {1, 2, 3, 8}) {
    std::set<std::string> seen;
    size_t total = 0;
    for (int k = 1; k <= n; ++k) {
      Target part = all;
      SelectShard(&part, report::Shard{k, n});
      // Every organization stays, so each shard's report lists all of them.
      EXPECT_EQ(part.orgs.size(), all.orgs.size());
      std::set<std::string> names = Names(part);
      total += names.size();
      seen.insert(names.begin(), names.end());
      // Not degenerate: with 420 repositories each shard gets a fair part.
      EXPECT_GT(names.size(), 420 / n / 2) << k << "/" << n;
    }
    EXPECT_EQ(total, 420u) << n;       // no repository in two shards
    EXPECT_EQ(seen, Names(all)) << n;  // none left out
  }
}

TEST(Shard, DependsOnlyOnTheFullName) {
  // The same repository lands in the same shard whatever else the portfolio holds.
  Target small = Portfolio(1, 3);
  Target big = Portfolio(1, 300);
  SelectShard(&small, report::Shard{2, 3});
  SelectShard(&big, report::Shard{2, 3});
  for (const RepoRef* r : small.Repos()) EXPECT_TRUE(Names(big).count(FullName(*r)));
  // The split is part of the contract (CI matrices on other machines must agree): pin it.
  EXPECT_EQ(ShardOf("alpha/svc", 4), ShardOf("alpha/svc", 4));
  EXPECT_EQ(ShardOf("alpha/svc", 1), 1);
  EXPECT_NE(ShardOf("alpha/svc", 1000), ShardOf("beta/svc", 1000));
}

TEST(Shard, RepositoryWithoutOrganizationUsesItsName) {
  EXPECT_EQ(FullName(RepoRef{"", "svc", {}, {}}), "svc");
  EXPECT_EQ(FullName(RepoRef{"acme", "svc", {}, {}}), "acme/svc");
}

}  // namespace
}  // namespace golden::portfolio
