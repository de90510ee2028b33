// The JSON shapes of the original enforce.py (../shared/spec/original-behaviour.md 2.5) with
// the fixes listed in docs/design.md "Reports": every finding has the same keys, paths are
// relative, dates are strings, findings are sorted.
#include <string>

#include "report/json_writer.h"
#include "report/render.h"

namespace golden::report {

namespace {

void WriteShard(JsonWriter* w, const Report& report);

void WriteFinding(JsonWriter* w, const Finding& f, const std::string& timestamp) {
  w->BeginObject();
  w->Member("check", f.check);
  w->Member("rule", f.rule);
  w->Member("message", f.message);
  w->Member("severity", SeverityName(f.severity));
  // The original stamped violations (only) with the time they were recorded; golden uses the
  // run's single timestamp so that the output is reproducible.
  if (f.severity == Severity::kError) w->Member("timestamp", timestamp);
  w->Key("file");
  if (f.file.empty()) {
    w->Null();
  } else {
    w->String(f.file);
  }
  w->Key("line");
  if (f.line > 0) {
    w->Int(f.line);
  } else {
    w->Null();
  }
  // Policy findings also carry their rule's # METADATA.
  if (!f.title.empty()) w->Member("title", f.title);
  if (!f.description.empty()) w->Member("description", f.description);
  if (f.waived) {
    w->Key("waiver");
    w->BeginObject();
    w->Member("reason", f.waived->reason);
    if (!f.waived->expires.empty()) w->Member("expires", f.waived->expires);
    if (!f.waived->owner.empty()) w->Member("owner", f.waived->owner);
    w->EndObject();
  }
  w->EndObject();
}

void WriteFindings(JsonWriter* w, const RepoReport& repo, Severity severity, std::string_view key,
                   const std::string& timestamp) {
  w->Key(key);
  w->BeginArray();
  for (const Finding& f : repo.findings) {
    if (f.severity == severity && !f.waived) WriteFinding(w, f, timestamp);
  }
  w->EndArray();
}

// Waived findings are listed apart, whatever their severity: they count as none.
void WriteAllFindings(JsonWriter* w, const RepoReport& repo, const std::string& timestamp) {
  WriteFindings(w, repo, Severity::kError, "violations", timestamp);
  WriteFindings(w, repo, Severity::kWarning, "warnings", timestamp);
  WriteFindings(w, repo, Severity::kInfo, "info", timestamp);
  w->Key("waived");
  w->BeginArray();
  for (const Finding& f : repo.findings) {
    if (f.waived) WriteFinding(w, f, timestamp);
  }
  w->EndArray();
}

// A repository inside an organization: the original's keys (name, path, passed, violations,
// warnings, info, metadata) plus its own summary counts.
void WriteOrgRepo(JsonWriter* w, const RepoReport& repo, const std::string& timestamp) {
  Counts c = repo.counts();
  w->BeginObject();
  w->Member("name", repo.name);
  w->Member("path", repo.path);
  w->Member("passed", c.violations == 0);
  w->Key("summary");
  w->BeginObject();
  w->Member("violations", c.violations);
  w->Member("warnings", c.warnings);
  w->Member("info", c.info);
  w->Member("waived", c.waived);
  w->EndObject();
  WriteAllFindings(w, repo, timestamp);
  w->Key("metadata");
  w->Value(repo.metadata);
  w->EndObject();
}

void WriteTotals(JsonWriter* w, const Totals& t) {
  w->Member("total_repos", t.total_repos);
  w->Member("passed", t.passed);
  w->Member("failed", t.failed);
  w->Member("total_violations", t.total_violations);
  w->Member("total_warnings", t.total_warnings);
  w->Member("total_info", t.total_info);
  w->Member("total_waived", t.total_waived);
}

// The body of an organization object (without the braces), shared by the organization
// report and each organization of a portfolio report.
void WriteOrgBody(JsonWriter* w, const OrgReport& org, const std::string& timestamp,
                  bool with_timestamp) {
  w->Member("organization", org.name);
  w->Member("path", org.path);
  if (with_timestamp) w->Member("timestamp", timestamp);
  w->Key("repos");
  w->BeginArray();
  for (const RepoReport& repo : org.repos) WriteOrgRepo(w, repo, timestamp);
  w->EndArray();
  w->Key("errors");
  w->BeginArray();
  for (const Finding& f : org.findings) WriteFinding(w, f, timestamp);
  w->EndArray();
  w->Key("summary");
  w->BeginObject();
  WriteTotals(w, Summarize(org));
  w->EndObject();
}

void WriteRepoReport(JsonWriter* w, const Report& report) {
  const RepoReport& repo = report.repo();
  Counts c = repo.counts();
  w->BeginObject();
  w->Member("repo", repo.path);
  w->Member("timestamp", report.timestamp);
  w->Key("summary");
  w->BeginObject();
  w->Member("violations", c.violations);
  w->Member("warnings", c.warnings);
  w->Member("info", c.info);
  w->Member("waived", c.waived);
  w->Member("passed", c.violations == 0);
  w->EndObject();
  w->Key("metadata");
  w->Value(repo.metadata);
  WriteAllFindings(w, repo, report.timestamp);
  if (report.shard) WriteShard(w, report);
  w->EndObject();
}

void WritePortfolioReport(JsonWriter* w, const Report& report) {
  w->BeginObject();
  w->Member("portfolio", report.name);
  w->Member("path", report.path);
  w->Member("timestamp", report.timestamp);
  w->Key("organizations");
  w->BeginArray();
  for (const OrgReport& org : report.orgs) {
    w->BeginObject();
    WriteOrgBody(w, org, report.timestamp, /*with_timestamp=*/false);
    w->EndObject();
  }
  w->EndArray();
  w->Key("summary");
  w->BeginObject();
  w->Member("total_organizations", static_cast<int64_t>(report.orgs.size()));
  WriteTotals(w, report.totals());
  w->EndObject();
  if (report.shard) WriteShard(w, report);
  w->EndObject();
}

// What `golden merge` needs besides the report itself (see render.h).
void WriteShard(JsonWriter* w, const Report& report) {
  w->Key("shard");
  w->BeginObject();
  w->Member("index", report.shard->index);
  w->Member("count", report.shard->count);
  w->Member("name", report.name);
  w->Member("strict", report.strict);
  w->Key("rules");
  w->BeginArray();
  for (const RuleInfo& rule : report.rules) {
    w->BeginObject();
    w->Member("id", rule.id);
    w->Member("check", rule.check);
    w->Member("severity", SeverityName(rule.severity));
    w->Member("summary", rule.summary);
    w->Member("help", rule.help);
    w->EndObject();
  }
  w->EndArray();
  w->EndObject();
}

}  // namespace

std::string RenderJson(const Report& report) {
  std::string out;
  JsonWriter w(&out, 2);
  switch (report.scope) {
    case Scope::kRepo:
      WriteRepoReport(&w, report);
      break;
    case Scope::kOrg:
      w.BeginObject();
      WriteOrgBody(&w, report.orgs.at(0), report.timestamp, /*with_timestamp=*/true);
      if (report.shard) WriteShard(&w, report);
      w.EndObject();
      break;
    case Scope::kPortfolio:
      WritePortfolioReport(&w, report);
      break;
  }
  out.push_back('\n');
  return out;
}

}  // namespace golden::report
