#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace golden::testing {

/// A fresh folder under $TMPDIR, removed (with everything in it) when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// Writes `content` to `rel` (folders created as needed); returns the full path.
  std::filesystem::path Write(std::string_view rel, std::string_view content) const;
  /// Creates the folder `rel` (and parents); returns the full path.
  std::filesystem::path Mkdir(std::string_view rel) const;

 private:
  std::filesystem::path path_;
};

/// The project's source folder (from GOLDEN_SOURCE_DIR, set by CTest).
std::filesystem::path SourceDir();

/// The shared folder beside the project (../shared), or GOLDEN_SHARED_DIR when set.
std::filesystem::path SharedDir();

/// Reads a whole file (test helper: fails the test on error and returns "").
std::string ReadFileOrDie(const std::filesystem::path& p);

}  // namespace golden::testing
