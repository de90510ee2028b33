#include <yaml.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/strings.h"
#include "value/yaml.h"

namespace golden {

namespace {

// Aliases share values, but a document that expands to more nodes than this (a "billion
// laughs" bomb) is refused: printing it would never end.
constexpr size_t kMaxExpandedNodes = 10'000'000;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// ---- YAML 1.1 plain-scalar resolution (PyYAML's implicit resolvers) ----

bool IsYamlNull(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

std::optional<bool> YamlBool(std::string_view s) {
  static constexpr std::string_view kTrue[] = {"yes",  "Yes", "YES", "true", "True",
                                               "TRUE", "on",  "On",  "ON"};
  static constexpr std::string_view kFalse[] = {"no",    "No",  "NO",  "false", "False",
                                                "FALSE", "off", "Off", "OFF"};
  for (auto t : kTrue) {
    if (s == t) return true;
  }
  for (auto f : kFalse) {
    if (s == f) return false;
  }
  return std::nullopt;
}

bool AllOf(std::string_view s, bool (*pred)(char)) {
  for (char c : s) {
    if (!pred(c)) return false;
  }
  return true;
}

// Accumulates digits of `base` (underscores skipped) into an unsigned 64-bit value.
std::optional<uint64_t> Accumulate(std::string_view digits, int base) {
  uint64_t v = 0;
  for (char c : digits) {
    if (c == '_') continue;
    int d = IsDigit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
    if (__builtin_mul_overflow(v, static_cast<uint64_t>(base), &v) ||
        __builtin_add_overflow(v, static_cast<uint64_t>(d), &v)) {
      return std::nullopt;
    }
  }
  return v;
}

std::optional<Value> SignedInt(bool neg, uint64_t mag) {
  if (!neg && mag <= static_cast<uint64_t>(INT64_MAX)) return Value::Int(static_cast<int64_t>(mag));
  if (neg && mag <= static_cast<uint64_t>(INT64_MAX) + 1) {
    return Value::Int(static_cast<int64_t>(0 - mag));
  }
  auto n = Number::Parse((neg ? "-" : "") + std::to_string(mag));
  return Value::Num(*n);
}

// Sexagesimal tail ":[0-5]?[0-9]" repeated; returns the parts after the head.
bool SexagesimalParts(std::string_view s, std::vector<std::string_view>* parts) {
  auto segs = Split(s, ":");
  if (segs.size() < 2) return false;
  for (size_t i = 1; i < segs.size(); ++i) {
    std::string_view p = segs[i];
    if (p.empty() || p.size() > 2 || !AllOf(p, IsDigit)) return false;
    if (p.size() == 2 && p[0] > '5') return false;
  }
  *parts = std::move(segs);
  return true;
}

std::optional<Value> YamlInt(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool neg = false;
  std::string_view body = s;
  if (body[0] == '+' || body[0] == '-') {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body.empty()) return std::nullopt;
  auto binary = [](char c) { return c == '0' || c == '1' || c == '_'; };
  auto octal = [](char c) { return (c >= '0' && c <= '7') || c == '_'; };
  auto hex = [](char c) {
    return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '_';
  };
  auto dec = [](char c) { return IsDigit(c) || c == '_'; };
  if (body.size() > 2 && body[0] == '0' && body[1] == 'b') {
    if (!AllOf(body.substr(2), binary)) return std::nullopt;
    auto v = Accumulate(body.substr(2), 2);
    return v ? SignedInt(neg, *v) : std::nullopt;
  }
  if (body.size() > 2 && body[0] == '0' && body[1] == 'x') {
    if (!AllOf(body.substr(2), hex)) return std::nullopt;
    auto v = Accumulate(body.substr(2), 16);
    return v ? SignedInt(neg, *v) : std::nullopt;
  }
  if (body.size() > 1 && body[0] == '0') {
    if (!AllOf(body.substr(1), octal)) return std::nullopt;
    auto v = Accumulate(body.substr(1), 8);
    return v ? SignedInt(neg, *v) : std::nullopt;
  }
  if (body == "0") return Value::Int(0);
  if (body[0] >= '1' && body[0] <= '9') {
    if (AllOf(body, dec)) {
      std::string clean;
      for (char c : body) {
        if (c != '_') clean += c;
      }
      auto n = Number::Parse((neg ? "-" : "") + clean);
      return Value::Num(*n);
    }
    std::vector<std::string_view> parts;
    if (SexagesimalParts(body, &parts) && AllOf(parts[0], dec)) {
      uint64_t v = 0;
      for (size_t i = 0; i < parts.size(); ++i) {
        auto part = Accumulate(parts[i], 10);
        if (!part || __builtin_mul_overflow(v, uint64_t{60}, &v) ||
            __builtin_add_overflow(v, *part, &v)) {
          return std::nullopt;
        }
      }
      return SignedInt(neg, v);
    }
  }
  return std::nullopt;
}

std::optional<Value> YamlFloat(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::string_view body = s;
  bool signed_ = body[0] == '+' || body[0] == '-';
  bool neg = body[0] == '-';
  if (signed_) body.remove_prefix(1);
  if (body == ".inf" || body == ".Inf" || body == ".INF" ||
      (!signed_ && (body == ".nan" || body == ".NaN" || body == ".NAN"))) {
    // JSON and Rego numbers cannot hold these; keep the text, as OPA's JSON conversion would
    // fail on them.
    return std::nullopt;
  }
  auto dec = [](char c) { return IsDigit(c) || c == '_'; };
  std::string clean;
  if (!body.empty() && body[0] == '.') {
    // \.[0-9_]+([eE][-+][0-9]+)?  (no sign allowed)
    if (signed_) return std::nullopt;
    size_t i = 1;
    while (i < body.size() && dec(body[i])) ++i;
    if (i == 1) return std::nullopt;
    std::string_view rest = body.substr(i);
    if (!rest.empty()) {
      if (rest.size() < 3 || (rest[0] != 'e' && rest[0] != 'E') ||
          (rest[1] != '+' && rest[1] != '-') || !AllOf(rest.substr(2), IsDigit)) {
        return std::nullopt;
      }
    }
    clean = "0" + std::string(body);
  } else {
    if (body.empty() || !IsDigit(body[0])) return std::nullopt;
    size_t colon = body.find(':');
    if (colon != std::string_view::npos) {
      // [0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*
      size_t dot = body.rfind('.');
      if (dot == std::string_view::npos || dot < colon) return std::nullopt;
      std::vector<std::string_view> parts;
      if (!SexagesimalParts(body.substr(0, dot), &parts) || !AllOf(parts[0], dec) ||
          !AllOf(body.substr(dot + 1), dec)) {
        return std::nullopt;
      }
      double v = 0;
      for (auto p : parts) {
        std::string digits;
        for (char c : p) {
          if (c != '_') digits += c;
        }
        v = v * 60 + std::strtod(digits.c_str(), nullptr);
      }
      std::string frac = "0.";
      for (char c : body.substr(dot + 1)) {
        if (c != '_') frac += c;
      }
      v += std::strtod(frac.c_str(), nullptr);
      auto n = Number::FromDouble(neg ? -v : v);
      return n ? std::optional<Value>(Value::Num(*n)) : std::nullopt;
    }
    size_t i = 0;
    while (i < body.size() && dec(body[i])) ++i;
    if (i >= body.size() || body[i] != '.') return std::nullopt;
    ++i;
    while (i < body.size() && dec(body[i])) ++i;
    std::string_view rest = body.substr(i);
    if (!rest.empty()) {
      if (rest.size() < 3 || (rest[0] != 'e' && rest[0] != 'E') ||
          (rest[1] != '+' && rest[1] != '-') || !AllOf(rest.substr(2), IsDigit)) {
        return std::nullopt;
      }
    }
    clean = std::string(body);
  }
  std::string digits;
  for (char c : clean) {
    if (c != '_') digits += c;
  }
  double v = std::strtod(digits.c_str(), nullptr);
  auto n = Number::FromDouble(neg ? -v : v);
  if (!n) return std::nullopt;
  return Value::Num(*n);
}

// ---- go-yaml v2 plain-scalar resolution (resolve.go), for OPA's yaml.unmarshal ----

// What go-yaml v2 decodes a scalar into, which decides how sigs.k8s.io/yaml converts it to
// JSON: kUint and kBig values are fine but not as keys; non-finite floats are nowhere fine.
enum class GoKind { kString, kNull, kBool, kInt, kUint, kBig, kFloat, kCollection };

struct GoScalar {
  GoKind kind = GoKind::kString;
  Value value;
  double f = 0;  // kFloat: the float64 (possibly infinite or NaN; then `value` is unset)
};

enum class GoNumErr { kOk, kSyntax, kRange };

int GoDigit(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Go's strconv.ParseUint(s, base, 64); base 0 reads the 0x/0o/0b/0 prefixes.
GoNumErr GoParseUint(std::string_view s, int base, uint64_t* out) {
  if (s.empty()) return GoNumErr::kSyntax;
  if (base == 0) {
    base = 10;
    if (s[0] == '0') {
      char c = s.size() >= 3 ? static_cast<char>(s[1] | 0x20) : '\0';
      if (c == 'b' || c == 'o' || c == 'x') {
        base = c == 'b' ? 2 : c == 'o' ? 8 : 16;
        s.remove_prefix(2);
      } else {
        base = 8;
        s.remove_prefix(1);
      }
    }
  }
  uint64_t n = 0;
  for (char c : s) {
    int d = GoDigit(c);
    if (d >= base) return GoNumErr::kSyntax;
    if (__builtin_mul_overflow(n, static_cast<uint64_t>(base), &n) ||
        __builtin_add_overflow(n, static_cast<uint64_t>(d), &n)) {
      return GoNumErr::kRange;
    }
  }
  *out = n;
  return GoNumErr::kOk;
}

// Go's strconv.ParseInt(s, base, 64).
GoNumErr GoParseInt(std::string_view s, int base, int64_t* out) {
  if (s.empty()) return GoNumErr::kSyntax;
  bool neg = s[0] == '-';
  if (s[0] == '+' || s[0] == '-') s.remove_prefix(1);
  uint64_t u = 0;
  GoNumErr e = GoParseUint(s, base, &u);
  if (e != GoNumErr::kOk) return e;
  uint64_t limit = uint64_t{1} << 63;
  if (neg ? u > limit : u >= limit) return GoNumErr::kRange;
  *out = neg ? static_cast<int64_t>(0 - u) : static_cast<int64_t>(u);
  return GoNumErr::kOk;
}

// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool YamlStyleFloat(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    return i > start;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  } else {
    if (!digits()) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

// Go's ParseFloat for text YamlStyleFloat accepts: fails only on overflow.
std::optional<double> GoParseFloat(std::string_view s) {
  double v = std::strtod(std::string(s).c_str(), nullptr);
  if (std::isinf(v)) return std::nullopt;
  return v;
}

// The decimal digits of an unsigned number written in `base` (big.Int.SetString).
std::optional<std::string> BigToDecimal(std::string_view s, int base) {
  std::vector<uint32_t> limbs;  // little-endian, base 1e9
  for (char c : s) {
    int d = GoDigit(c);
    if (d >= base) return std::nullopt;
    uint64_t carry = static_cast<uint64_t>(d);
    for (uint32_t& limb : limbs) {
      uint64_t x = static_cast<uint64_t>(limb) * static_cast<uint64_t>(base) + carry;
      limb = static_cast<uint32_t>(x % 1000000000);
      carry = x / 1000000000;
    }
    while (carry > 0) {
      limbs.push_back(static_cast<uint32_t>(carry % 1000000000));
      carry /= 1000000000;
    }
  }
  if (limbs.empty()) return "0";
  std::string out = std::to_string(limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    std::string part = std::to_string(limbs[i]);
    out += std::string(9 - part.size(), '0') + part;
  }
  return out;
}

// big.Int.SetString(s, 0): an optional sign, then the 0x/0o/0b/0 prefixes.
std::optional<Value> GoBigInt(std::string_view s) {
  bool neg = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  int base = 10;
  if (s.size() >= 2 && s[0] == '0') {
    char c = static_cast<char>(s[1] | 0x20);
    if (c == 'b' || c == 'o' || c == 'x') {
      base = c == 'b' ? 2 : c == 'o' ? 8 : 16;
      s.remove_prefix(2);
    } else {
      base = 8;
      s.remove_prefix(1);
    }
  }
  if (s.empty()) return std::nullopt;
  std::optional<std::string> digits = BigToDecimal(s, base);
  if (!digits) return std::nullopt;
  auto n = Number::Parse((neg && *digits != "0" ? "-" : "") + *digits);
  return n ? std::optional<Value>(Value::Num(*n)) : std::nullopt;
}

// The text encoding/json writes for a float64 (shortest digits; 'f' layout unless the
// magnitude is below 1e-6 or at least 1e21), which OPA then reads back as its number.
std::string GoJsonFloatText(double f) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::scientific);
  std::string sci(buf, end);  // [-]d[.ddd]e±XX, shortest round-trip digits
  size_t epos = sci.find('e');
  int exp = std::atoi(sci.c_str() + epos + 1);
  std::string sign = sci[0] == '-' ? "-" : "";
  std::string digits;
  for (char c : sci.substr(sign.size(), epos - sign.size())) {
    if (c != '.') digits += c;
  }
  double a = std::fabs(f);
  if (a != 0 && (a < 1e-6 || a >= 1e21)) {
    std::string out = sign + digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    return out + "e" + (exp < 0 ? "-" : "+") + std::to_string(exp < 0 ? -exp : exp);
  }
  if (exp < 0) return sign + "0." + std::string(-exp - 1, '0') + digits;
  if (static_cast<int>(digits.size()) <= exp + 1) {
    return sign + digits + std::string(exp + 1 - digits.size(), '0');
  }
  return sign + digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
}

GoScalar GoFloat(double f) {
  GoScalar r{GoKind::kFloat, Value(), f};
  if (std::isfinite(f)) {
    if (auto n = Number::Parse(GoJsonFloatText(f))) r.value = Value::Num(*n);
  }
  return r;
}

GoScalar GoInt(int64_t v) { return {GoKind::kInt, Value::Int(v), 0}; }

// go-yaml v2's resolve() of an untagged plain scalar (or one tagged with a resolvable tag;
// the caller checks the tag against the kind).
GoScalar GoResolve(std::string_view in) {
  static const std::map<std::string_view, GoScalar>* kMap = [] {
    auto* m = new std::map<std::string_view, GoScalar>;
    for (auto t : {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
      (*m)[t] = {GoKind::kBool, Value::Bool(true), 0};
    }
    for (auto f : {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
      (*m)[f] = {GoKind::kBool, Value::Bool(false), 0};
    }
    for (auto n : {"", "~", "null", "Null", "NULL"}) (*m)[n] = {GoKind::kNull, Value::Null(), 0};
    for (auto n : {".nan", ".NaN", ".NAN"}) (*m)[n] = GoFloat(std::nan(""));
    for (auto i : {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
      (*m)[i] = GoFloat(INFINITY);
    }
    for (auto i : {"-.inf", "-.Inf", "-.INF"}) (*m)[i] = GoFloat(-INFINITY);
    return m;
  }();
  GoScalar str{GoKind::kString, Value::String(in), 0};
  char hint = 'N';
  if (!in.empty()) {
    char c = in[0];
    hint = (c == '+' || c == '-')                                              ? 'S'
           : IsDigit(c)                                                        ? 'D'
           : std::string_view("yYnNtTfFoO~").find(c) != std::string_view::npos ? 'M'
           : c == '.'                                                          ? '.'
                                                                               : '\0';
  }
  if (hint == '\0') return str;
  if (auto it = kMap->find(in); it != kMap->end()) return it->second;
  if (hint == '.') {
    if (YamlStyleFloat(in)) {
      if (auto f = GoParseFloat(in)) return GoFloat(*f);
    }
    return str;
  }
  if (hint != 'D' && hint != 'S') return str;
  std::string plain;
  for (char c : in) {
    if (c != '_') plain += c;
  }
  int64_t i = 0;
  if (GoParseInt(plain, 0, &i) == GoNumErr::kOk) return GoInt(i);
  uint64_t u = 0;
  GoNumErr uint_err = GoParseUint(plain, 0, &u);
  if (uint_err == GoNumErr::kOk) {
    return {GoKind::kUint, Value::Num(*Number::Parse(std::to_string(u))), 0};
  }
  if (YamlStyleFloat(plain)) {
    if (auto f = GoParseFloat(plain)) return GoFloat(*f);
  }
  if (plain.starts_with("0b")) {
    if (GoParseInt(std::string_view(plain).substr(2), 2, &i) == GoNumErr::kOk) return GoInt(i);
    if (GoParseUint(std::string_view(plain).substr(2), 2, &u) == GoNumErr::kOk) {
      return {GoKind::kUint, Value::Num(*Number::Parse(std::to_string(u))), 0};
    }
  }
  if (uint_err == GoNumErr::kRange) {
    if (auto big = GoBigInt(plain)) return {GoKind::kBig, *big, 0};
  }
  return str;
}

// go-yaml v2's parseTimestamp, leniently: "YYYY-M-D", optionally followed by a time.
bool LooksLikeGoTimestamp(std::string_view s) {
  size_t i = 0;
  auto digits = [&](size_t max) {
    size_t start = i;
    while (i < s.size() && i - start < max && IsDigit(s[i])) ++i;
    return i > start;
  };
  if (!digits(5) || i != 4 || i >= s.size() || s[i] != '-') return false;
  ++i;
  if (!digits(2) || i >= s.size() || s[i] != '-') return false;
  ++i;
  if (!digits(2)) return false;
  if (i == s.size()) return true;
  if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return false;
  ++i;
  if (!digits(2) || i >= s.size() || s[i] != ':') return false;
  ++i;
  if (!digits(2) || i >= s.size() || s[i] != ':') return false;
  ++i;
  return digits(2);  // fractions and zone are not checked
}

// Go's strconv.FormatFloat(f, 'g', -1, 32), as sigs.k8s.io/yaml spells float keys.
std::string GoFloat32Key(double f) {
  if (std::isnan(f)) return ".nan";
  float x = static_cast<float>(f);
  if (std::isinf(x)) return x > 0 ? ".inf" : "-.inf";
  std::string sign = std::signbit(x) ? "-" : "";
  x = std::fabs(x);
  if (x == 0) return sign + "0";
  char buf[64];
  for (int prec = 1; prec <= 9; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*e", prec - 1, static_cast<double>(x));
    if (std::strtof(buf, nullptr) == x) break;
  }
  std::string e(buf);
  size_t epos = e.find('e');
  std::string digits;
  for (char c : e.substr(0, epos)) {
    if (c != '.') digits += c;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int exp = std::atoi(e.c_str() + epos + 1);
  if (exp < -4 || exp >= 6) {
    std::string out = sign + digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    return out + ebuf;
  }
  if (exp < 0) return sign + "0." + std::string(-exp - 1, '0') + digits;
  if (static_cast<int>(digits.size()) <= exp + 1) {
    return sign + digits + std::string(exp + 1 - digits.size(), '0');
  }
  return sign + digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
}

// A !!binary scalar's bytes (Go's base64.StdEncoding, which skips line breaks), as the JSON
// string encoding/json writes for them: invalid UTF-8 bytes become U+FFFD.
std::optional<std::string> GoYamlBinary(std::string_view text) {
  std::string in;
  for (char c : text) {
    if (c != '\r' && c != '\n') in += c;
  }
  if (in.size() % 4 != 0) return std::nullopt;
  auto sextet = [](char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (IsDigit(c)) return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
  };
  std::string bytes;
  for (size_t i = 0; i < in.size(); i += 4) {
    bool last = i + 4 == in.size();
    int pad = last ? (in[i + 3] == '=') + (in[i + 2] == '=' && in[i + 3] == '=') : 0;
    uint32_t group = 0;
    for (size_t j = 0; j < 4; ++j) {
      int v = j >= 4 - static_cast<size_t>(pad) ? 0 : sextet(in[i + j]);
      if (v < 0) return std::nullopt;
      group = (group << 6) | static_cast<uint32_t>(v);
    }
    bytes += static_cast<char>(group >> 16);
    if (pad < 2) bytes += static_cast<char>((group >> 8) & 0xFF);
    if (pad < 1) bytes += static_cast<char>(group & 0xFF);
  }
  std::string out;
  for (size_t pos = 0; pos < bytes.size();) {
    size_t start = pos;
    int32_t cp = DecodeUtf8(bytes, &pos);
    if (cp < 0) {
      AppendUtf8(&out, 0xFFFD);
    } else {
      out.append(bytes, start, pos - start);
    }
  }
  return out;
}

// Go's %s of reflect.TypeOf for the key types sigs.k8s.io/yaml refuses.
std::string GoKeyTypeName(GoKind kind) {
  switch (kind) {
    case GoKind::kNull:
      return "%!s(<nil>)";
    case GoKind::kUint:
      return "uint64";
    case GoKind::kBig:
      return "*big.Int";
    default:
      return "[]interface {}";
  }
}

std::string KeyString(const Value& key) {
  if (key.IsString()) return std::string(key.GetString());
  return ToJson(key);
}

// The text of a libyaml string (anchor, tag) that may be null.
std::string_view YamlText(const yaml_char_t* p) {
  return p ? std::string_view(reinterpret_cast<const char*>(p)) : std::string_view();
}

class YamlBuilder {
 public:
  YamlBuilder(std::string_view text, std::string_view filename, const ReadLimits& limits,
              std::vector<YamlLine>* lines, bool go_v2 = false)
      : text_(text), filename_(filename), limits_(limits), lines_(lines), go_v2_(go_v2) {}

  Result<std::vector<Value>> Run() {
    // YAML streams here are UTF-8 without NUL (not a printable YAML character): checked
    // first, for one plain message whatever the parser would say.
    if (!IsValidUtf8(text_)) {
      return ParseError("YAML: invalid UTF-8", SourceLocation{std::string(filename_), 0, 0});
    }
    if (text_.find('\0') != std::string_view::npos) {
      return ParseError("YAML: invalid character NUL",
                        SourceLocation{std::string(filename_), 0, 0});
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) return Internal("cannot create a YAML parser");
    std::unique_ptr<yaml_parser_t, void (*)(yaml_parser_t*)> guard(&parser, yaml_parser_delete);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text_.data()),
                                 text_.size());
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    std::vector<Value> docs;
    while (true) {
      yaml_event_t ev;
      if (!yaml_parser_parse(&parser, &ev)) return ParserError(parser);
      bool end = ev.type == YAML_STREAM_END_EVENT;
      Status st = Handle(&ev, &docs);
      yaml_event_delete(&ev);
      if (!st.ok()) return st;
      if (end) return docs;
      if (go_v2_ && !docs.empty()) return docs;  // go-yaml's Unmarshal reads one document
    }
  }

 private:
  struct Frame {
    bool is_map = false;
    std::string anchor;
    size_t start_nodes = 0;
    std::string pointer;
    int line = 0;
    // mapping state
    bool have_key = false;
    Value key;
    std::vector<Value::Entry> entries;
    std::vector<Value> merges;  // values of "<<" keys, in order
    bool key_is_merge = false;
    int line_of_key = 0;
    std::vector<Value> items;
  };

  // libyaml's own words, which are go-yaml's ("did not find expected key"), where it found
  // the problem.
  Status ParserError(const yaml_parser_t& p) {
    SourceLocation loc{std::string(filename_), 0, 0};
    if (p.error != YAML_READER_ERROR) {
      loc.line = static_cast<int>(p.problem_mark.line) + 1;
      loc.col = static_cast<int>(p.problem_mark.column) + 1;
    }
    return ParseError(std::string("YAML: ") + (p.problem != nullptr ? p.problem : "invalid YAML"),
                      loc);
  }

  Status Error(const yaml_event_t* ev, std::string msg) {
    SourceLocation loc{std::string(filename_), static_cast<int>(ev->start_mark.line) + 1,
                       static_cast<int>(ev->start_mark.column) + 1};
    return ParseError("YAML: " + msg, loc);
  }

  std::string ChildPointer() const {
    const Frame& f = stack_.back();
    std::string out;
    out.reserve(f.pointer.size() + 16);
    out.append(f.pointer).push_back('/');
    if (!f.is_map) {
      out.append(std::to_string(f.items.size()));
    } else if (f.key.IsString()) {
      AppendJsonPointerToken(&out, f.key.GetString());
    } else {
      AppendJsonPointerToken(&out, KeyString(f.key));
    }
    return out;
  }

  Status CountNodes(const yaml_event_t* ev, size_t n) {
    nodes_ += n;
    if (nodes_ > kMaxExpandedNodes) {
      return Error(ev, "document expands to more than " + std::to_string(kMaxExpandedNodes) +
                           " nodes (alias bomb?)");
    }
    return Status::Ok();
  }

  static int Line(const yaml_event_t* ev) { return static_cast<int>(ev->start_mark.line) + 1; }

  // Adds a finished value to the enclosing collection (or finishes the document).
  Status Emit(const yaml_event_t* ev, Value v, const std::string& anchor, size_t start_nodes,
              int line) {
    if (!anchor.empty()) anchors_[anchor] = {v, nodes_ - start_nodes, go_kind_, go_float_};
    bool key_position = !stack_.empty() && stack_.back().is_map && !stack_.back().have_key;
    if (go_v2_ && go_kind_ == GoKind::kFloat && !std::isfinite(go_float_) && !key_position) {
      // sigs.k8s.io/yaml's json.Marshal refuses them.
      return InvalidArgument(std::string("json: unsupported value: ") + (std::isnan(go_float_)
                                                                             ? "NaN"
                                                                         : go_float_ > 0 ? "+Inf"
                                                                                         : "-Inf"));
    }
    if (go_v2_ && key_position) {
      GOLDEN_ASSIGN_OR_RETURN(v, GoKey(v));
    }
    if (stack_.empty()) {
      doc_ = std::move(v);
      have_doc_ = true;
      return Status::Ok();
    }
    Frame& f = stack_.back();
    if (!f.is_map) {
      if (lines_) lines_->push_back({ChildPointer(), line});
      f.items.push_back(std::move(v));
      return Status::Ok();
    }
    if (!f.have_key) {
      if (v.IsCollection()) {
        // Complex keys: use their JSON text, as a JSON conversion would need a string.
        v = Value::String(ToJson(v));
      } else if (!v.IsString()) {
        v = Value::String(KeyString(v));
      }
      f.key_is_merge = merge_candidate_ && v.IsString() && v.GetString() == "<<";
      if (go_v2_ && f.key_is_merge) f.key_is_merge = go_kind_ == GoKind::kString;
      f.key = std::move(v);
      f.have_key = true;
      (void)ev;
      return Status::Ok();
    }
    if (f.key_is_merge) {
      if (v.IsObject()) {
        f.merges.push_back(std::move(v));
      } else if (v.IsArray()) {
        for (const Value& m : v.GetArray()) {
          if (!m.IsObject())
            return Error(ev, "merge key '<<' needs a mapping or a list of mappings");
          f.merges.push_back(m);
        }
      } else {
        return Error(ev, "merge key '<<' needs a mapping or a list of mappings");
      }
    } else {
      if (lines_) lines_->push_back({ChildPointer(), f.line_of_key});
      f.entries.push_back({std::move(f.key), std::move(v)});
    }
    f.have_key = false;
    return Status::Ok();
  }

  // sigs.k8s.io/yaml's conversion of a go-yaml v2 map key (of the kind go_kind_) to a JSON key.
  Result<Value> GoKey(const Value& v) {
    switch (go_kind_) {
      case GoKind::kString:
        return v;
      case GoKind::kBool:
        return Value::String(v.GetBool() ? "true" : "false");
      case GoKind::kInt:
        return Value::String(v.GetNumber().ToString());
      case GoKind::kFloat:
        return Value::String(GoFloat32Key(go_float_));
      case GoKind::kCollection:
        return InvalidArgument(std::string("unsupported map key of type: ") +
                               (v.IsObject() ? "map[interface {}]interface {}" : "[]interface {}"));
      default:
        return InvalidArgument("unsupported map key of type: " + GoKeyTypeName(go_kind_));
    }
  }

  Status Handle(const yaml_event_t* ev, std::vector<Value>* docs) {
    switch (ev->type) {
      case YAML_DOCUMENT_START_EVENT:
        have_doc_ = false;
        doc_ = Value();
        anchors_.clear();
        return Status::Ok();
      case YAML_DOCUMENT_END_EVENT:
        docs->push_back(have_doc_ ? std::move(doc_) : Value());
        return Status::Ok();
      case YAML_SCALAR_EVENT: {
        const auto& d = ev->data.scalar;
        GOLDEN_RETURN_IF_ERROR(CountNodes(ev, 1));
        std::string_view text(reinterpret_cast<const char*>(d.value), d.length);
        std::string tag(YamlText(d.tag));
        bool plain = d.style == YAML_PLAIN_SCALAR_STYLE;
        merge_candidate_ = plain && tag.empty();
        Value v;
        GOLDEN_RETURN_IF_ERROR(TypedScalar(ev, text, tag, plain, &v));
        size_t start = nodes_ - 1;
        int line = Line(ev);
        if (!stack_.empty() && stack_.back().is_map && !stack_.back().have_key) {
          stack_.back().line_of_key = line;
        }
        return Emit(ev, std::move(v), std::string(YamlText(d.anchor)), start, line);
      }
      case YAML_ALIAS_EVENT: {
        std::string name(YamlText(ev->data.alias.anchor));
        auto it = anchors_.find(name);
        if (it == anchors_.end()) return Error(ev, "unknown anchor '" + name + "'");
        GOLDEN_RETURN_IF_ERROR(CountNodes(ev, it->second.nodes));
        merge_candidate_ = false;
        int line = Line(ev);
        if (!stack_.empty() && stack_.back().is_map && !stack_.back().have_key) {
          stack_.back().line_of_key = line;
        }
        Value v = it->second.value;
        go_kind_ = it->second.go_kind;
        go_float_ = it->second.go_float;
        return Emit(ev, std::move(v), "", nodes_, line);
      }
      case YAML_MAPPING_START_EVENT:
      case YAML_SEQUENCE_START_EVENT: {
        bool is_map = ev->type == YAML_MAPPING_START_EVENT;
        if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
          return Error(ev, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
        }
        GOLDEN_RETURN_IF_ERROR(CountNodes(ev, 1));
        int line = Line(ev);
        std::string pointer = lines_ && !stack_.empty() ? ChildPointer() : std::string();
        if (!stack_.empty() && stack_.back().is_map && !stack_.back().have_key) {
          stack_.back().line_of_key = line;
        }
        Frame& f = stack_.emplace_back();
        f.is_map = is_map;
        f.anchor =
            YamlText(is_map ? ev->data.mapping_start.anchor : ev->data.sequence_start.anchor);
        f.start_nodes = nodes_ - 1;
        f.pointer = std::move(pointer);
        f.line = line;
        return Status::Ok();
      }
      case YAML_MAPPING_END_EVENT:
      case YAML_SEQUENCE_END_EVENT: {
        Frame f = std::move(stack_.back());
        stack_.pop_back();
        Value v;
        if (f.is_map) {
          // Explicit keys win over merged ones; earlier merge sources win over later ones.
          std::vector<Value::Entry> all = std::move(f.entries);
          if (!f.merges.empty()) {
            std::vector<Value::Entry> merged;
            for (auto it = f.merges.rbegin(); it != f.merges.rend(); ++it) {
              for (const auto& e : it->GetObject()) merged.push_back(e);
            }
            for (auto& e : all) merged.push_back(std::move(e));
            all = std::move(merged);
          }
          v = Value::Object(std::move(all));
        } else {
          v = Value::Array(std::move(f.items));
        }
        merge_candidate_ = false;
        go_kind_ = GoKind::kCollection;
        return Emit(ev, std::move(v), f.anchor, f.start_nodes, f.line);
      }
      default:
        return Status::Ok();
    }
  }

  Status TypedScalar(const yaml_event_t* ev, std::string_view text, const std::string& tag,
                     bool plain, Value* out) {
    static const std::string kYaml = "tag:yaml.org,2002:";
    if (go_v2_) return GoTypedScalar(text, tag, plain, out);
    if (tag.empty() || tag == "!") {
      *out = (plain && tag.empty()) ? ResolveYamlScalar(text) : Value::String(text);
      return Status::Ok();
    }
    if (tag == kYaml + "str" || tag == kYaml + "binary" || tag == kYaml + "timestamp") {
      *out = Value::String(text);
      return Status::Ok();
    }
    if (tag == kYaml + "null") {
      *out = Value::Null();
      return Status::Ok();
    }
    Value v = ResolveYamlScalar(text);
    if (tag == kYaml + "bool") {
      if (!v.IsBool()) return Error(ev, "'" + std::string(text) + "' is not a boolean");
    } else if (tag == kYaml + "int") {
      if (!v.IsNumber() || !v.GetNumber().IsInteger()) {
        return Error(ev, "'" + std::string(text) + "' is not an integer");
      }
    } else if (tag == kYaml + "float") {
      if (!v.IsNumber()) {
        auto n = Number::Parse(text);
        if (!n) return Error(ev, "'" + std::string(text) + "' is not a float");
        v = Value::Num(*n);
      }
    }
    // Other tags (application tags such as !Ref) are kept as the untagged value.
    *out = std::move(v);
    return Status::Ok();
  }

  // go-yaml v2's decoding of a scalar (decode.go's scalar(), resolve.go's resolve()).
  Status GoTypedScalar(std::string_view text, const std::string& tag, bool plain, Value* out) {
    static const std::string kYaml = "tag:yaml.org,2002:";
    go_kind_ = GoKind::kString;
    go_float_ = 0;
    if (tag == kYaml + "binary") {
      std::optional<std::string> bytes = GoYamlBinary(text);
      if (!bytes) return InvalidArgument("yaml: !!binary value contains invalid base64 data");
      *out = Value::String(*bytes);
      return Status::Ok();
    }
    bool resolvable = tag.empty() || tag == kYaml + "str" || tag == kYaml + "bool" ||
                      tag == kYaml + "int" || tag == kYaml + "float" || tag == kYaml + "null" ||
                      tag == kYaml + "timestamp";
    // Timestamps decode into interface{} as their text, as do quoted and !!str scalars and
    // scalars with tags go-yaml cannot resolve.
    if ((tag.empty() && !plain) || !resolvable || tag == kYaml + "str" ||
        tag == kYaml + "timestamp") {
      *out = Value::String(text);
      return Status::Ok();
    }
    GoScalar r = GoResolve(text);
    auto short_tag = [](GoKind k) {
      switch (k) {
        case GoKind::kNull:
          return "!!null";
        case GoKind::kBool:
          return "!!bool";
        case GoKind::kInt:
        case GoKind::kUint:
        case GoKind::kBig:
          return "!!int";
        case GoKind::kFloat:
          return "!!float";
        default:
          return "!!str";
      }
    };
    if (!tag.empty()) {
      std::string want = "!!" + tag.substr(kYaml.size());
      if (want == "!!float" && r.kind == GoKind::kInt) {
        r = GoFloat(static_cast<double>(r.value.GetNumber().AsInt64().value_or(0)));
      } else if (want != short_tag(r.kind)) {
        return InvalidArgument("yaml: cannot decode " + std::string(short_tag(r.kind)) + " `" +
                               std::string(text) + "` as a " + want);
      }
    }
    go_kind_ = r.kind;
    go_float_ = r.f;
    *out = r.kind == GoKind::kFloat && !std::isfinite(r.f) ? Value::String(text) : r.value;
    return Status::Ok();
  }

  struct Anchored {
    Value value;
    size_t nodes = 0;
    GoKind go_kind = GoKind::kString;
    double go_float = 0;
  };

  std::string_view text_;
  std::string_view filename_;
  ReadLimits limits_;
  std::vector<YamlLine>* lines_;
  std::vector<Frame> stack_;
  std::map<std::string, Anchored> anchors_;
  Value doc_;
  bool have_doc_ = false;
  bool merge_candidate_ = false;
  size_t nodes_ = 0;
  bool go_v2_ = false;
  GoKind go_kind_ = GoKind::kString;  // of the last value finished (go_v2_ only)
  double go_float_ = 0;
};

}  // namespace

Value ResolveYamlScalar(std::string_view s) {
  if (IsYamlNull(s)) return Value::Null();
  if (auto b = YamlBool(s)) return Value::Bool(*b);
  if (!s.empty()) {
    char c = s[0];
    if (IsDigit(c) || c == '-' || c == '+' || c == '.') {
      if (auto i = YamlInt(s)) return *i;
      if (auto f = YamlFloat(s)) return *f;
    }
  }
  return Value::String(s);
}

Result<std::vector<Value>> ParseYamlStream(std::string_view text, std::string_view filename,
                                           const ReadLimits& limits) {
  YamlBuilder b(text, filename, limits, nullptr);
  return b.Run();
}

bool GoYamlPlainIsString(std::string_view s) {
  return GoResolve(s).kind == GoKind::kString && !LooksLikeGoTimestamp(s);
}

Result<Value> ParseGoYaml(std::string_view text, const ReadLimits& limits) {
  YamlBuilder b(text, {}, limits, nullptr, /*go_v2=*/true);
  GOLDEN_ASSIGN_OR_RETURN(std::vector<Value> docs, b.Run());
  if (docs.empty()) return Value::Null();
  return std::move(docs[0]);
}

Result<Value> ParseYaml(std::string_view text, std::string_view filename, const ReadLimits& limits,
                        std::vector<YamlLine>* lines) {
  YamlBuilder b(text, filename, limits, lines);
  GOLDEN_ASSIGN_OR_RETURN(std::vector<Value> docs, b.Run());
  if (docs.empty()) return Value::Null();
  if (docs.size() > 1) {
    return ParseError(
        "YAML: expected a single document in the stream, found " + std::to_string(docs.size()),
        SourceLocation{std::string(filename), 0, 0});
  }
  return std::move(docs[0]);
}

}  // namespace golden
