#include <string>

#include "base/strings.h"
#include "value/json.h"

namespace golden {

namespace {

void AppendHex4(std::string* out, uint32_t u) {
  static const char kHex[] = "0123456789abcdef";
  out->append("\\u");
  for (int shift = 12; shift >= 0; shift -= 4) out->push_back(kHex[(u >> shift) & 15]);
}

void Newline(std::string* out, const JsonStyle& style, int level) {
  out->push_back('\n');
  out->append(static_cast<size_t>(style.indent * level), ' ');
}

void Write(std::string* out, const Value& v, const JsonStyle& style, int level);

void WriteKey(std::string* out, const Value& key, const JsonStyle& style) {
  if (key.IsString()) {
    AppendJsonString(out, key.GetString(), style);
  } else {
    std::string text;
    JsonStyle compact = style;
    compact.indent = 0;
    Write(&text, key, compact, 0);
    AppendJsonString(out, text, style);
  }
}

template <typename Items, typename Fn>
void WriteSeq(std::string* out, char open, char close, const Items& items, const JsonStyle& style,
              int level, Fn each) {
  out->push_back(open);
  if (items.empty()) {
    out->push_back(close);
    return;
  }
  bool first = true;
  for (const auto& item : items) {
    if (!first) {
      out->push_back(',');
      if (style.indent == 0 && style.spaced) out->push_back(' ');
    }
    first = false;
    if (style.indent > 0) Newline(out, style, level + 1);
    each(item);
  }
  if (style.indent > 0) Newline(out, style, level);
  out->push_back(close);
}

void Write(std::string* out, const Value& v, const JsonStyle& style, int level) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      out->append("null");
      return;
    case Value::Kind::kBool:
      out->append(v.GetBool() ? "true" : "false");
      return;
    case Value::Kind::kNumber:
      out->append(v.GetNumber().ToString());
      return;
    case Value::Kind::kString:
      AppendJsonString(out, v.GetString(), style);
      return;
    case Value::Kind::kArray:
      WriteSeq(out, '[', ']', v.GetArray(), style, level,
               [&](const Value& item) { Write(out, item, style, level + 1); });
      return;
    case Value::Kind::kSet:
      WriteSeq(out, '[', ']', v.GetSet(), style, level,
               [&](const Value& item) { Write(out, item, style, level + 1); });
      return;
    case Value::Kind::kObject:
      WriteSeq(out, '{', '}', v.GetObject(), style, level, [&](const Value::Entry& e) {
        WriteKey(out, e.key, style);
        out->push_back(':');
        if (style.indent > 0 || style.spaced) out->push_back(' ');
        Write(out, e.value, style, level + 1);
      });
      return;
  }
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view s, const JsonStyle& style) {
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    // Most text needs no escape at all: copy such runs whole.
    size_t run = i;
    while (run < s.size()) {
      unsigned char r = static_cast<unsigned char>(s[run]);
      if (r < 0x20 || r >= 0x7f || r == '"' || r == '\\' ||
          (style.escape_html && (r == '<' || r == '>' || r == '&'))) {
        break;
      }
      ++run;
    }
    if (run > i) {
      out->append(s.data() + i, run - i);
      i = run;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      switch (c) {
        case '"':
          out->append("\\\"");
          break;
        case '\\':
          out->append("\\\\");
          break;
        case '\n':
          out->append("\\n");
          break;
        case '\r':
          out->append("\\r");
          break;
        case '\t':
          out->append("\\t");
          break;
        case '\b':
          out->append("\\b");
          break;
        case '\f':
          out->append("\\f");
          break;
        case '<':
        case '>':
        case '&':
          if (style.escape_html) {
            AppendHex4(out, c);
          } else {
            out->push_back(static_cast<char>(c));
          }
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            if (c == 0x7f && !style.ascii) {
              out->push_back(static_cast<char>(c));
            } else {
              AppendHex4(out, c);
            }
          } else {
            out->push_back(static_cast<char>(c));
          }
      }
      continue;
    }
    size_t start = i;
    int32_t cp = DecodeUtf8(s, &i);
    if (cp < 0) {
      out->append("\\ufffd");  // invalid UTF-8 becomes U+FFFD, as Go's encoder does
      continue;
    }
    if (style.ascii) {
      if (cp >= 0x10000) {
        uint32_t u = static_cast<uint32_t>(cp) - 0x10000;
        AppendHex4(out, 0xD800 + (u >> 10));
        AppendHex4(out, 0xDC00 + (u & 0x3FF));
      } else {
        AppendHex4(out, static_cast<uint32_t>(cp));
      }
    } else if (cp == 0x2028 || cp == 0x2029) {
      AppendHex4(out, static_cast<uint32_t>(cp));
    } else {
      out->append(s.substr(start, i - start));
    }
  }
  out->push_back('"');
}

void AppendJson(std::string* out, const Value& v, const JsonStyle& style) {
  Write(out, v, style, 0);
}

std::string ToJson(const Value& v, const JsonStyle& style) {
  std::string out;
  Write(&out, v, style, 0);
  return out;
}

std::string JsonPointerToken(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace golden
