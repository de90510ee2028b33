#include "rego/builtins/go_time.h"

#include <cmath>
#include <limits>

#include "base/strings.h"
#include "rego/builtins/civil_time.h"

namespace golden::rego::gotime {

namespace {

constexpr int64_t kNanosPerSecond = 1'000'000'000;
// Years beyond this make Unix seconds overflow int64 long before; reject them early.
constexpr int64_t kMaxAbsYear = int64_t{1} << 40;

// 128-bit intermediates keep Go's int arithmetic exact for every int64 input.
__extension__ typedef __int128 i128;

// Go's norm(hi, lo, base): brings lo into [0, base), carrying into hi.
void Norm(i128* hi, i128* lo, i128 base) {
  i128 q = *lo / base;
  i128 r = *lo % base;
  if (r < 0) {
    r += base;
    --q;
  }
  *hi += q;
  *lo = r;
}

}  // namespace

Time FromUnixNanos(int64_t ns, ZonePtr zone) {
  Time t;
  t.sec = civil::FloorDiv(ns, kNanosPerSecond);
  t.nsec = static_cast<int32_t>(civil::FloorMod(ns, kNanosPerSecond));
  t.zone = std::move(zone);
  return t;
}

std::optional<int64_t> UnixNanos(const Time& t) {
  i128 ns = i128{t.sec} * kNanosPerSecond + t.nsec;
  if (ns < std::numeric_limits<int64_t>::min() || ns > std::numeric_limits<int64_t>::max()) {
    return std::nullopt;
  }
  return static_cast<int64_t>(ns);
}

Civil ToCivil(const Time& t) {
  tz::ZoneInfo info = t.zone->Lookup(t.sec);
  // Offsets are at most a few hours, so this cannot overflow for any int64 nanosecond time.
  const int64_t local = t.sec + info.offset;
  const int64_t days = civil::FloorDiv(local, civil::kSecondsPerDay);
  const int64_t secs = civil::FloorMod(local, civil::kSecondsPerDay);
  const civil::Date d = civil::CivilFromDays(days);
  Civil c;
  c.year = d.year;
  c.month = d.month;
  c.day = d.day;
  c.hour = static_cast<int>(secs / 3600);
  c.minute = static_cast<int>(secs % 3600 / 60);
  c.second = static_cast<int>(secs % 60);
  c.weekday = civil::Weekday(days);
  c.yday = static_cast<int>(days - civil::DaysFromCivil(d.year, 1, 1)) + 1;
  c.offset = info.offset;
  c.zone_name = std::move(info.name);
  return c;
}

std::string_view WeekdayName(int weekday) {
  static constexpr std::string_view kNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                "Thursday", "Friday", "Saturday"};
  return kNames[weekday];
}

std::string_view MonthName(int month) {
  static constexpr std::string_view kNames[] = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return kNames[month - 1];
}

std::optional<Time> Date(int64_t year, int64_t month, int64_t day, int64_t hour, int64_t minute,
                         int64_t second, int64_t nsec, const ZonePtr& zone) {
  // Go normalises in int arithmetic; 128 bits keep every int64 input exact.
  i128 y = year, m = i128{month} - 1, d = day, h = hour, mi = minute, s = second, ns = nsec;
  Norm(&y, &m, 12);
  Norm(&s, &ns, kNanosPerSecond);
  Norm(&mi, &s, 60);
  Norm(&h, &mi, 60);
  Norm(&d, &h, 24);
  if (y > kMaxAbsYear || y < -kMaxAbsYear) return std::nullopt;
  const i128 days = i128{civil::DaysFromCivil(static_cast<int64_t>(y), static_cast<int>(m) + 1, 1)} +
                    (d - 1);
  const i128 unix = days * civil::kSecondsPerDay + h * 3600 + mi * 60 + s;
  // Leave room for the zone offset adjustment below.
  constexpr i128 kLimit = std::numeric_limits<int64_t>::max() / 2;
  if (unix > kLimit || unix < -kLimit) return std::nullopt;
  int64_t u = static_cast<int64_t>(unix);

  // Go's Date: look up the offset for the wall time taken as UTC, then re-check it at the
  // adjusted instant when that falls outside the zone period found.
  tz::ZoneInfo info = zone->Lookup(u);
  int32_t offset = info.offset;
  if (offset != 0) {
    int64_t utc = u - offset;
    if (utc < info.start || utc >= info.end) offset = zone->Lookup(utc).offset;
    u -= offset;
  }
  Time t;
  t.sec = u;
  t.nsec = static_cast<int32_t>(ns);
  t.zone = zone;
  return t;
}

