#include "rego/builtins/yaml_emitter.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "rego/builtins/go_fmt.h"
#include "rego/builtins/unicode.h"
#include "value/json.h"
#include "value/yaml.h"

namespace golden::rego {

namespace {

constexpr int kBestWidth = 80;  // go-yaml's line width
constexpr size_t kMaxSimpleKey = 128;

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// go-yaml's isBase60Float: [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?
bool LooksLikeBase60(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
  int groups = 0;
  while (i < s.size() && s[i] == ':') {
    ++i;
    size_t start = i;
    while (i < s.size() && i - start < 2 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == start || (i - start == 2 && s[start] > '5')) return false;
    ++groups;
  }
  if (groups == 0) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
  }
  return i == s.size();
}

// True when go-yaml v2 reads the plain scalar `s` back as the same string, so it may be
// written without quotes (its encoder also quotes what looks like a base-60 number).
bool ResolvesToString(std::string_view s) { return GoYamlPlainIsString(s) && !LooksLikeBase60(s); }

// What libyaml's emitter allows for a scalar (yaml_emitter_analyze_scalar).
struct ScalarAnalysis {
  bool multiline = false;
  bool block_plain_allowed = true;
  bool single_quoted_allowed = true;
  bool block_allowed = true;
};

bool IsYamlPrintable(int32_t r) {
  return r == '\n' || (r >= 0x20 && r <= 0x7E) || (r >= 0xA0 && r <= 0xD7FF) ||
         (r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF);
}

bool IsBreak(int32_t r) {
  return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029;
}

ScalarAnalysis Analyze(std::string_view s) {
  ScalarAnalysis a;
  if (s.empty()) {
    a.block_allowed = false;
    return a;
  }
  bool block_indicators = s.starts_with("---") || s.starts_with("...");
  bool special = false, leading_space = false, leading_break = false, trailing_space = false;
  bool trailing_break = false, break_space = false, space_break = false, line_breaks = false;
  bool preceded_by_ws = true, prev_space = false, prev_break = false;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    int32_t r = unicode::DecodeRune(s, &i);
    bool last = i >= s.size();
    bool followed_by_ws = last || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
    if (start == 0) {
      if (std::string_view("#,[]{}&*!|>'\"%@`").find(static_cast<char>(r)) !=
              std::string_view::npos &&
          r < 0x80) {
        block_indicators = true;
      } else if ((r == '?' || r == ':' || r == '-') && followed_by_ws) {
        block_indicators = true;
      }
    } else if ((r == ':' && followed_by_ws) || (r == '#' && preceded_by_ws)) {
      block_indicators = true;
    }
    if (!IsYamlPrintable(r)) special = true;
    if (r == ' ') {
      if (start == 0) leading_space = true;
      if (last) trailing_space = true;
      if (prev_break) break_space = true;
      prev_space = true;
      prev_break = false;
    } else if (IsBreak(r)) {
      line_breaks = true;
      if (start == 0) leading_break = true;
      if (last) trailing_break = true;
      if (prev_space) space_break = true;
      prev_space = false;
      prev_break = true;
    } else {
      prev_space = prev_break = false;
    }
    preceded_by_ws = r == ' ' || r == '\t' || IsBreak(r);
  }
  a.multiline = line_breaks;
  if (leading_space || leading_break || trailing_space || trailing_break)
    a.block_plain_allowed = false;
  if (trailing_space) a.block_allowed = false;
  if (break_space) a.block_plain_allowed = a.single_quoted_allowed = false;
  if (space_break || special)
    a.block_plain_allowed = a.single_quoted_allowed = a.block_allowed = false;
  if (line_breaks) a.block_plain_allowed = false;
  if (block_indicators) a.block_plain_allowed = false;
  return a;
}

