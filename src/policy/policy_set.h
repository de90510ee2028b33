#pragma once

// Policies in enforce: the Rego modules of `.metaHub/policies/`, compiled once, evaluated
// against every repository's input document (docs/policies.md).

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "portfolio/repo.h"
#include "report/finding.h"
#include "value/value.h"

namespace golden::policy {

namespace fs = std::filesystem;

struct PolicyOptions {
  /// Parse modules as Rego v0 (conftest's `deny[msg] { ... }`), as OPA's --v0-compatible.
  bool v0_compatible = false;
  /// Module names are made relative to this folder when below it (the governance root).
  fs::path display_base;
  /// time.now_ns() in policies: the run's clock (SOURCE_DATE_EPOCH), so one run sees one
  /// instant; default: the system clock at each evaluation.
  std::optional<int64_t> now_ns;
};

/// The `.rego` files below `dir` (recursively, in path order) that enforce loads: tests
/// (`*_test.rego`) are left to `golden test`. Missing folder: none.
Result<std::vector<fs::path>> PolicyFiles(const fs::path& dir);

struct PolicySetImpl;

/// A compiled policy set; immutable and safe to evaluate from several threads.
class PolicySet {
 public:
  /// Compiles `modules` ((file name, text) pairs) with data.golden.portfolio = `portfolio`.
  /// Every compile problem is reported in the error, one "file:line: code: message" a line.
  static Result<std::shared_ptr<const PolicySet>> Compile(
      std::vector<std::pair<std::string, std::string>> modules, const Value& portfolio,
      const PolicyOptions& options);

  /// Reads PolicyFiles(dir) and compiles them (read errors are errors too). A `.manifest`
  /// in `dir` (OPA's bundle manifest) with `"rego_version": 0` makes them Rego v0.
  static Result<std::shared_ptr<const PolicySet>> Load(const fs::path& dir, const Value& portfolio,
                                                       const PolicyOptions& options);

  ~PolicySet();

  /// The findings of every `deny`/`violation`/`warn` rule (and `deny_*`, ...) for one input
  /// document, with check "policy", sorted by the caller. Values excepted by the package's
  /// `exception` rule come back waived. An evaluation error becomes an error finding.
  std::vector<report::Finding> Evaluate(const Value& input) const;

  /// The rules findings can come from, for formats that describe rules.
  std::vector<report::RuleInfo> Rules() const;

  /// Builds the input of `snapshot` (with its built-in `findings`) and appends what
  /// Evaluate finds; the shape of EnforceOptions::add_findings.
  void AddFindings(const portfolio::RepoSnapshot& snapshot,
                   std::vector<report::Finding>* findings) const;

 private:
  explicit PolicySet(std::unique_ptr<PolicySetImpl> impl);
  std::unique_ptr<PolicySetImpl> impl_;
};

/// data.golden.portfolio for the repositories `refs` (their metadata read in parallel on
/// `threads` threads).
Value BuildPortfolio(const std::vector<const portfolio::RepoRef*>& refs, unsigned threads);

}  // namespace golden::policy
