#pragma once

#include "base/status.h"
#include "rego/builtins/registry.h"

namespace golden::rego {

/// Registers json.verify_schema and json.match_schema.
Status RegisterJsonSchemaBuiltins(Registry& registry);

}  // namespace golden::rego
