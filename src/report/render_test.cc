#include "report/render.h"

#include <gtest/gtest.h>

#include "value/json.h"

namespace golden::report {
namespace {

Finding F(std::string check, std::string rule, Severity sev, std::string msg, std::string file = {},
          int line = 0) {
  return report::MakeFinding(std::move(check), std::move(rule), sev, std::move(msg),
                             std::move(file), line);
}

RepoReport Repo(std::string name, std::vector<Finding> findings) {
  RepoReport r;
  r.name = name;
  r.org = "acme";
  r.path = "organizations/acme/" + name;
  r.findings = std::move(findings);
  return r;
}

Report RepoScope() {
  Report rep;
  rep.scope = Scope::kRepo;
  rep.name = "svc";
  rep.path = "organizations/acme/svc";
  rep.timestamp = "2026-01-01T00:00:00Z";
  OrgReport org;
  org.name = "acme";
  org.repos.push_back(Repo("svc", {F("metadata", "metadata.schema-passed", Severity::kInfo,
                                     "Schema validation passed", ".meta/repo.yaml"),
                                   F("docker", "docker.latest-tag", Severity::kError,
                                     "Do not use :latest tag in FROM directive", "Dockerfile", 1),
                                   F("workflows", "workflows.missing", Severity::kWarning,
                                     "CI/CD workflows recommended"),
                                   F("codeowners", "codeowners.missing", Severity::kWarning,
                                     "CODEOWNERS recommended", ".github/CODEOWNERS")}));
  auto md = ParseJson(R"({"type": "service", "created": "2025-01-01", "tier": 2})");
  org.repos[0].metadata = *md;
  rep.orgs.push_back(std::move(org));
  return rep;
}

TEST(RenderText, RepositoryLayoutIsTheOriginals) {
  EXPECT_EQ(RenderText(RepoScope()), R"(
============================================================
Enforcement Report: svc
============================================================

Summary:
  Violations: 1
  Warnings:   2
  Info:       1

[VIOLATIONS]
  [ERROR] docker: Do not use :latest tag in FROM directive
          File: Dockerfile:1

[WARNINGS]
  [WARN] workflows: CI/CD workflows recommended
  [WARN] codeowners: CODEOWNERS recommended
         File: .github/CODEOWNERS

[INFO]
  [INFO] metadata: Schema validation passed

[FAIL] Enforcement failed
)");
}

TEST(RenderJson, RepositoryShapeHasTheOriginalsKeysAndSameKeysOnEveryFinding) {
  auto v = ParseJson(RenderJson(RepoScope()));
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(*v->FindPath({"repo"}), Value::String("organizations/acme/svc"));
  EXPECT_EQ(*v->FindPath({"timestamp"}), Value::String("2026-01-01T00:00:00Z"));
  EXPECT_EQ(ToJson(*v->Find("summary")),
            R"({"info":1,"passed":false,"violations":1,"waived":0,"warnings":2})");
  EXPECT_EQ(*v->FindPath({"metadata", "created"}), Value::String("2025-01-01"));
  const Value& violation = v->Find("violations")->GetArray()[0];
  EXPECT_EQ(
      ToJson(violation),
      R"({"check":"docker","file":"Dockerfile","line":1,"message":"Do not use :latest tag in )"
      R"(FROM directive","rule":"docker.latest-tag","severity":"error","timestamp":)"
      R"("2026-01-01T00:00:00Z"})");
  const Value& warning = v->Find("warnings")->GetArray()[0];
  EXPECT_EQ(ToJson(warning),
            R"({"check":"workflows","file":null,"line":null,"message":"CI/CD workflows )"
            R"(recommended","rule":"workflows.missing","severity":"warning"})");
  EXPECT_EQ(v->Find("info")->Size(), 1u);
}

// A policy finding shows its rule id and # METADATA; a waived one counts as nothing and is
// listed apart with its waiver.
Report PolicyScope() {
  Report rep = RepoScope();
  Finding policy = F("policy", "golden.docker.deny", Severity::kError, "runs as root",
                     "Dockerfile", 7);
  policy.title = "Containers run as a non-root user";
  Finding waived = F("policy", "golden.repo.security_md", Severity::kError, "no SECURITY.md");
  waived.waived = Finding::Waiver{"JIRA-1", "2027-03-31", "@sec"};
  rep.orgs[0].repos[0].findings = {policy, waived};
  return rep;
}

