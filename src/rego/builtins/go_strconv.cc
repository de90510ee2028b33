#include "rego/builtins/go_strconv.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "rego/builtins/unicode.h"

namespace golden::rego {

// ---- strconv: quoting --------------------------------------------------------------------

namespace {

constexpr char kLowerHex[] = "0123456789abcdef";

void AppendEscapedRune(std::string* out, int32_t r, char quote, bool ascii_only) {
  if (r == quote || r == '\\') {
    out->push_back('\\');
    out->push_back(static_cast<char>(r));
    return;
  }
  if (ascii_only ? (r < 0x80 && unicode::IsPrint(r)) : unicode::IsPrint(r)) {
    unicode::AppendRune(out, r);
    return;
  }
  switch (r) {
    case '\a':
      out->append("\\a");
      return;
    case '\b':
      out->append("\\b");
      return;
    case '\f':
      out->append("\\f");
      return;
    case '\n':
      out->append("\\n");
      return;
    case '\r':
      out->append("\\r");
      return;
    case '\t':
      out->append("\\t");
      return;
    case '\v':
      out->append("\\v");
      return;
    default:
      break;
  }
  if (r < ' ' || r == 0x7f) {
    out->append("\\x");
    out->push_back(kLowerHex[(r >> 4) & 0xF]);
    out->push_back(kLowerHex[r & 0xF]);
  } else if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) {
    out->append("\\ufffd");
  } else if (r < 0x10000) {
    out->append("\\u");
    for (int s = 12; s >= 0; s -= 4) out->push_back(kLowerHex[(r >> s) & 0xF]);
  } else {
    out->append("\\U");
    for (int s = 28; s >= 0; s -= 4) out->push_back(kLowerHex[(r >> s) & 0xF]);
  }
}

}  // namespace

bool GoCanBackquote(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    int32_t r = unicode::DecodeRune(s, &pos);
    if (r == unicode::kReplacementChar && pos - start == 1) return false;  // invalid byte
    if (r == '`' || r == 0xFEFF) return false;
    if (r < ' ' && r != '\t') return false;
    if (r == 0x7f) return false;
  }
  return true;
}

std::string GoQuote(std::string_view s, bool ascii_only) {
  std::string out = "\"";
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    int32_t r = unicode::DecodeRune(s, &pos);
    if (r == unicode::kReplacementChar && pos - start == 1 &&
        static_cast<unsigned char>(s[start]) >= 0x80) {
      unsigned char c = static_cast<unsigned char>(s[start]);
      out.append("\\x");
      out.push_back(kLowerHex[c >> 4]);
      out.push_back(kLowerHex[c & 0xF]);
      continue;
    }
    AppendEscapedRune(&out, r, '"', ascii_only);
  }
  out.push_back('"');
  return out;
}

std::string GoQuoteRune(int32_t r, bool ascii_only) {
  if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = unicode::kReplacementChar;
  std::string out = "'";
  AppendEscapedRune(&out, r, '\'', ascii_only);
  out.push_back('\'');
  return out;
}

// ---- strconv: floats ---------------------------------------------------------------------

namespace {

// A decimal digit string d (no leading or trailing zeros; empty for zero) with the decimal
// point `dp` digits from its start, as Go's strconv keeps it.
struct Digits {
  std::string d;
  int dp = 0;
};

// Parses the mantissa digits and exponent of C's or to_chars' "d.ddde±x" rendering of |v|.
Digits FromScientific(std::string_view text) {
  Digits out;
  size_t e = text.find_first_of("eE");
  std::string_view mant = text.substr(0, e);
  int exp = std::atoi(std::string(text.substr(e + 1)).c_str());
  for (char c : mant) {
    if (c >= '0' && c <= '9') out.d.push_back(c);
  }
  while (!out.d.empty() && out.d.back() == '0') out.d.pop_back();
  size_t lead = out.d.find_first_not_of('0');
  if (lead == std::string::npos) return Digits{};  // zero
  out.d.erase(0, lead);
  out.dp = exp + 1;
  return out;
}

Digits ShortestDigits(double v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::scientific);
  return FromScientific(std::string_view(buf, static_cast<size_t>(res.ptr - buf)));
}

// |v| rounded to `n` significant digits (n >= 1).
Digits RoundedDigits(double v, int n) {
  char buf[512];
  int len = std::snprintf(buf, sizeof buf, "%.*e", n - 1, std::fabs(v));
  return FromScientific(std::string_view(buf, static_cast<size_t>(len)));
}

void AppendExponent(std::string* out, char e, int exp) {
  out->push_back(e);
  out->push_back(exp < 0 ? '-' : '+');
  exp = std::abs(exp);
  if (exp < 10) {
    out->push_back('0');
    out->push_back(static_cast<char>('0' + exp));
  } else {
    out->append(std::to_string(exp));
  }
}