// The text of a number after go-yaml v2 re-reads OPA's JSON: an int, a uint64, a float64 in
// strconv's shortest 'g' form, or (out of float range) the digits as a string.
std::string NumberText(const Number& n) {
  std::string text = n.ToString();
  bool neg = text[0] == '-';
  std::string_view digits = std::string_view(text).substr(neg ? 1 : 0);
  if (IsDigits(digits)) {
    uint64_t u = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), u);
    if (ec == std::errc() && (!neg || u <= (uint64_t{1} << 63))) {
      if (neg) return u == 0 ? "0" : "-" + std::to_string(u);
      return std::to_string(u);
    }
  }
  errno = 0;
  double d = std::strtod(text.c_str(), nullptr);
  if (errno == ERANGE && std::isinf(d)) return text;
  return GoFormatFloat(d, 'g', -1);
}

class Emitter {
 public:
  std::string Take() { return std::move(out_); }

  void Document(const Value& v) {
    if (IsEmptyCollection(v)) {
      Write(v.IsObject() ? "{}" : "[]");
    } else if (v.IsObject()) {
      Mapping(v, 0);
    } else if (v.IsArray() || v.IsSet()) {
      Sequence(v, 0);
    } else {
      Scalar(v, 2, /*simple_key=*/false);
    }
    if (column_ > 0) Write("\n");
  }

 private:
  static bool IsEmptyCollection(const Value& v) { return v.IsCollection() && v.Size() == 0; }

  // Writes text, tracking libyaml's column, "whitespace" (the last character was a space or
  // a line break) and "indention" (only indentation and indicators since the line began).
  void Write(std::string_view s, bool indicator = false) {
    for (size_t i = 0; i < s.size();) {
      if (s[i] == '\n') {
        out_.push_back('\n');
        column_ = 0;
        whitespace_ = indention_ = true;
        ++i;
        continue;
      }
      size_t start = i;
      unicode::DecodeRune(s, &i);
      out_.append(s.substr(start, i - start));
      ++column_;
      whitespace_ = s[start] == ' ';
      if (!indicator && s[start] != ' ') indention_ = false;
    }
  }

  // libyaml's write_indent: a line break unless only indentation precedes, then spaces.
  void Indent(int indent) {
    if (!indention_ || column_ > indent || (column_ == indent && !whitespace_)) Write("\n");
    while (column_ < indent) {
      out_.push_back(' ');
      ++column_;
    }
    whitespace_ = true;
  }

  // Natural order with letters first, as go-yaml v2 sorts mapping keys.
  static bool KeyLess(const std::string& a, const std::string& b) {
    std::vector<int32_t> ar, br;
    for (size_t p = 0; p < a.size();) ar.push_back(unicode::DecodeRune(a, &p));
    for (size_t p = 0; p < b.size();) br.push_back(unicode::DecodeRune(b, &p));
    for (size_t i = 0; i < ar.size() && i < br.size(); ++i) {
      if (ar[i] == br[i]) continue;
      bool al = unicode::IsLetter(ar[i]), bl = unicode::IsLetter(br[i]);
      if (al && bl) return ar[i] < br[i];
      if (al || bl) return bl;
      int64_t an = 0, bn = 0;
      if (ar[i] == '0' || br[i] == '0') {
        for (size_t j = i; j-- > 0 && unicode::IsDigit(ar[j]);) {
          if (ar[j] != '0') {
            an = bn = 1;
            break;
          }
        }
      }
      size_t ai = i, bi = i;
      for (; ai < ar.size() && unicode::IsDigit(ar[ai]); ++ai) an = an * 10 + (ar[ai] - '0');
      for (; bi < br.size() && unicode::IsDigit(br[bi]); ++bi) bn = bn * 10 + (br[bi] - '0');
      if (an != bn) return an < bn;
      if (ai != bi) return ai < bi;
      return ar[i] < br[i];
    }
    return ar.size() < br.size();
  }

