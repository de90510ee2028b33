#include "portfolio/enforce.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>

#include "report/render.h"
#include "testing/portfolio.h"
#include "testing/temp_dir.h"
#include "value/json.h"

namespace golden::portfolio {
namespace {

using golden::testing::Portfolio;
using golden::testing::SourceDir;
using golden::testing::TempDir;

TEST(Enforce, SameReportWhateverTheNumberOfThreads) {
  fs::path root = SourceDir() / "examples/governance";
  auto schema = MetadataSchema::Load(root / ".metaHub/schemas/repo-schema.json");
  ASSERT_TRUE(schema.ok());
  Target target = Portfolio(root);
  std::string first;
  for (unsigned threads : {1u, 2u, 7u}) {
    EnforceOptions options;
    options.checks.schema = schema->get();
    options.threads = threads;
    std::atomic<int> done{0};
    options.on_repo_done = [&] { ++done; };
    report::Report rep = Enforce(target, options, 0);
    EXPECT_EQ(done.load(), static_cast<int>(target.Repos().size()));
    std::string json = report::RenderJson(rep);
    if (first.empty()) {
      first = json;
    } else {
      EXPECT_EQ(json, first) << threads << " threads";
    }
  }
}

TEST(Enforce, EnforceSnapshotGivesWhatEnforceRepoGives) {
  TempDir t;
  t.Write("org/r/README.md", "short");
  t.Write("org/r/.meta/repo.yaml", "type: tool\nlanguage: go\ntier: 2\n");
  RepoRef ref{"org", "r", t.path() / "org/r", "org/r"};
  EnforceOptions options;
  report::RepoReport direct = EnforceRepo(ref, options);
  RepoSnapshot snap = LoadRepo(ref, options.scan);
  report::RepoReport from_snapshot = EnforceSnapshot(snap, options);
  EXPECT_EQ(from_snapshot.name, "r");
  EXPECT_EQ(from_snapshot.org, "org");
  EXPECT_EQ(from_snapshot.path, "org/r");
  EXPECT_EQ(from_snapshot.metadata, direct.metadata);
  ASSERT_EQ(from_snapshot.findings.size(), direct.findings.size());
  for (size_t i = 0; i < direct.findings.size(); ++i) {
    EXPECT_EQ(from_snapshot.findings[i].rule, direct.findings[i].rule);
  }
  EXPECT_GT(from_snapshot.counts().violations, 0);  // tier 2 without CODEOWNERS
}

// Enforce parses a workflow text once for every repository that has it (YamlCache); each
// repository still gets findings of its own, with its own file names and lines, exactly as a
// repository checked on its own does.
TEST(Enforce, RepositoriesSharingAWorkflowTextGetTheFindingsOfTheirOwn) {
  const std::string workflow =
      "on: push\njobs:\n  a:\n    continue-on-error: true\n    steps:\n"
      "      - run: make\n        continue-on-error: yes\n";
  TempDir t;
  for (std::string repo : {"r1", "r2", "r3", "r4"}) {
    t.Write("organizations/org/" + repo + "/.meta/repo.yaml", "type: tool\ntier: 3\n");
  }
  t.Write("organizations/org/r1/.github/workflows/ci.yml", workflow);
  t.Write("organizations/org/r2/.github/workflows/build.yaml", workflow);
  t.Write("organizations/org/r3/.github/workflows/ci.yml", "# moved down a line\n" + workflow);
  t.Write("organizations/org/r3/.github/workflows/copy.yml", workflow);
  t.Write("organizations/org/r4/.github/workflows/ci.yml", workflow + "  b: [\n");  // invalid
  Target target = Portfolio(t.path());
  EnforceOptions options;
  options.threads = 2;
  report::Report rep = Enforce(target, options, 0);
  ASSERT_EQ(rep.orgs.size(), 1u);
  ASSERT_EQ(rep.orgs[0].repos.size(), 4u);
  size_t continue_findings = 0;
  for (size_t i = 0; i < target.orgs[0].repos.size(); ++i) {
    const report::RepoReport& together = rep.orgs[0].repos[i];
    report::RepoReport alone = EnforceRepo(target.orgs[0].repos[i], options);
    ASSERT_EQ(together.findings.size(), alone.findings.size()) << together.name;
    for (size_t k = 0; k < alone.findings.size(); ++k) {
      const report::Finding& a = together.findings[k];
      const report::Finding& b = alone.findings[k];
      EXPECT_EQ(std::tie(a.rule, a.message, a.file, a.line),
                std::tie(b.rule, b.message, b.file, b.line));
      if (a.rule == "workflows.continue-on-error") ++continue_findings;
    }
  }
  EXPECT_EQ(continue_findings, 8u);  // two in each of the four valid files
  auto find = [&](size_t repo, std::string_view file, std::string_view text) {
    for (const report::Finding& f : rep.orgs[0].repos[repo].findings) {
      if (f.file == file && f.message.find(text) != std::string::npos) return f.line;
    }
    return -1;
  };
  EXPECT_EQ(find(0, ".github/workflows/ci.yml", "at jobs.a may"), 4);
  EXPECT_EQ(find(1, ".github/workflows/build.yaml", "at jobs.a.steps[0] may"), 7);
  EXPECT_EQ(find(2, ".github/workflows/ci.yml", "at jobs.a may"), 5);
  EXPECT_EQ(find(2, ".github/workflows/copy.yml", "at jobs.a.steps[0] may"), 7);
  EXPECT_EQ(find(3, ".github/workflows/ci.yml", "Invalid YAML"), 9);
}

// The checks and the policy input read the same workflow: one parse per snapshot serves both.
TEST(Enforce, AFileIsParsedOncePerSnapshot) {
  TempDir t;
  t.Write("org/r/.github/workflows/ci.yml", "on: push\njobs: {}\n");
  t.Write("org/r/.github/workflows/bad.yml", "on: [push\n");
  RepoSnapshot snap = LoadRepo({"org", "r", t.path() / "org/r", "org/r"});
  auto text = snap.ReadFile(".github/workflows/ci.yml", 1 << 20);
  ASSERT_TRUE(text.ok());
  auto first = snap.ParseYamlFile(".github/workflows/ci.yml", *text);
  auto second = snap.ParseYamlFile(".github/workflows/ci.yml", *text);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->get(), second->get());
  EXPECT_EQ(ToJson((*first)->doc), R"({"jobs":{},"true":"push"})");  // YAML 1.1: on = true
  auto bad_text = snap.ReadFile(".github/workflows/bad.yml", 1 << 20);
  ASSERT_TRUE(bad_text.ok());
  for (int i = 0; i < 2; ++i) {
    auto bad = snap.ParseYamlFile(".github/workflows/bad.yml", *bad_text);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().ToString(),
              ".github/workflows/bad.yml:2:1: YAML: did not find expected ',' or ']'");
  }
}

