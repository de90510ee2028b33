// The Markdown report for a GitHub Actions job summary ($GITHUB_STEP_SUMMARY). Every
// organization has a row, including one whose folder could not be read (the original
// workflow's table lost organizations whose run crashed). Text from repositories goes through
// MarkdownEscape so that no name or message becomes markup.
#include <string>
#include <vector>

#include "report/escape.h"
#include "report/render.h"

namespace golden::report {

namespace {

void Line(std::string* out, std::string_view text = {}) {
  out->append(text);
  out->push_back('\n');
}

std::string Count(int n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string_view ScopeWord(Scope scope) {
  switch (scope) {
    case Scope::kPortfolio:
      return "portfolio";
    case Scope::kOrg:
      return "organization";
    case Scope::kRepo:
      return "repository";
  }
  return "portfolio";
}

std::string OrgStatus(const OrgReport& org, const Totals& t) {
  for (const Finding& f : org.findings) {
    if (f.severity == Severity::kError) return ":warning: error: " + MarkdownEscape(f.message);
  }
  if (t.failed > 0) return ":x: fail";
  if (t.total_repos == 0) return ":white_check_mark: pass (no repositories)";
  return ":white_check_mark: pass";
}

std::string Where(const Finding& f) {
  if (f.file.empty()) return "(repository)";
  return MarkdownEscape(f.file) + (f.line > 0 ? ":" + std::to_string(f.line) : "");
}

// One repository's violations and warnings as a table.
std::string RepoSection(const OrgReport& org, const RepoReport& repo) {
  Counts c = repo.counts();
  std::string out;
  std::string name = org.name.empty() ? repo.name : org.name + "/" + repo.name;
  std::vector<std::string> parts;
  if (c.violations > 0) parts.push_back(Count(c.violations, "violation", "violations"));
  if (c.warnings > 0) parts.push_back(Count(c.warnings, "warning", "warnings"));
  std::string heading = "#### " + MarkdownEscape(name) + ": " + parts[0];
  if (parts.size() > 1) heading += ", " + parts[1];
  Line(&out, heading);
  Line(&out);
  Line(&out, "| Severity | Rule | File | Message |");
  Line(&out, "| --- | --- | --- | --- |");
  for (const Finding& f : repo.findings) {
    if (f.severity == Severity::kInfo || f.waived) continue;
    Line(&out, "| " + std::string(SeverityName(f.severity)) + " | " + MarkdownEscape(f.rule) +
                   " | " + Where(f) + " | " + MarkdownEscape(f.message) + " |");
  }
  Line(&out);
  return out;
}

// Appends sections while they fit in the budget; returns how many did not.
int AppendWithin(std::string* out, const std::vector<std::string>& sections, size_t reserve) {
  int left_out = 0;
  for (const std::string& s : sections) {
    if (left_out > 0 || out->size() + s.size() + reserve > kMarkdownBudgetBytes) {
      ++left_out;
    } else {
      out->append(s);
    }
  }
  return left_out;
}

}  // namespace

std::string RenderMarkdown(const Report& report) {
  Totals all = report.totals();
  bool failed = Fails(report, false);
  std::string out;
  if (failed) {
    Line(&out, "## golden enforce: :x: " + std::to_string(all.failed) + " of " +
                   Count(all.total_repos, "repository fails", "repositories fail"));
  } else {
    Line(&out, "## golden enforce: :white_check_mark: " +
                   std::string(all.total_repos == 1 ? "the repository passes"
                                                    : "all " + std::to_string(all.total_repos) +
                                                          " repositories pass"));
  }
  Line(&out);
  std::string facts = Count(all.total_violations, "violation", "violations") + ", " +
                      Count(all.total_warnings, "warning", "warnings") + " in the " +
                      std::string(ScopeWord(report.scope)) + " " + MarkdownEscape(report.path);
  if (report.scope == Scope::kPortfolio) {
    facts +=
        " (" + Count(static_cast<int>(report.orgs.size()), "organization", "organizations") + ")";
  }
  facts += ", checked at " + report.timestamp + ".";
  if (report.strict) facts += " Strict mode: warnings count as violations.";
  if (report.shard) {
    facts += " Shard " + std::to_string(report.shard->index) + " of " +
             std::to_string(report.shard->count) + " of the repositories.";
  }
  Line(&out, facts);
  Line(&out);

  Line(&out, "| Organization | Repositories | Passed | Failed | Violations | Warnings | Status |");
  Line(&out, "| --- | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const OrgReport& org : report.orgs) {
    Totals t = Summarize(org);
    Line(&out, "| " + MarkdownEscape(org.name) + " | " + std::to_string(t.total_repos) + " | " +
                   std::to_string(t.passed) + " | " + std::to_string(t.failed) + " | " +
                   std::to_string(t.total_violations) + " | " + std::to_string(t.total_warnings) +
                   " | " + OrgStatus(org, t) + " |");
  }
  if (report.orgs.size() > 1) {
    Line(&out, "| **Total** | **" + std::to_string(all.total_repos) + "** | **" +
                   std::to_string(all.passed) + "** | **" + std::to_string(all.failed) + "** | **" +
                   std::to_string(all.total_violations) + "** | **" +
                   std::to_string(all.total_warnings) + "** | " +
                   (failed ? ":x: fail" : ":white_check_mark: pass") + " |");
  }
  Line(&out);

  std::vector<std::string> failing, warned;
  for (const OrgReport& org : report.orgs) {
    for (const RepoReport& repo : org.repos) {
      Counts c = repo.counts();
      if (c.violations > 0) {
        failing.push_back(RepoSection(org, repo));
      } else if (c.warnings > 0) {
        warned.push_back(RepoSection(org, repo));
      }
    }
  }
  // Room kept for the headings and the closing note.
  constexpr size_t kReserve = 1024;
  int left_out = 0;
  if (!failing.empty()) {
    Line(&out, "### Failing repositories");
    Line(&out);
    left_out += AppendWithin(&out, failing, kReserve);
  }
  if (!warned.empty()) {
    Line(&out, "### Repositories that pass with warnings");
    Line(&out);
    left_out += AppendWithin(&out, warned, kReserve);
  }
  if (left_out > 0) {
    Line(&out, "_" + Count(left_out, "more repository", "more repositories") +
                   " with findings not shown: a step summary is limited to 1 MiB. Every finding "
                   "is in the enforce reports (JSON, SARIF)._");
  }
  return out;
}

}  // namespace golden::report
