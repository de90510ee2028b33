// glob.match and glob.quote_meta, with the glob syntax of the library OPA uses
// (github.com/gobwas/glob): `*` any run of non-delimiter characters, `**` any run at all, `?`
// one non-delimiter character, [abc], [!abc], [a-z], [!a-z] one character, {a,b,...} one of
// the alternatives, `\` escapes. A pattern compiles to an RE2 expression, so matching is
// linear in the input; compiled patterns are kept in the policy's SharedCache.

#include <re2/re2.h>

#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"
#include "rego/builtins/regex_util.h"
#include "rego/builtins/unicode.h"

namespace golden::rego {

namespace {

constexpr std::string_view kSpecials = "*?\\[]{}";

std::string RuneClassItem(int32_t r) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x{%X}", static_cast<unsigned>(r));
  return buf;
}

// Translates a glob into an RE2 expression, following the library's lexer and parser (including
// what it tolerates: an unclosed `{` closes at the end, `}` and `,` outside braces are text).
class GlobCompiler {
 public:
  GlobCompiler(std::string_view pattern, const std::vector<int32_t>& delimiters)
      : p_(pattern), delims_(delimiters) {}

  Result<std::string> Compile() {
    std::string out = "(?s:";
    int open_terms = 0;
    while (pos_ < p_.size()) {
      char c = p_[pos_];
      if (c == '{') {
        ++pos_;
        ++open_terms;
        out += "(?:";
      } else if (c == ',' && open_terms > 0) {
        ++pos_;
        out += "|";
      } else if (c == '}' && open_terms > 0) {
        ++pos_;
        --open_terms;
        out += ")";
      } else if (c == '[') {
        ++pos_;
        GOLDEN_ASSIGN_OR_RETURN(std::string cls, Range());
        out += cls;
      } else if (c == '?') {
        ++pos_;
        out += NonDelimiter();
      } else if (c == '*') {
        ++pos_;
        if (pos_ < p_.size() && p_[pos_] == '*') {
          ++pos_;
          out += ".*";
        } else {
          out += NonDelimiter() + "*";
        }
      } else {
        out += RE2::QuoteMeta(Text(open_terms > 0 ? "?*[{}," : "?*[{"));
      }
    }
    for (; open_terms > 0; --open_terms) out += ")";
    return out + ")";
  }

 private:
  // `?` and `*` stop at delimiters.
  std::string NonDelimiter() const {
    if (delims_.empty()) return ".";
    std::string cls = "[^";
    for (int32_t d : delims_) cls += RuneClassItem(d);
    return cls + "]";
  }

  // Literal text up to the next special character, with escapes resolved.
  std::string Text(std::string_view breakers) {
    std::string text;
    while (pos_ < p_.size()) {
      char c = p_[pos_];
      if (c == '\\') {
        ++pos_;
        if (pos_ >= p_.size()) break;  // a trailing backslash is dropped
        size_t start = pos_;
        unicode::DecodeRune(p_, &pos_);
        text.append(p_.substr(start, pos_ - start));
        continue;
      }
      if (breakers.find(c) != std::string_view::npos) break;
      size_t start = pos_;
      unicode::DecodeRune(p_, &pos_);
      text.append(p_.substr(start, pos_ - start));
    }
    return text;
  }

  // After '[': "!"? then "lo-hi" or a list of characters, then ']'.
  Result<std::string> Range() {
    bool negated = false;
    if (pos_ < p_.size() && p_[pos_] == '!') {
      negated = true;
      ++pos_;
    }
    if (pos_ >= p_.size()) return InvalidArgument("unexpected end of input");
    std::string cls = negated ? "[^" : "[";
    size_t probe = pos_;
    int32_t lo = unicode::DecodeRune(p_, &probe);
    if (probe < p_.size() && p_[probe] == '-') {
      pos_ = probe + 1;
      if (pos_ >= p_.size()) return InvalidArgument("unexpected end of input");
      int32_t hi = unicode::DecodeRune(p_, &pos_);
      if (pos_ >= p_.size()) return InvalidArgument("unexpected end of input");
      if (p_[pos_] != ']') return InvalidArgument("expected close range character");
      ++pos_;
      if (hi < lo) {
        std::string h, l;
        unicode::AppendRune(&h, hi);
        unicode::AppendRune(&l, lo);
        return InvalidArgument("hi character '" + h + "' should be greater than lo '" + l + "'");
      }
      return cls + RuneClassItem(lo) + "-" + RuneClassItem(hi) + "]";
    }
    std::string chars = Text("]");
    if (pos_ >= p_.size()) return InvalidArgument("unexpected end of input");
    ++pos_;  // ']'
    if (chars.empty()) return InvalidArgument("could not parse range");
    for (size_t k = 0; k < chars.size();) cls += RuneClassItem(unicode::DecodeRune(chars, &k));
    return cls + "]";
  }

  std::string_view p_;
  const std::vector<int32_t>& delims_;
  size_t pos_ = 0;
};

Result<std::shared_ptr<const RE2>> CompileGlob(SharedCache* cache, std::string_view pattern,
                                               const std::vector<int32_t>& delimiters) {
  GOLDEN_ASSIGN_OR_RETURN(std::string expr, GlobCompiler(pattern, delimiters).Compile());
  return CompileGoRegex(cache, expr);
}

BuiltinResult Match(BuiltinContext& ctx, std::span<const Value> args) {
  std::string_view pattern = args[0].GetString();
  const Value& delims = args[1];
  std::vector<int32_t> delimiters;
  if (delims.IsArray()) {
    for (const Value& d : delims.GetArray()) {
      if (!d.IsString()) return OperandElementError(2, delims, d, {"string"});
      std::string_view s = d.GetString();
      size_t pos = 0;
      int32_t r = s.empty() ? -1 : unicode::DecodeRune(s, &pos);
      if (s.empty() || pos != s.size()) return OperandElementError(2, delims, d, {"rune"});
      delimiters.push_back(r);
    }
    if (delimiters.empty()) delimiters.push_back('.');  // the default delimiter
  }
  Result<std::shared_ptr<const RE2>> re = CompileGlob(ctx.shared, pattern, delimiters);
  if (!re.ok()) return BuiltinResult::Error(re.status().message());
  std::string_view text = args[2].GetString();
  return Value::Bool(RE2::FullMatch(re2::StringPiece(text.data(), text.size()), **re));
}

std::string QuoteMeta(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (kSpecials.find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

}  // namespace

Status RegisterGlobBuiltins(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(
      r.Register({.name = builtins::kGlobMatch,
                  .args = {t::String(), t::AnyOf({t::ArrayOfString(), t::Null()}), t::String()},
                  .result = t::Boolean(),
                  .operand_expect = {"", "one of {array, null}"},
                  .fn = &Match}));
  return r.Register({.name = builtins::kGlobQuoteMeta,
                     .args = {t::String()},
                     .result = t::String(),
                     .fn = Adapt<&QuoteMeta>()});
}

}  // namespace golden::rego
