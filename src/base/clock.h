#pragma once

#include <cstdint>

namespace golden {

/// The source of "now". Injected so that time-dependent output is testable.
class Clock {
 public:
  virtual ~Clock() = default;
  /// Nanoseconds since the Unix epoch, UTC.
  virtual int64_t NowNs() const = 0;
};

/// The system's real-time clock.
class SystemClock final : public Clock {
 public:
  int64_t NowNs() const override;
};

/// A clock that always answers the time it was given.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t ns) : ns_(ns) {}
  int64_t NowNs() const override { return ns_; }

 private:
  int64_t ns_;
};

}  // namespace golden
