#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "rego/builtins/registry.h"

namespace golden::rego {

/// `n` pseudo-random bytes that depend only on the query's seed (BuiltinContext::seed), the
/// builtin's `tag` and `key`: the same call within one query answers alike (as OPA caches
/// rand.intn and uuid.rfc4122 per query), a query with another seed answers differently, and
/// tests with a fixed seed are reproducible. Not for keys or anything secret.
std::string QueryRandomBytes(const BuiltinContext& ctx, std::string_view tag, std::string_view key,
                             size_t n);

/// A uniformly distributed integer in [0, bound) drawn from QueryRandomBytes (bound > 0).
uint64_t QueryRandomBelow(const BuiltinContext& ctx, std::string_view tag, std::string_view key,
                          uint64_t bound);

}  // namespace golden::rego
