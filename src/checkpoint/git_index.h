#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct git_index;

namespace golden::checkpoint {

namespace fs = std::filesystem;

/// libgit2 initialised for as long as the object lives (libgit2 needs a process-wide
/// git_libgit2_init before any call; the count is its own, thread-safe). A run creates one and
/// passes it to GitIndex::Open, so nothing global is left behind.
class GitLibrary {
 public:
  GitLibrary();
  ~GitLibrary();
  GitLibrary(const GitLibrary&) = delete;
  GitLibrary& operator=(const GitLibrary&) = delete;
};

/// The index (staging area) of one git checkout, read without opening the repository (no
/// config, no object database): only what is needed to learn a file's blob id without reading
/// the file.
class GitIndex {
 public:
  /// Opens the index of the checkout at `repo_dir`: `.git/index`, or the index of the git dir
  /// a `.git` file points to (worktrees, submodules). nullptr when `repo_dir` is not a git
  /// checkout or its index cannot be read (a format libgit2 does not know, a split index, ...):
  /// callers then read the files, so this is only ever a shortcut.
  static std::unique_ptr<GitIndex> Open(const GitLibrary& library, const fs::path& repo_dir);
  ~GitIndex();
  GitIndex(const GitIndex&) = delete;
  GitIndex& operator=(const GitIndex&) = delete;

  /// The blob id (40 hex digits) the index records for the regular file `rel`, when the file in
  /// the working tree provably still has the content git recorded: an ordinary stage-0 entry
  /// whose stat data (size, mtime and ctime to the nanosecond, inode, owner) equals the file's,
  /// and which is not "racily clean" (modified in the same instant the index was written: git's
  /// own rule). nullopt otherwise: modified but not staged, staged conflicts, intent-to-add,
  /// skip-worktree, symlinks, files git does not track.
  std::optional<std::string> CleanBlobId(std::string_view rel) const;

 private:
  GitIndex(git_index* index, fs::path repo_dir, int64_t index_mtime_ns);
  git_index* index_;
  fs::path repo_dir_;
  int64_t index_mtime_ns_;
};

}  // namespace golden::checkpoint
