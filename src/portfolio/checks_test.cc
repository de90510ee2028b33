#include "portfolio/checks.h"

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "testing/temp_dir.h"

namespace golden::portfolio {
namespace {

using golden::testing::SourceDir;
using golden::testing::TempDir;
using report::Finding;
using report::Severity;

constexpr std::string_view kReadme =
    "# A repository\n\nWith a README long enough to pass the length rule.\n";
constexpr std::string_view kWorkflow = "on: push\npermissions: {contents: read}\njobs: {}\n";

class ChecksTest : public ::testing::Test {
 protected:
  RepoSnapshot Load() {
    RepoRef ref{"org", "repo", t_.path(), "organizations/org/repo"};
    return LoadRepo(ref);
  }
  // "S rule: message [file:line]" for every finding (S = E/W/I).
  std::vector<std::string> Run(CheckOptions options = {}) {
    std::vector<std::string> out;
    for (const Finding& f : RunChecks(Load(), options)) {
      char sev = f.severity == Severity::kError     ? 'E'
                 : f.severity == Severity::kWarning ? 'W'
                                                    : 'I';
      std::string where =
          f.file.empty() ? "" : " [" + f.file + (f.line ? ":" + std::to_string(f.line) : "") + "]";
      out.push_back(std::string(1, sev) + " " + f.rule + ": " + f.message + where);
    }
    return out;
  }
  bool Has(const std::vector<std::string>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  }
  // A clean repository of the given tier.
  void Complete(int tier) {
    t_.Write(".meta/repo.yaml",
             "type: library\nlanguage: go\ntier: " + std::to_string(tier) + "\n");
    t_.Write("README.md", kReadme);
    t_.Write(".github/CODEOWNERS", "* @org/team\n");
    t_.Write(".github/workflows/ci.yml", kWorkflow);
    t_.Write("tests/a_test.go", "package a");
  }
  TempDir t_;
};

TEST_F(ChecksTest, CleanRepositoriesOfEveryTierPass) {
  for (int tier = 1; tier <= 4; ++tier) {
    Complete(tier);
    EXPECT_EQ(Run(), (std::vector<std::string>{"I docker.none: No Dockerfiles found"})) << tier;
  }
}

TEST_F(ChecksTest, SchemaResultsAndTheChecksOwnRules) {
  Complete(2);
  auto schema = MetadataSchema::Load(SourceDir() / "schemas/repo-schema.json");
  ASSERT_TRUE(schema.ok());
  CheckOptions opts;
  opts.schema = schema->get();
  EXPECT_TRUE(
      Has(Run(opts), "I metadata.schema-passed: Schema validation passed [.meta/repo.yaml]"));
  t_.Write(".meta/repo.yaml", "type: library\nlanguage: go\ntier: 2\nname: x\nowner: 3\n");
  auto v = Run(opts);
  EXPECT_TRUE(Has(v,
                  "E metadata.schema: Schema validation failed: Additional properties are not "
                  "allowed ('name' was unexpected) [.meta/repo.yaml:4]"));
  EXPECT_TRUE(Has(v,
                  "E metadata.schema: Schema validation failed at owner: 3 is not of type "
                  "'string' [.meta/repo.yaml:5]"));
  // Without a schema: the original's required-field and tier rules.
  t_.Write(".meta/repo.yaml", "tier: '1'\nlanguage: go\n");
  v = Run();
  EXPECT_TRUE(Has(v, "E metadata.required-field: Missing required field: type [.meta/repo.yaml]"));
  EXPECT_TRUE(Has(v, "W metadata.tier: Tier should be integer 1-4, got: '1' [.meta/repo.yaml:1]"));
}

TEST_F(ChecksTest, MetadataStates) {
  Complete(3);
  fs::remove(t_.path() / ".meta/repo.yaml");
  EXPECT_TRUE(Has(Run(), "E metadata.missing: .meta/repo.yaml is required [.meta/repo.yaml]"));
  t_.Write(".meta/repo.yaml", "");
  EXPECT_TRUE(Has(Run(), "E metadata.empty: .meta/repo.yaml is empty [.meta/repo.yaml]"));
  t_.Write(".meta/repo.yaml", "- a\n- b\n");
  EXPECT_TRUE(Has(Run(),
                  "E metadata.not-mapping: .meta/repo.yaml must be a mapping of keys to "
                  "values, not a list [.meta/repo.yaml:1]"));
  t_.Write(".meta/repo.yaml", "type: x\n  bad: indent\n");
  auto v = Run();
  ASSERT_FALSE(v.empty());
  EXPECT_EQ(v[0],
            "E metadata.invalid-yaml: Invalid YAML in .meta/repo.yaml: mapping values are not "
            "allowed in this context [.meta/repo.yaml:2]");
}

TEST_F(ChecksTest, StructureFollowsTheTierTable) {
  t_.Write(".meta/repo.yaml", "type: library\nlanguage: go\ntier: 1\n");
  t_.Write("README.md", kReadme);
  auto v = Run();
  EXPECT_TRUE(Has(
      v, "W structure.missing: Missing recommended file: .github/CODEOWNERS [.github/CODEOWNERS]"));
  EXPECT_TRUE(Has(v,
                  "W structure.missing: Missing recommended file: .github/workflows/ci.yml "
                  "[.github/workflows/ci.yml]"));
  // tests/ is really required for tier 1 (the original never reported it).
  EXPECT_TRUE(Has(v, "W structure.missing: Missing recommended file: tests/ [tests/]"));
  // A file named tests is not a tests folder.
  t_.Write("tests", "");
  EXPECT_TRUE(Has(Run(), "W structure.missing: Missing recommended file: tests/ [tests/]"));
  t_.Write(".meta/repo.yaml", "type: library\nlanguage: go\ntier: 3\n");
  for (const std::string& f : Run()) EXPECT_EQ(f.find("structure."), std::string::npos) << f;
}

TEST_F(ChecksTest, StrictRaisesEveryWarning) {
  t_.Write(".meta/repo.yaml", "type: library\nlanguage: go\ntier: 2\n");
  t_.Write("README.md", "short");
  CheckOptions strict;
  strict.strict = true;
  auto v = Run(strict);
  EXPECT_TRUE(Has(
      v, "E structure.missing: Missing required file: .github/CODEOWNERS [.github/CODEOWNERS]"));
  EXPECT_TRUE(Has(v, "E readme.too-short: README.md is too short (< 50 chars) [README.md]"));
  for (const std::string& f : v) EXPECT_NE(f[0], 'W') << f;
  EXPECT_TRUE(Has(v, "I docker.none: No Dockerfiles found"));  // info stays info
}

TEST_F(ChecksTest, CodeownersRules) {
  Complete(2);
  fs::remove(t_.path() / ".github/CODEOWNERS");
  EXPECT_TRUE(Has(
      Run(), "E codeowners.missing: CODEOWNERS required for tier 1-2 repos [.github/CODEOWNERS]"));
  t_.Write(".meta/repo.yaml", "type: library\nlanguage: go\ntier: 3\n");
  EXPECT_TRUE(Has(Run(), "W codeowners.missing: CODEOWNERS recommended [.github/CODEOWNERS]"));
  // A non-numeric tier is not critical (the original crashed comparing it).
  for (std::string tier : {"'1'", "~", "[1]"}) {
    t_.Write(".meta/repo.yaml", "type: library\nlanguage: go\ntier: " + tier + "\n");
    EXPECT_TRUE(Has(Run(), "W codeowners.missing: CODEOWNERS recommended [.github/CODEOWNERS]"))
        << tier;
  }
  t_.Write(".meta/repo.yaml", "type: library\nlanguage: go\ntier: 1\n");
  t_.Write(".github/CODEOWNERS", " \n\t\n");
  EXPECT_TRUE(Has(Run(), "E codeowners.empty: CODEOWNERS file is empty [.github/CODEOWNERS]"));
  t_.Write(".github/CODEOWNERS", "# owners\n\n# * @x\n");
  EXPECT_TRUE(
      Has(Run(), "E codeowners.no-rules: CODEOWNERS has no ownership rules [.github/CODEOWNERS]"));
  t_.Write(".github/CODEOWNERS", "*.go @org/go-team dev@example.com\ndocs/ team-without-at\n");
  EXPECT_TRUE(Has(Run(),
                  "W codeowners.invalid-owner: CODEOWNERS owner 'team-without-at' is not "
                  "@user, @org/team or an e-mail address [.github/CODEOWNERS:2]"));
  fs::remove(t_.path() / ".github/CODEOWNERS");
  t_.Mkdir(".github/CODEOWNERS");
  EXPECT_TRUE(Has(
      Run(),
      "E codeowners.unreadable: Error reading CODEOWNERS: is a directory [.github/CODEOWNERS]"));
}

TEST_F(ChecksTest, WorkflowRules) {
  Complete(1);
  fs::remove_all(t_.path() / ".github/workflows");
  EXPECT_TRUE(
      Has(Run(),
          "E workflows.missing: CI/CD workflows required for tier 1-2 repos [.github/workflows]"));
  t_.Write(".github/workflows/release.yaml", kWorkflow);
  EXPECT_TRUE(Has(Run(), "W workflows.no-ci: No CI workflow found (ci.yml) [.github/workflows]"));
  t_.Write(".github/workflows/ci-main.yml",
           "on: push\njobs:\n  a:\n    continue-on-error: on\n    steps:\n"
           "      - run: x\n        continue-on-error: True\n      - continue-on-error: false\n");
  t_.Write(".github/workflows/bad.yml", "jobs: [\n");
  t_.Write(".github/workflows/empty.yml", "");
  t_.Write(".github/workflows/notes.txt", "not a workflow");
  t_.Write(".github/workflows/nested/x.yml", "not: [read");
  auto v = Run();
  EXPECT_FALSE(Has(v, "W workflows.no-ci: No CI workflow found (ci.yml) [.github/workflows]"));
  EXPECT_TRUE(Has(v,
                  "W workflows.permissions: Workflow ci-main.yml missing permissions block "
                  "[.github/workflows/ci-main.yml]"));
  EXPECT_TRUE(Has(v,
                  "W workflows.continue-on-error: ci-main.yml: continue-on-error=true at jobs.a "
                  "may hide failures [.github/workflows/ci-main.yml:4]"));
  EXPECT_TRUE(Has(v,
                  "W workflows.continue-on-error: ci-main.yml: continue-on-error=true at "
                  "jobs.a.steps[0] may hide failures [.github/workflows/ci-main.yml:7]"));
  EXPECT_TRUE(Has(v,
                  "E workflows.not-mapping: Workflow empty.yml is empty or not a mapping "
                  "[.github/workflows/empty.yml]"));
  int invalid = 0;
  for (const std::string& f : v) {
    if (f.find("workflows.invalid-yaml: Invalid YAML in bad.yml") != std::string::npos) ++invalid;
    EXPECT_EQ(f.find("nested"), std::string::npos) << f;  // GitHub reads only the folder itself
  }
  EXPECT_EQ(invalid, 1);
}

TEST_F(ChecksTest, ReadmeRules) {
  Complete(3);
  fs::remove(t_.path() / "README.md");
  EXPECT_TRUE(Has(Run(), "E readme.missing: README.md is required [README.md]"));
  t_.Write("README.md", "  \n  no title and short\n");
  auto v = Run();
  EXPECT_TRUE(Has(v, "W readme.too-short: README.md is too short (< 50 chars) [README.md]"));
  EXPECT_TRUE(Has(v, "W readme.title: README.md should start with a title (#) [README.md]"));
  // CRLF and a UTF-8 byte order mark are fine; length counts characters, not bytes.
  t_.Write("README.md",
           "\xEF\xBB\xBF# Title\r\n\r\nA README with Windows line endings, long enough.\r\n");
  for (const std::string& f : Run()) EXPECT_EQ(f.find("readme."), std::string::npos) << f;
  t_.Write("README.md", "# " + std::string(20, 'x') + "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9" +
                            std::string(20, 'y'));  // 47 characters, 52 bytes
  EXPECT_TRUE(Has(Run(), "W readme.too-short: README.md is too short (< 50 chars) [README.md]"));
  t_.Write("README.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  EXPECT_EQ(Run(), (std::vector<std::string>{
                       "I docker.none: No Dockerfiles found",
                       "W readme.not-text: README.md is not UTF-8 text [README.md]"}));
}

