#pragma once

#include <span>
#include <string>

namespace golden::cli {

/// Standard streams of one `golden eval` run (so tests can run it in-process).
struct EvalStreams {
  std::string stdin_text;  ///< read by --stdin-input
  std::string out;         ///< what goes to standard output
  std::string err;         ///< standard error (print() output, usage errors)
};

/// `golden eval [flags] QUERY`, compatible with `opa eval`. Returns the exit code.
int RunEvalWith(std::span<const std::string> args, EvalStreams* io);

}  // namespace golden::cli
