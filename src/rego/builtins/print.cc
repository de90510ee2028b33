// print (rewritten by the compiler into internal.print, which the evaluator runs so that it
// can iterate over undefined operands), template strings (internal.template_string, also
// run by the evaluator) and trace (OPA's topdown/trace.go: notes are only seen by tracers).

#include "rego/builtins/language_names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

BuiltinResult Trace(BuiltinContext&, std::span<const Value>) { return Value::Bool(true); }

// `opa test` reports test cases through tracers; without one it does nothing.
BuiltinResult TestCase(BuiltinContext&, std::span<const Value>) { return Value::Bool(true); }

}  // namespace

Status RegisterPrintBuiltins(Registry& r) {
  using namespace builtins;  // NOLINT: the names of this file's builtins
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = kPrint,
                                     .variadic = true,
                                     .categories = {"tracing"}}));
  GOLDEN_RETURN_IF_ERROR(
      r.Register({.name = kInternalPrint, .args = {t::ArrayOf(t::SetOfAny())}}));
  GOLDEN_RETURN_IF_ERROR(r.Register(
      {.name = kTemplateString, .args = {t::ArrayOfAny()}, .result = t::String()}));
  GOLDEN_RETURN_IF_ERROR(
      r.Register({.name = kInternalTestCase, .args = {t::ArrayOfAny()}, .fn = &TestCase}));
  return r.Register({.name = kTrace,
                     .args = {t::String()},
                     .result = t::Boolean(),
                     .categories = {"tracing"},
                     .fn = &Trace});
}

}  // namespace golden::rego
