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
};

/// Scans and checks one repository.
report::RepoReport EnforceRepo(const RepoRef& ref, const EnforceOptions& options);

/// Checks every repository of `target` in parallel. The report is the same whatever the
/// number of threads: repositories keep the target's order and findings are sorted.
/// `now_ns` (from the caller's Clock) becomes the report's timestamp.
report::Report Enforce(const Target& target, const EnforceOptions& options, int64_t now_ns);

}  // namespace golden::portfolio
