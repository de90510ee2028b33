#include "rego/builtins/tz.h"

#include <filesystem>
#include <optional>
#include <system_error>

#include "base/fs.h"
#include "rego/builtins/civil_time.h"

namespace golden::rego::tz {

namespace {

constexpr int kSecondsPerHour = 3600;
constexpr int kSecondsPerMinute = 60;
// Go refuses zone files over 10 MB; real ones are a few kB.
constexpr uint64_t kMaxZoneFileBytes = 10 << 20;

Status Malformed() { return InvalidArgument("malformed time zone information"); }

// A cursor over big-endian TZif data.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool Read(size_t n, std::string_view* out) {
    if (data_.size() - pos_ < n) return false;
    *out = data_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  bool BigEndian(size_t n, uint64_t* out) {
    std::string_view b;
    if (!Read(n, &b)) return false;
    uint64_t v = 0;
    for (char c : b) v = (v << 8) | static_cast<uint8_t>(c);
    *out = v;
    return true;
  }
  std::string_view Rest() const { return data_.substr(pos_); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

// ---- POSIX TZ rule strings (Go's tzset family) ----

bool IsRuleDigit(char c) { return c >= '0' && c <= '9'; }

// The name of a zone: three or more characters up to a digit, sign or comma, or <quoted>.
bool TzsetName(std::string_view s, std::string_view* name, std::string_view* rest) {
  if (s.empty()) return false;
  if (s[0] != '<') {
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (IsRuleDigit(c) || c == ',' || c == '-' || c == '+') {
        if (i < 3) return false;
        *name = s.substr(0, i);
        *rest = s.substr(i);
        return true;
      }
    }
    if (s.size() < 3) return false;
    *name = s;
    *rest = {};
    return true;
  }
  size_t close = s.find('>');
  if (close == std::string_view::npos) return false;
  *name = s.substr(1, close - 1);
  *rest = s.substr(close + 1);
  return true;
}

bool TzsetNum(std::string_view s, int min, int max, int* num, std::string_view* rest) {
  if (s.empty()) return false;
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsRuleDigit(s[i])) {
      if (i == 0 || n < min) return false;
      *num = n;
      *rest = s.substr(i);
      return true;
    }
    n = n * 10 + (s[i] - '0');
    if (n > max) return false;
  }
  if (n < min) return false;
  *num = n;
  *rest = {};
  return true;
}

bool TzsetOffset(std::string_view s, int* offset, std::string_view* rest) {
  if (s.empty()) return false;
  bool neg = false;
  if (s[0] == '+') {
    s.remove_prefix(1);
  } else if (s[0] == '-') {
    s.remove_prefix(1);
    neg = true;
  }
  int hours = 0;
  // tzcode allows up to a week here, although POSIX does not.
  if (!TzsetNum(s, 0, 24 * 7, &hours, &s)) return false;
  int off = hours * kSecondsPerHour;
  if (!s.empty() && s[0] == ':') {
    int mins = 0;
    if (!TzsetNum(s.substr(1), 0, 59, &mins, &s)) return false;
    off += mins * kSecondsPerMinute;
    if (!s.empty() && s[0] == ':') {
      int secs = 0;
      if (!TzsetNum(s.substr(1), 0, 59, &secs, &s)) return false;
      off += secs;
    }
  }
  *offset = neg ? -off : off;
  *rest = s;
  return true;
}

enum class RuleKind { kJulian, kDayOfYear, kMonthWeekDay };

struct Rule {
  RuleKind kind = RuleKind::kJulian;
  int day = 0;
  int week = 0;
  int mon = 0;
  int time = 2 * kSecondsPerHour;  // 2am unless given
};

