#include "cli/commands.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace golden::cli {

namespace {

int RunHelp(const GlobalOptions&, std::span<const std::string>);

constexpr Command kCommands[] = {
    {"enforce", "check repositories against the golden path", &RunEnforce},
    {"catalog", "build the service catalog (JSON, Markdown, HTML, Backstage)", &RunCatalog},
    {"checkpoint", "record the portfolio's state and report drift since the last checkpoint",
     &RunCheckpoint},
    {"init", "scaffold a governance root: schema, policies, waivers, workflows", &RunInit},
    {"merge", "combine the JSON reports of sharded enforce runs (--shard K/N)", &RunMerge},
    {"version", "print golden's version", &RunVersion},
    {"eval", "evaluate a Rego query (compatible with `opa eval`)", &RunEval},
    {"test", "run Rego policy tests (compatible with `opa test`)", &RunTest},
    {"capabilities", "print the Rego builtins supported, as OPA capabilities JSON",
     &RunCapabilities},
    {"help", "list the subcommands", &RunHelp},
};

void PrintUsage(std::FILE* out) {
  std::fprintf(out, "usage: golden <command> [options]\n\ncommands:\n");
  for (const Command& c : kCommands) {
    std::fprintf(out, "  %-12.*s %.*s\n", static_cast<int>(c.name.size()), c.name.data(),
                 static_cast<int>(c.summary.size()), c.summary.data());
  }
  std::fprintf(out, "\nRun 'golden <command> --help' for the options of a command.\n");
}

int RunHelp(const GlobalOptions&, std::span<const std::string>) {
  PrintUsage(stdout);
  return kExitOk;
}

// Edit distance, for "did you mean" suggestions.
size_t Distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t prev = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cur = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
      prev = cur;
    }
  }
  return row[b.size()];
}

}  // namespace

std::span<const Command> AllCommands() { return kCommands; }

int Main(int argc, char** argv) {
  GlobalOptions global;
  global.argv0 = argc > 0 ? argv[0] : "golden";
  if (argc < 2) {
    PrintUsage(stderr);
    return kExitUsage;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h") name = "help";
  if (name == "--version") name = "version";
  std::vector<std::string> args(argv + 2, argv + argc);
  for (const Command& c : kCommands) {
    if (c.name == name) return c.run(global, args);
  }
  std::fprintf(stderr, "golden: unknown command '%s'", name.c_str());
  const Command* best = nullptr;
  size_t best_d = 3;
  for (const Command& c : kCommands) {
    size_t d = Distance(name, c.name);
    if (d < best_d) best_d = d, best = &c;
  }
  if (best) {
    std::fprintf(stderr, "; did you mean '%.*s'?", static_cast<int>(best->name.size()),
                 best->name.data());
  }
  std::fprintf(stderr, "\nRun 'golden help' for the list of commands.\n");
  return kExitUsage;
}

}  // namespace golden::cli
