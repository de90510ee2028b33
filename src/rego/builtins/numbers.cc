// abs, round, ceil, floor (OPA's topdown/arithmetic.go, through arith.h) and numbers.range,
// numbers.range_step (topdown/numbers.go).

#include "rego/builtins/arith.h"
#include "rego/builtins/language_names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

const std::vector<std::string> kNumbers = {"numbers"};

/// Ranges longer than this fail instead of exhausting memory (OPA has no such limit; it
/// relies on query cancellation).
constexpr uint64_t kMaxRangeLength = 10'000'000;

template <Result<Number> (*Op)(const Number&)>
BuiltinResult Unary(BuiltinContext&, std::span<const Value> args) {
  Result<Number> r = Op(args[0].GetNumber());
  if (!r.ok()) return BuiltinResult::Error(r.status().message());
  return Value::Num(*r);
}

// OPA's BigIntOperand: any number with an integer value (1, 1.0, 1e3).
std::optional<mpz_class> BigIntOperand(const Value& v, int pos, BuiltinResult* error) {
  std::optional<mpz_class> i = arith::ToBigInt(v.GetNumber());
  if (!i) *error = OperandError(pos, kNotIntegerMessage);
  return i;
}

BuiltinResult Range(std::string_view name, std::span<const Value> args, const mpz_class& step) {
  BuiltinResult err = Value();
  std::optional<mpz_class> x = BigIntOperand(args[0], 1, &err);
  if (!x) return err;
  std::optional<mpz_class> y = BigIntOperand(args[1], 2, &err);
  if (!y) return err;
  bool up = *x <= *y;
  mpz_class span = up ? mpz_class(*y - *x) : mpz_class(*x - *y);
  mpz_class count = span / step + 1;
  if (count > mpz_class(static_cast<unsigned long>(kMaxRangeLength))) {  // NOLINT: GMP's type
    return BuiltinResult::Error(std::string(name) + ": range too large");
  }
  std::vector<Value> out;
  out.reserve(count.get_ui());
  mpz_class i = *x;
  for (unsigned long n = 0; n < count.get_ui(); ++n) {  // NOLINT: GMP's type
    out.push_back(Value::Num(arith::FromBigInt(i)));
    if (up) {
      i += step;
    } else {
      i -= step;
    }
  }
  return Value::Array(std::move(out));
}

BuiltinResult NumbersRange(BuiltinContext&, std::span<const Value> args) {
  return Range(builtins::kNumbersRange, args, mpz_class(1));
}

BuiltinResult NumbersRangeStep(BuiltinContext&, std::span<const Value> args) {
  BuiltinResult err = Value();
  std::optional<mpz_class> step = BigIntOperand(args[2], 3, &err);
  // OPA checks the step's sign first when all three are small integers, else after the bounds.
  bool all_plain = PlainInt(args[0]) && PlainInt(args[1]) && PlainInt(args[2]);
  if (!all_plain) {
    BuiltinResult bound_err = Value();
    if (!BigIntOperand(args[0], 1, &bound_err)) return bound_err;
    if (!BigIntOperand(args[1], 2, &bound_err)) return bound_err;
  }
  if (!step) return err;
  if (*step <= 0) {
    // A plain error: the evaluator prefixes the name once more, as OPA does.
    return BuiltinResult::Error("numbers.range_step: step must be a positive integer");
  }
  return Range(builtins::kNumbersRangeStep, args, *step);
}

Descriptor Rounding(const char* name, BuiltinFn fn) {
  return {.name = name,
          .args = {t::Number()},
          .result = t::Number(),
          .categories = kNumbers,
          .fn = fn};
}

}  // namespace

Status RegisterNumberBuiltins(Registry& r) {
  using namespace builtins;  // NOLINT: the names of this file's builtins
  GOLDEN_RETURN_IF_ERROR(r.Register(Rounding(kAbs, &Unary<&arith::Abs>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(Rounding(kRound, &Unary<&arith::Round>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(Rounding(kCeil, &Unary<&arith::Ceil>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(Rounding(kFloor, &Unary<&arith::Floor>)));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = kNumbersRange,
                                     .args = {t::Number(), t::Number()},
                                     .result = t::ArrayOf(t::Number()),
                                     .categories = kNumbers,
                                     .operand_expect = {"integer", "integer"},
                                     .fn = &NumbersRange}));
  return r.Register({.name = kNumbersRangeStep,
                     .args = {t::Number(), t::Number(), t::Number()},
                     .result = t::ArrayOf(t::Number()),
                     .categories = kNumbers,
                     .operand_expect = {"integer", "integer", "integer"},
                     .fn = &NumbersRangeStep});
}

}  // namespace golden::rego
