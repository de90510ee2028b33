#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace golden::rego::tz {

/// Bounds Go's time package uses for "since the beginning of time" and "forever".
inline constexpr int64_t kAlpha = INT64_MIN;
inline constexpr int64_t kOmega = INT64_MAX;

/// What is in effect at one instant in a zone: the abbreviation, the offset east of UTC in
/// seconds, and the half-open interval [start, end) of Unix seconds during which it holds.
struct ZoneInfo {
  std::string name;
  int32_t offset = 0;
  int64_t start = kAlpha;
  int64_t end = kOmega;
  bool is_dst = false;
};

/// An IANA time zone (or UTC, or a fixed offset), with the lookup rules of Go's time.Location:
/// transitions from the TZif file, then the POSIX TZ rule of its footer for instants after the
/// last transition (which libraries that only read transitions get wrong after 2037).
class Zone {
 public:
  /// The UTC zone ("UTC", offset 0, no transitions).
  static std::shared_ptr<const Zone> Utc();
  /// A zone with a constant offset, as Go's FixedZone.
  static std::shared_ptr<const Zone> Fixed(std::string name, int32_t offset);
  /// Parses TZif data (versions 1-4); `name` is kept for messages. Errors read like Go's
  /// ("malformed time zone information").
  static Result<std::shared_ptr<const Zone>> FromTzif(std::string name, std::string_view data);

  const std::string& name() const { return name_; }

  /// The zone in effect at Unix second `sec` (Go's Location.lookup).
  ZoneInfo Lookup(int64_t sec) const;

  /// Go's Location.lookupName: the offset of the zone abbreviated `abbrev`, preferring one in
  /// effect at `unix`. False when no zone of this location has that abbreviation.
  bool LookupName(std::string_view abbrev, int64_t unix, int32_t* offset) const;

 private:
  struct Type {
    std::string name;
    int32_t offset = 0;
    bool is_dst = false;
  };
  struct Transition {
    int64_t when = 0;
    uint8_t index = 0;
  };

  size_t FirstZoneIndex() const;

  std::string name_;
  std::vector<Type> types_;
  std::vector<Transition> transitions_;
  /// POSIX TZ string from the TZif footer ("EST5EDT,M3.2.0,M11.1.0"); may be empty.
  std::string extend_;
};

/// Evaluates a POSIX TZ rule string at `sec` when `last_transition` is the last known
/// transition (Go's tzset). False when the string does not parse.
bool EvalPosixRule(std::string_view rule, int64_t last_transition, int64_t sec, ZoneInfo* out);

/// Where zones are read from: the directories Go searches on Unix, in Go's order.
std::vector<std::string> DefaultZoneDirs();

/// Loads the IANA zone `name` from the first of `dirs` that has it. "" and "UTC" give UTC.
/// Errors use Go's wording: "unknown time zone Mars/Base", "time: invalid location name".
Result<std::shared_ptr<const Zone>> LoadZone(std::string_view name,
                                             const std::vector<std::string>& dirs);

}  // namespace golden::rego::tz
