// The JSON drift report: the original checkpoint.py's wrapper and drift object
// (original-behaviour.md 4.3 and 4.5), with files for changed repositories, findings added and
// resolved, their counts, and notes.
#include <string>

#include "checkpoint/drift_report.h"
#include "report/json_writer.h"

namespace golden::checkpoint {

namespace {

using report::JsonWriter;

void Strings(JsonWriter* w, std::string_view key, const std::vector<std::string>& items) {
  w->Key(key);
  w->BeginArray();
  for (const std::string& s : items) w->String(s);
  w->EndArray();
}

void WriteDeltas(JsonWriter* w, std::string_view key, const std::vector<FindingsDelta>& deltas) {
  w->Key(key);
  w->BeginArray();
  for (const FindingsDelta& d : deltas) {
    w->BeginObject();
    w->Member("repo", d.repo);
    w->Key("findings");
    w->BeginArray();
    for (const StoredFinding& f : d.findings) WriteFinding(w, f);
    w->EndArray();
    w->EndObject();
  }
  w->EndArray();
}

void WriteDrift(JsonWriter* w, const Drift& d) {
  w->BeginObject();
  w->Member("timestamp", d.timestamp);
  w->Key("previous_checkpoint");
  if (d.previous_checkpoint) {
    w->String(*d.previous_checkpoint);
  } else {
    w->Null();
  }
  w->Member("current_checkpoint", d.current_checkpoint);
  w->Member("has_drift", d.has_drift());
  w->Key("changes");
  w->BeginObject();
  Strings(w, "new_repos", d.new_repos);
  Strings(w, "deleted_repos", d.deleted_repos);
  w->Key("changed_repos");
  w->BeginArray();
  for (const ChangedRepo& c : d.changed_repos) {
    w->BeginObject();
    w->Member("repo", c.repo);
    w->Member("previous_hash", c.previous_hash);
    w->Member("current_hash", c.current_hash);
    w->Key("files");
    w->BeginObject();
    Strings(w, "added", c.files.added);
    Strings(w, "removed", c.files.removed);
    Strings(w, "modified", c.files.modified);
    w->EndObject();
    w->EndObject();
  }
  w->EndArray();
  Strings(w, "compliance_improved", d.compliance_improved);
  Strings(w, "compliance_degraded", d.compliance_degraded);
  WriteDeltas(w, "findings_added", d.findings_added);
  WriteDeltas(w, "findings_resolved", d.findings_resolved);
  w->EndObject();
  w->Key("summary");
  w->BeginObject();
  auto count = [&](std::string_view key, size_t n) { w->Member(key, static_cast<int64_t>(n)); };
  count("new_count", d.new_repos.size());
  count("deleted_count", d.deleted_repos.size());
  count("changed_count", d.changed_repos.size());
  count("improved_count", d.compliance_improved.size());
  count("degraded_count", d.compliance_degraded.size());
  count("findings_added_count", d.findings_added_count());
  count("findings_resolved_count", d.findings_resolved_count());
  w->EndObject();
  Strings(w, "notes", d.notes);
  w->EndObject();
}

}  // namespace

std::string DriftJson(const Drift& drift) {
  std::string out;
  JsonWriter w(&out, 2);
  WriteDrift(&w, drift);
  out.push_back('\n');
  return out;
}

std::string RenderDriftJson(const DriftReport& report) {
  std::string out;
  JsonWriter w(&out, 2);
  w.BeginObject();
  w.Key("drift");
  if (report.drift) {
    WriteDrift(&w, *report.drift);
  } else {
    w.BeginObject();  // a baseline compares nothing: the original's {}
    w.EndObject();
  }
  w.Key("current_state");
  w.BeginObject();
  w.Member("timestamp", report.current_timestamp);
  w.Key("summary");
  WriteSummary(&w, report.current_summary);
  w.EndObject();
  w.Key("previous_state");
  w.BeginObject();
  w.Key("timestamp");
  if (report.previous_timestamp) {
    w.String(*report.previous_timestamp);
  } else {
    w.Null();
  }
  w.Key("summary");
  if (report.previous_summary) {
    WriteSummary(&w, *report.previous_summary);
  } else {
    w.Null();
  }
  w.EndObject();
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace golden::checkpoint
