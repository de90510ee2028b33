#pragma once

// Loads Rego modules and data documents from files and folders the way OPA's loader does
// for `opa eval -d` / `opa test`: .rego files become modules (named by their path as
// given), .json/.yaml/.yml files are merged into the data document at the path of their
// folder below the root that was named (a file named directly goes at the root).

#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "value/value.h"

namespace golden::cli {

struct LoadedFiles {
  std::vector<std::pair<std::string, std::string>> modules;  ///< (file name, text)
  Value data = Value::EmptyObject();
};

/// One problem found while loading (unreadable file, bad JSON/YAML, merge conflict).
struct LoadError {
  std::string file;
  std::string message;
};

/// Loads every path (files or folders, recursively; files of other types inside folders are
/// ignored). Problems are appended to `errors`; loading continues with the other files.
LoadedFiles LoadPaths(const std::vector<std::string>& paths, std::vector<LoadError>* errors);

/// Parses a document as JSON, or else as YAML (OPA accepts either for input and data).
Result<Value> ParseDocument(std::string_view text, std::string_view filename);

}  // namespace golden::cli
