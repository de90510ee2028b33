// The metadata and structure checks: .meta/repo.yaml and the files each tier asks for.
#include <array>

#include "base/strings.h"
#include "portfolio/checks.h"
#include "portfolio/py_repr.h"

namespace golden::portfolio {

using report::Severity;

namespace {

std::string_view Describe(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kArray:
    case Value::Kind::kSet:
      return "a list";
    case Value::Kind::kString:
      return "a string";
    case Value::Kind::kNumber:
      return "a number";
    case Value::Kind::kBool:
      return "a boolean";
    default:
      return "a scalar";
  }
}

// "YAML: mapping values are not allowed here" -> "mapping values are not allowed here".
std::string WithoutPrefix(const std::string& msg) {
  constexpr std::string_view kPrefix = "YAML: ";
  return msg.compare(0, kPrefix.size(), kPrefix) == 0 ? msg.substr(kPrefix.size()) : msg;
}

}  // namespace

void CheckMetadata(const RepoSnapshot& repo, const CheckOptions& options,
                   std::vector<report::Finding>* out) {
  FindingSink sink(checks::kMetadata, out);
  const Metadata& m = repo.metadata;
  auto add = [&](std::string_view rule, Severity sev, std::string msg, int line = 0) {
    sink.Add(rule, sev, std::move(msg), kMetadataFile, line);
  };
  switch (m.state) {
    case MetadataState::kMissing:
      add(rules::kMetadataMissing, Severity::kError, ".meta/repo.yaml is required");
      return;
    case MetadataState::kUnreadable:
      add(rules::kMetadataUnreadable, Severity::kError, "Cannot read .meta/repo.yaml: " + m.error);
      return;
    case MetadataState::kInvalid:
      add(rules::kMetadataInvalidYaml, Severity::kError,
          "Invalid YAML in .meta/repo.yaml: " + WithoutPrefix(m.error), m.error_line);
      return;
    case MetadataState::kEmpty:
      add(rules::kMetadataEmpty, Severity::kError, ".meta/repo.yaml is empty");
      return;
    case MetadataState::kLoaded:
      break;
  }
  if (!m.doc.IsObject()) {
    // The original crashed here (a list has no .get); a schema would say "is not of type
    // 'object'", which is less direct.
    add(rules::kMetadataNotMapping, Severity::kError,
        ".meta/repo.yaml must be a mapping of keys to values, not " + std::string(Describe(m.doc)),
        1);
    return;
  }
  if (options.schema != nullptr) {
    std::vector<SchemaError> errors = options.schema->Validate(m.doc);
    if (!errors.empty()) {
      for (const SchemaError& e : errors) {
        std::string where = e.path.empty() ? "" : " at " + e.path;
        add(rules::kMetadataSchema, Severity::kError,
            "Schema validation failed" + where + ": " + e.message, m.LineOf(e.at));
      }
      // As in the original, the check stops at a schema failure: the field and tier rules
      // below would only repeat it.
      return;
    }
    add(rules::kMetadataSchemaPassed, Severity::kInfo, "Schema validation passed");
  }
  // Without a schema (or with one that does not constrain them), the original's own rules.
  for (std::string_view field : {"type", "language"}) {
    if (m.doc.Find(field) == nullptr) {
      add(rules::kMetadataRequiredField, Severity::kError,
          "Missing required field: " + std::string(field));
    }
  }
  Tier tier = TierOf(m.doc);
  if (tier.invalid) {
    add(rules::kMetadataTier, Severity::kWarning,
        "Tier should be integer 1-4, got: " + PyRepr(tier.raw), m.LineOf("/tier"));
  }
}

void CheckStructure(const RepoSnapshot& repo, const CheckOptions& options,
                    std::vector<report::Finding>* out) {
  const Metadata& m = repo.metadata;
  if (!m.loaded()) return;  // the metadata check already failed the repository
  FindingSink sink(checks::kStructure, out);
  struct Required {
    std::string_view path;
    int max_tier;  // required for tiers up to this one
  };
  static constexpr std::array<Required, 5> kTable = {{
      {".meta/repo.yaml", 4},
      {"README.md", 4},
      {".github/CODEOWNERS", 2},
      {".github/workflows/ci.yml", 2},
      {"tests/", 1},
  }};
  int tier = TierOf(m.doc).value;
  const RepoInventory& inv = repo.inventory;
  for (const Required& r : kTable) {
    if (tier > r.max_tier) continue;
    bool present;
    if (r.path.back() == '/') {
      present = inv.IsDir(r.path.substr(0, r.path.size() - 1));
    } else if (r.path == ".github/workflows/ci.yml") {
      present = inv.IsFile(r.path) || inv.IsFile(".github/workflows/ci.yaml");
    } else {
      present = inv.IsFile(r.path);
    }
    if (present) continue;
    sink.Add(
        rules::kStructureMissing, options.strict ? Severity::kError : Severity::kWarning,
        std::string(options.strict ? "Missing required file: " : "Missing recommended file: ") +
            std::string(r.path),
        r.path);
  }
}

}  // namespace golden::portfolio
