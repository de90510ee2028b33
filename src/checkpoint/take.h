#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "base/status.h"
#include "checkpoint/file_set.h"
#include "checkpoint/files_hash.h"
#include "checkpoint/state.h"
#include "portfolio/enforce.h"
#include "portfolio/target.h"

namespace golden::checkpoint {

/// How a checkpoint is taken.
struct TakeOptions {
  /// Enforcement exactly as `golden enforce` runs it (schema, strictness, threads, progress):
  /// a repository is compliant when enforce finds no violation in it.
  portfolio::EnforceOptions enforce;
  /// The files behind each repository's files_hash.
  FileSet files = FileSet::Default();
  /// The previous checkpoint, when there is one and it has been read: with `use_git`, hashes
  /// it recorded are reused for files a git index shows unchanged (files_hash.h). Called from
  /// worker threads; may return null (no previous checkpoint, or not read yet: the caller may
  /// read it while the portfolio is scanned). Never changes the result, only its cost.
  std::function<const State*()> previous;
  bool use_git = true;
  /// Recorded as `generator` ("golden 0.1.0").
  std::string generator;
};

/// Enforces every repository of `target` (a portfolio) and records the result: one record per
/// repository with enforce's verdict, counts and findings, the original's presence flags and
/// metadata fields, and the hashes of its governance files. `now_ns` becomes the timestamp.
/// Fails, naming the folder, when an organization folder cannot be listed: a checkpoint that
/// silently missed an organization would report its repositories as deleted.
Result<State> TakeCheckpoint(const portfolio::Target& target, const TakeOptions& options,
                             int64_t now_ns, HashCounts* counts = nullptr);

}  // namespace golden::checkpoint
