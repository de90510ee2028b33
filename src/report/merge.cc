#include "report/merge.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "value/json.h"

namespace golden::report {

namespace {

// Reads the objects of one JSON report; the first error (with its JSON path) wins.
class Reader {
 public:
  explicit Reader(std::string_view filename) : filename_(filename) {}

  bool failed() const { return !error_.empty(); }
  Status status() const { return InvalidArgument(std::string(filename_) + ": " + error_); }

  // The member `key` of `obj`, which must exist (nullptr and an error otherwise).
  const Value* Member(const Value& obj, std::string_view key, const std::string& at) {
    const Value* v = obj.Find(key);
    if (v == nullptr) Fail(at, "missing key '" + std::string(key) + "'");
    return v;
  }
  std::string String(const Value& obj, std::string_view key, const std::string& at) {
    const Value* v = Member(obj, key, at);
    if (v == nullptr) return "";
    return AsString(*v, key, at);
  }
  // The member `key` when present (keys only some findings carry), else "".
  std::string OptionalString(const Value& obj, std::string_view key, const std::string& at) {
    const Value* v = obj.Find(key);
    return v == nullptr ? std::string() : AsString(*v, key, at);
  }
  std::string AsString(const Value& v, std::string_view key, const std::string& at) {
    if (!v.IsString()) {
      Fail(Join(at, key), "expected a string");
      return "";
    }
    return std::string(v.GetString());
  }
  int Int(const Value& obj, std::string_view key, const std::string& at) {
    const Value* v = Member(obj, key, at);
    if (v == nullptr) return 0;
    std::optional<int64_t> i = v->AsInt64();
    if (!i || *i < 0 || *i > INT32_MAX) {
      Fail(Join(at, key), "expected a whole number");
      return 0;
    }
    return static_cast<int>(*i);
  }
  bool Bool(const Value& obj, std::string_view key, const std::string& at) {
    const Value* v = Member(obj, key, at);
    if (v == nullptr) return false;
    if (!v->IsBool()) Fail(Join(at, key), "expected true or false");
    return v->IsTrue();
  }
  std::span<const Value> Array(const Value& obj, std::string_view key, const std::string& at) {
    const Value* v = Member(obj, key, at);
    if (v == nullptr) return {};
    if (!v->IsArray()) {
      Fail(Join(at, key), "expected an array");
      return {};
    }
    return v->GetArray();
  }
  bool Object(const Value& v, const std::string& at) {
    if (!v.IsObject()) Fail(at, "expected an object");
    return v.IsObject();
  }

  std::optional<Severity> ParseSeverity(std::string_view s, const std::string& at) {
    for (Severity sev : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
      if (SeverityName(sev) == s) return sev;
    }
    Fail(at, "unknown severity '" + std::string(s) + "'");
    return std::nullopt;
  }

  void Fail(const std::string& at, std::string what) {
    if (error_.empty()) error_ = (at.empty() ? "(top level)" : at) + ": " + what;
  }

  static std::string Join(const std::string& at, std::string_view key) {
    return at.empty() ? std::string(key) : at + "." + std::string(key);
  }
  static std::string Index(const std::string& at, std::string_view key, size_t i) {
    return Join(at, key) + "[" + std::to_string(i) + "]";
  }

