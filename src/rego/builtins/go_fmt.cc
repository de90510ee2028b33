#include "rego/builtins/go_fmt.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <tuple>

#include "rego/builtins/unicode.h"

namespace golden::rego {

GoValue GoValue::Bool(bool v) {
  GoValue g;
  g.kind = Kind::kBool;
  g.b = v;
  return g;
}
GoValue GoValue::Int(int64_t v) {
  GoValue g;
  g.kind = Kind::kInt;
  g.i = v;
  return g;
}
GoValue GoValue::BigInt(std::string decimal) {
  GoValue g;
  g.kind = Kind::kBigInt;
  g.s = std::move(decimal);
  return g;
}
GoValue GoValue::Float(double v) {
  GoValue g;
  g.kind = Kind::kFloat;
  g.f = v;
  return g;
}
GoValue GoValue::String(std::string v) {
  GoValue g;
  g.kind = Kind::kString;
  g.s = std::move(v);
  return g;
}
GoValue GoValue::JsonNumber(std::string v) {
  GoValue g;
  g.kind = Kind::kJsonNumber;
  g.s = std::move(v);
  return g;
}
GoValue GoValue::Slice(std::vector<GoValue> v) {
  GoValue g;
  g.kind = Kind::kSlice;
  g.items = std::move(v);
  return g;
}
GoValue GoValue::Map(std::vector<std::pair<std::string, GoValue>> v) {
  GoValue g;
  g.kind = Kind::kMap;
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  g.entries = std::move(v);
  return g;
}

std::string_view GoValue::TypeName() const {
  switch (kind) {
    case Kind::kNil:
      return "<nil>";
    case Kind::kBool:
      return "bool";
    case Kind::kInt:
      return "int";
    case Kind::kBigInt:
      return "*big.Int";
    case Kind::kFloat:
      return "float64";
    case Kind::kString:
      return "string";
    case Kind::kJsonNumber:
      return "json.Number";
    case Kind::kSlice:
      return "[]interface {}";
    case Kind::kMap:
      return "map[string]interface {}";
  }
  return "<nil>";
}

// ---- fmt: printing -------------------------------------------------------------------------

namespace {

// Go's ldigits/udigits: index 16 is the letter of the "0x" prefix.
constexpr char kLowerHex[] = "0123456789abcdefx";
constexpr char kUpperHex[] = "0123456789ABCDEFX";

// The formatting state of one verb: Go's fmt.fmtFlags plus width and precision.
struct Flags {
  bool sharp = false, zero = false, plus = false, minus = false, space = false;
  bool sharp_v = false, plus_v = false;
  bool wid_present = false, prec_present = false;
  int wid = 0, prec = 0;
};

size_t RuneCount(std::string_view s) {
  size_t n = 0;
  for (size_t pos = 0; pos < s.size(); ++n) unicode::DecodeRune(s, &pos);
  return n;
}

class Printer {
 public:
  std::string& out() { return buf_; }
  Flags& flags() { return f_; }

  void WritePadding(int n) {
    if (n <= 0) return;
    buf_.append(static_cast<size_t>(n), f_.zero ? '0' : ' ');
  }

  // fmt.pad: pads `s` to the width with spaces (or zeros) on the left, or on the right for '-'.
  void Pad(std::string_view s) {
    if (!f_.wid_present || f_.wid == 0) {
      buf_.append(s);
      return;
    }
    int width = f_.wid - static_cast<int>(RuneCount(s));
    if (!f_.minus) {
      WritePadding(width);
      buf_.append(s);
    } else {
      buf_.append(s);
      WritePadding(width);
    }
  }

  void PrintArg(const GoValue& v, char32_t verb, int depth);

 private:
  void BadVerb(const GoValue& v, char32_t verb);
  void FmtBool(const GoValue& v, char32_t verb);
  void FmtInteger(const GoValue& v, uint64_t u, bool negative, char32_t verb);
  void FmtIntegerBase(uint64_t u, bool negative, int base, char32_t verb, const char* digits);
  void FmtUnicode(uint64_t u);
  void FmtBigInt(const GoValue& v, char32_t verb);
  void FmtFloat(const GoValue& v, char32_t verb);
  void FmtFloatText(double v, char verb, int prec);
  void FmtString(const GoValue& v, std::string_view s, char32_t verb);
  void FmtS(std::string_view s);
  void FmtQ(std::string_view s);
  void FmtSx(std::string_view s, const char* digits);

