#include "portfolio/metadata.h"

#include <algorithm>

namespace golden::portfolio {

int YamlLineAt(const std::vector<YamlLine>& lines, std::string_view pointer) {
  for (const YamlLine& l : lines) {
    if (l.pointer == pointer) return l.line;
  }
  return 0;
}

int Metadata::LineOf(std::string_view pointer) const { return YamlLineAt(lines, pointer); }

bool IsTruthy(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return false;
    case Value::Kind::kBool:
      return v.GetBool();
    case Value::Kind::kNumber:
      return v.GetNumber().Compare(Number(int64_t{0})) != 0;
    case Value::Kind::kString:
      return !v.GetString().empty();
    case Value::Kind::kArray:
    case Value::Kind::kObject:
    case Value::Kind::kSet:
      return v.Size() > 0;
  }
  return false;
}

Metadata ParseMetadata(std::string_view text) {
  Metadata m;
  auto doc = ParseYaml(text, kMetadataFile, {}, &m.lines);
  if (!doc.ok()) {
    m.state = MetadataState::kInvalid;
    m.error = doc.status().message();
    if (const auto& where = doc.status().where()) m.error_line = where->line;
    m.lines.clear();
    return m;
  }
  m.doc = std::move(doc).value();
  m.state = IsTruthy(m.doc) ? MetadataState::kLoaded : MetadataState::kEmpty;
  return m;
}

Metadata LoadMetadata(const fs::path& repo_dir, const RepoInventory& inventory) {
  const FileEntry* entry = inventory.Find(kMetadataFile);
  if (entry == nullptr) return Metadata{};
  auto text = ReadRepoFile(repo_dir, inventory, kMetadataFile, kMaxMetadataBytes);
  if (!text.ok()) return MetadataFromRead(text.status());
  return MetadataFromRead(std::string_view(*text));
}

Metadata MetadataFromRead(const Result<std::string_view>& text) {
  if (!text.ok()) {
    Metadata m;
    m.state = MetadataState::kUnreadable;
    m.error = text.status().message();
    return m;
  }
  return ParseMetadata(*text);
}

Tier TierOf(const Value& doc) {
  Tier t;
  if (!doc.IsObject()) return t;
  const Value* tier = doc.Find("tier");
  if (tier == nullptr) return t;
  t.raw = *tier;
  std::optional<int64_t> n = tier->IsNumber() ? tier->AsInt64() : std::nullopt;
  if (n && *n >= 1 && *n <= 4) {
    t.value = static_cast<int>(*n);
  } else {
    t.invalid = true;
  }
  return t;
}

std::string_view DescribeKind(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return "null";
    case Value::Kind::kBool:
      return "a boolean";
    case Value::Kind::kNumber:
      return "a number";
    case Value::Kind::kString:
      return "a string";
    case Value::Kind::kArray:
    case Value::Kind::kSet:
      return "a list";
    case Value::Kind::kObject:
      return "a mapping";
  }
  return "a value";
}

}  // namespace golden::portfolio
