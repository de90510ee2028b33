#include "catalog/catalog.h"

#include <algorithm>

#include "base/parallel.h"
#include "base/strings.h"
#include "catalog/infer.h"
#include "catalog/normalize.h"
#include "portfolio/rules.h"

namespace golden::catalog {

std::string_view TierLabel(int tier) {
  static constexpr std::string_view kLabels[kTiers] = {"Mission-Critical", "Important",
                                                       "Experimental", "Unknown"};
  return tier >= 1 && tier <= kTiers ? kLabels[tier - 1] : "Unknown";
}

std::string CatalogRepo::FullName() const { return org + "/" + name; }

void Counter::Add(std::string_view key, int n) {
  auto [it, inserted] = index_.try_emplace(std::string(key), entries_.size());
  if (inserted) {
    entries_.emplace_back(std::string(key), n);
  } else {
    entries_[it->second].second += n;
  }
}

int Counter::Get(std::string_view key) const {
  auto it = index_.find(std::string(key));
  return it == index_.end() ? 0 : entries_[it->second].second;
}

std::vector<std::pair<std::string, int>> Counter::ByCount() const {
  std::vector<std::pair<std::string, int>> out = entries_;
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

std::vector<std::pair<std::string, int>> Counter::ByKey() const {
  std::vector<std::pair<std::string, int>> out = entries_;
  std::sort(out.begin(), out.end());
  return out;
}

void ComplianceTotals::Add(const Compliance& c) {
  ++repositories;
  ++(c.passed() ? passed : failed);
  violations += c.counts.violations;
  warnings += c.counts.warnings;
}

void Summary::Add(const CatalogRepo& repo) {
  ++total_repositories;
  by_language.Add(repo.language);
  by_type.Add(repo.type);
  ++by_tier[repo.tier - 1];
  by_status.Add(repo.status);
  by_owner.Add(repo.owner);
  compliance.Add(repo.compliance);
  compliance_by_tier[repo.tier - 1].Add(repo.compliance);
  if (repo.inferred) ++without_metadata;
  if (repo.metadata_error) ++metadata_errors;
}

namespace {

using portfolio::MetadataState;

Compliance MakeCompliance(const portfolio::RepoSnapshot& snap, const report::RepoReport& checked) {
  const portfolio::RepoInventory& inv = snap.inventory;
  Compliance c;
  c.has_readme = inv.IsFile("README.md");
  c.has_codeowners = inv.IsFile(".github/CODEOWNERS");
  c.has_ci = inv.IsDir(".github/workflows");
  c.has_tests = inv.IsDir("tests") || inv.IsDir("test");
  c.has_dockerfile = std::any_of(inv.entries.begin(), inv.entries.end(),
                                 [](const auto& e) { return portfolio::IsDockerfile(e); });
  c.counts = checked.counts();
  for (const report::Finding& f : checked.findings) {
    // Findings are in report order, so a check's findings are together.
    if (f.severity == report::Severity::kError &&
        (c.failed_checks.empty() || c.failed_checks.back() != f.check)) {
      c.failed_checks.push_back(f.check);
    }
  }
  return c;
}

// Why the metadata cannot be used, in enforce's words (the finding that says so, with its
// line); nullopt when it can be used or is simply missing.
std::optional<std::string> MetadataError(const report::RepoReport& checked) {
  for (const report::Finding& f : checked.findings) {
    bool repo_unreadable = f.rule == portfolio::rules::kScanUnreadable && f.file.empty();
    if (repo_unreadable || f.rule == portfolio::rules::kMetadataUnreadable ||
        f.rule == portfolio::rules::kMetadataInvalidYaml ||
        f.rule == portfolio::rules::kMetadataNotMapping) {
      if (f.line > 0) return f.message + " (line " + std::to_string(f.line) + ")";
      return f.message;
    }
  }
  return std::nullopt;
}

void Take(Normalized<std::string> n, std::string_view field, std::string* out,
          std::vector<Note>* notes) {
  *out = std::move(n.value);
  if (n.note) notes->push_back(Note{std::string(field), std::move(*n.note)});
}

}  // namespace

CatalogRepo MakeCatalogRepo(const portfolio::RepoSnapshot& snap,
                            const report::RepoReport& checked) {
  CatalogRepo r;
  r.name = checked.name;
  r.org = checked.org;
  r.path = checked.path;
  r.compliance = MakeCompliance(snap, checked);
  const portfolio::Metadata& m = snap.metadata;
  std::string org_owner = NormalizeKey(r.org);
  r.type = r.language = r.status = std::string(kUnknown);
  r.owner = org_owner;

  r.metadata_error = MetadataError(checked);
  if (m.state == MetadataState::kEmpty) {
    r.metadata = Value::EmptyObject();
    r.has_metadata = true;
  } else if (m.state == MetadataState::kLoaded) {
    r.metadata = m.doc;
    r.has_metadata = m.doc.IsObject();
  }
  if (r.metadata_error) return r;

  if (m.state == MetadataState::kMissing) {
    r.inferred = true;
    r.type = std::string(InferType(snap.ref.name));
    r.language = std::string(InferLanguage(snap.inventory));
    return r;
  }
  const Value& doc = r.metadata;
  Take(NormalizeLabel("type", doc.Find("type"), kUnknown), "type", &r.type, &r.notes);
  Take(NormalizeLabel("language", doc.Find("language"), kUnknown), "language", &r.language,
       &r.notes);
  Normalized<int> tier = NormalizeTier(doc.Find("tier"));
  r.tier = tier.value;
  if (tier.note) r.notes.push_back(Note{"tier", std::move(*tier.note)});
  Take(NormalizeLabel("status", doc.Find("status"), kUnknown), "status", &r.status, &r.notes);
  Take(NormalizeLabel("owner", doc.Find("owner"), org_owner), "owner", &r.owner, &r.notes);
  Take(NormalizeDescription(doc.Find("description")), "description", &r.description, &r.notes);
  return r;
}

Catalog BuildCatalog(const portfolio::Target& target, const portfolio::EnforceOptions& options,
                     int64_t now_ns) {
  Catalog cat;
  cat.generated_at = report::IsoTimestampUtc(now_ns);
  // Lay out every slot first and fill them from the workers, so the order never depends on
  // scheduling.
  std::vector<CatalogRepo*> slots;
  std::vector<const portfolio::RepoRef*> refs;
  cat.orgs.resize(target.orgs.size());
  for (size_t i = 0; i < target.orgs.size(); ++i) {
    const portfolio::OrgRef& ref = target.orgs[i];
    CatalogOrg& org = cat.orgs[i];
    org.name = EscapeInvalidUtf8(ref.name);
    org.path = ref.display;
    org.error = ref.error;
    org.repos.resize(ref.repos.size());
    for (size_t j = 0; j < ref.repos.size(); ++j) {
      slots.push_back(&org.repos[j]);
      refs.push_back(&ref.repos[j]);
    }
  }
  unsigned threads = options.threads == 0 ? DefaultThreadCount() : options.threads;
  YamlCache yaml_cache;
  ParallelFor(refs.size(), threads, [&](size_t i) {
    portfolio::RepoSnapshot snap = portfolio::LoadRepo(*refs[i], options.scan, &yaml_cache);
    *slots[i] = MakeCatalogRepo(snap, portfolio::EnforceSnapshot(snap, options));
    if (options.on_repo_done) options.on_repo_done();
  });
  for (CatalogOrg& org : cat.orgs) {
    for (const CatalogRepo& repo : org.repos) {
      org.summary.Add(repo);
      cat.summary.Add(repo);
    }
  }
  return cat;
}

}  // namespace golden::catalog
