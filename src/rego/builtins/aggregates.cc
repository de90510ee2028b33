// count, sum, product, max, min, sort and the deprecated all/any (OPA's topdown/aggregates.go).

#include <algorithm>

#include "base/strings.h"
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
  GOLDEN_RETURN_IF_ERROR(
      r.Register({.name = builtins::kAll,
                  .args = {set_or_array},
                  .result = t::Boolean(),
                  .deprecated = true,
                  .operand_expect = {"one of {array, set}"},
                  .fn = &All}));
  GOLDEN_RETURN_IF_ERROR(
      r.Register({.name = builtins::kAny,
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
