#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "portfolio/metadata.h"
#include "portfolio/scan.h"
#include "portfolio/target.h"
#include "value/yaml_cache.h"

namespace golden::portfolio {

/// What golden reads from one repository, once, before any check, catalog entry, checkpoint
/// record or policy input is made from it.
struct RepoSnapshot {
  RepoRef ref;
  /// Not OK when the repository folder itself could not be listed; the inventory and the
  /// metadata are then empty.
  Status scan_status;
  RepoInventory inventory;
  Metadata metadata;
  /// The repository folder, open while the snapshot lives: its files are opened relative to it.
  UniqueFd dir;
  /// Parses the YAML files read from the repository (ParseYamlWithLines) once per distinct
  /// text across the run; null parses every file.
  YamlCache* yaml_cache = nullptr;

  /// Reads the inventory file `rel` as ReadRepoFile does (same rules, same errors), but at most
  /// once per snapshot: the text or the error is kept, so that the checks, checkpoint hashing
  /// and policy input share one read of each file. A text longer than `max_bytes` is refused
  /// whatever an earlier caller's limit was. The view lives as long as the snapshot. Not
  /// thread-safe: a snapshot belongs to one worker at a time.
  Result<std::string_view> ReadFile(std::string_view rel, uint64_t max_bytes) const;

  /// The text of `rel` when an earlier ReadFile read it successfully; nullopt otherwise (no
  /// file system access).
  std::optional<std::string_view> AlreadyRead(std::string_view rel) const;

  /// The YAML document `text` (what ReadFile gave for `rel`) holds, with its lines: parsed once
  /// per snapshot, so that the checks and the policy input share one parse of each file, and
  /// through `yaml_cache` once per distinct text of the run. Errors name `rel`.
  Result<std::shared_ptr<const ParsedYaml>> ParseYamlFile(std::string_view rel,
                                                          std::string_view text) const;

 private:
  struct Read {
    uint64_t limit = 0;
    Result<std::string> text = std::string();
  };
  mutable std::map<std::string, Read, std::less<>> reads_;
  mutable std::map<std::string, std::shared_ptr<const ParsedYaml>, std::less<>> parsed_;
};

/// Scans `ref.dir` and loads its metadata. Never fails: problems are recorded in the snapshot.
/// `yaml_cache`, shared by the repositories of one run, becomes the snapshot's.
RepoSnapshot LoadRepo(const RepoRef& ref, const ScanOptions& options = {},
                      YamlCache* yaml_cache = nullptr);

}  // namespace golden::portfolio
