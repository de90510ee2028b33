#pragma once

// For the renderers' .cc files only: formatted appends to a std::string.

#include <fmt/format.h>

#include <iterator>
#include <string>

namespace golden::catalog::internal {

/// Appends fmt::format(f, args...) to `*out` (the format string is checked at compile time).
template <typename... Args>
void Append(std::string* out, fmt::format_string<Args...> f, Args&&... args) {
  fmt::format_to(std::back_inserter(*out), f, std::forward<Args>(args)...);
}

}  // namespace golden::catalog::internal
