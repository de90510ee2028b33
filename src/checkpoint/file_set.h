#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "portfolio/scan.h"

namespace golden::checkpoint {

namespace fs = std::filesystem;

/// Which files of a repository go into its `files_hash`: glob patterns over repository-relative
/// paths ('/'-separated, as in the inventory). A pattern is anchored at the repository root;
/// `*` matches any run of characters within one path component (a leading dot included), `?`
/// one character, `\` escapes the next character, and a `**` component matches any number of
/// folders (none included). Only files (and symlinks to files) match, never folders.
class FileSet {
 public:
  /// Compiles `patterns`; fails on an empty pattern, an absolute one, a `..` component, a
  /// trailing `\` or `**` inside a component (`a**b`).
  static Result<FileSet> Compile(std::vector<std::string> patterns);

  /// The default set: what golden's checks and policies read. Metadata, README, CODEOWNERS,
  /// workflows, every Dockerfile (as the docker check finds them), and the project manifests
  /// and repository files the policy input parses.
  static FileSet Default();

  /// The patterns, as given.
  std::span<const std::string> patterns() const { return patterns_; }

  /// True when the repository-relative path `rel` matches a pattern.
  bool Matches(std::string_view rel) const;

  /// The files of `inventory` that match, in inventory (byte) order.
  std::vector<const portfolio::FileEntry*> Select(const portfolio::RepoInventory& inventory) const;

 private:
  struct Pattern {
    std::vector<std::string> components;
    /// The leading components without wildcards: only entries below them can match.
    std::string literal_prefix;
    bool literal = false;  ///< no wildcard at all: one inventory lookup
    /// What a file name must start and end with to match the last component (its text before
    /// the first wildcard and after the last `*`): a quick test before the full match.
    std::string name_prefix, name_suffix;
  };
  std::vector<std::string> patterns_;
  std::vector<Pattern> compiled_;
};

/// Matches one path component against one pattern component (`*`, `?`, `\`).
bool MatchComponent(std::string_view pattern, std::string_view name);

/// Where a governance root configures checkpoints.
inline constexpr std::string_view kCheckpointConfig = ".metaHub/checkpoint.yaml";

/// Settings from `.metaHub/checkpoint.yaml`.
struct CheckpointConfig {
  /// `files:` (a list of patterns), replacing FileSet::Default().
  FileSet files = FileSet::Default();
};

/// Reads the config file at `path`; a missing file gives the defaults. Unknown keys, wrong
/// types and bad patterns are errors located at their line.
Result<CheckpointConfig> LoadCheckpointConfig(const fs::path& path);

/// Parses config text (exposed for tests); `filename` is used in messages.
Result<CheckpointConfig> ParseCheckpointConfig(std::string_view text, std::string_view filename);

}  // namespace golden::checkpoint
