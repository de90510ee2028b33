// The text layouts of the original enforce.py (see ../shared/spec/original-behaviour.md 2.5),
// plus a portfolio layout in the same style.
#include <string>

#include "report/render.h"

namespace golden::report {

namespace {

const std::string kRule(60, '=');

void Line(std::string* out, std::string_view text = {}) {
  out->append(text);
  out->push_back('\n');
}

void Header(std::string* out, std::string_view title, std::string_view name) {
  Line(out);
  Line(out, kRule);
  Line(out, std::string(title) + ": " + std::string(name));
  Line(out, kRule);
  Line(out);
}

std::string FileRef(const Finding& f) {
  if (f.line > 0) return f.file + ":" + std::to_string(f.line);
  return f.file;
}

// What a finding line names: the check (as the original did), or for policy findings the
// rule id, which is what waivers and `golden test` refer to.
std::string Source(const Finding& f) { return f.check == "policy" ? f.rule : f.check; }

// One severity section of the repository layout. `tag` is [ERROR]/[WARN]/[INFO]; the File:
// line is indented to sit under the check name, as in the original.
void Section(std::string* out, const RepoReport& repo, Severity severity, std::string_view title,
             std::string_view tag) {
  bool any = false;
  for (const Finding& f : repo.findings) {
    if (f.severity != severity || f.waived) continue;
    if (!any) {
      Line(out);
      Line(out, title);
      any = true;
    }
    Line(out, "  " + std::string(tag) + " " + Source(f) + ": " + f.message);
    if (!f.file.empty() && severity != Severity::kInfo) {
      Line(out, std::string(tag.size() + 3, ' ') + "File: " + FileRef(f));
    }
  }
}

// Waived findings, whatever their severity, with the waiver's reason and end.
void WaivedSection(std::string* out, const RepoReport& repo) {
  bool any = false;
  for (const Finding& f : repo.findings) {
    if (!f.waived) continue;
    if (!any) {
      Line(out);
      Line(out, "[WAIVED]");
      any = true;
    }
    Line(out, "  [WAIVED] " + Source(f) + ": " + f.message + " (" + WaiverText(*f.waived) + ")");
    if (!f.file.empty()) Line(out, "           File: " + FileRef(f));
  }
}

void RenderRepo(const Report& report, std::string* out) {
  const RepoReport& repo = report.repo();
  Counts c = repo.counts();
  Header(out, "Enforcement Report", repo.name);
  Line(out, "Summary:");
  Line(out, "  Violations: " + std::to_string(c.violations));
  Line(out, "  Warnings:   " + std::to_string(c.warnings));
  Line(out, "  Info:       " + std::to_string(c.info));
  if (c.waived > 0) Line(out, "  Waived:     " + std::to_string(c.waived));
  Section(out, repo, Severity::kError, "[VIOLATIONS]", "[ERROR]");
  Section(out, repo, Severity::kWarning, "[WARNINGS]", "[WARN]");
  Section(out, repo, Severity::kInfo, "[INFO]", "[INFO]");
  WaivedSection(out, repo);
  Line(out);
  Line(out, c.violations == 0 ? "[PASS] Enforcement passed" : "[FAIL] Enforcement failed");
}

void Totals5(std::string* out, const Totals& t) {
  Line(out, "  Total Repos:      " + std::to_string(t.total_repos));
  Line(out, "  Passed:           " + std::to_string(t.passed));
  Line(out, "  Failed:           " + std::to_string(t.failed));
  Line(out, "  Total Violations: " + std::to_string(t.total_violations));
  Line(out, "  Total Warnings:   " + std::to_string(t.total_warnings));
  if (t.total_waived > 0) Line(out, "  Total Waived:     " + std::to_string(t.total_waived));
}

// [FAILED REPOS], [REPOS WITH WARNINGS] and [REPOS WITH WAIVED FINDINGS]; `qualify` prefixes
// repository names with their organization (portfolio reports list several organizations).
void RepoLists(std::string* out, const std::vector<OrgReport>& orgs, bool qualify) {
  std::string errors, failed, warned, waived;
  for (const OrgReport& org : orgs) {
    for (const Finding& f : org.findings) {
      errors += "  - " + org.name + ": " + f.message + "\n";
    }
    for (const RepoReport& repo : org.repos) {
      Counts c = repo.counts();
      std::string name = qualify ? org.name + "/" + repo.name : repo.name;
      if (c.violations > 0) {
        failed += "  - " + name + ": " + std::to_string(c.violations) + " violations\n";
      } else if (c.warnings > 0) {
        warned += "  - " + name + ": " + std::to_string(c.warnings) + " warnings\n";
      }
      if (c.waived > 0) {
        waived += "  - " + name + ": " + std::to_string(c.waived) + " waived\n";
      }
    }
  }
  if (!errors.empty()) {
    Line(out);
    Line(out, "[ORGANIZATION ERRORS]");
    out->append(errors);
  }
  if (!failed.empty()) {
    Line(out);
    Line(out, "[FAILED REPOS]");
    out->append(failed);
  }
  if (!warned.empty()) {
    Line(out);
    Line(out, "[REPOS WITH WARNINGS]");
    out->append(warned);
  }
  if (!waived.empty()) {
    Line(out);
    Line(out, "[REPOS WITH WAIVED FINDINGS]");
    out->append(waived);
  }
}

void RenderOrg(const Report& report, std::string* out) {
  const OrgReport& org = report.orgs.at(0);
  Totals t = Summarize(org);
  Header(out, "Organization Enforcement Report", org.name);
  Line(out, "Summary:");
  Totals5(out, t);
  RepoLists(out, report.orgs, /*qualify=*/false);
  Line(out);
  Line(out, !Fails(report, false) ? "[PASS] Organization enforcement complete"
                                  : "[FAIL] Organization enforcement complete");
}

void RenderPortfolio(const Report& report, std::string* out) {
  Totals t = report.totals();
  Header(out, "Portfolio Enforcement Report", report.name);
  Line(out, "Summary:");
  Line(out, "  Organizations:    " + std::to_string(report.orgs.size()));
  Totals5(out, t);
  if (!report.orgs.empty()) {
    Line(out);
    Line(out, "[ORGANIZATIONS]");
    for (const OrgReport& org : report.orgs) {
      Totals ot = Summarize(org);
      Line(out, "  - " + org.name + ": " + std::to_string(ot.total_repos) + " repos, " +
                    std::to_string(ot.failed) + " failed, " + std::to_string(ot.total_violations) +
                    " violations, " + std::to_string(ot.total_warnings) + " warnings");
    }
  }
  RepoLists(out, report.orgs, /*qualify=*/true);
  Line(out);
  Line(out, !Fails(report, false) ? "[PASS] Portfolio enforcement complete"
                                  : "[FAIL] Portfolio enforcement complete");
}

}  // namespace

std::string RenderText(const Report& report) {
  std::string out;
  switch (report.scope) {
    case Scope::kRepo:
      RenderRepo(report, &out);
      break;
    case Scope::kOrg:
      RenderOrg(report, &out);
      break;
    case Scope::kPortfolio:
      RenderPortfolio(report, &out);
      break;
  }
  return out;
}

}  // namespace golden::report
