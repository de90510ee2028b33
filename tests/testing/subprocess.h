#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace golden::testing {

/// What a finished child process left behind.
struct ProcessResult {
  int exit_code = -1;  ///< the exit status, or 128 + signal number when killed by a signal
  std::string out;     ///< everything it wrote to stdout
  std::string err;     ///< everything it wrote to stderr
};

/// Runs `argv` (argv[0] is a path, no PATH search) in `cwd` with exactly the environment
/// `env` (nothing inherited), stdin closed, and collects its output. Fails the test (and
/// returns exit_code -1) when the process cannot be started.
ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env,
                         const std::filesystem::path& cwd);

/// The `golden` binary built with the tests (from the GOLDEN_BINARY compile definition, or
/// the environment variable of that name).
std::filesystem::path GoldenBinary();

}  // namespace golden::testing