TEST(RenderText, PolicyAndWaivedFindings) {
  EXPECT_EQ(RenderText(PolicyScope()), R"(
============================================================
Enforcement Report: svc
============================================================

Summary:
  Violations: 1
  Warnings:   0
  Info:       0
  Waived:     1

[VIOLATIONS]
  [ERROR] golden.docker.deny: runs as root
          File: Dockerfile:7

[WAIVED]
  [WAIVED] golden.repo.security_md: no SECURITY.md (JIRA-1; until 2027-03-31; owner @sec)

[FAIL] Enforcement failed
)");
}

TEST(RenderJson, PolicyAndWaivedFindings) {
  auto v = ParseJson(RenderJson(PolicyScope()));
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(ToJson(*v->Find("summary")),
            R"({"info":0,"passed":false,"violations":1,"waived":1,"warnings":0})");
  EXPECT_EQ(ToJson(*v->Find("violations")),
            R"([{"check":"policy","file":"Dockerfile","line":7,"message":"runs as root",)"
            R"("rule":"golden.docker.deny","severity":"error","timestamp":"2026-01-01T00:00:00Z",)"
            R"("title":"Containers run as a non-root user"}])");
  EXPECT_EQ(ToJson(*v->Find("waived")),
            R"([{"check":"policy","file":null,"line":null,"message":"no SECURITY.md",)"
            R"("rule":"golden.repo.security_md","severity":"error","timestamp":)"
            R"("2026-01-01T00:00:00Z","waiver":{"expires":"2027-03-31","owner":"@sec",)"
            R"("reason":"JIRA-1"}}])");
}

TEST(RenderJson, OrganizationAndPortfolioSummariesCountWaivedFindings) {
  // As the text reports' "Total Waived" does.
  for (Scope scope : {Scope::kOrg, Scope::kPortfolio}) {
    Report rep = PolicyScope();
    rep.scope = scope;
    auto v = ParseJson(RenderJson(rep));
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    EXPECT_EQ(*v->Find("summary")->Find("total_waived"), Value::Int(1));
    EXPECT_EQ(*v->Find("summary")->Find("total_violations"), Value::Int(1));
  }
}

TEST(RenderJson, KeysComeInTheOriginalsOrder) {
  std::string out = RenderJson(RepoScope());
  size_t repo = out.find("\"repo\""), ts = out.find("\"timestamp\""),
         summary = out.find("\"summary\""), md = out.find("\"metadata\""),
         viol = out.find("\"violations\": ["), warn = out.find("\"warnings\": ["),
         info = out.find("\"info\": [");
  EXPECT_LT(repo, ts);
  EXPECT_LT(ts, summary);
  EXPECT_LT(summary, md);
  EXPECT_LT(md, viol);
  EXPECT_LT(viol, warn);
  EXPECT_LT(warn, info);
  EXPECT_EQ(out.back(), '\n');
}

Report OrgScope() {
  Report rep;
  rep.scope = Scope::kOrg;
  rep.name = "acme";
  rep.path = "organizations/acme";
  rep.timestamp = "2026-01-01T00:00:00Z";
  OrgReport org;
  org.name = "acme";
  org.path = "organizations/acme";
  org.repos.push_back(Repo("a-fails", {F("readme", "readme.missing", Severity::kError, "x"),
                                       F("readme", "readme.missing", Severity::kError, "y")}));
  org.repos.push_back(Repo("b-warns", {F("readme", "readme.title", Severity::kWarning, "w")}));
  org.repos.push_back(Repo("c-clean", {}));
  rep.orgs.push_back(std::move(org));
  return rep;
}

TEST(RenderText, OrganizationLayoutIsTheOriginals) {
  EXPECT_EQ(RenderText(OrgScope()), R"(
============================================================
Organization Enforcement Report: acme
============================================================

Summary:
  Total Repos:      3
  Passed:           2
  Failed:           1
  Total Violations: 2
  Total Warnings:   1

[FAILED REPOS]
  - a-fails: 2 violations

[REPOS WITH WARNINGS]
  - b-warns: 1 warnings

[FAIL] Organization enforcement complete
)");
}

