#include "policy/waivers.h"

#include <fnmatch.h>

#include <algorithm>

#include "base/fs.h"
#include "policy/waivers_schema.h"
#include "portfolio/metadata.h"
#include "portfolio/schema.h"
#include "report/report.h"
#include "value/yaml.h"

namespace golden::policy {

namespace {

constexpr std::string_view kWaiverCheck = "waiver";
constexpr std::string_view kExpiredRule = "waiver.expired";

bool Matches(const std::string& pattern, std::string_view text) {
  return fnmatch(pattern.c_str(), std::string(text).c_str(), 0) == 0;
}

std::string Field(const Value& entry, std::string_view key) {
  const Value* v = entry.Find(key);
  return v != nullptr && v->IsString() ? std::string(v->GetString()) : std::string();
}

}  // namespace

std::string UtcDate(int64_t unix_ns) {
  // "2026-01-31T08:00:00Z" -> "2026-01-31": one conversion of instants to UTC for reports
  // and waivers.
  return report::IsoTimestampUtc(unix_ns).substr(0, 10);
}

WaiverSet::WaiverSet(std::vector<Waiver> waivers, std::string file, std::string today)
    : waivers_(std::move(waivers)), file_(std::move(file)), today_(std::move(today)) {
  used_.resize(waivers_.size());
}

Result<std::shared_ptr<WaiverSet>> WaiverSet::Parse(std::string_view text, std::string file,
                                                    std::string today) {
  std::vector<YamlLine> lines;
  auto doc = ParseYaml(text, file, {}, &lines);
  if (!doc.ok()) return InvalidArgument(doc.status().ToString());
  // The schema is part of golden, so failing to compile it is a bug, not a user error.
  static_assert(!kWaiversSchema.empty());
  auto schema = portfolio::MetadataSchema::Parse(kWaiversSchema, "waivers.schema.json");
  if (!schema.ok()) return Internal("the built-in waiver schema: " + schema.status().message());
  std::vector<portfolio::SchemaError> errors = (*schema)->Validate(*doc);
  if (!errors.empty()) {
    std::string message;
    for (const portfolio::SchemaError& e : errors) {
      if (!message.empty()) message += "\n";
      int line = portfolio::YamlLineAt(lines, e.at);
      message += file + (line > 0 ? ":" + std::to_string(line) : "") + ": " +
                 (e.path.empty() ? "" : e.path + ": ") + e.message;
    }
    return InvalidArgument(message);
  }
  std::vector<Waiver> waivers;
  const Value* list = doc->Find("waivers");
  if (list != nullptr && list->IsArray()) {
    for (size_t i = 0; i < list->GetArray().size(); ++i) {
      const Value& entry = list->GetArray()[i];
      Waiver w{
          Field(entry, "repo"),   Field(entry, "rule"),
          Field(entry, "reason"), Field(entry, "expires"),
          Field(entry, "owner"),  portfolio::YamlLineAt(lines, "/waivers/" + std::to_string(i))};
      waivers.push_back(std::move(w));
    }
  }
  return std::shared_ptr<WaiverSet>(
      new WaiverSet(std::move(waivers), std::move(file), std::move(today)));
}

Result<std::shared_ptr<WaiverSet>> WaiverSet::Load(const std::filesystem::path& path,
                                                   std::string display, std::string today) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return std::shared_ptr<WaiverSet>(new WaiverSet({}, std::move(display), std::move(today)));
  }
  auto text = ReadFile(path);
  if (!text.ok()) return InvalidArgument(display + ": " + text.status().message());
  return Parse(*text, std::move(display), std::move(today));
}

void WaiverSet::Apply(std::string_view full_name, std::vector<report::Finding>* findings) const {
  std::vector<report::Finding> expired;
  for (report::Finding& f : *findings) {
    if (f.waived || f.check == kWaiverCheck) continue;
    for (size_t i = 0; i < waivers_.size(); ++i) {
      const Waiver& w = waivers_[i];
      if (!Matches(w.repo, full_name) || !Matches(w.rule, f.rule)) continue;
      used_[i].store(true, std::memory_order_relaxed);
      if (Expired(w)) {
        expired.push_back(report::MakeFinding(
            std::string(kWaiverCheck), std::string(kExpiredRule), report::Severity::kWarning,
            "The waiver of " + f.rule + " (" + file_ + ":" + std::to_string(w.line) + ", " +
                w.owner + ") expired on " + w.expires + "; the finding counts again",
            f.file, f.line));
        continue;
      }
      f.waived = report::Finding::Waiver{w.reason, w.expires, w.owner};
      break;
    }
  }
  findings->insert(findings->end(), expired.begin(), expired.end());
}

std::vector<std::string> WaiverSet::UnusedMessages(
    const std::vector<std::string>& full_names) const {
  std::vector<std::string> out;
  for (size_t i = 0; i < waivers_.size(); ++i) {
    if (used_[i].load(std::memory_order_relaxed)) continue;
    const Waiver& w = waivers_[i];
    // A run over part of the portfolio says nothing of waivers for the rest.
    bool in_run = std::any_of(full_names.begin(), full_names.end(),
                              [&](const std::string& n) { return Matches(w.repo, n); });
    if (!in_run) continue;
    out.push_back(file_ + ":" + std::to_string(w.line) + ": the waiver of " + w.rule + " for " +
                  w.repo + (Expired(w) ? " (expired on " + w.expires + ")" : "") +
                  " matched no finding; remove it");
  }
  return out;
}

}  // namespace golden::policy
