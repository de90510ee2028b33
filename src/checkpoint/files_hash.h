#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "checkpoint/file_set.h"
#include "checkpoint/git_index.h"
#include "checkpoint/state.h"
#include "portfolio/repo.h"

namespace golden::checkpoint {

/// A file's content hash in a checkpoint: the git blob id (SHA-1 of "blob <size>\0" followed
/// by the content, as `git hash-object` computes it) of the content with its newlines
/// normalised as the original's text-mode read did (CRLF and a lone CR both become LF). For the
/// usual file, with no CR at all, it is exactly the file's git blob id, which is what lets a
/// git checkout's index supply it without reading the file.
std::string NormalisedBlobId(std::string_view content);

/// The same, streamed from an open file: for files too large to load. Fails when the file
/// cannot be read or changes size while being read.
Result<std::string> NormalisedBlobIdOfFile(const fs::path& path);

/// A repository's `files_hash`: the first 16 hex digits of the SHA-256 of one line
/// "<path>\0<hash>\n" per file, in path order. With no files, the hash of nothing.
std::string FilesHash(const std::vector<std::pair<std::string, std::string>>& files);

/// What HashRepoFiles did, for tests and benchmarks.
struct HashCounts {
  size_t in_memory = 0;  ///< files the checks had read already (RepoSnapshot::ReadFile)
  size_t read = 0;       ///< files read and hashed
  size_t from_git = 0;   ///< hashes taken from the git index without reading the file
};

/// Where HashRepoFiles may take hashes from instead of reading files.
struct HashSources {
  /// Null disables the git shortcut.
  const GitLibrary* git = nullptr;
  /// The repository's record in the previous checkpoint (3.0, same algorithm), or null.
  const RepoRecord* previous = nullptr;
};

/// The git shortcut is tried only when at least this many files could use it (see
/// HashRepoFiles).
inline constexpr size_t kGitMinFiles = 3;

/// The `files` of a checkpoint record: every file of `snapshot` in `set`, with its hash
/// (NormalisedBlobId), in path order. A file that cannot be read (a symlink loop or one
/// pointing out of the repository, a permission error) gets "unreadable: <reason>" instead, so
/// the change is still seen; nothing is dropped (the original skipped files that were not
/// UTF-8).
///
/// Files are read through the snapshot (RepoSnapshot::ReadFile), so a file the checks read is
/// hashed from memory, never opened twice. For the others, the git shortcut, used only when the
/// repository is a git checkout and `sources.previous` recorded a hash for the file: when the index
/// entry is clean (GitIndex::CleanBlobId) and its blob id equals the recorded hash, the file still
/// has that content, and that content has no CR (its normalised blob id equalled its git blob id),
/// so the recorded hash is still right and the file is not read. Anything else (a file modified but
/// not staged, staged changes, a CRLF file, a git smudge filter) is read. The shortcut never
/// changes a result, only its cost.
std::vector<std::pair<std::string, std::string>> HashRepoFiles(
    const portfolio::RepoSnapshot& snapshot, const FileSet& set, const HashSources& sources,
    HashCounts* counts = nullptr);

}  // namespace golden::checkpoint
