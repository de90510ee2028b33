#pragma once

// `golden test`: runs the test rules of Rego modules the way `opa test` does (OPA's tester
// package): every rule whose name starts with `test_` is a test that passes when its value
// is true; `todo_test_` rules are skipped.

#include <cstdint>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "base/status.h"
#include "rego/rego.h"

namespace golden::policy {

/// The outcome of one test rule (OPA's tester.Result).
struct TestResult {
  std::string package;  ///< "data.golden.docker_test"
  std::string name;     ///< "test_root_user"
  SourceLocation where;
  int64_t duration_ns = 0;
  bool fail = false;
  bool skip = false;
  std::optional<rego::EvalError> error;
  std::string output;  ///< what print() wrote

  bool Pass() const { return !fail && !skip && !error; }
};

struct TestOptions {
  /// Only tests whose full name (`data.pkg.test_x`) matches (a search, as Go's
  /// regexp.MatchString); empty: every test.
  std::string run;
  unsigned threads = 0;
  /// Collect line coverage into this collector (null: none).
  rego::CoverageCollector* coverage = nullptr;
};

/// Runs every test of `policy`, in parallel; results in file and line order. Fails when
/// `options.run` is not a valid regular expression.
Result<std::vector<TestResult>> RunTests(const rego::CompiledPolicy& policy,
                                         const TestOptions& options);

/// A duration as Go's time.Duration prints it ("1.234567ms", "850µs", "2.5s").
std::string GoDuration(int64_t ns);

}  // namespace golden::policy
