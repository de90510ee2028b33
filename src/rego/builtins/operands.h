#pragma once

// Helpers every builtin uses to read its operands and to word operand errors exactly as OPA's
// topdown/builtins package does, plus the typed adapter that turns a plain C++ function into a
// BuiltinFn.

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "rego/builtins/registry.h"
#include "value/value.h"

namespace golden::rego {

/// OPA's NewOperandErr: "operand <pos> <message>", as a type error.
BuiltinResult OperandError(int pos, std::string_view message);

/// OPA's NewOperandTypeErr: "operand 2 must be string but got number", or with several
/// alternatives "operand 2 must be one of {set, array} but got number".
BuiltinResult OperandTypeError(int pos, const Value& got,
                               std::initializer_list<std::string_view> expected);

/// OPA's NewOperandElementErr: "operand 1 must be array of strings but got array containing
/// number", or "... must be set of (any of) {string, number} but got set containing null".
BuiltinResult OperandElementError(int pos, const Value& composite, const Value& got,
                                  std::initializer_list<std::string_view> expected);

/// OPA's NewOperandEnumErr: "operand 2 must be one of {2, 8, 10, 16}".
BuiltinResult OperandEnumError(int pos, std::initializer_list<std::string_view> expected);

/// The message of OPA's IntOperand for a number that is not written as an integer.
inline constexpr std::string_view kNotIntegerMessage =
    "must be integer number but got floating-point number";

/// OPA's builtins.IntOperand: the value of a number written as a plain integer that fits in
/// 64 bits (Go's json.Number.Int64: "3" but not "3.0" or "1e3"). nullopt otherwise.
std::optional<int64_t> PlainInt(const Value& v);

/// Reads operand `pos` as OPA's IntOperand does; on failure returns the type error ("operand
/// 2 must be number but got string" or the floating-point one) in `*error`.
std::optional<int64_t> IntOperand(const Value& v, int pos, BuiltinResult* error);

/// The elements of an array or set of strings (OPA's StringSliceOperand), or the operand error
/// in `*error`: "... must be one of {array, set} ..." or the element error naming strings.
std::optional<std::vector<std::string_view>> StringSliceOperand(const Value& v, int pos,
                                                                BuiltinResult* error);

namespace internal {

// How the adapter reads one parameter type from an argument whose kind the registry has
// already checked. A mismatch can only come from a caller that skipped CheckOperands.
template <typename T>
struct ArgReader;

template <>
struct ArgReader<std::string_view> {
  static constexpr std::string_view kKind = "string";
  static std::optional<std::string_view> Read(const Value& v) { return v.AsString(); }
};

template <>
struct ArgReader<Number> {
  static constexpr std::string_view kKind = "number";
  static std::optional<Number> Read(const Value& v) { return v.AsNumber(); }
};

template <>
struct ArgReader<bool> {
  static constexpr std::string_view kKind = "boolean";
  static std::optional<bool> Read(const Value& v) { return v.AsBool(); }
};

template <>
struct ArgReader<Value> {
  static constexpr std::string_view kKind = "any";
  static std::optional<std::reference_wrapper<const Value>> Read(const Value& v) {
    return std::cref(v);
  }
};

template <typename T>
using Bare = std::remove_cvref_t<T>;

template <typename R>
BuiltinResult ToResult(R&& r) {
  using T = Bare<R>;
  if constexpr (std::is_same_v<T, BuiltinResult> || std::is_same_v<T, Value>) {
    return BuiltinResult(std::forward<R>(r));
  } else if constexpr (std::is_same_v<T, bool>) {
    return Value::Bool(r);
  } else if constexpr (std::is_same_v<T, std::string>) {
    return Value::String(std::move(r));
  } else if constexpr (std::is_same_v<T, Number>) {
    return Value::Num(r);
  } else {
    static_assert(std::is_same_v<T, int64_t>, "unsupported builtin result type");
    return Value::Int(r);
  }
}

template <typename... A>
struct FirstIsContext : std::false_type {};
template <typename... Rest>
struct FirstIsContext<BuiltinContext&, Rest...> : std::true_type {};

// Reads args[I] as P... and calls F, with the context first when F takes it.
template <auto F, bool kWithContext, typename... P, size_t... I>
BuiltinResult InvokeWith(BuiltinContext& ctx, std::span<const Value> args,
                         std::index_sequence<I...>) {
  if (args.size() != sizeof...(P)) {
    return BuiltinResult::TypeError("expected " + std::to_string(sizeof...(P)) +
                                    " arguments but got " + std::to_string(args.size()));
  }
  auto read = std::make_tuple(ArgReader<Bare<P>>::Read(args[I])...);
  std::optional<BuiltinResult> bad;
  ((!std::get<I>(read) && !bad ? (void)(bad = OperandTypeError(static_cast<int>(I) + 1, args[I],
                                                               {ArgReader<Bare<P>>::kKind}))
                               : (void)0),
   ...);
  if (bad) return std::move(*bad);
  if constexpr (kWithContext) {
    return ToResult(F(ctx, *std::get<I>(read)...));
  } else {
    (void)ctx;
    return ToResult(F(*std::get<I>(read)...));
  }
}

template <auto F, typename Sig>
struct Adapter;

template <auto F, typename R, typename... A>
struct Adapter<F, R (*)(A...)> {
  static BuiltinResult Call(BuiltinContext& ctx, std::span<const Value> args) {
    if constexpr (FirstIsContext<A...>::value) {
      return CallWithoutFirst<A...>(ctx, args);
    } else {
      return InvokeWith<F, false, A...>(ctx, args, std::index_sequence_for<A...>{});
    }
  }
  template <typename First, typename... Rest>
  static BuiltinResult CallWithoutFirst(BuiltinContext& ctx, std::span<const Value> args) {
    return InvokeWith<F, true, Rest...>(ctx, args, std::index_sequence_for<Rest...>{});
  }
};

}  // namespace internal

/// Turns a plain function into a BuiltinFn. Parameters may be std::string_view, Number, bool
/// or const Value& (one per Rego argument), optionally preceded by BuiltinContext&; the result
/// may be BuiltinResult, Value, bool, std::string, Number or int64_t. The registry has checked
/// each argument's kind against the declaration, so the function reads plain C++ values:
///
///   bool StartsWith(std::string_view s, std::string_view prefix);
///   Descriptor{.name = "startswith", ..., .fn = Adapt<&StartsWith>()};
template <auto F>
constexpr BuiltinFn Adapt() {
  return &internal::Adapter<F, decltype(F)>::Call;
}

}  // namespace golden::rego