TEST(Enforce, ReportFollowsTheTarget) {
  TempDir t;
  t.Mkdir(".metaHub");
  t.Write("organizations/b/r2/README.md", "x");
  t.Write("organizations/b/r1/README.md", "x");
  t.Mkdir("organizations/a");
  report::Report rep = Enforce(Portfolio(t.path()), {}, 1767225600LL * 1'000'000'000);
  EXPECT_EQ(rep.scope, report::Scope::kPortfolio);
  EXPECT_EQ(rep.timestamp, "2026-01-01T00:00:00Z");
  ASSERT_EQ(rep.orgs.size(), 2u);
  EXPECT_EQ(rep.orgs[0].name, "a");
  ASSERT_EQ(rep.orgs[1].repos.size(), 2u);
  EXPECT_EQ(rep.orgs[1].repos[0].name, "r1");
  EXPECT_EQ(rep.orgs[1].repos[0].path, "organizations/b/r1");
  EXPECT_EQ(rep.orgs[1].repos[0].org, "b");
  EXPECT_FALSE(rep.rules.empty());
  EXPECT_TRUE(std::is_sorted(rep.rules.begin(), rep.rules.end(),
                             [](const auto& a, const auto& b) { return a.id < b.id; }));
}

TEST(Enforce, OnSnapshotSeesEveryRepositoryByIndex) {
  TempDir t;
  t.Mkdir(".metaHub");
  t.Write("organizations/a/r1/README.md", "one");
  t.Write("organizations/b/r2/.meta/repo.yaml", "type: tool\nlanguage: go\n");
  t.Write("organizations/b/r3/README.md", "three");
  Target target = Portfolio(t.path());
  std::vector<std::string> seen(target.Repos().size());
  std::vector<bool> has_metadata(seen.size());
  std::vector<std::string> reported(seen.size());
  EnforceOptions options;
  options.threads = 2;
  options.on_snapshot = [&](size_t i, const RepoSnapshot& snap, report::RepoReport* repo) {
    seen[i] = snap.ref.org + "/" + snap.ref.name;
    has_metadata[i] = snap.metadata.loaded();
    reported[i] = repo->org + "/" + repo->name;
  };
  report::Report rep = Enforce(target, options, 0);
  EXPECT_EQ(seen, (std::vector<std::string>{"a/r1", "b/r2", "b/r3"}));
  EXPECT_EQ(reported, seen);  // the hook is given the repository's own report
  EXPECT_EQ(has_metadata, (std::vector<bool>{false, true, false}));
  // The report is the same as without the hook.
  EXPECT_EQ(report::RenderJson(rep), report::RenderJson(Enforce(target, {}, 0)));

  // What the hook takes out of a report is gone from the one Enforce returns.
  options.on_snapshot = [](size_t, const RepoSnapshot&, report::RepoReport* repo) {
    repo->findings.clear();
  };
  options.report_metadata = false;
  report::Report emptied = Enforce(target, options, 0);
  for (const auto& org : emptied.orgs) {
    for (const auto& repo : org.repos) {
      EXPECT_TRUE(repo.findings.empty());
      EXPECT_TRUE(repo.metadata.IsNull());
    }
  }
}

TEST(Enforce, MoreFindingsCanBeAddedPerRepository) {
  TempDir t;
  t.Mkdir(".metaHub");
  t.Write("organizations/acme/svc/README.md", "x");
  EnforceOptions options;
  options.checks.strict = true;
  options.add_findings = [](const RepoSnapshot& snap, std::vector<report::Finding>* out) {
    EXPECT_TRUE(snap.inventory.IsFile("README.md"));
    out->push_back(report::MakeFinding("policy", "golden.readme.big", report::Severity::kWarning,
                                       "too small", "README.md", 1));
  };
  report::Report rep = Enforce(Portfolio(t.path()), options, 0);
  const auto& findings = rep.orgs.at(0).repos.at(0).findings;
  ASSERT_FALSE(findings.empty());
  const report::Finding& last = findings.back();  // policy findings sort after the checks
  EXPECT_EQ(last.rule, "golden.readme.big");
  EXPECT_EQ(last.severity, report::Severity::kError);  // strict applies to them too
}

TEST(Enforce, EveryRuleIdUsedIsDescribed) {
  fs::path root = SourceDir() / "examples/governance";
  report::Report rep = Enforce(Portfolio(root), {}, 0);
  std::set<std::string> described;
  for (const auto& r : rep.rules) described.insert(r.id);
  for (const auto& org : rep.orgs) {
    for (const auto& repo : org.repos) {
      for (const auto& f : repo.findings) EXPECT_TRUE(described.count(f.rule)) << f.rule;
    }
  }
}

}  // namespace
}  // namespace golden::portfolio
