#pragma once

// Names of the builtins that are part of the Rego language itself (operators, membership,
// print, template strings, walk, rego.metadata.*), implemented by the engine's own files.

namespace golden::rego::builtins {

// operators.cc
inline constexpr char kEq[] = "eq";
inline constexpr char kAssign[] = "assign";
inline constexpr char kEqual[] = "equal";
inline constexpr char kNeq[] = "neq";
inline constexpr char kLt[] = "lt";
inline constexpr char kLte[] = "lte";
inline constexpr char kGt[] = "gt";
inline constexpr char kGte[] = "gte";
inline constexpr char kPlus[] = "plus";
inline constexpr char kMinus[] = "minus";
inline constexpr char kMul[] = "mul";
inline constexpr char kDiv[] = "div";
inline constexpr char kRem[] = "rem";
inline constexpr char kAnd[] = "and";
inline constexpr char kOr[] = "or";
inline constexpr char kMember2[] = "internal.member_2";
inline constexpr char kMember3[] = "internal.member_3";

// numbers.cc
inline constexpr char kAbs[] = "abs";
inline constexpr char kRound[] = "round";
inline constexpr char kCeil[] = "ceil";
inline constexpr char kFloor[] = "floor";
inline constexpr char kNumbersRange[] = "numbers.range";
inline constexpr char kNumbersRangeStep[] = "numbers.range_step";

// print.cc
inline constexpr char kPrint[] = "print";
inline constexpr char kInternalPrint[] = "internal.print";
inline constexpr char kTemplateString[] = "internal.template_string";
inline constexpr char kTrace[] = "trace";
inline constexpr char kInternalTestCase[] = "internal.test_case";

// walk.cc
inline constexpr char kWalk[] = "walk";

// rego_meta.cc
inline constexpr char kRegoMetadataChain[] = "rego.metadata.chain";
inline constexpr char kRegoMetadataRule[] = "rego.metadata.rule";
inline constexpr char kRegoParseModule[] = "rego.parse_module";

}  // namespace golden::rego::builtins
