#pragma once

// `golden init`: writes a new governance root (schema, policies, waivers, organizations/,
// GitHub workflows) without ever replacing a file the user has, unless asked to.

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "base/status.h"
#include "scaffold/embedded.h"

namespace golden::scaffold {

/// What happened to one file of the scaffold.
enum class Outcome {
  kCreated,   ///< it did not exist and was written
  kReplaced,  ///< it existed and was replaced (force)
  kKept,      ///< it existed and was left alone (no force)
  kSame,      ///< it existed with exactly the scaffold's content
};

/// One line of what `golden init` did.
struct Written {
  std::string path;  ///< relative to the root, as in EmbeddedFile::path
  Outcome outcome;
};

/// Writes `files` below `root` (created when missing, with every folder a file needs). A file
/// that exists is kept unless `force`; one that already has the scaffold's content is left
/// alone either way. Every write is atomic and a file that appears while init runs is never
/// replaced without `force`. Stops at the first error (a folder that cannot be created, a
/// path that is a folder), saying which path; what was written before stays written.
Result<std::vector<Written>> Scaffold(const std::filesystem::path& root,
                                      std::span<const EmbeddedFile> files, bool force);

/// "created", "replaced", "kept", "unchanged".
std::string_view OutcomeText(Outcome outcome);

}  // namespace golden::scaffold
