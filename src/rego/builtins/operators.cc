// The language's operators as builtins: comparison (OPA's topdown/compare.go), arithmetic on
// exact numbers (topdown/arithmetic.go, through arith.h), set intersection and union (& and |),
// and membership (`in`, topdown/aggregates.go). `=` and `:=` are declared here for arity and
// capabilities; the evaluator implements them as unification.

#include <algorithm>
#include <iterator>

#include "rego/builtins/arith.h"
#include "rego/builtins/language_names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

const std::vector<std::string> kComparison = {"comparison"};
const std::vector<std::string> kNumbers = {"numbers"};
const std::vector<std::string> kSets = {"sets"};

template <bool (*Cmp)(int)>
BuiltinResult Comparing(BuiltinContext&, std::span<const Value> args) {
  return Value::Bool(Cmp(Compare(args[0], args[1])));
}

bool IsEq(int c) { return c == 0; }
bool IsNe(int c) { return c != 0; }
bool IsLt(int c) { return c < 0; }
bool IsLe(int c) { return c <= 0; }
bool IsGt(int c) { return c > 0; }
bool IsGe(int c) { return c >= 0; }

BuiltinResult FromArith(Result<Number> r) {
  if (!r.ok()) return BuiltinResult::Error(r.status().message());
  return Value::Num(*r);
}

template <Result<Number> (*Op)(const Number&, const Number&)>
BuiltinResult Arith2(BuiltinContext&, std::span<const Value> args) {
  return FromArith(Op(args[0].GetNumber(), args[1].GetNumber()));
}

template <Result<Number> (*Op)(const Number&)>
BuiltinResult Arith1(BuiltinContext&, std::span<const Value> args) {
  return FromArith(Op(args[0].GetNumber()));
}

std::vector<Value> SetDifference(std::span<const Value> a, std::span<const Value> b) {
  std::vector<Value> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// minus is both number subtraction and set difference, with OPA's own operand errors.
BuiltinResult Minus(BuiltinContext&, std::span<const Value> args) {
  const Value& a = args[0];
  const Value& b = args[1];
  if (a.IsNumber() && b.IsNumber()) return FromArith(arith::Sub(a.GetNumber(), b.GetNumber()));
  if (a.IsSet() && b.IsSet()) return Value::SetFromSorted(SetDifference(a.GetSet(), b.GetSet()));
  if (!a.IsNumber() && !a.IsSet()) return OperandTypeError(1, a, {"number", "set"});
  if (b.IsNumber()) return OperandTypeError(2, b, {"set"});
  return OperandTypeError(2, b, {"number"});
}

BuiltinResult And(BuiltinContext&, std::span<const Value> args) {
  std::span<const Value> a = args[0].GetSet();
  std::span<const Value> b = args[1].GetSet();
  std::vector<Value> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return Value::SetFromSorted(std::move(out));
}

BuiltinResult Or(BuiltinContext&, std::span<const Value> args) {
  std::span<const Value> a = args[0].GetSet();
  std::span<const Value> b = args[1].GetSet();
  std::vector<Value> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return Value::SetFromSorted(std::move(out));
}

// x in xs: a set member, an array element or an object value; false for anything else.
BuiltinResult Member(BuiltinContext&, std::span<const Value> args) {
  const Value& x = args[0];
  const Value& c = args[1];
  if (c.IsSet()) {
    std::span<const Value> s = c.GetSet();
    return Value::Bool(std::binary_search(s.begin(), s.end(), x));
  }
  if (c.IsArray()) {
    for (const Value& e : c.GetArray()) {
      if (e == x) return Value::Bool(true);
    }
    return Value::Bool(false);
  }
  if (c.IsObject()) {
    for (const Value::Entry& e : c.GetObject()) {
      if (e.value == x) return Value::Bool(true);
    }
  }
  return Value::Bool(false);
}

// k, v in xs: xs[k] == v, for objects, arrays (integer k) and sets (xs[k] is k).
BuiltinResult MemberWithKey(BuiltinContext&, std::span<const Value> args) {
  const Value& key = args[0];
  const Value& val = args[1];
  const Value& c = args[2];
  if (c.IsObject()) {
    const Value* v = c.Find(key);
    return Value::Bool(v != nullptr && *v == val);
  }
  if (c.IsArray()) {
    if (!key.IsNumber()) return Value::Bool(false);
    std::optional<int64_t> i = key.GetNumber().AsInt64();
    std::span<const Value> a = c.GetArray();
    if (!i || *i < 0 || static_cast<uint64_t>(*i) >= a.size()) return Value::Bool(false);
    return Value::Bool(a[static_cast<size_t>(*i)] == val);
  }
  if (c.IsSet()) {
    std::span<const Value> s = c.GetSet();
    return Value::Bool(std::binary_search(s.begin(), s.end(), key) && key == val);
  }
  return Value::Bool(false);
}

Descriptor Comparison(const char* name, const char* infix, BuiltinFn fn) {
  return {.name = name,
          .infix = infix,
          .args = {t::Any(), t::Any()},
          .result = t::Boolean(),
          .categories = kComparison,
          .fn = fn};
}

Descriptor Arithmetic(const char* name, const char* infix, BuiltinFn fn) {
  return {.name = name,
          .infix = infix,
          .args = {t::Number(), t::Number()},
          .result = t::Number(),
          .categories = kNumbers,
          .fn = fn};
}

}  // namespace

