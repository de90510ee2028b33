#include "scaffold/scaffold.h"

#include <system_error>

#include "base/fs.h"

namespace golden::scaffold {

namespace fs = std::filesystem;

namespace {

// The limit for reading back a file that exists, to compare it with the scaffold's version.
constexpr uint64_t kMaxCompareBytes = 16 << 20;

Result<Outcome> WriteOne(const fs::path& file, std::string_view content, bool force) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec) {
    return IoError("cannot create the folder " + DisplayPath(file.parent_path()) + ": " +
                   ec.message());
  }
  fs::file_status st = fs::symlink_status(file, ec);
  if (fs::exists(st)) {
    if (fs::is_directory(st)) return IoError(DisplayPath(file) + " is a folder");
    auto existing = ReadFile(file, kMaxCompareBytes);
    if (existing.ok() && *existing == content) return Outcome::kSame;
    if (!force) return Outcome::kKept;
    GOLDEN_RETURN_IF_ERROR(WriteFileAtomic(file, content));
    return Outcome::kReplaced;
  }
  // Created only if still absent: a file another process wrote meanwhile is the user's.
  GOLDEN_ASSIGN_OR_RETURN(bool created, WriteNewFileAtomic(file, content));
  if (created) return Outcome::kCreated;
  if (!force) return Outcome::kKept;
  GOLDEN_RETURN_IF_ERROR(WriteFileAtomic(file, content));
  return Outcome::kReplaced;
}

}  // namespace

Result<std::vector<Written>> Scaffold(const fs::path& root, std::span<const EmbeddedFile> files,
                                      bool force) {
  std::vector<Written> out;
  for (const EmbeddedFile& f : files) {
    GOLDEN_ASSIGN_OR_RETURN(Outcome outcome, WriteOne(root / fs::path(f.path), f.content, force));
    out.push_back(Written{std::string(f.path), outcome});
  }
  return out;
}

std::string_view OutcomeText(Outcome outcome) {
  switch (outcome) {
    case Outcome::kCreated:
      return "created";
    case Outcome::kReplaced:
      return "replaced";
    case Outcome::kKept:
      return "kept";
    case Outcome::kSame:
      return "unchanged";
  }
  return "created";
}

}  // namespace golden::scaffold
