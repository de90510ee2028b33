#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checkpoint/state.h"

namespace golden::checkpoint {

/// How the governance files of a repository changed between two checkpoints.
struct FileChanges {
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::vector<std::string> modified;
};

/// A repository present in both checkpoints whose files_hash differs.
struct ChangedRepo {
  std::string repo;
  std::string previous_hash;
  std::string current_hash;
  /// Empty when the previous checkpoint does not list files (the original's).
  FileChanges files;
};

/// The findings that appeared in (or went away from) one repository.
struct FindingsDelta {
  std::string repo;
  std::vector<StoredFinding> findings;
};

/// What changed between a previous checkpoint (if any) and the current one. Every list is in
/// byte order of repository names; findings keep report order.
struct Drift {
  std::string timestamp;  ///< when the comparison was made (the current checkpoint's time)
  std::optional<std::string> previous_checkpoint;  ///< its timestamp; nullopt: no previous
  std::string current_checkpoint;
  std::vector<std::string> new_repos;
  std::vector<std::string> deleted_repos;
  std::vector<ChangedRepo> changed_repos;
  std::vector<std::string> compliance_improved;
  std::vector<std::string> compliance_degraded;
  std::vector<FindingsDelta> findings_added;
  std::vector<FindingsDelta> findings_resolved;
  /// Why some comparisons were not made (a previous checkpoint of another format, hashed
  /// another way, or with another strictness); shown in every report.
  std::vector<std::string> notes;

  /// True when any list above is non-empty.
  bool has_drift() const;
  size_t findings_added_count() const;
  size_t findings_resolved_count() const;
};

/// Compares `current` with `previous` (nullptr: no previous checkpoint, so every repository is
/// new, as in the original).
///
/// Findings are matched by rule, severity, file and message, not line, so that moving a
/// Dockerfile line does not count as one finding resolved and another added; identical
/// findings are matched by count. A previous checkpoint written by the original (2.0) has
/// another files_hash and another definition of compliance: only new and deleted repositories
/// are reported then, with a note. Files hashed with another pattern list are compared on the
/// patterns both share, also with a note.
Drift ComputeDrift(const State* previous, const State& current);

/// ComputeDrift for a previous checkpoint that holds the current state exactly, only taken at
/// `previous_timestamp` (SameStateAs): no change, no note.
Drift NoDrift(const std::string& previous_timestamp, const State& current);

}  // namespace golden::checkpoint
