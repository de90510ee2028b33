// to_number and the deprecated cast_* builtins (OPA's topdown/casts.go).

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "base/strings.h"
#include "rego/builtins/go_fmt.h"
#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// Reads digits with Go's digit separators (an underscore only between two digits) into
// `*out`; false when an underscore is misplaced.
bool ReadDigits(std::string_view s, size_t* pos, bool hex, std::string* out) {
  bool prev_digit = false;
  while (*pos < s.size()) {
    char c = s[*pos];
    if (hex ? IsHexDigit(c) : IsDigit(c)) {
      out->push_back(c);
      prev_digit = true;
    } else if (c == '_') {
      if (!prev_digit || *pos + 1 >= s.size() ||
          !(hex ? IsHexDigit(s[*pos + 1]) : IsDigit(s[*pos + 1]))) {
        return false;
      }
      prev_digit = false;
    } else {
      break;
    }
    ++*pos;
  }
  return true;
}

// The number Go's strconv.ParseFloat reads from `s` (its syntax: optional sign, decimal or
// 0x-hexadecimal mantissa, digit separators, exponent), in JSON number syntax; nullopt when
// the syntax is wrong. `*out_of_range` is set when the value exceeds float64's range.
std::optional<Number> ParseGoFloat(std::string_view s, bool* out_of_range) {
  *out_of_range = false;
  size_t pos = 0;
  bool neg = false;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) neg = s[pos++] == '-';
  bool hex = s.size() - pos > 2 && s[pos] == '0' && (s[pos + 1] == 'x' || s[pos + 1] == 'X');
  if (hex) pos += 2;
  std::string int_digits, frac_digits, exp_digits;
  if (hex && pos < s.size() && s[pos] == '_') ++pos;  // 0x_1p0 is allowed
  if (!ReadDigits(s, &pos, hex, &int_digits)) return std::nullopt;
  bool point = pos < s.size() && s[pos] == '.';
  if (point && !ReadDigits(s, &++pos, hex, &frac_digits)) return std::nullopt;
  if (int_digits.empty() && frac_digits.empty()) return std::nullopt;
  bool exp_neg = false;
  char exp_char = hex ? 'p' : 'e';
  if (pos < s.size() && std::tolower(static_cast<unsigned char>(s[pos])) == exp_char) {
    ++pos;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) exp_neg = s[pos++] == '-';
    if (!ReadDigits(s, &pos, false, &exp_digits) || exp_digits.empty()) return std::nullopt;
  } else if (hex) {
    return std::nullopt;  // a hexadecimal mantissa needs a 'p' exponent
  }
  if (pos != s.size()) return std::nullopt;
  // The value as a double decides the range error, as ParseFloat does.
  std::string c_text =
      std::string(neg ? "-" : "") + (hex ? "0x" : "") + (int_digits.empty() ? "0" : int_digits) +
      "." + frac_digits +
      (exp_digits.empty() ? "" : std::string(1, exp_char) + (exp_neg ? "-" : "") + exp_digits);
  errno = 0;
  double d = std::strtod(c_text.c_str(), nullptr);
  if (errno == ERANGE && std::isinf(d)) {
    *out_of_range = true;
    return std::nullopt;
  }
  if (hex) return Number::FromDouble(d);
  // Decimal text keeps its exact digits, rewritten in JSON's spelling.
  size_t lead = int_digits.find_first_not_of('0');
  std::string json = neg ? "-" : "";
  json += lead == std::string::npos ? "0" : int_digits.substr(lead);
  if (!frac_digits.empty()) json += "." + frac_digits;
  if (!exp_digits.empty()) json += std::string("e") + (exp_neg ? "-" : "") + exp_digits;
  return Number::Parse(json);
}

BuiltinResult ToNumber(BuiltinContext&, std::span<const Value> args) {
  const Value& v = args[0];
  switch (v.kind()) {
    case Value::Kind::kNull:
      return Value::Int(0);
    case Value::Kind::kBool:
      return Value::Int(v.GetBool() ? 1 : 0);
    case Value::Kind::kNumber:
      return v;
    case Value::Kind::kString: {
      std::string_view s = v.GetString();
      std::string_view unsigned_part = s.substr(std::min(s.find_first_not_of("+-"), s.size()));
      std::string lower = AsciiLower(unsigned_part);
      if (lower == "inf" || lower == "infinity" || lower == "nan") {
        return OperandTypeError(1, v, {"valid number string"});
      }
      bool out_of_range = false;
      std::optional<Number> n = ParseGoFloat(s, &out_of_range);
      if (!n) {
        return BuiltinResult::Error("strconv.ParseFloat: parsing " + GoQuote(s) + ": " +
                                    (out_of_range ? "value out of range" : "invalid syntax"));
      }
      return Value::Num(*n);
    }
    default:
      return OperandTypeError(1, v, {"null", "boolean", "number", "string"});
  }
}

BuiltinResult CastArray(BuiltinContext&, std::span<const Value> args) {
  const Value& v = args[0];
  if (v.IsArray()) return v;
  if (v.IsSet()) {
    auto items = v.GetSet();
    return Value::Array(std::vector<Value>(items.begin(), items.end()));
  }
  return OperandTypeError(1, v, {"array", "set"});
}

BuiltinResult CastSet(BuiltinContext&, std::span<const Value> args) {
  const Value& v = args[0];
  if (v.IsSet()) return v;
  if (v.IsArray()) {
    auto items = v.GetArray();
    return Value::Set(std::vector<Value>(items.begin(), items.end()));
  }
  return OperandTypeError(1, v, {"array", "set"});
}

template <Value::Kind kKind>
BuiltinResult CastTo(BuiltinContext&, std::span<const Value> args) {
  static constexpr std::string_view kNames[] = {"null",  "boolean", "number", "string",
                                                "array", "object",  "set"};
  if (args[0].kind() == kKind) return args[0];
  return OperandTypeError(1, args[0], {kNames[static_cast<int>(kKind)]});
}

}  // namespace

Status RegisterCastBuiltins(Registry& r) {
  auto cast = [&](const char* name, TypePtr result, BuiltinFn fn) {
    return r.Register({.name = name,
                       .args = {t::Any()},
                       .result = std::move(result),
                       .deprecated = true,
                       .fn = fn});
  };
  GOLDEN_RETURN_IF_ERROR(cast(builtins::kCastArray, t::ArrayOfAny(), &CastArray));
  GOLDEN_RETURN_IF_ERROR(cast(builtins::kCastBoolean, t::Boolean(), &CastTo<Value::Kind::kBool>));
  GOLDEN_RETURN_IF_ERROR(cast(builtins::kCastNull, t::Null(), &CastTo<Value::Kind::kNull>));
  GOLDEN_RETURN_IF_ERROR(
      cast(builtins::kCastObject, t::ObjectOfAny(), &CastTo<Value::Kind::kObject>));
  GOLDEN_RETURN_IF_ERROR(cast(builtins::kCastSet, t::SetOfAny(), &CastSet));
  GOLDEN_RETURN_IF_ERROR(cast(builtins::kCastString, t::String(), &CastTo<Value::Kind::kString>));
  return r.Register({.name = builtins::kToNumber,
                     .args = {t::AnyOf({t::Number(), t::String(), t::Boolean(), t::Null()})},
                     .result = t::Number(),
                     .categories = {"conversions"},
                     .operand_expect = {"one of {null, boolean, number, string}"},
                     .fn = &ToNumber});
}

}  // namespace golden::rego
