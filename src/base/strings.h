#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace golden {

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
bool IsValidUtf8(std::string_view s);

/// `s` with every byte that is not part of valid UTF-8 replaced by "\xNN".
std::string EscapeInvalidUtf8(std::string_view s);

/// Decodes one code point at `s[*pos]`, advancing `*pos`; returns -1 on malformed input
/// (and advances by one byte).
int32_t DecodeUtf8(std::string_view s, size_t* pos);

/// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(std::string* out, uint32_t cp);

/// Number of code points in valid UTF-8 `s` (bytes of invalid sequences count one each).
size_t Utf8Length(std::string_view s);

/// Leading and trailing ASCII whitespace (space, \t, \n, \r, \v, \f) removed.
std::string_view TrimSpace(std::string_view s);

/// Splits on every occurrence of `sep` (an empty `sep` is not allowed).
std::vector<std::string_view> Split(std::string_view s, std::string_view sep);

/// Joins with `sep` between the parts.
std::string Join(const std::vector<std::string>& parts, std::string_view sep);

/// ASCII lower-case copy.
std::string AsciiLower(std::string_view s);

}  // namespace golden
