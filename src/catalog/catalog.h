#pragma once

// The service catalog: every repository of the portfolio with its metadata, the values the
// catalog counts (normalised), the files it has and its compliance as `golden enforce` judges
// it, plus the counts by organization and for the whole portfolio. Plain data, built by
// BuildCatalog and read by the renderers (render.h).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "portfolio/enforce.h"
#include "portfolio/scan.h"
#include "portfolio/target.h"
#include "report/report.h"
#include "value/value.h"

namespace golden::catalog {

/// The tiers, 1 to 4; every repository has exactly one.
inline constexpr int kTiers = 4;
/// The value the catalog shows when nothing is known (type, language, status).
inline constexpr std::string_view kUnknown = "unknown";

/// The original's long tier labels (Markdown): "Mission-Critical", "Important",
/// "Experimental", "Unknown"; `tier` is 1..4.
std::string_view TierLabel(int tier);

/// Something the catalog changed or could not use in a repository's metadata, e.g. a tier
/// written as the string '1' (counted as tier 1).
struct Note {
  std::string field;    ///< the metadata key ("tier")
  std::string message;  ///< one sentence for people
};

/// What a repository has, and how it fares under the built-in checks.
struct Compliance {
  // The original's file flags.
  bool has_readme = false;      ///< README.md is a file
  bool has_codeowners = false;  ///< .github/CODEOWNERS is a file
  bool has_ci = false;          ///< .github/workflows is a folder
  bool has_tests = false;       ///< tests/ or test/ is a folder
  bool has_dockerfile = false;  ///< any Dockerfile (portfolio::IsDockerfile)
  /// The finding counts of the same checks `golden enforce` runs (with the same schema and
  /// strictness).
  report::Counts counts;
  /// The checks with at least one violation, in report order (metadata, structure, ...).
  std::vector<std::string> failed_checks;

  /// As in enforce: a repository passes when it has no violations.
  bool passed() const { return counts.violations == 0; }
};

/// One repository of the catalog.
struct CatalogRepo {
  std::string name;  ///< folder name, valid UTF-8 (\xNN for other bytes)
  std::string org;   ///< its organization's folder name, likewise
  /// Relative to the governance root when below it ("organizations/alpha/lib-good"), else as
  /// given; '/'-separated.
  std::string path;
  /// `.meta/repo.yaml` as parsed (YAML 1.1 typed, dates as strings): a mapping, `{}` for an
  /// empty file, the document itself when it is not a mapping, null when missing or broken.
  Value metadata;
  /// True when the metadata parsed to a mapping (or was empty): its values are used.
  bool has_metadata = false;
  /// Set when the metadata (or the repository folder) exists but cannot be used: unreadable,
  /// not YAML, not a mapping. The JSON then has `metadata_error` instead of the value keys;
  /// the values below are the defaults.
  std::optional<std::string> metadata_error;
  /// True when there is no metadata file and the values were inferred from the name and the
  /// project files.
  bool inferred = false;

  // The values the catalog counts, normalised: trimmed and ASCII lower-cased (so "Python"
  // and "python" are one language), defaults for what is missing. `metadata` keeps the
  // values as written.
  std::string type;
  std::string language;
  int tier = kTiers;  ///< 1..4
  std::string status;
  std::string owner;  ///< the organization's name (lower-cased) when not given
  std::string description;

  Compliance compliance;
  /// What normalisation changed or refused, in field order; empty when nothing.
  std::vector<Note> notes;

  /// "org/name".
  std::string FullName() const;
};

/// Counts by key, keeping the order in which keys were first seen (as the original did).
class Counter {
 public:
  void Add(std::string_view key, int n = 1);
  /// Entries in first-seen order.
  const std::vector<std::pair<std::string, int>>& entries() const { return entries_; }
  int Get(std::string_view key) const;
  bool empty() const { return entries_.empty(); }
  /// By count, largest first; equal counts keep first-seen order (the original's HTML and
  /// console order).
  std::vector<std::pair<std::string, int>> ByCount() const;
  /// By key, in byte order (the original's Markdown order).
  std::vector<std::pair<std::string, int>> ByKey() const;

 private:
  std::vector<std::pair<std::string, int>> entries_;
  std::unordered_map<std::string, size_t> index_;
};

/// Compliance totals over a set of repositories.
struct ComplianceTotals {
  int repositories = 0;
  int passed = 0;
  int failed = 0;
  int violations = 0;
  int warnings = 0;

  void Add(const Compliance& c);
};

/// Counts over a set of repositories (an organization, or the whole portfolio).
struct Summary {
  int total_repositories = 0;
  Counter by_language;
  Counter by_type;
  std::array<int, kTiers> by_tier{};  ///< [0] is tier 1
  Counter by_status;
  Counter by_owner;
  ComplianceTotals compliance;
  std::array<ComplianceTotals, kTiers> compliance_by_tier{};
  int without_metadata = 0;  ///< no metadata file (values inferred)
  int metadata_errors = 0;   ///< metadata that could not be used

  void Add(const CatalogRepo& repo);
};

/// One organization: a folder of `organizations/`, listed even when it holds no repository.
struct CatalogOrg {
  std::string name;
  std::string path;
  std::vector<CatalogRepo> repos;
  /// Set when the folder could not be listed (then `repos` is empty).
  std::optional<std::string> error;
  Summary summary;
};

/// The whole catalog.
struct Catalog {
  /// When the run started, ISO 8601 UTC ("2026-01-01T00:00:00Z").
  std::string generated_at;
  /// Every organization folder, empty ones included, in name (byte) order; `golden
  /// checkpoint` counts organizations the same way.
  std::vector<CatalogOrg> orgs;
  Summary summary;

  int total_organizations() const { return static_cast<int>(orgs.size()); }
};

/// The catalog entry of a loaded and checked repository: values from the metadata (or
/// inferred when there is none), normalised, with the file flags and the compliance of
/// `checked` (EnforceSnapshot of `snap`).
CatalogRepo MakeCatalogRepo(const portfolio::RepoSnapshot& snap, const report::RepoReport& checked);

/// Scans, checks and catalogues every repository of `target` (normally the portfolio) in
/// parallel, each scanned once. `options` are golden enforce's (checks, schema, strictness,
/// extra findings, scan limits, threads, progress), so compliance is what enforce would
/// report. The result does not depend on the number of threads. `now_ns` (from the caller's
/// Clock) becomes `generated_at`.
Catalog BuildCatalog(const portfolio::Target& target, const portfolio::EnforceOptions& options,
                     int64_t now_ns);

}  // namespace golden::catalog
