#include "report/locations.h"

namespace golden::report {

namespace {

// The file that describes a repository: repository-wide findings are shown there.
constexpr std::string_view kMetadataFile = ".meta/repo.yaml";

std::string JoinPath(std::string_view dir, std::string_view rel) {
  while (dir.size() > 1 && dir.back() == '/') dir.remove_suffix(1);
  if (dir.empty() || dir == ".") return std::string(rel);
  if (rel.empty()) return std::string(dir);
  std::string out(dir);
  if (out.back() != '/') out.push_back('/');
  out.append(rel);
  return out;
}

FindingLocation Make(std::string path, int line) {
  FindingLocation loc;
  loc.relative = path.empty() || path[0] != '/';
  loc.uri = loc.relative ? PercentEncodePath(path) : "file://" + PercentEncodePath(path);
  loc.path = std::move(path);
  loc.line = line;
  return loc;
}

}  // namespace

FindingLocation LocateFinding(const RepoReport& repo, const Finding& f) {
  if (f.file.empty()) return Make(JoinPath(repo.path, kMetadataFile), 0);
  return Make(JoinPath(repo.path, f.file), f.line);
}

FindingLocation LocateOrgFinding(const OrgReport& org, const Finding& f) {
  return Make(JoinPath(org.path, f.file), f.line);
}

std::string PercentEncodePath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (char ch : path) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace golden::report
