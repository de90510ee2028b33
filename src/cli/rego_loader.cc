#include "cli/rego_loader.h"

#include <algorithm>
#include <filesystem>

#include "base/fs.h"
#include "value/json.h"
#include "value/yaml.h"

namespace golden::cli {

namespace fs = std::filesystem;

namespace {

bool HasExtension(const std::string& name, std::string_view ext) {
  return name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
}

enum class Kind { kRego, kJson, kYaml, kOther };

Kind KindOf(const std::string& name) {
  if (HasExtension(name, ".rego")) return Kind::kRego;
  if (HasExtension(name, ".json")) return Kind::kJson;
  if (HasExtension(name, ".yaml") || HasExtension(name, ".yml")) return Kind::kYaml;
  return Kind::kOther;
}

// Deep merge of objects; nullopt on a conflict (a key holding two non-objects).
std::optional<Value> Merge(const Value& a, const Value& b) {
  if (!a.IsObject() || !b.IsObject()) return std::nullopt;
  std::vector<Value::Entry> out;
  auto x = a.GetObject();
  auto y = b.GetObject();
  size_t i = 0;
  size_t j = 0;
  while (i < x.size() || j < y.size()) {
    if (j == y.size() || (i < x.size() && x[i].key < y[j].key)) {
      out.push_back(x[i++]);
    } else if (i == x.size() || y[j].key < x[i].key) {
      out.push_back(y[j++]);
    } else {
      std::optional<Value> m = Merge(x[i].value, y[j].value);
      if (!m) return std::nullopt;
      out.push_back({x[i].key, std::move(*m)});
      ++i;
      ++j;
    }
  }
  return Value::ObjectFromSorted(std::move(out));
}

Value Nest(const std::vector<std::string>& path, Value v) {
  for (size_t i = path.size(); i > 0; --i) {
    v = Value::Object({{Value::String(path[i - 1]), std::move(v)}});
  }
  return v;
}

class Loader {
 public:
  explicit Loader(std::vector<LoadError>* errors) : errors_(errors) {}

  void LoadFile(const std::string& path, const std::vector<std::string>& prefix, bool named) {
    Kind kind = KindOf(path);
    if (kind == Kind::kOther) {
      if (named) errors_->push_back({path, "unsupported file type"});
      return;
    }
    Result<std::string> text = ReadFile(path);
    if (!text.ok()) {
      errors_->push_back({path, text.status().message()});
      return;
    }
    if (kind == Kind::kRego) {
      out_.modules.emplace_back(path, std::move(*text));
      return;
    }
    Result<Value> doc = kind == Kind::kJson ? ParseJson(*text, path) : ParseYaml(*text, path);
    if (!doc.ok()) {
      errors_->push_back({path, doc.status().message()});
      return;
    }
    if (prefix.empty() && !doc->IsObject()) {
      errors_->push_back({path, "root document must be object"});
      return;
    }
    std::optional<Value> merged = Merge(out_.data, Nest(prefix, std::move(*doc)));
    if (!merged) {
      errors_->push_back({path, "merge error"});
      return;
    }
    out_.data = std::move(*merged);
  }

  void LoadDir(const std::string& dir, std::vector<std::string>* prefix) {
    Result<std::vector<DirEntry>> entries = ListDir(dir);
    if (!entries.ok()) {
      errors_->push_back({dir, entries.status().message()});
      return;
    }
    for (const DirEntry& e : *entries) {
      std::string path = (fs::path(dir) / e.name).string();
      if (e.is_dir) {
        prefix->push_back(e.name);
        LoadDir(path, prefix);
        prefix->pop_back();
      } else {
        LoadFile(path, *prefix, false);
      }
    }
  }

  void Load(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> prefix;
      LoadDir(path, &prefix);
    } else {
      LoadFile(path, {}, true);
    }
  }

  LoadedFiles Take() { return std::move(out_); }

 private:
  std::vector<LoadError>* errors_;
  LoadedFiles out_;
};

}  // namespace

LoadedFiles LoadPaths(const std::vector<std::string>& paths, std::vector<LoadError>* errors) {
  Loader loader(errors);
  for (const std::string& p : paths) loader.Load(p);
  return loader.Take();
}

Result<Value> ParseDocument(std::string_view text, std::string_view filename) {
  Result<Value> json = ParseJson(text, filename);
  if (json.ok()) return json;
  Result<Value> yaml = ParseYaml(text, filename);
  if (yaml.ok()) return yaml;
  // Report the error of the syntax the text looks like.
  size_t i = text.find_first_not_of(" \t\r\n");
  bool looks_json = i != std::string_view::npos && (text[i] == '{' || text[i] == '[');
  return looks_json ? json.status() : yaml.status();
}

}  // namespace golden::cli
