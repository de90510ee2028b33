#pragma once

// The files `golden init` writes, compiled in by cmake/embed_tree.cmake (src/scaffold/
// CMakeLists.txt lists them): templates/init/**, schemas/repo-schema.json and the default
// policy pack policies/*.rego.

#include <span>
#include <string_view>

namespace golden::scaffold {

/// One file of the scaffold.
struct EmbeddedFile {
  std::string_view path;     ///< '/'-separated, relative to the governance root
  std::string_view content;  ///< the file's text, as in the source tree
};

/// Every file of the scaffold, sorted by path.
std::span<const EmbeddedFile> EmbeddedFiles();

}  // namespace golden::scaffold