 private:
  std::string_view filename_;
  std::string error_;
};

// `expected` is the severity every finding of the list has; nullopt for the `waived` list,
// which holds findings of any severity, each with its `waiver`.
void ReadFindings(Reader* r, const Value& obj, std::string_view key, const std::string& at,
                  std::optional<Severity> expected, std::vector<Finding>* out) {
  std::span<const Value> items = r->Array(obj, key, at);
  for (size_t i = 0; i < items.size(); ++i) {
    std::string here = Reader::Index(at, key, i);
    if (!r->Object(items[i], here)) return;
    const Value& v = items[i];
    Finding f;
    f.check = r->String(v, "check", here);
    f.rule = r->String(v, "rule", here);
    f.message = r->String(v, "message", here);
    std::optional<Severity> sev = r->ParseSeverity(r->String(v, "severity", here), here);
    if (sev && expected && *sev != *expected && key != "errors") {
      r->Fail(here, "a finding of severity '" + std::string(SeverityName(*sev)) + "' in '" +
                        std::string(key) + "'");
    }
    f.severity = sev.value_or(expected.value_or(Severity::kError));
    if (const Value* file = r->Member(v, "file", here); file && !file->IsNull()) {
      f.file = r->String(v, "file", here);
    }
    if (const Value* line = r->Member(v, "line", here); line && !line->IsNull()) {
      f.line = r->Int(v, "line", here);
    }
    f.title = r->OptionalString(v, "title", here);
    f.description = r->OptionalString(v, "description", here);
    if (!expected) {
      const std::string waiver_at = Reader::Join(here, "waiver");
      if (const Value* w = r->Member(v, "waiver", here); w && r->Object(*w, waiver_at)) {
        f.waived = Finding::Waiver{r->String(*w, "reason", waiver_at),
                                   r->OptionalString(*w, "expires", waiver_at),
                                   r->OptionalString(*w, "owner", waiver_at)};
      }
    }
    out->push_back(std::move(f));
  }
}

RepoReport ReadRepo(Reader* r, const Value& v, const std::string& org, const std::string& at) {
  RepoReport repo;
  repo.name = r->String(v, "name", at);
  repo.org = org;
  repo.path = r->String(v, "path", at);
  if (const Value* md = r->Member(v, "metadata", at)) repo.metadata = *md;
  ReadFindings(r, v, "violations", at, Severity::kError, &repo.findings);
  ReadFindings(r, v, "warnings", at, Severity::kWarning, &repo.findings);
  ReadFindings(r, v, "info", at, Severity::kInfo, &repo.findings);
  if (v.Find("waived") != nullptr) ReadFindings(r, v, "waived", at, std::nullopt, &repo.findings);
  SortFindings(&repo.findings);  // the JSON groups them by severity
  return repo;
}

// The body of an organization object (see render_json.cc WriteOrgBody).
OrgReport ReadOrg(Reader* r, const Value& v, const std::string& at) {
  OrgReport org;
  org.name = r->String(v, "organization", at);
  org.path = r->String(v, "path", at);
  std::span<const Value> repos = r->Array(v, "repos", at);
  for (size_t i = 0; i < repos.size() && !r->failed(); ++i) {
    std::string here = Reader::Index(at, "repos", i);
    if (r->Object(repos[i], here)) org.repos.push_back(ReadRepo(r, repos[i], org.name, here));
  }
  ReadFindings(r, v, "errors", at, Severity::kError, &org.findings);
  return org;
}

void ReadShard(Reader* r, const Value& top, Report* rep) {
  const Value* s = top.Find("shard");
  if (s == nullptr) return;
  const std::string at = "shard";
  if (!r->Object(*s, at)) return;
  Shard shard;
  shard.index = r->Int(*s, "index", at);
  shard.count = r->Int(*s, "count", at);
  if (!r->failed() && (shard.count < 1 || shard.index < 1 || shard.index > shard.count)) {
    r->Fail(at, "not a shard K/N with 1 <= K <= N");
  }
  rep->shard = shard;
  rep->name = r->String(*s, "name", at);
  rep->strict = r->Bool(*s, "strict", at);
  std::span<const Value> rules = r->Array(*s, "rules", at);
  for (size_t i = 0; i < rules.size() && !r->failed(); ++i) {
    std::string here = Reader::Index(at, "rules", i);
    if (!r->Object(rules[i], here)) return;
    RuleInfo rule;
    rule.id = r->String(rules[i], "id", here);
    rule.check = r->String(rules[i], "check", here);
    rule.severity =
        r->ParseSeverity(r->String(rules[i], "severity", here), here).value_or(Severity::kError);
    rule.summary = r->String(rules[i], "summary", here);
    rule.help = r->String(rules[i], "help", here);
    rep->rules.push_back(std::move(rule));
  }
}

}  // namespace

std::string ShardName(const Shard& s) {
  return std::to_string(s.index) + "/" + std::to_string(s.count);
}

Status CheckShardSet(std::span<const Shard> shards) {
  if (shards.empty()) return InvalidArgument("no shards to merge");
  std::vector<Shard> sorted(shards.begin(), shards.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const Shard& a, const Shard& b) { return a.index < b.index; });
  const int count = sorted.front().count;
  std::set<int> seen;
  for (const Shard& s : sorted) {
    if (s.count != count) {
      return InvalidArgument("shards of different splits: " + ShardName(sorted.front()) + " and " +
                             ShardName(s));
    }
    if (!seen.insert(s.index).second) {
      return InvalidArgument("shard " + ShardName(s) + " is given twice");
    }
  }
  std::vector<std::string> missing;
  for (int k = 1; k <= count; ++k) {
    if (!seen.count(k)) missing.push_back(ShardName(Shard{k, count}));
  }
  if (!missing.empty()) {
    std::string list;
    for (const std::string& m : missing) list += (list.empty() ? "" : ", ") + m;
    return InvalidArgument(std::string(missing.size() == 1 ? "shard " : "shards ") + list +
                           (missing.size() == 1 ? " is" : " are") + " missing");
  }
  return Status::Ok();
}

