// The text drift report: the original checkpoint.py's layout (original-behaviour.md 4.5), with
// every capped group saying how many it left out, files named for changed repositories, and
// findings added and resolved.
#include <string>

#include "checkpoint/drift_report.h"

namespace golden::checkpoint {

namespace {

constexpr size_t kCap = 10;

void Line(std::string* out, std::string_view text = {}) {
  out->append(text);
  out->push_back('\n');
}

std::string Pad(std::string_view label, int value) {
  std::string s(label);
  s.resize(21, ' ');  // "Total Repositories:  15": the original's alignment
  return s + std::to_string(value);
}

std::string FileList(const FileChanges& c) {
  std::string out;
  auto add = [&](std::string_view kind, const std::vector<std::string>& files) {
    if (files.empty()) return;
    if (!out.empty()) out += "; ";
    out += std::string(kind) + ": ";
    for (size_t i = 0; i < files.size(); ++i) out += (i ? ", " : "") + files[i];
  };
  add("modified", c.modified);
  add("added", c.added);
  add("removed", c.removed);
  return out;
}

std::string SeverityLabel(report::Severity s) {
  switch (s) {
    case report::Severity::kError:
      return "[ERROR]";
    case report::Severity::kWarning:
      return "[WARN]";
    case report::Severity::kInfo:
      return "[INFO]";
  }
  return "";
}

std::string FindingText(const StoredFinding& f) {
  std::string s = SeverityLabel(f.severity) + " " + f.rule + ": " + f.message;
  if (!f.file.empty()) {
    s += " (" + f.file + (f.line > 0 ? ":" + std::to_string(f.line) : "") + ")";
  }
  return s;
}

// A group: its title, then at most `cap` items (0: all) and a line for the rest.
template <typename T, typename Fn>
void Group(std::string* out, const std::vector<T>& items, const std::string& title, size_t cap,
           Fn line) {
  if (items.empty()) return;
  Line(out, title);
  size_t shown = cap == 0 ? items.size() : std::min(cap, items.size());
  for (size_t i = 0; i < shown; ++i) line(items[i]);
  if (shown < items.size())
    Line(out, "  ... and " + std::to_string(items.size() - shown) + " more");
  Line(out);
}

void Findings(std::string* out, const std::vector<FindingsDelta>& deltas, size_t total,
              std::string_view title, std::string_view mark) {
  std::string head = "[" + std::string(title) + "] " + std::to_string(total) + " findings in " +
                     std::to_string(deltas.size()) + " repositories:";
  Group(out, deltas, head, kCap, [&](const FindingsDelta& d) {
    Line(out, "  " + d.repo);
    for (const StoredFinding& f : d.findings) {
      Line(out, "    " + std::string(mark) + " " + FindingText(f));
    }
  });
}

}  // namespace

std::string RenderDriftText(const DriftReport& report) {
  const std::string eq(60, '='), dash(40, '-');
  const Drift* drift = report.drift ? &*report.drift : nullptr;
  std::string out;
  Line(&out, eq);
  Line(&out, "DRIFT DETECTION REPORT");
  Line(&out, eq);
  Line(&out);
  Line(&out, "Current Checkpoint: " + report.current_timestamp);
  Line(&out, "Previous Checkpoint: " + report.previous_timestamp.value_or("None (first run)"));
  Line(&out, std::string("Drift Detected: ") + (drift && drift->has_drift() ? "Yes" : "No"));
  if (drift) {
    for (const std::string& note : drift->notes) Line(&out, "Note: " + note);
  }
  Line(&out);
  Line(&out, dash);
  Line(&out, "SUMMARY");
  Line(&out, dash);
  Line(&out);
  const Summary& s = report.current_summary;
  Line(&out, Pad("Total Organizations:", s.total_organizations));
  Line(&out, Pad("Total Repositories:", s.total_repositories));
  Line(&out, Pad("Compliant:", s.compliant));
  Line(&out, Pad("Non-Compliant:", s.non_compliant));
  Line(&out, Pad("Violations:", s.total_violations));
  Line(&out, Pad("Warnings:", s.total_warnings));
  Line(&out);
  if (drift && drift->has_drift()) {
    const Drift& d = *drift;
    Line(&out, dash);
    Line(&out, "CHANGES DETECTED");
    Line(&out, dash);
    Line(&out);
    auto n = [](size_t v) { return std::to_string(v); };
    Group(&out, d.new_repos, "[NEW] " + n(d.new_repos.size()) + " new repositories:", kCap,
          [&](const std::string& r) { Line(&out, "  + " + r); });
    Group(&out, d.deleted_repos,
          "[DELETED] " + n(d.deleted_repos.size()) + " removed repositories:", kCap,
          [&](const std::string& r) { Line(&out, "  - " + r); });
    Group(&out, d.changed_repos,
          "[CHANGED] " + n(d.changed_repos.size()) + " modified repositories:", kCap,
          [&](const ChangedRepo& c) {
            std::string files = FileList(c.files);
            Line(&out, "  ~ " + c.repo + (files.empty() ? "" : " (" + files + ")"));
          });
    Group(&out, d.compliance_improved,
          "[IMPROVED] " + n(d.compliance_improved.size()) + " repos now compliant:", 0,
          [&](const std::string& r) { Line(&out, "  [OK] " + r); });
    Group(&out, d.compliance_degraded,
          "[DEGRADED] " + n(d.compliance_degraded.size()) + " repos lost compliance:", 0,
          [&](const std::string& r) { Line(&out, "  [WARN] " + r); });
    Findings(&out, d.findings_added, d.findings_added_count(), "FINDINGS ADDED", "+");
    Findings(&out, d.findings_resolved, d.findings_resolved_count(), "FINDINGS RESOLVED", "-");
  }
  Line(&out);
  Line(&out, eq);
  return out;
}

}  // namespace golden::checkpoint
