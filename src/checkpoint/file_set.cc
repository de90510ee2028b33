#include "checkpoint/file_set.h"

#include <algorithm>

#include "base/fs.h"
#include "base/strings.h"
#include "portfolio/metadata.h"
#include "value/json.h"
#include "value/yaml.h"

namespace golden::checkpoint {

namespace {

bool HasWildcard(std::string_view component) {
  return component.find_first_of("*?\\") != std::string_view::npos;
}

// Splits "a/b/c" into components (no allocation: views into `path`).
std::vector<std::string_view> Components(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    out.push_back(path.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) return out;
    start = slash + 1;
  }
}

// Drops the first component of `*path`; `*more` turns false when there was only one.
void DropComponent(std::string_view* path, bool* more) {
  size_t slash = path->find('/');
  if (slash == std::string_view::npos) {
    *path = {};
    *more = false;
  } else {
    path->remove_prefix(slash + 1);
  }
}

// Matches the components of `path` ('/'-separated; `more` false when none are left) against
// the pattern components, without splitting the path into a vector (this runs for every file
// of every repository).
bool MatchPath(std::span<const std::string> pattern, std::string_view path, bool more) {
  while (!pattern.empty()) {
    if (pattern.front() == "**") {
      // `**` takes zero or more folders; the rest of the pattern must match what follows.
      std::span<const std::string> rest = pattern.subspan(1);
      while (true) {
        if (MatchPath(rest, path, more)) return true;
        if (!more) return false;
        DropComponent(&path, &more);
      }
    }
    if (!more || !MatchComponent(pattern.front(), path.substr(0, path.find('/')))) return false;
    pattern = pattern.subspan(1);
    DropComponent(&path, &more);
  }
  return !more;
}

}  // namespace

