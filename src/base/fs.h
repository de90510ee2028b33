#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace golden {

namespace fs = std::filesystem;

/// Files larger than this are never loaded whole by default (they are listed, not read).
inline constexpr uint64_t kDefaultMaxFileBytes = 16ull << 20;

/// An open file descriptor, closed when destroyed.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd() { reset(); }
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) reset(other.release());
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;

  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  void reset(int fd = -1);

 private:
  int fd_ = -1;
};

/// Reads a regular file whole. Fails with kNotFound, kIoError (including "is a directory"),
/// or kLimitExceeded when the file is larger than `max_bytes`.
Result<std::string> ReadFile(const fs::path& path, uint64_t max_bytes = kDefaultMaxFileBytes);

/// ReadFile of `rel`, relative to the open folder `dir_fd` (the kernel resolves only `rel`,
/// not the whole path again); messages name `shown`. A symlink as the last component is not
/// followed (an error). For files known to be regular (a scan listed them): a file under 64 KB
/// is read in one read, its end being where the read came short.
Result<std::string> ReadFileAt(int dir_fd, const std::string& rel, const fs::path& shown,
                               uint64_t max_bytes = kDefaultMaxFileBytes);

/// Writes `content` to `path` so that readers see either the old file or the new one, never
/// a half-written file: a temporary file in the same folder, fsync, rename, fsync of the folder.
/// When `path` exists and is not a regular file (a pipe, /dev/null, a terminal) the content is
/// written to it directly, as a shell redirection would.
Status WriteFileAtomic(const fs::path& path, std::string_view content);

/// Like WriteFileAtomic, but never replaces an existing file: returns false (and writes
/// nothing) when `path` already exists, even when another process creates it at the same
/// moment. For files whose names must be unique, such as timestamped checkpoints.
Result<bool> WriteNewFileAtomic(const fs::path& path, std::string_view content);

/// Renames `from` to `to` (same file system) unless `to` exists: returns false then, and
/// nothing moves. The folders are synced, so the move survives a crash.
Result<bool> RenameNoReplace(const fs::path& from, const fs::path& to);

/// Makes `path` another name (a hard link) of the existing file `target`, replacing `path`
/// atomically as WriteFileAtomic does: a temporary link beside it, rename, fsync of the folder.
/// On failure (no hard links on this file system, `target` gone, ...) nothing changes, and the
/// caller may write a copy instead.
Status ReplaceWithLink(const fs::path& target, const fs::path& path);

/// Appends `content` to `path` (created when missing) with O_APPEND, as a shell's `>>` does:
/// for files that several writers share, such as $GITHUB_OUTPUT.
Status AppendToFile(const fs::path& path, std::string_view content);

/// One entry of a folder listing.
struct DirEntry {
  std::string name;                             ///< the raw file name (bytes as on disk)
  fs::file_type type = fs::file_type::unknown;  ///< of the entry itself (symlinks not followed)
  bool is_dir = false;                          ///< true for a folder, or a symlink to one
};

/// Lists a folder, sorted by name (byte order). Hidden entries (name starting with '.') are
/// included; callers filter.
Result<std::vector<DirEntry>> ListDir(const fs::path& dir);

/// The path as UTF-8 for messages and reports: bytes that are not valid UTF-8 are shown as
/// \xNN escapes, so a non-UTF-8 file name never produces invalid output.
std::string DisplayPath(const fs::path& path);

/// `path` relative to `base` when it lies below it, otherwise `path` unchanged; uses '/'.
std::string RelativePath(const fs::path& path, const fs::path& base);

/// Describes an errno value ("Permission denied").
std::string ErrnoMessage(int err);

}  // namespace golden
