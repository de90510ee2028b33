// GitHub Actions workflow commands (annotations). The runner reads `::error ...::` lines from
// a step's output; it shows 10 error, 10 warning and 10 notice annotations per step (the rest
// are dropped silently), so golden prints at most 10 of each and then says what it left out.
// Escaping follows the runner (actions/toolkit's command.ts): in the message `%`, CR and LF
// become %25, %0D and %0A; in property values `:` and `,` too (%3A, %2C).
#include <algorithm>
#include <string>

#include "report/locations.h"
#include "report/render.h"

namespace golden::report {

namespace {

std::string EscapeData(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string EscapeProperty(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : EscapeData(s)) {
    switch (c) {
      case ':':
        out += "%3A";
        break;
      case ',':
        out += "%2C";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

void Annotation(std::string* out, std::string_view command, const FindingLocation& where,
                const Finding& f) {
  out->append("::").append(command).append(" file=").append(EscapeProperty(where.path));
  if (where.line > 0) out->append(",line=").append(std::to_string(where.line));
  out->append(",title=").append(EscapeProperty(f.rule));
  out->append("::").append(EscapeData(f.message)).push_back('\n');
}

std::string Plural(int n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

std::string RenderGithub(const Report& report) {
  std::string out;
  int errors = 0, warnings = 0;
  auto emit = [&](const Finding& f, const FindingLocation& where) {
    if (f.waived) return;  // accepted for now: no annotation
    if (f.severity == Severity::kError) {
      if (++errors <= kGithubAnnotationsPerKind) Annotation(&out, "error", where, f);
    } else if (f.severity == Severity::kWarning) {
      if (++warnings <= kGithubAnnotationsPerKind) Annotation(&out, "warning", where, f);
    }
  };
  for (const OrgReport& org : report.orgs) {
    for (const Finding& f : org.findings) emit(f, LocateOrgFinding(org, f));
    for (const RepoReport& repo : org.repos) {
      for (const Finding& f : repo.findings) emit(f, LocateFinding(repo, f));
    }
  }
  Totals t = report.totals();
  std::string summary = "golden enforce: " + Plural(t.total_repos, "repository", "repositories") +
                        ", " + Plural(t.failed, "failed", "failed") + "; " +
                        Plural(errors, "violation", "violations") + ", " +
                        Plural(warnings, "warning", "warnings") + ".";
  int hidden_errors = std::max(0, errors - kGithubAnnotationsPerKind);
  int hidden_warnings = std::max(0, warnings - kGithubAnnotationsPerKind);
  if (hidden_errors + hidden_warnings > 0) {
    summary += " GitHub shows " + std::to_string(kGithubAnnotationsPerKind) +
               " annotations of each kind per step, so " +
               Plural(hidden_errors, "violation", "violations") + " and " +
               Plural(hidden_warnings, "warning", "warnings") +
               " are not annotated: see the job summary and the enforce reports for all of them.";
  }
  out.append("::notice title=golden enforce::").append(EscapeData(summary)).push_back('\n');
  return out;
}

}  // namespace golden::report
