#include "rego/builtins/regex_util.h"

#include <re2/re2.h>

#include "rego/builtins/registry.h"

namespace golden::rego {

namespace {

// Go's regexp/syntax error codes, by RE2 error code.
const char* GoErrorText(RE2::ErrorCode code) {
  switch (code) {
    case RE2::ErrorBadEscape:
      return "invalid escape sequence";
    case RE2::ErrorBadCharClass:
      return "invalid character class";
    case RE2::ErrorBadCharRange:
      return "invalid character class range";
    case RE2::ErrorMissingBracket:
      return "missing closing ]";
    case RE2::ErrorMissingParen:
      return "missing closing )";
    case RE2::ErrorUnexpectedParen:
      return "unexpected )";
    case RE2::ErrorTrailingBackslash:
      return "trailing backslash at end of expression";
    case RE2::ErrorRepeatArgument:
      return "missing argument to repetition operator";
    case RE2::ErrorRepeatSize:
      return "invalid repeat count";
    case RE2::ErrorRepeatOp:
      return "invalid nested repetition operator";
    case RE2::ErrorBadPerlOp:
      return "invalid or unsupported Perl syntax";
    case RE2::ErrorBadUTF8:
      return "invalid UTF-8";
    case RE2::ErrorBadNamedCapture:
      return "invalid named capture";
    case RE2::ErrorPatternTooLarge:
      return "expression too large";
    default:
      return "invalid regular expression";
  }
}

Status GoError(const char* what, std::string_view arg) {
  return InvalidArgument("error parsing regexp: " + std::string(what) + ": `" + std::string(arg) +
                         "`");
}

// RE2's spelling of a Go pattern. Go accepts (?<name>...) as well as (?P<name>...); RE2 (as
// packaged) only the latter. Go has no \C (any byte), which RE2 would accept.
Result<std::string> ToRe2Syntax(std::string_view p) {
  std::string out;
  out.reserve(p.size());
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      char e = p[i + 1];
      if (e == 'Q') {  // \Q...\E is literal text
        size_t end = p.find("\\E", i + 2);
        size_t stop = end == std::string_view::npos ? p.size() : end + 2;
        out.append(p.substr(i, stop - i));
        i = stop - 1;
        continue;
      }
      if (e == 'C' && !in_class) return GoError("invalid escape sequence", "\\C");
      out.push_back(c);
      out.push_back(e);
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      if (c == '[' && p.substr(i).starts_with("[:")) {
        size_t end = p.find(":]", i + 2);
        if (end != std::string_view::npos) {
          out.append(p.substr(i, end + 2 - i));
          i = end + 1;
          continue;
        }
      }
      out.push_back(c);
      continue;
    }
    if (c == '[') {
      in_class = true;
      out.push_back(c);
      // A ']' right after '[' or '[^' is a member, not the end of the class.
      if (i + 1 < p.size() && p[i + 1] == '^') out.push_back(p[++i]);
      if (i + 1 < p.size() && p[i + 1] == ']') out.push_back(p[++i]);
      continue;
    }
    if (c == '(' && p.substr(i).starts_with("(?<") && i + 3 < p.size() && p[i + 3] != '=' &&
        p[i + 3] != '!') {
      out.append("(?P<");
      i += 2;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

RE2::Options GoOptions() {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(int64_t{64} << 20);
  return opts;
}

Result<std::shared_ptr<const RE2>> Build(std::string_view pattern) {
  GOLDEN_ASSIGN_OR_RETURN(std::string re2_pattern, ToRe2Syntax(pattern));
  auto re = std::make_shared<const RE2>(re2_pattern, GoOptions());
  if (!re->ok()) {
    return GoError(GoErrorText(re->error_code()),
                   re->error_arg().empty() ? std::string(pattern) : re->error_arg());
  }
  return std::shared_ptr<const RE2>(re);
}

}  // namespace

Status ValidateGoRegex(std::string_view pattern) {
  Result<std::shared_ptr<const RE2>> re = Build(pattern);
  return re.ok() ? Status::Ok() : re.status();
}

Result<std::shared_ptr<const RE2>> CompileGoRegex(SharedCache* cache, std::string_view pattern) {
  if (cache == nullptr) return Build(pattern);
  Status error;
  std::shared_ptr<const void> entry =
      cache->GetOrCreate("regex:" + std::string(pattern), [&]() -> std::shared_ptr<const void> {
        Result<std::shared_ptr<const RE2>> re = Build(pattern);
        if (!re.ok()) {
          error = re.status();
          return nullptr;
        }
        return std::move(re).value();
      });
  if (!entry) return error.ok() ? Internal("regex cache failure") : error;
  return std::static_pointer_cast<const RE2>(entry);
}

}  // namespace golden::rego
