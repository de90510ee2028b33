// semver.is_valid and semver.compare (OPA's topdown/semver.go and internal/semver): versions
// are MAJOR.MINOR.PATCH[-PRERELEASE][+METADATA], an optional leading "v", numbers as Go's
// strconv.ParseInt reads them.

#include <charconv>

#include "rego/builtins/go_fmt.h"
#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

struct Version {
  int64_t major = 0, minor = 0, patch = 0;
  std::string_view pre_release;
};

// [0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*
bool ValidIdentifiers(std::string_view s) {
  if (s.empty()) return false;
  size_t start = 0;
  while (true) {
    size_t dot = s.find('.', start);
    std::string_view part = s.substr(start, dot == s.npos ? s.npos : dot - start);
    if (part.empty()) return false;
    for (char c : part) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    }
    if (dot == s.npos) return true;
    start = dot + 1;
  }
}

// Go's strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, in range.
std::optional<int64_t> ParseInt64(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool neg = s[0] == '-';
  if (s[0] == '+' || s[0] == '-') s.remove_prefix(1);
  if (s.empty() || s.find_first_not_of("0123456789") != s.npos) return std::nullopt;
  uint64_t u = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), u);
  if (ec != std::errc() || u > (neg ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1))
    return std::nullopt;
  return neg ? static_cast<int64_t>(0 - u) : static_cast<int64_t>(u);
}

std::optional<Version> Parse(std::string_view s) {
  if (s.starts_with("v")) s.remove_prefix(1);
  Version v;
  if (size_t plus = s.find('+'); plus != s.npos) {
    std::string_view metadata = s.substr(plus + 1);
    s = s.substr(0, plus);
    if (!metadata.empty() && !ValidIdentifiers(metadata)) return std::nullopt;
  }
  if (size_t dash = s.find('-'); dash != s.npos) {
    v.pre_release = s.substr(dash + 1);
    s = s.substr(0, dash);
    if (!v.pre_release.empty() && !ValidIdentifiers(v.pre_release)) return std::nullopt;
  }
  if (std::count(s.begin(), s.end(), '.') != 2) return std::nullopt;
  size_t d1 = s.find('.'), d2 = s.find('.', d1 + 1);
  std::optional<int64_t> major = ParseInt64(s.substr(0, d1));
  std::optional<int64_t> minor = ParseInt64(s.substr(d1 + 1, d2 - d1 - 1));
  std::optional<int64_t> patch = ParseInt64(s.substr(d2 + 1));
  if (!major || !minor || !patch) return std::nullopt;
  v.major = *major;
  v.minor = *minor;
  v.patch = *patch;
  return v;
}

bool AllDecimal(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == s.npos;
}

// Go's strconv.Atoi, which OPA calls ignoring errors: out-of-range values saturate.
int64_t Atoi(std::string_view s) {
  std::optional<int64_t> v = ParseInt64(s);
  return v ? *v : INT64_MAX;
}

int Cmp(int64_t a, int64_t b) { return a < b ? -1 : (a > b ? 1 : 0); }

// SemVer precedence: numbers, then pre-release identifiers (a release outranks its
// pre-releases; numeric identifiers rank below alphanumeric ones).
int Compare(const Version& a, const Version& b) {
  if (int c = Cmp(a.major, b.major)) return c;
  if (int c = Cmp(a.minor, b.minor)) return c;
  if (int c = Cmp(a.patch, b.patch)) return c;
  if (a.pre_release == b.pre_release) return 0;
  if (a.pre_release.empty()) return 1;
  if (b.pre_release.empty()) return -1;
  std::string_view x = a.pre_release, y = b.pre_release;
  while (true) {
    size_t dx = x.find('.'), dy = y.find('.');
    std::string_view px = x.substr(0, dx), py = y.substr(0, dy);
    std::string_view rx = dx == x.npos ? std::string_view() : x.substr(dx + 1);
    std::string_view ry = dy == y.npos ? std::string_view() : y.substr(dy + 1);
    if (px.empty() && !py.empty()) return -1;
    if (!px.empty() && py.empty()) return 1;
    bool nx = AllDecimal(px), ny = AllDecimal(py);
    if (nx && !ny) return -1;
    if (!nx && ny) return 1;
    if (nx && ny) {
      if (int c = Cmp(Atoi(px), Atoi(py))) return c;
    } else if (int c = px.compare(py)) {
      return c < 0 ? -1 : 1;
    }
    if (!rx.empty() && ry.empty()) return 1;
    if (rx.empty() && !ry.empty()) return -1;
    if (rx.empty() && ry.empty()) return 0;
    x = rx;
    y = ry;
  }
}

BuiltinResult SemverCompare(std::string_view a, std::string_view b) {
  std::optional<Version> va = Parse(a);
  if (!va)
    return BuiltinResult::Error("operand 1: string " + GoQuote(a) + " is not a valid SemVer");
  std::optional<Version> vb = Parse(b);
  if (!vb)
    return BuiltinResult::Error("operand 2: string " + GoQuote(b) + " is not a valid SemVer");
  return Value::Int(Compare(*va, *vb));
}

bool SemverIsValid(const Value& v) { return v.IsString() && Parse(v.GetString()).has_value(); }

}  // namespace

Status RegisterSemverBuiltins(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kSemverCompare,
                                     .args = {t::String(), t::String()},
                                     .result = t::Number(),
                                     .fn = Adapt<&SemverCompare>()}));
  return r.Register({.name = builtins::kSemverIsValid,
                     .args = {t::Any()},
                     .result = t::Boolean(),
                     .fn = Adapt<&SemverIsValid>()});
}

}  // namespace golden::rego
