#include "checkpoint/drift.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "checkpoint/file_set.h"

namespace golden::checkpoint {

namespace {

using FindingKey =
    std::tuple<std::string_view, report::Severity, std::string_view, std::string_view>;

FindingKey KeyOf(const StoredFinding& f) { return {f.rule, f.severity, f.file, f.message}; }

// The findings of `a` that `b` does not have (as multisets, in `a`'s order).
std::vector<StoredFinding> Missing(const std::vector<StoredFinding>& a,
                                   const std::vector<StoredFinding>& b) {
  std::map<FindingKey, int> have;
  for (const StoredFinding& f : b) ++have[KeyOf(f)];
  std::vector<StoredFinding> out;
  for (const StoredFinding& f : a) {
    int& n = have[KeyOf(f)];
    if (n > 0) {
      --n;
    } else {
      out.push_back(f);
    }
  }
  return out;
}

using FileList = std::vector<std::pair<std::string, std::string>>;

// Files both checkpoints would have hashed: those matched by both pattern lists.
FileList Comparable(const FileList& files, const FileSet* other_set) {
  if (other_set == nullptr) return files;
  FileList out;
  for (const auto& f : files) {
    if (other_set->Matches(f.first)) out.push_back(f);
  }
  return out;
}

FileChanges DiffFiles(const FileList& before, const FileList& after) {
  FileChanges c;
  size_t i = 0, j = 0;
  while (i < before.size() || j < after.size()) {
    if (j == after.size() || (i < before.size() && before[i].first < after[j].first)) {
      c.removed.push_back(before[i++].first);
    } else if (i == before.size() || after[j].first < before[i].first) {
      c.added.push_back(after[j++].first);
    } else {
      if (before[i].second != after[j].second) c.modified.push_back(after[j].first);
      ++i;
      ++j;
    }
  }
  return c;
}

bool Empty(const FileChanges& c) {
  return c.added.empty() && c.removed.empty() && c.modified.empty();
}

}  // namespace

bool Drift::has_drift() const {
  return !new_repos.empty() || !deleted_repos.empty() || !changed_repos.empty() ||
         !compliance_improved.empty() || !compliance_degraded.empty() || !findings_added.empty() ||
         !findings_resolved.empty();
}

size_t Drift::findings_added_count() const {
  size_t n = 0;
  for (const FindingsDelta& d : findings_added) n += d.findings.size();
  return n;
}

size_t Drift::findings_resolved_count() const {
  size_t n = 0;
  for (const FindingsDelta& d : findings_resolved) n += d.findings.size();
  return n;
}

Drift NoDrift(const std::string& previous_timestamp, const State& current) {
  Drift d;
  d.timestamp = current.timestamp;
  d.current_checkpoint = current.timestamp;
  d.previous_checkpoint = previous_timestamp;
  return d;
}

Drift ComputeDrift(const State* previous, const State& current) {
  Drift d;
  d.timestamp = current.timestamp;
  d.current_checkpoint = current.timestamp;
  if (previous == nullptr) {
    for (const RepoRecord& r : current.repos) d.new_repos.push_back(r.full_name);
    return d;
  }
  d.previous_checkpoint = previous->timestamp;
  const bool original = previous->IsOriginal();
  if (original) {
    d.notes.push_back(
        "The previous checkpoint was written by checkpoint.py (format 2.0), which hashed other "
        "files and defined compliance differently: only new and deleted repositories are "
        "compared. The next checkpoint compares everything.");
  }
  const bool same_hashing = previous->hash_algorithm == current.hash_algorithm;
  std::optional<FileSet> previous_set, current_set;
  if (!original && !same_hashing) {
    d.notes.push_back("The previous checkpoint hashed files with '" + previous->hash_algorithm +
                      "': file changes are not compared.");
  } else if (!original && previous->hash_files != current.hash_files) {
    auto compiled = FileSet::Compile(previous->hash_files);
    if (compiled.ok()) {
      previous_set = std::move(compiled).value();
      current_set = FileSet::Compile(current.hash_files).value();
      d.notes.push_back(
          "The list of hashed files changed since the previous checkpoint: files are compared "
          "where both lists cover them.");
    } else {
      d.notes.push_back("The previous checkpoint's file patterns are invalid (" +
                        compiled.status().message() + "): file changes are not compared.");
    }
  }
  if (!original && previous->strict != current.strict) {
    d.notes.push_back(std::string("The previous checkpoint was taken ") +
                      (previous->strict ? "with" : "without") + " strict mode and this one " +
                      (current.strict ? "with" : "without") +
                      " it: warnings and violations are counted differently.");
  }
  const bool compare_files = !original && same_hashing;

  // Both lists are sorted by full name: one merge pass.
  size_t i = 0, j = 0;
  const auto& before = previous->repos;
  const auto& after = current.repos;
  while (i < before.size() || j < after.size()) {
    if (j == after.size() || (i < before.size() && before[i].full_name < after[j].full_name)) {
      d.deleted_repos.push_back(before[i++].full_name);
      continue;
    }
    if (i == before.size() || after[j].full_name < before[i].full_name) {
      d.new_repos.push_back(after[j++].full_name);
      continue;
    }
    const RepoRecord& p = before[i++];
    const RepoRecord& c = after[j++];
    if (original) continue;
    if (compare_files) {
      FileChanges files;
      bool changed;
      if (previous_set) {
        files = DiffFiles(Comparable(p.files, &*current_set), Comparable(c.files, &*previous_set));
        changed = !Empty(files);
      } else {
        files = DiffFiles(p.files, c.files);
        changed = p.files_hash != c.files_hash;
      }
      if (changed) d.changed_repos.push_back({c.full_name, p.files_hash, c.files_hash, files});
    }
    if (p.compliant != c.compliant) {
      (c.compliant ? d.compliance_improved : d.compliance_degraded).push_back(c.full_name);
    }
    if (p.has_details && c.has_details) {
      std::vector<StoredFinding> added = Missing(c.findings, p.findings);
      std::vector<StoredFinding> resolved = Missing(p.findings, c.findings);
      if (!added.empty()) d.findings_added.push_back({c.full_name, std::move(added)});
      if (!resolved.empty()) d.findings_resolved.push_back({c.full_name, std::move(resolved)});
    }
  }
  return d;
}

}  // namespace golden::checkpoint
