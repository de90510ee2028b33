#pragma once

// A readable rendering of compiled modules (rule heads and rewritten bodies), for tests and
// debugging: one rule per block,
//
//   data.p.allow = true {
//     __local0__ = input.x
//     gt(__local0__, 1)
//   }

#include <string>
#include <vector>

#include "rego/syntax/ast.h"

namespace golden::rego::compile {

std::string DumpRule(const Rule* r);
std::string DumpModules(const std::vector<Module*>& modules);

}  // namespace golden::rego::compile