TEST_F(ChecksTest, DockerfilesAreFoundEverywhereButNeverAsFolders) {
  Complete(3);
  t_.Write("Dockerfile", "FROM a:1\nUSER app\nHEALTHCHECK CMD true\n");
  t_.Write("deploy/Dockerfile.dev", "FROM a\nUSER app\nHEALTHCHECK CMD true\n");
  t_.Write(".devcontainer/app.Dockerfile", "FROM a:latest\nUSER app\nHEALTHCHECK CMD true\n");
  t_.Write("Dockerfile.dockerignore", "node_modules\n");
  t_.Write("Dockerfile.d/notes.txt", "a folder named like a Dockerfile");
  t_.Write(".git/Dockerfile", "FROM x\n");
  auto v = Run();
  EXPECT_EQ(
      v,
      (std::vector<std::string>{
          "E docker.latest-tag: Do not use :latest tag in FROM directive "
          "[.devcontainer/app.Dockerfile:1]",
          "E docker.untagged: FROM directive must specify version tag [deploy/Dockerfile.dev:1]"}));
}

TEST_F(ChecksTest, UnreadableDockerfilesAreFindings) {
  Complete(3);
  fs::path big = t_.Write("Dockerfile", "");
  ASSERT_EQ(::truncate(big.c_str(), 100 << 20), 0);  // sparse: 100 MB, no disk used
  ASSERT_EQ(::symlink("Dockerfile.loop", (t_.path() / "Dockerfile.loop").c_str()), 0);
  ASSERT_EQ(::mkfifo((t_.path() / "Dockerfile.fifo").c_str(), 0600), 0);
  auto v = Run();
  EXPECT_EQ(
      v,
      (std::vector<std::string>{
          "E docker.unreadable: Cannot read Dockerfile: too large (104857600 bytes; the limit is "
          "1048576) [Dockerfile]",
          "E docker.unreadable: Cannot read Dockerfile.fifo: not a regular file [Dockerfile.fifo]",
          "E docker.unreadable: Cannot read Dockerfile.loop: symbolic link loop "
          "[Dockerfile.loop]"}));
}

