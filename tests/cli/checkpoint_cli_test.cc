// golden checkpoint as a process: the example portfolio checkpointed, changed and checkpointed
// again (the expected drift in each format is a golden file in tests/golden/checkpoint/), the
// files it writes, GITHUB_OUTPUT, each subcommand, and the failures that must not pass
// silently.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "base/fs.h"
#include "cli/checkpoint_env.h"
#include "testing/golden_file.h"

namespace golden::testing {
namespace {

namespace fs = std::filesystem;

const std::string kBaselineFile = "checkpoint-20260101-000000-000000.json";
const std::string kWeek2File = "checkpoint-20260108-000000-000000.json";
const std::string kWeek2Drift = "drift-20260108-000000-000000.json";

fs::path GoldenDir() { return SourceDir() / "tests/golden/checkpoint"; }

void Golden(const std::string& name, const std::string& actual) {
  ExpectMatchesGolden(GoldenDir() / name, actual);
}

// The example portfolio with a baseline taken in week 1.
class WithBaseline : public ::testing::Test {
 protected:
  void SetUp() override {
    ProcessResult r = p_.Golden({"checkpoint", "--baseline", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  ExamplePortfolio p_;
};

TEST(CheckpointCli, BaselineOfTheExamplePortfolio) {
  ExamplePortfolio p;
  ProcessResult r = p.Golden({"checkpoint", "--baseline"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Golden("baseline.stdout", r.out);
  Golden("baseline.stderr", p.Mask(r.err));
  EXPECT_EQ(p.CheckpointFiles(),
            (std::vector<std::string>{kBaselineFile, "checkpoint-latest.json"}));
  std::string latest = ReadFileOrDie(p.latest());
  EXPECT_EQ(latest, ReadFileOrDie(p.checkpoints() / kBaselineFile));
  Golden("checkpoint-baseline.json", latest);
}

class WeekTwo : public WithBaseline, public ::testing::WithParamInterface<std::string> {};

TEST_P(WeekTwo, GivesTheExpectedDrift) {
  const std::string format = GetParam();
  p_.ApplyTheWeeksChanges();
  TempDir out;
  fs::path github_output = out.path() / "github_output";
  ProcessResult r = p_.Golden({"checkpoint", "--report", format}, kWeek2,
                              {{"GITHUB_OUTPUT", github_output.string()}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Golden("week2." + format, r.out);
  Golden("week2.stderr", p_.Mask(r.err));
  Golden("week2.github-output", p_.Mask(ReadFileOrDie(github_output)));
  Golden(kWeek2Drift, ReadFileOrDie(p_.checkpoints() / kWeek2Drift));
  EXPECT_EQ(
      p_.CheckpointFiles(),
      (std::vector<std::string>{kBaselineFile, kWeek2File, "checkpoint-latest.json", kWeek2Drift}));
  EXPECT_EQ(ReadFileOrDie(p_.latest()), ReadFileOrDie(p_.checkpoints() / kWeek2File));

  // `diff` compares the two files without scanning, and says the same.
  ProcessResult diff = p_.Golden(
      {"checkpoint", "diff", kBaselineFile, "checkpoint-latest.json", "--report", format});
  EXPECT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_EQ(diff.out, r.out);
}

INSTANTIATE_TEST_SUITE_P(Formats, WeekTwo, ::testing::Values("text", "markdown", "json"));

TEST_F(WithBaseline, NothingChangedMeansNoDriftAndNoDriftFile) {
  TempDir out;
  fs::path github_output = out.path() / "github_output";
  ProcessResult r = p_.Golden({"checkpoint", "-q", "--report", "json"}, kWeek2,
                              {{"GITHUB_OUTPUT", github_output.string()}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"has_drift\": false"), std::string::npos);
  EXPECT_EQ(ReadFileOrDie(github_output).substr(0, 33), "has_drift=false\ndegraded_count=0\n");
  EXPECT_EQ(p_.CheckpointFiles(),
            (std::vector<std::string>{kBaselineFile, kWeek2File, "checkpoint-latest.json"}));
}

TEST(CheckpointCli, AnUnchangedRerunSaysTheSameWhetherOrNotThePreviousFileIsParsed) {
  // Where nothing changed, the previous checkpoint's text is the new one's but for the
  // timestamp, and is not parsed (SameStateAs). A previous file laid out another way, with the
  // same content, is parsed and compared: every output must be the same either way.
  for (std::string format : {"text", "markdown", "json"}) {
    std::vector<std::string> outputs[2];
    for (bool relaid : {false, true}) {
      ExamplePortfolio p;
      ASSERT_EQ(p.Golden({"checkpoint", "--baseline", "-q"}).exit_code, 0);
      if (relaid) {
        std::string text = ReadFileOrDie(p.latest());
        ASSERT_EQ(text.substr(0, 2), "{\n");
        std::ofstream(p.latest(), std::ios::trunc) << "{ " << text.substr(1);
      }
      TempDir out;
      fs::path github_output = out.path() / "github_output";
      ProcessResult r = p.Golden({"checkpoint", "--report", format}, kWeek2,
                                 {{"GITHUB_OUTPUT", github_output.string()}});
      ASSERT_EQ(r.exit_code, 0) << r.err;
      outputs[relaid] = {r.out, p.Mask(r.err), p.Mask(ReadFileOrDie(github_output)),
                         ReadFileOrDie(p.checkpoints() / kWeek2File)};
      EXPECT_EQ(p.CheckpointFiles(),
                (std::vector<std::string>{kBaselineFile, kWeek2File, "checkpoint-latest.json"}));
    }
    EXPECT_EQ(outputs[0], outputs[1]) << format;
    EXPECT_NE(outputs[0][0].find(format == "json" ? "\"has_drift\": false" : "No"),
              std::string::npos)
        << outputs[0][0];
  }
}

TEST_F(WithBaseline, FailOnDegradedExitsOneOnlyWhenComplianceDegraded) {
  ProcessResult same = p_.Golden({"checkpoint", "-q", "--fail-on-degraded"}, kWeek2);
  EXPECT_EQ(same.exit_code, 0) << same.err;
  p_.ApplyTheWeeksChanges();
  ProcessResult worse = p_.Golden({"checkpoint", "-q", "--fail-on-degraded"}, kWeek2 + 1);
  EXPECT_EQ(worse.exit_code, 1) << worse.err;
  EXPECT_EQ(worse.err, "");
  // Everything was still written: the run completed, its verdict is the exit status.
  EXPECT_EQ(p_.CheckpointFiles().size(), 5u);
}

TEST_F(WithBaseline, DriftReportDirGetsTheWeeklyFiles) {
  p_.ApplyTheWeeksChanges();
  ProcessResult r = p_.Golden({"checkpoint", "--report", "markdown", "-o", "drift-report.md",
                               "--drift-report", ".metaHub/catalog/weekly-reports"},
                              kWeek2);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::path weekly = p_.root() / ".metaHub/catalog/weekly-reports";
  std::string report = ReadFileOrDie(p_.root() / "drift-report.md");
  EXPECT_EQ(ReadFileOrDie(weekly / "drift-report-2026-01-08.md"), report);
  EXPECT_EQ(ReadFileOrDie(weekly / "latest-drift.md"), report);
  EXPECT_NE(report.find("### Compliance Degraded (Action Required)"), std::string::npos);
  // With -o, the status lines are on stdout and the report is not.
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("Report written to: drift-report.md\n"), std::string::npos);
  EXPECT_NE(
      r.out.find("Drift report written to: .metaHub/catalog/weekly-reports/latest-drift.md\n"),
      std::string::npos)
      << r.out;
}

TEST_F(WithBaseline, TheRunbooksComplianceQueryWorks) {
  if (::access("/usr/bin/python3", X_OK) != 0) GTEST_SKIP() << "no python3";
  // OPERATIONS_RUNBOOK.md, "Dashboard Queries", verbatim.
  ProcessResult r = RunProcess({"/usr/bin/python3", "-c", R"(
import json
d = json.load(open('.metaHub/checkpoints/checkpoint-latest.json'))
for repo, data in d['repositories'].items():
    if not data.get('compliant'):
        print(f'{repo}: non-compliant')
)"},
                               {{"PATH", "/usr/bin:/bin"}}, p_.root());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Golden("runbook-query.stdout", r.out);
}

// The checksum is the original's: python3 computes it the way checkpoint.py did, over a golden
// checkpoint with non-ASCII names and messages (\u escapes and surrogate pairs).
TEST(CheckpointCli, ChecksumIsWhatPythonComputes) {
  if (::access("/usr/bin/python3", X_OK) != 0) GTEST_SKIP() << "no python3";
  ExamplePortfolio p;
  fs::create_directories(p.root() / "organizations/gamma/caf\xc3\xa9");
  std::ofstream(p.root() / "organizations/gamma/caf\xc3\xa9/README.md") << "# caf\xc3\xa9\n";
  fs::create_directories(p.root() / "organizations/gamma/rocket-\xf0\x9f\x9a\x80");
  std::ofstream(p.root() / "organizations/gamma/rocket-\xf0\x9f\x9a\x80/Dockerfile")
      << "FROM x:1\nENV API_TOKEN_\xc3\x89T\xc3\x89=1\nUSER app\n";
  ASSERT_EQ(p.Golden({"checkpoint", "--baseline", "-q"}).exit_code, 0);
  ProcessResult r = RunProcess({"/usr/bin/python3", "-c", R"(
import hashlib, json
d = json.load(open('.metaHub/checkpoints/checkpoint-latest.json'))
text = json.dumps(d['repositories'], sort_keys=True)
assert '\\ud83d\\ude80' in text and 'API_TOKEN_\\u00c9T\\u00c9' in text, text[:200]
print(hashlib.sha256(text.encode()).hexdigest()[:16] == d['checksum'])
)"},
                               {{"PATH", "/usr/bin:/bin"}}, p.root());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "True\n") << r.err;
}

TEST_F(WithBaseline, TwoRunsInTheSameMicrosecondDoNotCollide) {
  // SOURCE_DATE_EPOCH pins the clock: every run has the same time.
  for (int i = 0; i < 3; ++i) {
    ProcessResult r = p_.Golden({"checkpoint", "-q"}, kWeek1);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_EQ(
      p_.CheckpointFiles(),
      (std::vector<std::string>{
          "checkpoint-20260101-000000-000000-2.json", "checkpoint-20260101-000000-000000-3.json",
          "checkpoint-20260101-000000-000000-4.json", kBaselineFile, "checkpoint-latest.json"}));
  EXPECT_EQ(ReadFileOrDie(p_.latest()),
            ReadFileOrDie(p_.checkpoints() / "checkpoint-20260101-000000-000000-4.json"));
  ProcessResult verify = p_.Golden({"checkpoint", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

// The previous checkpoint is damaged: an error naming it, and nothing written.
void ExpectRefusedWith(const ExamplePortfolio& p, const std::string& expected_error) {
  std::string before = ReadFileOrDie(p.latest());
  std::vector<std::string> files = p.CheckpointFiles();
  ProcessResult r = p.Golden({"checkpoint"}, kWeek2);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(p.Mask(r.err).find(expected_error), std::string::npos) << r.err;
  EXPECT_EQ(ReadFileOrDie(p.latest()), before);
  EXPECT_EQ(p.CheckpointFiles(), files);
}

TEST_F(WithBaseline, ACorruptPreviousCheckpointIsAnErrorNotNoBaseline) {
  std::string text = ReadFileOrDie(p_.latest());
  std::ofstream(p_.latest(), std::ios::trunc) << text.substr(0, text.size() / 3);
  ExpectRefusedWith(p_,
                    "golden checkpoint: cannot use the previous checkpoint: "
                    "@ROOT@/.metaHub/checkpoints/checkpoint-latest.json:");
}

TEST_F(WithBaseline, APreviousCheckpointFailingItsChecksumIsAnError) {
  std::string text = ReadFileOrDie(p_.latest());
  size_t at = text.find("\"compliant\": false", text.find("\"repositories\""));
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 18, "\"compliant\": true ");
  std::ofstream(p_.latest(), std::ios::trunc) << text;
  ExpectRefusedWith(p_, "checkpoint-latest.json: checksum mismatch");
}

TEST_F(WithBaseline, ABaselineRecoversFromADamagedLatest) {
  std::ofstream(p_.latest(), std::ios::trunc) << "{";
  ProcessResult r = p_.Golden({"checkpoint", "--baseline", "-q"}, kWeek2);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFileOrDie(p_.latest()), ReadFileOrDie(p_.checkpoints() / kWeek2File));
}

TEST_F(WithBaseline, WithoutLatestTheNewestStampedCheckpointIsThePrevious) {
  fs::remove(p_.latest());
  ProcessResult r = p_.Golden({"checkpoint"}, kWeek2);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("Previous checkpoint: " + (p_.checkpoints() / kBaselineFile).string()),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("Drift Detected: No"), std::string::npos);
}

TEST_F(WithBaseline, CheckpointFlagComparesWithThatFile) {
  ProcessResult missing = p_.Golden({"checkpoint", "--checkpoint", "nope.json"}, kWeek2);
  EXPECT_EQ(missing.exit_code, 2);
  p_.ApplyTheWeeksChanges();
  ASSERT_EQ(p_.Golden({"checkpoint", "-q"}, kWeek2).exit_code, 0);
  // Against the baseline again (not the latest): the same drift as the week-2 run.
  ProcessResult r = p_.Golden({"checkpoint", "-q", "--report", "json", "--checkpoint",
                               ".metaHub/checkpoints/" + kBaselineFile},
                              kWeek2 + 60);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"degraded_count\": 1"), std::string::npos) << r.out;
}

TEST(CheckpointCli, NoOrganizationsFolderIsAnError) {
  TempDir t;
  t.Mkdir(".metaHub");
  ProcessResult r =
      RunProcess({GoldenBinary().string(), "checkpoint"}, {{"PATH", "/usr/bin:/bin"}}, t.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no organizations folder at"), std::string::npos) << r.err;
}

TEST(CheckpointCli, NoGovernanceRootIsAUsageError) {
  TempDir t;
  ProcessResult r = RunProcess({GoldenBinary().string(), "checkpoint", "list"},
                               {{"PATH", "/usr/bin:/bin"}}, t.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("golden checkpoint: "), std::string::npos) << r.err;
}

TEST(CheckpointCli, BadConfigurationIsAUsageErrorWithItsLine) {
  ExamplePortfolio p;
  std::ofstream(p.root() / ".metaHub/checkpoint.yaml") << "files:\n  - README.md\n  - 7\n";
  ProcessResult r = p.Golden({"checkpoint"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(".metaHub/checkpoint.yaml:3: file patterns must be strings"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(p.CheckpointFiles().empty());
}

TEST(CheckpointCli, ConfiguredFilesChangeWhatIsHashed) {
  ExamplePortfolio p;
  std::ofstream(p.root() / ".metaHub/checkpoint.yaml") << "files:\n  - README.md\n";
  ASSERT_EQ(p.Golden({"checkpoint", "--baseline", "-q"}).exit_code, 0);
  std::ofstream(p.root() / "organizations/alpha/lib-good/Dockerfile", std::ios::app) << "# x\n";
  ProcessResult r = p.Golden({"checkpoint", "-q"}, kWeek2);
  EXPECT_NE(r.out.find("Drift Detected: No"), std::string::npos) << r.out;
}

TEST(CheckpointCli, OptionsOfTheCommandAreNotOptionsOfItsSubcommands) {
  ExamplePortfolio p;
  ProcessResult r = p.Golden({"checkpoint", "--baseline", "list"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--baseline is an option of 'golden checkpoint', not of 'list'"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(p.Golden({"checkpoint", "--report", "html"}).exit_code, 2);
  EXPECT_EQ(p.Golden({"checkpoint", "diff", "only-one"}).exit_code, 2);
  EXPECT_EQ(p.Golden({"checkpoint", "archive"}).exit_code, 2);
  EXPECT_EQ(p.Golden({"checkpoint", "bogus"}).exit_code, 2);
}

TEST(CheckpointCli, ReportToDevNull) {
  ExamplePortfolio p;
  ProcessResult r = p.Golden({"checkpoint", "-o", "/dev/null"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Report written to: /dev/null"), std::string::npos);
}

}  // namespace
}  // namespace golden::testing
