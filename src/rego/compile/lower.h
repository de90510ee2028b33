#pragma once

// Lowering: compiled ASTs -> the evaluator's program (rego/eval/ir.h). Variables become
// frame slots, data refs start at the rule-tree node their constant prefix reaches, calls
// point at their builtin or rule set, and rule sets get their index.

#include "rego/compile/compiler.h"
#include "rego/eval/ir.h"

namespace golden::rego::compile {

/// Builds the rule tree, rule sets and rules of `modules` into `program`.
void LowerModules(const CompiledModules& modules, const Registry& builtins,
                  ir::Program* program);

/// Lowers a compiled query; its nodes go to `storage`, rule sets come from `program`.
void LowerQuery(const CompiledQuery& query, const Registry& builtins,
                const ir::Program& program, ir::Program* storage, ir::Query* out);

}  // namespace golden::rego::compile
