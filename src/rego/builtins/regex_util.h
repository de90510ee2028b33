#pragma once

// Go regular expressions on RE2: the two read almost the same syntax, and this translates the
// rest (Go's (?<name>...) groups) and words errors as Go's regexp package does. Shared by the
// regex and glob builtins.

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace golden::rego {

class SharedCache;

/// Checks `pattern` as Go's regexp.Compile would; the error reads like Go's ("error parsing
/// regexp: missing closing ]: `[`").
Status ValidateGoRegex(std::string_view pattern);

/// Compiles a Go-syntax pattern for RE2, reusing the compiled form from `cache` (which may be
/// null) under a key derived from the pattern.
Result<std::shared_ptr<const re2::RE2>> CompileGoRegex(SharedCache* cache,
                                                       std::string_view pattern);

}  // namespace golden::rego
