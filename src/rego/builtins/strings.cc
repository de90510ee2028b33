// The string builtins (OPA's topdown/strings.go), except the formatting ones, which live in
// strings_format.cc. Strings are UTF-8; where OPA counts characters it counts Go runes, so an
// invalid byte counts as one U+FFFD.

#include <algorithm>
#include <array>

#include "base/strings.h"
#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"
#include "rego/builtins/unicode.h"

namespace golden::rego {

namespace {

const std::vector<std::string> kStringsCategory = {"strings"};

std::vector<int32_t> Runes(std::string_view s) {
  std::vector<int32_t> out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) out.push_back(unicode::DecodeRune(s, &pos));
  return out;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

BuiltinResult Concat(BuiltinContext&, std::span<const Value> args) {
  std::string_view sep = args[0].GetString();
  const Value& coll = args[1];
  std::span<const Value> items = coll.IsArray() ? coll.GetArray() : coll.GetSet();
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].IsString()) return OperandElementError(2, coll, items[i], {"string"});
    if (i) out.append(sep);
    out.append(items[i].GetString());
  }
  return Value::String(std::move(out));
}

bool Contains(std::string_view s, std::string_view sub) { return s.find(sub) != s.npos; }
bool StartsWith(std::string_view s, std::string_view prefix) { return s.starts_with(prefix); }
bool EndsWith(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }
std::string Lower(std::string_view s) { return unicode::ToLower(s); }
std::string Upper(std::string_view s) { return unicode::ToUpper(s); }

// Character positions of `needle` in `haystack`, each position once (matches may overlap);
// stops after the first when `first_only`.
std::vector<int64_t> RuneIndexes(std::string_view haystack, std::string_view needle,
                                 bool first_only) {
  std::vector<int64_t> out;
  if (IsValidUtf8(haystack) && IsValidUtf8(needle)) {
    // Valid UTF-8 matches only at character boundaries, so byte search finds the same places.
    size_t from = 0;
    size_t counted_bytes = 0;
    int64_t counted_runes = 0;
    while ((from = haystack.find(needle, from)) != haystack.npos) {
      counted_runes +=
          static_cast<int64_t>(Utf8Length(haystack.substr(counted_bytes, from - counted_bytes)));
      counted_bytes = from;
      out.push_back(counted_runes);
      if (first_only) break;
      size_t next = from;
      unicode::DecodeRune(haystack, &next);  // advance by one character
      from = next;
    }
    return out;
  }
  std::vector<int32_t> h = Runes(haystack);
  std::vector<int32_t> n = Runes(needle);
  for (size_t i = 0; i + n.size() <= h.size(); ++i) {
    if (std::equal(n.begin(), n.end(), h.begin() + static_cast<ptrdiff_t>(i))) {
      out.push_back(static_cast<int64_t>(i));
      if (first_only) break;
    }
  }
  return out;
}

constexpr char kEmptySearch[] = "empty search character";

BuiltinResult IndexOf(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return BuiltinResult::Error(kEmptySearch);
  if (IsAscii(haystack) && IsAscii(needle)) {
    size_t at = haystack.find(needle);
    return Value::Int(at == haystack.npos ? -1 : static_cast<int64_t>(at));
  }
  std::vector<int64_t> at = RuneIndexes(haystack, needle, /*first_only=*/true);
  return Value::Int(at.empty() ? -1 : at[0]);
}

BuiltinResult IndexOfN(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return BuiltinResult::Error(kEmptySearch);
  std::vector<Value> out;
  for (int64_t i : RuneIndexes(haystack, needle, /*first_only=*/false))
    out.push_back(Value::Int(i));
  return Value::Array(std::move(out));
}

