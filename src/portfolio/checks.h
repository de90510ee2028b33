#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "portfolio/dockerfile.h"
#include "portfolio/repo.h"
#include "portfolio/rules.h"
#include "portfolio/schema.h"
#include "report/finding.h"

namespace golden::portfolio {

/// How the built-in checks run.
struct CheckOptions {
  /// Every warning becomes a violation (and structure says "required" instead of
  /// "recommended"): --strict, or GOVERN_STRICT=true.
  bool strict = false;
  /// The metadata schema; null skips schema validation.
  const MetadataSchema* schema = nullptr;
};

/// Files over this size are listed but never loaded by the checks; a finding says so.
inline constexpr uint64_t kMaxCheckedFileBytes = 1 << 20;
/// README.md may be larger than other governance files.
inline constexpr uint64_t kMaxReadmeBytes = 4 << 20;

/// Collects the findings of one check for one repository.
class FindingSink {
 public:
  FindingSink(std::string_view check, std::vector<report::Finding>* out)
      : check_(check), out_(out) {}
  /// `file` is an inventory path (raw bytes; escaped here for display).
  void Add(std::string_view rule, report::Severity severity, std::string message,
           std::string_view file = {}, int line = 0);

 private:
  std::string_view check_;
  std::vector<report::Finding>* out_;
};

// The six checks of the original, in its order. Each appends its findings to `out`.

/// `.meta/repo.yaml`: present, readable, YAML, not empty, a mapping, valid against the schema
/// (every error, with its path and line), `type`/`language` present, tier 1-4.
void CheckMetadata(const RepoSnapshot& repo, const CheckOptions& options,
                   std::vector<report::Finding>* out);
/// The files each tier asks for (runs only when metadata loaded, as in the original).
void CheckStructure(const RepoSnapshot& repo, const CheckOptions& options,
                    std::vector<report::Finding>* out);
/// Every Dockerfile (`Dockerfile*`, `*.Dockerfile`, any folder but .git, symlinks not
/// followed).
void CheckDocker(const RepoSnapshot& repo, const CheckOptions& options,
                 std::vector<report::Finding>* out);
/// The rules of one parsed Dockerfile (exposed for tests); `file` is its inventory path.
void CheckDockerfile(const Dockerfile& dockerfile, std::string_view file, FindingSink* sink);
/// True when a shell script runs `apt-get install` without -y (or an equivalent option).
bool AptGetInstallWithoutYes(std::string_view script);
/// `.github/CODEOWNERS`.
void CheckCodeowners(const RepoSnapshot& repo, const CheckOptions& options,
                     std::vector<report::Finding>* out);
/// `.github/workflows/*.yml|yaml`.
void CheckWorkflows(const RepoSnapshot& repo, const CheckOptions& options,
                    std::vector<report::Finding>* out);
/// `README.md`.
void CheckReadme(const RepoSnapshot& repo, const CheckOptions& options,
                 std::vector<report::Finding>* out);

/// Every check (plus the folders the scan could not read), then FinishFindings.
std::vector<report::Finding> RunChecks(const RepoSnapshot& repo, const CheckOptions& options);

/// Raises warnings to violations when `strict`, and sorts into report order. Findings added
/// after RunChecks (policies) go through this again.
void FinishFindings(std::vector<report::Finding>* findings, bool strict);

/// Tier 1 or 2: the tiers that require CODEOWNERS and workflows (metadata loaded and a valid
/// tier of at most 2).
bool IsCriticalTier(const Metadata& metadata);

}  // namespace golden::portfolio