  std::string buf_;
  Flags f_;
};

void AppendVerb(std::string* out, char32_t verb) {
  unicode::AppendRune(out, static_cast<int32_t>(verb));
}

void Printer::BadVerb(const GoValue& v, char32_t verb) {
  buf_.append("%!");
  AppendVerb(&buf_, verb);
  buf_.push_back('(');
  if (v.kind == GoValue::Kind::kNil) {
    buf_.append("<nil>");
  } else {
    buf_.append(v.TypeName());
    buf_.push_back('=');
    PrintArg(v, 'v', 0);
  }
  buf_.push_back(')');
}

void Printer::FmtBool(const GoValue& v, char32_t verb) {
  if (verb == 't' || verb == 'v') {
    Pad(v.b ? "true" : "false");
  } else {
    BadVerb(v, verb);
  }
}

void Printer::FmtIntegerBase(uint64_t u, bool negative, int base, char32_t verb,
                             const char* digits) {
  int prec = 0;
  if (f_.prec_present) {
    prec = f_.prec;
    if (prec == 0 && u == 0) {  // %.0d of 0 prints nothing but the padding
      bool old_zero = f_.zero;
      f_.zero = false;
      WritePadding(f_.wid);
      f_.zero = old_zero;
      return;
    }
  } else if (f_.zero && !f_.minus && f_.wid_present) {
    prec = f_.wid;
    if (negative || f_.plus || f_.space) --prec;  // leave room for the sign
  }
  std::string num;
  do {
    num.push_back(digits[u % static_cast<uint64_t>(base)]);
    u /= static_cast<uint64_t>(base);
  } while (u != 0);
  while (static_cast<int>(num.size()) < prec) num.push_back('0');
  if (f_.sharp) {
    if (base == 2) {
      num.append("b0");
    } else if (base == 8) {
      if (num.back() != '0') num.push_back('0');
    } else if (base == 16) {
      num.push_back(digits[16]);
      num.push_back('0');
    }
  }
  if (verb == 'O') num.append("o0");
  if (negative) {
    num.push_back('-');
  } else if (f_.plus) {
    num.push_back('+');
  } else if (f_.space) {
    num.push_back(' ');
  }
  std::reverse(num.begin(), num.end());
  bool old_zero = f_.zero;
  f_.zero = false;
  Pad(num);
  f_.zero = old_zero;
}

void Printer::FmtUnicode(uint64_t u) {
  std::string s = "U+";
  char hex[32];
  int prec = f_.prec_present && f_.prec > 4 ? f_.prec : 4;
  std::snprintf(hex, sizeof hex, "%0*llX", std::min(prec, 20), static_cast<unsigned long long>(u));
  s.append(hex);
  if (f_.sharp && u <= 0x10FFFF && unicode::IsPrint(static_cast<int32_t>(u))) {
    s.append(" '");
    unicode::AppendRune(&s, static_cast<int32_t>(u));
    s.push_back('\'');
  }
  bool old_zero = f_.zero;
  f_.zero = false;
  Pad(s);
  f_.zero = old_zero;
}

void Printer::FmtInteger(const GoValue& v, uint64_t u, bool negative, char32_t verb) {
  switch (verb) {
    case 'v':
    case 'd':
      FmtIntegerBase(u, negative, 10, verb, kLowerHex);
      return;
    case 'b':
      FmtIntegerBase(u, negative, 2, verb, kLowerHex);
      return;
    case 'o':
    case 'O':
      FmtIntegerBase(u, negative, 8, verb, kLowerHex);
      return;
    case 'x':
      FmtIntegerBase(u, negative, 16, verb, kLowerHex);
      return;
    case 'X':
      FmtIntegerBase(u, negative, 16, verb, kUpperHex);
      return;
    case 'c': {
      int32_t r = negative || u > 0x10FFFF ? unicode::kReplacementChar : static_cast<int32_t>(u);
      std::string s;
      unicode::AppendRune(&s, r);
      Pad(s);
      return;
    }
    case 'q': {
      int32_t r = negative || u > 0x10FFFF ? unicode::kReplacementChar : static_cast<int32_t>(u);
      Pad(GoQuoteRune(r, f_.plus));
      return;
    }
    case 'U':
      FmtUnicode(negative ? 0 - u : u);  // Go prints the two's complement bits
      return;
    default:
      BadVerb(v, verb);
  }
}

// *big.Int implements fmt.Formatter; this follows its Format method.
void Printer::FmtBigInt(const GoValue& v, char32_t verb) {
  int base;
  switch (verb) {
    case 'b':
      base = 2;
      break;
    case 'o':
    case 'O':
      base = 8;
      break;
    case 'd':
    case 's':
    case 'v':
      base = 10;
      break;
    case 'x':
    case 'X':
      base = 16;
      break;
    default:
      buf_.append("%!");
      AppendVerb(&buf_, verb);
      buf_.append("(big.Int=" + v.s + ")");
      return;
  }
  bool neg = !v.s.empty() && v.s[0] == '-';
  std::string_view mag = std::string_view(v.s).substr(neg ? 1 : 0);
  std::string digits;
  if (base == 10) {
    digits = std::string(mag);
  } else {
    // Convert the decimal magnitude to the base by repeated division (numbers are modest).
    std::string dec(mag);
    while (!(dec.size() == 1 && dec[0] == '0') && !dec.empty()) {
      std::string q;
      int rem = 0;
      for (char c : dec) {
        int cur = rem * 10 + (c - '0');
        if (!q.empty() || cur / base != 0) q.push_back(static_cast<char>('0' + cur / base));
        rem = cur % base;
      }
      digits.push_back(kLowerHex[rem]);
      dec = q.empty() ? "0" : q;
    }
    if (digits.empty()) digits = "0";
    std::reverse(digits.begin(), digits.end());
  }
  if (verb == 'X') {
    for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  bool plus = f_.plus || f_.plus_v;
  bool sharp = f_.sharp || f_.sharp_v;
  std::string sign = neg ? "-" : (plus ? "+" : (f_.space ? " " : ""));
  std::string prefix;
  if (sharp) {
    if (verb == 'b') prefix = "0b";
    if (verb == 'o') prefix = "0";
    if (verb == 'x') prefix = "0x";
    if (verb == 'X') prefix = "0X";
  }
  if (verb == 'O') prefix = "0o";
  int zeros = 0, left = 0, right = 0;
  if (f_.prec_present) {
    if (static_cast<int>(digits.size()) < f_.prec) {
      zeros = f_.prec - static_cast<int>(digits.size());
    } else if (digits == "0" && f_.prec == 0) {
      return;
    }
  }
  int length = static_cast<int>(sign.size() + prefix.size() + digits.size()) + zeros;
  if (f_.wid_present && length < f_.wid) {
    int d = f_.wid - length;
    if (f_.minus) {
      right = d;
    } else if (f_.zero && !f_.prec_present) {
      zeros = d;
    } else {
      left = d;
    }
  }
  buf_.append(static_cast<size_t>(left), ' ');
  buf_.append(sign);
  buf_.append(prefix);
  buf_.append(static_cast<size_t>(zeros), '0');
  buf_.append(digits);
  buf_.append(static_cast<size_t>(right), ' ');
}

// fmt.fmtFloat: the number with a sign slot, then flags and padding.
void Printer::FmtFloatText(double v, char verb, int prec) {
  if (f_.prec_present) prec = f_.prec;
  std::string num = GoFormatFloat(v, verb, prec);
  if (num[0] != '-' && num[0] != '+') num.insert(num.begin(), '+');
  if (f_.space && num[0] == '+' && !f_.plus) num[0] = ' ';
  if (num[1] == 'I' || num[1] == 'N') {  // infinities and NaN are not zero padded
    bool old_zero = f_.zero;
    f_.zero = false;
    if (num[1] == 'N' && !f_.space && !f_.plus) num.erase(0, 1);
    Pad(num);
    f_.zero = old_zero;
    return;
  }
  if (f_.sharp && verb != 'b') {
    // %#g keeps trailing zeros and %#e/%#f always print a decimal point.
    int digits = 0;
    switch (verb) {
      case 'v':
      case 'g':
      case 'G':
      case 'x':
        digits = prec;
        if (digits == -1) digits = 6;  // shortest %#g uses six significant digits
        break;
      default:
        break;
    }
    std::string tail;
    size_t epos = num.find_first_of(verb == 'x' || verb == 'X' ? "pP" : "eE", 1);
    if (epos != std::string::npos) {
      tail = num.substr(epos);
      num.erase(epos);
    }
    bool saw_point = false, saw_nonzero = false;
    for (size_t i = 1; i < num.size(); ++i) {
      switch (num[i]) {
        case '.':
          saw_point = true;
          break;
        case 'p':
        case 'P':
          break;
        case 'e':
        case 'E':
          if (verb != 'x' && verb != 'X') break;
          [[fallthrough]];
        default:
          if (num[i] != '0') saw_nonzero = true;
          if (saw_nonzero) --digits;
      }
    }
    if (!saw_point) {
      if (num.size() == 2 && num[1] == '0') --digits;  // a leading 0 counts as a digit
      num.push_back('.');
    }
    while (digits > 0) {
      num.push_back('0');
      --digits;
    }
    num.append(tail);
  }
  if (f_.plus || num[0] != '+') {
    if (f_.zero && !f_.minus && f_.wid_present && f_.wid > static_cast<int>(num.size())) {
      buf_.push_back(num[0]);
      WritePadding(f_.wid - static_cast<int>(num.size()));
      buf_.append(num, 1);
      return;
    }
    Pad(num);
    return;
  }
  Pad(std::string_view(num).substr(1));
}

void Printer::FmtFloat(const GoValue& v, char32_t verb) {
  switch (verb) {
    case 'v':
      FmtFloatText(v.f, 'g', -1);
      return;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X':
      FmtFloatText(v.f, static_cast<char>(verb), -1);
      return;
    case 'f':
    case 'e':
    case 'E':
    case 'F':
      FmtFloatText(v.f, static_cast<char>(verb), 6);
      return;
    default:
      BadVerb(v, verb);
  }
}

// fmt.truncate + padString: precision limits the number of characters.
void Printer::FmtS(std::string_view s) {
  if (f_.prec_present) {
    size_t pos = 0;
    for (int n = 0; n < f_.prec && pos < s.size(); ++n) unicode::DecodeRune(s, &pos);
    s = s.substr(0, pos);
  }
  Pad(s);
}

void Printer::FmtQ(std::string_view s) {
  if (f_.prec_present) {
    size_t pos = 0;
    for (int n = 0; n < f_.prec && pos < s.size(); ++n) unicode::DecodeRune(s, &pos);
    s = s.substr(0, pos);
  }
  if (f_.sharp && GoCanBackquote(s)) {
    Pad("`" + std::string(s) + "`");
    return;
  }
  Pad(GoQuote(s, f_.plus));
}

void Printer::FmtSx(std::string_view s, const char* digits) {
  int length = static_cast<int>(s.size());
  if (f_.prec_present && f_.prec < length) length = f_.prec;
  int width = 2 * length;
  if (width > 0) {
    if (f_.space) {
      if (f_.sharp) width *= 2;
      width += length - 1;
    } else if (f_.sharp) {
      width += 2;
    }
  } else {
    if (f_.wid_present) WritePadding(f_.wid);
    return;
  }
  if (f_.wid_present && f_.wid > width && !f_.minus) WritePadding(f_.wid - width);
  if (f_.sharp) {
    buf_.push_back('0');
    buf_.push_back(digits[16]);
  }
  for (int i = 0; i < length; ++i) {
    if (f_.space && i > 0) {
      buf_.push_back(' ');
      if (f_.sharp) {
        buf_.push_back('0');
        buf_.push_back(digits[16]);
      }
    }
    unsigned char c = static_cast<unsigned char>(s[static_cast<size_t>(i)]);
    buf_.push_back(digits[c >> 4]);
    buf_.push_back(digits[c & 0xF]);
  }
  if (f_.wid_present && f_.wid > width && f_.minus) WritePadding(f_.wid - width);
}

void Printer::FmtString(const GoValue& v, std::string_view s, char32_t verb) {
  switch (verb) {
    case 'v':
      if (f_.sharp_v) {
        FmtQ(s);
      } else {
        FmtS(s);
      }
      return;
    case 's':
      FmtS(s);
      return;
    case 'x':
      FmtSx(s, kLowerHex);
      return;
    case 'X':
      FmtSx(s, kUpperHex);
      return;
    case 'q':
      FmtQ(s);
      return;
    default:
      BadVerb(v, verb);
  }
}

void Printer::PrintArg(const GoValue& v, char32_t verb, int depth) {
  if (verb == 'T') {
    FmtS(v.TypeName());
    return;
  }
  switch (v.kind) {
    case GoValue::Kind::kNil:
      // A nil interface at the top is "<nil>" for %v and a bad verb otherwise; inside a
      // slice or map fmt prints "<nil>" whatever the verb.
      if (depth > 0) {
        buf_.append(f_.sharp_v ? "interface {}(nil)" : "<nil>");
      } else if (verb == 'v') {
        Pad("<nil>");
      } else {
        BadVerb(v, verb);
      }
      return;
    case GoValue::Kind::kBool:
      FmtBool(v, verb);
      return;
    case GoValue::Kind::kInt: {
      bool negative = v.i < 0;
      uint64_t u = negative ? 0 - static_cast<uint64_t>(v.i) : static_cast<uint64_t>(v.i);
      FmtInteger(v, u, negative, verb);
      return;
    }
    case GoValue::Kind::kBigInt:
      FmtBigInt(v, verb);
      return;
    case GoValue::Kind::kFloat:
      FmtFloat(v, verb);
      return;
    case GoValue::Kind::kString:
    case GoValue::Kind::kJsonNumber:
      // json.Number is a Stringer: its String method serves the string verbs; any other verb
      // sees its underlying string kind and is a bad verb.
      FmtString(v, v.s, verb);
      return;
    case GoValue::Kind::kSlice:
      if (f_.sharp_v) {
        buf_.append("[]interface {}{");
        for (size_t i = 0; i < v.items.size(); ++i) {
          if (i) buf_.append(", ");
          PrintArg(v.items[i], verb, depth + 1);
        }
        buf_.push_back('}');
        return;
      }
      buf_.push_back('[');
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) buf_.push_back(' ');
        PrintArg(v.items[i], verb, depth + 1);
      }
      buf_.push_back(']');
      return;
    case GoValue::Kind::kMap:
      buf_.append(f_.sharp_v ? "map[string]interface {}{" : "map[");
      for (size_t i = 0; i < v.entries.size(); ++i) {
        if (i) buf_.append(f_.sharp_v ? ", " : " ");
        PrintArg(GoValue::String(v.entries[i].first), verb, depth + 1);
        buf_.push_back(':');
        PrintArg(v.entries[i].second, verb, depth + 1);
      }
      buf_.push_back(f_.sharp_v ? '}' : ']');
      return;
  }
}

bool TooLarge(int64_t x) { return x > 1000000 || x < -1000000; }

// Go's parsenum: digits from `*i`; false when there are none or they overflow.
bool ParseNum(std::string_view s, size_t* i, int* num) {
  int64_t n = 0;
  bool isnum = false;
  size_t k = *i;
  for (; k < s.size() && s[k] >= '0' && s[k] <= '9'; ++k) {
    if (TooLarge(n)) {
      *i = s.size();
      return false;
    }
    n = n * 10 + (s[k] - '0');
    isnum = true;
  }
  *i = k;
  *num = static_cast<int>(n);
  return isnum;
}

}  // namespace

