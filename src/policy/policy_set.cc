#include "policy/policy_set.h"

#include <algorithm>
#include <map>
#include <optional>

#include "base/fs.h"
#include "base/parallel.h"
#include "base/strings.h"
#include "policy/input.h"
#include "portfolio/metadata.h"
#include "rego/rego.h"
#include "value/json.h"

namespace golden::policy {

namespace {

using report::Finding;
using report::Severity;

constexpr std::string_view kPolicyCheck = "policy";

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// The severity a rule's name gives its findings (conftest: deny/violation fail, warn warns;
// `deny_foo` counts as `deny`), or nullopt when the rule yields no findings.
std::optional<Severity> RuleKind(std::string_view name) {
  for (auto [prefix, severity] : {std::pair{std::string_view("deny"), Severity::kError},
                                  std::pair{std::string_view("violation"), Severity::kError},
                                  std::pair{std::string_view("warn"), Severity::kWarning}}) {
    if (name == prefix ||
        (StartsWith(name, prefix) && name.size() > prefix.size() && name[prefix.size()] == '_')) {
      return severity;
    }
  }
  return std::nullopt;
}

std::optional<Severity> ParseSeverity(std::string_view s) {
  std::string l = AsciiLower(s);
  if (l == "error" || l == "violation" || l == "deny" || l == "critical" || l == "high") {
    return Severity::kError;
  }
  if (l == "warning" || l == "warn" || l == "medium" || l == "low") return Severity::kWarning;
  if (l == "info" || l == "note") return Severity::kInfo;
  return std::nullopt;
}

std::string_view StringOr(const Value* v, std::string_view fallback = {}) {
  return v != nullptr && v->IsString() ? v->GetString() : fallback;
}

// One queried document: `data.<package>.<name>` for a deny/violation/warn rule.
struct RuleGroup {
  std::string package;  // "golden.docker"
  std::string name;     // "deny"
  Severity severity = Severity::kError;
  std::string title;
  std::string description;
  std::optional<Severity> metadata_severity;  // custom.severity
  std::vector<int64_t> tiers;                 // custom.tiers; empty: every tier
  bool multi_value = false;  // a set of findings (`deny contains ...`), never undefined
  std::optional<rego::PreparedQuery> query;

