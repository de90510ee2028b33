#pragma once

// Shared by cmd_checkpoint.cc (taking checkpoints) and cmd_checkpoint_manage.cc (list, diff,
// archive, reset-baseline, verify).

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "checkpoint/state.h"
#include "checkpoint/store.h"
#include "report/report.h"

namespace CLI {
class App;
}  // namespace CLI

namespace golden::cli::checkpoint_cli {

namespace fs = std::filesystem;

/// Checkpoint files can be large (about 2 KB per repository); refuse only absurd ones.
inline constexpr uint64_t kMaxCheckpointBytes = uint64_t{4} << 30;

/// Prints "golden checkpoint: <message>" on stderr and returns `code`.
int Fail(int code, const std::string& message);

/// Progress and status lines ("Checkpoint saved: ..."): on stdout when the report goes to a
/// file, on stderr when stdout carries the report, nowhere with -q.
class Console {
 public:
  Console(bool quiet, bool report_on_stdout)
      : out_(quiet              ? nullptr
             : report_on_stdout ? stderr
                                : stdout) {}
  void Say(const std::string& line) const;

 private:
  std::FILE* out_;
};

/// A test-only hook: GOLDEN_TEST_CHECKPOINT_PAUSE=<step> makes the run print
/// "golden checkpoint: paused at <step>" on stderr and wait to be killed when it reaches
/// <step>, so that a test can kill it at a known point (tests/cli/checkpoint_kill_test.cc).
class PauseHook {
 public:
  PauseHook();
  void At(std::string_view step) const;

 private:
  std::string step_;
};

/// Reads and checks a checkpoint file (any failure names the file).
Result<checkpoint::State> ReadCheckpoint(const fs::path& path);

/// The checkpoints folder of the governance root found from the working directory.
Result<checkpoint::CheckpointDir> FindCheckpointDir(fs::path* root);

/// How the portfolio is scanned: the flags `golden checkpoint` and `reset-baseline` share.
struct ScanFlags {
  bool strict = false;  ///< --strict (GOVERN_STRICT also counts)
  unsigned jobs = 0;    ///< -j
  bool quiet = false;   ///< -q: no progress line
  /// --shard K/N: only the repositories of that shard (portfolio/shard.h).
  std::optional<report::Shard> shard;
};

/// A failure with the exit status it calls for.
struct Failure {
  int code = 0;
  std::string message;
};

/// Takes a checkpoint of `<root>/organizations` as `golden checkpoint` does: the root's
/// `.metaHub/checkpoint.yaml` and schema, strictness from the flags and GOVERN_STRICT, enforce's
/// verdict per repository. `previous` (may be empty) only speeds up hashing (TakeOptions). On
/// failure, sets `*failure` (exit 2 for configuration problems, 1 otherwise) and returns nullopt.
std::optional<checkpoint::State> TakeState(const fs::path& root, const ScanFlags& flags,
                                           std::function<const checkpoint::State*()> previous,
                                           int64_t now_ns, Failure* failure);

/// The subcommands (list, diff, archive, reset-baseline, verify), registered on `app` with
/// their own flags (cmd_checkpoint_manage.cc).
class Subcommands {
 public:
  explicit Subcommands(CLI::App* app);
  ~Subcommands();
  Subcommands(const Subcommands&) = delete;
  Subcommands& operator=(const Subcommands&) = delete;
  /// The subcommand given on the command line, or null.
  CLI::App* Parsed() const;
  /// Runs it; returns the exit status.
  int Run() const;

  struct Flags;  ///< defined in cmd_checkpoint_manage.cc

 private:
  std::unique_ptr<Flags> flags_;
};

/// What the flag -j means for every subcommand.
inline constexpr std::string_view kJobsHelp = "worker threads (default: all cores)";

}  // namespace golden::cli::checkpoint_cli
