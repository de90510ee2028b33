#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/fs.h"
#include "base/status.h"

namespace golden::portfolio {

namespace fs = std::filesystem;

/// What an inventory entry is. For a symbolic link, the kind of what it points to
/// (kOther when the link is broken or loops); links are recorded, never followed by the scan.
enum class EntryKind : uint8_t { kFile, kDir, kOther };

/// One file or folder of a repository.
struct FileEntry {
  /// Relative to the repository, '/'-separated, raw bytes as on disk (use DisplayPath or
  /// EscapeInvalidUtf8 before printing).
  std::string path;
  /// Bytes, for files (of the link target for symlinks to files); 0 for folders.
  uint64_t size = 0;
  EntryKind kind = EntryKind::kOther;
  bool symlink = false;
};

/// A part of a repository the scan could not read.
struct ScanProblem {
  std::string path;     ///< relative folder ("" for the repository itself), raw bytes
  std::string message;  ///< e.g. "Permission denied"
};

/// Everything below a repository folder, listed once: `.git` excluded, symlinks recorded but
/// not followed, every entry sorted by path (byte order). Checks, the catalog, checkpoints
/// and policy input all read this instead of walking the tree again.
struct RepoInventory {
  std::vector<FileEntry> entries;
  std::vector<ScanProblem> problems;

  /// The entry at `rel` ("a/b"), or nullptr.
  const FileEntry* Find(std::string_view rel) const;
  /// True when `rel` is a file (or a symlink to one).
  bool IsFile(std::string_view rel) const;
  /// True when `rel` is a folder (or a symlink to one).
  bool IsDir(std::string_view rel) const;
  /// Every entry below folder `dir` ("" = the whole repository), at any depth.
  std::span<const FileEntry> Below(std::string_view dir) const;
  /// The entries directly inside folder `dir`.
  std::vector<const FileEntry*> Children(std::string_view dir) const;
};

/// Limits that keep a hostile repository from exhausting memory.
struct ScanOptions {
  /// Stat files for their size. Costs one system call per file.
  bool sizes = true;
  /// Entries per repository before the scan stops (a problem is recorded).
  size_t max_entries = 1'000'000;
  /// Folder nesting below the repository before the scan stops descending.
  int max_depth = 128;
};

/// Lists `repo_dir`. Fails only when `repo_dir` itself cannot be listed; unreadable
/// sub-folders become ScanProblems. With `dir_fd`, hands over the open repository folder, for
/// ReadRepoFile.
Result<RepoInventory> ScanRepo(const fs::path& repo_dir, const ScanOptions& options = {},
                               UniqueFd* dir_fd = nullptr);

/// The last path component of an inventory path.
std::string_view BaseName(std::string_view rel);

/// Reads the inventory file `rel` of the repository at `repo_dir`, at most `max_bytes`.
/// A symlink is read only when it resolves to a file inside the repository; loops, broken
/// links, links out of the repository, folders and files over the limit are errors whose
/// message names the problem ("is a directory", "symbolic link loop", ...).
/// `dir_fd`, when not -1, is `repo_dir` open (ScanRepo): files are opened relative to it.
Result<std::string> ReadRepoFile(const fs::path& repo_dir, const RepoInventory& inventory,
                                 std::string_view rel, uint64_t max_bytes, int dir_fd = -1);

}  // namespace golden::portfolio
