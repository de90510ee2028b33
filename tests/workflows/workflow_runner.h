#pragma once

// Runs the shell steps of a GitHub Actions workflow locally, for tests: the jobs in `needs`
// order, each matrix combination, `run:` steps with bash as the runner starts them, the local
// composite action ./.github/actions/setup-golden, and fakes of the few marketplace actions
// the governance workflows use (checkout, upload/download-artifact, upload-sarif). The
// commands a test cannot run for real (apt-get, curl, gh) are stubs on PATH that record their
// calls (workflow_runner.cc says what each does).
//
// Expressions: `${{ ... }}` may hold a context reference (matrix.*, inputs.*, env.*,
// steps.<id>.outputs.*, steps.<id>.outcome, github.*), `a == 'b'`, `a != 'b'`, `&&`, and the
// status functions !cancelled(), always(), success(), failure(). Anything else fails the test:
// a workflow that needs more is not one this runner can vouch for.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "value/value.h"

namespace golden::testing {

/// What one step did.
struct StepRun {
  std::string job;    ///< "<job id>" or "<job id> (<matrix value>)"
  std::string name;   ///< its name, `uses:` or the first line of `run:`
  std::string id;     ///< its id, if any
  bool ran = false;   ///< false when its `if:` was false
  int exit_code = 0;  ///< of the script (0 for the faked actions)
  std::string out;    ///< stdout: workflow commands such as ::error appear here
  std::string err;
  std::map<std::string, std::string> outputs;  ///< what it wrote to $GITHUB_OUTPUT
};

/// What a whole workflow run did.
struct WorkflowRun {
  std::vector<StepRun> steps;
  std::map<std::string, bool> job_failed;  ///< by job display name
  /// $GITHUB_STEP_SUMMARY of each job, by job display name.
  std::map<std::string, std::string> summaries;
  /// The SARIF files given to upload-sarif (paths in the workspace).
  std::vector<std::string> sarif_uploads;

  /// The first step with this id or name in `job` (any job when empty); null if none.
  const StepRun* Find(std::string_view id_or_name, std::string_view job = {}) const;
};

/// A workspace (a git checkout of the governance root) and what the runner provides around it.
class WorkflowRunner {
 public:
  /// `workspace`: the checkout; `scratch`: a folder for RUNNER_TEMP, artifacts, stubs, HOME.
  /// `release_dir`: what the curl stub serves (the asset of a golden release and its .sha256).
  WorkflowRunner(std::filesystem::path workspace, std::filesystem::path scratch,
                 std::filesystem::path release_dir);

  /// Runs the workflow file (a path in the workspace). `matrix` replaces each job's matrix
  /// values (e.g. {"shard", {"1","2","3"}}) and `env` adds to or replaces the workflow's env.
  WorkflowRun Run(const std::string& workflow_file,
                  const std::map<std::string, std::vector<std::string>>& matrix = {},
                  const std::map<std::string, std::string>& env = {});

  /// The JSON array `gh issue list` prints.
  void SetOpenIssues(const std::string& json);
  /// Every gh call so far, one line each (arguments joined by spaces).
  std::vector<std::string> GhCalls() const;
  /// The body file given with --body-file to the gh call at `index` of GhCalls().
  std::string GhBody(size_t index) const;
  /// Every apt-get call so far.
  std::vector<std::string> AptCalls() const;

 private:
  struct Context;
  void RunJob(const Value& workflow, const std::string& job_id, const Value& job,
              const std::map<std::string, std::string>& matrix_values,
              const std::map<std::string, std::string>& env, WorkflowRun* run);

  std::filesystem::path workspace_;
  std::filesystem::path scratch_;
  std::filesystem::path release_dir_;
  std::filesystem::path stubs_;
  std::filesystem::path artifacts_;
  int step_counter_ = 0;
};

}  // namespace golden::testing
