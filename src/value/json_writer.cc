#include <array>
#include <cstdint>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/strings.h"
#include "value/json.h"

namespace golden {

namespace {

void AppendHex4(std::string* out, uint32_t u) {
  static const char kHex[] = "0123456789abcdef";
  out->append("\\u");
  for (int shift = 12; shift >= 0; shift -= 4) out->push_back(kHex[(u >> shift) & 15]);
}

// What a byte of a string needs: kNeedsEscape for control characters, '"', '\\' and everything
// outside printable ASCII (escaped, or checked as UTF-8); kHtml for '<', '>' and '&'.
constexpr uint8_t kNeedsEscape = 1;
constexpr uint8_t kHtml = 2;
constexpr auto kByteClass = [] {
  std::array<uint8_t, 256> c{};
  for (int b = 0; b < 256; ++b) {
    if (b < 0x20 || b >= 0x7f || b == '"' || b == '\\') c[b] = kNeedsEscape;
    if (b == '<' || b == '>' || b == '&') c[b] = kHtml;
  }
  return c;
}();

// Where the run of bytes from `i` that need no escape ends, or a position before it: skips
// 16 bytes at a time while none of them is a control character, '"', '\\', DEL or non-ASCII
// (nor '<', '>', '&' with `html`). JSON reports and checkpoints are mostly such text.
size_t PlainRunEnd(std::string_view s, size_t i, bool html) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7f);
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  const __m128i lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'), amp = _mm_set1_epi8('&');
  while (i + 16 <= s.size()) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    // A signed compare: bytes >= 0x80 are negative, so "< 0x20" catches them too.
    __m128i bad = _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del));
    bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    if (html) {
      bad = _mm_or_si128(bad,
                         _mm_or_si128(_mm_cmpeq_epi8(v, lt),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_cmpeq_epi8(v, amp))));
    }
    if (_mm_movemask_epi8(bad) != 0) break;  // the byte loop finds which one
    i += 16;
  }
#else
  (void)html;
#endif
  return i;
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
  const uint8_t stop = style.escape_html ? (kNeedsEscape | kHtml) : kNeedsEscape;
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    // Most text needs no escape at all: copy such runs whole.
    size_t run = PlainRunEnd(s, i, style.escape_html);
    while (run < s.size() && (kByteClass[static_cast<unsigned char>(s[run])] & stop) == 0) ++run;
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

void AppendJsonPointerToken(std::string* out, std::string_view key) {
  while (true) {
    size_t special = key.find_first_of("~/");
    out->append(key.substr(0, special));
    if (special == std::string_view::npos) return;
    out->append(key[special] == '~' ? "~0" : "~1");
    key.remove_prefix(special + 1);
  }
}

std::string JsonPointerToken(std::string_view key) {
  std::string out;
  AppendJsonPointerToken(&out, key);
  return out;
}

}  // namespace golden
