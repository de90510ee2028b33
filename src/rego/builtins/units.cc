// units.parse and units.parse_bytes (OPA's topdown/parse_units.go, parse_bytes.go).

#include <gmpxx.h>

#include <algorithm>

#include "base/strings.h"
#include "rego/builtins/arith.h"
#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

constexpr int kMaxExponentDigits = 6;

// Error messages, worded as OPA's (which, unusually, carry the builtin's name themselves).
std::string UnitsError(std::string_view builtin, std::string_view what) {
  return std::string(builtin) + ": " + std::string(what);
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Splits "10.5e3KiB" into the number "10.5e3" and the unit "KiB" as OPA does: the number is
// the leading run of digits, '.', '+', '-' and 'e'/'E' that starts an exponent. False when an
// exponent has more than six digits.
bool SplitNumberAndUnit(std::string_view s, std::string_view* num, std::string_view* unit) {
  size_t first_non_num = std::string_view::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool numeric = IsAsciiDigit(c) || c == '.' || c == '+' || c == '-';
    if (!numeric && c != 'e' && c != 'E') {
      first_non_num = i;
      break;
    }
    if (c == 'e' || c == 'E') {
      bool follows =
          i + 1 < s.size() && (IsAsciiDigit(s[i + 1]) || s[i + 1] == '+' || s[i + 1] == '-');
      if (!follows) {
        first_non_num = i;
        break;
      }
      if (s[i + 1] == '+' || s[i + 1] == '-') ++i;
      size_t end = i + 1;
      while (end < s.size() && IsAsciiDigit(s[end])) ++end;
      if (end - (i + 1) > kMaxExponentDigits) return false;
    }
  }
  if (first_non_num == std::string_view::npos) {
    *num = s;
    *unit = {};
  } else {
    *num = s.substr(0, first_non_num);
    *unit = s.substr(first_non_num);
  }
  return true;
}

// Go's big.Rat/big.Float SetString for decimal text: [sign] digits [. digits] [e [sign] digits],
// with at least one mantissa digit. Returns the mantissa digits (sign included) and the power
// of ten to scale them by.
struct Decimal {
  mpz_class mantissa;
  int64_t exp10 = 0;
};

std::optional<Decimal> ParseDecimal(std::string_view s) {
  size_t pos = 0;
  bool neg = false;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) neg = s[pos++] == '-';
  std::string digits;
  int64_t frac = 0;
  bool point = false;
  for (; pos < s.size(); ++pos) {
    char c = s[pos];
    if (IsAsciiDigit(c)) {
      digits.push_back(c);
      if (point) ++frac;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (digits.empty()) return std::nullopt;
  int64_t exp = 0;
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
    ++pos;
    bool exp_neg = false;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) exp_neg = s[pos++] == '-';
    size_t start = pos;
    while (pos < s.size() && IsAsciiDigit(s[pos]) && pos - start < 18)
      exp = exp * 10 + (s[pos++] - '0');
    if (pos == start) return std::nullopt;
    if (exp_neg) exp = -exp;
  }
  if (pos != s.size()) return std::nullopt;
  Decimal d;
  d.mantissa = mpz_class(digits, 10);
  if (neg) d.mantissa = -d.mantissa;
  d.exp10 = exp - frac;
  return d;
}

mpz_class Pow10(int64_t n) {
  mpz_class r;
  mpz_ui_pow_ui(r.get_mpz_t(), 10, static_cast<unsigned long>(n));
  return r;
}

// Go's big.Rat.FloatString(prec): `prec` decimals, the last rounded half away from zero.
std::string FloatString(const mpq_class& x, int prec) {
  mpz_class num = abs(x.get_num());
  const mpz_class& den = x.get_den();
  mpz_class q = num / den;
  mpz_class r = num % den;
  mpz_class p = Pow10(prec);
  r *= p;
  mpz_class r2 = r % den;
  r /= den;
  if (den <= 2 * r2) {
    r += 1;
    if (r >= p) {
      q += 1;
      r -= p;
    }
  }
  std::string out = sgn(x) < 0 ? "-" : "";
  out += q.get_str();
  std::string frac = r.get_str();
  out += "." +
         std::string(static_cast<size_t>(prec) - std::min(frac.size(), static_cast<size_t>(prec)),
                     '0') +
         frac;
  return out;
}

// Both builtins drop double quotes and refuse spaces before anything else.
std::optional<std::string> Prepare(std::string_view raw, std::string_view builtin,
                                   BuiltinResult* error) {
  std::string s;
  for (char c : raw) {
    if (c != '"') s.push_back(c);
  }
  if (s.find(' ') != std::string::npos) {
    *error = BuiltinResult::Error(UnitsError(builtin, "spaces not allowed in resource strings"));
    return std::nullopt;
  }
  return s;
}

