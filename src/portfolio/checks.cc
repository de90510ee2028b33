#include "portfolio/checks.h"

#include "base/strings.h"

namespace golden::portfolio {

using report::Finding;
using report::Severity;

void FindingSink::Add(std::string_view rule, Severity severity, std::string message,
                      std::string_view file, int line) {
  out_->push_back(report::MakeFinding(std::string(check_), std::string(rule), severity, std::move(message), EscapeInvalidUtf8(file), line));
}

bool IsCriticalTier(const Metadata& metadata) {
  return metadata.loaded() && TierOf(metadata.doc).value <= 2;
}

std::vector<Finding> RunChecks(const RepoSnapshot& repo, const CheckOptions& options) {
  std::vector<Finding> out;
  FindingSink scan(checks::kScan, &out);
  if (!repo.scan_status.ok()) {
    scan.Add(rules::kScanUnreadable, Severity::kError,
             "Cannot read the repository folder: " + repo.scan_status.message());
    return out;
  }
  CheckMetadata(repo, options, &out);
  CheckStructure(repo, options, &out);
  CheckDocker(repo, options, &out);
  CheckCodeowners(repo, options, &out);
  CheckWorkflows(repo, options, &out);
  CheckReadme(repo, options, &out);
  for (const ScanProblem& p : repo.inventory.problems) {
    scan.Add(rules::kScanUnreadable, Severity::kWarning,
             "Cannot read folder " + EscapeInvalidUtf8(p.path) + ": " + p.message, p.path);
  }
  FinishFindings(&out, options.strict);
  return out;
}

void FinishFindings(std::vector<Finding>* findings, bool strict) {
  if (strict) {
    for (Finding& f : *findings) {
      if (f.severity == Severity::kWarning) f.severity = Severity::kError;
    }
  }
  report::SortFindings(findings);
}

}  // namespace golden::portfolio
