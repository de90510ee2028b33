// The Markdown drift report: the original checkpoint.py's layout (original-behaviour.md 4.5)
// with every change group itemised. The weekly workflow opens an issue when the report has a
// "Compliance Degraded" heading, so that section comes first and names the violations.
#include <algorithm>
#include <string>

#include "checkpoint/drift_report.h"

namespace golden::checkpoint {

namespace {

void Line(std::string* out, std::string_view text = {}) {
  out->append(text);
  out->push_back('\n');
}

// `s` as a code span: a run of backticks longer than any inside it, padded when it touches
// a backtick (CommonMark 6.1).
std::string Code(std::string_view s) {
  size_t longest = 0, run = 0;
  for (char c : s) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = !s.empty() && (s.front() == '`' || s.back() == '`');
  return fence + (pad ? " " : "") + std::string(s) + (pad ? " " : "") + fence;
}

// `s` as literal text: Markdown punctuation backslash-escaped, HTML's specials as entities (a
// finding message must not open a tag in an issue body), newlines as spaces.
std::string Text(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '#':
      case '|':
      case '~':
        out.push_back('\\');
        out.push_back(c);
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string FindingItem(const StoredFinding& f) {
  std::string s = std::string("**") +
                  (f.severity == report::Severity::kError ? "error" : "warning") + "** " +
                  Code(f.rule);
  if (!f.file.empty()) {
    s += " in " + Code(f.file);
    if (f.line > 0) s += " line " + std::to_string(f.line);
  }
  return s + ": " + Text(f.message);
}

void RepoList(std::string* out, std::string_view heading, const std::vector<std::string>& repos) {
  if (repos.empty()) return;
  Line(out);
  Line(out, heading);
  Line(out);
  for (const std::string& r : repos) Line(out, "- " + Code(r));
}

const FindingsDelta* DeltaOf(const std::vector<FindingsDelta>& deltas, const std::string& repo) {
  auto it =
      std::lower_bound(deltas.begin(), deltas.end(), repo,
                       [](const FindingsDelta& d, const std::string& r) { return d.repo < r; });
  return it != deltas.end() && it->repo == repo ? &*it : nullptr;
}

void FindingsSection(std::string* out, std::string_view heading,
                     const std::vector<FindingsDelta>& deltas) {
  if (deltas.empty()) return;
  Line(out);
  Line(out, heading);
  Line(out);
  for (const FindingsDelta& d : deltas) {
    Line(out, "- " + Code(d.repo));
    for (const StoredFinding& f : d.findings) Line(out, "  - " + FindingItem(f));
  }
}

std::string FileChangesText(const FileChanges& c) {
  std::string out;
  auto add = [&](std::string_view kind, const std::vector<std::string>& files) {
    if (files.empty()) return;
    out += out.empty() ? ": " : "; ";
    out += std::string(kind);
    for (size_t i = 0; i < files.size(); ++i) out += (i ? ", " : " ") + Code(files[i]);
  };
  add("modified", c.modified);
  add("added", c.added);
  add("removed", c.removed);
  return out;
}

}  // namespace

std::string RenderDriftMarkdown(const DriftReport& report) {
  const Drift* drift = report.drift ? &*report.drift : nullptr;
  const Summary& s = report.current_summary;
  std::string out;
  Line(&out, "# Drift Detection Report");
  Line(&out);
  Line(&out, "**Generated:** " + report.current_timestamp);
  Line(&out);
  Line(&out, "## Summary");
  Line(&out);
  Line(&out, "| Metric | Value |");
  Line(&out, "|--------|-------|");
  Line(&out, "| Current Checkpoint | " + report.current_timestamp + " |");
  Line(&out, "| Previous Checkpoint | " + report.previous_timestamp.value_or("None") + " |");
  Line(&out,
       std::string("| Drift Detected | ") + (drift && drift->has_drift() ? "Yes" : "No") + " |");
  Line(&out, "| Total Repositories | " + std::to_string(s.total_repositories) + " |");
  Line(&out, "| Compliant | " + std::to_string(s.compliant) + " |");
  Line(&out, "| Non-Compliant | " + std::to_string(s.non_compliant) + " |");
  Line(&out, "| Violations | " + std::to_string(s.total_violations) + " |");
  Line(&out, "| Warnings | " + std::to_string(s.total_warnings) + " |");
  if (drift) {
    for (const std::string& note : drift->notes) {
      Line(&out);
      Line(&out, "> **Note:** " + Text(note));
    }
  }
  if (!drift || !drift->has_drift()) return out;
  const Drift& d = *drift;
  Line(&out);
  Line(&out, "## Changes");
  Line(&out);
  auto n = [](size_t v) { return std::to_string(v); };
  Line(&out, "- New repositories: " + n(d.new_repos.size()));
  Line(&out, "- Deleted repositories: " + n(d.deleted_repos.size()));
  Line(&out, "- Changed repositories: " + n(d.changed_repos.size()));
  Line(&out, "- Compliance improved: " + n(d.compliance_improved.size()));
  Line(&out, "- Compliance degraded: " + n(d.compliance_degraded.size()));
  Line(&out, "- Findings added: " + n(d.findings_added_count()));
  Line(&out, "- Findings resolved: " + n(d.findings_resolved_count()));
  if (!d.compliance_degraded.empty()) {
    Line(&out);
    Line(&out, "### Compliance Degraded (Action Required)");
    Line(&out);
    for (const std::string& r : d.compliance_degraded) {
      Line(&out, "- " + Code(r));
      if (const FindingsDelta* added = DeltaOf(d.findings_added, r)) {
        for (const StoredFinding& f : added->findings) {
          if (f.severity == report::Severity::kError) Line(&out, "  - " + FindingItem(f));
        }
      }
    }
  }
  RepoList(&out, "### New Repositories", d.new_repos);
  RepoList(&out, "### Deleted Repositories", d.deleted_repos);
  if (!d.changed_repos.empty()) {
    Line(&out);
    Line(&out, "### Changed Repositories");
    Line(&out);
    for (const ChangedRepo& c : d.changed_repos) {
      Line(&out, "- " + Code(c.repo) + FileChangesText(c.files));
    }
  }
  RepoList(&out, "### Compliance Improved", d.compliance_improved);
  FindingsSection(&out, "### Findings Added", d.findings_added);
  FindingsSection(&out, "### Findings Resolved", d.findings_resolved);
  return out;
}

}  // namespace golden::checkpoint
