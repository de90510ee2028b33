#include "checkpoint/git_index.h"

#include <git2.h>
#include <sys/stat.h>

#include <string>

#include "base/fs.h"
#include "base/strings.h"

namespace golden::checkpoint {

namespace {

int64_t Ns(int64_t sec, int64_t nsec) { return sec * 1'000'000'000 + nsec; }

int64_t Ns(const git_index_time& t) { return Ns(t.seconds, t.nanoseconds); }

// The git dir of a checkout: `.git` itself, or where a `.git` file ("gitdir: <path>") points.
std::optional<fs::path> GitDir(const fs::path& repo_dir) {
  fs::path dot_git = repo_dir / ".git";
  struct stat st;
  if (::lstat(dot_git.c_str(), &st) != 0) return std::nullopt;
  if (S_ISDIR(st.st_mode)) return dot_git;
  if (!S_ISREG(st.st_mode)) return std::nullopt;
  auto text = ReadFile(dot_git, 4096);
  if (!text.ok()) return std::nullopt;
  std::string_view line = TrimSpace(*text);
  constexpr std::string_view kPrefix = "gitdir:";
  if (line.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  fs::path target(std::string(TrimSpace(line.substr(kPrefix.size()))));
  return target.is_absolute() ? target : repo_dir / target;
}

}  // namespace

GitLibrary::GitLibrary() { git_libgit2_init(); }

GitLibrary::~GitLibrary() { git_libgit2_shutdown(); }

GitIndex::GitIndex(git_index* index, fs::path repo_dir, int64_t index_mtime_ns)
    : index_(index), repo_dir_(std::move(repo_dir)), index_mtime_ns_(index_mtime_ns) {}

GitIndex::~GitIndex() { git_index_free(index_); }

std::unique_ptr<GitIndex> GitIndex::Open(const GitLibrary&, const fs::path& repo_dir) {
  std::optional<fs::path> git_dir = GitDir(repo_dir);
  if (!git_dir) return nullptr;
  fs::path index_path = *git_dir / "index";
  struct stat st;
  if (::stat(index_path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return nullptr;
  git_index* index = nullptr;
  if (git_index_open(&index, index_path.c_str()) != 0) return nullptr;
  // Entries written in the same instant as (or after) the index itself may hide a change
  // made in that instant; git re-reads those, and so do we.
  int64_t mtime = Ns(st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  return std::unique_ptr<GitIndex>(new GitIndex(index, repo_dir, mtime));
}

std::optional<std::string> GitIndex::CleanBlobId(std::string_view rel) const {
  std::string path(rel);
  const git_index_entry* e = git_index_get_bypath(index_, path.c_str(), 0);
  if (e == nullptr) return std::nullopt;
  if ((e->flags_extended & (GIT_INDEX_ENTRY_INTENT_TO_ADD | GIT_INDEX_ENTRY_SKIP_WORKTREE)) != 0) {
    return std::nullopt;
  }
  // Regular files only (100644 / 100755): a symlink's blob is its target's name, and
  // gitlinks (submodules) have no content here.
  if ((e->mode & 0170000) != 0100000) return std::nullopt;
  if (Ns(e->mtime) >= index_mtime_ns_) return std::nullopt;  // racily clean
  struct stat st;
  fs::path file = repo_dir_ / path;
  if (::lstat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  // git keeps 32 bits of sizes, inodes and ids; compare them the way it stored them.
  bool clean = e->file_size == static_cast<uint32_t>(st.st_size) &&
               Ns(e->mtime) == Ns(st.st_mtim.tv_sec, st.st_mtim.tv_nsec) &&
               Ns(e->ctime) == Ns(st.st_ctim.tv_sec, st.st_ctim.tv_nsec) &&
               e->ino == static_cast<uint32_t>(st.st_ino) &&
               e->uid == static_cast<uint32_t>(st.st_uid) &&
               e->gid == static_cast<uint32_t>(st.st_gid);
  if (!clean) return std::nullopt;
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &e->id);
  return std::string(hex);
}

}  // namespace golden::checkpoint
