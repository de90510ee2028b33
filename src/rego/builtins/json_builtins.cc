// json.marshal, json.marshal_with_options, json.unmarshal, json.is_valid, json.filter and
// json.remove (OPA's topdown/encoding.go and json.go). json.patch is in json_patch.cc.

#include <algorithm>

#include "base/strings.h"
#include "rego/builtins/go_fmt.h"
#include "rego/builtins/json_paths.h"
#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"
#include "rego/builtins/term_text.h"
#include "value/json.h"

namespace golden::rego {

namespace {

const std::vector<std::string> kEncodingCategory = {"encoding"};
const std::vector<std::string> kObjectCategory = {"object"};

// Writes `v` as Go's encoding/json writes OPA's JSON form of it: sets as arrays, object keys as
// strings (a non-string key as its JSON text) in byte order, <, > and & escaped. With
// `indent`, as json.MarshalIndent(v, prefix, indent) lays it out.
void WriteGoJson(std::string* out, const Value& v, const std::string* indent,
                 const std::string& prefix, int depth) {
  static const JsonStyle kGoStyle{.escape_html = true};
  auto newline = [&](int level) {
    out->push_back('\n');
    out->append(prefix);
    for (int k = 0; k < level; ++k) out->append(*indent);
  };
  switch (v.kind()) {
    case Value::Kind::kArray:
    case Value::Kind::kSet: {
      std::span<const Value> items = v.IsArray() ? v.GetArray() : v.GetSet();
      out->push_back('[');
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out->push_back(',');
        if (indent) newline(depth + 1);
        WriteGoJson(out, items[i], indent, prefix, depth + 1);
      }
      if (indent && !items.empty()) newline(depth);
      out->push_back(']');
      return;
    }
    case Value::Kind::kObject: {
      // Go sorts the keys of the map it builds; two keys that stringify alike keep the last.
      std::vector<std::pair<std::string, const Value*>> entries;
      for (const auto& e : v.GetObject()) {
        std::string key = e.key.IsString() ? std::string(e.key.GetString()) : ToJson(e.key);
        entries.emplace_back(std::move(key), &e.value);
      }
      std::stable_sort(entries.begin(), entries.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      out->push_back('{');
      bool first = true;
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i + 1 < entries.size() && entries[i + 1].first == entries[i].first) continue;
        if (!first) out->push_back(',');
        first = false;
        if (indent) newline(depth + 1);
        AppendJsonString(out, entries[i].first, kGoStyle);
        out->append(indent ? ": " : ":");
        WriteGoJson(out, *entries[i].second, indent, prefix, depth + 1);
      }
      if (indent && !entries.empty()) newline(depth);
      out->push_back('}');
      return;
    }
    default:
      AppendJson(out, v, kGoStyle);
  }
}

std::string Marshal(const Value& v) {
  std::string out;
  WriteGoJson(&out, v, nullptr, "", 0);
  return out;
}

