// golden checkpoint's subcommands as processes: list, diff, archive, reset-baseline, verify.
#include <gtest/gtest.h>

#include <fstream>

#include "cli/checkpoint_env.h"
#include "testing/golden_file.h"

namespace golden::testing {
namespace {

namespace fs = std::filesystem;

constexpr int64_t kDay = 86400;

void Golden(const std::string& name, const std::string& actual) {
  ExpectMatchesGolden(SourceDir() / "tests/golden/checkpoint" / name, actual);
}

// Checkpoints on days 0 (baseline), 10 (after the week's changes: a drift file), 20 and 30.
class History : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(p_.Golden({"checkpoint", "--baseline", "-q"}, kWeek1).exit_code, 0);
    p_.ApplyTheWeeksChanges();
    for (int day : {10, 20, 30}) {
      ProcessResult r = p_.Golden({"checkpoint", "-q"}, kWeek1 + day * kDay);
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
  }
  ProcessResult At(int day, std::vector<std::string> args) {
    args.insert(args.begin(), "checkpoint");
    return p_.Golden(args, kWeek1 + day * kDay);
  }
  ExamplePortfolio p_;
};

TEST_F(History, ListShowsCheckpointsByStampAndWhatLatestRepeats) {
  ProcessResult r = At(30, {"list"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Golden("list.stdout", r.out);
}

TEST_F(History, DiffOfAnyTwoCheckpoints) {
  ProcessResult r = At(30, {"diff", "checkpoint-20260111-000000-000000.json",
                            "checkpoint-20260101-000000-000000.json", "--fail-on-degraded"});
  // Backwards in time: lib-good was compliant on day 0, so it "improves", and
  // codeowners-comments "degrades".
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("[DEGRADED] 1 repos lost compliance:\n  [WARN] gamma/codeowners-comments"),
            std::string::npos)
      << r.out;
  ProcessResult missing = At(30, {"diff", "nope.json", "checkpoint-latest.json"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no checkpoint 'nope.json'"), std::string::npos);
  std::ofstream(p_.checkpoints() / "checkpoint-20260121-000000-000000.json", std::ios::app)
      << " ";  // trailing space: still valid JSON, same checksum
  EXPECT_EQ(At(30, {"diff", "checkpoint-20260121-000000-000000.json", "checkpoint-latest.json"})
                .exit_code,
            0);
  std::ofstream(p_.checkpoints() / "checkpoint-20260121-000000-000000.json", std::ios::app) << "x";
  ProcessResult broken =
      At(30, {"diff", "checkpoint-20260121-000000-000000.json", "checkpoint-latest.json"});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.err.find("checkpoint-20260121-000000-000000.json:"), std::string::npos)
      << broken.err;
}

TEST_F(History, ArchiveByAgeThenByCount) {
  ProcessResult dry = At(30, {"archive", "--older-than", "15", "--dry-run"});
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  Golden("archive-dry-run.stdout", p_.Mask(dry.out));
  EXPECT_EQ(p_.CheckpointFiles().size(), 6u);  // nothing moved

  ProcessResult by_age = At(30, {"archive", "--older-than", "15"});
  EXPECT_EQ(by_age.exit_code, 0) << by_age.err;
  Golden("archive-older-than.stdout", p_.Mask(by_age.out));
  EXPECT_EQ(p_.CheckpointFiles(),
            (std::vector<std::string>{"checkpoint-20260121-000000-000000.json",
                                      "checkpoint-20260131-000000-000000.json",
                                      "checkpoint-latest.json"}));
  ProcessResult by_count = At(30, {"archive", "--keep", "1"});
  EXPECT_EQ(by_count.exit_code, 0) << by_count.err;
  EXPECT_EQ(p_.CheckpointFiles(),
            (std::vector<std::string>{"checkpoint-20260131-000000-000000.json",
                                      "checkpoint-latest.json"}));
  ProcessResult archived = At(30, {"list", "--archived"});
  Golden("list-archived.stdout", archived.out);
  ProcessResult verify = At(30, {"verify", "--archived"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  // The next run still compares with the latest checkpoint.
  ProcessResult next = At(31, {});
  EXPECT_NE(next.out.find("Previous Checkpoint: 2026-01-31T00:00:00.000000Z\nDrift Detected: No"),
            std::string::npos)
      << next.out;
}

TEST_F(History, ResetBaselineArchivesEverythingAndStartsAgain) {
  ProcessResult r = At(40, {"reset-baseline"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Golden("reset-baseline.stdout", p_.Mask(r.out));
  EXPECT_EQ(p_.CheckpointFiles(),
            (std::vector<std::string>{"checkpoint-20260210-000000-000000.json",
                                      "checkpoint-latest.json"}));
  EXPECT_EQ(ReadFileOrDie(p_.latest()),
            ReadFileOrDie(p_.checkpoints() / "checkpoint-20260210-000000-000000.json"));
  EXPECT_TRUE(fs::exists(p_.checkpoints() / "archive/latest-before-20260210-000000-000000.json"));
  ProcessResult verify = At(40, {"verify", "--archived"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  ProcessResult next = At(41, {});
  EXPECT_NE(next.out.find("Previous Checkpoint: 2026-02-10T00:00:00.000000Z\nDrift Detected: No"),
            std::string::npos)
      << next.out;
  // A second reset keeps the first one's archive intact.
  EXPECT_EQ(At(42, {"reset-baseline", "-q"}).exit_code, 0);
  EXPECT_TRUE(fs::exists(p_.checkpoints() / "archive/latest-before-20260210-000000-000000.json"));
  EXPECT_TRUE(fs::exists(p_.checkpoints() / "archive/latest-before-20260212-000000-000000.json"));
}

TEST_F(History, VerifyChecksEveryFileAndNamesTheBadOnes) {
  ProcessResult ok = At(30, {"verify"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  Golden("verify.stdout", ok.out);
  // checkpoint-latest.json is the newest checkpoint's file; a copy of it (a git checkout, a
  // file system without hard links) is recognised by its content.
  fs::path newest = p_.checkpoints() / "checkpoint-20260131-000000-000000.json";
  EXPECT_TRUE(fs::equivalent(p_.latest(), newest));
  fs::remove(p_.latest());
  fs::copy_file(newest, p_.latest());
  ProcessResult copied = At(30, {"verify"});
  EXPECT_EQ(copied.exit_code, 0) << copied.err;
  EXPECT_NE(copied.out.find("), a copy of checkpoint-20260131-000000-000000.json"),
            std::string::npos)
      << copied.out;
  fs::path victim = p_.checkpoints() / "checkpoint-20260111-000000-000000.json";
  std::string text = ReadFileOrDie(victim);
  size_t at = text.find("\"compliant\": true", text.find("\"repositories\""));
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 17, "\"compliant\": false");
  std::ofstream(victim, std::ios::trunc) << text;
  std::ofstream(p_.checkpoints() / "drift-20260111-000000-000000.json", std::ios::trunc) << "[1]";
  ProcessResult bad = At(30, {"verify"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("FAIL  checkpoint-20260111-000000-000000.json: " + victim.string() +
                         ": checksum mismatch"),
            std::string::npos)
      << bad.out;
  EXPECT_NE(bad.out.find("FAIL  drift-20260111-000000-000000.json: "), std::string::npos)
      << bad.out;
  EXPECT_NE(bad.err.find("2 of 6 files failed verification"), std::string::npos) << bad.err;
}

TEST(CheckpointManage, EmptyFolder) {
  ExamplePortfolio p;
  ProcessResult list = p.Golden({"checkpoint", "list"});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_EQ(p.Mask(list.out), "No checkpoints in @ROOT@/.metaHub/checkpoints\nlatest: none\n");
  ProcessResult verify = p.Golden({"checkpoint", "verify"});
  EXPECT_EQ(verify.exit_code, 0);
}

}  // namespace
}  // namespace golden::testing
