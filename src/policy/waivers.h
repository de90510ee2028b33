#pragma once

// Waivers: `.metaHub/waivers.yaml` entries that accept findings for a while (docs/policies.md,
// schemas/waivers.schema.json).

#include <atomic>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "report/finding.h"

namespace golden::policy {

/// One entry of the waiver file.
struct Waiver {
  std::string repo;  ///< full name (org/name) or fnmatch glob
  std::string rule;  ///< rule id or fnmatch glob
  std::string reason;
  std::string expires;  ///< YYYY-MM-DD, the last day it applies
  std::string owner;
  int line = 0;  ///< where the entry starts in the file
};

/// The waivers of a run, with the day the run judges by. Apply is thread-safe; it records
/// which waivers were used so that unused ones can be reported afterwards.
class WaiverSet {
 public:
  /// Parses and validates waiver YAML (`file` names it in errors, "file:line: message").
  /// An empty file and `waivers: []` are valid. `today` is YYYY-MM-DD.
  static Result<std::shared_ptr<WaiverSet>> Parse(std::string_view text, std::string file,
                                                  std::string today);
  /// Reads `path`; a missing file gives an empty set.
  static Result<std::shared_ptr<WaiverSet>> Load(const std::filesystem::path& path,
                                                 std::string display, std::string today);

  /// Marks the findings of repository `full_name` that an active waiver covers as waived, and
  /// adds a warning (check "waiver", rule "waiver.expired") for each finding an expired waiver
  /// would have covered.
  void Apply(std::string_view full_name, std::vector<report::Finding>* findings) const;

  /// Waivers that name a repository of `full_names` (the run's) but covered none of its
  /// findings since the set was made: "file:line: ..." messages.
  std::vector<std::string> UnusedMessages(const std::vector<std::string>& full_names) const;

  const std::vector<Waiver>& waivers() const { return waivers_; }
  bool empty() const { return waivers_.empty(); }

 private:
  WaiverSet(std::vector<Waiver> waivers, std::string file, std::string today);
  bool Expired(const Waiver& w) const { return w.expires < today_; }

  std::vector<Waiver> waivers_;
  std::string file_;
  std::string today_;
  mutable std::deque<std::atomic<bool>> used_;
};

/// `unix_ns` as the UTC date YYYY-MM-DD.
std::string UtcDate(int64_t unix_ns);

}  // namespace golden::policy
