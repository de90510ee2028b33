// The formats CI systems read: SARIF, JUnit, GitHub annotations, Markdown step summary.
// (SARIF's schema validity is tested on real output in tests/cli/ci_cli_test.cc.)
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "report/locations.h"
#include "report/render.h"
#include "value/json.h"

namespace golden::report {
namespace {

Finding F(std::string rule, Severity sev, std::string msg, std::string file = {}, int line = 0) {
  std::string check = rule.substr(0, rule.find('.'));
  return MakeFinding(check, std::move(rule), sev, std::move(msg), std::move(file), line);
}

Report Portfolio(std::vector<Finding> findings) {
  Report rep;
  rep.scope = Scope::kPortfolio;
  rep.name = "organizations";
  rep.path = "organizations";
  rep.timestamp = "2026-01-01T00:00:00Z";
  rep.rules = {{"docker.latest-tag", "docker", Severity::kError, "FROM is pinned.", "Pin it."},
               {"readme.missing", "readme", Severity::kError, "README.md exists.", ""},
               {"readme.title", "readme", Severity::kWarning, "A # title.", ""}};
  OrgReport org;
  org.name = "acme";
  org.path = "organizations/acme";
  RepoReport repo;
  repo.name = "svc";
  repo.org = "acme";
  repo.path = "organizations/acme/svc";
  repo.findings = std::move(findings);
  org.repos.push_back(std::move(repo));
  rep.orgs.push_back(std::move(org));
  return rep;
}

const Value& Results(const Value& sarif) {
  return *sarif.Find("runs")->GetArray()[0].Find("results");
}

TEST(RenderSarif, ResultsPointToFilesAndRepositoryFindingsToTheMetadataFile) {
  Report rep = Portfolio({F("docker.latest-tag", Severity::kError, "latest", "Dockerfile", 3),
                          F("readme.missing", Severity::kError, "no README"),
                          F("metadata.schema-passed", Severity::kInfo, "ok", ".meta/repo.yaml")});
  auto v = ParseJson(RenderSarif(rep));
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  const Value& results = Results(*v);
  ASSERT_EQ(results.Size(), 2u);  // info is not a result
  const Value& first = results.GetArray()[0];
  EXPECT_EQ(*first.Find("ruleId"), Value::String("docker.latest-tag"));
  EXPECT_EQ(*first.Find("ruleIndex"), Value::Int(0));
  EXPECT_EQ(*first.Find("level"), Value::String("error"));
  const Value& loc = *first.Find("locations")->GetArray()[0].Find("physicalLocation");
  EXPECT_EQ(*loc.FindPath({"artifactLocation", "uri"}),
            Value::String("organizations/acme/svc/Dockerfile"));
  EXPECT_EQ(*loc.FindPath({"artifactLocation", "uriBaseId"}), Value::String("%SRCROOT%"));
  EXPECT_EQ(*loc.FindPath({"region", "startLine"}), Value::Int(3));
  const Value& second = results.GetArray()[1];
  const Value& loc2 = *second.Find("locations")->GetArray()[0].Find("physicalLocation");
  EXPECT_EQ(*loc2.FindPath({"artifactLocation", "uri"}),
            Value::String("organizations/acme/svc/.meta/repo.yaml"));
  EXPECT_EQ(loc2.Find("region"), nullptr);
  EXPECT_EQ(*second.Find("ruleIndex"), Value::Int(1));
}

std::string Fingerprint(const Value& result) {
  return std::string(result.FindPath({"partialFingerprints", "goldenFinding/v1"})->GetString());
}

TEST(RenderSarif, FingerprintsIgnoreLineMovesButTellFindingsApart) {
  Report before = Portfolio({F("docker.latest-tag", Severity::kError, "latest", "Dockerfile", 3),
                             F("docker.latest-tag", Severity::kError, "latest", "Dockerfile", 9)});
  Report after = Portfolio({F("docker.latest-tag", Severity::kError, "latest", "Dockerfile", 5),
                            F("docker.latest-tag", Severity::kError, "latest", "Dockerfile", 12)});
  auto b = ParseJson(RenderSarif(before));
  auto a = ParseJson(RenderSarif(after));
  ASSERT_TRUE(b.ok() && a.ok());
  std::string b0 = Fingerprint(Results(*b).GetArray()[0]);
  std::string b1 = Fingerprint(Results(*b).GetArray()[1]);
  EXPECT_NE(b0, b1);  // two identical findings in one file are two alerts
  EXPECT_EQ(b0, Fingerprint(Results(*a).GetArray()[0]));
  EXPECT_EQ(b1, Fingerprint(Results(*a).GetArray()[1]));
  EXPECT_EQ(b0.size(), 16u);
  // Another repository with the same finding is another alert.
  Report other = before;
  other.orgs[0].repos[0].name = "api";
  auto o = ParseJson(RenderSarif(other));
  ASSERT_TRUE(o.ok());
  EXPECT_NE(Fingerprint(Results(*o).GetArray()[0]), b0);
}

TEST(RenderSarif, RulesOfFindingsNotDescribedAreAddedSoEveryIndexIsValid) {
  Report rep = Portfolio({F("policy.custom", Severity::kWarning, "custom")});
  auto v = ParseJson(RenderSarif(rep));
  ASSERT_TRUE(v.ok());
  const Value& rules = *v->Find("runs")->GetArray()[0].FindPath({"tool", "driver", "rules"});
  ASSERT_EQ(rules.Size(), 4u);
  EXPECT_EQ(*rules.GetArray()[3].Find("id"), Value::String("policy.custom"));
  EXPECT_EQ(*Results(*v).GetArray()[0].Find("ruleIndex"), Value::Int(3));
  EXPECT_EQ(*rules.GetArray()[0].FindPath({"help", "text"}), Value::String("Pin it."));
}

TEST(Locations, PathsArePercentEncodedUris) {
  EXPECT_EQ(PercentEncodePath("organizations/a b/caf\xc3\xa9#1"),
            "organizations/a%20b/caf%C3%A9%231");
  RepoReport repo;
  repo.path = "/abs/svc";
  FindingLocation loc = LocateFinding(repo, F("readme.missing", Severity::kError, "x"));
  EXPECT_FALSE(loc.relative);
  EXPECT_EQ(loc.uri, "file:///abs/svc/.meta/repo.yaml");
}

TEST(RenderJunit, OneSuitePerRepositoryOneCasePerRule) {
  Report rep =
      Portfolio({F("docker.latest-tag", Severity::kError, "latest <x> & \"y\"", "Dockerfile", 3),
                 F("readme.title", Severity::kWarning, "no title", "README.md", 1)});
  std::string xml = RenderJunit(rep);
  EXPECT_NE(xml.find("<testsuites name=\"golden enforce organizations\" tests=\"3\" "
                     "failures=\"1\" errors=\"0\" skipped=\"0\">"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<testsuite name=\"acme/svc\" tests=\"3\" failures=\"1\""), std::string::npos);
  EXPECT_NE(xml.find("<failure message=\"latest &lt;x&gt; &amp; &quot;y&quot;\" "
                     "type=\"docker.latest-tag\">Dockerfile:3: latest &lt;x&gt; &amp; "
                     "&quot;y&quot;\n</failure>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<testcase name=\"readme.missing\" classname=\"acme/svc\"/>"),
            std::string::npos);
  EXPECT_NE(xml.find("<system-out>warning: README.md:1: no title\n</system-out>"),
            std::string::npos);
}

TEST(RenderJunit, UnreadableOrganizationIsAnError) {
  Report rep = Portfolio({});
  rep.orgs[0].repos.clear();
  rep.orgs[0].findings.push_back(F("scan.unreadable", Severity::kError, "Permission denied"));
  std::string xml = RenderJunit(rep);
  EXPECT_NE(xml.find("<testsuite name=\"acme\" tests=\"1\" failures=\"0\" errors=\"1\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<error message=\"Permission denied\" type=\"scan.unreadable\"/>"),
            std::string::npos);
}

TEST(RenderGithub, AnnotationsAreEscapedAndLocated) {
  Report rep =
      Portfolio({F("docker.latest-tag", Severity::kError, "50% of\nlines", "a,b:c/Dockerfile", 3),
                 F("readme.title", Severity::kWarning, "no title")});
  EXPECT_EQ(RenderGithub(rep),
            "::error file=organizations/acme/svc/a%2Cb%3Ac/Dockerfile,line=3,"
            "title=docker.latest-tag::50%25 of%0Alines\n"
            "::warning file=organizations/acme/svc/.meta/repo.yaml,title=readme.title::no title\n"
            "::notice title=golden enforce::golden enforce: 1 repository, 1 failed; 1 violation, "
            "1 warning.\n");
}

TEST(RenderGithub, StopsAtGithubsCapAndSaysWhatItLeftOut) {
  std::vector<Finding> many;
  for (int i = 1; i <= 25; ++i) {
    many.push_back(F("docker.latest-tag", Severity::kError, "e" + std::to_string(i), "D", i));
  }
  for (int i = 1; i <= 3; ++i) {
    many.push_back(F("readme.title", Severity::kWarning, "w" + std::to_string(i), "R", i));
  }
  std::string out = RenderGithub(Portfolio(many));
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 10 + 3 + 1);
  EXPECT_NE(out.find("::e10\n"), std::string::npos);
  EXPECT_EQ(out.find("::e11\n"), std::string::npos);
  EXPECT_NE(out.find("25 violations, 3 warnings. GitHub shows 10 annotations of each kind per "
                     "step, so 15 violations and 0 warnings are not annotated"),
            std::string::npos)
      << out;
}

TEST(RenderMarkdown, EveryOrganizationHasARowAndTextIsEscaped) {
  Report rep = Portfolio({F("docker.latest-tag", Severity::kError, "a | b *c*", "Dockerfile", 3)});
  OrgReport broken;
  broken.name = "broken";
  broken.path = "organizations/broken";
  broken.findings.push_back(F("scan.unreadable", Severity::kError, "Permission denied"));
  rep.orgs.push_back(broken);
  std::string md = RenderMarkdown(rep);
  EXPECT_EQ(md.rfind("## golden enforce: :x: 1 of 1 repository fails\n", 0), 0u) << md;
  EXPECT_NE(md.find("| acme | 1 | 0 | 1 | 1 | 0 | :x: fail |"), std::string::npos) << md;
  EXPECT_NE(md.find("| broken | 0 | 0 | 0 | 1 | 0 | :warning: error: Permission denied |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| error | docker.latest-tag | Dockerfile:3 | a \\| b \\*c\\* |"),
            std::string::npos)
      << md;
}

TEST(RenderMarkdown, StaysUnderTheStepSummaryLimit) {
  Report rep = Portfolio({});
  OrgReport& org = rep.orgs[0];
  org.repos.clear();
  for (int r = 0; r < 3000; ++r) {
    RepoReport repo;
    repo.name = "repo-" + std::to_string(r);
    repo.org = "acme";
    for (int i = 0; i < 5; ++i) {
      repo.findings.push_back(
          F("docker.latest-tag", Severity::kError, std::string(60, 'x'), "Dockerfile", i + 1));
    }
    org.repos.push_back(std::move(repo));
  }
  std::string md = RenderMarkdown(rep);
  EXPECT_LT(md.size(), kMarkdownBudgetBytes);
  EXPECT_NE(md.find("more repositories with findings not shown"), std::string::npos);
  EXPECT_NE(md.find("| acme | 3000 | 0 | 3000 | 15000 |"), std::string::npos);
}

TEST(Render, EveryFormatHasANameAndAFileName) {
  for (std::string_view name : FormatNames()) {
    auto f = ParseFormat(name);
    ASSERT_TRUE(f.has_value()) << name;
    EXPECT_EQ(FormatName(*f), name);
    EXPECT_FALSE(FormatFileName(*f).empty());
  }
  EXPECT_EQ(FormatFileName(Format::kSarif), "enforce.sarif");
  EXPECT_EQ(FormatFileName(Format::kJunit), "enforce.junit.xml");
}

}  // namespace
}  // namespace golden::report
