// golden enforce: the built-in checks over a repository, an organization or the portfolio.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/fs.h"
#include "base/strings.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/progress.h"
#include "cli/report_output.h"
#include "portfolio/enforce.h"
#include "portfolio/root.h"
#include "portfolio/schema.h"
#include "portfolio/shard.h"
#include "portfolio/target.h"
#include "report/render.h"

namespace golden::cli {

namespace {

namespace fs = std::filesystem;

int Fail(int code, const std::string& message) {
  std::fprintf(stderr, "golden enforce: %s\n", message.c_str());
  return code;
}

struct Flags {
  std::string path;
  bool strict = false;
  std::vector<std::string> reports;
  std::string output;
  std::string shard;
  bool fail_on_warnings = false;
  std::string schema;
  std::string scope;
  bool quiet = false;
  unsigned jobs = 0;
  PolicyFlags policies;
};

std::string FormatList() { return NameList(report::FormatNames()); }

int Enforce(const Flags& flags) {
  auto strict_env = GovernStrict();
  if (!strict_env.ok()) return Fail(kExitUsage, strict_env.status().message());
  auto clock = MakeClock();
  if (!clock.ok()) return Fail(kExitUsage, clock.status().message());
  auto formats = ParseFormats(flags.reports);
  if (!formats.ok()) return Fail(kExitUsage, formats.status().message());
  const ReportOutput output{*formats, flags.output};
  if (Status ok = CheckReportOutput(output); !ok.ok()) return Fail(kExitUsage, ok.message());
  std::optional<report::Shard> shard;
  if (!flags.shard.empty()) {
    auto parsed = portfolio::ParseShard(flags.shard);
    if (!parsed.ok()) return Fail(kExitUsage, parsed.status().message());
    shard = *parsed;
  }

  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return Fail(kExitUsage, "cannot read the working directory: " + ec.message());
  std::optional<fs::path> target_path;
  if (!flags.path.empty()) target_path = fs::path(flags.path);
  auto root = portfolio::FindGovernanceRoot(ProcessRootSearch(cwd, target_path));
  // Without a root, a PATH and a --schema are enough to work with.
  if (!root.ok() && (flags.path.empty() || flags.schema.empty())) {
    return Fail(kExitUsage, root.status().message());
  }
  std::optional<fs::path> root_dir;
  if (root.ok()) root_dir = *root;

  fs::path path = flags.path.empty() ? *root_dir / portfolio::kOrganizations : fs::path(flags.path);

  auto schema = ChooseSchema(root_dir, flags.schema);
  if (!schema.ok()) return Fail(kExitUsage, schema.status().message());
  if (!schema->schema && !flags.quiet) {
    std::fprintf(stderr,
                 "golden enforce: warning: no schema at %s; metadata is not validated against "
                 "a schema\n",
                 DisplayPath(schema->missing_default).c_str());
  }

  portfolio::TargetRequest request;
  request.path = path;
  request.root = root_dir;
  request.cwd = cwd;
  if (!flags.scope.empty()) request.scope = portfolio::ParseScope(flags.scope);
  auto target = portfolio::ResolveTarget(request);
  if (!target.ok()) return Fail(kExitUsage, target.status().message());
  if (shard && target->scope == portfolio::Scope::kRepo) {
    return Fail(kExitUsage,
                "--shard splits the repositories of an organization or of the portfolio; " +
                    target->display + " is a repository");
  }
  // Before the shard is selected: data.golden.portfolio is the whole portfolio.
  auto policies = ChoosePolicies(root_dir, flags.policies, *target, flags.jobs, (*clock)->NowNs());
  if (!policies.ok()) return Fail(kExitUsage, policies.status().message());
  if (shard) portfolio::SelectShard(&*target, *shard);

  portfolio::EnforceOptions options =
      CheckingOptions(flags.strict || *strict_env, schema->schema.get(), flags.jobs, *policies);
  size_t total = 0;
  for (const auto& org : target->orgs) total += org.repos.size();
  Progress progress(stderr, total, std::chrono::seconds(1),
                    !flags.quiet && ::isatty(STDERR_FILENO) == 1);
  options.on_repo_done = [&progress] { progress.Tick(); };
  report::Report rep = portfolio::Enforce(*target, options, (*clock)->NowNs());
  progress.Finish();
  rep.shard = shard;
  // A waiver unused by one shard may be used by another: only a whole run can tell.
  if (!flags.quiet && !shard) ReportUnusedWaivers(*policies, *target, "enforce");

  Status written = WriteReports(rep, output, flags.quiet);
  if (!written.ok()) return Fail(kExitUsage, written.message());
  return report::Fails(rep, flags.fail_on_warnings) ? kExitViolations : kExitOk;
}

}  // namespace

int RunEnforce(const GlobalOptions&, std::span<const std::string> args) {
  CLI::App app{
      "Checks repositories against the golden path: metadata and its schema, the files each "
      "tier needs, Dockerfiles, CODEOWNERS, CI workflows and README, and the Rego policies of "
      "<root>/.metaHub/policies (docs/policies.md).\n"
      "Exit status: 0 passed, 1 violations (or warnings with --fail-on-warnings or strict "
      "mode), 2 usage or configuration error, 3 internal error.\n"
      "Environment: GOLDEN_PATH_ROOT (the governance root), GOVERN_STRICT=true|1 (as "
      "--strict), SOURCE_DATE_EPOCH (fixes the report's timestamp).",
      "golden enforce"};
  Flags flags;
  app.add_option("PATH", flags.path,
                 "the organizations folder, an organization or a repository "
                 "(default: <root>/organizations)")
      ->type_name("");
  app.add_flag("--strict", flags.strict, "treat every warning as a violation");
  app.add_option("--report", flags.reports,
                 "report format: " + FormatList() +
                     " (default text); repeat it for several reports, with -o DIR")
      ->type_name("FORMAT")
      ->allow_extra_args(false);
  app.add_option("-o,--output", flags.output,
                 "write the report to FILE (atomically); with several --report, or when it is "
                 "a folder, one file per format in that folder (enforce.json, enforce.sarif, "
                 "enforce.junit.xml, enforce.github.txt, enforce.md, enforce.txt)")
      ->type_name("FILE|DIR");
  app.add_flag("--fail-on-warnings", flags.fail_on_warnings, "exit 1 when there are warnings");
  app.add_option("--schema", flags.schema,
                 "metadata schema (default: <root>/.metaHub/schemas/repo-schema.json)")
      ->type_name("FILE");
  app.add_option("--scope", flags.scope, "what PATH is: portfolio|org|repo (default: detected)")
      ->check(CLI::IsMember({"portfolio", "org", "repo"}))
      ->type_name("SCOPE");
  app.add_option("--policies", flags.policies.dir,
                 "Rego policies to evaluate on every repository (default: "
                 "<root>/.metaHub/policies when it exists)")
      ->type_name("DIR");
  app.add_flag("--v0-compatible", flags.policies.v0_compatible,
               "the policies are Rego v0 (conftest's deny[msg] { ... })");
  app.add_flag("-q,--quiet", flags.quiet, "no progress, notices or 'Report written to' line");
  app.add_option("-j,--jobs", flags.jobs, "worker threads (default: all cores)")->type_name("N");
  app.add_option("--shard", flags.shard,
                 "check only part K of N of the repositories (a stable split by the hash of "
                 "<org>/<repo>); combine the JSON reports with golden merge")
      ->type_name("K/N");
  return ParseAndRun(app, "enforce", args, [&flags] { return Enforce(flags); });
}

}  // namespace golden::cli
