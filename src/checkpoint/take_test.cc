#include "checkpoint/take.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checkpoint/test_util.h"
#include "portfolio/enforce.h"
#include "testing/temp_dir.h"

namespace golden::checkpoint {
namespace {

using golden::testing::SourceDir;
using golden::testing::TempDir;

using test::Portfolio;

TEST(TakeCheckpoint, CompliantIsEnforcesVerdict) {
  fs::path root = SourceDir() / "examples/governance";
  auto schema = portfolio::MetadataSchema::Load(root / ".metaHub/schemas/repo-schema.json");
  ASSERT_TRUE(schema.ok());
  portfolio::Target target = Portfolio(root);
  TakeOptions options;
  options.enforce.checks.schema = schema->get();
  options.generator = "golden test";
  auto state = TakeCheckpoint(target, options, 1767225600LL * 1'000'000'000);
  ASSERT_TRUE(state.ok()) << state.status().ToString();
  EXPECT_EQ(state->timestamp, "2026-01-01T00:00:00.000000Z");
  EXPECT_EQ(state->version, kFormatVersion);
  EXPECT_EQ(state->summary.total_organizations, 4);  // zeta-empty counts

  report::Report rep = portfolio::Enforce(target, options.enforce, 0);
  size_t n = 0;
  for (const report::OrgReport& org : rep.orgs) {
    for (const report::RepoReport& repo : org.repos) {
      const RepoRecord* r = state->Find(org.name + "/" + repo.name);
      ASSERT_NE(r, nullptr) << repo.name;
      report::Counts c = repo.counts();
      EXPECT_EQ(r->compliant, repo.passed()) << r->full_name;
      EXPECT_EQ(r->violations, c.violations) << r->full_name;
      EXPECT_EQ(r->warnings, c.warnings) << r->full_name;
      EXPECT_EQ(r->findings.size(), static_cast<size_t>(c.violations + c.warnings));
      ++n;
    }
  }
  EXPECT_EQ(n, state->repos.size());

  const RepoRecord* good = state->Find("alpha/lib-good");
  ASSERT_NE(good, nullptr);
  EXPECT_TRUE(good->compliant);
  EXPECT_EQ(good->tier.AsInt64(), 1);
  EXPECT_EQ(good->type.GetString(), "library");
  EXPECT_TRUE(good->checks.has_metadata && good->checks.has_readme && good->checks.has_codeowners &&
              good->checks.has_ci && good->checks.has_tests);
  const RepoRecord* no_meta = state->Find("alpha/tool-no-meta");
  ASSERT_NE(no_meta, nullptr);
  EXPECT_EQ(no_meta->type.GetString(), "unknown");
  EXPECT_EQ(no_meta->tier.AsInt64(), 4);
  EXPECT_FALSE(no_meta->checks.has_metadata);
  const RepoRecord* tier_string = state->Find("beta/tier-string");
  ASSERT_NE(tier_string, nullptr);
  EXPECT_EQ(tier_string->tier.AsInt64(), 4);  // '1' is not a tier: the checks used 4
  const RepoRecord* docker = state->Find("alpha/svc-bad-docker");
  ASSERT_NE(docker, nullptr);
  std::vector<std::string> files;
  for (const auto& f : docker->files) files.push_back(f.first);
  EXPECT_EQ(files, (std::vector<std::string>{".github/CODEOWNERS", ".github/workflows/ci.yml",
                                             ".meta/repo.yaml", "Dockerfile", "README.md",
                                             "deploy/Dockerfile.dev"}));
}

TEST(TakeCheckpoint, SameStateWhateverTheNumberOfThreads) {
  fs::path root = SourceDir() / "examples/governance";
  portfolio::Target target = Portfolio(root);
  std::string first;
  for (unsigned threads : {1u, 3u}) {
    TakeOptions options;
    options.enforce.threads = threads;
    auto state = TakeCheckpoint(target, options, 0);
    ASSERT_TRUE(state.ok());
    std::string text = SerializeState(*state);
    if (first.empty()) first = text;
    EXPECT_EQ(text, first);
  }
}

TEST(TakeCheckpoint, AnOrganizationThatCannotBeListedIsAnError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads folders of mode 000";
  TempDir t;
  t.Mkdir(".metaHub");
  t.Write("organizations/a/r/README.md", "x");
  t.Mkdir("organizations/b");
  ASSERT_EQ(::chmod((t.path() / "organizations/b").c_str(), 0), 0);
  auto state = TakeCheckpoint(Portfolio(t.path()), {}, 0);
  ASSERT_FALSE(state.ok());
  EXPECT_NE(state.status().message().find("cannot list the organization folder"),
            std::string::npos);
}

}  // namespace
}  // namespace golden::checkpoint
