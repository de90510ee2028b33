#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace golden::cli {

/// Process exit codes, the same for every subcommand.
enum ExitCode : int {
  kExitOk = 0,          ///< success, nothing to report
  kExitViolations = 1,  ///< enforce found violations (or a failing test, or an error where the
                        ///< runbook says 1: catalog/checkpoint errors)
  kExitUsage = 2,       ///< bad flags, missing files, configuration or policy compile errors
  kExitInternal = 3,    ///< a bug
};

/// What every subcommand gets besides its own arguments.
struct GlobalOptions {
  std::string argv0;  ///< how the binary was invoked (for locating the governance root)
};

using CommandFn = int (*)(const GlobalOptions&, std::span<const std::string> args);

/// One row of the command table: `golden <name> ...`.
struct Command {
  std::string_view name;
  std::string_view summary;
  CommandFn run;
};

/// Every subcommand, in the order `golden help` lists them.
std::span<const Command> AllCommands();

/// Dispatches argv to a subcommand; returns the exit code.
int Main(int argc, char** argv);

int RunCapabilities(const GlobalOptions& global, std::span<const std::string> args);
int RunEval(const GlobalOptions& global, std::span<const std::string> args);
int RunTest(const GlobalOptions& global, std::span<const std::string> args);
int RunVersion(const GlobalOptions& global, std::span<const std::string> args);
int RunEnforce(const GlobalOptions& global, std::span<const std::string> args);
int RunCatalog(const GlobalOptions& global, std::span<const std::string> args);
int RunCheckpoint(const GlobalOptions& global, std::span<const std::string> args);
int RunInit(const GlobalOptions& global, std::span<const std::string> args);
int RunMerge(const GlobalOptions& global, std::span<const std::string> args);

}  // namespace golden::cli