bool TzsetRule(std::string_view s, Rule* r, std::string_view* rest) {
  if (s.empty()) return false;
  if (s[0] == 'J') {
    if (!TzsetNum(s.substr(1), 1, 365, &r->day, &s)) return false;
    r->kind = RuleKind::kJulian;
  } else if (s[0] == 'M') {
    if (!TzsetNum(s.substr(1), 1, 12, &r->mon, &s) || s.empty() || s[0] != '.') return false;
    if (!TzsetNum(s.substr(1), 1, 5, &r->week, &s) || s.empty() || s[0] != '.') return false;
    if (!TzsetNum(s.substr(1), 0, 6, &r->day, &s)) return false;
    r->kind = RuleKind::kMonthWeekDay;
  } else {
    if (!TzsetNum(s, 0, 365, &r->day, &s)) return false;
    r->kind = RuleKind::kDayOfYear;
  }
  if (s.empty() || s[0] != '/') {
    *rest = s;
    return true;
  }
  return TzsetOffset(s.substr(1), &r->time, rest);
}

// Seconds since the start of `year` at which rule `r` takes effect, for a zone at offset `off`.
int64_t RuleTime(int64_t year, const Rule& r, int off) {
  int64_t s = 0;
  switch (r.kind) {
    case RuleKind::kJulian:
      s = int64_t{r.day - 1} * civil::kSecondsPerDay;
      if (civil::IsLeap(year) && r.day >= 60) s += civil::kSecondsPerDay;
      break;
    case RuleKind::kDayOfYear:
      s = int64_t{r.day} * civil::kSecondsPerDay;
      break;
    case RuleKind::kMonthWeekDay: {
      // Day of the week of the first day of the month, then the r.week-th r.day of it.
      int dow = civil::Weekday(civil::DaysFromCivil(year, r.mon, 1));
      int d = r.day - dow;
      if (d < 0) d += 7;
      for (int i = 1; i < r.week; ++i) {
        if (d + 7 >= civil::DaysIn(r.mon, year)) break;
        d += 7;
      }
      d += civil::DaysBefore(r.mon);
      if (civil::IsLeap(year) && r.mon > 2) ++d;
      s = int64_t{d} * civil::kSecondsPerDay;
      break;
    }
  }
  return s + r.time - off;
}

}  // namespace

bool EvalPosixRule(std::string_view s, int64_t last_transition, int64_t sec, ZoneInfo* out) {
  std::string_view std_name, dst_name;
  int std_offset = 0, dst_offset = 0;
  if (!TzsetName(s, &std_name, &s) || !TzsetOffset(s, &std_offset, &s)) return false;
  // TZ strings give the offset to add to local time to get UTC; ours is the reverse.
  std_offset = -std_offset;
  if (s.empty() || s[0] == ',') {
    *out = ZoneInfo{std::string(std_name), std_offset, last_transition, kOmega, false};
    return true;
  }
  if (!TzsetName(s, &dst_name, &s)) return false;
  if (s.empty() || s[0] == ',') {
    dst_offset = std_offset + kSecondsPerHour;
  } else {
    if (!TzsetOffset(s, &dst_offset, &s)) return false;
    dst_offset = -dst_offset;
  }
  if (s.empty()) s = ",M3.2.0,M11.1.0";  // tzcode's default DST rules
  if (s[0] != ',' && s[0] != ';') return false;
  Rule start_rule, end_rule;
  if (!TzsetRule(s.substr(1), &start_rule, &s) || s.empty() || s[0] != ',') return false;
  if (!TzsetRule(s.substr(1), &end_rule, &s) || !s.empty()) return false;

  const int64_t days = civil::FloorDiv(sec, civil::kSecondsPerDay);
  const int64_t year = civil::CivilFromDays(days).year;
  const int64_t year_start_days = civil::DaysFromCivil(year, 1, 1);
  const int64_t ysec = (days - year_start_days) * civil::kSecondsPerDay +
                       civil::FloorMod(sec, civil::kSecondsPerDay);
  const int64_t abs = year_start_days * civil::kSecondsPerDay;

  int64_t start_sec = RuleTime(year, start_rule, std_offset);
  int64_t end_sec = RuleTime(year, end_rule, dst_offset);
  bool dst_is_dst = true, std_is_dst = false;
  // Southern hemisphere: the "DST" period wraps the new year; swap the labels, as Go does.
  if (end_sec < start_sec) {
    std::swap(start_sec, end_sec);
    std::swap(std_name, dst_name);
    std::swap(std_offset, dst_offset);
    std::swap(std_is_dst, dst_is_dst);
  }
  if (ysec < start_sec) {
    *out = ZoneInfo{std::string(std_name), std_offset, abs, start_sec + abs, std_is_dst};
  } else if (ysec >= end_sec) {
    *out = ZoneInfo{std::string(std_name), std_offset, end_sec + abs,
                    abs + 365 * civil::kSecondsPerDay, std_is_dst};
  } else {
    *out = ZoneInfo{std::string(dst_name), dst_offset, start_sec + abs, end_sec + abs,
                    dst_is_dst};
  }
  return true;
}

