// golden catalog: the service catalog of the portfolio (JSON, Markdown, HTML, Backstage).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "base/fs.h"
#include "base/strings.h"
#include "catalog/catalog.h"
#include "catalog/render.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/progress.h"
#include "portfolio/root.h"
#include "portfolio/target.h"

namespace golden::cli {

namespace {

namespace fs = std::filesystem;

// Where the catalog goes without --output: <root>/.metaHub/catalog/<file>.
constexpr std::string_view kCatalogDir = ".metaHub/catalog";

// The runbook's exit status for a catalog that could not be made.
constexpr int kExitError = kExitViolations;

int Fail(int code, const std::string& message) {
  std::fprintf(stderr, "golden catalog: %s\n", message.c_str());
  return code;
}

struct Flags {
  std::string org_path;
  std::string format = "json";
  std::string output;
  bool quiet = false;
  unsigned jobs = 0;
};

std::string FormatList() { return NameList(catalog::FormatNames()); }

// Writes the catalog: to stdout for "-", else atomically, creating the folder it goes in.
Status Write(const fs::path& file, const std::string& text) {
  if (file == "-") {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() ||
        std::fflush(stdout) != 0) {
      return IoError("cannot write the catalog to standard output");
    }
    return Status::Ok();
  }
  std::error_code ec;
  if (file.has_parent_path() && !fs::is_directory(file.parent_path(), ec)) {
    fs::create_directories(file.parent_path(), ec);
    if (ec) {
      return IoError("cannot create folder " + DisplayPath(file.parent_path()) + ": " +
                     ec.message());
    }
  }
  return WriteFileAtomic(file, text);
}

int BuildAndWrite(const Flags& flags) {
  std::optional<catalog::Format> format = catalog::ParseFormat(flags.format);
  if (!format) return Fail(kExitUsage, "--format must be one of " + FormatList());
  auto clock = MakeClock();
  if (!clock.ok()) return Fail(kExitUsage, clock.status().message());
  auto strict = GovernStrict();
  if (!strict.ok()) return Fail(kExitUsage, strict.status().message());

  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return Fail(kExitError, "cannot read the working directory: " + ec.message());
  // As the original, --org-path must exist (a usage error) and a root is needed in any case.
  std::optional<fs::path> org_flag;
  if (!flags.org_path.empty()) {
    org_flag = fs::path(flags.org_path);
    if (!fs::exists(*org_flag, ec)) {
      return Fail(kExitUsage, "--org-path '" + DisplayPath(*org_flag) + "' does not exist");
    }
    if (!fs::is_directory(*org_flag, ec)) {
      return Fail(kExitUsage, "--org-path '" + DisplayPath(*org_flag) + "' is not a folder");
    }
  }
  auto root = portfolio::FindGovernanceRoot(ProcessRootSearch(cwd, org_flag));
  if (!root.ok()) return Fail(kExitError, root.status().message());
  fs::path org_path = org_flag ? *org_flag : *root / portfolio::kOrganizations;

  auto schema = ChooseSchema(*root, "");
  if (!schema.ok()) return Fail(kExitError, schema.status().message());
  if (!schema->schema && !flags.quiet) {
    std::fprintf(stderr,
                 "golden catalog: warning: no schema at %s; compliance does not include "
                 "schema validation\n",
                 DisplayPath(schema->missing_default).c_str());
  }

  bool to_stdout = flags.output == "-";
  bool console = !flags.quiet && !to_stdout;
  fs::path shown_org_path = portfolio::AbsoluteNormal(org_path, cwd);
  if (console) {
    std::printf("Scanning organizations at: %s\n\n", DisplayPath(shown_org_path).c_str());
    std::fflush(stdout);
  }

  catalog::Catalog cat;
  if (!fs::is_directory(org_path, ec)) {
    // The original's behaviour for a missing organizations folder (it may be gitignored):
    // say so and write an empty catalog.
    std::fprintf(stderr, "Organizations path not found: %s\n", DisplayPath(shown_org_path).c_str());
    std::fprintf(stderr, "Returning empty catalog (organizations/ may be gitignored)\n");
    cat.generated_at = report::IsoTimestampUtc((*clock)->NowNs());
  } else {
    portfolio::TargetRequest request;
    request.path = org_path;
    request.root = *root;
    request.cwd = cwd;
    request.scope = portfolio::Scope::kPortfolio;
    auto target = portfolio::ResolveTarget(request);
    if (!target.ok()) return Fail(kExitError, target.status().message());

    // The checks exactly as golden enforce runs them, so compliance is what enforce reports.
    auto policies = ChoosePolicies(*root, {}, *target, flags.jobs, (*clock)->NowNs());
    if (!policies.ok()) return Fail(kExitError, policies.status().message());
    portfolio::EnforceOptions options =
        CheckingOptions(*strict, schema->schema.get(), flags.jobs, *policies);
    Progress progress(stderr, target->Repos().size(), std::chrono::seconds(1),
                      !flags.quiet && ::isatty(STDERR_FILENO) == 1);
    options.on_repo_done = [&progress] { progress.Tick(); };
    cat = catalog::BuildCatalog(*target, options, (*clock)->NowNs());
    progress.Finish();
  }

  fs::path file = flags.output.empty() ? *root / kCatalogDir / catalog::DefaultFileName(*format)
                                       : fs::path(flags.output);
  Status written = Write(file, catalog::Render(cat, *format));
  if (!written.ok()) return Fail(kExitError, written.message());
  if (console) {
    std::string summary = catalog::RenderConsoleSummary(cat, DisplayPath(file));
    std::fwrite(summary.data(), 1, summary.size(), stdout);
  }
  std::fflush(stdout);
  return kExitOk;
}

}  // namespace

int RunCatalog(const GlobalOptions&, std::span<const std::string> args) {
  CLI::App app{
      "Builds the service catalog of every repository in the portfolio: metadata (or what "
      "the name and project files suggest), the files each has, and its compliance as "
      "'golden enforce' judges it; counted by language, type, tier, status and owner.\n"
      "Writes <root>/.metaHub/catalog/catalog.json (.md, .html; catalog-info.yaml for "
      "backstage) unless --output is given.\n"
      "Exit status: 0 written, 1 error (no governance root, cannot write), 2 usage error.\n"
      "Environment: GOLDEN_PATH_ROOT (the governance root), GOVERN_STRICT=true|1 (warnings "
      "count as violations), SOURCE_DATE_EPOCH (fixes generated_at).",
      "golden catalog"};
  Flags flags;
  app.add_option("--org-path", flags.org_path,
                 "the organizations folder (default: <root>/organizations)")
      ->type_name("PATH");
  app.add_option("--format", flags.format, "catalog format: " + FormatList() + " (default json)")
      ->type_name("FORMAT");
  app.add_option("-o,--output", flags.output,
                 "write the catalog to FILE (atomically; - for standard output)")
      ->type_name("FILE");
  app.add_flag("-q,--quiet", flags.quiet, "no console summary, progress or notices");
  app.add_option("-j,--jobs", flags.jobs, "worker threads (default: all cores)")->type_name("N");
  return ParseAndRun(app, "catalog", args, [&flags] { return BuildAndWrite(flags); });
}

}  // namespace golden::cli
