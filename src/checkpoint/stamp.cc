#include "checkpoint/stamp.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace golden::checkpoint {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

struct Civil {
  int year;
  unsigned month, day, hour, minute, second, micros;
};

// Floor division, so instants before 1970 still land on the right day and second.
Civil ToCivil(int64_t unix_us) {
  int64_t day_count = unix_us / 86'400'000'000;
  if (unix_us % 86'400'000'000 < 0) --day_count;
  int64_t in_day = unix_us - day_count * 86'400'000'000;
  std::chrono::year_month_day ymd{sys_days{days{day_count}}};
  return Civil{static_cast<int>(ymd.year()),
               static_cast<unsigned>(ymd.month()),
               static_cast<unsigned>(ymd.day()),
               static_cast<unsigned>(in_day / 3'600'000'000),
               static_cast<unsigned>(in_day / 60'000'000 % 60),
               static_cast<unsigned>(in_day / 1'000'000 % 60),
               static_cast<unsigned>(in_day % 1'000'000)};
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - (a % b < 0 ? 1 : 0); }

bool Digits(std::string_view s, size_t n, unsigned* out) {
  if (s.size() != n) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + n, *out);
  return ec == std::errc() && end == s.data() + n;
}

}  // namespace

std::string Stamp::ToString() const {
  Civil c = ToCivil(unix_us);
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%04d%02u%02u-%02u%02u%02u", c.year, c.month, c.day,
                        c.hour, c.minute, c.second);
  std::string out(buf, static_cast<size_t>(n));
  if (micros) {
    std::snprintf(buf, sizeof buf, "-%06u", c.micros);
    out += buf;
  }
  if (seq > 0) out += "-" + std::to_string(seq);
  return out;
}

Stamp Stamp::Next() const {
  Stamp s = *this;
  s.seq = seq == 0 ? 2 : seq + 1;
  return s;
}

Stamp StampAt(int64_t unix_ns) { return Stamp{FloorDiv(unix_ns, 1000), 0, true}; }

std::optional<Stamp> ParseStamp(std::string_view text) {
  // YYYYMMDD-HHMMSS[-uuuuuu][-N]
  if (text.size() < 15 || text[8] != '-') return std::nullopt;
  unsigned date = 0, time = 0, micros = 0;
  if (!Digits(text.substr(0, 8), 8, &date) || !Digits(text.substr(9, 6), 6, &time)) {
    return std::nullopt;
  }
  Stamp s;
  s.micros = false;
  std::string_view rest = text.substr(15);
  if (!rest.empty()) {
    if (rest.size() < 7 || rest[0] != '-' || !Digits(rest.substr(1, 6), 6, &micros)) {
      return std::nullopt;
    }
    s.micros = true;
    rest.remove_prefix(7);
  }
  if (!rest.empty()) {
    unsigned seq = 0;
    if (rest[0] != '-' || rest.size() < 2 || rest.size() > 7 || rest[1] == '0' ||
        !Digits(rest.substr(1), rest.size() - 1, &seq) || seq < 2) {
      return std::nullopt;
    }
    s.seq = static_cast<int>(seq);
  }
  std::chrono::year_month_day ymd{std::chrono::year{static_cast<int>(date / 10000)},
                                  std::chrono::month{date / 100 % 100},
                                  std::chrono::day{date % 100}};
  unsigned hh = time / 10000, mm = time / 100 % 100, ss = time % 100;
  if (!ymd.ok() || hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  int64_t day_count = sys_days{ymd}.time_since_epoch().count();
  s.unix_us = ((day_count * 24 + hh) * 60 + mm) * 60'000'000 + int64_t{ss} * 1'000'000 + micros;
  return s;
}

std::string IsoTimestampMicros(int64_t unix_ns) {
  Civil c = ToCivil(FloorDiv(unix_ns, 1000));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02u:%02u:%02u.%06uZ", c.year, c.month, c.day,
                c.hour, c.minute, c.second, c.micros);
  return buf;
}

std::string IsoDate(int64_t unix_ns) {
  Civil c = ToCivil(FloorDiv(unix_ns, 1000));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
  return buf;
}

}  // namespace golden::checkpoint
