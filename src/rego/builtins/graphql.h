#pragma once

// graphql.*: GraphQL parsing and validation as OPA does it (on gqlparser's rules).

#include "base/status.h"
#include "rego/builtins/registry.h"

namespace golden::rego {

Status RegisterGraphqlBuiltins(Registry& registry);

}  // namespace golden::rego
