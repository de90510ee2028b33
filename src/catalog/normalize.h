#pragma once

// How the catalog turns metadata values into the values it counts. One rule for every
// counted text field: trimmed and ASCII lower-cased, so "Python", "python " and "PYTHON" are
// one language shown as "python"; the value as written stays in the repository's metadata.

#include <optional>
#include <string>
#include <string_view>

#include "value/value.h"

namespace golden::catalog {

/// A normalised value and, when normalisation had to change its kind or refuse it, a note
/// for people ("tier is the string \"1\"; counted as tier 1").
template <typename T>
struct Normalized {
  T value;
  std::optional<std::string> note;
};

/// `s` trimmed of ASCII whitespace and ASCII lower-cased (other characters are kept).
std::string NormalizeKey(std::string_view s);

/// A counted text field (type, language, status, owner). `raw` is the metadata value or
/// null when absent. Absent, null or blank gives `fallback` (no note for absent); a string
/// gives its key; anything else (a boolean from YAML 1.1's `no`, a number, a list) gives
/// `fallback` with a note naming the value.
Normalized<std::string> NormalizeLabel(std::string_view field, const Value* raw,
                                       std::string_view fallback);

/// The tier, 1..4. A whole number 1-4 (1.0 included) is itself; a string holding one ("1",
/// " 2 ") counts as that tier with a note; absent is 4 (the original's default); anything
/// else (null, 0, 5, 1.5, "high", true) counts as 4 with a note.
Normalized<int> NormalizeTier(const Value* raw);

/// The description: a string as written; absent or null is ""; anything else is "" with a
/// note.
Normalized<std::string> NormalizeDescription(const Value* raw);

}  // namespace golden::catalog