std::string GoSprintf(std::string_view format, std::span<const GoValue> args) {
  Printer p;
  size_t arg_num = 0;
  bool reordered = false;
  size_t end = format.size();

  // Go's argNumber: an explicit [n] index at format[i].
  auto arg_number = [&](size_t arg, size_t* i, bool* good) -> std::pair<size_t, bool> {
    if (*i >= end || format[*i] != '[') return {arg, false};
    reordered = true;
    size_t close = format.find(']', *i + 1);
    if (format.size() - *i < 3 || close == std::string_view::npos) {
      *i += 1;
      *good = false;
      return {arg, false};
    }
    size_t k = *i + 1;
    int index = 0;
    bool ok = ParseNum(format, &k, &index) && k == close;
    *i = close + 1;
    if (ok && index >= 1 && static_cast<size_t>(index - 1) < args.size()) {
      return {static_cast<size_t>(index - 1), true};
    }
    *good = false;
    return {arg, ok};
  };

  // Go's intFromArg: a '*' width or precision taken from an int argument.
  auto int_from_arg = [&](size_t* arg, int* value) -> bool {
    bool ok = false;
    if (*arg < args.size()) {
      const GoValue& a = args[*arg];
      if (a.kind == GoValue::Kind::kInt && !TooLarge(a.i)) {
        *value = static_cast<int>(a.i);
        ok = true;
      }
      ++*arg;
    }
    if (!ok) *value = 0;
    return ok;
  };

  size_t i = 0;
  while (i < end) {
    bool good_arg = true;
    size_t last = i;
    while (i < end && format[i] != '%') ++i;
    p.out().append(format.substr(last, i - last));
    if (i >= end) break;
    ++i;  // the '%'
    Flags& f = p.flags();
    f = Flags{};
    for (; i < end; ++i) {
      char c = format[i];
      if (c == '#') {
        f.sharp = true;
      } else if (c == '0') {
        f.zero = !f.minus;  // zero padding is only ever on the left
      } else if (c == '+') {
        f.plus = true;
      } else if (c == '-') {
        f.minus = true;
        f.zero = false;
      } else if (c == ' ') {
        f.space = true;
      } else {
        break;
      }
    }
    bool after_index;
    std::tie(arg_num, after_index) = arg_number(arg_num, &i, &good_arg);
    if (i < end && format[i] == '*') {
      ++i;
      f.wid_present = int_from_arg(&arg_num, &f.wid);
      if (!f.wid_present) p.out().append("%!(BADWIDTH)");
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      after_index = false;
    } else {
      f.wid_present = ParseNum(format, &i, &f.wid);
      if (after_index && f.wid_present) good_arg = false;
    }
    if (i + 1 < end && format[i] == '.') {
      ++i;
      if (after_index) good_arg = false;
      std::tie(arg_num, after_index) = arg_number(arg_num, &i, &good_arg);
      if (i < end && format[i] == '*') {
        ++i;
        f.prec_present = int_from_arg(&arg_num, &f.prec);
        if (f.prec < 0) {
          f.prec = 0;
          f.prec_present = false;
        }
        if (!f.prec_present) p.out().append("%!(BADPREC)");
        after_index = false;
      } else {
        f.prec_present = ParseNum(format, &i, &f.prec);
        if (!f.prec_present) {
          f.prec = 0;
          f.prec_present = true;
        }
      }
    }
    if (!after_index) std::tie(arg_num, after_index) = arg_number(arg_num, &i, &good_arg);
    if (i >= end) {
      p.out().append("%!(NOVERB)");
      break;
    }
    char32_t verb = static_cast<unsigned char>(format[i]);
    if (verb >= 0x80) {
      verb = static_cast<char32_t>(unicode::DecodeRune(format, &i));
    } else {
      ++i;
    }
    if (verb == '%') {
      p.out().push_back('%');
    } else if (!good_arg) {
      p.out().append("%!");
      AppendVerb(&p.out(), verb);
      p.out().append("(BADINDEX)");
    } else if (arg_num >= args.size()) {
      p.out().append("%!");
      AppendVerb(&p.out(), verb);
      p.out().append("(MISSING)");
    } else {
      if (verb == 'v') {
        f.sharp_v = f.sharp;
        f.sharp = false;
        f.plus_v = f.plus;
        f.plus = false;
      }
      p.PrintArg(args[arg_num], verb, 0);
      ++arg_num;
    }
  }
  if (!reordered && arg_num < args.size()) {
    p.flags() = Flags{};
    p.out().append("%!(EXTRA ");
    for (size_t k = arg_num; k < args.size(); ++k) {
      if (k > arg_num) p.out().append(", ");
      if (args[k].kind == GoValue::Kind::kNil) {
        p.out().append("<nil>");
      } else {
        p.out().append(args[k].TypeName());
        p.out().push_back('=');
        p.PrintArg(args[k], 'v', 0);
      }
    }
    p.out().push_back(')');
  }
  return std::move(p.out());
}

std::string GoSprint(std::span<const GoValue> args) {
  Printer p;
  bool prev_string = false;
  for (size_t k = 0; k < args.size(); ++k) {
    // json.Number counts as a string here: Go checks the value's kind.
    bool is_string =
        args[k].kind == GoValue::Kind::kString || args[k].kind == GoValue::Kind::kJsonNumber;
    if (k > 0 && !is_string && !prev_string) p.out().push_back(' ');
    p.flags() = Flags{};
    p.PrintArg(args[k], 'v', 0);
    prev_string = is_string;
  }
  return std::move(p.out());
}

std::string GoSprintln(std::span<const GoValue> args) {
  Printer p;
  for (size_t k = 0; k < args.size(); ++k) {
    if (k > 0) p.out().push_back(' ');
    p.flags() = Flags{};
    p.PrintArg(args[k], 'v', 0);
  }
  p.out().push_back('\n');
  return std::move(p.out());
}

}  // namespace golden::rego
