// One test per defect of the original enforce.py that golden fixes
// (../shared/spec/original-behaviour.md, section 11; the number in each name is the item
// there). Each drives the golden binary on a repository that made the original misbehave.
#include <gtest/gtest.h>

#include "cli/cli_env.h"

namespace golden::testing {
namespace {

namespace fs = std::filesystem;

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

constexpr std::string_view kRepo = "organizations/acme/svc";

// The docker findings of a Dockerfile in an otherwise clean tier-3 repository.
std::string DockerReport(std::string_view dockerfile) {
  GovernanceRoot g;
  g.CleanRepo(kRepo, 3);
  g.Write(std::string(kRepo) + "/Dockerfile", dockerfile);
  return g.Golden({"enforce", std::string(kRepo)}).out;
}

TEST(OriginalBug, S11_1_TierOneRequiresTests) {
  GovernanceRoot g;
  g.CleanRepo(kRepo, 1);
  fs::remove_all(g.path() / kRepo / "tests");
  ProcessResult r = g.Golden({"enforce", std::string(kRepo), "--strict"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.out, "structure: Missing required file: tests/")) << r.out;
}

TEST(OriginalBug, S11_2_NonIntegerTierIsAFindingNotACrash) {
  GovernanceRoot g;
  g.CleanRepo("organizations/acme/a-string-tier", 1);
  g.Write("organizations/acme/a-string-tier/.meta/repo.yaml", "type: x\nlanguage: go\ntier: '1'\n");
  g.CleanRepo("organizations/acme/b-null-tier", 1);
  g.Write("organizations/acme/b-null-tier/.meta/repo.yaml", "type: x\nlanguage: go\ntier:\n");
  g.CleanRepo("organizations/acme/c-fine", 2);
  ProcessResult r = g.Golden({"enforce", "organizations/acme"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_TRUE(Contains(r.out, "Total Repos:      3")) << r.out;  // the run went on
  ProcessResult json = g.Golden({"enforce", "organizations/acme", "--report", "json"});
  EXPECT_TRUE(Contains(json.out, "tier: '1' is not of type 'integer'"));
  EXPECT_TRUE(Contains(json.out, "tier: None is not of type 'integer'"));
}

TEST(OriginalBug, S11_2_NonMappingMetadataIsAFindingNotACrash) {
  GovernanceRoot g;
  g.CleanRepo(kRepo, 2);
  g.Write(std::string(kRepo) + "/.meta/repo.yaml", "- type: x\n- language: go\n");
  ProcessResult r = g.Golden({"enforce", std::string(kRepo)});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.out, ".meta/repo.yaml must be a mapping of keys to values, not a list"));
}

TEST(OriginalBug, S11_2_FolderNamedDockerfileIsNotACrash) {
  GovernanceRoot g;
  g.CleanRepo(kRepo, 3);
  g.Write(std::string(kRepo) + "/Dockerfile.d/base.conf", "x");
  ProcessResult r = g.Golden({"enforce", std::string(kRepo)});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(Contains(r.out, "docker: No Dockerfiles found"));
}

TEST(OriginalBug, S11_2_FileAsPathIsAClearError) {
  GovernanceRoot g;
  g.CleanRepo(kRepo, 3);
  ProcessResult r = g.Golden({"enforce", std::string(kRepo) + "/README.md"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(Contains(r.err, "is not a folder")) << r.err;
}

TEST(OriginalBug, S11_3_UnquotedDatesDoNotBreakJson) {
  GovernanceRoot g;
  g.CleanRepo(kRepo, 3);
  g.Write(std::string(kRepo) + "/.meta/repo.yaml",
          "type: x\nlanguage: go\ntier: 3\ncreated: 2025-01-01\n");
  ProcessResult r = g.Golden({"enforce", std::string(kRepo), "--report", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "\"created\": \"2025-01-01\""));
}

TEST(OriginalBug, S11_4_OrganizationsFolderEnforcesEveryRepoOfEveryOrg) {
  GovernanceRoot g;
  g.CleanRepo("organizations/a/one", 3);
  g.CleanRepo("organizations/b/two", 3);
  g.Write("organizations/b/two/Dockerfile", "FROM x:latest\nUSER app\nHEALTHCHECK CMD true\n");
  ProcessResult r = g.Golden({"enforce", "organizations/", "--report", "text"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.out, "Portfolio Enforcement Report: organizations"));
  EXPECT_TRUE(Contains(r.out, "Total Repos:      2"));
  EXPECT_TRUE(Contains(r.out, "  - b/two: 1 violations"));
  // Not one repository called "organizations" missing its README.
  EXPECT_FALSE(Contains(r.out, "README.md is required"));
}

TEST(OriginalBug, S11_4_EmptyOrgsAndOrgsWithoutMetaKeepTheOrgShape) {
  GovernanceRoot g;
  g.Write("organizations/empty/.gitkeep", "");
  g.Mkdir("organizations/nometa/a");
  for (std::string org : {"empty", "nometa"}) {
    ProcessResult r = g.Golden({"enforce", "organizations/" + org, "--report", "json"});
    EXPECT_TRUE(Contains(r.out, "\"total_violations\"")) << org;
    EXPECT_TRUE(Contains(r.out, "\"organization\": \"" + org + "\"")) << org;
  }
  EXPECT_EQ(g.Golden({"enforce", "organizations/empty"}).exit_code, 0);
  EXPECT_EQ(g.Golden({"enforce", "organizations/nometa"}).exit_code, 1);
}

TEST(OriginalBug, S11_5_GovernStrictMakesWarningsFail) {
  GovernanceRoot g;
  g.CleanRepo(kRepo, 3);
  g.Write(std::string(kRepo) + "/README.md", "short");
  EXPECT_EQ(g.Golden({"enforce", std::string(kRepo)}).exit_code, 0);
  EXPECT_EQ(g.Golden({"enforce", std::string(kRepo)}, {{"GOVERN_STRICT", "true"}}).exit_code, 1);
}

TEST(OriginalBug, S11_5_StrictRaisesEveryWarningNotOnlyStructures) {
  GovernanceRoot g;
  g.CleanRepo(kRepo, 3);
  g.Write(std::string(kRepo) + "/README.md", "short");
  ProcessResult r = g.Golden({"enforce", std::string(kRepo), "--strict"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.out, "[ERROR] readme: README.md is too short (< 50 chars)")) << r.out;
}

TEST(OriginalBug, S11_7_DockerFindingsAreSorted) {
  GovernanceRoot g;
  g.CleanRepo(kRepo, 3);
  // Created in reverse order, so directory order would differ from sorted order.
  for (std::string d : {"z", "m", "a"}) {
    g.Write(std::string(kRepo) + "/" + d + "/Dockerfile",
            "FROM x\nUSER app\nHEALTHCHECK CMD true\n");
  }
  std::string out = g.Golden({"enforce", std::string(kRepo)}).out;
  size_t a = out.find("File: a/Dockerfile"), m = out.find("File: m/Dockerfile"),
         z = out.find("File: z/Dockerfile");
  ASSERT_NE(a, std::string::npos);
  EXPECT_LT(a, m);
  EXPECT_LT(m, z);
}

TEST(OriginalBug, S11_10_RootlessIsNotRoot) {
  EXPECT_FALSE(
      Contains(DockerReport("FROM a:1\nUSER rootless\nHEALTHCHECK CMD true\n"), "non-root user"));
}

TEST(OriginalBug, S11_10_AFinalUserRootFails) {
  EXPECT_TRUE(Contains(DockerReport("FROM a:1\nUSER app\nUSER root\nHEALTHCHECK CMD true\n"),
                       "non-root user"));
}

TEST(OriginalBug, S11_10_PlatformDoesNotHideLatest) {
  EXPECT_TRUE(Contains(
      DockerReport("FROM --platform=linux/amd64 node:latest\nUSER app\nHEALTHCHECK CMD true\n"),
      ":latest tag"));
}

TEST(OriginalBug, S11_10_ScratchAndStageNamesNeedNoTag) {
  std::string out = DockerReport(
      "FROM golang:1.22 AS build\nRUN go build\nFROM scratch AS base\nFROM build\nUSER app\n"
      "HEALTHCHECK CMD true\n");
  EXPECT_FALSE(Contains(out, "version tag")) << out;
}

TEST(OriginalBug, S11_10_EveryEnvKeyIsChecked) {
  EXPECT_TRUE(Contains(DockerReport("FROM a:1\nENV A=1 SECRET=2\nUSER app\nHEALTHCHECK CMD true\n"),
                       "Do not hardcode secrets in ENV directives (SECRET)"));
}

TEST(OriginalBug, S11_10_EveryExposedPortIsChecked) {
  EXPECT_TRUE(Contains(DockerReport("FROM a:1\nEXPOSE 8080 22\nUSER app\nHEALTHCHECK CMD true\n"),
                       "Do not EXPOSE privileged port 22"));
}

TEST(OriginalBug, S11_10_AddDotIsFlagged) {
  EXPECT_TRUE(Contains(DockerReport("FROM a:1\nADD . /app\nUSER app\nHEALTHCHECK CMD true\n"),
                       "Use COPY instead of ADD"));
}

TEST(OriginalBug, S11_10_AptGetWithoutYesIsLive) {
  EXPECT_TRUE(
      Contains(DockerReport("FROM a:1\nRUN apt-get install curl\nUSER app\nHEALTHCHECK CMD true\n"),
               "apt-get install -y"));
}

TEST(OriginalBug, S11_10_LowerCaseAndIndentedInstructionsCount) {
  std::string out = DockerReport("from a:latest\n  user app\n\thealthcheck CMD true\n");
  EXPECT_TRUE(Contains(out, ":latest tag")) << out;
  EXPECT_FALSE(Contains(out, "non-root user")) << out;
  EXPECT_FALSE(Contains(out, "HEALTHCHECK")) << out;
}

TEST(OriginalBug, S11_11_EverySchemaErrorIsReported) {
  GovernanceRoot g;
  g.CleanRepo(kRepo, 3);
  g.Write(std::string(kRepo) + "/.meta/repo.yaml", "language: x\ntier: 9\nfoo: 1\n");
  std::string out = g.Golden({"enforce", std::string(kRepo)}).out;
  EXPECT_TRUE(Contains(out, "'type' is a required property")) << out;
  EXPECT_TRUE(Contains(out, "tier: 9 is greater than the maximum of 4")) << out;
  EXPECT_TRUE(Contains(out, "('foo' was unexpected)")) << out;
}

TEST(OriginalBug, S11_11_DateFormatIsEnforced) {
  GovernanceRoot g;
  g.CleanRepo(kRepo, 3);
  g.Write(std::string(kRepo) + "/.meta/repo.yaml", "type: x\nlanguage: go\ncreated: not-a-date\n");
  EXPECT_TRUE(Contains(g.Golden({"enforce", std::string(kRepo)}).out,
                       "created: 'not-a-date' is not a 'date'"));
}

TEST(OriginalBug, S11_15_SymlinksAreNotFollowedByTheDockerfileSearch) {
  GovernanceRoot g;
  g.CleanRepo(kRepo, 3);
  g.Write("elsewhere/Dockerfile", "FROM x:latest\n");
  fs::create_directory_symlink(g.path() / "elsewhere", g.path() / kRepo / "linked");
  std::string out = g.Golden({"enforce", std::string(kRepo)}).out;
  EXPECT_TRUE(Contains(out, "No Dockerfiles found")) << out;
}

}  // namespace
}  // namespace golden::testing
