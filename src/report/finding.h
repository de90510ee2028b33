#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace golden::report {

/// How bad a finding is. A repository fails when it has at least one kError.
enum class Severity : uint8_t { kError, kWarning, kInfo };

/// "error", "warning" or "info": the names the JSON report uses.
std::string_view SeverityName(Severity s);

/// One result of a check on one repository.
///
/// Built-in checks use the original's check names (metadata, structure, docker, codeowners,
/// workflows, readme) plus `scan` for folders that could not be read; policies use `policy`.
/// `rule` is a stable identifier that never changes with the message text
/// (`docker.latest-tag`, `policy` findings use `<package>.<rule>`).
struct Finding {
  std::string check;
  std::string rule;
  Severity severity = Severity::kError;
  std::string message;
  /// The file the finding is about, relative to the repository, '/'-separated and valid
  /// UTF-8 (see DisplayPath); empty when the finding is about the repository as a whole.
  std::string file;
  /// 1-based line in `file`; 0 when unknown.
  int line = 0;
  /// Policy findings: the rule's `# METADATA` title and description (empty otherwise).
  std::string title;
  std::string description;
  /// Why a finding is accepted for a while: a waiver of `.metaHub/waivers.yaml`, or a
  /// policy's `exception` rule.
  struct Waiver {
    std::string reason;
    std::string expires;  ///< YYYY-MM-DD; empty for policy exceptions
    std::string owner;
  };
  /// Set when the finding is waived: it is reported, but counts as neither a violation nor
  /// a warning.
  std::optional<Waiver> waived;
};

/// A waiver in one line for people: "<reason>; until <expires>; owner <owner>" (the parts
/// that are set).
std::string WaiverText(const Finding::Waiver& w);

/// A finding with the fields every check sets (the others keep their defaults). Callers use
/// this instead of brace-initialising Finding, so fields can be added without touching them.
Finding MakeFinding(std::string check, std::string rule, Severity severity, std::string message,
                    std::string file = {}, int line = 0);

/// Describes a rule for formats that list rules (SARIF) and for documentation.
struct RuleInfo {
  std::string id;       ///< the Finding::rule it describes
  std::string check;    ///< the Finding::check of its findings
  Severity severity;    ///< the usual severity (strict mode can raise warnings to errors)
  std::string summary;  ///< one sentence: what the rule asks for
  /// Markdown: why the rule exists and how to fix a finding (SARIF `help`); may be empty.
  std::string help;

  friend bool operator==(const RuleInfo&, const RuleInfo&) = default;
};

/// The position of a check in reports: the original's execution order (metadata, structure,
/// docker, codeowners, workflows, readme), then scan, then policy, then anything else.
int CheckRank(std::string_view check);

/// Report order: by check rank, then file, line and rule. Findings equal on all of these keep
/// the order their check produced them in (two ports of one EXPOSE line, in line order), so
/// the order never depends on scheduling or on the order of a folder listing.
bool FindingLess(const Finding& a, const Finding& b);

/// Sorts `findings` into report order (a stable sort by FindingLess).
void SortFindings(std::vector<Finding>* findings);

}  // namespace golden::report
