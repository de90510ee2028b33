#pragma once

/// GOLDEN_CHECK(cond): for bugs only. Aborts with file and line when `cond` is false.
/// Never used for bad input, which is reported through Status.
#define GOLDEN_CHECK(cond)                                         \
  do {                                                             \
    if (!(cond)) ::golden::detail::CheckFailed(#cond, __FILE__, __LINE__); \
  } while (0)

namespace golden::detail {
[[noreturn]] void CheckFailed(const char* cond, const char* file, int line);
}  // namespace golden::detail
