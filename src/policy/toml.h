#pragma once

// The part of TOML that project manifests use (pyproject.toml, Cargo.toml): tables, dotted
// and quoted keys, strings (basic, literal, multi-line), integers, floats, booleans, arrays
// and inline tables. Dates stay strings; arrays of tables ([[x]]) become arrays of objects.

#include <string_view>

#include "base/status.h"
#include "value/value.h"

namespace golden::policy {

/// Parses `text` into an object. Errors are ParseErrors located at their line.
Result<Value> ParseToml(std::string_view text);

}  // namespace golden::policy