// Characters [offset, offset+length), or to the end when length < 0.
BuiltinResult Substring(BuiltinContext&, std::span<const Value> args) {
  std::string_view s = args[0].GetString();
  BuiltinResult error = BuiltinResult::Undefined();
  std::optional<int64_t> offset = IntOperand(args[1], 2, &error);
  if (!offset) return error;
  std::optional<int64_t> length = IntOperand(args[2], 3, &error);
  if (!length) return error;
  if (*offset < 0) return BuiltinResult::Error("negative offset");
  size_t pos = 0;
  for (int64_t k = 0; k < *offset && pos < s.size(); ++k) unicode::DecodeRune(s, &pos);
  if (pos >= s.size()) return Value::String("");
  if (*length < 0) return Value::String(s.substr(pos));
  if (!IsValidUtf8(s)) {
    // Go's []rune conversion turns each invalid byte into U+FFFD.
    std::string out;
    for (int64_t k = 0; k < *length && pos < s.size(); ++k) {
      unicode::AppendRune(&out, unicode::DecodeRune(s, &pos));
    }
    return Value::String(std::move(out));
  }
  size_t end = pos;
  for (int64_t k = 0; k < *length && end < s.size(); ++k) unicode::DecodeRune(s, &end);
  return Value::String(s.substr(pos, end - pos));
}

// Go's strings.Split: an empty separator splits into characters (each invalid byte alone).
BuiltinResult Split(std::string_view s, std::string_view sep) {
  std::vector<Value> out;
  if (sep.empty()) {
    for (size_t pos = 0; pos < s.size();) {
      size_t start = pos;
      unicode::DecodeRune(s, &pos);
      out.push_back(Value::String(s.substr(start, pos - start)));
    }
    return Value::Array(std::move(out));
  }
  size_t start = 0;
  for (size_t at; (at = s.find(sep, start)) != s.npos; start = at + sep.size()) {
    out.push_back(Value::String(s.substr(start, at - start)));
  }
  out.push_back(Value::String(s.substr(start)));
  return Value::Array(std::move(out));
}

// Go's strings.Replacer: at each position the earliest-listed old string that matches there
// is replaced and the scan moves past it; an empty old string matches between all bytes.
std::string Replace(std::string_view s,
                    std::span<const std::pair<std::string_view, std::string_view>> pairs) {
  std::array<std::vector<size_t>, 256> by_first{};  // candidate pairs by first byte, in order
  std::optional<size_t> empty_key;
  for (size_t k = 0; k < pairs.size(); ++k) {
    if (pairs[k].first.empty()) {
      if (!empty_key) empty_key = k;
    } else {
      by_first[static_cast<unsigned char>(pairs[k].first[0])].push_back(k);
    }
  }
  std::string out;
  out.reserve(s.size());
  size_t last = 0;
  bool prev_match_empty = false;
  for (size_t i = 0; i <= s.size();) {
    std::optional<size_t> best;
    if (i < s.size()) {
      for (size_t k : by_first[static_cast<unsigned char>(s[i])]) {
        if (s.substr(i).starts_with(pairs[k].first)) {
          best = k;
          break;
        }
      }
    }
    if (empty_key && !prev_match_empty && (!best || *empty_key < *best)) best = empty_key;
    if (!best) {
      prev_match_empty = false;
      ++i;
      continue;
    }
    size_t key_len = pairs[*best].first.size();
    prev_match_empty = key_len == 0;
    out.append(s.substr(last, i - last));
    out.append(pairs[*best].second);
    i += key_len;
    last = i;
  }
  if (last < s.size()) out.append(s.substr(last));
  return out;
}

std::string ReplaceAll(std::string_view s, std::string_view old, std::string_view repl) {
  std::pair<std::string_view, std::string_view> pair{old, repl};
  return Replace(s, std::span(&pair, 1));
}

// The keys are taken in sorted order (the object's own order), so that is the priority order.
BuiltinResult ReplaceN(BuiltinContext&, std::span<const Value> args) {
  std::vector<std::pair<std::string_view, std::string_view>> pairs;
  for (const auto& e : args[0].GetObject()) {
    if (!e.key.IsString()) return OperandError(1, "non-string key found in pattern object");
    if (!e.value.IsString()) return OperandError(1, "non-string value found in pattern object");
    pairs.emplace_back(e.key.GetString(), e.value.GetString());
  }
  return Value::String(Replace(args[1].GetString(), pairs));
}

