#pragma once

#include <string>

#include "value/value.h"

namespace golden::rego {

/// A value as Rego source text, as OPA prints terms in messages: `{"method", "url"}`,
/// `set()`, `[1, "a"]`, `{"k": true}`.
std::string RegoText(const Value& v);

}  // namespace golden::rego
