#include "policy/policy_set.h"

#include <gtest/gtest.h>

#include "testing/temp_dir.h"
#include "value/json.h"

namespace golden::policy {
namespace {

using report::Finding;
using report::Severity;

std::shared_ptr<const PolicySet> MustCompile(std::string text, bool v0 = false,
                                             Value portfolio = Value::EmptyObject()) {
  PolicyOptions o;
  o.v0_compatible = v0;
  auto p = PolicySet::Compile({{"p.rego", std::move(text)}}, portfolio, o);
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return p.ok() ? *p : nullptr;
}

std::string Show(std::vector<Finding> fs) {
  report::SortFindings(&fs);
  std::string out;
  for (const Finding& f : fs) {
    out += f.rule + "|" + std::string(report::SeverityName(f.severity)) + "|" + f.message;
    if (!f.file.empty()) out += "|" + f.file + ":" + std::to_string(f.line);
    if (!f.title.empty()) out += "|title=" + f.title;
    if (f.waived) out += "|waived:" + f.waived->reason;
    out += "\n";
  }
  return out;
}

Value In(std::string_view json) { return *ParseJson(json); }

TEST(PolicySet, StringsObjectsAndKinds) {
  auto p = MustCompile(R"(package golden.docker

deny contains "plain message" if input.a

deny contains {"msg": "with place", "file": "Dockerfile", "line": 3, "rule": "latest"} if input.a

violation contains {"msg": "info level", "severity": "info"} if input.a

warn contains "careful" if input.a

warn_style contains "style" if input.a

helper contains "not a finding" if input.a
)");
  ASSERT_TRUE(p);
  EXPECT_EQ(Show(p->Evaluate(In(R"({"a": true})"))),
            "golden.docker.deny|error|plain message\n"
            "golden.docker.violation|info|info level\n"
            "golden.docker.warn|warning|careful\n"
            "golden.docker.warn_style|warning|style\n"
            "golden.docker.latest|error|with place|Dockerfile:3\n");
  EXPECT_EQ(Show(p->Evaluate(In(R"({"a": false})"))), "");
  auto rules = p->Rules();
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(rules[0].id, "golden.docker.deny");
  EXPECT_EQ(rules[0].summary, "Policy rule golden.docker.deny");
}

TEST(PolicySet, MetadataTitleSeverityAndTiers) {
  auto p = MustCompile(R"(package golden.adr

# METADATA
# title: ADRs for critical repositories
# description: Tier 1-2 repositories record decisions in docs/adr.
# custom:
#   severity: warning
#   tiers: [1, 2]
deny contains "no ADR" if true
)");
  ASSERT_TRUE(p);
  EXPECT_EQ(Show(p->Evaluate(In(R"({"tier": 2})"))),
            "golden.adr.deny|warning|no ADR|title=ADRs for critical repositories\n");
  EXPECT_EQ(Show(p->Evaluate(In(R"({"tier": 3})"))), "");
  EXPECT_EQ(p->Rules()[0].summary, "ADRs for critical repositories");
  EXPECT_EQ(p->Rules()[0].severity, Severity::kWarning);
}

TEST(PolicySet, ConftestExceptions) {
  auto p = MustCompile(R"(package main

deny contains "plain" if true
deny_root contains "root" if true
deny_other contains "other" if true

exception contains rules if {
  input.skip
  rules := ["root", ""]
}
)");
  ASSERT_TRUE(p);
  EXPECT_EQ(Show(p->Evaluate(In(R"({"skip": true})"))),
            "main.deny|error|plain|waived:exception in policy main\n"
            "main.deny_other|error|other\n"
            "main.deny_root|error|root|waived:exception in policy main\n");
  EXPECT_EQ(Show(p->Evaluate(In(R"({"skip": false})"))),
            "main.deny|error|plain\nmain.deny_other|error|other\nmain.deny_root|error|root\n");
}

TEST(PolicySet, V0PoliciesNeedTheFlag) {
  std::string v0 = "package main\n\ndeny[msg] {\n  input.kind == \"x\"\n  msg := \"kind x\"\n}\n";
  PolicyOptions o;
  auto rejected = PolicySet::Compile({{"p.rego", v0}}, Value::EmptyObject(), o);
  ASSERT_FALSE(rejected.ok());
  EXPECT_NE(rejected.status().message().find("p.rego:3: rego_parse_error"), std::string::npos)
      << rejected.status().message();
  auto p = MustCompile(v0, /*v0=*/true);
  ASSERT_TRUE(p);
  EXPECT_EQ(Show(p->Evaluate(In(R"({"kind": "x"})"))), "main.deny|error|kind x\n");
}

TEST(PolicySet, CompileErrorsListEveryProblemWithFileAndLine) {
  PolicyOptions o;
  auto r = PolicySet::Compile({{"a.rego", "package a\n\ndeny contains x if { y := 1 }\n"},
                               {"b.rego", "package b\n\nwarn contains \"w\" if true\n"}},
                              Value::EmptyObject(), o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("a.rego:3: rego_unsafe_var_error: var x is unsafe"),
            std::string::npos)
      << r.status().message();
  // A parse error is reported with its file and line too.
  auto parse = PolicySet::Compile({{"b.rego", "package b\n\nwarn contains \"w\" if {\n"}},
                                  Value::EmptyObject(), o);
  ASSERT_FALSE(parse.ok());
  EXPECT_EQ(parse.status().message().substr(0, 34), "b.rego:4: rego_parse_error: unexpe");
}

TEST(PolicySet, EvaluationErrorsBecomeFindings) {
  auto p = MustCompile(R"(package c

deny := "a" if input.x
deny := "b" if input.x
)");
  ASSERT_TRUE(p);
  std::string got = Show(p->Evaluate(In(R"({"x": true})")));
  EXPECT_NE(got.find("c.deny|error|Policy evaluation failed: "), std::string::npos) << got;
  EXPECT_NE(got.find("eval_conflict_error"), std::string::npos) << got;
}

// Rules are evaluated together; when that fails, each alone, so the error names its rule
// and the other rules still report.
TEST(PolicySet, AnErrorInOneRuleLeavesTheOthers) {
  auto p = MustCompile(R"(package c

f(x) := 1 if x
f(x) := 2 if x

deny_bad contains f(true) if input.x

warn_good contains "fine" if input.x
)");
  ASSERT_TRUE(p);
  std::string got = Show(p->Evaluate(In(R"({"x": true, "tier": 2})")));
  EXPECT_NE(got.find("c.deny_bad|error|Policy evaluation failed: "), std::string::npos) << got;
  EXPECT_NE(got.find("c.warn_good|warning|fine\n"), std::string::npos) << got;
}

TEST(PolicySet, PortfolioIsData) {
  Value portfolio = *ParseJson(
      R"({"repositories": [{"repository": {"name": "x", "full_name": "a/x"}},
                            {"repository": {"name": "x", "full_name": "b/x"}}]})");
  auto p = MustCompile(R"(package golden.names

deny contains sprintf("name %s is used %d times", [input.repository.name, n]) if {
  n := count([r | some r in data.golden.portfolio.repositories; r.repository.name == input.repository.name])
  n > 1
}
)",
                       false, portfolio);
  ASSERT_TRUE(p);
  EXPECT_EQ(Show(p->Evaluate(In(R"({"repository": {"name": "x"}})"))),
            "golden.names.deny|error|name x is used 2 times\n");
}

