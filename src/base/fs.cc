#include "base/fs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>

#include "base/strings.h"

namespace golden {

std::string ErrnoMessage(int err) { return std::strerror(err); }

void UniqueFd::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

std::string DisplayPath(const fs::path& path) { return EscapeInvalidUtf8(path.native()); }

std::string RelativePath(const fs::path& path, const fs::path& base) {
  const std::string& p = path.native();
  std::string b = base.native();
  while (b.size() > 1 && b.back() == '/') b.pop_back();
  if (b == ".") return p;
  if (p.size() > b.size() && p.compare(0, b.size(), b) == 0 && p[b.size()] == '/') {
    return p.substr(b.size() + 1);
  }
  if (p == b) return ".";
  return p;
}

namespace {

Status WriteAll(int fd, std::string_view content, const fs::path& path) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoError("cannot write " + DisplayPath(path) + ": " + ErrnoMessage(errno));
    }
    content.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

// ReadFile once the file is open (or not: `fd` holds -1 and errno says why).
Result<std::string> ReadOpenFile(UniqueFd fd, const fs::path& path, uint64_t max_bytes) {
  if (fd.get() < 0) {
    int err = errno;
    std::string msg = "cannot read " + DisplayPath(path) + ": " + ErrnoMessage(err);
    return Status(err == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError, msg);
  }
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) {
    return IoError("cannot stat " + DisplayPath(path) + ": " + ErrnoMessage(errno));
  }
  if (S_ISDIR(st.st_mode)) return IoError("cannot read " + DisplayPath(path) + ": is a directory");
  if (!S_ISREG(st.st_mode)) {
    return IoError("cannot read " + DisplayPath(path) + ": not a regular file");
  }
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    return LimitExceeded(DisplayPath(path) + " is too large (" + std::to_string(st.st_size) +
                         " bytes; the limit is " + std::to_string(max_bytes) + ")");
  }
  std::string out;
  out.resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  while (got < out.size()) {
    ssize_t n = ::read(fd.get(), out.data() + got, out.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoError("cannot read " + DisplayPath(path) + ": " + ErrnoMessage(errno));
    }
    if (n == 0) break;  // the file shrank while we read it
    got += static_cast<size_t>(n);
  }
  out.resize(got);
  return out;
}

}  // namespace

Result<std::string> ReadFile(const fs::path& path, uint64_t max_bytes) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  return ReadOpenFile(std::move(fd), path, max_bytes);
}

Result<std::string> ReadFileAt(int dir_fd, const std::string& rel, const fs::path& shown,
                               uint64_t max_bytes) {
  UniqueFd fd(::openat(dir_fd, rel.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW));
  if (fd.get() < 0) return ReadOpenFile(std::move(fd), shown, max_bytes);  // says why
  // The usual small file in one read, without fstat: a short read of a regular file is its
  // end. A portfolio scan reads tens of thousands of files; this spares a system call in four.
  constexpr size_t kOneRead = 64 << 10;
  static thread_local char buffer[kOneRead];
  ssize_t n;
  do {
    n = ::read(fd.get(), buffer, kOneRead);
  } while (n < 0 && errno == EINTR);
  if (n >= 0 && static_cast<size_t>(n) < kOneRead && static_cast<uint64_t>(n) <= max_bytes) {
    return std::string(buffer, static_cast<size_t>(n));
  }
  // A larger file, a limit to report, or a read error (a directory): from the start, as ReadFile.
  if (::lseek(fd.get(), 0, SEEK_SET) != 0) {
    return IoError("cannot read " + DisplayPath(shown) + ": " + ErrnoMessage(errno));
  }
  return ReadOpenFile(std::move(fd), shown, max_bytes);
}

namespace {

// A fresh name for a temporary file beside `path`: ".<name>.<8 hex digits>.tmp".
fs::path TempName(const fs::path& path, std::random_device& rd) {
  fs::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  char suffix[32];
  std::snprintf(suffix, sizeof suffix, ".%08x.tmp", rd());
  return dir / ("." + path.filename().native() + suffix);
}

// Writes `content` to a fresh temporary file beside `path` and flushes it to disk. On success
// `*tmp` names the file, which the caller renames into place (or removes).
Status WriteTemp(const fs::path& path, std::string_view content, fs::path* tmp) {
  std::random_device rd;
  int raw = -1;
  for (int attempt = 0; attempt < 16 && raw < 0; ++attempt) {
    *tmp = TempName(path, rd);
    raw = ::open(tmp->c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (raw < 0 && errno != EEXIST) break;
  }
  if (raw < 0) {
    return IoError("cannot write " + DisplayPath(path) + ": " + ErrnoMessage(errno));
  }
  UniqueFd fd(raw);
  Status st = WriteAll(fd.get(), content, path);
  if (st.ok() && ::fsync(fd.get()) != 0) {
    st = IoError("cannot write " + DisplayPath(path) + ": " + ErrnoMessage(errno));
  }
  if (::close(fd.release()) != 0 && st.ok()) {
    st = IoError("cannot write " + DisplayPath(path) + ": " + ErrnoMessage(errno));
  }
  if (!st.ok()) ::unlink(tmp->c_str());
  return st;
}

// Makes a rename or link durable: fsync of the folder that holds `path`.
void SyncParent(const fs::path& path) {
  fs::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  UniqueFd dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dfd.get() >= 0) ::fsync(dfd.get());
}

// rename(from, to) that fails with EEXIST instead of replacing `to`. renameat2's
// RENAME_NOREPLACE where the file system has it; otherwise link + unlink, which is just as
// atomic for the name `to` (link fails when it exists).
int RenameNoReplaceRaw(const fs::path& from, const fs::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return -1;
  if (::link(from.c_str(), to.c_str()) != 0) return -1;
  ::unlink(from.c_str());
  return 0;
}

}  // namespace

