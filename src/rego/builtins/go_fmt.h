#pragma once

// A reimplementation of the parts of Go's fmt and strconv packages that OPA's builtins expose:
// sprintf formats its arguments with Go's fmt.Sprintf, strings.render_template prints values
// with Go's text/template (fmt.Sprint), and several error messages quote strings with
// strconv.Quote. Go's values are modelled by GoValue, limited to the dynamic types those
// callers produce.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rego/builtins/go_strconv.h"

namespace golden::rego {

/// A Go value of one of the dynamic types OPA hands to fmt: nil, bool, int, *big.Int,
/// float64, string, json.Number (a string type with a String method), []interface{} and
/// map[string]interface{}.
struct GoValue {
  enum class Kind { kNil, kBool, kInt, kBigInt, kFloat, kString, kJsonNumber, kSlice, kMap };

  Kind kind = Kind::kNil;
  bool b = false;
  int64_t i = 0;
  double f = 0;
  /// kString and kJsonNumber: the text; kBigInt: the decimal digits with an optional '-'.
  std::string s;
  /// kSlice: the elements.
  std::vector<GoValue> items;
  /// kMap: the entries, sorted by key (fmt prints maps in key order).
  std::vector<std::pair<std::string, GoValue>> entries;

  static GoValue Nil() { return {}; }
  static GoValue Bool(bool v);
  static GoValue Int(int64_t v);
  static GoValue BigInt(std::string decimal);
  static GoValue Float(double v);
  static GoValue String(std::string v);
  static GoValue JsonNumber(std::string v);
  static GoValue Slice(std::vector<GoValue> v);
  /// Sorts the entries by key.
  static GoValue Map(std::vector<std::pair<std::string, GoValue>> v);

  /// The name %T prints: "int", "*big.Int", "float64", "[]interface {}", ...
  std::string_view TypeName() const;
};

/// Go's fmt.Sprintf, with Go's verbs, flags, widths, precisions, argument indexes and its
/// error forms ("%!d(string=x)", "%!v(MISSING)", "%!(EXTRA int=1)").
std::string GoSprintf(std::string_view format, std::span<const GoValue> args);

/// Go's fmt.Sprint: %v of each operand, with a space between operands when neither is a
/// string.
std::string GoSprint(std::span<const GoValue> args);

/// Go's fmt.Sprintln: %v of each operand, always space-separated, then a newline.
std::string GoSprintln(std::span<const GoValue> args);

}  // namespace golden::rego
