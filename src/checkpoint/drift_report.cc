#include "checkpoint/drift_report.h"

namespace golden::checkpoint {

DriftReport MakeDriftReport(const State& current, const State* previous,
                            std::optional<Drift> drift) {
  DriftReport r;
  r.drift = std::move(drift);
  r.current_timestamp = current.timestamp;
  r.current_summary = current.summary;
  if (previous != nullptr) {
    r.previous_timestamp = previous->timestamp;
    r.previous_summary = previous->summary;
  }
  return r;
}

namespace {

constexpr std::string_view kNames[] = {"text", "markdown", "json"};
constexpr DriftFormat kFormats[] = {DriftFormat::kText, DriftFormat::kMarkdown, DriftFormat::kJson};

void OutputLine(std::string* out, std::string_view name, std::string_view value) {
  if (value.find('\n') == std::string_view::npos) {
    *out += std::string(name) + "=" + std::string(value) + "\n";
    return;
  }
  // GitHub's multi-line syntax, with a delimiter that cannot occur in the value.
  std::string delimiter = "GOLDEN_EOF";
  while (value.find(delimiter) != std::string_view::npos) delimiter += "_";
  *out +=
      std::string(name) + "<<" + delimiter + "\n" + std::string(value) + "\n" + delimiter + "\n";
}

}  // namespace

std::span<const std::string_view> DriftFormatNames() { return kNames; }

std::optional<DriftFormat> ParseDriftFormat(std::string_view name) {
  for (size_t i = 0; i < std::size(kNames); ++i) {
    if (kNames[i] == name) return kFormats[i];
  }
  return std::nullopt;
}

std::string RenderDrift(const DriftReport& report, DriftFormat format) {
  switch (format) {
    case DriftFormat::kText:
      return RenderDriftText(report);
    case DriftFormat::kMarkdown:
      return RenderDriftMarkdown(report);
    case DriftFormat::kJson:
      return RenderDriftJson(report);
  }
  return {};
}

std::string RenderGithubOutput(const std::optional<Drift>& drift,
                               std::span<const std::pair<std::string, std::string>> extra) {
  std::string out;
  auto count = [&](std::string_view name, size_t n) { OutputLine(&out, name, std::to_string(n)); };
  OutputLine(&out, "has_drift", drift && drift->has_drift() ? "true" : "false");
  count("degraded_count", drift ? drift->compliance_degraded.size() : 0);
  count("new_count", drift ? drift->new_repos.size() : 0);
  count("deleted_count", drift ? drift->deleted_repos.size() : 0);
  count("changed_count", drift ? drift->changed_repos.size() : 0);
  count("improved_count", drift ? drift->compliance_improved.size() : 0);
  count("findings_added_count", drift ? drift->findings_added_count() : 0);
  count("findings_resolved_count", drift ? drift->findings_resolved_count() : 0);
  for (const auto& [name, value] : extra) OutputLine(&out, name, value);
  return out;
}

}  // namespace golden::checkpoint
