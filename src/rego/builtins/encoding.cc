// base64.*, base64url.*, hex.* and urlquery.* (OPA's topdown/encoding.go), with the decoding
// rules and error messages of Go's encoding/base64, encoding/hex and net/url, which OPA calls.

#include <array>

#include "rego/builtins/go_fmt.h"
#include "rego/builtins/go_strconv.h"
#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"
#include "rego/builtins/unicode.h"
#include "value/json.h"

namespace golden::rego {

namespace {

const std::vector<std::string> kEncodingCategory = {"encoding"};

constexpr std::string_view kStdAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrlAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string Base64Encode(std::string_view in, std::string_view alphabet, bool pad) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    uint32_t v = (static_cast<unsigned char>(in[i]) << 16) |
                 (static_cast<unsigned char>(in[i + 1]) << 8) |
                 static_cast<unsigned char>(in[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out.push_back(alphabet[(v >> s) & 63]);
  }
  size_t rest = in.size() - i;
  if (rest > 0) {
    uint32_t v = static_cast<unsigned char>(in[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out.push_back(alphabet[(v >> 18) & 63]);
    out.push_back(alphabet[(v >> 12) & 63]);
    if (rest == 2) out.push_back(alphabet[(v >> 6) & 63]);
    if (pad) out.append(rest == 1 ? "==" : "=");
  }
  return out;
}

std::string CorruptInput(size_t at) {
  return "illegal base64 data at input byte " + std::to_string(at);
}

// Go's padded Encoding.DecodeString: '\r' and '\n' are skipped anywhere, padding is required,
// the error names the offending input byte.
Result<std::string> Base64Decode(std::string_view src, std::string_view alphabet) {
  std::array<int, 256> map;
  map.fill(-1);
  for (size_t k = 0; k < alphabet.size(); ++k)
    map[static_cast<unsigned char>(alphabet[k])] = static_cast<int>(k);
  auto newline = [&](size_t k) { return src[k] == '\n' || src[k] == '\r'; };
  std::string out;
  size_t si = 0;
  while (si < src.size()) {
    int dbuf[4] = {0, 0, 0, 0};
    int dlen = 4;
    bool done = false;
    for (int j = 0; j < 4; ++j) {
      if (si == src.size()) {
        if (j == 0) return out;
        return InvalidArgument(CorruptInput(si - static_cast<size_t>(j)));
      }
      unsigned char in = static_cast<unsigned char>(src[si++]);
      if (map[in] >= 0) {
        dbuf[j] = map[in];
        continue;
      }
      if (in == '\n' || in == '\r') {
        --j;
        continue;
      }
      if (in != '=') return InvalidArgument(CorruptInput(si - 1));
      // Padding: "==" after two characters, "=" after three, then only newlines.
      if (j < 2) return InvalidArgument(CorruptInput(si - 1));
      if (j == 2) {
        while (si < src.size() && newline(si)) ++si;
        if (si == src.size()) return InvalidArgument(CorruptInput(src.size()));
        if (src[si] != '=') return InvalidArgument(CorruptInput(si - 1));
        ++si;
      }
      while (si < src.size() && newline(si)) ++si;
      if (si < src.size()) return InvalidArgument(CorruptInput(si));
      dlen = j;
      done = true;
      break;
    }
    uint32_t val = (static_cast<uint32_t>(dbuf[0]) << 18) | (static_cast<uint32_t>(dbuf[1]) << 12) |
                   (static_cast<uint32_t>(dbuf[2]) << 6) | static_cast<uint32_t>(dbuf[3]);
    out.push_back(static_cast<char>(val >> 16));
    if (dlen >= 3) out.push_back(static_cast<char>(val >> 8));
    if (dlen == 4) out.push_back(static_cast<char>(val));
    if (done) break;
  }
  return out;
}

std::string StdEncode(std::string_view s) { return Base64Encode(s, kStdAlphabet, true); }
std::string UrlEncode(std::string_view s) { return Base64Encode(s, kUrlAlphabet, true); }
std::string UrlEncodeNoPad(std::string_view s) { return Base64Encode(s, kUrlAlphabet, false); }

BuiltinResult StdDecode(std::string_view s) {
  Result<std::string> out = Base64Decode(s, kStdAlphabet);
  if (!out.ok()) return BuiltinResult::Error(out.status().message());
  return Value::String(std::move(out).value());
}

bool StdIsValid(const Value& v) {
  return v.IsString() && Base64Decode(v.GetString(), kStdAlphabet).ok();
}

// Unpadded input is padded first (RFC 7515 appendix C), as OPA does.
BuiltinResult UrlDecode(std::string_view s) {
  std::string padded(s);
  if (!s.ends_with("=")) {
    switch (s.size() % 4) {
      case 2:
        padded += "==";
        break;
      case 3:
        padded += "=";
        break;
      case 1:
        return BuiltinResult::Error("illegal base64url string: " + std::string(s));
      default:
        break;
    }
  }
  Result<std::string> out = Base64Decode(padded, kUrlAlphabet);
  if (!out.ok()) return BuiltinResult::Error(out.status().message());
  return Value::String(std::move(out).value());
}

std::string HexEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() * 2);
  for (char c : s) {
    out.push_back(kHex[static_cast<unsigned char>(c) >> 4]);
    out.push_back(kHex[static_cast<unsigned char>(c) & 15]);
  }
  return out;
}

int FromHex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Go's hex.InvalidByteError: "encoding/hex: invalid byte: U+0067 'g'" (%#U of the byte).
BuiltinResult InvalidHexByte(char c) {
  unsigned char b = static_cast<unsigned char>(c);
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", b);
  std::string msg = "encoding/hex: invalid byte: " + std::string(code);
  if (unicode::IsPrint(b)) {
    msg += " '";
    unicode::AppendRune(&msg, b);
    msg += "'";
  }
  return BuiltinResult::Error(msg);
}

BuiltinResult HexDecode(std::string_view s) {
  std::string out;
  size_t j = 1;
  for (; j < s.size(); j += 2) {
    int a = FromHex(s[j - 1]), b = FromHex(s[j]);
    if (a < 0) return InvalidHexByte(s[j - 1]);
    if (b < 0) return InvalidHexByte(s[j]);
    out.push_back(static_cast<char>((a << 4) | b));
  }
  if (s.size() % 2 == 1) {
    if (FromHex(s[j - 1]) < 0) return InvalidHexByte(s[j - 1]);
    return BuiltinResult::Error("encoding/hex: odd length hex string");
  }
  return Value::String(std::move(out));
}


// Go's url.QueryUnescape: %XX escapes and '+' for space; a malformed escape is an error
// naming it ("invalid URL escape \"%zz\"").
Result<std::string> QueryUnescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '%') {
      if (i + 2 >= s.size() || FromHex(s[i + 1]) < 0 || FromHex(s[i + 2]) < 0) {
        return InvalidArgument("invalid URL escape " + GoQuote(s.substr(i, 3)));
      }
      out.push_back(static_cast<char>(FromHex(s[i + 1]) * 16 + FromHex(s[i + 2])));
      i += 3;
    } else {
      out.push_back(s[i] == '+' ? ' ' : s[i]);
      ++i;
    }
  }
  return out;
}

