#pragma once

#include <string>

#include "value/value.h"

namespace golden::portfolio {

/// `v` written as Python's repr() writes the value PyYAML would have produced: 'text' (or
/// "text" when it holds a single quote), True, False, None, [1, 'a'], {'k': 'v'}. Schema and
/// tier messages use it so they read as jsonschema's do. Output longer than `max_bytes` is cut
/// at a character boundary and ends with "...".
std::string PyRepr(const Value& v, size_t max_bytes = 200);

}  // namespace golden::portfolio
