#include "portfolio/target.h"

#include <sys/stat.h>

#include "base/fs.h"
#include "base/strings.h"
#include "portfolio/root.h"

namespace golden::portfolio {

std::vector<const RepoRef*> Target::Repos() const {
  std::vector<const RepoRef*> out;
  for (const OrgRef& org : orgs) {
    for (const RepoRef& repo : org.repos) out.push_back(&repo);
  }
  return out;
}

std::optional<Scope> ParseScope(std::string_view name) {
  if (name == "portfolio") return Scope::kPortfolio;
  if (name == "org") return Scope::kOrg;
  if (name == "repo") return Scope::kRepo;
  return std::nullopt;
}

std::string_view ScopeName(Scope scope) {
  switch (scope) {
    case Scope::kPortfolio:
      return "portfolio";
    case Scope::kOrg:
      return "org";
    case Scope::kRepo:
      return "repo";
  }
  return "repo";
}

namespace {

bool Exists(const fs::path& p) {
  struct stat st;
  return ::lstat(p.c_str(), &st) == 0;
}

bool IsHidden(std::string_view name) { return !name.empty() && name[0] == '.'; }

std::string Join(const std::string& display, const std::string& name) {
  std::string shown = EscapeInvalidUtf8(name);
  if (display.empty() || display == ".") return shown;
  if (display.back() == '/') return display + shown;
  return display + "/" + shown;
}

// Non-hidden sub-folders (symlinks to folders included), in byte order.
Result<std::vector<std::string>> SubFolders(const fs::path& dir) {
  GOLDEN_ASSIGN_OR_RETURN(std::vector<DirEntry> entries, ListDir(dir));
  std::vector<std::string> out;
  for (DirEntry& e : entries) {
    if (e.is_dir && !IsHidden(e.name)) out.push_back(std::move(e.name));
  }
  return out;
}

bool AnyChildHasMeta(const fs::path& dir, int levels) {
  auto subs = SubFolders(dir);
  if (!subs.ok()) return false;
  for (const std::string& s : *subs) {
    fs::path child = dir / s;
    if (levels == 1 ? Exists(child / ".meta") : AnyChildHasMeta(child, levels - 1)) return true;
  }
  return false;
}

bool SameFile(const fs::path& a, const fs::path& b) {
  struct stat sa, sb;
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

Scope Detect(const fs::path& dir, const fs::path& abs, const std::optional<fs::path>& root) {
  if (Exists(dir / ".meta")) return Scope::kRepo;
  if (root) {
    fs::path orgs = *root / kOrganizations;
    if (SameFile(abs, orgs) || SameFile(abs, *root)) return Scope::kPortfolio;
    fs::path parent = abs.parent_path();
    if (SameFile(parent, orgs)) return Scope::kOrg;
    if (SameFile(parent.parent_path(), orgs)) return Scope::kRepo;
  }
  if (abs.filename() == kOrganizations) return Scope::kPortfolio;
  if (AnyChildHasMeta(dir, 1)) return Scope::kOrg;
  if (AnyChildHasMeta(dir, 2)) return Scope::kPortfolio;
  return Scope::kRepo;
}

}  // namespace

OrgRef ListOrganization(const fs::path& dir, std::string name, std::string display) {
  OrgRef org{std::move(name), dir, std::move(display), {}, std::nullopt};
  auto subs = SubFolders(dir);
  if (!subs.ok()) {
    org.error = subs.status().message();
    return org;
  }
  for (std::string& s : *subs) {
    RepoRef repo;
    repo.org = org.name;
    repo.dir = dir / s;
    repo.display = Join(org.display, s);
    repo.name = std::move(s);
    org.repos.push_back(std::move(repo));
  }
  return org;
}

Result<std::vector<OrgRef>> ListPortfolio(const fs::path& dir, const std::string& display) {
  GOLDEN_ASSIGN_OR_RETURN(std::vector<std::string> subs, SubFolders(dir));
  std::vector<OrgRef> orgs;
  for (const std::string& s : subs) {
    orgs.push_back(ListOrganization(dir / s, s, Join(display, s)));
  }
  return orgs;
}

Result<Target> ResolveTarget(const TargetRequest& request) {
  struct stat st;
  if (::stat(request.path.c_str(), &st) != 0) {
    return NotFound("path '" + DisplayPath(request.path) + "' does not exist");
  }
  if (!S_ISDIR(st.st_mode)) {
    return InvalidArgument("'" + DisplayPath(request.path) +
                           "' is not a folder (give the organizations folder, an organization "
                           "or a repository)");
  }
  fs::path abs = AbsoluteNormal(request.path, request.cwd);
  Target t;
  t.scope = request.scope ? *request.scope : Detect(request.path, abs, request.root);
  t.dir = request.path;
  // The root itself stands for its organizations folder.
  if (request.root && t.scope == Scope::kPortfolio && SameFile(abs, *request.root)) {
    t.dir = request.path / kOrganizations;
    abs = abs / kOrganizations;
    if (::stat(t.dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      return NotFound("the governance root has no organizations folder: '" + DisplayPath(t.dir) +
                      "'");
    }
  }
  if (request.root && (abs == *request.root || RelativePath(abs, *request.root) != abs.native())) {
    t.display = EscapeInvalidUtf8(RelativePath(abs, *request.root));
  } else {
    fs::path shown = request.path.lexically_normal();
    if (shown.has_relative_path() && !shown.has_filename()) shown = shown.parent_path();
    t.display = DisplayPath(shown);
  }
  fs::path name = abs.filename();
  t.name = EscapeInvalidUtf8(name.empty() ? abs.native() : name.native());

  switch (t.scope) {
    case Scope::kPortfolio: {
      GOLDEN_ASSIGN_OR_RETURN(t.orgs, ListPortfolio(t.dir, t.display));
      break;
    }
    case Scope::kOrg:
      t.orgs.push_back(ListOrganization(t.dir, name.native(), t.display));
      break;
    case Scope::kRepo: {
      OrgRef org;
      // A repository two levels below <root>/organizations belongs to the folder above it.
      fs::path parent = abs.parent_path();
      if (request.root && SameFile(parent.parent_path(), *request.root / kOrganizations)) {
        org.name = parent.filename().native();
        org.dir = t.dir.parent_path();
        org.display = EscapeInvalidUtf8(RelativePath(parent, *request.root));
      }
      RepoRef repo{org.name, name.native(), t.dir, t.display};
      org.repos.push_back(std::move(repo));
      t.orgs.push_back(std::move(org));
      break;
    }
  }
  return t;
}

}  // namespace golden::portfolio
