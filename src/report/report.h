#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report/finding.h"
#include "value/value.h"

namespace golden::report {

/// Finding counts by severity.
struct Counts {
  int violations = 0;  ///< Severity::kError
  int warnings = 0;
  int info = 0;
  int waived = 0;  ///< findings a waiver accepts (counted in none of the above)
};

/// The result of enforcing one repository.
struct RepoReport {
  std::string name;  ///< the repository's folder name
  std::string org;   ///< its organization's folder name ("" when enforced on its own)
  /// The repository's path for display: relative to the governance root when it lies below
  /// it, otherwise as given; '/'-separated, valid UTF-8.
  std::string path;
  /// The parsed `.meta/repo.yaml` (YAML 1.1 typed, timestamps as strings) when it parsed,
  /// even if it failed validation; null when missing, empty or not YAML.
  Value metadata;
  /// Sorted in report order (SortFindings).
  std::vector<Finding> findings;

  Counts counts() const;
  /// A repository passes when it has no violations.
  bool passed() const { return counts().violations == 0; }
};

/// The result of enforcing one organization: its repositories in name (byte) order.
struct OrgReport {
  std::string name;
  std::string path;  ///< display path, as RepoReport::path
  std::vector<RepoReport> repos;
  /// Problems with the organization itself (its folder could not be listed); they count as
  /// violations in the totals.
  std::vector<Finding> findings;
};

/// Totals over a set of repositories; the keys of the original's organization summary.
struct Totals {
  int total_repos = 0;
  int passed = 0;
  int failed = 0;
  int total_violations = 0;
  int total_warnings = 0;
  int total_info = 0;
  int total_waived = 0;  ///< findings waivers accept (counted in none of the above)
};

Totals Summarize(const OrgReport& org);

/// What a report covers, decided before checking (see portfolio/target.h).
enum class Scope { kPortfolio, kOrg, kRepo };

/// Part K of N of the repositories (`--shard K/N`): a repository belongs to shard
/// `FastHash64("<org>/<repo>") % N + 1`, so the split is the same on every run and machine.
struct Shard {
  int index = 1;  ///< K, 1-based
  int count = 1;  ///< N
  friend bool operator==(const Shard&, const Shard&) = default;
};

/// A whole enforcement run: plain data, filled by the enforcer (and by policy evaluation),
/// read by the renderers. Renderers never do I/O or checking of their own.
struct Report {
  Scope scope = Scope::kRepo;
  /// The target's last path component ("organizations", the org or the repo name).
  std::string name;
  /// The target's display path (as RepoReport::path).
  std::string path;
  /// When the run started, ISO 8601 in UTC with a 'Z' ("2026-01-31T08:00:00Z"); taken once
  /// from the injected Clock, so every timestamp of a report is the same.
  std::string timestamp;
  /// kPortfolio: every organization (empty ones included); kOrg: exactly one; kRepo: exactly
  /// one holding exactly one repository.
  std::vector<OrgReport> orgs;
  /// Every rule the run could report (built-in checks, then policies), sorted by id; for
  /// formats that describe rules (SARIF).
  std::vector<RuleInfo> rules;
  /// True when warnings were raised to violations (--strict or GOVERN_STRICT).
  bool strict = false;
  /// Set when the run covered one shard of the repositories: the JSON report then carries
  /// what `golden merge` needs to rebuild the whole report (report/merge.h).
  std::optional<Shard> shard;

  /// The single repository of a kRepo report.
  const RepoReport& repo() const;
  /// Totals over every repository of the report.
  Totals totals() const;
};

/// Whether a run with this report fails: any violation, or any warning when
/// `fail_on_warnings`.
bool Fails(const Report& report, bool fail_on_warnings);

/// `unix_ns` as ISO 8601 UTC with second precision: "2026-01-31T08:00:00Z".
std::string IsoTimestampUtc(int64_t unix_ns);

}  // namespace golden::report