bool MatchComponent(std::string_view pattern, std::string_view name) {
  // Iterative wildcard matching with one backtrack point (the last `*`): linear in practice,
  // never exponential.
  size_t p = 0, n = 0, star_p = std::string_view::npos, star_n = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star_p = p++;
      star_n = n;
      continue;
    }
    if (p < pattern.size()) {
      char want = pattern[p];
      bool escaped = want == '\\' && p + 1 < pattern.size();
      if (escaped) want = pattern[p + 1];
      if ((!escaped && want == '?') || want == name[n]) {
        p += escaped ? 2 : 1;
        ++n;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p + 1;
    n = ++star_n;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

Result<FileSet> FileSet::Compile(std::vector<std::string> patterns) {
  FileSet set;
  for (const std::string& text : patterns) {
    std::string shown = "'" + EscapeInvalidUtf8(text) + "'";
    if (text.empty()) return InvalidArgument("empty file pattern");
    if (text[0] == '/') {
      return InvalidArgument("file pattern " + shown +
                             " is absolute; patterns are relative to the repository");
    }
    Pattern p;
    bool literal_so_far = true;
    for (std::string_view c : Components(text)) {
      if (c.empty() || c == "." || c == "..") {
        return InvalidArgument("file pattern " + shown + " has an empty, '.' or '..' component");
      }
      if (c != "**" && c.find("**") != std::string_view::npos) {
        return InvalidArgument("file pattern " + shown + ": '**' must be a whole component");
      }
      size_t backslashes = 0;
      for (size_t i = c.size(); i > 0 && c[i - 1] == '\\'; --i) ++backslashes;
      if (backslashes % 2 == 1) {
        return InvalidArgument("file pattern " + shown + " ends with an escape character");
      }
      bool wild = c == "**" || HasWildcard(c);
      if (literal_so_far && !wild) {
        p.literal_prefix += (p.literal_prefix.empty() ? "" : "/") + std::string(c);
      }
      literal_so_far = literal_so_far && !wild;
      p.components.emplace_back(c);
    }
    p.literal = literal_so_far;
    if (const std::string& last = p.components.back(); last != "**") {
      size_t wild = last.find_first_of("*?\\");
      p.name_prefix = last.substr(0, wild);
      size_t star = last.rfind('*');
      // After the last `*`, only when plain text follows (no `?` or escape to interpret).
      if (star != std::string::npos && last.find_first_of("?\\", star) == std::string::npos) {
        p.name_suffix = last.substr(star + 1);
      }
    }
    set.compiled_.push_back(std::move(p));
  }
  set.patterns_ = std::move(patterns);
  return set;
}

FileSet FileSet::Default() {
  auto set = Compile({
      // what the built-in checks read
      ".meta/repo.yaml",
      "README.md",
      ".github/CODEOWNERS",
      ".github/workflows/*.yml",
      ".github/workflows/*.yaml",
      "**/Dockerfile*",
      "**/*.Dockerfile",
      "**/*.dockerfile",
      // the project manifests the policy input parses
      "package.json",
      "pyproject.toml",
      "go.mod",
      "Cargo.toml",
  });
  GOLDEN_CHECK(set.ok());
  return std::move(set).value();
}

bool FileSet::Matches(std::string_view rel) const {
  for (const Pattern& p : compiled_) {
    if (MatchPath(p.components, rel, !rel.empty())) return true;
  }
  return false;
}

std::vector<const portfolio::FileEntry*> FileSet::Select(
    const portfolio::RepoInventory& inventory) const {
  const auto& entries = inventory.entries;
  std::vector<bool> chosen(entries.size());
  auto consider = [&](const portfolio::FileEntry& e, const Pattern& p) {
    if (e.kind != portfolio::EntryKind::kFile && !e.symlink) return;
    size_t i = static_cast<size_t>(&e - entries.data());
    if (chosen[i]) return;
    if (p.literal) {
      chosen[i] = true;
      return;
    }
    // The file name must fit the last component before anything else can: a cheap test that
    // rejects nearly every file for patterns such as `**/Dockerfile*`.
    std::string_view path = e.path;
    std::string_view name = path.substr(path.rfind('/') + 1);
    if (!name.starts_with(p.name_prefix) || !name.ends_with(p.name_suffix) ||
        name.size() < p.name_prefix.size() + p.name_suffix.size()) {
      return;
    }
    if (MatchPath(p.components, path, !path.empty())) chosen[i] = true;
  };
  for (const Pattern& p : compiled_) {
    if (p.literal) {
      if (const portfolio::FileEntry* e = inventory.Find(p.literal_prefix)) consider(*e, p);
    } else {
      for (const portfolio::FileEntry& e : inventory.Below(p.literal_prefix)) consider(e, p);
    }
  }
  std::vector<const portfolio::FileEntry*> out;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (chosen[i]) out.push_back(&entries[i]);
  }
  return out;
}

Result<CheckpointConfig> ParseCheckpointConfig(std::string_view text, std::string_view filename) {
  std::vector<YamlLine> lines;
  auto doc = ParseYaml(text, filename, {}, &lines);
  if (!doc.ok()) return doc.status();
  auto at = [&](std::string_view pointer) {
    return SourceLocation{std::string(filename), portfolio::YamlLineAt(lines, pointer), 0};
  };
  CheckpointConfig config;
  if (doc->IsNull()) return config;
  if (!doc->IsObject()) {
    return Status(StatusCode::kInvalidArgument, "expected a mapping with a 'files' list", at(""));
  }
  for (const auto& e : doc->GetObject()) {
    std::string key = e.key.IsString() ? std::string(e.key.GetString()) : "?";
    if (key != "files") {
      return Status(StatusCode::kInvalidArgument,
                    "unknown key '" + EscapeInvalidUtf8(key) + "' (expected: files)",
                    at("/" + JsonPointerToken(key)));
    }
    if (!e.value.IsArray() || e.value.GetArray().empty()) {
      return Status(StatusCode::kInvalidArgument, "'files' must be a non-empty list of patterns",
                    at("/files"));
    }
    std::vector<std::string> patterns;
    for (size_t i = 0; i < e.value.GetArray().size(); ++i) {
      const Value& item = e.value.GetArray()[i];
      if (!item.IsString()) {
        return Status(StatusCode::kInvalidArgument, "file patterns must be strings",
                      at("/files/" + std::to_string(i)));
      }
      patterns.emplace_back(item.GetString());
    }
    auto set = FileSet::Compile(std::move(patterns));
    if (!set.ok()) {
      return Status(StatusCode::kInvalidArgument, set.status().message(), at("/files"));
    }
    config.files = std::move(set).value();
  }
  return config;
}

Result<CheckpointConfig> LoadCheckpointConfig(const fs::path& path) {
  auto text = ReadFile(path, 1 << 20);
  if (!text.ok()) {
    if (text.status().code() == StatusCode::kNotFound) return CheckpointConfig{};
    return text.status();
  }
  return ParseCheckpointConfig(*text, DisplayPath(path));
}

}  // namespace golden::checkpoint