// Accepts decimal SI units (m, k/K, M, g/G, ...) and binary ones (Ki, Mi, ...); 'm' and 'M'
// are case-sensitive, the rest are not. Exact: 1.5m is 0.0015 to ten decimals.
BuiltinResult ParseUnits(std::string_view raw) {
  constexpr std::string_view kName = builtins::kUnitsParse;
  BuiltinResult error = BuiltinResult::Undefined();
  std::optional<std::string> s = Prepare(raw, kName, &error);
  if (!s) return error;
  std::string_view num, unit_view;
  if (!SplitNumberAndUnit(*s, &num, &unit_view)) {
    return BuiltinResult::Error(UnitsError(kName, "exponent too large"));
  }
  if (num.empty()) return BuiltinResult::Error(UnitsError(kName, "no amount provided"));
  std::string unit(unit_view);
  if (unit.size() > 1) unit = unit.substr(0, 1) + AsciiLower(unit.substr(1));
  mpq_class mult;
  if (unit == "m") {
    // OPA multiplies by the float64 nearest 0.001, exactly as a rational.
    mult = mpq_class(0.001);
  } else {
    static const std::pair<const char*, int> kUnits[] = {{"", 0},  {"k", 1}, {"K", 1}, {"M", 2},
                                                         {"g", 3}, {"G", 3}, {"t", 4}, {"T", 4},
                                                         {"p", 5}, {"P", 5}, {"e", 6}, {"E", 6}};
    static const std::pair<const char*, int> kBinary[] = {
        {"ki", 1}, {"Ki", 1}, {"mi", 2}, {"Mi", 2}, {"gi", 3}, {"Gi", 3},
        {"ti", 4}, {"Ti", 4}, {"pi", 5}, {"Pi", 5}, {"ei", 6}, {"Ei", 6}};
    bool found = false;
    for (const auto& [name, power] : kUnits) {
      if (unit == name) mult = mpq_class(Pow10(3 * power)), found = true;
    }
    for (const auto& [name, power] : kBinary) {
      if (unit == name) mult = mpq_class(mpz_class(1) << (10 * power)), found = true;
    }
    if (!found) return BuiltinResult::Error(UnitsError(kName, "unit " + unit + " not recognized"));
  }
  std::optional<Decimal> d = ParseDecimal(num);
  if (!d) return BuiltinResult::Error(UnitsError(kName, "could not parse amount to a number"));
  mpq_class value(d->mantissa);
  if (d->exp10 > 0) value *= Pow10(d->exp10);
  if (d->exp10 < 0) value /= Pow10(-d->exp10);
  value *= mult;
  value.canonicalize();
  std::string text = value.get_den() == 1 ? value.get_num().get_str() : FloatString(value, 10);
  return Value::Num(*Number::Parse(text));
}

// Byte units are case-insensitive; KB, MB, ... are decimal and KiB, MiB, ... binary, the B
// optional. The amount goes through Go's big.Float (64-bit mantissa) and is truncated.
BuiltinResult ParseBytes(std::string_view raw) {
  constexpr std::string_view kName = builtins::kUnitsParseBytes;
  BuiltinResult error = BuiltinResult::Undefined();
  std::optional<std::string> s = Prepare(AsciiLower(raw), kName, &error);
  if (!s) return error;
  std::string_view num, unit;
  if (!SplitNumberAndUnit(*s, &num, &unit)) {
    return BuiltinResult::Error(UnitsError(kName, "exponent too large"));
  }
  if (num.empty()) return BuiltinResult::Error(UnitsError(kName, "no byte amount provided"));
  static const std::pair<const char*, int> kDecimal[] = {
      {"", 0},   {"kb", 1}, {"k", 1},  {"mb", 2}, {"m", 2},  {"gb", 3}, {"g", 3},
      {"tb", 4}, {"t", 4},  {"pb", 5}, {"p", 5},  {"eb", 6}, {"e", 6}};
  static const std::pair<const char*, int> kBinary[] = {
      {"kib", 1}, {"ki", 1}, {"mib", 2}, {"mi", 2}, {"gib", 3}, {"gi", 3},
      {"tib", 4}, {"ti", 4}, {"pib", 5}, {"pi", 5}, {"eib", 6}, {"ei", 6}};
  std::optional<mpz_class> mult;
  for (const auto& [name, power] : kDecimal) {
    if (unit == name) mult = Pow10(3 * power);
  }
  for (const auto& [name, power] : kBinary) {
    if (unit == name) mult = mpz_class(1) << (10 * power);
  }
  if (!mult) {
    return BuiltinResult::Error(
        UnitsError(kName, "byte unit " + std::string(unit) + " not recognized"));
  }
  std::optional<Decimal> d = ParseDecimal(num);
  if (!d) return BuiltinResult::Error(UnitsError(kName, "could not parse byte amount to a number"));
  std::string json = d->mantissa.get_str() + "e" + std::to_string(d->exp10);
  std::optional<Number> n = Number::Parse(json);
  std::optional<arith::BigFloat> f = n ? arith::BigFloat::FromNumber(*n) : std::nullopt;
  if (!f) return BuiltinResult::Error(arith::kOutOfRange);
  arith::BigFloat total = arith::BigFloat::Mul(*f, arith::BigFloat::FromInt(*mult), f->prec());
  if (total.IntegerBits() > arith::kMaxExactDigits * 3) {
    return BuiltinResult::Error(arith::kOutOfRange);
  }
  return Value::Num(arith::FromBigInt(total.Trunc()));
}

}  // namespace

Status RegisterUnitsBuiltins(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kUnitsParse,
                                     .args = {t::String()},
                                     .result = t::Number(),
                                     .fn = Adapt<&ParseUnits>()}));
  return r.Register({.name = builtins::kUnitsParseBytes,
                     .args = {t::String()},
                     .result = t::Number(),
                     .fn = Adapt<&ParseBytes>()});
}

}  // namespace golden::rego