  void Mapping(const Value& v, int indent) {
    std::vector<std::pair<std::string, const Value*>> entries;
    for (const auto& e : v.GetObject()) {
      entries.emplace_back(e.key.IsString() ? std::string(e.key.GetString()) : ToJson(e.key),
                           &e.value);
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return KeyLess(a.first, b.first); });
    for (const auto& [key, value] : entries) {
      Indent(indent);
      bool simple = key.size() <= kMaxSimpleKey && !Analyze(key).multiline;
      if (!simple) {
        Write("?", /*indicator=*/true);
        Write(" ");
        String(key, indent + 2, /*simple_key=*/false);
        Indent(indent);
      }
      if (simple) String(key, indent + 2, /*simple_key=*/true);
      Write(":", /*indicator=*/true);
      Node(*value, indent, /*in_mapping=*/true);
    }
  }

  void Sequence(const Value& v, int indent) {
    for (const Value& item : v.IsArray() ? v.GetArray() : v.GetSet()) {
      Indent(indent);
      Write("-", /*indicator=*/true);
      Node(item, indent, /*in_mapping=*/false);
    }
  }

  // A value after "key:" or "-": a nested collection (on the next line after a key, on the
  // same line after a "-"; a sequence in a mapping is not indented), or a scalar or empty
  // collection after a space.
  void Node(const Value& v, int indent, bool in_mapping) {
    if (IsEmptyCollection(v)) {
      Write(" ");
      Write(v.IsObject() ? "{}" : "[]");
    } else if (v.IsObject()) {
      Mapping(v, indent + 2);
    } else if (v.IsArray() || v.IsSet()) {
      Sequence(v, in_mapping ? indent : indent + 2);
    } else {
      Write(" ");
      Scalar(v, indent + 2, /*simple_key=*/false);
    }
  }

  void Scalar(const Value& v, int indent, bool simple_key) {
    switch (v.kind()) {
      case Value::Kind::kNull:
        Write("null");
        return;
      case Value::Kind::kBool:
        Write(v.GetBool() ? "true" : "false");
        return;
      case Value::Kind::kNumber:
        Write(NumberText(v.GetNumber()));  // numbers are always plain
        return;
      case Value::Kind::kString:
        String(v.GetString(), indent, simple_key);
        return;
      default:
        return;
    }
  }

  // go-yaml's choice of style for a string, then libyaml's writers.
  void String(std::string_view s, int indent, bool simple_key) {
    ScalarAnalysis a = Analyze(s);
    enum class Style { kPlain, kSingle, kDouble, kLiteral } style;
    if (s.find('\n') != std::string_view::npos) {
      style = Style::kLiteral;
    } else if (ResolvesToString(s)) {
      style = Style::kPlain;
    } else {
      style = Style::kDouble;
    }
    if (simple_key && a.multiline) style = Style::kDouble;
    if (style == Style::kPlain && (!a.block_plain_allowed || (s.empty() && simple_key))) {
      style = Style::kSingle;
    }
    if (style == Style::kSingle && !a.single_quoted_allowed) style = Style::kDouble;
    if (style == Style::kLiteral && (!a.block_allowed || simple_key)) style = Style::kDouble;
    bool breaks = !simple_key;
    switch (style) {
      case Style::kPlain:
        PlainOrSingle(s, indent, breaks, /*quoted=*/false);
        return;
      case Style::kSingle:
        PlainOrSingle(s, indent, breaks, /*quoted=*/true);
        return;
      case Style::kDouble:
        Double(s, indent, breaks);
        return;
      case Style::kLiteral:
        Literal(s, indent);
        return;
    }
  }

  // libyaml's plain and single-quoted writers: a single space past the line width becomes a
  // line break (a plain scalar may break before its last character, a quoted one may not).
  void PlainOrSingle(std::string_view s, int indent, bool breaks, bool quoted) {
    if (quoted) Write("'");
    bool spaces = false;
    for (size_t i = 0; i < s.size();) {
      if (s[i] == ' ') {
        bool inner = !quoted || (i != 0 && i != s.size() - 1);
        if (breaks && !spaces && column_ > kBestWidth && inner &&
            (i + 1 >= s.size() || s[i + 1] != ' ')) {
          Write("\n");
          Indent(indent);
        } else {
          Write(" ");
        }
        ++i;
        spaces = true;
        continue;
      }
      if (quoted && s[i] == '\'') Write("'");
      size_t start = i;
      unicode::DecodeRune(s, &i);
      Write(s.substr(start, i - start));
      spaces = false;
    }
    if (quoted) Write("'");
  }

  void Double(std::string_view s, int indent, bool breaks) {
    static const char kHex[] = "0123456789ABCDEF";
    Write("\"");
    bool spaces = false;
    for (size_t i = 0; i < s.size();) {
      size_t start = i;
      int32_t r = unicode::DecodeRune(s, &i);
      if (!IsYamlPrintable(r) || r == 0xFEFF || IsBreak(r) || r == '"' || r == '\\') {
        std::string esc = "\\";
        switch (r) {
          case 0x00:
            esc += '0';
            break;
          case 0x07:
            esc += 'a';
            break;
          case 0x08:
            esc += 'b';
            break;
          case 0x09:
            esc += 't';
            break;
          case 0x0A:
            esc += 'n';
            break;
          case 0x0B:
            esc += 'v';
            break;
          case 0x0C:
            esc += 'f';
            break;
          case 0x0D:
            esc += 'r';
            break;
          case 0x1B:
            esc += 'e';
            break;
          case '"':
            esc += '"';
            break;
          case '\\':
            esc += '\\';
            break;
          case 0x85:
            esc += 'N';
            break;
          case 0xA0:
            esc += '_';
            break;
          case 0x2028:
            esc += 'L';
            break;
          case 0x2029:
            esc += 'P';
            break;
          default: {
            int digits = r <= 0xFF ? 2 : (r <= 0xFFFF ? 4 : 8);
            esc += r <= 0xFF ? 'x' : (r <= 0xFFFF ? 'u' : 'U');
            for (int k = digits - 1; k >= 0; --k) esc += kHex[(r >> (4 * k)) & 0xF];
          }
        }
        Write(esc);
        spaces = false;
      } else if (r == ' ') {
        if (breaks && !spaces && column_ > kBestWidth && start != 0 && i != s.size()) {
          Write("\n");
          Indent(indent);
          if (i < s.size() && s[i] == ' ') Write("\\");
        } else {
          Write(" ");
        }
        spaces = true;
      } else {
        Write(s.substr(start, i - start));
        spaces = false;
      }
    }
    Write("\"");
  }

  // "|" with libyaml's hints: an indentation digit when the text starts with a space or line
  // break, "-" without a final line break, "+" when more than one ends it.
  void Literal(std::string_view s, int indent) {
    std::string header = "|";
    if (!s.empty() && (s[0] == ' ' || s[0] == '\n')) header += "2";
    if (s.empty() || s.back() != '\n') {
      header += "-";
    } else if (s.size() == 1 || s[s.size() - 2] == '\n') {
      header += "+";
    }
    Write(header, /*indicator=*/true);
    Write("\n");
    size_t start = 0;
    while (start < s.size()) {
      size_t nl = s.find('\n', start);
      std::string_view line = s.substr(start, nl == s.npos ? s.npos : nl - start);
      if (!line.empty()) {
        Indent(indent);
        Write(line);
      }
      if (nl == s.npos) break;
      Write("\n");
      start = nl + 1;
    }
  }

  std::string out_;
  int column_ = 0;
  bool whitespace_ = true;
  bool indention_ = true;
};

}  // namespace

std::string EmitGoYaml(const Value& v) {
  Emitter e;
  e.Document(v);
  return e.Take();
}

}  // namespace golden::rego
