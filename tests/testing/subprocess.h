#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
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

/// A child process that runs while the test watches it (for tests that kill a run part-way).
/// Its stdout goes to /dev/null and its stderr is collected. Killed and reaped on destruction.
class ChildProcess {
 public:
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  /// Reads the child's stderr until it contains `text` (true), or the child closes it or
  /// `timeout` passes (false).
  bool WaitForStderr(std::string_view text, std::chrono::milliseconds timeout);
  /// Sends `signal` (e.g. SIGKILL).
  void Kill(int signal);
  /// Waits for the child to end: its exit status, or 128 + signal number.
  int Wait();
  /// Everything read from stderr so far.
  const std::string& err() const { return err_; }

 private:
  friend std::unique_ptr<ChildProcess> StartProcess(const std::vector<std::string>&,
                                                    const std::map<std::string, std::string>&,
                                                    const std::filesystem::path&);
  ChildProcess(int pid, int err_fd) : pid_(pid), err_fd_(err_fd) {}
  int pid_;
  int err_fd_;
  bool reaped_ = false;
  int status_ = -1;
  std::string err_;
};

/// Starts `argv` as RunProcess does, without waiting for it. Null (and a test failure) when it
/// cannot be started.
std::unique_ptr<ChildProcess> StartProcess(const std::vector<std::string>& argv,
                                           const std::map<std::string, std::string>& env,
                                           const std::filesystem::path& cwd);

/// The `golden` binary built with the tests (from the GOLDEN_BINARY compile definition, or
/// the environment variable of that name).
std::filesystem::path GoldenBinary();

}  // namespace golden::testing