Status WriteFileAtomic(const fs::path& path, std::string_view content) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) {
      return IoError("cannot write " + DisplayPath(path) + ": is a directory");
    }
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
    if (fd.get() < 0) {
      return IoError("cannot write " + DisplayPath(path) + ": " + ErrnoMessage(errno));
    }
    return WriteAll(fd.get(), content, path);
  }
  fs::path tmp;
  GOLDEN_RETURN_IF_ERROR(WriteTemp(path, content, &tmp));
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return IoError("cannot write " + DisplayPath(path) + ": " + ErrnoMessage(err));
  }
  SyncParent(path);
  return Status::Ok();
}

Result<bool> WriteNewFileAtomic(const fs::path& path, std::string_view content) {
  fs::path tmp;
  GOLDEN_RETURN_IF_ERROR(WriteTemp(path, content, &tmp));
  if (RenameNoReplaceRaw(tmp, path) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    if (err == EEXIST) return false;
    return IoError("cannot write " + DisplayPath(path) + ": " + ErrnoMessage(err));
  }
  SyncParent(path);
  return true;
}

Result<bool> RenameNoReplace(const fs::path& from, const fs::path& to) {
  if (RenameNoReplaceRaw(from, to) != 0) {
    int err = errno;
    if (err == EEXIST) return false;
    return IoError("cannot move " + DisplayPath(from) + " to " + DisplayPath(to) + ": " +
                   ErrnoMessage(err));
  }
  SyncParent(to);
  if (from.parent_path() != to.parent_path()) SyncParent(from);
  return true;
}

Status ReplaceWithLink(const fs::path& target, const fs::path& path) {
  std::random_device rd;
  fs::path tmp;
  int linked = -1;
  for (int attempt = 0; attempt < 16 && linked != 0; ++attempt) {
    tmp = TempName(path, rd);
    linked = ::link(target.c_str(), tmp.c_str());
    if (linked != 0 && errno != EEXIST) break;
  }
  if (linked != 0) {
    return IoError("cannot link " + DisplayPath(path) + " to " + DisplayPath(target) + ": " +
                   ErrnoMessage(errno));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return IoError("cannot write " + DisplayPath(path) + ": " + ErrnoMessage(err));
  }
  SyncParent(path);
  return Status::Ok();
}

Status AppendToFile(const fs::path& path, std::string_view content) {
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644));
  if (fd.get() < 0) {
    return IoError("cannot write " + DisplayPath(path) + ": " + ErrnoMessage(errno));
  }
  return WriteAll(fd.get(), content, path);
}

Result<std::vector<DirEntry>> ListDir(const fs::path& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) {
    int err = errno;
    std::string msg = "cannot list " + DisplayPath(dir) + ": " + ErrnoMessage(err);
    return Status(err == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError, msg);
  }
  std::vector<DirEntry> out;
  int fd = ::dirfd(d);
  while (struct dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    DirEntry entry;
    entry.name = std::string(name);
    unsigned char t = e->d_type;
    if (t == DT_UNKNOWN) {
      struct stat st;
      if (::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
        t = S_ISDIR(st.st_mode)   ? DT_DIR
            : S_ISREG(st.st_mode) ? DT_REG
            : S_ISLNK(st.st_mode) ? DT_LNK
                                  : DT_UNKNOWN;
      }
    }
    switch (t) {
      case DT_DIR:
        entry.type = fs::file_type::directory;
        entry.is_dir = true;
        break;
      case DT_REG:
        entry.type = fs::file_type::regular;
        break;
      case DT_LNK: {
        entry.type = fs::file_type::symlink;
        struct stat st;
        entry.is_dir = ::fstatat(fd, e->d_name, &st, 0) == 0 && S_ISDIR(st.st_mode);
        break;
      }
      default:
        entry.type = fs::file_type::unknown;
        break;
    }
    out.push_back(std::move(entry));
  }
  ::closedir(d);
  std::sort(out.begin(), out.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return out;
}

}  // namespace golden
