#include "policy/waivers.h"

#include <gtest/gtest.h>

#include "testing/json_schema.h"
#include "testing/temp_dir.h"
#include "value/json.h"
#include "value/yaml.h"

namespace golden::policy {
namespace {

using report::Finding;
using report::Severity;

constexpr std::string_view kGood = R"(# golden waivers
waivers:
  - repo: "alpha/svc-*"
    rule: "golden.docker.deny_sudo"
    reason: "migrating to distroless, JIRA-123"
    expires: 2027-03-31
    owner: "@platform-team"
  - repo: "beta/*"
    rule: "docker.*"
    reason: "old images"
    expires: 2026-01-01
    owner: "@beta"
  - repo: "gamma/none"
    rule: "readme.title"
    reason: "never used"
    expires: 2030-01-01
    owner: "@gamma"
)";

std::shared_ptr<WaiverSet> MustParse(std::string_view text, std::string today = "2026-06-01") {
  auto w = WaiverSet::Parse(text, ".metaHub/waivers.yaml", std::move(today));
  EXPECT_TRUE(w.ok()) << w.status().ToString();
  return w.ok() ? *w : nullptr;
}

std::string Error(std::string_view text) {
  auto w = WaiverSet::Parse(text, ".metaHub/waivers.yaml", "2026-06-01");
  return w.ok() ? "ok" : w.status().message();
}

TEST(Waivers, EmptyFilesAreValid) {
  for (std::string_view text : {"", "# only a comment\n", "waivers: []\n", "waivers:\n"}) {
    auto w = MustParse(text);
    ASSERT_TRUE(w);
    EXPECT_TRUE(w->empty()) << text;
  }
}

TEST(Waivers, ActiveWaiverWaivesExpiredWarnsUnusedReported) {
  auto w = MustParse(kGood);
  ASSERT_TRUE(w);
  ASSERT_EQ(w->waivers().size(), 3u);
  EXPECT_EQ(w->waivers()[1].line, 8);
  std::vector<Finding> alpha = {
      report::MakeFinding("policy", "golden.docker.deny_sudo", Severity::kError, "sudo",
                          "Dockerfile", 3),
      report::MakeFinding("policy", "golden.docker.deny_other", Severity::kError, "other")};
  w->Apply("alpha/svc-api", &alpha);
  ASSERT_EQ(alpha.size(), 2u);
  ASSERT_TRUE(alpha[0].waived);
  EXPECT_EQ(alpha[0].waived->reason, "migrating to distroless, JIRA-123");
  EXPECT_EQ(alpha[0].waived->expires, "2027-03-31");
  EXPECT_EQ(alpha[0].waived->owner, "@platform-team");
  EXPECT_FALSE(alpha[1].waived);

  std::vector<Finding> beta = {report::MakeFinding("docker", "docker.latest-tag", Severity::kError,
                                                   "latest", "Dockerfile", 1)};
  w->Apply("beta/lib", &beta);
  ASSERT_EQ(beta.size(), 2u);
  EXPECT_FALSE(beta[0].waived);  // expired: the finding counts again
  EXPECT_EQ(beta[1].check, "waiver");
  EXPECT_EQ(beta[1].rule, "waiver.expired");
  EXPECT_EQ(beta[1].severity, Severity::kWarning);
  EXPECT_EQ(beta[1].message,
            "The waiver of docker.latest-tag (.metaHub/waivers.yaml:8, @beta) expired on "
            "2026-01-01; the finding counts again");
  EXPECT_EQ(beta[1].file, "Dockerfile");

  EXPECT_EQ(w->UnusedMessages({"alpha/svc-api", "beta/lib", "gamma/none"}),
            std::vector<std::string>{".metaHub/waivers.yaml:13: the waiver of readme.title for "
                                     "gamma/none matched no finding; remove it"});
  // Waivers for repositories outside the run are not reported.
  EXPECT_TRUE(w->UnusedMessages({"alpha/svc-api"}).empty());
}

TEST(Waivers, LastDayStillApplies) {
  auto w = MustParse(kGood, "2027-03-31");
  std::vector<Finding> f = {
      report::MakeFinding("policy", "golden.docker.deny_sudo", Severity::kError, "x")};
  w->Apply("alpha/svc-x", &f);
  EXPECT_TRUE(f[0].waived);
  auto later = MustParse(kGood, "2027-04-01");
  std::vector<Finding> g = {
      report::MakeFinding("policy", "golden.docker.deny_sudo", Severity::kError, "x")};
  later->Apply("alpha/svc-x", &g);
  EXPECT_FALSE(g[0].waived);
}

TEST(Waivers, BadFilesAreErrorsWithLines) {
  EXPECT_EQ(Error("waivers:\n  - repo: a/b\n    rule: x\n"),
            ".metaHub/waivers.yaml:2: waivers[0]: 'expires' is a required property\n"
            ".metaHub/waivers.yaml:2: waivers[0]: 'owner' is a required property\n"
            ".metaHub/waivers.yaml:2: waivers[0]: 'reason' is a required property");
  EXPECT_EQ(Error("waivers:\n  - repo: a/b\n    rule: x\n    reason: r\n    expires: 2027-13-01\n"
                  "    owner: o\n"),
            ".metaHub/waivers.yaml:5: waivers[0].expires: '2027-13-01' is not a 'date'");
  EXPECT_EQ(Error("waiver: []\n"),
            ".metaHub/waivers.yaml:1: Additional properties are not allowed ('waiver' was "
            "unexpected)");
  EXPECT_NE(Error("waivers: [\n").find(".metaHub/waivers.yaml:"), std::string::npos);
}

TEST(Waivers, MissingFileIsEmpty) {
  golden::testing::TempDir d;
  auto w = WaiverSet::Load(d.path() / "waivers.yaml", "waivers.yaml", "2026-01-01");
  ASSERT_TRUE(w.ok());
  EXPECT_TRUE((*w)->empty());
}

// The schema users read (schemas/waivers.schema.json) is the one golden applies; this checks
// that an independent validator (valijson via tests/testing) agrees on good and bad files.
TEST(Waivers, SchemaFileAgreesWithTheParser) {
  auto schema = golden::testing::JsonSchema::Load(golden::testing::SourceDir() /
                                                  "schemas/waivers.schema.json");
  ASSERT_TRUE(schema);
  for (std::string_view text :
       {kGood, std::string_view("waivers: []\n"), std::string_view("waivers:\n  - repo: a\n"),
        std::string_view("other: 1\n")}) {
    auto doc = ParseYaml(text);
    ASSERT_TRUE(doc.ok());
    bool schema_ok = schema->Validate(ToJson(*doc)).empty();
    EXPECT_EQ(schema_ok, Error(text) == "ok") << text;
  }
}

TEST(Waivers, UtcDate) {
  EXPECT_EQ(UtcDate(1767225600LL * 1'000'000'000), "2026-01-01");
  EXPECT_EQ(UtcDate(-1), "1969-12-31");
}

}  // namespace
}  // namespace golden::policy