std::optional<Time> AddDate(const Time& t, int64_t years, int64_t months, int64_t days) {
  Civil c = ToCivil(t);
  i128 y = i128{c.year} + years, m = i128{c.month} + months, d = i128{c.day} + days;
  constexpr i128 kMax = std::numeric_limits<int64_t>::max();
  if (y > kMax || y < -kMax || m > kMax || m < -kMax || d > kMax || d < -kMax) {
    return std::nullopt;
  }
  return Date(static_cast<int64_t>(y), static_cast<int64_t>(m), static_cast<int64_t>(d), c.hour,
              c.minute, c.second, t.nsec, t.zone);
}

std::string Quote(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 || c < ' ') {
      // Go escapes the bytes of one rune (or a single invalid byte) as \xNN each.
      size_t pos = i;
      int32_t cp = DecodeUtf8(s, &pos);
      size_t width = cp < 0 ? 1 : pos - i;
      for (size_t j = 0; j < width; ++j) {
        unsigned char b = static_cast<unsigned char>(s[i + j]);
        out += "\\x";
        out += kHex[b >> 4];
        out += kHex[b & 15];
      }
      i += width;
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += static_cast<char>(c);
    ++i;
  }
  out += '"';
  return out;
}

namespace {

constexpr uint64_t kOverflowBound = uint64_t{1} << 63;

// Go's leadingInt: consumes [0-9]*; false on overflow past 1<<63.
bool LeadingInt(std::string_view* s, uint64_t* x) {
  uint64_t v = 0;
  size_t i = 0;
  for (; i < s->size(); ++i) {
    char c = (*s)[i];
    if (c < '0' || c > '9') break;
    if (v > kOverflowBound / 10) return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
    if (v > kOverflowBound) return false;
  }
  *x = v;
  s->remove_prefix(i);
  return true;
}

// Go's leadingFraction: consumes [0-9]*, keeping as much precision as fits.
void LeadingFraction(std::string_view* s, uint64_t* x, double* scale) {
  uint64_t v = 0;
  double sc = 1;
  bool overflow = false;
  size_t i = 0;
  for (; i < s->size(); ++i) {
    char c = (*s)[i];
    if (c < '0' || c > '9') break;
    if (overflow) continue;
    if (v > (kOverflowBound - 1) / 10) {
      overflow = true;
      continue;
    }
    uint64_t y = v * 10 + static_cast<uint64_t>(c - '0');
    if (y > kOverflowBound) {
      overflow = true;
      continue;
    }
    v = y;
    sc *= 10;
  }
  *x = v;
  *scale = sc;
  s->remove_prefix(i);
}

uint64_t UnitNanos(std::string_view u) {
  if (u == "ns") return 1;
  if (u == "us" || u == "\xc2\xb5s" || u == "\xce\xbcs") return 1000;  // us, U+00B5, U+03BC
  if (u == "ms") return 1'000'000;
  if (u == "s") return 1'000'000'000;
  if (u == "m") return 60'000'000'000;
  if (u == "h") return 3'600'000'000'000;
  return 0;
}

}  // namespace

Result<int64_t> ParseDuration(std::string_view orig) {
  auto invalid = [&] { return InvalidArgument("time: invalid duration " + Quote(orig)); };
  std::string_view s = orig;
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return int64_t{0};
  if (s.empty()) return invalid();
  uint64_t d = 0;
  while (!s.empty()) {
    if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9'))) return invalid();
    size_t before = s.size();
    uint64_t v = 0;
    if (!LeadingInt(&s, &v)) return invalid();
    bool pre = before != s.size();
    uint64_t f = 0;
    double scale = 1;
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      size_t pl = s.size();
      LeadingFraction(&s, &f, &scale);
      post = pl != s.size();
    }
    if (!pre && !post) return invalid();
    size_t i = 0;
    while (i < s.size() && s[i] != '.' && !(s[i] >= '0' && s[i] <= '9')) ++i;
    if (i == 0) return InvalidArgument("time: missing unit in duration " + Quote(orig));
    std::string_view u = s.substr(0, i);
    s.remove_prefix(i);
    uint64_t unit = UnitNanos(u);
    if (unit == 0) {
      return InvalidArgument("time: unknown unit " + Quote(u) + " in duration " + Quote(orig));
    }
    if (v > kOverflowBound / unit) return invalid();
    v *= unit;
    if (f > 0) {
      // As Go: float64 keeps fractions of hours accurate to the nanosecond.
      v += static_cast<uint64_t>(static_cast<double>(f) * (static_cast<double>(unit) / scale));
      if (v > kOverflowBound) return invalid();
    }
    d += v;
    if (d > kOverflowBound) return invalid();
  }
  if (neg) return static_cast<int64_t>(0 - d);
  if (d > kOverflowBound - 1) return invalid();
  return static_cast<int64_t>(d);
}

}  // namespace golden::rego::gotime
