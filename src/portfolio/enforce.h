#pragma once

#include <cstdint>
#include <functional>

#include "portfolio/checks.h"
#include "portfolio/repo.h"
#include "portfolio/target.h"
#include "report/report.h"

namespace golden::portfolio {

/// How an enforcement run goes.
struct EnforceOptions {
  CheckOptions checks;
  ScanOptions scan;
  /// Worker threads; 0 uses every hardware thread.
  unsigned threads = 0;
  /// Called once per repository when it is done, from worker threads (for progress).
  std::function<void()> on_repo_done;
  /// More findings for a repository, from the snapshot the built-in checks used (policy
  /// evaluation plugs in here). Called from worker threads; strict mode and sorting apply
  /// to what it adds.
  std::function<void(const RepoSnapshot&, std::vector<report::Finding>*)> add_findings;
  /// The rules `add_findings` may report, added to Report::rules after the built-in ones.
  std::vector<report::RuleInfo> rules;
  /// Called by Enforce once per repository, from worker threads, after its checks ran and
  /// while its snapshot is still alive; `repo_index` is its position in Target::Repos(). Lets
  /// a caller derive more from the same scan (checkpoints hash the governance files) instead
  /// of scanning again. It may take what it needs out of `report`: what it leaves there is
  /// what the Report that Enforce returns holds. Must be thread-safe across different indexes.
  std::function<void(size_t repo_index, const RepoSnapshot& snapshot, report::RepoReport* report)>
      on_snapshot;
  /// Whether RepoReport::metadata gets a copy of each repository's metadata (for the reports
  /// that show it); callers that never read it save the copy.
  bool report_metadata = true;
};

/// Scans and checks one repository (LoadRepo, then EnforceSnapshot).
report::RepoReport EnforceRepo(const RepoRef& ref, const EnforceOptions& options);

/// Checks a repository that is already loaded: its report (name, path, metadata, sorted
/// findings of the built-in checks and of `options.add_findings`). For callers that need the
/// snapshot too (the catalog reads its inventory and metadata), so that a repository is
/// scanned once.
report::RepoReport EnforceSnapshot(const RepoSnapshot& snapshot, const EnforceOptions& options);

/// Checks every repository of `target` in parallel. The report is the same whatever the
/// number of threads: repositories keep the target's order and findings are sorted.
/// `now_ns` (from the caller's Clock) becomes the report's timestamp.
report::Report Enforce(const Target& target, const EnforceOptions& options, int64_t now_ns);

}  // namespace golden::portfolio
