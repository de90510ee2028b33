#include "testing/temp_dir.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

namespace golden::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/golden-test-XXXXXX";
  char* made = ::mkdtemp(tmpl.data());
  if (made == nullptr) {
    ADD_FAILURE() << "mkdtemp failed";
    path_ = fs::temp_directory_path();
    return;
  }
  path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  // Make everything writable/readable again so that tests of unreadable folders clean up.
  for (auto it = fs::recursive_directory_iterator(path_, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) {
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
  }
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

fs::path TempDir::Write(std::string_view rel, std::string_view content) const {
  fs::path p = path_ / rel;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
  return p;
}

fs::path TempDir::Mkdir(std::string_view rel) const {
  fs::path p = path_ / rel;
  fs::create_directories(p);
  return p;
}

fs::path SourceDir() {
  const char* s = std::getenv("GOLDEN_SOURCE_DIR");
  return s && *s ? fs::path(s) : fs::current_path();
}

fs::path SharedDir() {
  const char* s = std::getenv("GOLDEN_SHARED_DIR");
  if (s && *s) return fs::path(s);
  return SourceDir().parent_path() / "shared";
}

std::string ReadFileOrDie(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << p;
    return "";
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace golden::testing