TEST(PolicySet, TimeIsTheRunsClock) {
  PolicyOptions o;
  o.now_ns = 1767225600LL * 1'000'000'000;
  auto p = PolicySet::Compile(
      {{"p.rego", "package t\n\nwarn contains sprintf(\"%d\", [time.now_ns()]) if true\n"}},
      Value::EmptyObject(), o);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(Show((*p)->Evaluate(In("{}"))), "t.warn|warning|1767225600000000000\n");
}

TEST(PolicySet, BundleManifestSaysV0) {
  golden::testing::TempDir d;
  d.Write("p.rego", "package main\n\ndeny[msg] {\n  msg := \"v0\"\n}\n");
  PolicyOptions o;
  EXPECT_FALSE(PolicySet::Load(d.path(), Value::EmptyObject(), o).ok());
  d.Write(".manifest", R"({"rego_version": 0})");
  auto p = PolicySet::Load(d.path(), Value::EmptyObject(), o);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(Show((*p)->Evaluate(In("{}"))), "main.deny|error|v0\n");
  d.Write(".manifest", R"({"rego_version": 2})");
  auto bad = PolicySet::Load(d.path(), Value::EmptyObject(), o);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("rego_version must be 0 or 1"), std::string::npos);
}

TEST(PolicyFiles, RecursiveSortedWithoutTests) {
  golden::testing::TempDir d;
  d.Write("b.rego", "");
  d.Write("a_test.rego", "");
  d.Write("sub/c.rego", "");
  d.Write("notes.md", "");
  d.Write(".hidden/x.rego", "");
  auto files = PolicyFiles(d.path());
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 2u);
  EXPECT_EQ((*files)[0], d.path() / "b.rego");
  EXPECT_EQ((*files)[1], d.path() / "sub/c.rego");
  EXPECT_TRUE(PolicyFiles(d.path() / "absent")->empty());
  EXPECT_FALSE(PolicyFiles(d.path() / "b.rego").ok());
}

}  // namespace
}  // namespace golden::policy
