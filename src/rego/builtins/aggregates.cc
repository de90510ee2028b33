// count, sum, product, max, min, sort and the deprecated all/any (OPA's topdown/aggregates.go).

#include <algorithm>

#include "base/strings.h"
#include "rego/builtins/arith.h"
#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

const std::vector<std::string> kAggregatesCategory = {"aggregates"};
const std::string kSetOrArray = "one of {set, array}";

// Characters, not bytes: Go counts []rune(s), where each byte of an invalid sequence is one
// U+FFFD.
BuiltinResult Count(BuiltinContext&, std::span<const Value> args) {
  const Value& v = args[0];
  if (v.IsString()) return Value::Int(static_cast<int64_t>(Utf8Length(v.GetString())));
  return Value::Int(static_cast<int64_t>(v.Size()));
}

std::span<const Value> Items(const Value& v) { return v.IsArray() ? v.GetArray() : v.GetSet(); }

// Among equal elements (1 and 1.0) OPA keeps the last one an array holds; a set holds one.
BuiltinResult Max(BuiltinContext&, std::span<const Value> args) {
  auto items = Items(args[0]);
  if (items.empty()) return BuiltinResult::Undefined();
  const Value* best = &items[0];
  for (const Value& v : items) {
    if (Compare(*best, v) <= 0) best = &v;
  }
  return *best;
}

BuiltinResult Min(BuiltinContext&, std::span<const Value> args) {
  auto items = Items(args[0]);
  if (items.empty()) return BuiltinResult::Undefined();
  const Value* best = &items[0];
  for (const Value& v : items) {
    if (Compare(*best, v) >= 0) best = &v;
  }
  return *best;
}

BuiltinResult Sort(BuiltinContext&, std::span<const Value> args) {
  auto items = Items(args[0]);
  std::vector<Value> out(items.begin(), items.end());
  if (args[0].IsArray()) std::stable_sort(out.begin(), out.end());
  return Value::Array(std::move(out));
}

// Integers (by value: 2, 2.0, 1e3) accumulate exactly; anything else goes through Go's
// big.Float with a 64-bit mantissa, one operation at a time, as OPA's sum/product do.
BuiltinResult Accumulate(const Value& coll, bool multiply) {
  auto items = Items(coll);
  mpz_class acc(multiply ? 1 : 0);
  bool exact = true;
  for (const Value& v : items) {
    std::optional<mpz_class> i = v.IsNumber() ? arith::ToBigInt(v.GetNumber()) : std::nullopt;
    if (!i) {
      exact = false;
      break;
    }
    if (multiply) {
      acc *= *i;
      // A product beyond what the exact path allows continues as a float, like any other
      // number too large to expand.
      if (mpz_sizeinbase(acc.get_mpz_t(), 10) > static_cast<size_t>(arith::kMaxExactDigits)) {
        exact = false;
        break;
      }
    } else {
      acc += *i;
    }
  }
  if (exact) return Value::Num(arith::FromBigInt(acc));
  // Each step rounds to the larger precision of its operands, 64 bits (OPA checked: sum of
  // [0.1, 0.2] is 0.3, product of [0.1, 3] is 0.3).
  arith::BigFloat total = multiply ? arith::BigFloat::FromDouble(1.0) : arith::BigFloat();
  for (const Value& v : items) {
    if (!v.IsNumber()) return OperandElementError(1, coll, v, {"number"});
    std::optional<arith::BigFloat> f = arith::BigFloat::FromNumber(v.GetNumber());
    if (!f) return BuiltinResult::Error(arith::kOutOfRange);
    total = multiply ? arith::BigFloat::Mul(total, *f) : arith::BigFloat::Add(total, *f);
  }
  std::optional<Number> n = total.ToNumber();
  if (!n) return BuiltinResult::Error(arith::kOutOfRange);
  return Value::Num(*n);
}

BuiltinResult Sum(BuiltinContext&, std::span<const Value> args) {
  return Accumulate(args[0], /*multiply=*/false);
}

BuiltinResult Product(BuiltinContext&, std::span<const Value> args) {
  return Accumulate(args[0], /*multiply=*/true);
}

BuiltinResult All(BuiltinContext&, std::span<const Value> args) {
  for (const Value& v : Items(args[0])) {
    if (!v.IsTrue()) return Value::Bool(false);
  }
  return Value::Bool(true);
}

BuiltinResult Any(BuiltinContext&, std::span<const Value> args) {
  for (const Value& v : Items(args[0])) {
    if (v.IsTrue()) return Value::Bool(true);
  }
  return Value::Bool(false);
}

}  // namespace

Status RegisterAggregateBuiltins(Registry& r) {
  TypePtr set_or_array = t::AnyOf({t::SetOfAny(), t::ArrayOfAny()});
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kAll,
                                     .args = {set_or_array},
                                     .result = t::Boolean(),
                                     .deprecated = true,
                                     .operand_expect = {"one of {array, set}"},
                                     .fn = &All}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kAny,
                                     .args = {set_or_array},
                                     .result = t::Boolean(),
                                     .deprecated = true,
                                     .operand_expect = {"one of {array, set}"},
                                     .fn = &Any}));
  GOLDEN_RETURN_IF_ERROR(r.Register(
      {.name = builtins::kCount,
       .args = {t::AnyOf({t::SetOfAny(), t::ArrayOfAny(), t::ObjectOfAny(), t::String()})},
       .result = t::Number(),
       .categories = kAggregatesCategory,
       .operand_expect = {"one of {array, object, set, string}"},
       .fn = &Count}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kMax,
                                     .args = {set_or_array},
                                     .result = t::Any(),
                                     .categories = kAggregatesCategory,
                                     .operand_expect = {kSetOrArray},
                                     .fn = &Max}));
  TypePtr numbers = t::AnyOf({t::SetOf(t::Number()), t::ArrayOf(t::Number())});
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kSum,
                                     .args = {numbers},
                                     .result = t::Number(),
                                     .categories = kAggregatesCategory,
                                     .operand_expect = {kSetOrArray},
                                     .fn = &Sum}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kProduct,
                                     .args = {numbers},
                                     .result = t::Number(),
                                     .categories = kAggregatesCategory,
                                     .operand_expect = {kSetOrArray},
                                     .fn = &Product}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kMin,
                                     .args = {set_or_array},
                                     .result = t::Any(),
                                     .categories = kAggregatesCategory,
                                     .operand_expect = {kSetOrArray},
                                     .fn = &Min}));
  return r.Register({.name = builtins::kSort,
                     .args = {set_or_array},
                     .result = t::ArrayOfAny(),
                     .categories = kAggregatesCategory,
                     .operand_expect = {kSetOrArray},
                     .fn = &Sort});
}

}  // namespace golden::rego
