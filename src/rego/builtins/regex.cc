// The regular expression builtins (OPA's topdown/regex.go, regex_template.go) on RE2, which
// reads Go's syntax and matches in linear time. Compiled patterns are kept in the policy's
// SharedCache. The iteration rules for repeated matches (empty matches, splitting, $1
// expansion) follow Go's regexp package, which OPA calls.

#include <re2/re2.h>

#include <memory>

#include "rego/builtins/go_fmt.h"
#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"
#include "rego/builtins/regex_util.h"
#include "rego/builtins/unicode.h"

namespace golden::rego {

namespace {

// Go's regexp.QuoteMeta: escapes \.+*?()|[]{}^$ and nothing else.
std::string QuoteMeta(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\.+*?()|[]{}^$").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// Byte offsets of a match and its groups, -1 for a group that did not take part.
using MatchOffsets = std::vector<int64_t>;

std::optional<MatchOffsets> MatchAt(const RE2& re, std::string_view s, size_t pos) {
  int groups = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> sub(static_cast<size_t>(groups));
  if (!re.Match(re2::StringPiece(s.data(), s.size()), pos, s.size(), RE2::UNANCHORED, sub.data(),
                groups)) {
    return std::nullopt;
  }
  MatchOffsets out;
  for (const auto& g : sub) {
    if (g.data() == nullptr) {
      out.push_back(-1);
      out.push_back(-1);
    } else {
      int64_t start = g.data() - s.data();
      out.push_back(start);
      out.push_back(start + static_cast<int64_t>(g.size()));
    }
  }
  return out;
}

// Go's Regexp.allMatches: successive non-overlapping matches, where an empty match right
// after the previous match does not count. At most `n` (all when n < 0).
template <typename Fn>
void ForEachMatch(const RE2& re, std::string_view s, int64_t n, Fn deliver) {
  if (n < 0) n = static_cast<int64_t>(s.size()) + 1;
  int64_t prev_end = -1;
  size_t pos = 0;
  for (int64_t i = 0; i < n && pos <= s.size();) {
    std::optional<MatchOffsets> m = MatchAt(re, s, pos);
    if (!m) break;
    bool accept = true;
    if ((*m)[1] == static_cast<int64_t>(pos)) {  // an empty match
      if ((*m)[0] == prev_end) accept = false;
      if (pos < s.size()) {
        unicode::DecodeRune(s, &pos);
      } else {
        pos = s.size() + 1;
      }
    } else {
      pos = static_cast<size_t>((*m)[1]);
    }
    prev_end = (*m)[1];
    if (accept) {
      deliver(*m);
      ++i;
    }
  }
}

std::string_view Group(std::string_view s, const MatchOffsets& m, size_t g) {
  if (m[2 * g] < 0) return {};
  return s.substr(static_cast<size_t>(m[2 * g]), static_cast<size_t>(m[2 * g + 1] - m[2 * g]));
}

// The compiled pattern, or nullptr with the error OPA reports in `*error`.
std::shared_ptr<const RE2> Compile(BuiltinContext& ctx, std::string_view pattern,
                                   BuiltinResult* error) {
  Result<std::shared_ptr<const RE2>> re = CompileGoRegex(ctx.shared, pattern);
  if (!re.ok()) {
    *error = BuiltinResult::Error(re.status().message());
    return nullptr;
  }
  return std::move(re).value();
}

BuiltinResult Match(BuiltinContext& ctx, std::string_view pattern, std::string_view value) {
  BuiltinResult error = BuiltinResult::Undefined();
  std::shared_ptr<const RE2> re = Compile(ctx, pattern, &error);
  if (!re) return error;
  return Value::Bool(RE2::PartialMatch(re2::StringPiece(value.data(), value.size()), *re));
}

bool IsValid(const Value& pattern) {
  return pattern.IsString() && ValidateGoRegex(pattern.GetString()).ok();
}

// regex.find_n and regex.find_all_string_submatch_n: up to n matches of args[0] in args[1],
// each as `shape` makes it from the match's offsets.
template <typename Shape>
BuiltinResult FindMatches(BuiltinContext& ctx, std::span<const Value> args, Shape shape) {
  BuiltinResult error = BuiltinResult::Undefined();
  std::optional<int64_t> n = IntOperand(args[2], 3, &error);
  if (!n) return error;
  std::shared_ptr<const RE2> re = Compile(ctx, args[0].GetString(), &error);
  if (!re) return error;
  std::string_view s = args[1].GetString();
  std::vector<Value> out;
  ForEachMatch(*re, s, *n, [&](const MatchOffsets& m) { out.push_back(shape(s, m)); });
  return Value::Array(std::move(out));
}

BuiltinResult FindN(BuiltinContext& ctx, std::span<const Value> args) {
  return FindMatches(ctx, args, [](std::string_view s, const MatchOffsets& m) {
    return Value::String(Group(s, m, 0));
  });
}

BuiltinResult FindAllStringSubmatchN(BuiltinContext& ctx, std::span<const Value> args) {
  return FindMatches(ctx, args, [](std::string_view s, const MatchOffsets& m) {
    std::vector<Value> groups;
    for (size_t g = 0; g < m.size() / 2; ++g) groups.push_back(Value::String(Group(s, m, g)));
    return Value::Array(std::move(groups));
  });
}

// Go's Regexp.Split(s, -1).
BuiltinResult Split(BuiltinContext& ctx, std::string_view pattern, std::string_view s) {
  BuiltinResult error = BuiltinResult::Undefined();
  std::shared_ptr<const RE2> re = Compile(ctx, pattern, &error);
  if (!re) return error;
  std::vector<Value> out;
  if (!pattern.empty() && s.empty()) return Value::Array({Value::String("")});
  int64_t begin = 0, end = 0;
  ForEachMatch(*re, s, -1, [&](const MatchOffsets& m) {
    end = m[0];
    if (m[1] != 0) {
      out.push_back(
          Value::String(s.substr(static_cast<size_t>(begin), static_cast<size_t>(end - begin))));
    }
    begin = m[1];
  });
  if (end != static_cast<int64_t>(s.size()))
    out.push_back(Value::String(s.substr(static_cast<size_t>(begin))));
  return Value::Array(std::move(out));
}

// Go's Regexp.Expand: $1, ${1}, $name, ${name} and $$ in `tmpl`.
void Expand(std::string* out, std::string_view tmpl, const RE2& re, std::string_view s,
            const MatchOffsets& m) {
  while (!tmpl.empty()) {
    size_t dollar = tmpl.find('$');
    if (dollar == tmpl.npos) break;
    out->append(tmpl.substr(0, dollar));
    tmpl.remove_prefix(dollar + 1);
    if (!tmpl.empty() && tmpl[0] == '$') {
      out->push_back('$');
      tmpl.remove_prefix(1);
      continue;
    }
    bool brace = !tmpl.empty() && tmpl[0] == '{';
    std::string_view rest = brace ? tmpl.substr(1) : tmpl;
    size_t len = 0;
    while (len < rest.size()) {
      size_t next = len;
      int32_t r = unicode::DecodeRune(rest, &next);
      if (!unicode::IsLetter(r) && !unicode::IsDigit(r) && r != '_') break;
      len = next;
    }
    if (len == 0 || (brace && (len >= rest.size() || rest[len] != '}'))) {
      out->push_back('$');  // malformed: the '$' is kept as text
      continue;
    }
    std::string_view name = rest.substr(0, len);
    tmpl = rest.substr(len + (brace ? 1 : 0));
    int64_t num = 0;
    for (char c : name) {
      if (c < '0' || c > '9' || num >= 100000000) {
        num = -1;
        break;
      }
      num = num * 10 + (c - '0');
    }
    if (name.size() > 1 && name[0] == '0') num = -1;
    if (num < 0) {
      auto it = re.NamedCapturingGroups().find(std::string(name));
      if (it != re.NamedCapturingGroups().end()) num = it->second;
    }
    if (num >= 0 && static_cast<size_t>(2 * num + 1) < m.size()) {
      out->append(Group(s, m, static_cast<size_t>(num)));
    }
  }
  out->append(tmpl);
}

// Go's Regexp.ReplaceAllString.
BuiltinResult Replace(BuiltinContext& ctx, std::string_view s, std::string_view pattern,
                      std::string_view repl) {
  BuiltinResult error = BuiltinResult::Undefined();
  std::shared_ptr<const RE2> re = Compile(ctx, pattern, &error);
  if (!re) return error;
  std::string out;
  size_t last_end = 0, search = 0;
  while (search <= s.size()) {
    std::optional<MatchOffsets> m = MatchAt(*re, s, search);
    if (!m) break;
    size_t a0 = static_cast<size_t>((*m)[0]), a1 = static_cast<size_t>((*m)[1]);
    out.append(s.substr(last_end, a0 - last_end));
    // No replacement for an empty match right after the previous match.
    if (a1 > last_end || a0 == 0) Expand(&out, repl, *re, s, *m);
    last_end = a1;
    size_t width = 0;
    if (search < s.size()) {
      size_t next = search;
      unicode::DecodeRune(s, &next);
      width = next - search;
    }
    if (search + width > a1) {
      search += width;
    } else if (search + 1 > a1) {
      ++search;
    } else {
      search = a1;
    }
  }
  out.append(s.substr(std::min(last_end, s.size())));
  return Value::String(std::move(out));
}

// OPA's compileRegexTemplate: the delimited parts are regular expressions, the rest literal.
BuiltinResult TemplateMatch(BuiltinContext& ctx, std::span<const Value> args) {
  std::string_view tpl = args[0].GetString();
  std::string_view value = args[1].GetString();
  std::string_view start = args[2].GetString();
  std::string_view end = args[3].GetString();
  if (start.size() != 1) {
    return BuiltinResult::Error("start delimiter has to be exactly one character long but is " +
                                std::to_string(start.size()) + " long");
  }
  if (end.size() != 1) {
    // OPA's message reports the start delimiter's length here.
    return BuiltinResult::Error("end delimiter has to be exactly one character long but is " +
                                std::to_string(start.size()) + " long");
  }
  std::vector<size_t> idxs;
  int level = 0;
  size_t open = 0;
  for (size_t i = 0; i < tpl.size(); ++i) {
    if (tpl[i] == start[0]) {
      if (++level == 1) open = i;
    } else if (tpl[i] == end[0]) {
      if (--level == 0) {
        idxs.push_back(open);
        idxs.push_back(i + 1);
      } else if (level < 0) {
        return BuiltinResult::Error("unbalanced braces in " + GoQuote(tpl));
      }
    }
  }
  if (level != 0) return BuiltinResult::Error("unbalanced braces in " + GoQuote(tpl));
  std::string pattern = "^";
  size_t last = 0;
  for (size_t i = 0; i < idxs.size(); i += 2) {
    std::string_view raw = tpl.substr(last, idxs[i] - last);
    last = idxs[i + 1];
    std::string_view part = tpl.substr(idxs[i] + 1, last - 1 - (idxs[i] + 1));
    if (Status s = ValidateGoRegex("^" + std::string(part) + "$"); !s.ok()) {
      return BuiltinResult::Error(s.message());
    }
    pattern += QuoteMeta(raw) + "(" + std::string(part) + ")";
  }
  pattern += QuoteMeta(tpl.substr(last)) + "$";
  BuiltinResult error = BuiltinResult::Undefined();
  std::shared_ptr<const RE2> re = Compile(ctx, pattern, &error);
  if (!re) return error;
  return Value::Bool(RE2::PartialMatch(re2::StringPiece(value.data(), value.size()), *re));
}

}  // namespace

Status RegisterRegexBuiltins(Registry& r) {
  TypePtr S = t::String();
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kReMatch,
                                     .args = {S, S},
                                     .result = t::Boolean(),
                                     .deprecated = true,
                                     .fn = Adapt<&Match>()}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kRegexFindAllStringSubmatchN,
                                     .args = {S, S, t::Number()},
                                     .result = t::ArrayOf(t::ArrayOfString()),
                                     .fn = &FindAllStringSubmatchN}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kRegexFindN,
                                     .args = {S, S, t::Number()},
                                     .result = t::ArrayOfString(),
                                     .fn = &FindN}));
  GOLDEN_RETURN_IF_ERROR(
      r.Register({.name = builtins::kRegexIsValid,
                  .args = {S},
                  .result = t::Boolean(),
                  // Anything that is not a valid pattern, strings or not, is false.
                  .check_arg_types = false,
                  .fn = Adapt<&IsValid>()}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kRegexMatch,
                                     .args = {S, S},
                                     .result = t::Boolean(),
                                     .fn = Adapt<&Match>()}));
  GOLDEN_RETURN_IF_ERROR(r.Register(
      {.name = builtins::kRegexReplace, .args = {S, S, S}, .result = S, .fn = Adapt<&Replace>()}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kRegexSplit,
                                     .args = {S, S},
                                     .result = t::ArrayOfString(),
                                     .fn = Adapt<&Split>()}));
  return r.Register({.name = builtins::kRegexTemplateMatch,
                     .args = {S, S, S, S},
                     .result = t::Boolean(),
                     .fn = &TemplateMatch});
}

}  // namespace golden::rego
