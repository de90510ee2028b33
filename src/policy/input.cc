#include "policy/input.h"

#include <git2.h>

#include <algorithm>
#include <map>

#include "base/strings.h"
#include "policy/manifests.h"
#include "portfolio/checks.h"
#include "portfolio/codeowners.h"
#include "portfolio/dockerfile.h"
#include "portfolio/metadata.h"
#include "value/json.h"
#include "value/yaml_cache.h"

namespace golden::policy {

namespace {

using portfolio::EntryKind;
using portfolio::FileEntry;
using portfolio::RepoSnapshot;

Value Str(std::string_view s) { return Value::String(EscapeInvalidUtf8(s)); }

Value Obj(std::vector<Value::Entry> entries) { return Value::Object(std::move(entries)); }

bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view KindName(EntryKind k) {
  switch (k) {
    case EntryKind::kFile:
      return "file";
    case EntryKind::kDir:
      return "dir";
    case EntryKind::kOther:
      break;
  }
  return "other";
}

// "YAML: msg" -> "msg", with the line when known.
Value ErrorValue(const Status& s) {
  std::string m = s.message();
  if (StartsWith(m, "YAML: ")) m = m.substr(6);
  if (StartsWith(m, "JSON: ")) m = m.substr(6);
  std::vector<Value::Entry> e{{Value::String("message"), Str(m)}};
  if (s.where() && s.where()->line > 0) {
    e.push_back({Value::String("line"), Value::Int(s.where()->line)});
  }
  return Obj(std::move(e));
}

Value Files(const RepoSnapshot& snap) {
  std::vector<Value> out;
  out.reserve(snap.inventory.entries.size());
  for (const FileEntry& e : snap.inventory.entries) {
    std::vector<Value::Entry> fields{
        {Value::String("path"), Str(e.path)},
        {Value::String("size"), Value::Int(static_cast<int64_t>(e.size))},
        {Value::String("kind"), Value::String(KindName(e.kind))}};
    if (e.symlink) fields.push_back({Value::String("symlink"), Value::Bool(true)});
    out.push_back(Obj(std::move(fields)));
  }
  return Value::Array(std::move(out));
}

Value Dockerfiles(const RepoSnapshot& snap) {
  std::vector<Value> out;
  for (const FileEntry& e : snap.inventory.entries) {
    if (!portfolio::IsDockerfile(e)) continue;
    auto text = snap.ReadFile(e.path, kMaxInputFileBytes);
    if (!text.ok()) {
      out.push_back(Obj({{Value::String("path"), Str(e.path)},
                         {Value::String("error"), ErrorValue(text.status())}}));
      continue;
    }
    portfolio::Dockerfile df = portfolio::ParseDockerfile(*text);
    std::vector<Value> stages;
    for (const portfolio::DockerStage& s : df.stages) {
      stages.push_back(Obj({{Value::String("base"), Str(s.base)},
                            {Value::String("name"), Str(s.name)},
                            {Value::String("platform"), Str(s.platform)},
                            {Value::String("line"), Value::Int(s.from_line)}}));
    }
    std::vector<Value> instructions;
    instructions.reserve(df.instructions.size());
    size_t stage = 0;
    for (size_t i = 0; i < df.instructions.size(); ++i) {
      const portfolio::DockerInstruction& ins = df.instructions[i];
      while (stage + 1 < df.stages.size() && i >= df.stages[stage + 1].first) ++stage;
      std::vector<Value> words;
      for (std::string& w : portfolio::DockerWords(ins.args, df.escape)) words.push_back(Str(w));
      std::vector<Value::Entry> fields{
          {Value::String("cmd"), Str(AsciiLower(ins.keyword))},
          {Value::String("args"), Str(ins.args)},
          {Value::String("words"), Value::Array(std::move(words))},
          {Value::String("line"), Value::Int(ins.line)},
          // -1: before the first FROM (global ARGs).
          {Value::String("stage"),
           Value::Int(df.stages.empty() || i < df.stages[0].first ? -1
                                                                  : static_cast<int64_t>(stage))}};
      if (!ins.heredocs.empty()) {
        std::vector<Value> docs;
        for (const std::string& h : ins.heredocs) docs.push_back(Str(h));
        fields.push_back({Value::String("heredocs"), Value::Array(std::move(docs))});
      }
      instructions.push_back(Obj(std::move(fields)));
    }
    out.push_back(Obj({{Value::String("path"), Str(e.path)},
                       {Value::String("stages"), Value::Array(std::move(stages))},
                       {Value::String("instructions"), Value::Array(std::move(instructions))}}));
  }
  return Value::Array(std::move(out));
}

// Every `uses:` of a workflow: steps' actions and reusable workflows of jobs, with lines.
Value WorkflowUses(const Value& doc, const std::vector<YamlLine>& lines) {
  std::vector<Value> out;
  const Value* jobs = doc.Find("jobs");
  if (jobs == nullptr || !jobs->IsObject()) return Value::EmptyArray();
  for (const Value::Entry& job : jobs->GetObject()) {
    std::string job_name(job.key.IsString() ? job.key.GetString() : "");
    std::string job_ptr = "/jobs/" + JsonPointerToken(job_name);
    auto add = [&](const Value& uses, const std::string& ptr, int64_t step) {
      if (!uses.IsString()) return;
      out.push_back(Obj({{Value::String("job"), Str(job_name)},
                         {Value::String("step"), Value::Int(step)},
                         {Value::String("uses"), uses},
                         {Value::String("line"), Value::Int(portfolio::YamlLineAt(lines, ptr))}}));
    };
    if (const Value* u = job.value.Find("uses")) add(*u, job_ptr + "/uses", -1);
    const Value* steps = job.value.Find("steps");
    if (steps == nullptr || !steps->IsArray()) continue;
    for (size_t i = 0; i < steps->GetArray().size(); ++i) {
      if (const Value* u = steps->GetArray()[i].Find("uses")) {
        add(*u, job_ptr + "/steps/" + std::to_string(i) + "/uses", static_cast<int64_t>(i));
      }
    }
  }
  return Value::Array(std::move(out));
}

// The events of `on:`, which YAML 1.1 reads as the key "true" (as OPA does): a name, a list
// of names, or a mapping of names to their settings.
Value Triggers(const Value& doc) {
  const Value* on = doc.Find("on");
  if (on == nullptr) on = doc.Find("true");
  if (on == nullptr) return Value::EmptyArray();
  if (on->IsString()) return Value::Array({*on});
  if (on->IsArray()) return *on;
  std::vector<Value> names;
  if (on->IsObject()) {
    for (const Value::Entry& e : on->GetObject()) names.push_back(e.key);
  }
  return Value::Array(std::move(names));
}

bool IsYamlName(std::string_view name) { return EndsWith(name, ".yml") || EndsWith(name, ".yaml"); }

constexpr std::string_view kWorkflowsDir = ".github/workflows";

Value Workflows(const RepoSnapshot& snap) {
  std::vector<Value> out;
  for (const FileEntry* e : snap.inventory.Children(kWorkflowsDir)) {
    if (e->kind != EntryKind::kFile || !IsYamlName(e->path)) continue;
    auto text = snap.ReadFile(e->path, kMaxInputFileBytes);
    if (!text.ok()) {
      out.push_back(Obj({{Value::String("path"), Str(e->path)},
                         {Value::String("error"), ErrorValue(text.status())}}));
      continue;
    }
    auto parsed = snap.ParseYamlFile(e->path, *text);
    if (!parsed.ok()) {
      out.push_back(Obj({{Value::String("path"), Str(e->path)},
                         {Value::String("error"), ErrorValue(parsed.status())}}));
      continue;
    }
    const Value& doc = (*parsed)->doc;
    out.push_back(Obj({{Value::String("path"), Str(e->path)},
                       {Value::String("doc"), doc},
                       {Value::String("triggers"), Triggers(doc)},
                       {Value::String("uses"), WorkflowUses(doc, (*parsed)->lines)}}));
  }
  return Value::Array(std::move(out));
}

// GitHub reads the first CODEOWNERS of .github/, the root, docs/.
constexpr std::string_view kCodeownersPlaces[] = {".github/CODEOWNERS", "CODEOWNERS",
                                                  "docs/CODEOWNERS"};

Value CodeownersValue(const RepoSnapshot& snap) {
  for (std::string_view place : kCodeownersPlaces) {
    if (!snap.inventory.IsFile(place)) continue;
    auto text = snap.ReadFile(place, kMaxInputFileBytes);
    if (!text.ok()) {
      return Obj({{Value::String("path"), Str(place)},
                  {Value::String("error"), ErrorValue(text.status())}});
    }
    portfolio::Codeowners co = portfolio::ParseCodeowners(*text);
    std::vector<Value> rules;
    for (const portfolio::CodeownersRule& r : co.rules) {
      std::vector<Value> owners;
      for (const std::string& o : r.owners) owners.push_back(Str(o));
      rules.push_back(Obj({{Value::String("pattern"), Str(r.pattern)},
                           {Value::String("owners"), Value::Array(std::move(owners))},
                           {Value::String("line"), Value::Int(r.line)}}));
    }
    std::vector<Value> problems;
    for (const portfolio::CodeownersProblem& p : co.problems) {
      problems.push_back(Obj(
          {{Value::String("owner"), Str(p.owner)}, {Value::String("line"), Value::Int(p.line)}}));
    }
    return Obj({{Value::String("path"), Str(place)},
                {Value::String("rules"), Value::Array(std::move(rules))},
                {Value::String("invalid_owners"), Value::Array(std::move(problems))}});
  }
  return Value();
}

Value Readme(const RepoSnapshot& snap) {
  constexpr std::string_view kReadme = "README.md";
  if (!snap.inventory.IsFile(kReadme)) return Value();
  auto text = snap.ReadFile(kReadme, portfolio::kMaxReadmeBytes);
  if (!text.ok()) {
    return Obj({{Value::String("path"), Str(kReadme)},
                {Value::String("error"), ErrorValue(text.status())}});
  }
  // The title: the first ATX heading of level 1 ("# Title").
  std::string title;
  int lines = 0;
  for (std::string_view line : Split(*text, "\n")) {
    ++lines;
    std::string_view t = TrimSpace(line);
    if (title.empty() && StartsWith(t, "# ")) title = std::string(TrimSpace(t.substr(2)));
  }
  if (!text->empty() && text->back() == '\n') --lines;
  return Obj({{Value::String("path"), Str(kReadme)},
              {Value::String("title"), Str(title)},
              {Value::String("length"), Value::Int(static_cast<int64_t>(text->size()))},
              {Value::String("lines"), Value::Int(lines)}});
}

std::string_view MetadataStateName(portfolio::MetadataState s) {
  switch (s) {
    case portfolio::MetadataState::kMissing:
      return "missing";
    case portfolio::MetadataState::kUnreadable:
      return "unreadable";
    case portfolio::MetadataState::kInvalid:
      return "invalid";
    case portfolio::MetadataState::kEmpty:
      return "empty";
    case portfolio::MetadataState::kLoaded:
      break;
  }
  return "loaded";
}

Value RepositoryValue(const portfolio::RepoRef& ref) {
  std::string full = ref.org.empty() ? ref.name : ref.org + "/" + ref.name;
  return Obj({{Value::String("org"), Str(ref.org)},
              {Value::String("name"), Str(ref.name)},
              {Value::String("full_name"), Str(full)},
              {Value::String("path"), Value::String(ref.display)}});
}

Value TierValue(const portfolio::Metadata& md) {
  return Value::Int(portfolio::TierOf(md.loaded() ? md.doc : Value()).value);
}

}  // namespace

Value RepoInput(const RepoSnapshot& snap, std::span<const report::Finding> findings,
                const Value& git) {
  std::vector<Value> md_errors;
  for (const report::Finding& f : findings) {
    if (f.check != "metadata") continue;
    md_errors.push_back(Obj({{Value::String("rule"), Value::String(f.rule)},
                             {Value::String("message"), Value::String(f.message)},
                             {Value::String("line"), Value::Int(f.line)}}));
  }
  return Obj({
      {Value::String("repository"), RepositoryValue(snap.ref)},
      {Value::String("metadata"), snap.metadata.loaded() ? snap.metadata.doc : Value()},
      {Value::String("metadata_state"), Value::String(MetadataStateName(snap.metadata.state))},
      {Value::String("metadata_errors"), Value::Array(std::move(md_errors))},
      {Value::String("tier"), TierValue(snap.metadata)},
      {Value::String("files"), Files(snap)},
      {Value::String("dockerfiles"), Dockerfiles(snap)},
      {Value::String("workflows"), Workflows(snap)},
      {Value::String("codeowners"), CodeownersValue(snap)},
      {Value::String("readme"), Readme(snap)},
      {Value::String("manifests"), Manifests(snap)},
      {Value::String("kubernetes"), KubernetesManifests(snap)},
      {Value::String("git"), git},
  });
}

Value GitValue(const std::optional<GitFacts>& facts) {
  if (!facts) return Value();
  return Obj({{Value::String("head"), Value::String(facts->head)},
              {Value::String("branch"), Str(facts->branch)},
              {Value::String("committed_at"), Value::Int(facts->committed_at)}});
}

std::optional<GitFacts> ReadGitFacts(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir / ".git", ec)) return std::nullopt;
  // libgit2 counts its initialisations (thread-safe), so a scoped pair leaves nothing behind.
  git_libgit2_init();
  GitFacts facts;
  git_repository* repo = nullptr;
  bool ok =
      git_repository_open_ext(&repo, dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) == 0;
  if (ok) {
    git_reference* head = nullptr;
    if (git_repository_head(&head, repo) == 0) {
      if (git_reference_is_branch(head)) facts.branch = git_reference_shorthand(head);
      const git_oid* oid = git_reference_target(head);
      if (oid != nullptr) {
        char hex[GIT_OID_HEXSZ + 1];
        git_oid_tostr(hex, sizeof hex, oid);
        facts.head = hex;
        git_commit* commit = nullptr;
        if (git_commit_lookup(&commit, repo, oid) == 0) {
          facts.committed_at = git_commit_time(commit);
          git_commit_free(commit);
        }
      }
      git_reference_free(head);
    } else if (git_repository_head_unborn(repo) == 1) {
      git_reference* unborn = nullptr;
      if (git_reference_lookup(&unborn, repo, "HEAD") == 0) {
        const char* target = git_reference_symbolic_target(unborn);
        constexpr std::string_view kHeads = "refs/heads/";
        if (target != nullptr && StartsWith(target, kHeads)) {
          facts.branch = std::string(target).substr(kHeads.size());
        }
        git_reference_free(unborn);
      }
    }
    git_repository_free(repo);
  }
  git_libgit2_shutdown();
  if (!ok) return std::nullopt;
  return facts;
}

