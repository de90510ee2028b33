#pragma once

// Exact arithmetic on golden::Number with OPA's semantics (topdown/arithmetic.go and
// topdown/builtins' number conversions), shared by the operators and by every builtin that
// computes on numbers (sum, product, bits.*, numbers.range, format_int, units.*, ...).
//
// OPA runs arithmetic in the narrowest representation that holds the operands exactly:
//  - integers (by value: 3, 3.0, 1e30) are exact, of any size (GMP here, big.Int in OPA);
//  - anything else goes through Go's big.Float with a 64-bit mantissa (round half to even),
//    and the result prints as Go's Float.Text('g', -1), or Text('f', -1) when it is whole.
// BigFloat below reproduces big.Float bit for bit (precision, rounding, decimal parsing and
// shortest printing), so results print exactly as OPA prints them.

#include <gmpxx.h>

#include <cstdint>
#include <optional>
#include <string>

#include "base/status.h"
#include "value/number.h"

namespace golden::rego::arith {

/// Error messages, worded as OPA's (the evaluator prefixes "<builtin>: ").
inline constexpr const char* kDivideByZero = "divide by zero";
inline constexpr const char* kModuloByZero = "modulo by zero";
inline constexpr const char* kModuloOnFloat = "modulo on floating-point number";
inline constexpr const char* kOutOfRange = "number out of range";

/// Integers whose decimal form would exceed this many digits are not expanded to exact
/// integers (they take the float path), so "1e100000000" cannot exhaust memory.
inline constexpr int64_t kMaxExactDigits = 100000;

/// A binary floating-point number with Go's math/big.Float semantics: value = ±mant·2^exp
/// with a precision (mantissa bits); every operation rounds to the result's precision, half
/// to even. Precision 0 means "not set yet", as in Go: operations then pick the larger of
/// their operands' precisions.
class BigFloat {
 public:
  /// OPA's precision: big.Float.SetString on a zero-precision Float uses 64 bits.
  static constexpr uint32_t kDefaultPrec = 64;

  /// +0 with precision 0.
  BigFloat() = default;

  /// Go's new(big.Float).SetString(n.String()): the number rounded to 64 bits. nullopt when
  /// its binary exponent leaves Go's range (int32), where Go would give ±Inf.
  static std::optional<BigFloat> FromNumber(const Number& n);
  /// Go's SetInt: exact, precision max(bit length, 64) unless `prec` is given.
  static BigFloat FromInt(const mpz_class& i, uint32_t prec = 0);
  /// Go's big.NewFloat for the doubles OPA uses as constants (0.5, 1.0): precision 53.
  static BigFloat FromDouble(double d);

  uint32_t prec() const { return prec_; }
  bool IsZero() const { return mant_ == 0; }
  /// True for negative numbers and negative zero (Go's Signbit).
  bool Signbit() const { return neg_; }
  /// True when the value is a whole number (zero included).
  bool IsInt() const;
  /// The position above the most significant bit (the bit length of the integer part for
  /// |x| >= 1); callers bound it before Trunc() on untrusted values.
  int64_t IntegerBits() const;
  /// -1, 0 or +1 (zeros of either sign are equal).
  int Cmp(const BigFloat& other) const;
  /// Go's Float.Int(nil): the value truncated towards zero.
  mpz_class Trunc() const;
  /// The value with its sign cleared.
  BigFloat Abs() const;

  /// z = x op y rounded to `prec` (0: the larger of the operands' precisions), as Go's
  /// new(big.Float).Add(x, y) etc. Quo's divisor must not be zero.
  static BigFloat Add(const BigFloat& x, const BigFloat& y, uint32_t prec = 0);
  static BigFloat Sub(const BigFloat& x, const BigFloat& y, uint32_t prec = 0);
  static BigFloat Mul(const BigFloat& x, const BigFloat& y, uint32_t prec = 0);
  static BigFloat Quo(const BigFloat& x, const BigFloat& y, uint32_t prec = 0);

  /// Go's Text('g', -1): shortest decimal that rounds back to this value at its precision.
  std::string TextShortestG() const;
  /// Go's Text('f', -1).
  std::string TextShortestF() const;

  /// OPA's builtins.FloatToNumber: 'f' for whole numbers, else 'g'. nullopt if the value
  /// is too large to print (more than kMaxExactDigits digits).
  std::optional<Number> ToNumber() const;

 private:
  // Rounds mant_·2^exp_ to prec_ bits; `sticky` says that discarded bits below mant_ were
  // non-zero (division remainders).
  void Round(bool sticky);

  bool neg_ = false;
  mpz_class mant_;  // magnitude; at most prec_ significant bits once rounded
  int64_t exp_ = 0;
  uint32_t prec_ = 0;
};

/// The exact integer value of `n` when it is whole (3, 3.0, 30e-1, 1e30) and has at most
/// kMaxExactDigits digits; nullopt otherwise. OPA's builtins.NumberToInt.
std::optional<mpz_class> ToBigInt(const Number& n);

/// The number for an exact integer (inline when it fits in int64). OPA's IntToNumber.
Number FromBigInt(const mpz_class& i);

/// True when `n` is written as a plain integer ("3", "-12"; not "3.0" or "1e3") that fits in
/// an int64: Go's json.Number.Int64(), which OPA's builtins.IntOperand uses.
std::optional<int64_t> PlainInt64(const Number& n);

// The arithmetic builtins, exactly as OPA computes and prints them. Errors carry OPA's
// messages (kDivideByZero, ...), without the builtin name.
Result<Number> Add(const Number& a, const Number& b);
Result<Number> Sub(const Number& a, const Number& b);
Result<Number> Mul(const Number& a, const Number& b);
Result<Number> Div(const Number& a, const Number& b);
Result<Number> Rem(const Number& a, const Number& b);
/// Unary minus: OPA rewrites -x to 0 - x.
Result<Number> Negate(const Number& a);
Result<Number> Abs(const Number& a);
Result<Number> Round(const Number& a);
Result<Number> Ceil(const Number& a);
Result<Number> Floor(const Number& a);

}  // namespace golden::rego::arith
