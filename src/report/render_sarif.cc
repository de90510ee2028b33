// SARIF 2.1.0 (OASIS) for GitHub code scanning; validated against the published schema in
// render_schema_test.cc. What code scanning reads: tool.driver.rules (id, descriptions, help,
// default level), results (ruleId, ruleIndex, level, message, one physical location with a
// repository-relative URI, partialFingerprints).
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "base/hash.h"
#include "report/json_writer.h"
#include "report/locations.h"
#include "report/render.h"

namespace golden::report {

namespace {

// SARIF's levels are golden's severities, but for info, which SARIF calls a note.
std::string_view Level(Severity s) { return s == Severity::kInfo ? "note" : SeverityName(s); }

void Text(JsonWriter* w, std::string_view key, std::string_view text) {
  w->Key(key);
  w->BeginObject();
  w->Member("text", text);
  w->EndObject();
}

void WriteRule(JsonWriter* w, const RuleInfo& rule) {
  w->BeginObject();
  w->Member("id", rule.id);
  Text(w, "shortDescription", rule.summary);
  Text(w, "fullDescription", rule.help.empty() ? rule.summary : rule.help);
  if (!rule.help.empty()) {
    w->Key("help");
    w->BeginObject();
    w->Member("text", rule.help);
    w->Member("markdown", "**" + rule.summary + "**\n\n" + rule.help);
    w->EndObject();
  }
  w->Key("defaultConfiguration");
  w->BeginObject();
  w->Member("level", Level(rule.severity));
  w->EndObject();
  w->Key("properties");
  w->BeginObject();
  w->Key("tags");
  w->BeginArray();
  w->String("golden");
  w->String(rule.check);
  w->EndArray();
  w->EndObject();
  w->EndObject();
}

// The rules results refer to: Report::rules, then (sorted) any rule a finding names that the
// report does not describe, so that every ruleIndex is valid.
std::vector<RuleInfo> AllRules(const Report& report) {
  std::vector<RuleInfo> rules = report.rules;
  std::map<std::string, const Finding*> extra;
  auto note = [&](const Finding& f) {
    if (f.severity == Severity::kInfo) return;
    bool known =
        std::any_of(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.id == f.rule; });
    if (!known) extra.emplace(f.rule, &f);
  };
  for (const OrgReport& org : report.orgs) {
    for (const Finding& f : org.findings) note(f);
    for (const RepoReport& repo : org.repos) {
      for (const Finding& f : repo.findings) note(f);
    }
  }
  for (const auto& [id, f] : extra) {
    rules.push_back(RuleInfo{id, f->check, f->severity, "Findings of " + id + ".", ""});
  }
  return rules;
}

class ResultWriter {
 public:
  ResultWriter(JsonWriter* w, const std::vector<RuleInfo>& rules) : w_(w) {
    for (size_t i = 0; i < rules.size(); ++i) index_.emplace(rules[i].id, i);
  }

  // `owner` is "<org>/<repo>" (or "<org>"): with the rule, file and message it identifies a
  // finding; `occurrence` tells identical findings in one owner apart.
  void Write(const Finding& f, const FindingLocation& where, std::string_view owner, int occurrence,
             std::string_view org, std::string_view repo) {
    w_->BeginObject();
    w_->Member("ruleId", f.rule);
    w_->Member("ruleIndex", static_cast<int64_t>(index_.at(f.rule)));
    w_->Member("level", Level(f.severity));
    Text(w_, "message", f.message);
    w_->Key("locations");
    w_->BeginArray();
    w_->BeginObject();
    w_->Key("physicalLocation");
    w_->BeginObject();
    w_->Key("artifactLocation");
    w_->BeginObject();
    w_->Member("uri", where.uri);
    if (where.relative) w_->Member("uriBaseId", "%SRCROOT%");
    w_->EndObject();
    if (where.line > 0) {
      w_->Key("region");
      w_->BeginObject();
      w_->Member("startLine", where.line);
      w_->EndObject();
    }
    w_->EndObject();
    w_->EndObject();
    w_->EndArray();
    w_->Key("partialFingerprints");
    w_->BeginObject();
    // Not the line: an alert must survive edits above it. Occurrence numbers keep identical
    // findings in one file (two EXPOSE 80 lines) apart.
    std::string key = std::string(owner) + '\0' + f.rule + '\0' + f.file + '\0' + f.message + '\0' +
                      std::to_string(occurrence);
    w_->Member("goldenFinding/v1", Hex64(FastHash64(key)));
    w_->EndObject();
    if (f.waived) {
      // A waiver (or a policy's exception) accepts the finding for now: code scanning shows
      // it as dismissed, with the reason.
      w_->Key("suppressions");
      w_->BeginArray();
      w_->BeginObject();
      w_->Member("kind", "external");
      w_->Member("status", "accepted");
      w_->Member("justification", WaiverText(*f.waived));
      w_->EndObject();
      w_->EndArray();
    }
    w_->Key("properties");
    w_->BeginObject();
    w_->Member("check", f.check);
    w_->Member("organization", org);
    if (!repo.empty()) w_->Member("repository", repo);
    w_->EndObject();
    w_->EndObject();
  }

 private:
  JsonWriter* w_;
  std::map<std::string, size_t, std::less<>> index_;
};

// Numbers identical findings (same rule, file and message) of one owner 1, 2, ...
class Occurrences {
 public:
  int Next(const Finding& f) { return ++seen_[f.rule + '\0' + f.file + '\0' + f.message]; }

 private:
  std::map<std::string, int> seen_;
};

}  // namespace

std::string RenderSarif(const Report& report) {
  std::vector<RuleInfo> rules = AllRules(report);
  std::string out;
  JsonWriter w(&out, 2);
  w.BeginObject();
  w.Member("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  w.Member("version", "2.1.0");
  w.Key("runs");
  w.BeginArray();
  w.BeginObject();
  w.Key("tool");
  w.BeginObject();
  w.Key("driver");
  w.BeginObject();
  w.Member("name", "golden");
  w.Key("rules");
  w.BeginArray();
  for (const RuleInfo& rule : rules) WriteRule(&w, rule);
  w.EndArray();
  w.EndObject();
  w.EndObject();

  ResultWriter results(&w, rules);
  w.Key("results");
  w.BeginArray();
  for (const OrgReport& org : report.orgs) {
    Occurrences org_seen;
    for (const Finding& f : org.findings) {
      if (f.severity == Severity::kInfo) continue;
      results.Write(f, LocateOrgFinding(org, f), org.name, org_seen.Next(f), org.name, "");
    }
    for (const RepoReport& repo : org.repos) {
      Occurrences seen;
      std::string owner = org.name + "/" + repo.name;
      for (const Finding& f : repo.findings) {
        if (f.severity == Severity::kInfo) continue;
        results.Write(f, LocateFinding(repo, f), owner, seen.Next(f), org.name, repo.name);
      }
    }
  }
  w.EndArray();
  w.EndObject();
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace golden::report
