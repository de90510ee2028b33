// sprintf, format_int and strings.render_template: the string builtins that format values the
// way Go's fmt and text/template do (OPA's topdown/strings.go and template.go).

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "rego/builtins/arith.h"
#include "rego/builtins/go_fmt.h"
#include "rego/builtins/go_template.h"
#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"
#include "rego/builtins/term_text.h"
#include "value/json.h"

namespace golden::rego {

namespace {

const std::vector<std::string> kStringsCategory = {"strings"};

bool IsDecimalInteger(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return !s.empty() && s.find_first_not_of("0123456789") == s.npos;
}

// The Go value OPA hands to fmt.Sprintf for one element of sprintf's array: an int when the
// number is written as an integer that fits, a *big.Int for longer integers, a float64 for
// other numbers (their text when out of float range), the string itself for strings, and the
// Rego term text for everything else.
GoValue SprintfArg(const Value& v) {
  if (v.IsString()) return GoValue::String(std::string(v.GetString()));
  if (!v.IsNumber()) return GoValue::String(TermText(v));
  Number n = v.GetNumber();
  if (std::optional<int64_t> i = PlainInt(v)) return GoValue::Int(*i);
  std::string text = n.ToString();
  if (IsDecimalInteger(text)) {
    if (text[0] == '+') text.erase(0, 1);
    return GoValue::BigInt(std::move(text));
  }
  char* end = nullptr;
  errno = 0;
  double d = std::strtod(text.c_str(), &end);
  if (errno == ERANGE && std::abs(d) > 1) return GoValue::String(std::move(text));
  return GoValue::Float(d);
}

BuiltinResult Sprintf(BuiltinContext&, std::span<const Value> args) {
  std::vector<GoValue> values;
  for (const Value& v : args[1].GetArray()) values.push_back(SprintfArg(v));
  return Value::String(GoSprintf(args[0].GetString(), values));
}

// The number, truncated towards zero after rounding to Go's default big.Float precision (OPA
// converts with NumberToFloat), in base 2, 8, 10 or 16. The base must be written exactly as
// one of those integers: OPA compares the number's text.
BuiltinResult FormatInt(BuiltinContext&, std::span<const Value> args) {
  Number input = args[0].GetNumber();
  std::string base_text = args[1].GetNumber().ToString();
  int base = base_text == "2"    ? 2
             : base_text == "8"  ? 8
             : base_text == "10" ? 10
             : base_text == "16" ? 16
                                 : 0;
  if (base == 0) return OperandEnumError(2, {"2", "8", "10", "16"});
  if (base == 10) {
    if (std::optional<int64_t> i = arith::PlainInt64(input))
      return Value::String(std::to_string(*i));
  }
  std::optional<arith::BigFloat> f = arith::BigFloat::FromNumber(input);
  if (!f || f->IntegerBits() > arith::kMaxExactDigits * 3) {
    return BuiltinResult::Error(arith::kOutOfRange);
  }
  return Value::String(f->Trunc().get_str(base));
}

// strings.render_template's variables reach the template as OPA decodes them to Go: JSON
// values with numbers as json.Number, sets as arrays, object keys as strings.
GoValue TemplateValue(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return GoValue::Nil();
    case Value::Kind::kBool:
      return GoValue::Bool(v.GetBool());
    case Value::Kind::kNumber:
      return GoValue::JsonNumber(v.GetNumber().ToString());
    case Value::Kind::kString:
      return GoValue::String(std::string(v.GetString()));
    case Value::Kind::kArray:
    case Value::Kind::kSet: {
      std::vector<GoValue> items;
      for (const Value& item : v.IsArray() ? v.GetArray() : v.GetSet()) {
        items.push_back(TemplateValue(item));
      }
      return GoValue::Slice(std::move(items));
    }
    case Value::Kind::kObject: {
      std::vector<std::pair<std::string, GoValue>> entries;
      for (const auto& e : v.GetObject()) {
        std::string key = e.key.IsString() ? std::string(e.key.GetString()) : ToJson(e.key);
        entries.emplace_back(std::move(key), TemplateValue(e.value));
      }
      return GoValue::Map(std::move(entries));
    }
  }
  return GoValue::Nil();
}

BuiltinResult RenderTemplate(BuiltinContext&, std::span<const Value> args) {
  Result<std::string> out = ExecuteGoTemplate(args[0].GetString(), TemplateValue(args[1]));
  if (!out.ok()) return BuiltinResult::Error(out.status().message());
  // OPA shows Go's "<no value>" for a missing variable as "<undefined>".
  std::string text = std::move(out).value();
  std::string result;
  static constexpr std::string_view kNoValue = "<no value>";
  size_t from = 0;
  for (size_t at; (at = text.find(kNoValue, from)) != text.npos; from = at + kNoValue.size()) {
    result.append(text, from, at - from);
    result.append("<undefined>");
  }
  result.append(text, from);
  return Value::String(std::move(result));
}

}  // namespace

Status RegisterStringFormatBuiltins(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kFormatInt,
                                     .args = {t::Number(), t::Number()},
                                     .result = t::String(),
                                     .categories = kStringsCategory,
                                     .fn = &FormatInt}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kSprintf,
                                     .args = {t::String(), t::ArrayOfAny()},
                                     .result = t::String(),
                                     .categories = kStringsCategory,
                                     .fn = &Sprintf}));
  return r.Register({.name = builtins::kStringsRenderTemplate,
                     .args = {t::String(), t::ObjectOf(t::String(), t::Any())},
                     .result = t::String(),
                     .categories = kStringsCategory,
                     .fn = &RenderTemplate});
}

}  // namespace golden::rego
