#pragma once

// What coverage counts in a lowered program (OPA's cover.Report walks rules and
// expressions the same way).

#include <vector>

#include "rego/eval/ir.h"

namespace golden::rego {

/// The spans a coverage report counts: the head of every rule and every expression of
/// every body (rule bodies, comprehensions, `every`), in no particular order.
std::vector<Span> CoverableSpans(const ir::Program& program);

}  // namespace golden::rego
