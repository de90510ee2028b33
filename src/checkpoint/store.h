#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/fs.h"
#include "base/status.h"
#include "checkpoint/stamp.h"

namespace golden::checkpoint {

namespace fs = std::filesystem;

/// Where checkpoints live, relative to the governance root.
inline constexpr std::string_view kCheckpointsDir = ".metaHub/checkpoints";
/// The last completed checkpoint: another name (a hard link, or a copy where the file system
/// has none) of the newest `checkpoint-<stamp>.json`, replaced last in every run (so a run
/// killed at any moment leaves the previous one in place).
inline constexpr std::string_view kLatestFile = "checkpoint-latest.json";
/// Inside the checkpoints folder: where `archive` and `reset-baseline` move old files.
inline constexpr std::string_view kArchiveDir = "archive";

/// A file of the checkpoints folder that carries a stamp.
struct StoredFile {
  enum class Kind { kCheckpoint, kDrift };
  Kind kind = Kind::kCheckpoint;
  Stamp stamp;
  std::string name;
  fs::path path;
};

/// `checkpoint-<stamp>.json` or `drift-<stamp>.json` (either stamp form); nullopt for anything
/// else, `checkpoint-latest.json` included.
std::optional<StoredFile> ClassifyName(std::string_view name);

std::string CheckpointName(const Stamp& stamp);
std::string DriftName(const Stamp& stamp);

/// The checkpoints folder. Every write is atomic (a temporary file, fsync, rename), stamped
/// files are never replaced, and moves never overwrite.
class CheckpointDir {
 public:
  explicit CheckpointDir(fs::path dir) : dir_(std::move(dir)) {}

  const fs::path& path() const { return dir_; }
  fs::path latest() const { return dir_ / kLatestFile; }
  fs::path archive() const { return dir_ / kArchiveDir; }

  /// The stamped files of the folder (or of archive/), by stamp, checkpoints before drift
  /// files of the same stamp. A missing folder has none.
  Result<std::vector<StoredFile>> List(bool archived = false) const;

  /// The checkpoint a new run compares with: checkpoint-latest.json when it exists (the last
  /// run that finished); otherwise the newest stamped checkpoint by its stamp (never by name);
  /// nullopt when there is none. Whether it can be read is the caller's business: a file that
  /// exists is returned, never skipped.
  Result<std::optional<fs::path>> Previous() const;

  /// Holds an exclusive lock on the folder (flock) until destroyed, so that two runs at once
  /// take turns instead of interleaving. Creates the folder.
  class Lock {
   public:
    explicit Lock(UniqueFd fd) : fd_(std::move(fd)) {}

   private:
    UniqueFd fd_;  // closing it releases the flock
  };
  Result<std::unique_ptr<Lock>> Acquire() const;

  /// Removes the temporary files a killed run left behind (".<name>.<8 hex>.tmp", see
  /// WriteFileAtomic). Only call with the lock held: then no other run is writing. Returns how
  /// many it removed.
  size_t RemoveStaleTemporaries() const;

  /// Writes `checkpoint-<stamp>.json`, moving on to the stamp's Next() while that name (or its
  /// drift file) is taken, here or in archive/. Returns the stamp written.
  Result<Stamp> WriteCheckpoint(Stamp stamp, std::string_view content) const;
  /// Writes `drift-<stamp>.json` (a new file).
  Status WriteDrift(const Stamp& stamp, std::string_view content) const;
  /// Replaces checkpoint-latest.json with the checkpoint of `stamp`, which holds `content`:
  /// a hard link to it (no second copy of a large file to write and sync), or a copy where
  /// the file system has no hard links.
  Status WriteLatest(const Stamp& stamp, std::string_view content) const;
  /// Moves `file` into archive/ (created when needed); fails rather than replace a file there.
  Status Archive(const fs::path& file, std::string_view name_in_archive) const;

 private:
  fs::path dir_;
};

}  // namespace golden::checkpoint
