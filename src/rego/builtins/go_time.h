#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "rego/builtins/tz.h"

/// Go's time package semantics that OPA's time builtins expose: reference-time layouts
/// ("2006-01-02T15:04:05Z07:00") for Format and Parse, ParseDuration, and Date's normalisation
/// of out-of-range fields. Error messages are Go's, since policies and OPA's conformance cases
/// see them.
namespace golden::rego::gotime {

using ZonePtr = std::shared_ptr<const tz::Zone>;

/// An instant observed in a zone.
struct Time {
  int64_t sec = 0;   ///< Unix seconds
  int32_t nsec = 0;  ///< 0..999'999'999
  ZonePtr zone;      ///< never null
};

/// `ns` nanoseconds since the Unix epoch, observed in `zone`.
Time FromUnixNanos(int64_t ns, ZonePtr zone);

/// Nanoseconds since the Unix epoch, or nullopt outside what int64 holds
/// (1677-09-21T00:12:43.145224192Z .. 2262-04-11T23:47:16.854775807Z).
std::optional<int64_t> UnixNanos(const Time& t);

/// The wall-clock reading of `t` in its zone.
struct Civil {
  int64_t year = 0;
  int month = 0;    ///< 1-12
  int day = 0;      ///< 1-31
  int hour = 0;     ///< 0-23
  int minute = 0;   ///< 0-59
  int second = 0;   ///< 0-59
  int weekday = 0;  ///< 0 is Sunday
  int yday = 0;     ///< 1-366
  int32_t offset = 0;
  std::string zone_name;
};
Civil ToCivil(const Time& t);

/// "Sunday" ... "Saturday" and "January" ... "December".
std::string_view WeekdayName(int weekday);
std::string_view MonthName(int month);

/// Go's time.Date: fields outside their usual ranges are normalised (October 32 is November
/// 1); the offset is the zone's at that wall time, chosen as Go chooses it in DST gaps and
/// overlaps. nullopt when the result is beyond what Unix seconds in int64 can hold.
std::optional<Time> Date(int64_t year, int64_t month, int64_t day, int64_t hour, int64_t minute,
                         int64_t second, int64_t nsec, const ZonePtr& zone);

/// Go's Time.AddDate.
std::optional<Time> AddDate(const Time& t, int64_t years, int64_t months, int64_t days);

/// Go's Time.Format with a reference-time layout.
std::string Format(const Time& t, std::string_view layout);

/// Go's time.Parse: a value without zone information is UTC; a numeric offset or zone
/// abbreviation that matches `local` at that time is taken as `local`.
Result<Time> Parse(std::string_view layout, std::string_view value, const ZonePtr& local);

/// Go's time.ParseDuration ("1h2m3.5s", "-300ms", "2µs"), in nanoseconds.
Result<int64_t> ParseDuration(std::string_view s);

/// Go's time-package quoting for messages: "..." with \" and \\ escaped and bytes outside
/// printable ASCII as \xNN.
std::string Quote(std::string_view s);

}  // namespace golden::rego::gotime
