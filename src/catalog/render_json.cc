// catalog.json: the original's keys in its order, plus golden's (see schemas/catalog.schema.json).
#include "catalog/render.h"
#include "report/json_writer.h"

namespace golden::catalog {

namespace {

using report::JsonWriter;

// The catalog format's version. golden's additions are new keys only, so readers of the
// original's "2.0" keep working.
constexpr std::string_view kVersion = "2.0";
constexpr std::string_view kGenerator = "golden catalog";

void WriteCounter(JsonWriter& w, std::string_view key, const Counter& counter) {
  w.Key(key);
  w.BeginObject();
  for (const auto& [k, n] : counter.entries()) w.Member(k, n);
  w.EndObject();
}

void WriteTiers(JsonWriter& w, const std::array<int, kTiers>& by_tier) {
  w.Key("by_tier");
  w.BeginObject();
  for (int t = 1; t <= kTiers; ++t) w.Member(std::to_string(t), by_tier[t - 1]);
  w.EndObject();
}

void WriteTotals(JsonWriter& w, const ComplianceTotals& c) {
  w.BeginObject();
  w.Member("repositories", c.repositories);
  w.Member("passed", c.passed);
  w.Member("failed", c.failed);
  w.Member("total_violations", c.violations);
  w.Member("total_warnings", c.warnings);
  w.EndObject();
}

// The counts shared by organization and portfolio summaries, after their totals.
void WriteCounts(JsonWriter& w, const Summary& s) {
  WriteCounter(w, "by_language", s.by_language);
  WriteCounter(w, "by_type", s.by_type);
  WriteTiers(w, s.by_tier);
  WriteCounter(w, "by_status", s.by_status);
  WriteCounter(w, "by_owner", s.by_owner);
  w.Key("compliance");
  WriteTotals(w, s.compliance);
}

void WriteCompliance(JsonWriter& w, const Compliance& c) {
  w.Key("compliance");
  w.BeginObject();
  w.Member("has_readme", c.has_readme);
  w.Member("has_codeowners", c.has_codeowners);
  w.Member("has_ci", c.has_ci);
  w.Member("has_tests", c.has_tests);
  w.Member("has_dockerfile", c.has_dockerfile);
  w.Member("passed", c.passed());
  w.Member("violations", c.counts.violations);
  w.Member("warnings", c.counts.warnings);
  w.Member("info", c.counts.info);
  w.Key("failed_checks");
  w.BeginArray();
  for (const std::string& check : c.failed_checks) w.String(check);
  w.EndArray();
  w.EndObject();
}

void WriteRepo(JsonWriter& w, const CatalogRepo& r) {
  w.BeginObject();
  w.Member("name", r.name);
  w.Member("path", r.path);
  w.Member("organization", r.org);
  w.Member("full_name", r.FullName());
  w.Key("metadata");
  w.Value(r.metadata);
  w.Member("has_metadata", r.has_metadata);
  WriteCompliance(w, r.compliance);
  if (r.metadata_error) {
    // As the original: the error instead of the values, which would only be defaults.
    w.Member("metadata_error", *r.metadata_error);
  } else {
    w.Member("type", r.type);
    w.Member("language", r.language);
    w.Member("tier", r.tier);
    w.Member("status", r.status);
    w.Member("owner", r.owner);
    w.Member("description", r.description);
  }
  w.Key("notes");
  w.BeginArray();
  for (const Note& n : r.notes) {
    w.BeginObject();
    w.Member("field", n.field);
    w.Member("message", n.message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteOrg(JsonWriter& w, const CatalogOrg& org) {
  w.BeginObject();
  w.Member("name", org.name);
  w.Member("path", org.path);
  w.Key("repos");
  w.BeginArray();
  for (const CatalogRepo& r : org.repos) WriteRepo(w, r);
  w.EndArray();
  w.Key("summary");
  w.BeginObject();
  w.Member("total_repos", org.summary.total_repositories);
  WriteCounts(w, org.summary);
  w.EndObject();
  if (org.error) w.Member("error", *org.error);
  w.EndObject();
}

}  // namespace

std::string RenderJson(const Catalog& catalog) {
  std::string out;
  JsonWriter w(&out, 2);
  w.BeginObject();
  w.Member("version", kVersion);
  w.Member("generated_at", catalog.generated_at);
  w.Member("generator", kGenerator);
  w.Key("organizations");
  w.BeginArray();
  for (const CatalogOrg& org : catalog.orgs) WriteOrg(w, org);
  w.EndArray();
  const Summary& s = catalog.summary;
  w.Key("summary");
  w.BeginObject();
  w.Member("total_organizations", catalog.total_organizations());
  w.Member("total_repositories", s.total_repositories);
  WriteCounts(w, s);
  w.Key("compliance_by_tier");
  w.BeginObject();
  for (int t = 1; t <= kTiers; ++t) {
    w.Key(std::to_string(t));
    WriteTotals(w, s.compliance_by_tier[t - 1]);
  }
  w.EndObject();
  w.Member("without_metadata", s.without_metadata);
  w.Member("metadata_errors", s.metadata_errors);
  w.EndObject();
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace golden::catalog
