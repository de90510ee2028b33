#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "report/finding.h"
#include "value/value.h"

namespace golden::report {
class JsonWriter;
}  // namespace golden::report

namespace golden::checkpoint {

/// The format golden writes. "2.0" is the original checkpoint.py's: the same keys without the
/// ones marked 3.0 below, another files_hash and another definition of compliance.
inline constexpr std::string_view kFormatVersion = "3.0";
inline constexpr std::string_view kOriginalFormatVersion = "2.0";

/// How `files` and `files_hash` are computed (see files_hash.h); recorded in every checkpoint
/// so that a checkpoint made another way is never compared hash for hash.
inline constexpr std::string_view kHashAlgorithm = "git-blob-sha1-lf";

/// A finding as a checkpoint keeps it (3.0): enough to say which findings appeared or went
/// away between two checkpoints. Info findings are not kept.
struct StoredFinding {
  std::string rule;
  report::Severity severity = report::Severity::kError;
  std::string file;  ///< "" for the repository as a whole
  int line = 0;      ///< 0 when unknown
  std::string message;
};

/// The original's five presence flags (informational; `compliant` is enforce's verdict).
struct ComplianceChecks {
  bool has_metadata = false;    ///< .meta/repo.yaml exists and is YAML (an empty file counts)
  bool has_readme = false;      ///< README.md is a file
  bool has_codeowners = false;  ///< .github/CODEOWNERS is a file
  bool has_ci = false;          ///< .github/workflows is a folder
  bool has_tests = false;       ///< tests/ is a folder
};

/// One repository of a checkpoint.
struct RepoRecord {
  std::string name;
  std::string organization;
  std::string full_name;  ///< "org/repo": the key of `repositories`
  /// From the metadata as written ("unknown" when absent).
  Value type;
  Value language;
  Value status;
  /// The tier the checks applied: 1-4, 4 when absent or invalid (2.0 files: as written).
  Value tier;
  /// Enforce's verdict: no violations.
  bool compliant = false;
  ComplianceChecks checks;
  /// A short hash over `files` (files_hash.h).
  std::string files_hash;

  // 3.0 only; absent in the original's checkpoints (has_details false).
  bool has_details = true;
  int violations = 0;
  int warnings = 0;
  /// Every governance file with the hash of its content, by path (byte order).
  std::vector<std::pair<std::string, std::string>> files;
  /// Violations and warnings in report order.
  std::vector<StoredFinding> findings;
};

/// The original's summary, plus violation and warning totals (3.0).
struct Summary {
  int total_organizations = 0;
  int total_repositories = 0;
  int compliant = 0;
  int non_compliant = 0;
  /// "1".."4" always, other tiers as written (2.0 files).
  std::map<std::string, int> by_tier;
  bool has_totals = true;  ///< false for 2.0 files
  int total_violations = 0;
  int total_warnings = 0;

  friend bool operator==(const Summary&, const Summary&) = default;
};

/// One organization: every organization folder, empty ones included.
struct OrgEntry {
  std::string name;
  /// Indexes into State::repos, in repository name order.
  std::vector<size_t> repos;
};

/// A checkpoint: the state of the portfolio at one moment.
struct State {
  std::string timestamp;  ///< ISO 8601 UTC with microseconds
  std::string version;    ///< kFormatVersion for checkpoints golden writes
  std::string checksum;   ///< Checksum(repositories)
  std::string generator;  ///< "golden <version>" (3.0)
  /// Whether warnings counted as violations (--strict or GOVERN_STRICT) (3.0).
  bool strict = false;
  std::string hash_algorithm;           ///< kHashAlgorithm (3.0); "" for 2.0
  std::vector<std::string> hash_files;  ///< the FileSet's patterns (3.0)
  std::vector<OrgEntry> organizations;  ///< by name
  std::vector<RepoRecord> repos;        ///< by full_name (byte order)
  Summary summary;

  /// The record of `full_name`, or nullptr.
  const RepoRecord* Find(std::string_view full_name) const;
  /// True for a checkpoint written by the original checkpoint.py.
  bool IsOriginal() const { return version == kOriginalFormatVersion; }
};

/// Counts for `summary` from the records; `organizations` is the number of organization folders.
Summary Summarize(const std::vector<RepoRecord>& repos, int organizations);

/// Sorts `state.repos` by full name and `organizations` by name, and fills each organization's
/// indexes. Every record's organization must be listed.
void Index(State* state);

/// Index, then sets `summary` and `checksum`: call once the records are filled in.
void Finish(State* state);

/// The JSON text of a checkpoint file (indent 2, keys in the original's order, then the 3.0
/// ones), ending with a newline.
std::string SerializeState(const State& state);

/// Writes `s` as checkpoints and drift reports hold it: the original's keys, then (3.0)
/// total_violations and total_warnings.
void WriteSummary(report::JsonWriter* w, const Summary& s);

/// Writes `f` as checkpoints and drift files hold it: {rule, severity, file (or null), line
/// (or null), message}.
void WriteFinding(report::JsonWriter* w, const StoredFinding& f);

/// `repositories` (records sorted by full name) as Python's json.dumps(sort_keys=True) writes
/// it: ", " and ": " separators, non-ASCII escaped, every object's keys sorted. The text is
/// handed to `sink` piece by piece.
void CanonicalRepositories(const std::vector<RepoRecord>& repos,
                           const std::function<void(std::string_view)>& sink);

/// The original's checksum: the first 16 hex digits of the SHA-256 of CanonicalRepositories.
/// It covers every record, so a checkpoint whose records were edited or damaged is detected.
std::string Checksum(const std::vector<RepoRecord>& repos);

/// Parses a checkpoint file (either format) and checks it. Errors name `filename`: not JSON
/// (with line and column), a missing or mistyped key (with its path), a checksum that does not
/// match `repositories`, an `organizations` map that disagrees with `repositories`, or (3.0) a
/// `summary` that does not add up.
Result<State> ParseState(std::string_view text, std::string_view filename);

/// ParseState that gives up (a kCancelled status) soon after `*cancel` turns true: for a read
/// on a thread of its own whose result may turn out not to be needed.
Result<State> ParseState(std::string_view text, std::string_view filename,
                         const std::atomic<bool>* cancel);

/// The timestamp of `previous`, a checkpoint file's text, when it is `current` (SerializeState's
/// text) with another timestamp and nothing else; nullopt otherwise. Such a previous checkpoint
/// holds the current state exactly: it needs no parsing, and it verifies (its checksum is the
/// current one). The usual re-run of a portfolio where nothing changed.
std::optional<std::string> SameStateAs(std::string_view previous, std::string_view current);

}  // namespace golden::checkpoint