BuiltinResult UrlQueryDecode(std::string_view s) {
  Result<std::string> out = QueryUnescape(s);
  if (!out.ok()) return BuiltinResult::Error(out.status().message());
  return Value::String(std::move(out).value());
}

// Keys in order, each "key=value" (a key with several values repeats), as Go's
// url.Values.Encode writes them.
BuiltinResult UrlQueryEncodeObject(BuiltinContext&, std::span<const Value> args) {
  std::vector<std::pair<std::string, std::vector<std::string_view>>> values;
  for (const auto& e : args[0].GetObject()) {
    std::string key = e.key.IsString() ? std::string(e.key.GetString()) : ToJson(e.key);
    std::vector<std::string_view> vals;
    if (e.value.IsString()) {
      vals.push_back(e.value.GetString());
    } else if (e.value.IsArray() || e.value.IsSet()) {
      for (const Value& v : e.value.IsArray() ? e.value.GetArray() : e.value.GetSet()) {
        if (!v.IsString())
          return OperandError(1, "values must be string, array[string], or set[string]");
        vals.push_back(v.GetString());
      }
    } else {
      return OperandError(1, "values must be string, array[string], or set[string]");
    }
    values.emplace_back(std::move(key), std::move(vals));
  }
  std::sort(values.begin(), values.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  for (const auto& [key, vals] : values) {
    for (std::string_view v : vals) {
      if (!out.empty()) out.push_back('&');
      out += GoQueryEscape(key) + "=" + GoQueryEscape(v);
    }
  }
  return Value::String(std::move(out));
}

// Go's url.ParseQuery: '&'-separated pairs; a ';' or a bad escape makes the whole call fail.
BuiltinResult UrlQueryDecodeObject(std::string_view query) {
  std::vector<std::pair<std::string, std::vector<Value>>> params;
  std::optional<std::string> error;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == query.npos ? std::string_view() : query.substr(amp + 1);
    if (pair.find(';') != pair.npos) {
      error = "invalid semicolon separator in query";
      continue;
    }
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    Result<std::string> key = QueryUnescape(pair.substr(0, eq));
    Result<std::string> value =
        QueryUnescape(eq == pair.npos ? std::string_view() : pair.substr(eq + 1));
    if (!key.ok() || !value.ok()) {
      if (!error) error = (!key.ok() ? key.status() : value.status()).message();
      continue;
    }
    auto it =
        std::find_if(params.begin(), params.end(), [&](const auto& p) { return p.first == *key; });
    if (it == params.end()) {
      params.push_back({*key, {}});
      it = params.end() - 1;
    }
    it->second.push_back(Value::String(std::move(value).value()));
  }
  if (error) return BuiltinResult::Error(*error);
  std::vector<Value::Entry> entries;
  for (auto& [k, vals] : params)
    entries.push_back({Value::String(k), Value::Array(std::move(vals))});
  return Value::Object(std::move(entries));
}

