#include "portfolio/root.h"

#include <sys/stat.h>
#include <unistd.h>

#include <vector>

#include "base/fs.h"

namespace golden::portfolio {

bool IsGovernanceRoot(const fs::path& dir) {
  struct stat st;
  return ::stat((dir / kMetaHub).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

fs::path AbsoluteNormal(const fs::path& p, const fs::path& cwd) {
  fs::path abs = p.is_absolute() ? p : cwd / p;
  abs = abs.lexically_normal();
  // lexically_normal keeps a trailing separator ("a/b/" -> "a/b/"); drop it.
  if (abs.has_relative_path() && !abs.has_filename()) abs = abs.parent_path();
  return abs;
}

namespace {

std::optional<fs::path> WalkUp(fs::path dir) {
  while (true) {
    if (IsGovernanceRoot(dir)) return dir;
    fs::path parent = dir.parent_path();
    if (parent == dir || parent.empty()) return std::nullopt;
    dir = parent;
  }
}

}  // namespace

Result<fs::path> FindGovernanceRoot(const RootSearch& search) {
  if (search.env_root && !search.env_root->empty()) {
    fs::path env = AbsoluteNormal(*search.env_root, search.cwd);
    if (IsGovernanceRoot(env)) return env;
  }
  std::vector<fs::path> starts;
  if (search.target) starts.push_back(AbsoluteNormal(*search.target, search.cwd));
  starts.push_back(AbsoluteNormal(search.cwd, search.cwd));
  if (search.executable) {
    starts.push_back(AbsoluteNormal(*search.executable, search.cwd).parent_path());
  }
  for (const fs::path& start : starts) {
    if (auto root = WalkUp(start)) return *root;
  }
  std::string msg = "could not find the governance root (a folder holding .metaHub) above " +
                    DisplayPath(starts[search.target ? 1 : 0]);
  if (search.env_root && !search.env_root->empty()) {
    msg += "; GOLDEN_PATH_ROOT=" + DisplayPath(fs::path(*search.env_root)) + " has no .metaHub";
  } else {
    msg += "; set GOLDEN_PATH_ROOT to the governance repository";
  }
  return Status(StatusCode::kNotFound, msg);
}

std::optional<fs::path> CurrentExecutable() {
  std::string buf(4096, '\0');
  ssize_t n = ::readlink("/proc/self/exe", buf.data(), buf.size());
  if (n <= 0 || static_cast<size_t>(n) >= buf.size()) return std::nullopt;
  buf.resize(static_cast<size_t>(n));
  return fs::path(buf);
}

}  // namespace golden::portfolio
