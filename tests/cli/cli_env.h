#pragma once

// Helpers shared by the CLI tests: a temporary governance root and a way to run golden in it.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "testing/subprocess.h"
#include "testing/temp_dir.h"

namespace golden::testing {

/// A governance root in a temporary folder, with the project's schema installed.
class GovernanceRoot {
 public:
  GovernanceRoot();
  const std::filesystem::path& path() const { return dir_.path(); }
  /// Writes `content` to `rel` below the root.
  std::filesystem::path Write(std::string_view rel, std::string_view content) const {
    return dir_.Write(rel, content);
  }
  std::filesystem::path Mkdir(std::string_view rel) const { return dir_.Mkdir(rel); }
  /// A repository that passes every check at `tier` (metadata, README, CODEOWNERS, CI, tests/).
  void CleanRepo(std::string_view rel, int tier) const;
  /// Runs `golden <args>` with the root as working directory, a fixed clock and `env` added.
  ProcessResult Golden(std::vector<std::string> args,
                       std::map<std::string, std::string> env = {}) const;
  /// Runs golden as an unprivileged user, so that folders with mode 000 are really
  /// unreadable: directly when the tests do not run as root, else through setpriv as
  /// nobody (the root's folders are opened up for it). Sets `*skip_reason` and returns an
  /// empty result when neither is possible.
  ProcessResult GoldenUnprivileged(std::vector<std::string> args, std::string* skip_reason) const;

 private:
  TempDir dir_;
};

}  // namespace golden::testing
