// intersection, union and the deprecated set_diff (OPA's topdown/sets.go). The infix & and |
// belong to the language (the evaluator's operators).

#include <algorithm>
#include <iterator>

#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

const std::vector<std::string> kSetsCategory = {"sets"};

std::vector<Value> Intersect(std::span<const Value> a, std::span<const Value> b) {
  std::vector<Value> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// OPA checks each member with SetOperand(x, 1), so a member that is not a set is reported as
// operand 1 itself: "operand 1 must be set but got number".
BuiltinResult Intersection(BuiltinContext&, std::span<const Value> args) {
  auto sets = args[0].GetSet();
  if (sets.empty()) return Value::EmptySet();
  std::vector<Value> acc;
  bool first = true;
  for (const Value& s : sets) {
    if (!s.IsSet()) return OperandTypeError(1, s, {"set"});
    if (first) {
      auto items = s.GetSet();
      acc.assign(items.begin(), items.end());
      first = false;
    } else {
      acc = Intersect(acc, s.GetSet());
    }
  }
  return Value::SetFromSorted(std::move(acc));
}

BuiltinResult Union(BuiltinContext&, std::span<const Value> args) {
  std::vector<Value> all;
  for (const Value& s : args[0].GetSet()) {
    if (!s.IsSet()) return OperandTypeError(1, s, {"set"});
    auto items = s.GetSet();
    all.insert(all.end(), items.begin(), items.end());
  }
  return Value::Set(std::move(all));
}

BuiltinResult SetDiff(BuiltinContext&, std::span<const Value> args) {
  auto a = args[0].GetSet();
  auto b = args[1].GetSet();
  std::vector<Value> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return Value::SetFromSorted(std::move(out));
}

}  // namespace

Status RegisterSetBuiltins(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kIntersection,
                                     .args = {t::SetOf(t::SetOfAny())},
                                     .result = t::SetOfAny(),
                                     .categories = kSetsCategory,
                                     .fn = &Intersection}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kSetDiff,
                                     .args = {t::SetOfAny(), t::SetOfAny()},
                                     .result = t::SetOfAny(),
                                     .deprecated = true,
                                     .fn = &SetDiff}));
  return r.Register({.name = builtins::kUnion,
                     .args = {t::SetOf(t::SetOfAny())},
                     .result = t::SetOfAny(),
                     .categories = kSetsCategory,
                     .fn = &Union});
}

}  // namespace golden::rego
