// array.concat, array.slice, array.reverse, array.flatten (OPA's topdown/array.go).

#include <algorithm>

#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

BuiltinResult Concat(BuiltinContext&, std::span<const Value> args) {
  auto a = args[0].GetArray();
  auto b = args[1].GetArray();
  std::vector<Value> out;
  out.reserve(a.size() + b.size());
  out.insert(out.end(), a.begin(), a.end());
  out.insert(out.end(), b.begin(), b.end());
  return Value::Array(std::move(out));
}

// Indexes are clamped into range, and a start past the stop gives [] (OPA's documentation).
BuiltinResult Slice(BuiltinContext&, std::span<const Value> args) {
  auto items = args[0].GetArray();
  BuiltinResult error = BuiltinResult::Undefined();
  std::optional<int64_t> start = IntOperand(args[1], 2, &error);
  if (!start) return error;
  std::optional<int64_t> stop = IntOperand(args[2], 3, &error);
  if (!stop) return error;
  int64_t len = static_cast<int64_t>(items.size());
  int64_t hi = std::clamp<int64_t>(*stop, 0, len);
  int64_t lo = std::clamp<int64_t>(*start, 0, hi);
  return Value::Array(std::vector<Value>(items.begin() + lo, items.begin() + hi));
}

BuiltinResult Reverse(BuiltinContext&, std::span<const Value> args) {
  auto items = args[0].GetArray();
  return Value::Array(std::vector<Value>(items.rbegin(), items.rend()));
}

// One level only: array elements are spliced in, anything else is kept as it is.
BuiltinResult Flatten(BuiltinContext&, std::span<const Value> args) {
  std::vector<Value> out;
  for (const Value& item : args[0].GetArray()) {
    if (item.IsArray()) {
      auto inner = item.GetArray();
      out.insert(out.end(), inner.begin(), inner.end());
    } else {
      out.push_back(item);
    }
  }
  return Value::Array(std::move(out));
}

}  // namespace

Status RegisterArrayBuiltins(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kArrayConcat,
                                     .args = {t::ArrayOfAny(), t::ArrayOfAny()},
                                     .result = t::ArrayOfAny(),
                                     .fn = &Concat}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kArrayFlatten,
                                     .args = {t::ArrayOfAny()},
                                     .result = t::ArrayOfAny(),
                                     .fn = &Flatten}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kArrayReverse,
                                     .args = {t::ArrayOfAny()},
                                     .result = t::ArrayOfAny(),
                                     .fn = &Reverse}));
  return r.Register({.name = builtins::kArraySlice,
                     .args = {t::ArrayOfAny(), t::Number(), t::Number()},
                     .result = t::ArrayOfAny(),
                     .fn = &Slice});
}

}  // namespace golden::rego
