// Go's reference-time layouts (time.Format / time.Parse), transcribed from the behaviour of
// Go's time/format.go so that OPA's time.format and time.parse_ns accept and print the same.

#include <cstdint>
#include <string>
#include <string_view>

#include "rego/builtins/civil_time.h"
#include "rego/builtins/go_time.h"

namespace golden::rego::gotime {

namespace {

// Layout elements (Go's std* constants).
enum Std : int {
  kNone = 0,
  kLongMonth,        // "January"
  kMonth,            // "Jan"
  kNumMonth,         // "1"
  kZeroMonth,        // "01"
  kLongWeekDay,      // "Monday"
  kWeekDay,          // "Mon"
  kDay,              // "2"
  kUnderDay,         // "_2"
  kZeroDay,          // "02"
  kUnderYearDay,     // "__2"
  kZeroYearDay,      // "002"
  kHour,             // "15"
  kHour12,           // "3"
  kZeroHour12,       // "03"
  kMinute,           // "4"
  kZeroMinute,       // "04"
  kSecond,           // "5"
  kZeroSecond,       // "05"
  kLongYear,         // "2006"
  kYear,             // "06"
  kPM,               // "PM"
  kpm,               // "pm"
  kTZ,               // "MST"
  kISO8601TZ,        // "Z0700"
  kISO8601SecondsTZ, // "Z070000"
  kISO8601ShortTZ,   // "Z07"
  kISO8601ColonTZ,   // "Z07:00"
  kISO8601ColonSecondsTZ,  // "Z07:00:00"
  kNumTZ,            // "-0700"
  kNumSecondsTz,     // "-070000"
  kNumShortTZ,       // "-07"
  kNumColonTZ,       // "-07:00"
  kNumColonSecondsTZ,  // "-07:00:00"
  kFracSecond0,      // ".0", ".00", ... trailing zeros kept
  kFracSecond9,      // ".9", ".99", ... trailing zeros dropped
};

struct Chunk {
  std::string_view prefix;
  Std std = kNone;
  int frac_digits = 0;   // for kFracSecond*
  char frac_sep = '.';   // '.' or ','
  std::string_view suffix;
};

bool StartsWithLower(std::string_view s) { return !s.empty() && s[0] >= 'a' && s[0] <= 'z'; }
bool IsDigitAt(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }
bool Has(std::string_view s, size_t i, std::string_view what) {
  return s.substr(i, what.size()) == what;
}

// Go's nextStdChunk: the text before the first layout element, the element, and the rest.
Chunk NextStdChunk(std::string_view layout) {
  auto at = [&](size_t i, Std std, size_t len) {
    return Chunk{layout.substr(0, i), std, 0, '.', layout.substr(i + len)};
  };
  for (size_t i = 0; i < layout.size(); ++i) {
    switch (layout[i]) {
      case 'J':
        if (Has(layout, i, "Jan")) {
          if (Has(layout, i, "January")) return at(i, kLongMonth, 7);
          if (!StartsWithLower(layout.substr(i + 3))) return at(i, kMonth, 3);
        }
        break;
      case 'M':
        if (Has(layout, i, "Mon")) {
          if (Has(layout, i, "Monday")) return at(i, kLongWeekDay, 6);
          if (!StartsWithLower(layout.substr(i + 3))) return at(i, kWeekDay, 3);
        }
        if (Has(layout, i, "MST")) return at(i, kTZ, 3);
        break;
      case '0':
        if (i + 1 < layout.size() && layout[i + 1] >= '1' && layout[i + 1] <= '6') {
          static constexpr Std kZero[] = {kZeroMonth,  kZeroDay,    kZeroHour12,
                                          kZeroMinute, kZeroSecond, kYear};
          return at(i, kZero[layout[i + 1] - '1'], 2);
        }
        if (Has(layout, i, "002")) return at(i, kZeroYearDay, 3);
        break;
      case '1':
        if (i + 1 < layout.size() && layout[i + 1] == '5') return at(i, kHour, 2);
        return at(i, kNumMonth, 1);
      case '2':
        if (Has(layout, i, "2006")) return at(i, kLongYear, 4);
        return at(i, kDay, 1);
      case '_':
        if (i + 1 < layout.size() && layout[i + 1] == '2') {
          // "_2006" is a literal underscore followed by the year.
          if (Has(layout, i + 1, "2006")) {
            return Chunk{layout.substr(0, i + 1), kLongYear, 0, '.', layout.substr(i + 5)};
          }
          return at(i, kUnderDay, 2);
        }
        if (Has(layout, i, "__2")) return at(i, kUnderYearDay, 3);
        break;
      case '3':
        return at(i, kHour12, 1);
      case '4':
        return at(i, kMinute, 1);
      case '5':
        return at(i, kSecond, 1);
      case 'P':
        if (Has(layout, i, "PM")) return at(i, kPM, 2);
        break;
      case 'p':
        if (Has(layout, i, "pm")) return at(i, kpm, 2);
        break;
      case '-':
        if (Has(layout, i, "-070000")) return at(i, kNumSecondsTz, 7);
        if (Has(layout, i, "-07:00:00")) return at(i, kNumColonSecondsTZ, 9);
        if (Has(layout, i, "-0700")) return at(i, kNumTZ, 5);
        if (Has(layout, i, "-07:00")) return at(i, kNumColonTZ, 6);
        if (Has(layout, i, "-07")) return at(i, kNumShortTZ, 3);
        break;
      case 'Z':
        if (Has(layout, i, "Z070000")) return at(i, kISO8601SecondsTZ, 7);
        if (Has(layout, i, "Z07:00:00")) return at(i, kISO8601ColonSecondsTZ, 9);
        if (Has(layout, i, "Z0700")) return at(i, kISO8601TZ, 5);
        if (Has(layout, i, "Z07:00")) return at(i, kISO8601ColonTZ, 6);
        if (Has(layout, i, "Z07")) return at(i, kISO8601ShortTZ, 3);
        break;
      case '.':
      case ',':
        // ".000" / ",999": fractional seconds, only when the digit run ends the number.
        if (i + 1 < layout.size() && (layout[i + 1] == '0' || layout[i + 1] == '9')) {
          char ch = layout[i + 1];
          size_t j = i + 1;
          while (j < layout.size() && layout[j] == ch) ++j;
          if (!IsDigitAt(layout, j)) {
            Chunk c{layout.substr(0, i), ch == '0' ? kFracSecond0 : kFracSecond9,
                    static_cast<int>(j - (i + 1)), layout[i], layout.substr(j)};
            return c;
          }
        }
        break;
      default:
        break;
    }
  }
  return Chunk{layout, kNone, 0, '.', {}};
}

bool IsISOZone(Std s) {
  return s == kISO8601TZ || s == kISO8601ColonTZ || s == kISO8601SecondsTZ ||
         s == kISO8601ShortTZ || s == kISO8601ColonSecondsTZ;
}

// Go's appendInt: decimal with a minus sign for negatives, zero-padded to `width` digits.
void AppendInt(std::string* b, int64_t x, int width) {
  uint64_t u = static_cast<uint64_t>(x);
  if (x < 0) {
    b->push_back('-');
    u = 0 - u;
  }
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  for (int w = n; w < width; ++w) b->push_back('0');
  while (n > 0) b->push_back(buf[--n]);
}

void AppendNano(std::string* b, int nanos, const Chunk& c) {
  const bool trim = c.std == kFracSecond9;
  const int n = c.frac_digits;
  if (trim && (n == 0 || nanos == 0)) return;
  const size_t start = b->size();
  b->push_back(c.frac_sep);
  AppendInt(b, nanos, 9);
  if (n < 9) b->resize(b->size() - static_cast<size_t>(9 - n));
  if (trim) {
    while (b->size() > start && b->back() == '0') b->pop_back();
    if (b->size() > start && b->back() == c.frac_sep) b->pop_back();
  }
}

}  // namespace

std::string Format(const Time& t, std::string_view layout) {
  const Civil c = ToCivil(t);
  std::string b;
  b.reserve(layout.size() + 10);
  while (!layout.empty()) {
    Chunk chunk = NextStdChunk(layout);
    b.append(chunk.prefix);
    if (chunk.std == kNone) break;
    layout = chunk.suffix;
    const int hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
    switch (chunk.std) {
      case kYear:
        AppendInt(&b, (c.year < 0 ? -c.year : c.year) % 100, 2);
        break;
      case kLongYear:
        AppendInt(&b, c.year, 4);
        break;
      case kMonth:
        b.append(MonthName(c.month).substr(0, 3));
        break;
      case kLongMonth:
        b.append(MonthName(c.month));
        break;
      case kNumMonth:
        AppendInt(&b, c.month, 0);
        break;
      case kZeroMonth:
        AppendInt(&b, c.month, 2);
        break;
      case kWeekDay:
        b.append(WeekdayName(c.weekday).substr(0, 3));
        break;
      case kLongWeekDay:
        b.append(WeekdayName(c.weekday));
        break;
      case kDay:
        AppendInt(&b, c.day, 0);
        break;
      case kUnderDay:
        if (c.day < 10) b.push_back(' ');
        AppendInt(&b, c.day, 0);
        break;
      case kZeroDay:
        AppendInt(&b, c.day, 2);
        break;
      case kUnderYearDay:
        if (c.yday < 100) {
          b.push_back(' ');
          if (c.yday < 10) b.push_back(' ');
        }
        AppendInt(&b, c.yday, 0);
        break;
      case kZeroYearDay:
        AppendInt(&b, c.yday, 3);
        break;
      case kHour:
        AppendInt(&b, c.hour, 2);
        break;
      case kHour12:
        AppendInt(&b, hour12, 0);
        break;
      case kZeroHour12:
        AppendInt(&b, hour12, 2);
        break;
      case kMinute:
        AppendInt(&b, c.minute, 0);
        break;
      case kZeroMinute:
        AppendInt(&b, c.minute, 2);
        break;
      case kSecond:
        AppendInt(&b, c.second, 0);
        break;
      case kZeroSecond:
        AppendInt(&b, c.second, 2);
        break;
      case kPM:
        b.append(c.hour >= 12 ? "PM" : "AM");
        break;
      case kpm:
        b.append(c.hour >= 12 ? "pm" : "am");
        break;
      case kISO8601TZ:
      case kISO8601ColonTZ:
      case kISO8601SecondsTZ:
      case kISO8601ShortTZ:
      case kISO8601ColonSecondsTZ:
      case kNumTZ:
      case kNumColonTZ:
      case kNumSecondsTz:
      case kNumShortTZ:
      case kNumColonSecondsTZ: {
        // The "Z" variants print Z for UTC, as ISO 8601 does.
        if (c.offset == 0 && IsISOZone(chunk.std)) {
          b.push_back('Z');
          break;
        }
        int zone = c.offset / 60;
        int absoffset = c.offset;
        if (zone < 0) {
          b.push_back('-');
          zone = -zone;
          absoffset = -absoffset;
        } else {
          b.push_back('+');
        }
        AppendInt(&b, zone / 60, 2);
        const Std s = chunk.std;
        if (s == kISO8601ColonTZ || s == kNumColonTZ || s == kISO8601ColonSecondsTZ ||
            s == kNumColonSecondsTZ) {
          b.push_back(':');
        }
        if (s != kNumShortTZ && s != kISO8601ShortTZ) AppendInt(&b, zone % 60, 2);
        if (s == kISO8601SecondsTZ || s == kNumSecondsTz || s == kNumColonSecondsTZ ||
            s == kISO8601ColonSecondsTZ) {
          if (s == kNumColonSecondsTZ || s == kISO8601ColonSecondsTZ) b.push_back(':');
          AppendInt(&b, absoffset % 60, 2);
        }
        break;
      }
      case kTZ: {
        if (!c.zone_name.empty()) {
          b.append(c.zone_name);
          break;
        }
        // No abbreviation known: print the offset as -0700.
        int zone = c.offset / 60;
        if (zone < 0) {
          b.push_back('-');
          zone = -zone;
        } else {
          b.push_back('+');
        }
        AppendInt(&b, zone / 60, 2);
        AppendInt(&b, zone % 60, 2);
        break;
      }
      case kFracSecond0:
      case kFracSecond9:
        AppendNano(&b, t.nsec, chunk);
        break;
      case kNone:
        break;
    }
  }
  return b;
}

namespace {

// Parsing helpers, as in Go; false is Go's errBad (the caller reports the element).

std::string_view CutSpace(std::string_view s) {
  while (!s.empty() && s[0] == ' ') s.remove_prefix(1);
  return s;
}

// Go's skip: matches the literal `prefix`, where a space matches any run of spaces.
bool Skip(std::string_view* value, std::string_view prefix) {
  while (!prefix.empty()) {
    if (prefix[0] == ' ') {
      if (!value->empty() && (*value)[0] != ' ') return false;
      prefix = CutSpace(prefix);
      *value = CutSpace(*value);
      continue;
    }
    if (value->empty() || (*value)[0] != prefix[0]) return false;
    prefix.remove_prefix(1);
    value->remove_prefix(1);
  }
  return true;
}

// Go's atoi: optional sign, digits, nothing else.
bool Atoi(std::string_view s, int64_t* out) {
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  uint64_t q = 0;
  size_t i = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (q > (uint64_t{1} << 63) / 10) return false;
    q = q * 10 + static_cast<uint64_t>(s[i] - '0');
    if (q > (uint64_t{1} << 63)) return false;
  }
  if (i != s.size()) return false;
  int64_t x = static_cast<int64_t>(q);
  *out = neg ? -x : x;
  return true;
}

// Go's getnum: one or two digits (exactly two when `fixed`).
bool GetNum(std::string_view* s, bool fixed, int* out) {
  if (!IsDigitAt(*s, 0)) return false;
  if (!IsDigitAt(*s, 1)) {
    if (fixed) return false;
    *out = (*s)[0] - '0';
    s->remove_prefix(1);
    return true;
  }
  *out = ((*s)[0] - '0') * 10 + ((*s)[1] - '0');
  s->remove_prefix(2);
  return true;
}

// Go's getnum3: one to three digits (exactly three when `fixed`).
bool GetNum3(std::string_view* s, bool fixed, int* out) {
  int n = 0;
  size_t i = 0;
  for (; i < 3 && IsDigitAt(*s, i); ++i) n = n * 10 + ((*s)[i] - '0');
  if (i == 0 || (fixed && i != 3)) return false;
  *out = n;
  s->remove_prefix(i);
  return true;
}

char AsciiLowerChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Go's lookup: a case-insensitive prefix match against a table of names.
bool LookupName(std::string_view* val, bool short_names, bool months, int* index) {
  const int count = months ? 12 : 7;
  for (int i = 0; i < count; ++i) {
    std::string_view name = months ? MonthName(i + 1) : WeekdayName(i);
    if (short_names) name = name.substr(0, 3);
    if (val->size() < name.size()) continue;
    bool match = true;
    for (size_t k = 0; k < name.size(); ++k) {
      if (AsciiLowerChar((*val)[k]) != AsciiLowerChar(name[k])) {
        match = false;
        break;
      }
    }
    if (match) {
      *index = i;
      val->remove_prefix(name.size());
      return true;
    }
  }
  return false;
}

bool CommaOrPeriod(char c) { return c == '.' || c == ','; }

// Go's parseNanoseconds: value[0] is the separator, then nbytes-1 digits.
bool ParseNanoseconds(std::string_view value, size_t nbytes, int* ns,
                      std::string* range_err) {
  if (!CommaOrPeriod(value[0])) return false;
  if (nbytes > 10) {
    value = value.substr(0, 10);
    nbytes = 10;
  }
  int64_t v = 0;
  if (!Atoi(value.substr(1, nbytes - 1), &v)) return false;
  if (v < 0) {
    *range_err = "fractional second";
    return true;
  }
  for (size_t i = 0; i < 10 - nbytes; ++i) v *= 10;
  *ns = static_cast<int>(v);
  return true;
}

// Go's parseSignedOffset: length of "+hh" / "-h" (hours <= 23), or 0.
size_t ParseSignedOffset(std::string_view value) {
  if (value.empty() || (value[0] != '-' && value[0] != '+')) return 0;
  std::string_view rest = value.substr(1);
  uint64_t x = 0;
  size_t i = 0;
  for (; i < rest.size() && rest[i] >= '0' && rest[i] <= '9'; ++i) {
    if (x > (uint64_t{1} << 63) / 10) return 0;
    x = x * 10 + static_cast<uint64_t>(rest[i] - '0');
  }
  if (i == 0 || x > 23) return 0;
  return 1 + i;
}

// Go's parseTimeZone: the length of a zone abbreviation at the start of `value`, or 0.
size_t ParseTimeZone(std::string_view value) {
  if (value.size() < 3) return 0;
  if (value.size() >= 4 && (value.substr(0, 4) == "ChST" || value.substr(0, 4) == "MeST")) {
    return 4;
  }
  if (value.substr(0, 3) == "GMT") {
    if (value.size() == 3) return 3;
    return 3 + ParseSignedOffset(value.substr(3));
  }
  if (value[0] == '+' || value[0] == '-') return ParseSignedOffset(value);
  size_t upper = 0;
  for (; upper < 6; ++upper) {
    if (upper >= value.size()) break;
    char c = value[upper];
    if (c < 'A' || c > 'Z') break;
  }
  switch (upper) {
    case 5:
      return value[4] == 'T' ? 5 : 0;
    case 4:
      return value[3] == 'T' || value.substr(0, 4) == "WITA" ? 4 : 0;
    case 3:
      return 3;
    default:
      return 0;
  }
}

Status ParseError(std::string_view layout, std::string_view value, std::string_view layout_elem,
                  std::string_view value_elem, std::string_view message) {
  if (message.empty()) {
    return InvalidArgument("parsing time " + Quote(value) + " as " + Quote(layout) +
                           ": cannot parse " + Quote(value_elem) + " as " + Quote(layout_elem));
  }
  return InvalidArgument("parsing time " + Quote(value) + std::string(message));
}

}  // namespace

