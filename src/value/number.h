#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace golden {

namespace detail {
struct NumberNode;
}  // namespace detail

/// A number as OPA keeps it: exact, of any size. Integers that fit in 64 bits are stored
/// inline (the fast path); anything else (big integers, decimals) is kept as its decimal
/// text in a shared node, compared and hashed by exact value, so `1`, `1.0` and `10e-1` are
/// equal and hash alike while each prints as it was written.
class Number {
 public:
  Number() noexcept : small_(0), node_(nullptr) {}
  Number(int64_t v) noexcept : small_(v), node_(nullptr) {}  // NOLINT: implicit on purpose
  Number(const Number& other) noexcept;
  Number(Number&& other) noexcept : small_(other.small_), node_(other.node_) {
    other.node_ = nullptr;
  }
  Number& operator=(const Number& other) noexcept;
  Number& operator=(Number&& other) noexcept;
  ~Number();

  /// Parses JSON number syntax (`-?digits[.digits][(e|E)[+-]digits]`). Returns nullopt for
  /// anything else. Integer text that fits in int64 takes the fast path.
  static std::optional<Number> Parse(std::string_view text);

  /// A finite double, printed in the shortest form that reads back the same (Go's 'g' with
  /// precision -1, as OPA prints float results); integral values within int64 become ints.
  /// Returns nullopt for NaN and infinities, which OPA numbers cannot hold.
  static std::optional<Number> FromDouble(double d);

  /// True when the value is stored inline as an int64.
  bool IsSmallInt() const { return node_ == nullptr; }
  /// The inline int64 (only when IsSmallInt()).
  int64_t small_int() const { return small_; }

  /// True when the value is a whole number (of any size): 3, 3.0, 3e2, 1e30.
  bool IsInteger() const;
  /// The value as int64 when it is a whole number in range.
  std::optional<int64_t> AsInt64() const;
  /// The nearest double (may be ±inf for huge values, which callers must treat as out of range).
  double ToDouble() const;

  /// The text to print: the digits as written for parsed numbers, the decimal for ints.
  std::string ToString() const;

  /// Exact three-way comparison by value.
  int Compare(const Number& other) const;
  bool operator==(const Number& other) const { return Compare(other) == 0; }
  bool operator<(const Number& other) const { return Compare(other) < 0; }

  /// Hash consistent with Compare (equal values hash alike).
  size_t Hash() const;

 private:
  explicit Number(detail::NumberNode* node) : small_(0), node_(node) {}
  friend class Value;

  int64_t small_;
  detail::NumberNode* node_;
};

}  // namespace golden
