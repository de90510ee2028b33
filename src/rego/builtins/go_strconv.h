#pragma once

// The parts of Go's strconv package that OPA's builtins expose through messages and
// formatting: quoting strings and characters, and formatting floats.

#include <cstdint>
#include <string>
#include <string_view>

namespace golden::rego {

/// Go's strconv.Quote (or QuoteToASCII when `ascii_only`): a double-quoted Go string literal
/// with Go's escapes; invalid UTF-8 bytes become \x escapes.
std::string GoQuote(std::string_view s, bool ascii_only = false);

/// Go's strconv.QuoteRune / QuoteRuneToASCII: 'x' with Go's escapes.
std::string GoQuoteRune(int32_t r, bool ascii_only = false);

/// Go's strconv.FormatFloat(v, fmt, prec, 64) for fmt in "eEfFgGbxX"; prec < 0 asks for the
/// shortest representation that reads back the same.
std::string GoFormatFloat(double v, char fmt, int prec);

/// Go's strconv.CanBackquote: `s` can be written as a raw `...` literal.
bool GoCanBackquote(std::string_view s);

// Go's url.QueryEscape: unreserved ASCII bytes kept, space as '+', the rest %XX.
std::string GoQueryEscape(std::string_view s);

}  // namespace golden::rego