Result<Time> Parse(std::string_view layout, std::string_view value, const ZonePtr& local) {
  const std::string_view alayout = layout, avalue = value;
  std::string range_err;
  bool am_set = false, pm_set = false;
  int64_t year = 0;
  int month = -1, day = -1, yday = -1, hour = 0, min = 0, sec = 0, nsec = 0;
  ZonePtr z;
  int zone_offset = -1;
  bool have_offset = false;
  std::string_view zone_name;

  for (;;) {
    Chunk chunk = NextStdChunk(layout);
    std::string_view stdstr =
        layout.substr(chunk.prefix.size(), layout.size() - chunk.prefix.size() - chunk.suffix.size());
    if (!Skip(&value, chunk.prefix)) {
      return ParseError(alayout, avalue, chunk.prefix, value, "");
    }
    if (chunk.std == kNone) {
      if (!value.empty()) {
        return ParseError(alayout, avalue, "", value, ": extra text: " + Quote(value));
      }
      break;
    }
    layout = chunk.suffix;
    const std::string_view hold = value;
    bool ok = true;
    switch (chunk.std) {
      case kYear: {
        int64_t y = 0;
        if (value.size() < 2 || !Atoi(value.substr(0, 2), &y)) {
          ok = false;
          break;
        }
        value.remove_prefix(2);
        year = y >= 69 ? y + 1900 : y + 2000;  // Unix time starts Dec 31 1969 in some zones
        break;
      }
      case kLongYear:
        if (value.size() < 4 || !IsDigitAt(value, 0) || !Atoi(value.substr(0, 4), &year)) {
          ok = false;
          break;
        }
        value.remove_prefix(4);
        break;
      case kMonth:
      case kLongMonth:
        ok = LookupName(&value, chunk.std == kMonth, true, &month);
        if (ok) ++month;
        break;
      case kNumMonth:
      case kZeroMonth:
        ok = GetNum(&value, chunk.std == kZeroMonth, &month);
        if (ok && (month <= 0 || month > 12)) range_err = "month";
        break;
      case kWeekDay:
      case kLongWeekDay: {
        int ignored = 0;  // the weekday is only checked for syntax
        ok = LookupName(&value, chunk.std == kWeekDay, false, &ignored);
        break;
      }
      case kDay:
      case kUnderDay:
      case kZeroDay:
        if (chunk.std == kUnderDay && !value.empty() && value[0] == ' ') value.remove_prefix(1);
        ok = GetNum(&value, chunk.std == kZeroDay, &day);
        break;
      case kUnderYearDay:
      case kZeroYearDay:
        for (int i = 0; i < 2; ++i) {
          if (chunk.std == kUnderYearDay && !value.empty() && value[0] == ' ') {
            value.remove_prefix(1);
          }
        }
        ok = GetNum3(&value, chunk.std == kZeroYearDay, &yday);
        break;
      case kHour:
        ok = GetNum(&value, false, &hour);
        if (hour < 0 || hour >= 24) range_err = "hour";
        break;
      case kHour12:
      case kZeroHour12:
        ok = GetNum(&value, chunk.std == kZeroHour12, &hour);
        if (hour < 0 || hour > 12) range_err = "hour";
        break;
      case kMinute:
      case kZeroMinute:
        ok = GetNum(&value, chunk.std == kZeroMinute, &min);
        if (min < 0 || min >= 60) range_err = "minute";
        break;
      case kSecond:
      case kZeroSecond: {
        ok = GetNum(&value, chunk.std == kZeroSecond, &sec);
        if (!ok) break;
        if (sec < 0 || sec >= 60) {
          range_err = "second";
          break;
        }
        // A fractional second in the value without one in the layout is accepted.
        if (value.size() >= 2 && CommaOrPeriod(value[0]) && IsDigitAt(value, 1)) {
          Std next = NextStdChunk(layout).std;
          if (next == kFracSecond0 || next == kFracSecond9) break;
          size_t n = 2;
          while (n < value.size() && IsDigitAt(value, n)) ++n;
          ok = ParseNanoseconds(value, n, &nsec, &range_err);
          value.remove_prefix(n);
        }
        break;
      }
      case kPM:
      case kpm: {
        if (value.size() < 2) {
          ok = false;
          break;
        }
        std::string_view p = value.substr(0, 2);
        value.remove_prefix(2);
        const bool upper = chunk.std == kPM;
        if (p == (upper ? "PM" : "pm")) {
          pm_set = true;
        } else if (p == (upper ? "AM" : "am")) {
          am_set = true;
        } else {
          ok = false;
        }
        break;
      }
      case kISO8601TZ:
      case kISO8601ShortTZ:
      case kISO8601ColonTZ:
      case kISO8601SecondsTZ:
      case kISO8601ColonSecondsTZ:
      case kNumTZ:
      case kNumShortTZ:
      case kNumColonTZ:
      case kNumSecondsTz:
      case kNumColonSecondsTZ: {
        const Std s = chunk.std;
        if (IsISOZone(s) && !value.empty() && value[0] == 'Z') {
          value.remove_prefix(1);
          z = tz::Zone::Utc();
          break;
        }
        std::string_view sign, hh, mm, ss = "00";
        if (s == kISO8601ColonTZ || s == kNumColonTZ) {
          if (value.size() < 6 || value[3] != ':') {
            ok = false;
            break;
          }
          sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(4, 2);
          value.remove_prefix(6);
        } else if (s == kNumShortTZ || s == kISO8601ShortTZ) {
          if (value.size() < 3) {
            ok = false;
            break;
          }
          sign = value.substr(0, 1), hh = value.substr(1, 2), mm = "00";
          value.remove_prefix(3);
        } else if (s == kISO8601ColonSecondsTZ || s == kNumColonSecondsTZ) {
          if (value.size() < 9 || value[3] != ':' || value[6] != ':') {
            ok = false;
            break;
          }
          sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(4, 2),
          ss = value.substr(7, 2);
          value.remove_prefix(9);
        } else if (s == kISO8601SecondsTZ || s == kNumSecondsTz) {
          if (value.size() < 7) {
            ok = false;
            break;
          }
          sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(3, 2),
          ss = value.substr(5, 2);
          value.remove_prefix(7);
        } else {
          if (value.size() < 5) {
            ok = false;
            break;
          }
          sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(3, 2);
          value.remove_prefix(5);
        }
        int hr = 0, mi = 0, se = 0;
        ok = GetNum(&hh, true, &hr) && GetNum(&mm, true, &mi) && GetNum(&ss, true, &se);
        // '>' rather than '>=': some write offsets of 24h, 60m or 60s.
        if (hr > 24) range_err = "time zone offset hour";
        if (mi > 60) range_err = "time zone offset minute";
        if (se > 60) range_err = "time zone offset second";
        zone_offset = (hr * 60 + mi) * 60 + se;
        have_offset = true;
        if (sign[0] == '-') {
          zone_offset = -zone_offset;
        } else if (sign[0] != '+') {
          ok = false;
        }
        break;
      }
      case kTZ: {
        if (value.size() >= 3 && value.substr(0, 3) == "UTC") {
          z = tz::Zone::Utc();
          value.remove_prefix(3);
          break;
        }
        size_t n = ParseTimeZone(value);
        if (n == 0) {
          ok = false;
          break;
        }
        zone_name = value.substr(0, n);
        value.remove_prefix(n);
        break;
      }
      case kFracSecond0: {
        // Exactly as many digits as the layout has.
        size_t ndigit = 1 + static_cast<size_t>(chunk.frac_digits);
        if (value.size() < ndigit) {
          ok = false;
          break;
        }
        ok = ParseNanoseconds(value, ndigit, &nsec, &range_err);
        value.remove_prefix(ndigit);
        break;
      }
      case kFracSecond9: {
        if (value.size() < 2 || !CommaOrPeriod(value[0]) || value[1] < '0' || value[1] > '9') {
          break;  // fractional second omitted
        }
        size_t i = 0;
        while (i + 1 < value.size() && value[i + 1] >= '0' && value[i + 1] <= '9') ++i;
        ok = ParseNanoseconds(value, 1 + i, &nsec, &range_err);
        value.remove_prefix(1 + i);
        break;
      }
      case kNone:
        break;
    }
    if (!range_err.empty()) {
      return ParseError(alayout, avalue, stdstr, value, ": " + range_err + " out of range");
    }
    if (!ok) return ParseError(alayout, avalue, stdstr, hold, "");
  }
  if (pm_set && hour < 12) {
    hour += 12;
  } else if (am_set && hour == 12) {
    hour = 0;
  }

  if (yday >= 0) {
    int d = 0, m = 0;
    if (civil::IsLeap(year)) {
      if (yday == 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) {
        --yday;
      }
    }
    if (yday < 1 || yday > 365) {
      return ParseError(alayout, avalue, "", value, ": day-of-year out of range");
    }
    if (m == 0) {
      m = (yday - 1) / 31 + 1;
      if (civil::DaysBefore(m + 1) < yday) ++m;
      d = yday - civil::DaysBefore(m);
    }
    if (month >= 0 && month != m) {
      return ParseError(alayout, avalue, "", value, ": day-of-year does not match month");
    }
    month = m;
    if (day >= 0 && day != d) {
      return ParseError(alayout, avalue, "", value, ": day-of-year does not match day");
    }
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > civil::DaysIn(month, year)) {
    return ParseError(alayout, avalue, "", value, ": day out of range");
  }

  auto date = [&](const ZonePtr& zone) {
    return Date(year, month, day, hour, min, sec, nsec, zone);
  };
  const ZonePtr utc = tz::Zone::Utc();
  if (z) {
    auto t = date(z);
    if (!t) return InvalidArgument("time outside of valid range");
    return *t;
  }
  if (have_offset) {
    auto t = date(utc);
    if (!t) return InvalidArgument("time outside of valid range");
    t->sec -= zone_offset;
    tz::ZoneInfo info = local->Lookup(t->sec);
    if (info.offset == zone_offset && (zone_name.empty() || info.name == zone_name)) {
      t->zone = local;
    } else {
      t->zone = tz::Zone::Fixed(std::string(zone_name), zone_offset);
    }
    return *t;
  }
  if (!zone_name.empty()) {
    auto t = date(utc);
    if (!t) return InvalidArgument("time outside of valid range");
    int32_t offset = 0;
    if (local->LookupName(zone_name, t->sec, &offset)) {
      t->sec -= offset;
      t->zone = local;
      return *t;
    }
    // An unknown abbreviation: offset 0, except "GMT+h".
    if (zone_name.size() > 3 && zone_name.substr(0, 3) == "GMT") {
      int64_t h = 0;
      Atoi(zone_name.substr(3), &h);
      offset = static_cast<int32_t>(h * 3600);
    }
    t->zone = tz::Zone::Fixed(std::string(zone_name), offset);
    return *t;
  }
  auto t = date(utc);
  if (!t) return InvalidArgument("time outside of valid range");
  return *t;
}

}  // namespace golden::rego::gotime
