#pragma once

#include <string>
#include <string_view>

#include "value/value.h"

namespace golden::rego {

/// A value as OPA renders a Rego term (ast.Term.String()): strings quoted the way Go's
/// strconv.Quote does, numbers as written, `[1, "a"]`, `{"a": 1}`, `{1, 2}`, `set()`.
/// This is what print(), template strings and sprintf's %v show for non-string values.
std::string ValueToRegoString(const Value& v);

/// Appends the rendering of `v` to `*out`.
void AppendRegoString(std::string* out, const Value& v);

/// Appends `s` quoted as Go's strconv.Quote does.
void AppendGoQuoted(std::string* out, std::string_view s);

}  // namespace golden::rego