  std::string Id() const { return package + "." + name; }
  std::string Ref() const { return "data." + package + "." + name; }
  bool Applies(std::optional<int64_t> tier) const {
    return tiers.empty() || (tier && std::find(tiers.begin(), tiers.end(), *tier) != tiers.end());
  }
};

// Fills the group's annotation fields from a rego.metadata.chain() list (rule first, then
// document, package and subpackages): the nearest annotation of each kind wins.
void ApplyAnnotations(const Value& chain, RuleGroup* g) {
  if (!chain.IsArray()) return;
  bool has_tiers = !g->tiers.empty();
  for (const Value& link : chain.GetArray()) {
    const Value* a = link.Find("annotations");
    if (a == nullptr) continue;
    if (g->title.empty()) g->title = std::string(StringOr(a->Find("title")));
    if (g->description.empty()) g->description = std::string(StringOr(a->Find("description")));
    const Value* custom = a->Find("custom");
    if (custom == nullptr) continue;
    if (!g->metadata_severity) {
      if (const Value* s = custom->Find("severity"); s && s->IsString()) {
        g->metadata_severity = ParseSeverity(s->GetString());
      }
    }
    if (!has_tiers) {
      if (const Value* t = custom->Find("tiers"); t && t->IsArray()) {
        for (const Value& tier : t->GetArray()) {
          if (std::optional<int64_t> n = tier.AsInt64()) g->tiers.push_back(*n);
        }
        has_tiers = true;
      }
    }
  }
}

// The names an `exception` rule excepts: strings, or arrays of strings (conftest's
// `exception[rules] { rules := ["foo"] }`).
void CollectExceptions(const Value& v, std::vector<std::string>* out) {
  if (v.IsString()) {
    out->emplace_back(v.GetString());
    return;
  }
  if (v.IsArray() || v.IsSet()) {
    for (const Value& item : v.IsArray() ? v.GetArray() : v.GetSet()) {
      CollectExceptions(item, out);
    }
  }
}

}  // namespace

struct PolicySetImpl {
  std::shared_ptr<const rego::CompiledPolicy> policy;
  rego::EvalOptions eval;
  std::vector<RuleGroup> groups;
  /// Package -> its prepared `exception` query.
  std::map<std::string, rego::PreparedQuery> exceptions;
  /// Per tier 1-4: one query for every multi-value group that applies to the tier
  /// (`[data.a.deny, data.b.warn_x, ...]`), so a repository costs one evaluation, whose cache
  /// the rules share (helper rules such as a set of file paths are computed once), instead of
  /// one per rule; and the groups it covers, in the array's order.
  std::optional<rego::PreparedQuery> batch[4];
  std::vector<size_t> batch_groups[4];
};

PolicySet::PolicySet(std::unique_ptr<PolicySetImpl> impl) : impl_(std::move(impl)) {}
PolicySet::~PolicySet() = default;

Result<std::vector<fs::path>> PolicyFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return out;
  if (!fs::is_directory(dir, ec)) {
    return InvalidArgument(DisplayPath(dir) + ": the policy folder is not a folder");
  }
  // Hidden files and folders are left out, as OPA's loader does.
  std::vector<std::pair<fs::path, int>> stack{{dir, 0}};
  while (!stack.empty()) {
    auto [d, depth] = stack.back();
    stack.pop_back();
    if (depth > 32) continue;
    GOLDEN_ASSIGN_OR_RETURN(std::vector<DirEntry> entries, ListDir(d));
    std::vector<std::pair<fs::path, int>> subdirs;
    for (const DirEntry& e : entries) {
      if (e.name.starts_with(".")) continue;
      if (e.is_dir) {
        subdirs.push_back({d / e.name, depth + 1});
      } else if (EndsWith(e.name, ".rego") && !EndsWith(e.name, "_test.rego")) {
        out.push_back(d / e.name);
      }
    }
    stack.insert(stack.end(), subdirs.rbegin(), subdirs.rend());
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::shared_ptr<const PolicySet>> PolicySet::Compile(
    std::vector<std::pair<std::string, std::string>> modules, const Value& portfolio,
    const PolicyOptions& options) {
  rego::EngineOptions eo;
  eo.v0_compatible = options.v0_compatible;
  rego::Engine engine(eo);
  for (auto& [name, text] : modules) engine.AddModule(name, std::move(text));
  engine.SetData(Value::Object(
      {{Value::String("golden"), Value::Object({{Value::String("portfolio"), portfolio}})}}));
  rego::CompileResult compiled = engine.Compile();
  if (!compiled.policy) {
    std::string message;
    for (const rego::Diagnostic& d : compiled.errors) {
      if (!message.empty()) message += "\n";
      message += d.ToString();
    }
    return InvalidArgument(message);
  }
  auto impl = std::make_unique<PolicySetImpl>();
  impl->policy = compiled.policy;
  impl->eval.now_ns = options.now_ns;
  std::map<std::pair<std::string, std::string>, size_t> index;
  for (const rego::CompiledPolicy::RuleInfo& r : compiled.policy->Rules()) {
    if (r.function) continue;
    std::string package = StartsWith(r.package, "data.") ? r.package.substr(5) : r.package;
    if (r.name == "exception" && !impl->exceptions.contains(package)) {
      auto q = compiled.policy->Prepare("data." + package + ".exception");
      if (auto* pq = std::get_if<rego::PreparedQuery>(&q)) impl->exceptions.emplace(package, *pq);
      continue;
    }
    std::optional<Severity> kind = RuleKind(r.name);
    if (!kind) continue;
    auto [it, fresh] = index.try_emplace({package, r.name}, impl->groups.size());
    if (fresh) {
      RuleGroup g;
      g.package = package;
      g.name = r.name;
      g.severity = *kind;
      g.multi_value = r.multi_value;
      auto q = compiled.policy->Prepare(g.Ref());
      if (auto* pq = std::get_if<rego::PreparedQuery>(&q)) {
        g.query = *pq;
      } else {
        std::string message;
        for (const rego::Diagnostic& d : std::get<std::vector<rego::Diagnostic>>(q)) {
          message += d.ToString() + "\n";
        }
        return Internal("cannot query " + g.Id() + ": " + message);
      }
      impl->groups.push_back(std::move(g));
    }
    ApplyAnnotations(r.annotations, &impl->groups[it->second]);
  }
  for (int64_t tier = 1; tier <= 4; ++tier) {
    std::string text;
    std::vector<size_t>& members = impl->batch_groups[tier - 1];
    for (size_t i = 0; i < impl->groups.size(); ++i) {
      const RuleGroup& g = impl->groups[i];
      if (!g.multi_value || !g.Applies(tier)) continue;
      text += (text.empty() ? "[" : ", ") + g.Ref();
      members.push_back(i);
    }
    if (members.empty()) continue;
    auto q = compiled.policy->Prepare(text + "]");
    if (auto* pq = std::get_if<rego::PreparedQuery>(&q)) {
      impl->batch[tier - 1] = *pq;
    } else {
      members.clear();  // each group is queried on its own instead
    }
  }
  return std::shared_ptr<const PolicySet>(new PolicySet(std::move(impl)));
}

Result<std::shared_ptr<const PolicySet>> PolicySet::Load(const fs::path& dir,
                                                         const Value& portfolio,
                                                         const PolicyOptions& options) {
  GOLDEN_ASSIGN_OR_RETURN(std::vector<fs::path> files, PolicyFiles(dir));
  PolicyOptions effective = options;
  // An OPA bundle manifest may say the folder is Rego v0 ({"rego_version": 0}), so a team
  // can keep conftest-style policies without a flag on every command.
  std::error_code ec;
  if (fs::exists(dir / ".manifest", ec)) {
    auto text = ReadFile(dir / ".manifest");
    if (!text.ok())
      return InvalidArgument(DisplayPath(dir / ".manifest") + ": " + text.status().message());
    auto manifest = ParseJson(*text, DisplayPath(dir / ".manifest"));
    if (!manifest.ok()) return InvalidArgument(manifest.status().ToString());
    if (const Value* v = manifest->Find("rego_version")) {
      std::optional<int64_t> version = v->AsInt64();
      if (!version || (*version != 0 && *version != 1)) {
        return InvalidArgument(DisplayPath(dir / ".manifest") + ": rego_version must be 0 or 1");
      }
      if (*version == 0) effective.v0_compatible = true;
    }
  }
  std::vector<std::pair<std::string, std::string>> modules;
  for (const fs::path& f : files) {
    std::string name =
        options.display_base.empty() ? DisplayPath(f) : RelativePath(f, options.display_base);
    auto text = ReadFile(f);
    if (!text.ok()) return InvalidArgument(name + ": " + text.status().message());
    modules.emplace_back(std::move(name), std::move(*text));
  }
  return Compile(std::move(modules), portfolio, effective);
}

namespace {

// The findings of one group's document (a set of messages, or a complete rule's value).
void AddGroupFindings(const RuleGroup& g, const Value& doc,
                      const std::map<std::string, std::vector<std::string>>& excepted,
                      std::vector<Finding>* out) {
  std::span<const Value> values;
  if (doc.IsSet()) {
    values = doc.GetSet();
  } else if (doc.IsArray()) {
    values = doc.GetArray();
  } else {
    values = std::span<const Value>(&doc, 1);
  }
  // conftest: `exception` names the rule without its kind ("foo" for deny_foo; "" for deny).
  std::string suffix;
  if (size_t u = g.name.find('_'); u != std::string::npos) suffix = g.name.substr(u + 1);
  const std::vector<std::string>* exc = nullptr;
  if (auto it = excepted.find(g.package); it != excepted.end()) exc = &it->second;
  bool is_excepted = exc != nullptr && std::find(exc->begin(), exc->end(), suffix) != exc->end();
  for (const Value& v : values) {
    if (v.IsBool() && !v.GetBool()) continue;  // `deny := false`: nothing to report
    Finding f;
    f.check = std::string(kPolicyCheck);
    f.rule = g.Id();
    f.severity = g.metadata_severity.value_or(g.severity);
    f.title = g.title;
    f.description = g.description;
    if (v.IsString()) {
      f.message = std::string(v.GetString());
    } else if (v.IsObject() && v.Find("msg") != nullptr && v.Find("msg")->IsString()) {
      f.message = std::string(v.Find("msg")->GetString());
      if (const Value* rule = v.Find("rule"); rule && rule->IsString()) {
        f.rule = g.package + "." + std::string(rule->GetString());
      }
      f.file = std::string(StringOr(v.Find("file")));
      if (const Value* line = v.Find("line")) {
        f.line = static_cast<int>(line->AsInt64().value_or(0));
      }
      if (const Value* sev = v.Find("severity"); sev && sev->IsString()) {
        f.severity = ParseSeverity(sev->GetString()).value_or(f.severity);
      }
    } else if (v.IsBool()) {
      f.message = g.title.empty() ? g.Id() : g.title;  // `deny := true`
    } else {
      f.message = "Policy result without a msg: " + ToJson(v);
    }
    if (is_excepted) f.waived = Finding::Waiver{"exception in policy " + g.package, "", ""};
    out->push_back(std::move(f));
  }
}

const Value* FirstValue(const rego::EvalResult& r) {
  if (r.error || r.results.empty() || r.results[0].expressions.empty()) return nullptr;
  return &r.results[0].expressions[0].value;
}

}  // namespace

std::vector<Finding> PolicySet::Evaluate(const Value& input) const {
  std::vector<Finding> out;
  std::optional<int64_t> tier;
  if (const Value* t = input.Find("tier")) tier = t->AsInt64();
  // Exceptions per package, evaluated once.
  std::map<std::string, std::vector<std::string>> excepted;
  for (const auto& [package, query] : impl_->exceptions) {
    rego::EvalResult r = query.Eval(input, impl_->eval);
    if (r.error) {
      out.push_back(report::MakeFinding(std::string(kPolicyCheck), package + ".exception",
                                        Severity::kError,
                                        "Policy evaluation failed: " + r.error->ToString()));
    } else if (const Value* v = FirstValue(r)) {
      CollectExceptions(*v, &excepted[package]);
    }
  }
  // The tier's batch first; when it fails, its groups are evaluated one by one below, so an
  // error is reported against the rule that raised it.
  std::vector<bool> done(impl_->groups.size(), false);
  if (tier && *tier >= 1 && *tier <= 4 && impl_->batch[*tier - 1]) {
    rego::EvalResult r = impl_->batch[*tier - 1]->Eval(input, impl_->eval);
    const Value* docs = FirstValue(r);
    const std::vector<size_t>& members = impl_->batch_groups[*tier - 1];
    if (docs != nullptr && docs->IsArray() && docs->GetArray().size() == members.size()) {
      for (size_t i = 0; i < members.size(); ++i) {
        AddGroupFindings(impl_->groups[members[i]], docs->GetArray()[i], excepted, &out);
        done[members[i]] = true;
      }
    }
  }
  for (size_t i = 0; i < impl_->groups.size(); ++i) {
    const RuleGroup& g = impl_->groups[i];
    if (done[i] || !g.Applies(tier)) continue;
    rego::EvalResult r = g.query->Eval(input, impl_->eval);
    if (r.error) {
      out.push_back(report::MakeFinding(std::string(kPolicyCheck), g.Id(), Severity::kError,
                                        "Policy evaluation failed: " + r.error->ToString()));
    } else if (const Value* v = FirstValue(r)) {
      AddGroupFindings(g, *v, excepted, &out);
    }
  }
  return out;
}

std::vector<report::RuleInfo> PolicySet::Rules() const {
  std::vector<report::RuleInfo> out;
  for (const RuleGroup& g : impl_->groups) {
    std::string summary = !g.title.empty() ? g.title : g.description;
    if (summary.empty()) summary = "Policy rule " + g.Id();
    // SARIF's help: the METADATA description, when the title is already the summary.
    std::string help = !g.title.empty() ? g.description : std::string();
    out.push_back(report::RuleInfo{g.Id(), std::string(kPolicyCheck),
                                   g.metadata_severity.value_or(g.severity), std::move(summary),
                                   std::move(help)});
  }
  return out;
}

void PolicySet::AddFindings(const portfolio::RepoSnapshot& snapshot,
                            std::vector<Finding>* findings) const {
  Value input = RepoInput(snapshot, *findings, GitValue(ReadGitFacts(snapshot.ref.dir)));
  std::vector<Finding> more = Evaluate(input);
  findings->insert(findings->end(), std::make_move_iterator(more.begin()),
                   std::make_move_iterator(more.end()));
}

Value BuildPortfolio(const std::vector<const portfolio::RepoRef*>& refs, unsigned threads) {
  std::vector<Value> entries(refs.size());
  ParallelFor(refs.size(), threads == 0 ? DefaultThreadCount() : threads, [&](size_t i) {
    portfolio::Metadata md;
    auto text = ReadFile(refs[i]->dir / portfolio::kMetadataFile, portfolio::kMaxMetadataBytes);
    if (text.ok()) md = portfolio::ParseMetadata(*text);
    entries[i] = PortfolioEntry(*refs[i], md);
  });
  return PortfolioDocument(std::move(entries));
}

}  // namespace golden::policy
