// rand.intn (OPA's topdown/numbers.go): random per query, the same answer for the same
// arguments within one query.

#include "rego/builtins/operands.h"
#include "rego/builtins/query_random.h"
#include "rego/builtins/uuid.h"

namespace golden::rego {

namespace {

constexpr char kRandIntn[] = "rand.intn";

BuiltinResult Intn(BuiltinContext& ctx, std::span<const Value> args) {
  BuiltinResult err = BuiltinResult::Undefined();
  auto n = IntOperand(args[1], 2, &err);
  if (!n) return err;
  if (*n == 0) return Value::Int(0);
  const uint64_t bound = *n < 0 ? 0 - static_cast<uint64_t>(*n) : static_cast<uint64_t>(*n);
  // OPA keys its per-query cache on "<str>-<abs(n)>".
  std::string key = std::string(args[0].GetString()) + "-" + std::to_string(bound);
  return Value::Int(static_cast<int64_t>(QueryRandomBelow(ctx, kRandIntn, key, bound)));
}

}  // namespace

Status RegisterRandBuiltins(Registry& r) {
  return r.Register({
      .name = kRandIntn,
      .args = {t::Named(t::String(), "str", "seed string for the random number"),
               t::Named(t::Number(), "n", "upper bound of the random number (exclusive)")},
      .result = t::Named(t::Number(), "y", "random integer in the range `[0, abs(n))`"),
      .nondeterministic = true,
      .categories = {"numbers"},
      .description = "Returns a random integer between `0` and `n` (`n` exclusive). If `n` is "
                     "`0`, then `y` is always `0`. For any given argument pair (`str`, `n`), the "
                     "output will be consistent throughout a query evaluation.",
      .fn = Intn,
  });
}

}  // namespace golden::rego