std::shared_ptr<const Zone> Zone::Utc() {
  auto z = std::make_shared<Zone>();
  z->name_ = "UTC";
  return z;
}

std::shared_ptr<const Zone> Zone::Fixed(std::string name, int32_t offset) {
  auto z = std::make_shared<Zone>();
  z->name_ = name;
  z->types_.push_back(Type{std::move(name), offset, false});
  z->transitions_.push_back(Transition{kAlpha, 0});
  return z;
}

Result<std::shared_ptr<const Zone>> Zone::FromTzif(std::string name, std::string_view data) {
  Reader r(data);
  std::string_view magic;
  if (!r.Read(4, &magic) || magic != "TZif") return Malformed();
  std::string_view version_and_reserved;
  if (!r.Read(16, &version_and_reserved)) return Malformed();
  const char version = version_and_reserved[0];
  const bool v2 = version == '2' || version == '3' || version == '4';

  // Counts: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt.
  auto read_counts = [&](uint64_t counts[6]) {
    for (int i = 0; i < 6; ++i) {
      if (!r.BigEndian(4, &counts[i])) return false;
    }
    return true;
  };
  uint64_t n[6];
  if (!read_counts(n)) return Malformed();
  if (v2) {
    // Skip the 32-bit data block and read the 64-bit one that follows.
    uint64_t skip = n[3] * 4 + n[3] + n[4] * 6 + n[5] + n[2] * 8 + n[1] + n[0];
    std::string_view ignored;
    if (!r.Read(skip, &ignored) || !r.Read(4, &magic) || magic != "TZif" ||
        !r.Read(16, &ignored) || !read_counts(n)) {
      return Malformed();
    }
  }
  const size_t time_size = v2 ? 8 : 4;
  const uint64_t isutcnt = n[0], isstdcnt = n[1], leapcnt = n[2], timecnt = n[3],
                 typecnt = n[4], charcnt = n[5];
  if (typecnt == 0 || (isstdcnt != 0 && isstdcnt != typecnt) ||
      (isutcnt != 0 && isutcnt != typecnt)) {
    return Malformed();
  }
  std::string_view tx_times, tx_index, type_data, chars, ignored;
  if (!r.Read(timecnt * time_size, &tx_times) || !r.Read(timecnt, &tx_index) ||
      !r.Read(typecnt * 6, &type_data) || !r.Read(charcnt, &chars) ||
      !r.Read(leapcnt * (time_size + 4), &ignored) || !r.Read(isstdcnt, &ignored) ||
      !r.Read(isutcnt, &ignored)) {
    return Malformed();
  }

  auto zone = std::make_shared<Zone>();
  zone->name_ = std::move(name);
  for (uint64_t i = 0; i < typecnt; ++i) {
    Reader t(type_data.substr(i * 6, 6));
    uint64_t off = 0, dst = 0, abbr = 0;
    t.BigEndian(4, &off);
    t.BigEndian(1, &dst);
    t.BigEndian(1, &abbr);
    if (abbr >= chars.size()) return Malformed();
    std::string_view rest = chars.substr(abbr);
    std::string abbrev(rest.substr(0, rest.find('\0')));
    zone->types_.push_back(Type{std::move(abbrev), static_cast<int32_t>(static_cast<uint32_t>(off)),
                                dst != 0});
  }
  for (uint64_t i = 0; i < timecnt; ++i) {
    Reader t(tx_times.substr(i * time_size, time_size));
    uint64_t when = 0;
    t.BigEndian(time_size, &when);
    int64_t w = time_size == 8 ? static_cast<int64_t>(when)
                               : int64_t{static_cast<int32_t>(static_cast<uint32_t>(when))};
    uint8_t idx = static_cast<uint8_t>(tx_index[i]);
    if (idx >= typecnt) return Malformed();
    zone->transitions_.push_back(Transition{w, idx});
  }
  // Go treats a file without transitions as one transition at the beginning of time.
  if (zone->transitions_.empty()) zone->transitions_.push_back(Transition{kAlpha, 0});

  if (v2) {
    std::string_view footer = r.Rest();
    if (footer.size() > 2 && footer[0] == '\n') {
      size_t end = footer.find('\n', 1);
      if (end != std::string_view::npos) zone->extend_ = std::string(footer.substr(1, end - 1));
    }
  }
  return std::shared_ptr<const Zone>(std::move(zone));
}

