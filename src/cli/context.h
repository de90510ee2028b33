#pragma once

// What subcommands read from the process (environment, clock, working directory, the
// governance root and its schema), read in one place so every command does it the same way.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "base/clock.h"
#include "base/status.h"
#include "portfolio/enforce.h"
#include "portfolio/root.h"
#include "portfolio/schema.h"

namespace CLI {
class App;
}  // namespace CLI

namespace golden::policy {
class PolicySet;
class WaiverSet;
}  // namespace golden::policy

namespace golden::cli {

/// Parses `args` with `app` and calls `run`: --help prints and exits 0, a parse error is
/// reported as "golden <command>: ..." with exit 2, and an exception escaping `run` (a bug)
/// as an internal error, exit 3.
int ParseAndRun(CLI::App& app, std::string_view command, std::span<const std::string> args,
                const std::function<int()>& run);

/// `names` joined with '|', for help texts and errors ("text|json").
std::string NameList(std::span<const std::string_view> names);

/// The environment variable `name`, or nullopt when unset.
std::optional<std::string> Env(const char* name);

/// The real clock, or a fixed one when SOURCE_DATE_EPOCH (reproducible-builds.org) is set, so
/// reports and golden files need no masking. Fails when the variable is not whole seconds.
Result<std::unique_ptr<Clock>> MakeClock();

/// GOVERN_STRICT, the runbook's switch for strict mode: true for `true`/`1`, false for
/// `false`/`0`/empty/unset (case-insensitive); anything else is a configuration error.
Result<bool> GovernStrict();

/// Where to look for the governance root: $GOLDEN_PATH_ROOT, above `target` (when given),
/// above `cwd`, then above the running binary.
portfolio::RootSearch ProcessRootSearch(const std::filesystem::path& cwd,
                                        std::optional<std::filesystem::path> target);

/// The working directory.
Result<std::filesystem::path> WorkingDirectory();

/// The governance root (portfolio/root.h), searched as ProcessRootSearch says.
Result<std::filesystem::path> LocateRoot(const std::optional<std::filesystem::path>& target,
                                         const std::filesystem::path& cwd);

/// Where a run's Rego policies come from (enforce's flags; other commands use the defaults).
struct PolicyFlags {
  /// --policies: the folder; empty: `<root>/.metaHub/policies` when it exists.
  std::string dir;
  /// --v0-compatible: the policies are Rego v0 (conftest's `deny[msg] { ... }`).
  bool v0_compatible = false;
};

/// What a run judges with besides the built-in checks.
struct PolicyChoice {
  /// Null when there are no policies (no folder, or no .rego file in it).
  std::shared_ptr<const policy::PolicySet> policies;
  /// `<root>/.metaHub/waivers.yaml` (null without a root; empty when the file is missing).
  std::shared_ptr<const policy::WaiverSet> waivers;
};

/// Loads and compiles the policies for a run over `target`, and the root's waivers, judged on
/// the UTC day of `now_ns`. data.golden.portfolio lists every repository of the root's
/// portfolio (of `target` when there is no root), read on `threads` threads; call this before
/// narrowing `target` to a shard. An explicit folder that does not exist, a file that cannot be read, compile
/// errors and a waiver file that fails its schema are configuration errors (every problem,
/// "file:line: message", one a line; files named relative to `root`).
Result<PolicyChoice> ChoosePolicies(const std::optional<std::filesystem::path>& root,
                                    const PolicyFlags& flags, const portfolio::Target& target,
                                    unsigned threads, int64_t now_ns);

/// Warns on standard error about every waiver for a repository of `target` that covered no
/// finding in the run.
void ReportUnusedWaivers(const PolicyChoice& choice, const portfolio::Target& target,
                         std::string_view command);

/// How every command that judges repositories runs the checks (enforce, catalog, checkpoint),
/// so they judge alike: strictness, the schema, worker threads (0: every core), the policies
/// (their findings beside the built-in checks', their rules in the report), the waivers
/// (applied to every finding), and no file sizes in the scan unless policies read them (no
/// check does; one stat per file saved).
portfolio::EnforceOptions CheckingOptions(bool strict, const portfolio::MetadataSchema* schema,
                                          unsigned threads, const PolicyChoice& policies);

/// The metadata schema a run validates against.
struct SchemaChoice {
  /// Null when there is none (no root, or no schema file at the default place).
  std::shared_ptr<const portfolio::MetadataSchema> schema;
  /// The file looked for when `schema` is null and no --schema was given, for the notice.
  std::filesystem::path missing_default;
};

/// `explicit_file` (--schema) when not empty: it must load. Otherwise
/// `<root>/.metaHub/schemas/repo-schema.json` when `root` is known and that file exists
/// (it must then load); otherwise none. Load failures are configuration errors.
Result<SchemaChoice> ChooseSchema(const std::optional<std::filesystem::path>& root,
                                  const std::string& explicit_file);

}  // namespace golden::cli
