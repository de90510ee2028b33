#include "report/merge.h"

#include <gtest/gtest.h>

#include "report/render.h"

namespace golden::report {
namespace {

Report Whole() {
  Report rep;
  rep.scope = Scope::kPortfolio;
  rep.name = "organizations";
  rep.path = "organizations";
  rep.timestamp = "2026-01-01T00:00:00Z";
  rep.rules = {{"docker.latest-tag", "docker", Severity::kError, "Pinned.", "Pin it."}};
  for (std::string o : {"acme", "zeta"}) {
    OrgReport org;
    org.name = o;
    org.path = "organizations/" + o;
    for (std::string r : {"a", "b", "c"}) {
      RepoReport repo;
      repo.name = r;
      repo.org = o;
      repo.path = org.path + "/" + r;
      if (r != "b") {
        repo.findings.push_back(MakeFinding("docker", "docker.latest-tag", Severity::kError,
                                        "latest in " + r, "Dockerfile", 2));
        repo.findings.push_back(
            MakeFinding("readme", "readme.title", Severity::kWarning, "no title", "README.md", 0));
      }
      org.repos.push_back(std::move(repo));
    }
    rep.orgs.push_back(std::move(org));
  }
  return rep;
}

// Shard k of the repositories, as `enforce --shard k/2` reports them (by position here; the
// real split is by hash, portfolio/shard_test.cc).
Report Part(int k) {
  Report rep = Whole();
  rep.shard = Shard{k, 2};
  for (OrgReport& org : rep.orgs) {
    std::vector<RepoReport> keep;
    for (size_t i = 0; i < org.repos.size(); ++i) {
      if (static_cast<int>(i % 2) + 1 == k) keep.push_back(org.repos[i]);
    }
    org.repos = keep;
  }
  return rep;
}

Report ReadBack(const Report& rep) {
  auto parsed = ParseJsonReport(RenderJson(rep), "shard.json");
  EXPECT_TRUE(parsed.ok()) << parsed.status().message();
  return parsed.ok() ? *parsed : Report{};
}

TEST(Merge, JsonOfAShardReadsBackExactly) {
  Report part = Part(1);
  EXPECT_EQ(RenderJson(ReadBack(part)), RenderJson(part));
  EXPECT_EQ(RenderSarif(ReadBack(part)), RenderSarif(part));
}

TEST(Merge, ShardsMergeIntoTheWholeReport) {
  auto merged = MergeShards({ReadBack(Part(2)), ReadBack(Part(1))});
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  for (Format f : {Format::kJson, Format::kSarif, Format::kJunit, Format::kText}) {
    EXPECT_EQ(Render(*merged, f), Render(Whole(), f)) << FormatName(f);
  }
}

TEST(Merge, UnreadableOrganizationReportedByEveryShardIsKeptOnce) {
  Report a = Part(1), b = Part(2);
  for (Report* r : {&a, &b}) {
    r->orgs[1].repos.clear();
    r->orgs[1].findings.push_back(
        MakeFinding("scan", "scan.unreadable", Severity::kError, "Permission denied", "", 0));
  }
  auto merged = MergeShards({ReadBack(a), ReadBack(b)});
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  EXPECT_EQ(merged->orgs[1].findings.size(), 1u);
  EXPECT_EQ(merged->totals().total_violations, 2 + 1);
}

TEST(Merge, RefusesShardsThatDoNotMakeAWhole) {
  auto message = [](std::vector<Report> shards) {
    auto r = MergeShards(std::move(shards));
    return r.ok() ? std::string("ok") : r.status().message();
  };
  EXPECT_EQ(message({Part(1)}), "shard 2/2 is missing");
  EXPECT_EQ(message({Part(1), Part(1)}), "shard 1/2 is given twice");
  EXPECT_EQ(message({Whole()}),
            "a report of a whole run, not of a shard (run golden enforce with --shard K/N)");
  Report three = Part(2);
  three.shard = Shard{2, 3};
  EXPECT_EQ(message({Part(1), three}), "shards of different splits: 1/2 and 2/3");
  Report strict = Part(2);
  strict.strict = true;
  EXPECT_EQ(message({Part(1), strict}),
            "shard 2/2 is of another run than shard 1/2: its strictness differs");
  Report overlap = Part(2);
  overlap.orgs[0].repos.push_back(Part(1).orgs[0].repos[0]);
  EXPECT_EQ(message({Part(1), overlap}), "the repository acme/a is in two shards");
  EXPECT_EQ(message({}), "no reports to merge");
}

TEST(Merge, ParseErrorsNameTheFileAndThePlace) {
  auto bad = ParseJsonReport(R"({"organizations": [{"organization": 3}]})", "s.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "s.json: (top level): missing key 'portfolio'");
  auto repo = ParseJsonReport(R"({"repo": "x"})", "r.json");
  ASSERT_FALSE(repo.ok());
  EXPECT_NE(repo.status().message().find("only organization and portfolio reports"),
            std::string::npos);
  auto garbage = ParseJsonReport("{", "g.json");
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.status().ToString().rfind("g.json:1:", 0), 0u) << garbage.status().ToString();
}

}  // namespace
}  // namespace golden::report