// Go decodes the last character of an invalid tail as U+FFFD of one byte.
int32_t DecodeLastRune(std::string_view s, size_t* size) {
  size_t end = s.size();
  size_t start = end - 1;
  size_t lim = end >= 4 ? end - 4 : 0;
  while (start > lim && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  size_t pos = start;
  int32_t cp = DecodeUtf8(s, &pos);
  if (cp < 0 || pos != end) {
    *size = 1;
    return unicode::kReplacementChar;
  }
  *size = end - start;
  return cp;
}

template <typename Pred>
std::string_view TrimLeftFunc(std::string_view s, Pred cut) {
  while (!s.empty()) {
    size_t pos = 0;
    int32_t r = unicode::DecodeRune(s, &pos);
    if (!cut(r)) break;
    s.remove_prefix(pos);
  }
  return s;
}

template <typename Pred>
std::string_view TrimRightFunc(std::string_view s, Pred cut) {
  while (!s.empty()) {
    size_t size = 0;
    int32_t r = DecodeLastRune(s, &size);
    if (!cut(r)) break;
    s.remove_suffix(size);
  }
  return s;
}

auto InCutset(std::string_view cutset) {
  return [runes = Runes(cutset)](int32_t r) {
    return std::find(runes.begin(), runes.end(), r) != runes.end();
  };
}

std::string Trim(std::string_view s, std::string_view cutset) {
  if (s.empty() || cutset.empty()) return std::string(s);
  auto cut = InCutset(cutset);
  return std::string(TrimRightFunc(TrimLeftFunc(s, cut), cut));
}

std::string TrimLeft(std::string_view s, std::string_view cutset) {
  if (s.empty() || cutset.empty()) return std::string(s);
  return std::string(TrimLeftFunc(s, InCutset(cutset)));
}

std::string TrimRight(std::string_view s, std::string_view cutset) {
  if (s.empty() || cutset.empty()) return std::string(s);
  return std::string(TrimRightFunc(s, InCutset(cutset)));
}

std::string TrimPrefix(std::string_view s, std::string_view prefix) {
  if (s.starts_with(prefix)) s.remove_prefix(prefix.size());
  return std::string(s);
}

std::string TrimSuffix(std::string_view s, std::string_view suffix) {
  if (s.ends_with(suffix)) s.remove_suffix(suffix.size());
  return std::string(s);
}

std::string TrimSpace(std::string_view s) {
  auto space = [](int32_t r) { return unicode::IsSpace(r); };
  return std::string(TrimRightFunc(TrimLeftFunc(s, space), space));
}

// Go's strings.Count: non-overlapping occurrences; the empty string occurs before each
// character and at the end.
int64_t Count(std::string_view s, std::string_view sub) {
  if (sub.empty()) return static_cast<int64_t>(Utf8Length(s)) + 1;
  int64_t n = 0;
  for (size_t at = s.find(sub); at != s.npos; at = s.find(sub, at + sub.size())) ++n;
  return n;
}

std::string Reverse(std::string_view s) {
  std::vector<int32_t> runes = Runes(s);
  std::string out;
  out.reserve(s.size());
  for (auto it = runes.rbegin(); it != runes.rend(); ++it) unicode::AppendRune(&out, *it);
  return out;
}

// A string, or an array or set of strings, as a list (OPA's any_prefix_match operands).
std::optional<std::vector<std::string_view>> StringOrStrings(const Value& v, int pos,
                                                             BuiltinResult* error) {
  if (v.IsString()) return std::vector<std::string_view>{v.GetString()};
  return StringSliceOperand(v, pos, error);
}

// True when some string in `strs` starts with some string in `prefixes`: a binary search per
// prefix in the sorted strings, so long lists stay fast.
bool AnyStartsWithAny(std::vector<std::string> strs, const std::vector<std::string>& prefixes) {
  std::sort(strs.begin(), strs.end());
  for (const std::string& p : prefixes) {
    auto it = std::lower_bound(strs.begin(), strs.end(), p);
    if (it != strs.end() && it->starts_with(p)) return true;
  }
  return false;
}

BuiltinResult AnyMatch(std::span<const Value> args, bool suffix) {
  BuiltinResult error = BuiltinResult::Undefined();
  auto strs = StringOrStrings(args[0], 1, &error);
  if (!strs) return error;
  auto affixes = StringOrStrings(args[1], 2, &error);
  if (!affixes) return error;
  // A suffix check is a prefix check on the byte-reversed strings.
  auto prepare = [suffix](const std::vector<std::string_view>& in) {
    std::vector<std::string> out;
    out.reserve(in.size());
    for (std::string_view s : in) out.emplace_back(suffix ? std::string(s.rbegin(), s.rend()) : s);
    return out;
  };
  return Value::Bool(AnyStartsWithAny(prepare(*strs), prepare(*affixes)));
}

BuiltinResult AnyPrefixMatch(BuiltinContext&, std::span<const Value> args) {
  return AnyMatch(args, /*suffix=*/false);
}

BuiltinResult AnySuffixMatch(BuiltinContext&, std::span<const Value> args) {
  return AnyMatch(args, /*suffix=*/true);
}

Descriptor StringFn(const char* name, size_t arity, TypePtr result, BuiltinFn fn) {
  return {.name = name,
          .args = std::vector<TypePtr>(arity, t::String()),
          .result = std::move(result),
          .categories = kStringsCategory,
          .fn = fn};
}

}  // namespace