Result<Report> ParseJsonReport(std::string_view text, std::string_view filename) {
  GOLDEN_ASSIGN_OR_RETURN(Value top, ParseJson(text, filename));
  Reader r(filename);
  Report rep;
  if (!r.Object(top, "")) return r.status();
  if (top.Find("organizations") != nullptr) {
    rep.scope = Scope::kPortfolio;
    rep.name = r.String(top, "portfolio", "");
    rep.path = r.String(top, "path", "");
    rep.timestamp = r.String(top, "timestamp", "");
    std::span<const Value> orgs = r.Array(top, "organizations", "");
    for (size_t i = 0; i < orgs.size() && !r.failed(); ++i) {
      std::string here = Reader::Index("", "organizations", i);
      if (r.Object(orgs[i], here)) rep.orgs.push_back(ReadOrg(&r, orgs[i], here));
    }
  } else if (top.Find("organization") != nullptr) {
    rep.scope = Scope::kOrg;
    rep.orgs.push_back(ReadOrg(&r, top, ""));
    rep.name = rep.orgs.back().name;
    rep.path = rep.orgs.back().path;
    rep.timestamp = r.String(top, "timestamp", "");
  } else if (top.Find("repo") != nullptr) {
    return InvalidArgument(std::string(filename) +
                           ": a repository's report; only organization and portfolio reports "
                           "can be merged");
  } else {
    return InvalidArgument(std::string(filename) + ": not a golden enforce JSON report");
  }
  ReadShard(&r, top, &rep);
  if (r.failed()) return r.status();
  return rep;
}

Result<Report> MergeShards(std::vector<Report> shards) {
  if (shards.empty()) return InvalidArgument("no reports to merge");
  for (const Report& s : shards) {
    if (!s.shard) {
      return InvalidArgument(
          "a report of a whole run, not of a shard (run golden enforce with "
          "--shard K/N)");
    }
  }
  std::vector<Shard> parts;
  for (const Report& s : shards) parts.push_back(*s.shard);
  GOLDEN_RETURN_IF_ERROR(CheckShardSet(parts));
  std::sort(shards.begin(), shards.end(),
            [](const Report& a, const Report& b) { return a.shard->index < b.shard->index; });
  const Report& first = shards.front();
  for (const Report& s : shards) {
    auto differs = [&](std::string_view what) {
      return InvalidArgument("shard " + ShardName(*s.shard) + " is of another run than shard " +
                             ShardName(*first.shard) + ": its " + std::string(what) + " differs");
    };
    if (s.scope != first.scope || s.path != first.path || s.name != first.name) {
      return differs("target");
    }
    if (s.strict != first.strict) return differs("strictness");
    if (s.rules != first.rules) return differs("rule set");
    if (s.orgs.size() != first.orgs.size()) return differs("list of organizations");
    for (size_t i = 0; i < s.orgs.size(); ++i) {
      if (s.orgs[i].name != first.orgs[i].name || s.orgs[i].path != first.orgs[i].path) {
        return differs("list of organizations");
      }
    }
  }

  Report out;
  out.scope = first.scope;
  out.name = first.name;
  out.path = first.path;
  out.rules = first.rules;
  out.strict = first.strict;
  out.timestamp = first.timestamp;
  for (const Report& s : shards) out.timestamp = std::min(out.timestamp, s.timestamp);
  for (size_t i = 0; i < first.orgs.size(); ++i) {
    OrgReport org;
    org.name = first.orgs[i].name;
    org.path = first.orgs[i].path;
    for (Report& s : shards) {
      OrgReport& part = s.orgs[i];
      // Every shard lists every organization, so a folder that could not be listed is
      // reported by each of them: keep one copy.
      for (Finding& f : part.findings) {
        bool known = std::any_of(org.findings.begin(), org.findings.end(), [&](const Finding& g) {
          return g.rule == f.rule && g.message == f.message && g.file == f.file &&
                 g.line == f.line && g.severity == f.severity;
        });
        if (!known) org.findings.push_back(std::move(f));
      }
      for (RepoReport& repo : part.repos) org.repos.push_back(std::move(repo));
    }
    std::sort(org.repos.begin(), org.repos.end(),
              [](const RepoReport& a, const RepoReport& b) { return a.name < b.name; });
    for (size_t k = 1; k < org.repos.size(); ++k) {
      if (org.repos[k].name == org.repos[k - 1].name) {
        return InvalidArgument("the repository " + org.name + "/" + org.repos[k].name +
                               " is in two shards");
      }
    }
    out.orgs.push_back(std::move(org));
  }
  return out;
}

}  // namespace golden::report