// Go's fmtE: d.dddde±dd with `prec` digits after the point.
void FormatE(std::string* out, const Digits& digs, int prec, char e) {
  out->push_back(digs.d.empty() ? '0' : digs.d[0]);
  if (prec > 0) {
    out->push_back('.');
    int nd = static_cast<int>(digs.d.size());
    int i = 1;
    int m = std::min(nd, prec + 1);
    if (i < m) {
      out->append(digs.d, 1, static_cast<size_t>(m - 1));
      i = m;
    }
    for (; i <= prec; ++i) out->push_back('0');
  }
  AppendExponent(out, e, digs.d.empty() ? 0 : digs.dp - 1);
}

// Go's fmtF: ddd.ddd with `prec` digits after the point.
void FormatF(std::string* out, const Digits& digs, int prec) {
  int nd = static_cast<int>(digs.d.size());
  if (digs.dp > 0) {
    int m = std::min(nd, digs.dp);
    out->append(digs.d, 0, static_cast<size_t>(m));
    for (; m < digs.dp; ++m) out->push_back('0');
  } else {
    out->push_back('0');
  }
  if (prec > 0) {
    out->push_back('.');
    for (int i = 1; i <= prec; ++i) {
      int j = digs.dp + i - 1;
      out->push_back(j >= 0 && j < nd ? digs.d[static_cast<size_t>(j)] : '0');
    }
  }
}

// Go's %b for floats: decimal mantissa, 'p', binary exponent.
std::string FormatBinaryExponent(double v) {
  int exp = 0;
  double frac = std::frexp(std::fabs(v), &exp);
  int64_t mant = static_cast<int64_t>(std::ldexp(frac, 53));
  exp -= 53;
  if (v == 0) exp = -1074;  // Go prints 0p-1074
  std::string out = std::to_string(mant) + "p";
  if (exp >= 0) out.push_back('+');
  out.append(std::to_string(exp));
  return out;
}

// Go's %x for floats: -0x1.23abcp+20 (exponent in at least two digits).
std::string FormatHexFloat(double v, int prec, bool upper) {
  char buf[128];
  if (prec < 0) {
    std::snprintf(buf, sizeof buf, "%a", std::fabs(v));
  } else {
    std::snprintf(buf, sizeof buf, "%.*a", prec, std::fabs(v));
  }
  std::string s = buf;
  size_t p = s.find('p');
  std::string mant = s.substr(0, p);
  int exp = std::atoi(s.c_str() + p + 1);
  std::string out = mant;
  AppendExponent(&out, 'p', exp);
  if (upper) {
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

std::string GoFormatFloat(double v, char fmt, int prec) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  std::string out;
  if (std::signbit(v)) out.push_back('-');
  bool shortest = prec < 0;
  switch (fmt) {
    case 'e':
    case 'E': {
      Digits digs = shortest ? ShortestDigits(v) : RoundedDigits(v, prec + 1);
      if (shortest) prec = std::max(static_cast<int>(digs.d.size()) - 1, 0);
      FormatE(&out, digs, prec, fmt);
      return out;
    }
    case 'f':
    case 'F': {
      if (shortest) {
        Digits digs = ShortestDigits(v);
        FormatF(&out, digs, std::max(static_cast<int>(digs.d.size()) - digs.dp, 0));
        return out;
      }
      char buf[1100];
      std::snprintf(buf, sizeof buf, "%.*f", std::min(prec, 1000), std::fabs(v));
      out.append(buf);
      return out;
    }
    case 'g':
    case 'G': {
      if (prec == 0) prec = 1;
      Digits digs = shortest ? ShortestDigits(v) : RoundedDigits(v, prec);
      int nd = static_cast<int>(digs.d.size());
      if (shortest) prec = nd;
      int eprec = prec;
      if (eprec > nd && nd >= digs.dp) eprec = nd;
      if (shortest) eprec = 6;
      int exp = digs.dp - 1;
      if (nd == 0) exp = 0;
      if (exp < -4 || exp >= eprec) {
        if (prec > nd) prec = nd;
        FormatE(&out, digs, std::max(prec - 1, 0), fmt == 'g' ? 'e' : 'E');
        return out;
      }
      if (prec > digs.dp) prec = nd;
      FormatF(&out, digs, std::max(prec - digs.dp, 0));
      return out;
    }
    case 'b':
      return out + FormatBinaryExponent(v);
    case 'x':
    case 'X':
      return out + FormatHexFloat(v, prec, fmt == 'X');
    default:
      return "%" + std::string(1, fmt);
  }
}

std::string GoQueryEscape(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out.push_back(ch);
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace golden::rego
