#pragma once

// What several subcommands read from the process the same way: the environment, the clock,
// the governance root and the metadata schema.

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/status.h"
#include "portfolio/schema.h"

namespace CLI {
class App;
}  // namespace CLI

namespace golden::cli {

namespace fs = std::filesystem;

/// Parses a subcommand's `args` with `app` (CLI11). Returns nullopt to go on, or the exit status
/// to return at once: 0 after --help (printed), 2 after a usage error, reported on stderr as
/// "golden <command>: <error>" and a pointer to `golden <command> --help`.
std::optional<int> ParseCommandLine(CLI::App* app, std::span<const std::string> args,
                                    std::string_view command);

/// The environment variable `name`, or nullopt when unset.
std::optional<std::string> Env(const char* name);

/// GOVERN_STRICT, the runbook's switch for strict mode: true/1 or false/0/empty
/// (case-insensitive); anything else is an error.
Result<bool> GovernStrict();

/// The system clock, or a fixed one when SOURCE_DATE_EPOCH (reproducible-builds.org) is set.
Result<std::unique_ptr<Clock>> MakeClock();

/// The working directory.
Result<fs::path> WorkingDirectory();

/// The governance root (portfolio/root.h): $GOLDEN_PATH_ROOT, then above `target` (when
/// given), the working directory and the golden binary.
Result<fs::path> LocateRoot(const std::optional<fs::path>& target, const fs::path& cwd);

/// The metadata schema: `explicit_file` when given (it must load), else the root's default
/// when it exists, else null with `*notice` saying that metadata is not validated.
Result<std::shared_ptr<const portfolio::MetadataSchema>> LoadSchema(
    const std::optional<fs::path>& root, const std::optional<fs::path>& explicit_file,
    std::string* notice);

}  // namespace golden::cli