// Options: "pretty" (bool), "prefix" and "indent" (strings; either implies pretty unless
// "pretty" says otherwise). Any other key is an error.
BuiltinResult MarshalWithOptions(BuiltinContext&, std::span<const Value> args) {
  std::string indent = "\t";
  std::string prefix;
  bool implicit_pretty = false;
  std::optional<bool> explicit_pretty;
  // OPA's messages quote the key and, oddly, number the inner operand by the key's index.
  int index = 0;
  for (const auto& e : args[1].GetObject()) {
    auto inner = [&](const Value& v) {
      return "operand " + std::to_string(index) + " must be string but got " +
             std::string(v.TypeName());
    };
    if (!e.key.IsString()) {
      return OperandError(2, "failed to stringify key " + TermText(e.key) + " at index " +
                                 std::to_string(index) + ": " + inner(e.key));
    }
    std::string_view key = e.key.GetString();
    if (key == "prefix" || key == "indent") {
      if (!e.value.IsString()) {
        return OperandError(2, "key " + GoQuote(key) + " failed cast to string: " + inner(e.value));
      }
      (key == "prefix" ? prefix : indent) = std::string(e.value.GetString());
      implicit_pretty = true;
    } else if (key == "pretty") {
      if (!e.value.IsBool()) return OperandError(2, "key " + GoQuote(key) + " failed cast to bool");
      explicit_pretty = e.value.GetBool();
    } else {
      return OperandError(2, "object contained unknown key " + GoQuote(key));
    }
    ++index;
  }
  if (!explicit_pretty.value_or(implicit_pretty)) return Value::String(Marshal(args[0]));
  // MarshalIndent does not prefix the first line; OPA adds it.
  std::string out = prefix;
  WriteGoJson(&out, args[0], &indent, prefix, 0);
  return Value::String(std::move(out));
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The \uXXXX escape at s[i] (i at the backslash), or -1.
int32_t EscapedUnit(std::string_view s, size_t i) {
  if (i + 6 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return -1;
  int32_t v = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    int h = HexValue(s[k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

// The length of the well-formed JSON number at s[i]
// (-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?), or 0.
size_t JsonNumberLength(std::string_view s, size_t i) {
  size_t start = i;
  auto digits = [&] {
    size_t d = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > d;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return 0;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return 0;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return 0;
  }
  return i - start;
}

// JSON text the project's reader accepts where Go's encoding/json decoder is lenient: inside
// strings, invalid UTF-8 bytes and \u escapes of unpaired surrogates become U+FFFD, as Go
// decodes them. With `numbers_to_zero` every number becomes 0 (for syntax checks only: Go
// accepts numbers beyond float64's range, which the reader refuses).
std::string GoLenientJson(std::string_view s, bool numbers_to_zero) {
  static constexpr std::string_view kReplacement = "\\ufffd";
  std::string out;
  out.reserve(s.size());
  bool in_string = false;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (!in_string) {
      if (c == '"') in_string = true;
      size_t number = numbers_to_zero ? JsonNumberLength(s, i) : 0;
      if (number > 0) {
        out += '0';
        i += number;
        continue;
      }
      out += c;
      ++i;
      continue;
    }
    if (c == '"') {
      in_string = false;
      out += c;
      ++i;
    } else if (c == '\\') {
      int32_t unit = EscapedUnit(s, i);
      if (unit >= 0xD800 && unit <= 0xDFFF) {
        int32_t next = EscapedUnit(s, i + 6);
        if (unit <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
          out.append(s.substr(i, 12));
          i += 12;
        } else {
          out += kReplacement;
          i += 6;
        }
      } else {
        out.append(s.substr(i, std::min<size_t>(2, s.size() - i)));
        i += 2;
      }
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      size_t start = i;
      if (DecodeUtf8(s, &i) < 0) {
        out += kReplacement;
      } else {
        out.append(s.substr(start, i - start));
      }
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

BuiltinResult Unmarshal(std::string_view text) {
  Result<Value> v = ParseJson(GoLenientJson(text, /*numbers_to_zero=*/false));
  if (!v.ok()) return BuiltinResult::Error(v.status().ToString());
  return std::move(v).value();
}

// Go's json.Valid: syntax only.
bool IsValid(const Value& v) {
  return v.IsString() && ParseJson(GoLenientJson(v.GetString(), /*numbers_to_zero=*/true)).ok();
}

BuiltinResult Filter(BuiltinContext&, std::span<const Value> args) {
  BuiltinResult error = BuiltinResult::Undefined();
  std::optional<std::vector<std::vector<Value>>> paths = JsonPathsOperand(args[1], 2, &error);
  if (!paths) return error;
  return FilterByPathTree(args[0], PathsToTree(*paths));
}

BuiltinResult Remove(BuiltinContext&, std::span<const Value> args) {
  BuiltinResult error = BuiltinResult::Undefined();
  std::optional<std::vector<std::vector<Value>>> paths = JsonPathsOperand(args[1], 2, &error);
  if (!paths) return error;
  std::optional<Value> out = RemoveByPathTree(args[0], PathsToTree(*paths));
  if (!out) return BuiltinResult::Undefined();
  return *out;
}

}  // namespace

Status RegisterJsonBuiltins(Registry& r) {
  TypePtr S = t::String();
  TypePtr path = t::AnyOf({S, t::ArrayOfAny()});
  TypePtr paths = t::AnyOf({t::ArrayOf(path), t::SetOf(path)});
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kJsonFilter,
                                     .args = {t::ObjectOfAny(), paths},
                                     .result = t::Any(),
                                     .categories = kObjectCategory,
                                     .operand_expect = {"", "one of {set, array}"},
                                     .fn = &Filter}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kJsonIsValid,
                                     .args = {S},
                                     .result = t::Boolean(),
                                     .categories = kEncodingCategory,
                                     .check_arg_types = false,  // false for non-strings
                                     .fn = Adapt<&IsValid>()}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kJsonMarshal,
                                     .args = {t::Any()},
                                     .result = S,
                                     .categories = kEncodingCategory,
                                     .fn = Adapt<&Marshal>()}));
  GOLDEN_RETURN_IF_ERROR(r.Register(
      {.name = builtins::kJsonMarshalWithOptions,
       .args = {t::Any(), t::ObjectStatic({{"pretty", t::Boolean()}, {"indent", S}, {"prefix", S}},
                                          S, t::Any())},
       .result = S,
       .categories = kEncodingCategory,
       .fn = &MarshalWithOptions}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kJsonRemove,
                                     .args = {t::ObjectOfAny(), paths},
                                     .result = t::Any(),
                                     .categories = kObjectCategory,
                                     .operand_expect = {"", "one of {set, array}"},
                                     .fn = &Remove}));
  return r.Register({.name = builtins::kJsonUnmarshal,
                     .args = {S},
                     .result = t::Any(),
                     .categories = kEncodingCategory,
                     .fn = Adapt<&Unmarshal>()});
}

}  // namespace golden::rego
