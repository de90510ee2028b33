// The codeowners, workflows and readme checks.
#include "base/strings.h"
#include "portfolio/checks.h"
#include "portfolio/codeowners.h"
#include "value/json.h"
#include "value/yaml_cache.h"

namespace golden::portfolio {

using report::Severity;

namespace {

constexpr std::string_view kCodeownersFile = ".github/CODEOWNERS";
constexpr std::string_view kWorkflowsDir = ".github/workflows";
constexpr std::string_view kReadmeFile = "README.md";

bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool IsYamlName(std::string_view name) { return EndsWith(name, ".yml") || EndsWith(name, ".yaml"); }

// "YAML: ..." -> "...".
std::string YamlMessage(const Status& s) {
  constexpr std::string_view kPrefix = "YAML: ";
  const std::string& m = s.message();
  return m.compare(0, kPrefix.size(), kPrefix) == 0 ? m.substr(kPrefix.size()) : m;
}

// One step from a workflow's root to a node: a mapping key or a sequence index.
struct Step {
  std::string_view key;
  size_t index = 0;
  bool is_key = true;
};

// Every `continue-on-error: true` (YAML 1.1 booleans, so `yes` and `on` count) below `v`.
// The finding's path is the original's (dotted keys, [i] for items, "root" at the top); it
// and the node's JSON pointer (for its line) are spelt out only when a finding is made.
void FindContinueOnError(const Value& v, std::vector<Step>* trail,
                         const std::vector<YamlLine>& lines, std::string_view name,
                         std::string_view file, FindingSink* sink) {
  if (trail->size() > 256) return;
  if (v.IsObject()) {
    for (const auto& e : v.GetObject()) {
      std::string_view key = e.key.IsString() ? e.key.GetString() : std::string_view();
      if (key == "continue-on-error" && e.value.IsTrue()) {
        std::string path, pointer;
        for (const Step& s : *trail) {
          if (s.is_key) {
            if (!path.empty()) path += '.';
            path += s.key;
            pointer += '/';
            AppendJsonPointerToken(&pointer, s.key);
          } else {
            path += '[' + std::to_string(s.index) + ']';
            pointer += '/' + std::to_string(s.index);
          }
        }
        pointer += '/';
        AppendJsonPointerToken(&pointer, key);
        sink->Add(rules::kWorkflowsContinueOnError, Severity::kWarning,
                  std::string(name) + ": continue-on-error=true at " +
                      (path.empty() ? "root" : EscapeInvalidUtf8(path)) + " may hide failures",
                  file, YamlLineAt(lines, pointer));
      }
      if (!e.value.IsCollection()) continue;
      trail->push_back(Step{key});
      FindContinueOnError(e.value, trail, lines, name, file, sink);
      trail->pop_back();
    }
  } else if (v.IsArray()) {
    for (size_t i = 0; i < v.GetArray().size(); ++i) {
      if (!v.GetArray()[i].IsCollection()) continue;
      trail->push_back(Step{{}, i, false});
      FindContinueOnError(v.GetArray()[i], trail, lines, name, file, sink);
      trail->pop_back();
    }
  }
}

void CheckWorkflowFile(const RepoSnapshot& repo, const FileEntry& e, FindingSink* sink) {
  std::string name = EscapeInvalidUtf8(BaseName(e.path));
  auto text = repo.ReadFile(e.path, kMaxCheckedFileBytes);
  if (!text.ok()) {
    sink->Add(rules::kWorkflowsUnreadable, Severity::kError,
              "Cannot read " + name + ": " + text.status().message(), e.path);
    return;
  }
  auto parsed = repo.ParseYamlFile(e.path, *text);
  if (!parsed.ok()) {
    int line = parsed.status().where() ? parsed.status().where()->line : 0;
    sink->Add(rules::kWorkflowsInvalidYaml, Severity::kError,
              "Invalid YAML in " + name + ": " + YamlMessage(parsed.status()), e.path, line);
    return;
  }
  const Value& doc = (*parsed)->doc;
  if (!doc.IsObject()) {
    sink->Add(rules::kWorkflowsNotMapping, Severity::kError,
              "Workflow " + name + " is empty or not a mapping", e.path);
    return;
  }
  if (doc.Find("permissions") == nullptr) {
    sink->Add(rules::kWorkflowsPermissions, Severity::kWarning,
              "Workflow " + name + " missing permissions block", e.path);
  }
  std::vector<Step> trail;
  FindContinueOnError(doc, &trail, (*parsed)->lines, name, e.path, sink);
}

// CODEOWNERS and workflows are required for tiers 1-2 and recommended otherwise.
void AddMissing(const Metadata& metadata, FindingSink* sink, std::string_view rule,
                std::string_view file, std::string required, std::string recommended) {
  if (IsCriticalTier(metadata)) {
    sink->Add(rule, Severity::kError, std::move(required), file);
  } else {
    sink->Add(rule, Severity::kWarning, std::move(recommended), file);
  }
}

}  // namespace

void CheckCodeowners(const RepoSnapshot& repo, const CheckOptions&,
                     std::vector<report::Finding>* out) {
  FindingSink sink(checks::kCodeowners, out);
  if (repo.inventory.Find(kCodeownersFile) == nullptr) {
    AddMissing(repo.metadata, &sink, rules::kCodeownersMissing, kCodeownersFile,
               "CODEOWNERS required for tier 1-2 repos", "CODEOWNERS recommended");
    return;
  }
  auto text = repo.ReadFile(kCodeownersFile, kMaxCheckedFileBytes);
  if (!text.ok()) {
    sink.Add(rules::kCodeownersUnreadable, Severity::kError,
             "Error reading CODEOWNERS: " + text.status().message(), kCodeownersFile);
    return;
  }
  if (TrimSpace(*text).empty()) {
    sink.Add(rules::kCodeownersEmpty, Severity::kError, "CODEOWNERS file is empty",
             kCodeownersFile);
    return;
  }
  Codeowners parsed = ParseCodeowners(*text);
  if (parsed.rules.empty()) {
    sink.Add(rules::kCodeownersNoRules, Severity::kError, "CODEOWNERS has no ownership rules",
             kCodeownersFile);
    return;
  }
  for (const CodeownersProblem& p : parsed.problems) {
    sink.Add(rules::kCodeownersInvalidOwner, Severity::kWarning,
             "CODEOWNERS owner '" + EscapeInvalidUtf8(p.owner) +
                 "' is not @user, @org/team or an e-mail address",
             kCodeownersFile, p.line);
  }
}

void CheckWorkflows(const RepoSnapshot& repo, const CheckOptions&,
                    std::vector<report::Finding>* out) {
  FindingSink sink(checks::kWorkflows, out);
  if (!repo.inventory.IsDir(kWorkflowsDir)) {
    AddMissing(repo.metadata, &sink, rules::kWorkflowsMissing, kWorkflowsDir,
               "CI/CD workflows required for tier 1-2 repos", "CI/CD workflows recommended");
    return;
  }
  bool has_ci = false;
  std::vector<const FileEntry*> files;
  for (const FileEntry* e : repo.inventory.Children(kWorkflowsDir)) {
    std::string_view name = BaseName(e->path);
    if (e->kind == EntryKind::kDir || !IsYamlName(name)) continue;
    files.push_back(e);
    if (name.substr(0, 2) == "ci") has_ci = true;
  }
  if (!has_ci) {
    sink.Add(rules::kWorkflowsNoCi, Severity::kWarning, "No CI workflow found (ci.yml)",
             kWorkflowsDir);
  }
  for (const FileEntry* e : files) CheckWorkflowFile(repo, *e, &sink);
}

void CheckReadme(const RepoSnapshot& repo, const CheckOptions&, std::vector<report::Finding>* out) {
  FindingSink sink(checks::kReadme, out);
  if (repo.inventory.Find(kReadmeFile) == nullptr) {
    sink.Add(rules::kReadmeMissing, Severity::kError, "README.md is required", kReadmeFile);
    return;
  }
  auto text = repo.ReadFile(kReadmeFile, kMaxReadmeBytes);
  if (!text.ok()) {
    sink.Add(rules::kReadmeUnreadable, Severity::kError,
             "Cannot read README.md: " + text.status().message(), kReadmeFile);
    return;
  }
  std::string_view body = *text;
  if (!IsValidUtf8(body) || body.find('\0') != std::string_view::npos) {
    sink.Add(rules::kReadmeNotText, Severity::kWarning, "README.md is not UTF-8 text", kReadmeFile);
    return;
  }
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (body.substr(0, kBom.size()) == kBom) body.remove_prefix(kBom.size());
  std::string_view stripped = TrimSpace(body);
  if (Utf8Length(stripped) < 50) {
    sink.Add(rules::kReadmeTooShort, Severity::kWarning, "README.md is too short (< 50 chars)",
             kReadmeFile);
  }
  if (stripped.empty() || stripped[0] != '#') {
    sink.Add(rules::kReadmeTitle, Severity::kWarning, "README.md should start with a title (#)",
             kReadmeFile);
  }
}

}  // namespace golden::portfolio