size_t Zone::FirstZoneIndex() const {
  // Go's lookupFirstZone: the type used before the first transition.
  bool first_used = false;
  for (const auto& t : transitions_) {
    if (t.index == 0) first_used = true;
  }
  if (!first_used) return 0;
  if (!transitions_.empty() && types_[transitions_[0].index].is_dst) {
    for (int zi = int{transitions_[0].index} - 1; zi >= 0; --zi) {
      if (!types_[static_cast<size_t>(zi)].is_dst) return static_cast<size_t>(zi);
    }
  }
  for (size_t zi = 0; zi < types_.size(); ++zi) {
    if (!types_[zi].is_dst) return zi;
  }
  return 0;
}

ZoneInfo Zone::Lookup(int64_t sec) const {
  if (types_.empty()) return ZoneInfo{"UTC", 0, kAlpha, kOmega, false};
  if (transitions_.empty() || sec < transitions_[0].when) {
    const Type& t = types_[FirstZoneIndex()];
    return ZoneInfo{t.name, t.offset, kAlpha,
                    transitions_.empty() ? kOmega : transitions_[0].when, t.is_dst};
  }
  // Binary search for the last transition at or before sec.
  int64_t end = kOmega;
  size_t lo = 0, hi = transitions_.size();
  while (hi - lo > 1) {
    size_t m = (lo + hi) / 2;
    int64_t lim = transitions_[m].when;
    if (sec < lim) {
      end = lim;
      hi = m;
    } else {
      lo = m;
    }
  }
  const Type& t = types_[transitions_[lo].index];
  ZoneInfo info{t.name, t.offset, transitions_[lo].when, end, t.is_dst};
  if (lo == transitions_.size() - 1 && !extend_.empty()) {
    ZoneInfo ext;
    if (EvalPosixRule(extend_, info.start, sec, &ext)) return ext;
  }
  return info;
}

bool Zone::LookupName(std::string_view abbrev, int64_t unix, int32_t* offset) const {
  // First a zone with that name that was in effect at the given time, then any.
  for (const auto& t : types_) {
    if (t.name == abbrev) {
      ZoneInfo info = Lookup(unix - t.offset);
      if (info.name == t.name) {
        *offset = info.offset;
        return true;
      }
    }
  }
  for (const auto& t : types_) {
    if (t.name == abbrev) {
      *offset = t.offset;
      return true;
    }
  }
  return false;
}

std::vector<std::string> DefaultZoneDirs() {
  return {"/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/",
          "/etc/zoneinfo/"};
}

Result<std::shared_ptr<const Zone>> LoadZone(std::string_view name,
                                             const std::vector<std::string>& dirs) {
  if (name.empty() || name == "UTC") return Zone::Utc();
  // No IANA name contains "..", and none is absolute (Go rejects both the same way).
  if (name.find("..") != std::string_view::npos || name[0] == '/' || name[0] == '\\') {
    return InvalidArgument("time: invalid location name");
  }
  std::optional<Status> first_error;
  for (const std::string& dir : dirs) {
    std::filesystem::path path = std::filesystem::path(dir) / std::string(name);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) continue;
    auto data = ReadFile(path, kMaxZoneFileBytes);
    if (!data.ok()) continue;
    auto zone = Zone::FromTzif(std::string(name), *data);
    if (zone.ok()) return zone;
    if (!first_error) first_error = zone.status();
  }
  if (first_error) return *first_error;
  return NotFound("unknown time zone " + std::string(name));
}

}  // namespace golden::rego::tz
