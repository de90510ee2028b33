#pragma once

#include "base/status.h"
#include "rego/builtins/registry.h"

namespace golden::rego {

/// Registers providers.aws.sign_req.
Status RegisterProvidersBuiltins(Registry& registry);

}  // namespace golden::rego
