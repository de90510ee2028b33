#pragma once

// Values written as Rego terms, the way OPA's ast.Value.String() writes them: strings in Go
// quotes, sets as {1, 2} or set(), objects as {"a": 1}. sprintf shows composite arguments this
// way, and so do print() and template strings.

#include <string>

#include "value/value.h"

namespace golden::rego {

/// Appends the Rego term text of `v` to `*out`.
void AppendTermText(std::string* out, const Value& v);

/// The Rego term text of `v`: "null", "1.5", "\"a\\n\"", "[1, \"a\"]", "{1, 2}", "set()",
/// "{\"a\": {1}}".
std::string TermText(const Value& v);

}  // namespace golden::rego