Status RegisterOperatorBuiltins(Registry& r) {
  using namespace builtins;  // NOLINT: the names of this file's builtins
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = kEq,
                                     .infix = "=",
                                     .args = {t::Any(), t::Any()},
                                     .result = t::Boolean(),
                                     .categories = kComparison}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = kAssign,
                                     .infix = ":=",
                                     .args = {t::Any(), t::Any()},
                                     .result = t::Boolean()}));
  GOLDEN_RETURN_IF_ERROR(r.Register(Comparison(kEqual, "==", &Comparing<&IsEq>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(Comparison(kNeq, "!=", &Comparing<&IsNe>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(Comparison(kLt, "<", &Comparing<&IsLt>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(Comparison(kLte, "<=", &Comparing<&IsLe>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(Comparison(kGt, ">", &Comparing<&IsGt>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(Comparison(kGte, ">=", &Comparing<&IsGe>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(Arithmetic(kPlus, "+", &Arith2<&arith::Add>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(Arithmetic(kMul, "*", &Arith2<&arith::Mul>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(Arithmetic(kDiv, "/", &Arith2<&arith::Div>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(Arithmetic(kRem, "%", &Arith2<&arith::Rem>)));
  TypePtr number_or_set = t::AnyOf({t::Number(), t::SetOfAny()});
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = kMinus,
                                     .infix = "-",
                                     .args = {number_or_set, number_or_set},
                                     .result = number_or_set,
                                     .categories = {"sets", "numbers"},
                                     .check_arg_types = false,
                                     .fn = &Minus}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = kAnd,
                                     .infix = "&",
                                     .args = {t::SetOfAny(), t::SetOfAny()},
                                     .result = t::SetOfAny(),
                                     .categories = kSets,
                                     .fn = &And}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = kOr,
                                     .infix = "|",
                                     .args = {t::SetOfAny(), t::SetOfAny()},
                                     .result = t::SetOfAny(),
                                     .categories = kSets,
                                     .fn = &Or}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = kMember2,
                                     .infix = "in",
                                     .args = {t::Any(), t::Any()},
                                     .result = t::Boolean(),
                                     .fn = &Member}));
  return r.Register({.name = kMember3,
                     .infix = "in",
                     .args = {t::Any(), t::Any(), t::Any()},
                     .result = t::Boolean(),
                     .fn = &MemberWithKey});
}

}  // namespace golden::rego
