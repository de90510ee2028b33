#pragma once

#include <cstdint>

namespace golden::rego::civil {

inline constexpr int64_t kSecondsPerDay = 86400;

/// Floor division and modulo (the result of FloorMod has the sign of `b`).
constexpr int64_t FloorDiv(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}
constexpr int64_t FloorMod(int64_t a, int64_t b) {
  const int64_t m = a % b;  // (not a - FloorDiv(a, b) * b, which overflows near INT64_MIN)
  return m != 0 && ((m < 0) != (b < 0)) ? m + b : m;
}

constexpr bool IsLeap(int64_t year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/// Days before month `m` (1-12) in a non-leap year.
constexpr int DaysBefore(int m) {
  constexpr int kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};
  return kBefore[m - 1];
}

/// Days in month `m` (1-12) of `year`.
constexpr int DaysIn(int m, int64_t year) {
  if (m == 2 && IsLeap(year)) return 29;
  return DaysBefore(m + 1) - DaysBefore(m);
}

/// Days since 1970-01-01 of the proleptic Gregorian date y-m-d (m 1-12, d 1-31).
constexpr int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t mp = (m + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Date {
  int64_t year = 1970;
  int month = 1;  ///< 1-12
  int day = 1;    ///< 1-31
};

/// The date of day `days` since 1970-01-01.
constexpr Date CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = FloorDiv(days, 146097);
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

/// Day of the week of day `days` since 1970-01-01: 0 is Sunday (1970-01-01 was a Thursday).
constexpr int Weekday(int64_t days) { return static_cast<int>(FloorMod(days + 4, 7)); }

}  // namespace golden::rego::civil
