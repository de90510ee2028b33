// catalog.md: the original's layout (summary lists, a table per organization), every value
// escaped, plus status, owner and compliance.
#include "catalog/append.h"
#include "catalog/render.h"
#include "report/escape.h"

namespace golden::catalog {

namespace {

using internal::Append;
using report::MarkdownEscape;

void Counts(std::string* out, std::string_view title, const Counter& counter) {
  Append(out, "### {}\n\n", title);
  for (const auto& [key, n] : counter.ByKey()) {
    Append(out, "- {}: {}\n", MarkdownEscape(key), n);
  }
  out->push_back('\n');
}

std::string Plural(int n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// "pass", "pass, 2 warnings", "fail: 3 violations (metadata, docker), 1 warning".
std::string ComplianceCell(const Compliance& c) {
  std::string cell = c.passed() ? "pass" : "fail: " + Plural(c.counts.violations, "violation");
  if (!c.failed_checks.empty())
    cell += " (" + fmt::format("{}", fmt::join(c.failed_checks, ", ")) + ")";
  if (c.counts.warnings > 0) cell += ", " + Plural(c.counts.warnings, "warning");
  return cell;
}

void Org(std::string* out, const CatalogOrg& org) {
  Append(out, "## {}\n\n", MarkdownEscape(org.name));
  if (org.error) Append(out, "Cannot list this organization: {}\n\n", MarkdownEscape(*org.error));
  Append(out, "Repositories: {}\n\n", org.repos.size());
  if (!org.repos.empty()) {
    Append(out, "| Repository | Type | Language | Tier | Status | Owner | Compliance |\n");
    Append(out, "|------------|------|----------|------|--------|-------|------------|\n");
    for (const CatalogRepo& r : org.repos) {
      if (r.metadata_error) {
        // As the original: no values for metadata that cannot be read.
        Append(out, "| {} | - | - | - | - | - | {} |\n", MarkdownEscape(r.name),
               ComplianceCell(r.compliance));
      } else {
        Append(out, "| {} | {} | {} | {} | {} | {} | {} |\n", MarkdownEscape(r.name),
               MarkdownEscape(r.type), MarkdownEscape(r.language), r.tier, MarkdownEscape(r.status),
               MarkdownEscape(r.owner), ComplianceCell(r.compliance));
      }
    }
    out->push_back('\n');
  }
  bool any_error = false;
  for (const CatalogRepo& r : org.repos) {
    if (!r.metadata_error) continue;
    if (!any_error) Append(out, "Metadata errors:\n\n");
    any_error = true;
    Append(out, "- {}: {}\n", MarkdownEscape(r.name), MarkdownEscape(*r.metadata_error));
  }
  if (any_error) out->push_back('\n');
  bool any_note = false;
  for (const CatalogRepo& r : org.repos) {
    for (const Note& n : r.notes) {
      if (!any_note) Append(out, "Notes:\n\n");
      any_note = true;
      Append(out, "- {}: {}\n", MarkdownEscape(r.name), MarkdownEscape(n.message));
    }
  }
  if (any_note) out->push_back('\n');
  Append(out, "---\n\n");
}

}  // namespace

std::string RenderMarkdown(const Catalog& catalog) {
  std::string out;
  const Summary& s = catalog.summary;
  Append(&out, "# Service Catalog\n\nGenerated: {}\n\n## Summary\n\n", catalog.generated_at);
  Append(&out, "- **Total Organizations**: {}\n- **Total Repositories**: {}\n\n",
         catalog.total_organizations(), s.total_repositories);
  Counts(&out, "By Language", s.by_language);
  Counts(&out, "By Type", s.by_type);
  Append(&out, "### By Tier\n\n");
  for (int t = 1; t <= kTiers; ++t)
    Append(&out, "- Tier {} ({}): {}\n", t, TierLabel(t), s.by_tier[t - 1]);
  out.push_back('\n');
  Counts(&out, "By Status", s.by_status);
  Counts(&out, "By Owner", s.by_owner);
  Append(&out, "### Compliance\n\n");
  Append(&out, "- Passed: {} of {} repositories\n", s.compliance.passed, s.total_repositories);
  Append(&out, "- Failed: {}\n", s.compliance.failed);
  Append(&out, "- Violations: {}\n- Warnings: {}\n", s.compliance.violations,
         s.compliance.warnings);
  for (int t = 1; t <= kTiers; ++t) {
    const ComplianceTotals& c = s.compliance_by_tier[t - 1];
    Append(&out, "- Tier {}: {} of {} passed\n", t, c.passed, c.repositories);
  }
  Append(&out, "\n---\n\n");
  for (const CatalogOrg& org : catalog.orgs) Org(&out, org);
  // One newline at the end, not a blank line.
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') {
    out.pop_back();
  }
  return out;
}

}  // namespace golden::catalog
