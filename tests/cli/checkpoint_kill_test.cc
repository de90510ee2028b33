// A run of golden checkpoint killed at any moment leaves the previous checkpoint-latest.json
// intact and valid, and the drift it was reporting is reported again by the next run.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <random>
#include <thread>

#include "cli/checkpoint_env.h"

namespace golden::testing {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

// Every file in the folder verifies (stamped files, drift files, latest).
void ExpectAllValid(const ExamplePortfolio& p, int64_t epoch) {
  ProcessResult verify = p.Golden({"checkpoint", "verify"}, epoch);
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

class KilledAt : public ::testing::TestWithParam<std::string> {};

TEST_P(KilledAt, LeavesThePreviousLatestAndLosesNoDrift) {
  ExamplePortfolio p;
  ASSERT_EQ(p.Golden({"checkpoint", "--baseline", "-q"}).exit_code, 0);
  std::string baseline = ReadFileOrDie(p.latest());
  p.ApplyTheWeeksChanges();

  auto env = p.Env(kWeek2);
  env["GOLDEN_TEST_CHECKPOINT_PAUSE"] = GetParam();
  auto child = StartProcess(
      {GoldenBinary().string(), "checkpoint", "-q", "--drift-report", "weekly"}, env, p.root());
  ASSERT_NE(child, nullptr);
  ASSERT_TRUE(child->WaitForStderr("paused at " + GetParam(), milliseconds(60000))) << child->err();
  child->Kill(SIGKILL);
  EXPECT_EQ(child->Wait(), 128 + SIGKILL);

  EXPECT_EQ(ReadFileOrDie(p.latest()), baseline);
  ExpectAllValid(p, kWeek2);
  // The next run compares with the baseline still, so the week's degradation is reported.
  ProcessResult next = p.Golden({"checkpoint"}, kWeek2 + 60);
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_NE(next.out.find("[DEGRADED] 1 repos lost compliance:"), std::string::npos) << next.out;
  ExpectAllValid(p, kWeek2);
}

INSTANTIATE_TEST_SUITE_P(Steps, KilledAt,
                         ::testing::Values("after-checkpoint", "after-drift", "after-report",
                                           "before-latest"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n) c = c == '-' ? '_' : c;
                           return n;
                         });

class ResetKilledAt : public ::testing::TestWithParam<std::string> {};

TEST_P(ResetKilledAt, LeavesAValidLatest) {
  ExamplePortfolio p;
  ASSERT_EQ(p.Golden({"checkpoint", "--baseline", "-q"}).exit_code, 0);
  std::string baseline = ReadFileOrDie(p.latest());
  auto env = p.Env(kWeek2);
  env["GOLDEN_TEST_CHECKPOINT_PAUSE"] = GetParam();
  auto child =
      StartProcess({GoldenBinary().string(), "checkpoint", "reset-baseline", "-q"}, env, p.root());
  ASSERT_NE(child, nullptr);
  ASSERT_TRUE(child->WaitForStderr("paused at " + GetParam(), milliseconds(60000))) << child->err();
  child->Kill(SIGKILL);
  child->Wait();
  EXPECT_EQ(ReadFileOrDie(p.latest()), baseline);
  ProcessResult verify = p.Golden({"checkpoint", "verify", "--archived"}, kWeek2);
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

INSTANTIATE_TEST_SUITE_P(Steps, ResetKilledAt,
                         ::testing::Values("after-checkpoint", "after-archive"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n) c = c == '-' ? '_' : c;
                           return n;
                         });

// Kills at random moments, including inside the writes themselves.
TEST(CheckpointKill, AtRandomMomentsLatestIsAlwaysWholeAndValid) {
  ExamplePortfolio p;
  ASSERT_EQ(p.Golden({"checkpoint", "--baseline", "-q"}).exit_code, 0);
  // How long a run takes here (debug, sanitizers, a loaded machine): kill within 1.5 times that.
  auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(p.Golden({"checkpoint", "-q"}, kWeek1 + 1).exit_code, 0);
  auto run_us = std::chrono::duration_cast<std::chrono::microseconds>(
                    std::chrono::steady_clock::now() - start)
                    .count();
  std::mt19937 rng(7);
  std::uniform_int_distribution<int64_t> delay(0, run_us * 3 / 2);
  for (int i = 0; i < 12; ++i) {
    if (i % 3 == 0) p.ApplyTheWeeksChanges();  // so that runs have drift files to write
    auto child = StartProcess({GoldenBinary().string(), "checkpoint", "-q"},
                              p.Env(kWeek1 + 100 + i), p.root());
    ASSERT_NE(child, nullptr);
    std::this_thread::sleep_for(std::chrono::microseconds(delay(rng)));
    child->Kill(SIGKILL);
    child->Wait();
    ASSERT_TRUE(fs::exists(p.latest()));
    ExpectAllValid(p, kWeek2);
  }
}

}  // namespace
}  // namespace golden::testing
