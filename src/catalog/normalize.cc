#include "catalog/normalize.h"

#include "base/strings.h"
#include "portfolio/metadata.h"
#include "value/json.h"

namespace golden::catalog {

namespace {

// The value as people read it in a note: JSON text, cut short when long.
std::string Shown(const Value& v) {
  constexpr size_t kMax = 60;
  std::string text = ToJson(v);
  if (Utf8Length(text) <= kMax) return text;
  size_t pos = 0;
  for (size_t n = 0; n < kMax - 3 && pos < text.size(); ++n) DecodeUtf8(text, &pos);
  return text.substr(0, pos) + "...";
}

}  // namespace

std::string NormalizeKey(std::string_view s) { return AsciiLower(TrimSpace(s)); }

Normalized<std::string> NormalizeLabel(std::string_view field, const Value* raw,
                                       std::string_view fallback) {
  if (raw == nullptr) return {std::string(fallback), std::nullopt};
  if (std::optional<std::string_view> s = raw->AsString()) {
    std::string key = NormalizeKey(*s);
    if (!key.empty()) return {std::move(key), std::nullopt};
    return {std::string(fallback),
            std::string(field) + " is blank; counted as " + std::string(fallback)};
  }
  if (raw->IsNull()) {
    return {std::string(fallback),
            std::string(field) + " is null; counted as " + std::string(fallback)};
  }
  return {std::string(fallback), std::string(field) + " " + Shown(*raw) + " is " +
                                     std::string(portfolio::DescribeKind(*raw)) +
                                     ", not text; counted as " + std::string(fallback)};
}

Normalized<int> NormalizeTier(const Value* raw) {
  constexpr int kDefault = 4;
  if (raw == nullptr) return {kDefault, std::nullopt};
  auto in_range = [](int64_t t) { return t >= 1 && t <= 4; };
  // Booleans are not numbers here, though YAML 1.1 and Python would let true pass as 1.
  if (raw->IsNumber()) {
    std::optional<int64_t> t = raw->AsInt64();
    if (t && in_range(*t)) return {static_cast<int>(*t), std::nullopt};
  } else if (std::optional<std::string_view> s = raw->AsString()) {
    std::string_view text = TrimSpace(*s);
    if (text.size() == 1 && text[0] >= '1' && text[0] <= '4') {
      int t = text[0] - '0';
      return {t, "tier is the string " + Shown(*raw) + ", not a number; counted as tier " +
                     std::to_string(t)};
    }
  }
  return {kDefault, "tier " + Shown(*raw) + " is not a whole number from 1 to 4; counted as tier " +
                        std::to_string(kDefault)};
}

Normalized<std::string> NormalizeDescription(const Value* raw) {
  if (raw == nullptr || raw->IsNull()) return {"", std::nullopt};
  if (std::optional<std::string_view> s = raw->AsString()) return {std::string(*s), std::nullopt};
  return {"", "description " + Shown(*raw) + " is " + std::string(portfolio::DescribeKind(*raw)) +
                  ", not text; left out"};
}

}  // namespace golden::catalog
