// http.send. golden evaluates policies over checked-out repositories and has no HTTP client:
// the builtin is declared (so policies that mention it compile, and capabilities list it) and
// fails with an error that says why.

#include "rego/builtins/runtime.h"

namespace golden::rego {

namespace {

constexpr char kHttpSend[] = "http.send";

BuiltinResult Send(BuiltinContext& ctx, std::span<const Value>) {
  if (ctx.options == nullptr || !ctx.options->allow_net) {
    const std::string flag = ctx.options != nullptr ? ctx.options->allow_net_flag : "--allow-net";
    return BuiltinResult::Error("network access is disabled; pass " + flag + " to allow it");
  }
  // Network access is allowed, but there is nothing to send the request with.
  return BuiltinResult::Error("not supported: golden has no HTTP client");
}

}  // namespace

Status RegisterHttpBuiltins(Registry& r) {
  return r.Register({
      .name = kHttpSend,
      .args = {t::Named(t::ObjectOf(t::String(), t::Any()), "request", "the HTTP request object")},
      .result = t::Named(t::ObjectOf(t::Any(), t::Any()), "response", "the HTTP response object"),
      .nondeterministic = true,
      .description = "Returns a HTTP response to the given HTTP request.",
      .fn = Send,
  });
}

}  // namespace golden::rego
