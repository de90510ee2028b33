#pragma once

// Backstage's rules for entity names, tags and annotation keys (catalog-model's
// KubernetesValidatorFunctions and tag policy), and how golden makes a valid name from any
// folder or owner name.

#include <string>
#include <string_view>

namespace golden::catalog {

/// `metadata.name`: 1-63 characters, [A-Za-z0-9] at both ends, [-_.A-Za-z0-9] between.
bool IsValidBackstageName(std::string_view name);

/// A tag: 1-63 characters, [a-z0-9:+#] words separated by single '-'.
bool IsValidBackstageTag(std::string_view tag);

/// An annotation or label key: `name` or `prefix/name`, the prefix a DNS subdomain (lower-case
/// labels separated by dots, at most 253 characters), the name as IsValidBackstageName.
bool IsValidBackstageKey(std::string_view key);

/// A valid name made from `text`: characters outside [-_.A-Za-z0-9] become '-', runs of
/// '-' collapse, the ends are trimmed to letters or digits and the result is cut to 63
/// characters. Text with no letter or digit at all gives `fallback` (which must be valid).
std::string BackstageName(std::string_view text, std::string_view fallback);

/// A valid tag made from `text` (lower-cased; other characters become '-'), or "" when
/// nothing is left.
std::string BackstageTag(std::string_view text);

}  // namespace golden::catalog
