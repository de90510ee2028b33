#pragma once

#include <string_view>

#include "base/status.h"
#include "rego/builtins/go_time.h"
#include "rego/builtins/registry.h"

namespace golden::rego {

/// Registers time.now_ns, time.parse_ns, time.parse_rfc3339_ns, time.parse_duration_ns,
/// time.format, time.date, time.clock, time.weekday, time.add_date and time.diff.
Status RegisterTimeBuiltins(Registry& registry);

/// The IANA zone `name` as OPA's time builtins resolve it: "" and "UTC" are UTC, "Local" is
/// the zone named by TZ in the engine's environment (else /etc/localtime). Zones are read once
/// and kept in the shared cache. Errors are Go's ("unknown time zone Mars/Base").
Result<gotime::ZonePtr> LoadTimeZone(BuiltinContext& ctx, std::string_view name);

}  // namespace golden::rego
