#pragma once

// Helpers for the compiler pass tests: compile module texts and look at the rewritten rules
// (compile/dump.h) or at the errors.

#include <string>
#include <vector>

namespace golden::rego::compile::testing {

struct Compiled {
  bool ok = false;
  std::string dump;                 ///< DumpModules of the result (when ok)
  std::vector<std::string> errors;  ///< "line:col: code: message"
};

/// Parses (v1, or v0 when `v0`) and compiles the modules, named m0.rego, m1.rego, ...
Compiled CompileText(const std::vector<std::string>& modules, bool v0 = false);

/// The dump of a query compiled against the modules (`query` on one line per expression),
/// or the errors.
Compiled CompileQueryText(const std::vector<std::string>& modules, const std::string& query);

}  // namespace golden::rego::compile::testing
