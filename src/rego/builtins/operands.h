#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rego/builtins/registry.h"
#include "value/value.h"

/// Operand checks with the messages of OPA's topdown/builtins package, for builtins whose
/// arguments the registry cannot check from the declared types alone (OPA's type checker
/// accepts them; the builtin itself rejects them at run time).
namespace golden::rego::operands {

/// "operand 2 must be string but got number" (an eval_type_error).
inline BuiltinResult TypeError(int pos, const Value& got, std::string_view expected) {
  return BuiltinResult::TypeError("operand " + std::to_string(pos) + " must be " +
                                  std::string(expected) + " but got " +
                                  std::string(got.TypeName()));
}

/// "operand 3 <message>" (an eval_type_error, like OPA's NewOperandErr).
inline BuiltinResult Error(int pos, std::string_view message) {
  return BuiltinResult::TypeError("operand " + std::to_string(pos) + " " + std::string(message));
}

/// OPA's IntOperand: a number written as an integer that fits in 64 bits ("3", not "3.0" or
/// "1e3", which Go's strconv.ParseInt rejects). On failure `*err` holds OPA's type error.
inline std::optional<int64_t> Int(const Value& v, int pos, std::optional<BuiltinResult>* err) {
  if (!v.IsNumber()) {
    *err = TypeError(pos, v, "number");
    return std::nullopt;
  }
  Number n = v.GetNumber();
  if (!n.IsSmallInt()) {
    *err = Error(pos, "must be integer number but got floating-point number");
    return std::nullopt;
  }
  return n.small_int();
}

}  // namespace golden::rego::operands
