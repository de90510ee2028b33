#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "base/status.h"

namespace golden::portfolio {

namespace fs = std::filesystem;

/// The governance root's marker folder.
inline constexpr std::string_view kMetaHub = ".metaHub";
/// The portfolio folder inside the root.
inline constexpr std::string_view kOrganizations = "organizations";
/// The default metadata schema, relative to the root.
inline constexpr std::string_view kDefaultSchema = ".metaHub/schemas/repo-schema.json";

/// Where to look for the governance root (a folder holding `.metaHub/`). Passed in rather
/// than read from the process, so the search is testable.
struct RootSearch {
  /// GOLDEN_PATH_ROOT, when set: used only if it holds `.metaHub` (as the original did).
  std::optional<std::string> env_root;
  /// The folder golden was asked to check, when given: its ancestors come next, so that a
  /// path inside a governance root uses that root whatever the working directory.
  std::optional<fs::path> target;
  /// The working directory: its ancestors come next.
  fs::path cwd;
  /// The running binary: the ancestors of its folder come last, which covers the runbook's
  /// `<root>/.metaHub/scripts/` layout.
  std::optional<fs::path> executable;
};

/// True when `dir` holds a `.metaHub` folder.
bool IsGovernanceRoot(const fs::path& dir);

/// Finds the governance root in the order of RootSearch's fields; the result is absolute and
/// lexically normal. Fails with kNotFound and a message that says where it looked.
Result<fs::path> FindGovernanceRoot(const RootSearch& search);

/// The running binary's path (/proc/self/exe), or nullopt where that is not available.
std::optional<fs::path> CurrentExecutable();

/// `p` made absolute against `cwd` and lexically normalised, without a trailing separator.
fs::path AbsoluteNormal(const fs::path& p, const fs::path& cwd);

}  // namespace golden::portfolio
