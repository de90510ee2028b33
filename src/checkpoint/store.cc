#include "checkpoint/store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "base/fs.h"

namespace golden::checkpoint {

namespace {

constexpr std::string_view kCheckpointPrefix = "checkpoint-";
constexpr std::string_view kDriftPrefix = "drift-";
constexpr std::string_view kJson = ".json";

bool Exists(const fs::path& p) {
  struct stat st;
  return ::lstat(p.c_str(), &st) == 0;
}

Status MakeDirs(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return IoError("cannot create " + DisplayPath(dir) + ": " + ec.message());
  return Status::Ok();
}

}  // namespace

std::optional<StoredFile> ClassifyName(std::string_view name) {
  if (name.size() <= kJson.size() || name.substr(name.size() - kJson.size()) != kJson) {
    return std::nullopt;
  }
  std::string_view base = name.substr(0, name.size() - kJson.size());
  StoredFile f;
  if (base.substr(0, kCheckpointPrefix.size()) == kCheckpointPrefix) {
    f.kind = StoredFile::Kind::kCheckpoint;
    base.remove_prefix(kCheckpointPrefix.size());
  } else if (base.substr(0, kDriftPrefix.size()) == kDriftPrefix) {
    f.kind = StoredFile::Kind::kDrift;
    base.remove_prefix(kDriftPrefix.size());
  } else {
    return std::nullopt;
  }
  std::optional<Stamp> stamp = ParseStamp(base);
  if (!stamp) return std::nullopt;
  f.stamp = *stamp;
  f.name = std::string(name);
  return f;
}

std::string CheckpointName(const Stamp& stamp) {
  return std::string(kCheckpointPrefix) + stamp.ToString() + std::string(kJson);
}

std::string DriftName(const Stamp& stamp) {
  return std::string(kDriftPrefix) + stamp.ToString() + std::string(kJson);
}

Result<std::vector<StoredFile>> CheckpointDir::List(bool archived) const {
  fs::path dir = archived ? archive() : dir_;
  auto entries = ListDir(dir);
  if (!entries.ok()) {
    if (entries.status().code() == StatusCode::kNotFound) return std::vector<StoredFile>{};
    return entries.status();
  }
  std::vector<StoredFile> out;
  for (const DirEntry& e : *entries) {
    if (e.type != fs::file_type::regular) continue;
    if (std::optional<StoredFile> f = ClassifyName(e.name)) {
      f->path = dir / e.name;
      out.push_back(std::move(*f));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const StoredFile& a, const StoredFile& b) {
    if (a.stamp != b.stamp) return a.stamp < b.stamp;
    return a.kind < b.kind;
  });
  return out;
}

Result<std::optional<fs::path>> CheckpointDir::Previous() const {
  if (Exists(latest())) return std::optional<fs::path>(latest());
  GOLDEN_ASSIGN_OR_RETURN(std::vector<StoredFile> files, List());
  for (auto it = files.rbegin(); it != files.rend(); ++it) {
    if (it->kind == StoredFile::Kind::kCheckpoint) return std::optional<fs::path>(it->path);
  }
  return std::optional<fs::path>();
}

Result<std::unique_ptr<CheckpointDir::Lock>> CheckpointDir::Acquire() const {
  GOLDEN_RETURN_IF_ERROR(MakeDirs(dir_));
  UniqueFd fd(::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd) return IoError("cannot open " + DisplayPath(dir_) + ": " + ErrnoMessage(errno));
  while (::flock(fd.get(), LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    return IoError("cannot lock " + DisplayPath(dir_) + ": " + ErrnoMessage(errno));
  }
  return std::make_unique<Lock>(std::move(fd));
}

size_t CheckpointDir::RemoveStaleTemporaries() const {
  auto entries = ListDir(dir_);
  if (!entries.ok()) return 0;
  size_t removed = 0;
  for (const DirEntry& e : *entries) {
    // ".<name>.<8 hex digits>.tmp", where <name> is one of ours.
    std::string_view n = e.name;
    constexpr std::string_view kTmp = ".tmp";
    if (e.type != fs::file_type::regular || n.size() < 1 + 9 + kTmp.size() || n[0] != '.' ||
        n.substr(n.size() - kTmp.size()) != kTmp) {
      continue;
    }
    std::string_view hex = n.substr(n.size() - kTmp.size() - 8, 8);
    std::string_view name = n.substr(1, n.size() - 1 - 9 - kTmp.size());
    if (n[n.size() - kTmp.size() - 9] != '.' ||
        hex.find_first_not_of("0123456789abcdef") != std::string_view::npos) {
      continue;
    }
    if (name != kLatestFile && !ClassifyName(name)) continue;
    if (::unlink((dir_ / e.name).c_str()) == 0) ++removed;
  }
  return removed;
}

Result<Stamp> CheckpointDir::WriteCheckpoint(Stamp stamp, std::string_view content) const {
  GOLDEN_RETURN_IF_ERROR(MakeDirs(dir_));
  for (int attempt = 0; attempt < 10000; ++attempt, stamp = stamp.Next()) {
    // A stamp is used once: skip it when its drift file or an archived copy exists too.
    if (Exists(dir_ / DriftName(stamp)) || Exists(archive() / CheckpointName(stamp)) ||
        Exists(archive() / DriftName(stamp))) {
      continue;
    }
    GOLDEN_ASSIGN_OR_RETURN(bool written,
                            WriteNewFileAtomic(dir_ / CheckpointName(stamp), content));
    if (written) return stamp;
  }
  return IoError("cannot find a free checkpoint name in " + DisplayPath(dir_));
}

Status CheckpointDir::WriteDrift(const Stamp& stamp, std::string_view content) const {
  fs::path path = dir_ / DriftName(stamp);
  GOLDEN_ASSIGN_OR_RETURN(bool written, WriteNewFileAtomic(path, content));
  if (!written) return IoError("cannot write " + DisplayPath(path) + ": it already exists");
  return Status::Ok();
}

Status CheckpointDir::WriteLatest(const Stamp& stamp, std::string_view content) const {
  // Whatever keeps the link from being made (no hard links on this file system, the stamped
  // file gone), a copy does the same job.
  if (ReplaceWithLink(dir_ / CheckpointName(stamp), latest()).ok()) return Status::Ok();
  return WriteFileAtomic(latest(), content);
}

Status CheckpointDir::Archive(const fs::path& file, std::string_view name_in_archive) const {
  GOLDEN_RETURN_IF_ERROR(MakeDirs(archive()));
  fs::path target = archive() / std::string(name_in_archive);
  GOLDEN_ASSIGN_OR_RETURN(bool moved, RenameNoReplace(file, target));
  if (!moved) {
    return IoError("cannot archive " + DisplayPath(file) + ": " + DisplayPath(target) +
                   " already exists");
  }
  return Status::Ok();
}

}  // namespace golden::checkpoint
