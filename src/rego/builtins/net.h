#pragma once

#include "base/status.h"
#include "rego/builtins/registry.h"

namespace golden::rego {

/// Registers net.cidr_contains, net.cidr_contains_matches, net.cidr_expand,
/// net.cidr_intersects, net.cidr_is_valid, net.cidr_merge and the deprecated net.cidr_overlap.
Status RegisterNetCidrBuiltins(Registry& registry);

/// Registers net.lookup_ip_addr (DNS; needs BuiltinOptions::allow_net for names other than IP
/// literals and "localhost").
Status RegisterNetLookupBuiltins(Registry& registry);

}  // namespace golden::rego