Descriptor StringToString(const char* name, TypePtr result, BuiltinFn fn) {
  return {.name = name,
          .args = {t::String()},
          .result = std::move(result),
          .categories = kEncodingCategory,
          .fn = fn};
}

}  // namespace

Status RegisterEncodingBuiltins(Registry& r) {
  TypePtr S = t::String();
  GOLDEN_RETURN_IF_ERROR(
      r.Register(StringToString(builtins::kBase64Decode, S, Adapt<&StdDecode>())));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(StringToString(builtins::kBase64Encode, S, Adapt<&StdEncode>())));
  // OPA answers false for anything that is not a valid encoding, strings or not.
  Descriptor is_valid =
      StringToString(builtins::kBase64IsValid, t::Boolean(), Adapt<&StdIsValid>());
  is_valid.check_arg_types = false;
  GOLDEN_RETURN_IF_ERROR(r.Register(std::move(is_valid)));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(StringToString(builtins::kBase64UrlDecode, S, Adapt<&UrlDecode>())));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(StringToString(builtins::kBase64UrlEncode, S, Adapt<&UrlEncode>())));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(StringToString(builtins::kBase64UrlEncodeNoPad, S, Adapt<&UrlEncodeNoPad>())));
  GOLDEN_RETURN_IF_ERROR(r.Register(StringToString(builtins::kHexDecode, S, Adapt<&HexDecode>())));
  GOLDEN_RETURN_IF_ERROR(r.Register(StringToString(builtins::kHexEncode, S, Adapt<&HexEncode>())));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(StringToString(builtins::kUrlQueryDecode, S, Adapt<&UrlQueryDecode>())));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(StringToString(builtins::kUrlQueryDecodeObject, t::ObjectOf(S, t::ArrayOfString()),
                                Adapt<&UrlQueryDecodeObject>())));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(StringToString(builtins::kUrlQueryEncode, S, Adapt<&GoQueryEscape>())));
  return r.Register({.name = builtins::kUrlQueryEncodeObject,
                     .args = {t::ObjectOf(S, t::AnyOf({S, t::ArrayOfString(), t::SetOfString()}))},
                     .result = S,
                     .categories = kEncodingCategory,
                     .fn = &UrlQueryEncodeObject});
}

}  // namespace golden::rego
