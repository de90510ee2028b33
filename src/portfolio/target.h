#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "report/report.h"

namespace golden::portfolio {

namespace fs = std::filesystem;

using report::Scope;

/// A repository to check.
struct RepoRef {
  std::string org;   ///< the organization's folder name ("" when checked on its own)
  std::string name;  ///< the repository's folder name (raw bytes)
  fs::path dir;      ///< where it is (as reachable from the working directory)
  /// For reports: relative to the governance root when below it, else as given; valid UTF-8.
  std::string display;
};

/// An organization: a folder of repositories.
struct OrgRef {
  std::string name;
  fs::path dir;
  std::string display;
  /// Its non-hidden sub-folders, in byte order of their names.
  std::vector<RepoRef> repos;
  /// Set when the folder could not be listed; `repos` is then empty.
  std::optional<std::string> error;
};

/// What to check: the portfolio (every organization), one organization or one repository.
struct Target {
  Scope scope = Scope::kRepo;
  fs::path dir;
  std::string name;     ///< last path component, for report titles
  std::string display;  ///< as RepoRef::display
  /// kPortfolio: every organization (empty ones included); kOrg: one; kRepo: one holding the
  /// repository.
  std::vector<OrgRef> orgs;

  /// Every repository, in report order (organizations, then repositories, by name).
  std::vector<const RepoRef*> Repos() const;
};

/// "portfolio", "org" or "repo".
std::optional<Scope> ParseScope(std::string_view name);
std::string_view ScopeName(Scope scope);

/// What ResolveTarget needs to know.
struct TargetRequest {
  fs::path path;                 ///< the folder to check, as given
  std::optional<fs::path> root;  ///< the governance root (absolute), when known
  std::optional<Scope> scope;    ///< --scope: overrides the detection
  fs::path cwd;                  ///< to make paths absolute for comparisons
};

/// Decides the scope and lists what it covers. Without an explicit scope:
/// - a folder holding `.meta` is a repository;
/// - `<root>/organizations` (or the root itself) is the portfolio, a folder directly inside
///   it an organization (even when empty or when no repository has `.meta`), and a folder
///   two levels down a repository;
/// - elsewhere: a folder named `organizations` is a portfolio, a folder with a sub-folder
///   holding `.meta` an organization, one with such a sub-sub-folder a portfolio, anything
///   else a repository.
/// Fails with kNotFound when the path does not exist and kInvalidArgument when it is not a
/// folder.
Result<Target> ResolveTarget(const TargetRequest& request);

/// Lists an organization folder. A listing error is recorded in OrgRef::error.
OrgRef ListOrganization(const fs::path& dir, std::string name, std::string display);

/// Lists the organizations of a portfolio folder (non-hidden sub-folders, by name), each with
/// its repositories. Fails when the portfolio folder itself cannot be listed.
Result<std::vector<OrgRef>> ListPortfolio(const fs::path& dir, const std::string& display);

}  // namespace golden::portfolio
