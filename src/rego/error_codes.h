#pragma once

// OPA's error codes, shared by the engine's internals and its public API (rego.h).

#include <string_view>

namespace golden::rego::errc {

inline constexpr std::string_view kParse = "rego_parse_error";
inline constexpr std::string_view kCompile = "rego_compile_error";
inline constexpr std::string_view kUnsafeVar = "rego_unsafe_var_error";
inline constexpr std::string_view kRecursion = "rego_recursion_error";
inline constexpr std::string_view kType = "rego_type_error";
inline constexpr std::string_view kEvalConflict = "eval_conflict_error";
inline constexpr std::string_view kEvalType = "eval_type_error";
inline constexpr std::string_view kEvalBuiltin = "eval_builtin_error";
inline constexpr std::string_view kEvalCancel = "eval_cancel_error";
inline constexpr std::string_view kEvalInternal = "eval_internal_error";

}  // namespace golden::rego::errc
