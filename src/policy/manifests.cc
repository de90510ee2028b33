#include "policy/manifests.h"

#include <string>
#include <vector>

#include "base/strings.h"
#include "policy/input.h"
#include "policy/toml.h"
#include "value/json.h"
#include "value/yaml.h"

namespace golden::policy {

namespace {

using portfolio::EntryKind;
using portfolio::FileEntry;
using portfolio::RepoSnapshot;

Value Key(std::string_view k) { return Value::String(k); }

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

Value Located(std::string_view path, const Status& s) {
  std::vector<Value::Entry> err{{Key("message"), Value::String(EscapeInvalidUtf8(s.message()))}};
  if (s.where() && s.where()->line > 0) err.push_back({Key("line"), Value::Int(s.where()->line)});
  return Value::Object({{Key("path"), Value::String(EscapeInvalidUtf8(path))},
                        {Key("error"), Value::Object(std::move(err))}});
}

// `keys` of `doc` (an object) that are present, under the same names.
Value Pick(const Value& doc, std::initializer_list<std::string_view> keys, std::string_view path) {
  std::vector<Value::Entry> out{{Key("path"), Value::String(path)}};
  for (std::string_view k : keys) {
    if (const Value* v = doc.Find(k)) out.push_back({Key(k), *v});
  }
  return Value::Object(std::move(out));
}

// Reads and parses `rel` with `parse`; null when absent.
template <typename Parse>
Value ReadManifest(const RepoSnapshot& snap, std::string_view rel, Parse parse) {
  if (!snap.inventory.IsFile(rel)) return Value();
  auto text = snap.ReadFile(rel, kMaxInputFileBytes);
  if (!text.ok()) return Located(rel, text.status());
  return parse(*text);
}

constexpr std::string_view kLockFiles[] = {
    "package-lock.json", "npm-shrinkwrap.json", "yarn.lock",     "pnpm-lock.yaml", "bun.lockb",
    "poetry.lock",       "Pipfile.lock",        "uv.lock",       "pdm.lock",       "go.sum",
    "Cargo.lock",        "Gemfile.lock",        "composer.lock", "gradle.lockfile"};

}  // namespace

Value ParseGoMod(std::string_view text) {
  std::vector<Value::Entry> out;
  std::vector<Value> require;
  bool in_require = false;
  for (std::string_view raw : Split(text, "\n")) {
    std::string_view line = raw;
    bool indirect = line.find("// indirect") != std::string_view::npos;
    if (size_t c = line.find("//"); c != std::string_view::npos) line = line.substr(0, c);
    line = TrimSpace(line);
    if (line.empty()) continue;
    if (in_require) {
      if (line == ")") {
        in_require = false;
        continue;
      }
    } else if (StartsWith(line, "module ")) {
      out.push_back({Key("module"), Value::String(EscapeInvalidUtf8(TrimSpace(line.substr(7))))});
      continue;
    } else if (StartsWith(line, "go ")) {
      out.push_back({Key("go"), Value::String(EscapeInvalidUtf8(TrimSpace(line.substr(3))))});
      continue;
    } else if (StartsWith(line, "require")) {
      line = TrimSpace(line.substr(7));
      if (line == "(") {
        in_require = true;
        continue;
      }
    } else {
      continue;
    }
    std::vector<std::string_view> words;
    for (std::string_view w : Split(line, " ")) {
      if (!TrimSpace(w).empty()) words.push_back(TrimSpace(w));
    }
    if (words.size() < 2) continue;
    require.push_back(Value::Object({{Key("path"), Value::String(EscapeInvalidUtf8(words[0]))},
                                     {Key("version"), Value::String(EscapeInvalidUtf8(words[1]))},
                                     {Key("indirect"), Value::Bool(indirect)}}));
  }
  out.push_back({Key("require"), Value::Array(std::move(require))});
  return Value::Object(std::move(out));
}

std::optional<Value> ParseRequirementLine(std::string_view text, int line) {
  std::string_view t = text;
  if (size_t c = t.find(" #"); c != std::string_view::npos) t = t.substr(0, c);
  t = TrimSpace(t);
  if (t.empty() || t[0] == '#' || t[0] == '-') return std::nullopt;
  // The name ends where the version specifier, extras, markers or URL begin.
  size_t end = 0;
  while (end < t.size() && (std::isalnum(static_cast<unsigned char>(t[end])) || t[end] == '-' ||
                            t[end] == '_' || t[end] == '.')) {
    ++end;
  }
  std::string_view spec = t.substr(end);
  if (size_t m = spec.find(';'); m != std::string_view::npos) spec = spec.substr(0, m);
  // Pinned: exactly one version (`==1.2.3` or `===1.2.3`), no wildcard; or a URL with a hash.
  bool pinned =
      (spec.find("==") != std::string_view::npos && spec.find('*') == std::string_view::npos &&
       spec.find(',') == std::string_view::npos) ||
      spec.find("@ ") != std::string_view::npos;
  return Value::Object(
      {{Key("line"), Value::Int(line)},
       {Key("text"), Value::String(EscapeInvalidUtf8(t))},
       {Key("name"), Value::String(EscapeInvalidUtf8(AsciiLower(t.substr(0, end))))},
       {Key("pinned"), Value::Bool(pinned)}});
}

Value Manifests(const RepoSnapshot& snap) {
  Value package_json = ReadManifest(snap, "package.json", [](std::string_view text) {
    auto doc = ParseJson(text, "package.json");
    if (!doc.ok()) return Located("package.json", doc.status());
    return Pick(
        *doc,
        {"name", "version", "private", "scripts", "dependencies", "devDependencies", "engines"},
        "package.json");
  });
  auto toml = [](std::string_view path, std::initializer_list<std::string_view> keys) {
    return [path, keys](std::string_view text) {
      auto doc = ParseToml(text);
      if (!doc.ok()) return Located(path, doc.status());
      return Pick(*doc, keys, path);
    };
  };
  Value pyproject = ReadManifest(snap, "pyproject.toml",
                                 toml("pyproject.toml", {"project", "build-system", "tool"}));
  Value cargo = ReadManifest(
      snap, "Cargo.toml",
      toml("Cargo.toml", {"package", "workspace", "dependencies", "dev-dependencies"}));
  Value go_mod = ReadManifest(snap, "go.mod", [](std::string_view text) {
    Value v = ParseGoMod(text);
    std::vector<Value::Entry> e(v.GetObject().begin(), v.GetObject().end());
    e.push_back({Key("path"), Value::String("go.mod")});
    return Value::Object(std::move(e));
  });

  std::vector<Value> requirements;
  for (const FileEntry* e : snap.inventory.Children("")) {
    std::string_view name = portfolio::BaseName(e->path);
    if (e->kind != EntryKind::kFile || !StartsWith(name, "requirements") ||
        !EndsWith(name, ".txt")) {
      continue;
    }
    auto text = snap.ReadFile(e->path, kMaxInputFileBytes);
    if (!text.ok()) {
      requirements.push_back(Located(e->path, text.status()));
      continue;
    }
    int n = 0;
    for (std::string_view line : Split(*text, "\n")) {
      ++n;
      if (std::optional<Value> r = ParseRequirementLine(line, n)) {
        std::vector<Value::Entry> fields(r->GetObject().begin(), r->GetObject().end());
        fields.push_back({Key("path"), Value::String(EscapeInvalidUtf8(e->path))});
        requirements.push_back(Value::Object(std::move(fields)));
      }
    }
  }
  std::vector<Value> locks;
  for (std::string_view lock : kLockFiles) {
    if (snap.inventory.IsFile(lock)) locks.push_back(Value::String(lock));
  }
  return Value::Object({{Key("package_json"), package_json},
                        {Key("pyproject"), pyproject},
                        {Key("go_mod"), go_mod},
                        {Key("cargo"), cargo},
                        {Key("requirements"), Value::Array(std::move(requirements))},
                        {Key("lock_files"), Value::Array(std::move(locks))}});
}

Value KubernetesManifests(const RepoSnapshot& snap) {
  std::vector<Value> out;
  for (const FileEntry& e : snap.inventory.entries) {
    if (e.kind != EntryKind::kFile || !(EndsWith(e.path, ".yaml") || EndsWith(e.path, ".yml"))) {
      continue;
    }
    if (StartsWith(e.path, ".github/") || StartsWith(e.path, ".meta/") ||
        StartsWith(e.path, ".metaHub/") || e.size > kMaxInputFileBytes) {
      continue;
    }
    auto text = snap.ReadFile(e.path, kMaxInputFileBytes);
    if (!text.ok()) continue;  // not known to be a manifest: nothing to say
    // Cheap test first: most YAML files of a repository are not Kubernetes objects.
    if (text->find("apiVersion") == std::string_view::npos ||
        text->find("kind") == std::string_view::npos) {
      continue;
    }
    auto docs = ParseYamlStream(*text, e.path);
    if (!docs.ok()) {
      out.push_back(Located(e.path, docs.status()));
      continue;
    }
    for (size_t i = 0; i < docs->size(); ++i) {
      const Value& d = (*docs)[i];
      if (d.Find("apiVersion") == nullptr || d.Find("kind") == nullptr) continue;
      out.push_back(Value::Object({{Key("path"), Value::String(EscapeInvalidUtf8(e.path))},
                                   {Key("index"), Value::Int(static_cast<int64_t>(i))},
                                   {Key("doc"), d}}));
    }
  }
  return Value::Array(std::move(out));
}

}  // namespace golden::policy
