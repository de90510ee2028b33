// golden init: scaffolds a governance root (scaffold/scaffold.h).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "base/fs.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "scaffold/embedded.h"
#include "scaffold/scaffold.h"

namespace golden::cli {

namespace {

struct Flags {
  std::string dir = ".";
  bool force = false;
  bool quiet = false;
};

int Init(const Flags& flags) {
  auto written = scaffold::Scaffold(flags.dir, scaffold::EmbeddedFiles(), flags.force);
  if (!written.ok()) {
    std::fprintf(stderr, "golden init: %s\n", written.status().ToString().c_str());
    return kExitUsage;
  }
  int kept = 0;
  for (const scaffold::Written& w : *written) {
    if (w.outcome == scaffold::Outcome::kKept) ++kept;
    if (!flags.quiet || w.outcome == scaffold::Outcome::kKept) {
      std::printf("%-9s %s\n", std::string(scaffold::OutcomeText(w.outcome)).c_str(),
                  w.path.c_str());
    }
  }
  if (!flags.quiet) {
    std::printf(
        "\nA governance root in %s. Next: add repositories under organizations/<org>/<repo>/ "
        "(organizations/README.md), run `golden enforce`, and push: the workflows in "
        ".github/workflows/ run enforce every 6 hours, the catalog daily and the checkpoint "
        "weekly (set the golden release they use in .github/actions/setup-golden/action.yml).\n",
        DisplayPath(flags.dir).c_str());
  }
  if (kept > 0) {
    std::fprintf(stderr, "golden init: %d existing %s kept; --force replaces %s\n", kept,
                 kept == 1 ? "file" : "files", kept == 1 ? "it" : "them");
  }
  return kExitOk;
}

}  // namespace

int RunInit(const GlobalOptions&, std::span<const std::string> args) {
  CLI::App app{
      "Scaffolds a governance root in DIR: .metaHub/schemas/repo-schema.json, the default "
      "policies in .metaHub/policies/, .metaHub/waivers.yaml, organizations/ with a README, "
      "and the GitHub Actions workflows (enforce, catalog, checkpoint) with the action that "
      "installs golden. Never replaces an existing file unless --force; lists what it did.\n"
      "Exit status: 0 done (existing files kept or not), 2 usage error or a file that cannot "
      "be written.",
      "golden init"};
  Flags flags;
  app.add_option("DIR", flags.dir, "the governance root to create or complete (default: .)")
      ->type_name("");
  app.add_flag("--force", flags.force, "replace existing files with the scaffold's versions");
  app.add_flag("-q,--quiet", flags.quiet, "list only the files kept");
  return ParseAndRun(app, "init", args, [&flags] { return Init(flags); });
}

}  // namespace golden::cli
