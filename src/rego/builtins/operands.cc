#include "rego/builtins/operands.h"

#include "rego/builtins/arith.h"

namespace golden::rego {

namespace {

std::string JoinNames(std::initializer_list<std::string_view> names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

}  // namespace

BuiltinResult OperandError(int pos, std::string_view message) {
  return BuiltinResult::TypeError("operand " + std::to_string(pos) + " " + std::string(message));
}

BuiltinResult OperandTypeError(int pos, const Value& got,
                               std::initializer_list<std::string_view> expected) {
  std::string want = expected.size() == 1 ? std::string(*expected.begin())
                                          : "one of {" + JoinNames(expected) + "}";
  return OperandError(pos, "must be " + want + " but got " + std::string(got.TypeName()));
}

BuiltinResult OperandElementError(int pos, const Value& composite, const Value& got,
                                  std::initializer_list<std::string_view> expected) {
  std::string type(composite.TypeName());
  std::string want = expected.size() == 1 ? std::string(*expected.begin()) + "s"
                                          : "(any of) {" + JoinNames(expected) + "}";
  return OperandError(pos, "must be " + type + " of " + want + " but got " + type + " containing " +
                               std::string(got.TypeName()));
}

BuiltinResult OperandEnumError(int pos, std::initializer_list<std::string_view> expected) {
  std::string want = expected.size() == 1 ? std::string(*expected.begin())
                                          : "one of {" + JoinNames(expected) + "}";
  return OperandError(pos, "must be " + want);
}

std::optional<int64_t> PlainInt(const Value& v) {
  if (!v.IsNumber()) return std::nullopt;
  return arith::PlainInt64(v.GetNumber());
}

std::optional<int64_t> IntOperand(const Value& v, int pos, BuiltinResult* error) {
  if (!v.IsNumber()) {
    *error = OperandTypeError(pos, v, {"number"});
    return std::nullopt;
  }
  std::optional<int64_t> i = PlainInt(v);
  if (!i) *error = OperandError(pos, kNotIntegerMessage);
  return i;
}

std::optional<std::vector<std::string_view>> StringSliceOperand(const Value& v, int pos,
                                                                BuiltinResult* error) {
  if (!v.IsArray() && !v.IsSet()) {
    *error = OperandTypeError(pos, v, {"array", "set"});
    return std::nullopt;
  }
  std::span<const Value> items = v.IsArray() ? v.GetArray() : v.GetSet();
  std::vector<std::string_view> out;
  out.reserve(items.size());
  for (const Value& item : items) {
    if (!item.IsString()) {
      *error = OperandElementError(pos, v, item, {"string"});
      return std::nullopt;
    }
    out.push_back(item.GetString());
  }
  return out;
}

}  // namespace golden::rego
