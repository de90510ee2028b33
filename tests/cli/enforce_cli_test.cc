// golden enforce as a process: output files, hostile repositories, root discovery.
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "base/strings.h"
#include "cli/cli_env.h"

namespace golden::testing {
namespace {

namespace fs = std::filesystem;

// A run that ends as golden should: an exit status of 0-2, and stderr either empty or one
// "golden enforce: ..." line.
void ExpectOrderly(const ProcessResult& r) {
  EXPECT_GE(r.exit_code, 0);
  EXPECT_LE(r.exit_code, 2) << r.err;
  if (!r.err.empty()) {
    EXPECT_EQ(r.err.rfind("golden enforce: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  EXPECT_TRUE(IsValidUtf8(r.out));
}

TEST(EnforceCli, OutputFileHoldsTheReportWrittenAtomically) {
  GovernanceRoot g;
  g.CleanRepo("organizations/acme/svc", 2);
  ProcessResult to_stdout = g.Golden({"enforce", "--report", "json"});
  fs::path out = g.path() / "reports";
  fs::create_directories(out);
  ProcessResult to_file =
      g.Golden({"enforce", "--report", "json", "-o", (out / "enforcement.json").string()});
  EXPECT_EQ(to_file.exit_code, 0) << to_file.err;
  EXPECT_EQ(to_file.out, "Report written to: " + (out / "enforcement.json").string() + "\n");
  EXPECT_EQ(ReadFileOrDie(out / "enforcement.json"), to_stdout.out);
  // Nothing else (no temporary file) is left in the folder.
  EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator()), 1);
}

TEST(EnforceCli, OutputToDevNullAndToAPipe) {
  GovernanceRoot g;
  g.CleanRepo("organizations/acme/svc", 3);
  ProcessResult null = g.Golden({"enforce", "-o", "/dev/null"});
  EXPECT_EQ(null.exit_code, 0) << null.err;
  EXPECT_EQ(null.out, "Report written to: /dev/null\n");
  ProcessResult pipe = g.Golden({"enforce", "-q", "-o", "/dev/stdout"});
  EXPECT_EQ(pipe.exit_code, 0) << pipe.err;
  EXPECT_NE(pipe.out.find("[PASS] Portfolio enforcement complete"), std::string::npos) << pipe.out;
}

TEST(EnforceCli, UnwritableOutputIsOneClearError) {
  GovernanceRoot g;
  g.CleanRepo("organizations/acme/svc", 3);
  ProcessResult r = g.Golden({"enforce", "-o", (g.path() / "no/such/dir/report.txt").string()});
  EXPECT_EQ(r.exit_code, 2);
  ExpectOrderly(r);
  EXPECT_NE(r.err.find("cannot write"), std::string::npos) << r.err;
  ProcessResult full = g.Golden({"enforce", "-o", "/dev/full"});
  EXPECT_EQ(full.exit_code, 2);
  ExpectOrderly(full);
  EXPECT_NE(full.err.find("No space left on device"), std::string::npos) << full.err;
}

TEST(EnforceCli, HostileRepositoriesGiveFindingsNotCrashes) {
  GovernanceRoot g;
  const std::string r = "organizations/acme/";
  g.CleanRepo(r + "loops", 3);
  ASSERT_EQ(::symlink(".", (g.path() / (r + "loops/self")).c_str()), 0);
  ASSERT_EQ(::symlink("a", (g.path() / (r + "loops/b")).c_str()), 0);
  ASSERT_EQ(::symlink("b", (g.path() / (r + "loops/a")).c_str()), 0);
  ASSERT_EQ(::symlink("Dockerfile", (g.path() / (r + "loops/Dockerfile")).c_str()), 0);
  g.CleanRepo(r + "binary-readme", 3);
  g.Write(r + "binary-readme/README.md", std::string("\x7f"
                                                     "ELF\x02\x01\x01\0\0\0",
                                                     10));
  g.CleanRepo(r + "huge-dockerfile", 3);
  fs::path big = g.Write(r + "huge-dockerfile/Dockerfile", "");
  ASSERT_EQ(::truncate(big.c_str(), 100 << 20), 0);  // sparse: fast and no disk used
  g.CleanRepo(r + "huge-metadata", 3);
  fs::path meta = g.Write(r + "huge-metadata/.meta/repo.yaml", "type: x\n");
  ASSERT_EQ(::truncate(meta.c_str(), 2 << 20), 0);
  g.CleanRepo(r + "alias-bomb", 3);
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" +
            char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" +
            char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
  }
  g.Write(r + "alias-bomb/.meta/repo.yaml", bomb);
  g.CleanRepo(r + "deep-yaml", 3);
  g.Write(r + "deep-yaml/.meta/repo.yaml", std::string(5000, '[') + std::string(5000, ']'));
  g.CleanRepo(r + std::string("caf\xe9-\xff"), 3);
  g.Write(r + std::string("caf\xe9-\xff") + "/deploy/Dockerfile.\xfe", "FROM x\n");

  ProcessResult text = g.Golden({"enforce"});
  ExpectOrderly(text);
  EXPECT_EQ(text.exit_code, 1);
  ProcessResult json = g.Golden({"enforce", "--report", "json"});
  ExpectOrderly(json);
  auto has = [&](std::string_view s) { return json.out.find(s) != std::string::npos; };
  EXPECT_TRUE(has("Cannot read Dockerfile: symbolic link loop"));
  EXPECT_TRUE(has("README.md is not UTF-8 text"));
  EXPECT_TRUE(has("Cannot read Dockerfile: too large (104857600 bytes; the limit is 1048576)"));
  EXPECT_TRUE(has("Cannot read .meta/repo.yaml: too large (2097152 bytes; the limit is 1048576)"));
  EXPECT_TRUE(has("alias bomb"));
  EXPECT_TRUE(has("nesting deeper than"));
  EXPECT_TRUE(has("\"name\": \"caf\\\\xe9-\\\\xff\""));
  EXPECT_TRUE(has("deploy/Dockerfile.\\\\xfe"));
}

TEST(EnforceCli, UnreadableFolderIsAFinding) {
  GovernanceRoot g;
  g.CleanRepo("organizations/acme/svc", 3);
  g.Write("organizations/acme/svc/secret/key", "k");
  g.Mkdir("organizations/locked/repo");
  ASSERT_EQ(::chmod((g.path() / "organizations/acme/svc/secret").c_str(), 0), 0);
  ASSERT_EQ(::chmod((g.path() / "organizations/locked").c_str(), 0), 0);
  std::string skip;
  ProcessResult r = g.GoldenUnprivileged({"enforce", "--report", "json"}, &skip);
  ::chmod((g.path() / "organizations/locked").c_str(), 0755);
  if (!skip.empty()) GTEST_SKIP() << skip;
  ExpectOrderly(r);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("Cannot read folder secret: Permission denied"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Cannot read the organization folder"), std::string::npos) << r.out;
}

TEST(EnforceCli, MissingMetaHubIsOneLine) {
  TempDir t;
  t.Mkdir("organizations/acme/svc");
  ProcessResult r =
      RunProcess({GoldenBinary().string(), "enforce"}, {{"PATH", "/usr/bin:/bin"}}, t.path());
  EXPECT_EQ(r.exit_code, 2);
  ExpectOrderly(r);
  EXPECT_NE(r.err.find("could not find the governance root"), std::string::npos);
  EXPECT_TRUE(r.out.empty());
}

TEST(EnforceCli, PathAndSchemaNeedNoRoot) {
  TempDir t;
  t.Write("svc/.meta/repo.yaml", "type: tool\nlanguage: go\ntier: 9\n");
  t.Write("svc/README.md", "# svc\n\nA repository outside any governance root, checked anyway.\n");
  ProcessResult r = RunProcess({GoldenBinary().string(), "enforce", "svc", "--schema",
                                (SourceDir() / "schemas/repo-schema.json").string()},
                               {{"PATH", "/usr/bin:/bin"}}, t.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("tier: 9 is greater than the maximum of 4"), std::string::npos) << r.out;
}

TEST(EnforceCli, RootFoundFromTheBinarysLocation) {
  GovernanceRoot g;
  g.CleanRepo("organizations/acme/svc", 3);
  // The runbook's layout: <root>/.metaHub/scripts/<tool>.
  fs::path bin = g.Mkdir(".metaHub/scripts") / "golden";
  fs::copy_file(GoldenBinary(), bin);
  fs::permissions(bin, fs::perms::owner_all);
  ProcessResult r = RunProcess({bin.string(), "enforce"}, {{"PATH", "/usr/bin:/bin"}}, "/");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Portfolio Enforcement Report: organizations"), std::string::npos);
}

TEST(EnforceCli, MissingSchemaIsANoticeNotAnError) {
  GovernanceRoot g;
  fs::remove(g.path() / ".metaHub/schemas/repo-schema.json");
  g.CleanRepo("organizations/acme/svc", 3);
  ProcessResult r = g.Golden({"enforce"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("warning: no schema at"), std::string::npos) << r.err;
  EXPECT_TRUE(g.Golden({"enforce", "-q"}).err.empty());
}

TEST(EnforceCli, ThreadCountNeverChangesTheOutput) {
  GovernanceRoot g;
  for (int i = 0; i < 30; ++i) {
    g.CleanRepo("organizations/org" + std::to_string(i % 3) + "/repo" + std::to_string(i),
                1 + i % 4);
    if (i % 5 == 0)
      g.Write(
          "organizations/org" + std::to_string(i % 3) + "/repo" + std::to_string(i) + "/Dockerfile",
          "FROM x\n");
  }
  std::string one = g.Golden({"enforce", "--report", "json", "-j", "1"}).out;
  EXPECT_EQ(g.Golden({"enforce", "--report", "json", "-j", "8"}).out, one);
  EXPECT_EQ(g.Golden({"enforce", "--report", "json"}).out, one);
}

TEST(EnforceCli, GovernStrictIsStrict) {
  GovernanceRoot g;
  g.CleanRepo("organizations/acme/svc", 3);
  fs::remove(g.path() / "organizations/acme/svc/.github/CODEOWNERS");
  EXPECT_EQ(g.Golden({"enforce"}).exit_code, 0);
  ProcessResult strict = g.Golden({"enforce", "--report", "json"}, {{"GOVERN_STRICT", "1"}});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_EQ(strict.out, g.Golden({"enforce", "--report", "json", "--strict"}).out);
  EXPECT_EQ(g.Golden({"enforce"}, {{"GOVERN_STRICT", "false"}}).exit_code, 0);
  EXPECT_EQ(g.Golden({"enforce"}, {{"GOVERN_STRICT", "TRUE"}}).exit_code, 1);
}

}  // namespace
}  // namespace golden::testing
