#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace golden::checkpoint {

/// When a checkpoint was taken, as it appears in file names: `20261127-074408-397291` (UTC,
/// microseconds), with `-2`, `-3`, ... appended when an earlier checkpoint already has the
/// same microsecond (two runs at once, or a clock pinned by SOURCE_DATE_EPOCH). The original's
/// `20261127-074408` (seconds, no sequence) is read too. Stamps compare by time, then sequence:
/// never by file name, so the order does not depend on how names happen to sort.
struct Stamp {
  /// Microseconds since the Unix epoch, UTC.
  int64_t unix_us = 0;
  /// 0 for the first checkpoint of its microsecond; 2, 3, ... for later ones.
  int seq = 0;
  /// False for the original's second-precision stamps (printed without microseconds).
  bool micros = true;

  /// The stamp as written in file names.
  std::string ToString() const;
  /// The next stamp of the same microsecond (seq 0 -> 2 -> 3 ...).
  Stamp Next() const;

  friend std::strong_ordering operator<=>(const Stamp& a, const Stamp& b) {
    if (auto c = a.unix_us <=> b.unix_us; c != 0) return c;
    return a.seq <=> b.seq;
  }
  friend bool operator==(const Stamp& a, const Stamp& b) {
    return a.unix_us == b.unix_us && a.seq == b.seq;
  }
};

/// The stamp of a checkpoint taken at `unix_ns`.
Stamp StampAt(int64_t unix_ns);

/// Parses a stamp (either form); nullopt when `text` is not one.
std::optional<Stamp> ParseStamp(std::string_view text);

/// `unix_ns` as ISO 8601 UTC with microseconds: "2026-11-27T07:44:08.397291Z".
std::string IsoTimestampMicros(int64_t unix_ns);

/// The UTC date of `unix_ns`: "2026-11-27".
std::string IsoDate(int64_t unix_ns);

}  // namespace golden::checkpoint
