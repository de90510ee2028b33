#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "checkpoint/drift.h"
#include "checkpoint/state.h"

namespace golden::checkpoint {

/// What a drift report shows: the comparison (none for a baseline) and both checkpoints'
/// timestamps and summaries. Plain data, filled by the caller; renderers do no I/O.
struct DriftReport {
  /// nullopt for a baseline (`--baseline`: nothing compared; JSON `"drift": {}`).
  std::optional<Drift> drift;
  std::string current_timestamp;
  Summary current_summary;
  /// Both nullopt when there is no previous checkpoint.
  std::optional<std::string> previous_timestamp;
  std::optional<Summary> previous_summary;
};

/// Fills a report from the states (`previous` may be null; `drift` may be nullopt).
DriftReport MakeDriftReport(const State& current, const State* previous,
                            std::optional<Drift> drift);

enum class DriftFormat { kText, kMarkdown, kJson };

/// "text", "markdown", "json", in `--help` order.
std::span<const std::string_view> DriftFormatNames();
std::optional<DriftFormat> ParseDriftFormat(std::string_view name);

/// Renders `report`; the result ends with a newline.
std::string RenderDrift(const DriftReport& report, DriftFormat format);

/// The original's text layout: header, checkpoints, summary, then each non-empty change group
/// (new, deleted and changed repositories, findings added and resolved capped at 10 lines with
/// "... and N more"; compliance improved and degraded in full).
std::string RenderDriftText(const DriftReport& report);

/// The original's Markdown layout with every change group itemised; a
/// "### Compliance Degraded (Action Required)" section (which the weekly workflow looks for)
/// comes first whenever a repository lost compliance, with the violations that appeared in it.
std::string RenderDriftMarkdown(const DriftReport& report);

/// The original's wrapper: {drift, current_state: {timestamp, summary}, previous_state:
/// {timestamp, summary}} (nulls without a previous checkpoint; `drift` is {} for a baseline).
std::string RenderDriftJson(const DriftReport& report);

/// The drift object alone, as `drift-<stamp>.json` holds it.
std::string DriftJson(const Drift& drift);

/// Lines for $GITHUB_OUTPUT: has_drift, degraded_count, new_count, deleted_count,
/// changed_count, improved_count, findings_added_count, findings_resolved_count (a baseline
/// has no drift), then `extra` as given ("name=value" lines).
std::string RenderGithubOutput(const std::optional<Drift>& drift,
                               std::span<const std::pair<std::string, std::string>> extra = {});

}  // namespace golden::checkpoint
