#include "catalog/backstage_names.h"

#include "base/strings.h"

namespace golden::catalog {

namespace {

constexpr size_t kMaxName = 63;

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsNameChar(char c) { return IsAlnum(c) || c == '-' || c == '_' || c == '.'; }
bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsTagChar(char c) { return IsLowerAlnum(c) || c == ':' || c == '+' || c == '#'; }

// Words of characters `ok` accepts, separated by single '-', 1 to 63 characters in all
// (DNS labels: [a-z0-9]+(-[a-z0-9]+)*; tags: [a-z0-9:+#]+(-[a-z0-9:+#]+)*).
template <typename Ok>
bool IsDashedWords(std::string_view s, Ok ok) {
  if (s.empty() || s.size() > kMaxName || s.front() == '-' || s.back() == '-') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '-') {
      if (s[i - 1] == '-') return false;
    } else if (!ok(s[i])) {
      return false;
    }
  }
  return true;
}

// Keeps the characters `keep` accepts, turns every other run into one '-', and trims the
// ends to characters `end_ok` accepts.
template <typename Keep, typename EndOk>
std::string Clean(std::string_view text, Keep keep, EndOk end_ok, size_t max) {
  std::string out;
  for (char c : text) {
    if (keep(c)) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  auto trim = [&] {
    while (!out.empty() && !end_ok(out.back())) out.pop_back();
    size_t start = 0;
    while (start < out.size() && !end_ok(out[start])) ++start;
    out.erase(0, start);
  };
  trim();
  if (out.size() > max) {
    out.resize(max);
    trim();
  }
  return out;
}

}  // namespace

bool IsValidBackstageName(std::string_view name) {
  if (name.empty() || name.size() > kMaxName) return false;
  if (!IsAlnum(name.front()) || !IsAlnum(name.back())) return false;
  for (char c : name) {
    if (!IsNameChar(c)) return false;
  }
  return true;
}

bool IsValidBackstageTag(std::string_view tag) { return IsDashedWords(tag, IsTagChar); }

bool IsValidBackstageKey(std::string_view key) {
  std::vector<std::string_view> parts = Split(key, "/");
  if (parts.size() == 1) return IsValidBackstageName(parts[0]);
  if (parts.size() != 2 || parts[0].empty() || parts[0].size() > 253) return false;
  for (std::string_view label : Split(parts[0], ".")) {
    if (!IsDashedWords(label, IsLowerAlnum)) return false;
  }
  return IsValidBackstageName(parts[1]);
}

std::string BackstageName(std::string_view text, std::string_view fallback) {
  std::string out = Clean(text, IsNameChar, IsAlnum, kMaxName);
  return out.empty() ? std::string(fallback) : out;
}

std::string BackstageTag(std::string_view text) {
  return Clean(AsciiLower(text), IsTagChar, IsTagChar, kMaxName);
}

}  // namespace golden::catalog
