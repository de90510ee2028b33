// bits.and, bits.or, bits.xor, bits.negate, bits.lsh and bits.rsh on integers of any size, with
// two's complement semantics for negative numbers as Go's big.Int has (OPA's topdown/bits.go).

#include "rego/builtins/arith.h"
#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

// OPA's BigIntOperand: any whole number, whatever its spelling (3, 3.0, 1e3).
std::optional<mpz_class> IntegerOperand(const Value& v, int pos, BuiltinResult* error) {
  std::optional<mpz_class> i = arith::ToBigInt(v.GetNumber());
  if (!i) *error = OperandError(pos, kNotIntegerMessage);
  return i;
}

// A shift count: non-negative, and small enough that the result stays within the size that
// numbers may reach exactly (a larger left shift is reported instead of exhausting memory).
std::optional<uint64_t> ShiftOperand(const mpz_class& s, BuiltinResult* error) {
  if (sgn(s) < 0) {
    *error = OperandError(2, "must be an unsigned integer number but got a negative integer");
    return std::nullopt;
  }
  if (!mpz_fits_ulong_p(s.get_mpz_t())) return UINT64_MAX;
  return s.get_ui();
}

constexpr uint64_t kMaxShiftBits = static_cast<uint64_t>(arith::kMaxExactDigits) * 3;

template <typename Op>
BuiltinResult Binary(std::span<const Value> args, Op op) {
  BuiltinResult error = BuiltinResult::Undefined();
  std::optional<mpz_class> a = IntegerOperand(args[0], 1, &error);
  if (!a) return error;
  std::optional<mpz_class> b = IntegerOperand(args[1], 2, &error);
  if (!b) return error;
  return op(*a, *b, &error);
}

BuiltinResult And(BuiltinContext&, std::span<const Value> args) {
  return Binary(args, [](const mpz_class& a, const mpz_class& b, BuiltinResult*) -> BuiltinResult {
    return Value::Num(arith::FromBigInt(a & b));
  });
}

BuiltinResult Or(BuiltinContext&, std::span<const Value> args) {
  return Binary(args, [](const mpz_class& a, const mpz_class& b, BuiltinResult*) -> BuiltinResult {
    return Value::Num(arith::FromBigInt(a | b));
  });
}

BuiltinResult Xor(BuiltinContext&, std::span<const Value> args) {
  return Binary(args, [](const mpz_class& a, const mpz_class& b, BuiltinResult*) -> BuiltinResult {
    return Value::Num(arith::FromBigInt(a ^ b));
  });
}

BuiltinResult Lsh(BuiltinContext&, std::span<const Value> args) {
  return Binary(args,
                [](const mpz_class& a, const mpz_class& b, BuiltinResult* error) -> BuiltinResult {
                  std::optional<uint64_t> s = ShiftOperand(b, error);
                  if (!s) return *error;
                  if (sgn(a) == 0) return Value::Int(0);
                  if (*s > kMaxShiftBits) return BuiltinResult::Error(arith::kOutOfRange);
                  mpz_class r;
                  mpz_mul_2exp(r.get_mpz_t(), a.get_mpz_t(), static_cast<mp_bitcnt_t>(*s));
                  return Value::Num(arith::FromBigInt(r));
                });
}

// An arithmetic shift: negative numbers round towards minus infinity, as Go's Rsh does.
BuiltinResult Rsh(BuiltinContext&, std::span<const Value> args) {
  return Binary(args,
                [](const mpz_class& a, const mpz_class& b, BuiltinResult* error) -> BuiltinResult {
                  std::optional<uint64_t> s = ShiftOperand(b, error);
                  if (!s) return *error;
                  uint64_t bits = mpz_sizeinbase(a.get_mpz_t(), 2);
                  mpz_class r;
                  mpz_fdiv_q_2exp(r.get_mpz_t(), a.get_mpz_t(),
                                  static_cast<mp_bitcnt_t>(std::min(*s, bits + 1)));
                  return Value::Num(arith::FromBigInt(r));
                });
}

BuiltinResult Negate(BuiltinContext&, std::span<const Value> args) {
  BuiltinResult error = BuiltinResult::Undefined();
  std::optional<mpz_class> a = IntegerOperand(args[0], 1, &error);
  if (!a) return error;
  return Value::Num(arith::FromBigInt(~*a));
}

Descriptor BitsFn(const char* name, size_t arity, BuiltinFn fn) {
  return {.name = name,
          .args = std::vector<TypePtr>(arity, t::Number()),
          .result = t::Number(),
          // OPA's BigIntOperand names an operand that is not a number "integer".
          .operand_expect = std::vector<std::string>(arity, "integer"),
          .fn = fn};
}

}  // namespace

Status RegisterBitsBuiltins(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(r.Register(BitsFn(builtins::kBitsAnd, 2, &And)));
  GOLDEN_RETURN_IF_ERROR(r.Register(BitsFn(builtins::kBitsLsh, 2, &Lsh)));
  GOLDEN_RETURN_IF_ERROR(r.Register(BitsFn(builtins::kBitsNegate, 1, &Negate)));
  GOLDEN_RETURN_IF_ERROR(r.Register(BitsFn(builtins::kBitsOr, 2, &Or)));
  GOLDEN_RETURN_IF_ERROR(r.Register(BitsFn(builtins::kBitsRsh, 2, &Rsh)));
  return r.Register(BitsFn(builtins::kBitsXor, 2, &Xor));
}

}  // namespace golden::rego
