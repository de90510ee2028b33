#pragma once

// A copy of the example portfolio (examples/governance) in a temporary folder, and a way to run
// `golden checkpoint` in it at a chosen time: the CLI tests of golden checkpoint.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "testing/subprocess.h"
#include "testing/temp_dir.h"

namespace golden::testing {

/// 2026-01-01T00:00:00Z and a week later, as SOURCE_DATE_EPOCH values.
inline constexpr int64_t kWeek1 = 1767225600;
inline constexpr int64_t kWeek2 = kWeek1 + 7 * 86400;

class ExamplePortfolio {
 public:
  ExamplePortfolio();
  const std::filesystem::path& root() const { return dir_.path(); }
  std::filesystem::path checkpoints() const { return root() / ".metaHub/checkpoints"; }
  std::filesystem::path latest() const { return checkpoints() / "checkpoint-latest.json"; }

  /// Runs `golden <args>` in the root with SOURCE_DATE_EPOCH=`epoch`, PATH and `env` only.
  ProcessResult Golden(std::vector<std::string> args, int64_t epoch = kWeek1,
                       std::map<std::string, std::string> env = {}) const;
  /// The environment Golden uses (for StartProcess).
  std::map<std::string, std::string> Env(int64_t epoch) const;

  /// The week's changes, one of each kind: beta/new-repo appears, gamma/meta-empty goes,
  /// beta/lib-t3's README is edited, alpha/lib-good's Dockerfile gains a final `USER root`
  /// (compliance degrades, a violation appears) and gamma/codeowners-comments gets an owner
  /// (compliance improves, a violation is resolved).
  void ApplyTheWeeksChanges() const;

  /// `text` with the root's path replaced by @ROOT@.
  std::string Mask(std::string text) const;
  /// The checkpoints folder's file names (not archive/), sorted.
  std::vector<std::string> CheckpointFiles() const;

 private:
  TempDir dir_;
};

}  // namespace golden::testing