TEST(RenderJson, OrganizationSummaryHasTheRunbooksKeys) {
  auto v = ParseJson(RenderJson(OrgScope()));
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v->Find("organization"), Value::String("acme"));
  EXPECT_EQ(ToJson(*v->Find("summary")),
            R"({"failed":1,"passed":2,"total_info":0,"total_repos":3,"total_violations":2,)"
            R"("total_waived":0,"total_warnings":1})");
  const Value& repo = v->Find("repos")->GetArray()[0];
  for (std::string_view key :
       {"name", "path", "passed", "violations", "warnings", "info", "metadata", "summary"}) {
    EXPECT_NE(repo.Find(key), nullptr) << key;
  }
  EXPECT_EQ(v->Find("errors")->Size(), 0u);
}

TEST(RenderText, UnreadableOrganizationIsShownAndFails) {
  Report rep = OrgScope();
  rep.orgs[0].repos.clear();
  rep.orgs[0].findings.push_back(F("scan", "scan.unreadable", Severity::kError,
                                   "Cannot read the organization folder: Permission denied"));
  std::string text = RenderText(rep);
  EXPECT_NE(text.find("[ORGANIZATION ERRORS]\n  - acme: Cannot read the organization folder: "
                      "Permission denied\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("[FAIL] Organization enforcement complete"), std::string::npos);
  EXPECT_TRUE(Fails(rep, false));
  auto v = ParseJson(RenderJson(rep));
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->Find("errors")->Size(), 1u);
  EXPECT_EQ(*v->FindPath({"summary", "total_violations"}), Value::Int(1));
}

TEST(RenderText, PortfolioListsOrganizationsAndQualifiedRepos) {
  Report rep = OrgScope();
  rep.scope = Scope::kPortfolio;
  rep.name = "organizations";
  rep.path = "organizations";
  OrgReport empty;
  empty.name = "zeta";
  empty.path = "organizations/zeta";
  rep.orgs.push_back(empty);
  std::string text = RenderText(rep);
  EXPECT_NE(text.find("Portfolio Enforcement Report: organizations\n"), std::string::npos);
  EXPECT_NE(text.find("  Organizations:    2\n  Total Repos:      3\n"), std::string::npos);
  EXPECT_NE(text.find("  - acme: 3 repos, 1 failed, 2 violations, 1 warnings\n"
                      "  - zeta: 0 repos, 0 failed, 0 violations, 0 warnings\n"),
            std::string::npos);
  EXPECT_NE(text.find("  - acme/a-fails: 2 violations\n"), std::string::npos);
  EXPECT_NE(text.find("[FAIL] Portfolio enforcement complete"), std::string::npos);
  auto v = ParseJson(RenderJson(rep));
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v->FindPath({"summary", "total_organizations"}), Value::Int(2));
  EXPECT_EQ(*v->FindPath({"summary", "total_violations"}), Value::Int(2));
  EXPECT_EQ(v->Find("organizations")->Size(), 2u);
}

TEST(Render, FormatsByName) {
  EXPECT_EQ(ParseFormat("text"), Format::kText);
  EXPECT_EQ(ParseFormat("json"), Format::kJson);
  EXPECT_FALSE(ParseFormat("xml").has_value());
  EXPECT_EQ(Render(OrgScope(), Format::kText), RenderText(OrgScope()));
  EXPECT_EQ(Render(OrgScope(), Format::kJson), RenderJson(OrgScope()));
}

TEST(Report, FailsOnViolationsOrOnWarningsWhenAsked) {
  Report rep = OrgScope();
  EXPECT_TRUE(Fails(rep, false));
  rep.orgs[0].repos.erase(rep.orgs[0].repos.begin());
  EXPECT_FALSE(Fails(rep, false));
  EXPECT_TRUE(Fails(rep, true));
}

TEST(Report, TimestampsAreUtcIso8601) {
  EXPECT_EQ(IsoTimestampUtc(1767225600LL * 1'000'000'000), "2026-01-01T00:00:00Z");
  EXPECT_EQ(IsoTimestampUtc(-1), "1969-12-31T23:59:59Z");
}

}  // namespace
}  // namespace golden::report
