#include "rego/builtins/unicode.h"

#include <unicode/uchar.h>

#include "base/strings.h"

namespace golden::rego::unicode {

int32_t ToUpper(int32_t cp) { return u_toupper(cp); }
int32_t ToLower(int32_t cp) { return u_tolower(cp); }

namespace {

template <typename Map>
std::string MapRunes(std::string_view s, Map map) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {  // ASCII fast path
      out.push_back(static_cast<char>(map(c)));
      ++pos;
      continue;
    }
    AppendRune(&out, map(DecodeRune(s, &pos)));
  }
  return out;
}

}  // namespace

std::string ToUpper(std::string_view s) {
  return MapRunes(s, [](int32_t cp) { return ToUpper(cp); });
}

std::string ToLower(std::string_view s) {
  return MapRunes(s, [](int32_t cp) { return ToLower(cp); });
}

bool IsSpace(int32_t cp) {
  switch (cp) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
      return true;
    default:
      return cp > 0xFF && u_isUWhiteSpace(cp);
  }
}

bool IsPrint(int32_t cp) {
  if (cp == ' ') return true;
  switch (u_charType(cp)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
    case U_CONNECTOR_PUNCTUATION:
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
      return true;
    default:
      return false;
  }
}

bool IsLetter(int32_t cp) {
  int8_t type = u_charType(cp);
  return type >= U_UPPERCASE_LETTER && type <= U_OTHER_LETTER;
}

bool IsDigit(int32_t cp) { return u_charType(cp) == U_DECIMAL_DIGIT_NUMBER; }

int32_t DecodeRune(std::string_view s, size_t* pos) {
  int32_t cp = DecodeUtf8(s, pos);
  return cp < 0 ? kReplacementChar : cp;
}

void AppendRune(std::string* out, int32_t cp) {
  if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
  AppendUtf8(out, static_cast<uint32_t>(cp));
}

}  // namespace golden::rego::unicode
