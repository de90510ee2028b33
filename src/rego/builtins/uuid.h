#pragma once

#include "base/status.h"
#include "rego/builtins/registry.h"

namespace golden::rego {

/// Registers uuid.rfc4122 and uuid.parse.
Status RegisterUuidBuiltins(Registry& registry);

/// Registers rand.intn.
Status RegisterRandBuiltins(Registry& registry);

}  // namespace golden::rego
