#pragma once

#include "base/status.h"
#include "rego/builtins/registry.h"

namespace golden::rego {

/// Registers opa.runtime.
Status RegisterOpaBuiltins(Registry& registry);

/// Registers http.send, which refuses to run (golden has no HTTP client; with the network
/// disallowed, the error names the flag that would allow it).
Status RegisterHttpBuiltins(Registry& registry);

}  // namespace golden::rego
