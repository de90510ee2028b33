#pragma once

// The Unicode character classes and case mappings Go's strings and unicode packages use, on
// ICU (the same Unicode version as the Go releases OPA 1.x is built with).

#include <cstdint>
#include <string>
#include <string_view>

namespace golden::rego::unicode {

/// Go's unicode.ToUpper / ToLower: the simple (one-to-one) case mapping.
int32_t ToUpper(int32_t cp);
int32_t ToLower(int32_t cp);

/// Go's strings.ToUpper / ToLower: every character mapped; invalid UTF-8 bytes become U+FFFD,
/// as Go's rune iteration reads them.
std::string ToUpper(std::string_view s);
std::string ToLower(std::string_view s);

/// Go's unicode.IsSpace: '\t', '\n', '\v', '\f', '\r', ' ', U+0085, U+00A0 and the other
/// White_Space characters.
bool IsSpace(int32_t cp);

/// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
bool IsPrint(int32_t cp);

/// Go's unicode.IsLetter and unicode.IsDigit (category Nd).
bool IsLetter(int32_t cp);
bool IsDigit(int32_t cp);

/// Decodes one character at `s[*pos]` the way Go's range loop does: an invalid or truncated
/// sequence yields U+FFFD and advances one byte.
int32_t DecodeRune(std::string_view s, size_t* pos);

/// Appends `cp` in UTF-8 (surrogates and out-of-range values as U+FFFD, as Go encodes them).
void AppendRune(std::string* out, int32_t cp);

inline constexpr int32_t kReplacementChar = 0xFFFD;

}  // namespace golden::rego::unicode