Value PortfolioEntry(const portfolio::RepoRef& ref, const portfolio::Metadata& metadata) {
  return Obj({{Value::String("repository"), RepositoryValue(ref)},
              {Value::String("tier"), TierValue(metadata)},
              {Value::String("metadata"), metadata.loaded() ? metadata.doc : Value()}});
}

Value PortfolioDocument(std::vector<Value> entries) {
  auto full_name = [](const Value& v) {
    return v.FindPath({"repository", "full_name"})->GetString();
  };
  std::stable_sort(entries.begin(), entries.end(),
                   [&](const Value& a, const Value& b) { return full_name(a) < full_name(b); });
  // Indexes, so that a rule comparing one repository with the others looks up instead of
  // scanning every repository (which made a 10,000-repository run quadratic).
  std::map<std::string, std::vector<Value>, std::less<>> by_name;
  std::map<std::string, std::vector<Value>, std::less<>> by_owner;
  for (const Value& e : entries) {
    Value name = Value::String(full_name(e));
    by_name[std::string(e.FindPath({"repository", "name"})->GetString())].push_back(name);
    const Value* owner = e.FindPath({"metadata", "owner"});
    if (owner != nullptr && owner->IsString()) {
      by_owner[std::string(owner->GetString())].push_back(name);
    }
  }
  auto index = [](std::map<std::string, std::vector<Value>, std::less<>>& m) {
    std::vector<Value::Entry> out;
    out.reserve(m.size());
    for (auto& [k, v] : m) out.push_back({Value::String(k), Value::Array(std::move(v))});
    return Value::ObjectFromSorted(std::move(out));
  };
  return Obj({{Value::String("repositories"), Value::Array(std::move(entries))},
              {Value::String("by_name"), index(by_name)},
              {Value::String("by_owner"), index(by_owner)}});
}

}  // namespace golden::policy