Status RegisterStringBuiltins(Registry& r) {
  TypePtr S = t::String();
  TypePtr strings = t::AnyOf({t::String(), t::SetOfString(), t::ArrayOfString()});
  const std::string kStringsExpect = "one of {string, set, array}";
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kConcat,
                                     .args = {S, t::AnyOf({t::SetOfString(), t::ArrayOfString()})},
                                     .result = S,
                                     .categories = kStringsCategory,
                                     .operand_expect = {"", "one of {set, array}"},
                                     .fn = &Concat}));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(StringFn(builtins::kContains, 2, t::Boolean(), Adapt<&Contains>())));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(StringFn(builtins::kEndsWith, 2, t::Boolean(), Adapt<&EndsWith>())));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(StringFn(builtins::kIndexOf, 2, t::Number(), Adapt<&IndexOf>())));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(StringFn(builtins::kIndexOfN, 2, t::ArrayOf(t::Number()), Adapt<&IndexOfN>())));
  GOLDEN_RETURN_IF_ERROR(r.Register(StringFn(builtins::kLower, 1, S, Adapt<&Lower>())));
  GOLDEN_RETURN_IF_ERROR(r.Register(StringFn(builtins::kReplace, 3, S, Adapt<&ReplaceAll>())));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(StringFn(builtins::kSplit, 2, t::ArrayOfString(), Adapt<&Split>())));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(StringFn(builtins::kStartsWith, 2, t::Boolean(), Adapt<&StartsWith>())));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kStringsAnyPrefixMatch,
                                     .args = {strings, strings},
                                     .result = t::Boolean(),
                                     .categories = kStringsCategory,
                                     .operand_expect = {kStringsExpect, kStringsExpect},
                                     .fn = &AnyPrefixMatch}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kStringsAnySuffixMatch,
                                     .args = {strings, strings},
                                     .result = t::Boolean(),
                                     .categories = kStringsCategory,
                                     .operand_expect = {kStringsExpect, kStringsExpect},
                                     .fn = &AnySuffixMatch}));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(StringFn(builtins::kStringsCount, 2, t::Number(), Adapt<&Count>())));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kStringsReplaceN,
                                     .args = {t::ObjectOf(S, S), S},
                                     .result = S,
                                     .fn = &ReplaceN}));
  GOLDEN_RETURN_IF_ERROR(r.Register(StringFn(builtins::kStringsReverse, 1, S, Adapt<&Reverse>())));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kSubstring,
                                     .args = {S, t::Number(), t::Number()},
                                     .result = S,
                                     .categories = kStringsCategory,
                                     .fn = &Substring}));
  GOLDEN_RETURN_IF_ERROR(r.Register(StringFn(builtins::kTrim, 2, S, Adapt<&Trim>())));
  GOLDEN_RETURN_IF_ERROR(r.Register(StringFn(builtins::kTrimLeft, 2, S, Adapt<&TrimLeft>())));
  GOLDEN_RETURN_IF_ERROR(r.Register(StringFn(builtins::kTrimPrefix, 2, S, Adapt<&TrimPrefix>())));
  GOLDEN_RETURN_IF_ERROR(r.Register(StringFn(builtins::kTrimRight, 2, S, Adapt<&TrimRight>())));
  GOLDEN_RETURN_IF_ERROR(r.Register(StringFn(builtins::kTrimSpace, 1, S, Adapt<&TrimSpace>())));
  GOLDEN_RETURN_IF_ERROR(r.Register(StringFn(builtins::kTrimSuffix, 2, S, Adapt<&TrimSuffix>())));
  return r.Register(StringFn(builtins::kUpper, 1, S, Adapt<&Upper>()));
}

}  // namespace golden::rego
