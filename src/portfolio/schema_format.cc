// The `format` values golden asserts: RFC 3339's full-date, full-time and date-time, which
// is what jsonschema's format checker accepts for "date", "time" and "date-time".
#include "portfolio/schema.h"

namespace golden::portfolio {

namespace {

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

bool IsRfc3339Date(std::string_view s) {
  int y, m, d;
  return s.size() == 10 && Digits(s, 0, 4, &y) && s[4] == '-' && Digits(s, 5, 2, &m) &&
         s[7] == '-' && Digits(s, 8, 2, &d) && m >= 1 && m <= 12 && d >= 1 && d <= DaysIn(y, m);
}

bool IsRfc3339Time(std::string_view s) {
  int h, mi, sec;
  if (!(Digits(s, 0, 2, &h) && s.size() > 2 && s[2] == ':' && Digits(s, 3, 2, &mi) &&
        s.size() > 5 && s[5] == ':' && Digits(s, 6, 2, &sec))) {
    return false;
  }
  if (h > 23 || mi > 59 || sec > 60) return false;  // 60: a leap second
  size_t pos = 8;
  if (pos < s.size() && s[pos] == '.') {
    size_t start = ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == start) return false;
  }
  if (pos >= s.size()) return false;  // the offset is required
  if (s[pos] == 'Z' || s[pos] == 'z') return pos + 1 == s.size();
  int oh, om;
  return (s[pos] == '+' || s[pos] == '-') && s.size() == pos + 6 && Digits(s, pos + 1, 2, &oh) &&
         s[pos + 3] == ':' && Digits(s, pos + 4, 2, &om) && oh <= 23 && om <= 59;
}

bool IsRfc3339DateTime(std::string_view s) {
  return s.size() > 11 && (s[10] == 'T' || s[10] == 't') && IsRfc3339Date(s.substr(0, 10)) &&
         IsRfc3339Time(s.substr(11));
}

}  // namespace golden::portfolio
