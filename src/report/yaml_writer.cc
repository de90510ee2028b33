#include "report/yaml_writer.h"

#include "base/check.h"
#include "base/strings.h"
#include "value/yaml.h"

namespace golden::report {

namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsPlainChar(char c) {
  return IsAsciiAlpha(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '/' ||
         c == '+' || c == '-';
}

// Conservative: a letter first (so no number, `.inf`, indicator or `~` in either YAML
// version), then letters, digits and . _ / + -, with single spaces between words, and a
// YAML 1.1 string (not yes/no/on/off/true/null in any case) that is not y/n (booleans to
// some 1.1 readers).
bool PlainIsSafe(std::string_view s) {
  if (s.empty() || !IsAsciiAlpha(s[0]) || s.back() == ' ') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ') {
      if (s[i - 1] == ' ') return false;
    } else if (!IsPlainChar(s[i])) {
      return false;
    }
  }
  if (s.size() == 1 && (s == "y" || s == "Y" || s == "n" || s == "N")) return false;
  return ResolveYamlScalar(s).IsString();
}

void AppendHex(std::string* out, char kind, uint32_t cp, int digits) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back('\\');
  out->push_back(kind);
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
    out->push_back(kHex[(cp >> shift) & 0xf]);
}

// Double-quoted: escapes for " and \, and for every character YAML does not allow printed
// (C0 and C1 controls, DEL, the BOM, U+FFFE/U+FFFF); other characters stay as UTF-8.
void AppendQuoted(std::string* out, std::string_view s) {
  out->push_back('"');
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    int32_t cp = DecodeUtf8(s, &pos);
    switch (cp) {
      case '"':
        out->append("\\\"");
        continue;
      case '\\':
        out->append("\\\\");
        continue;
      case '\n':
        out->append("\\n");
        continue;
      case '\t':
        out->append("\\t");
        continue;
      case '\r':
        out->append("\\r");
        continue;
      default:
        break;
    }
    if (cp < 0) {
      AppendHex(out, 'x', static_cast<unsigned char>(s[start]), 2);
    } else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xfeff || cp == 0xfffe ||
               cp == 0xffff) {
      AppendHex(out, 'u', static_cast<uint32_t>(cp), 4);
    } else {
      out->append(s.substr(start, pos - start));
    }
  }
  out->push_back('"');
}

}  // namespace

std::string YamlScalar(std::string_view s) {
  if (PlainIsSafe(s)) return std::string(s);
  std::string out;
  AppendQuoted(&out, s);
  return out;
}

void YamlWriter::BeginDocument() {
  GOLDEN_CHECK(stack_.empty());
  out_->append("---\n");
}

void YamlWriter::Comment(std::string_view text) {
  GOLDEN_CHECK(stack_.empty());
  out_->append("# ");
  for (char c : text) out_->push_back(c == '\n' || c == '\r' ? ' ' : c);
  out_->push_back('\n');
}

// Starts the next entry of the innermost container: ends the open `key:` line of a container
// that is a mapping value, and writes the dash of a sequence item.
void YamlWriter::BeforeItem() {
  Level& top = stack_.back();
  if (top.pending_newline) {
    out_->push_back('\n');
    top.pending_newline = false;
  }
  if (top.sequence) {
    out_->append(static_cast<size_t>(top.indent), ' ');
    out_->append("- ");
  } else if (top.inline_first) {
    top.inline_first = false;  // the first key follows its sequence dash
  } else {
    out_->append(static_cast<size_t>(top.indent), ' ');
  }
  top.has_items = true;
}

void YamlWriter::Scalar(std::string_view text) {
  if (after_key_) {
    after_key_ = false;
    out_->push_back(' ');
  } else {
    GOLDEN_CHECK(!stack_.empty() && stack_.back().sequence);
    BeforeItem();
  }
  out_->append(text);
  out_->push_back('\n');
}

void YamlWriter::Open(bool sequence) {
  Level level;
  level.sequence = sequence;
  if (after_key_) {
    // The value of a key: its entries start on the next line, indented.
    after_key_ = false;
    level.indent = stack_.back().indent + 2;
    level.pending_newline = true;
  } else if (!stack_.empty()) {
    // A sequence item: a mapping whose first key follows the dash.
    GOLDEN_CHECK(stack_.back().sequence && !sequence);
    BeforeItem();
    level.indent = stack_.back().indent + 2;
    level.inline_first = true;
  }
  stack_.push_back(level);
}

void YamlWriter::Close(bool sequence) {
  GOLDEN_CHECK(!stack_.empty() && stack_.back().sequence == sequence && !after_key_);
  Level level = stack_.back();
  stack_.pop_back();
  if (level.has_items) return;
  if (level.pending_newline) out_->push_back(' ');
  out_->append(sequence ? "[]\n" : "{}\n");
}

void YamlWriter::BeginMapping() { Open(false); }
void YamlWriter::EndMapping() { Close(false); }
void YamlWriter::BeginSequence() { Open(true); }
void YamlWriter::EndSequence() { Close(true); }

void YamlWriter::Key(std::string_view key) {
  GOLDEN_CHECK(!stack_.empty() && !stack_.back().sequence && !after_key_);
  BeforeItem();
  out_->append(YamlScalar(key));
  out_->push_back(':');
  after_key_ = true;
}

void YamlWriter::String(std::string_view s) { Scalar(YamlScalar(s)); }
void YamlWriter::Int(int64_t i) { Scalar(std::to_string(i)); }
void YamlWriter::Bool(bool b) { Scalar(b ? "true" : "false"); }

}  // namespace golden::report