TEST_F(ChecksTest, FoldersTheScanCannotReadAreWarnings) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: chmod 000 does not stop reads";
  Complete(3);
  t_.Write("private/x", "");
  ASSERT_EQ(::chmod((t_.path() / "private").c_str(), 0), 0);
  EXPECT_TRUE(
      Has(Run(), "W scan.unreadable: Cannot read folder private: Permission denied [private]"));
}

TEST_F(ChecksTest, AMissingRepositoryIsOneViolation) {
  RepoRef ref{"org", "gone", t_.path() / "gone", "organizations/org/gone"};
  auto findings = RunChecks(LoadRepo(ref), {});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "scan.unreadable");
  EXPECT_EQ(findings[0].severity, Severity::kError);
  EXPECT_NE(findings[0].message.find("No such file or directory"), std::string::npos);
}

TEST_F(ChecksTest, NonUtf8FileNamesAreEscapedInFindings) {
  Complete(3);
  t_.Write("build/Dockerfile.\xff", "FROM a\nUSER app\nHEALTHCHECK CMD true\n");
  EXPECT_EQ(Run(), (std::vector<std::string>{"E docker.untagged: FROM directive must specify "
                                             "version tag [build/Dockerfile.\\xff:1]"}));
}

}  // namespace
}  // namespace golden::portfolio
