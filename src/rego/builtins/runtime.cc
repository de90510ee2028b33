// opa.runtime (OPA's topdown/runtime.go): the environment the engine was given, and the
// version of golden in place of OPA's.

#include "rego/builtins/runtime.h"

#ifndef GOLDEN_VERSION
#define GOLDEN_VERSION "0.0.0"
#endif

namespace golden::rego {

namespace {

constexpr char kOpaRuntime[] = "opa.runtime";

BuiltinResult Runtime(BuiltinContext& ctx, std::span<const Value>) {
  if (ctx.options == nullptr || !ctx.options->runtime_info) return Value::EmptyObject();
  return Value::Object({{Value::String("env"), ctx.options->env},
                        {Value::String("version"), Value::String(GOLDEN_VERSION)},
                        {Value::String("commit"), Value::String("")}});
}

}  // namespace

Status RegisterOpaBuiltins(Registry& r) {
  return r.Register({
      .name = kOpaRuntime,
      .result = t::Named(t::ObjectOf(t::String(), t::Any()), "output",
                         "includes an `env` key containing the environment variables that the "
                         "engine was started with, and `version` and `commit` keys describing "
                         "the engine"),
      .nondeterministic = true,
      .description = "Returns an object that describes the runtime environment where OPA is "
                     "deployed.",
      .fn = Runtime,
  });
}

}  // namespace golden::rego
