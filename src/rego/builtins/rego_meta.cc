// rego.metadata.chain and rego.metadata.rule (the compiler replaces their calls with the
// annotations in scope, so they are never called at evaluation time) and rego.parse_module,
// which parses through the engine (BuiltinContext::parse_module).

#include "rego/builtins/language_names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

BuiltinResult ParseModule(BuiltinContext& ctx, std::span<const Value> args) {
  if (!ctx.parse_module) return BuiltinResult::Error("not available");
  return ctx.parse_module(args[0].GetString(), args[1].GetString());
}

}  // namespace

Status RegisterRegoBuiltins(Registry& r) {
  using namespace builtins;  // NOLINT: the names of this file's builtins
  GOLDEN_RETURN_IF_ERROR(
      r.Register({.name = kRegoMetadataChain, .result = t::ArrayOfAny(), .categories = {"rego"}}));
  GOLDEN_RETURN_IF_ERROR(
      r.Register({.name = kRegoMetadataRule, .result = t::Any(), .categories = {"rego"}}));
  return r.Register({.name = kRegoParseModule,
                     .args = {t::Named(t::String(), "filename"), t::Named(t::String(), "rego")},
                     .result = t::ObjectOf(t::String(), t::Any()),
                     .categories = {"rego"},
                     .fn = &ParseModule});
}

}  // namespace golden::rego
