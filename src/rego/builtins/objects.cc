// object.union, object.union_n, object.remove, object.filter, object.get, object.keys and
// object.subset (OPA's topdown/object.go and subset.go).

#include <algorithm>

#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

// The entries of `b` laid over `a`; where both hold objects under one key they are merged the
// same way, anything else takes b's value (OPA's mergeWithOverwrite).
Value MergeWithOverwrite(const Value& a, const Value& b) {
  auto x = a.GetObject();
  auto y = b.GetObject();
  std::vector<Value::Entry> out;
  out.reserve(x.size() + y.size());
  size_t i = 0, j = 0;
  while (i < x.size() || j < y.size()) {
    int c = i == x.size() ? 1 : (j == y.size() ? -1 : Compare(x[i].key, y[j].key));
    if (c < 0) {
      out.push_back(x[i++]);
    } else if (c > 0) {
      out.push_back(y[j++]);
    } else {
      const Value& va = x[i].value;
      const Value& vb = y[j].value;
      out.push_back({x[i].key, va.IsObject() && vb.IsObject() ? MergeWithOverwrite(va, vb) : vb});
      ++i, ++j;
    }
  }
  return Value::ObjectFromSorted(std::move(out));
}

BuiltinResult Union(BuiltinContext&, std::span<const Value> args) {
  if (args[0] == args[1]) return args[0];
  return MergeWithOverwrite(args[0], args[1]);
}

// Left to right, each object laid over the union of the ones before it.
BuiltinResult UnionN(BuiltinContext&, std::span<const Value> args) {
  Value acc = Value::EmptyObject();
  for (const Value& o : args[0].GetArray()) {
    if (!o.IsObject()) return OperandElementError(1, args[0], o, {"object"});
    acc = MergeWithOverwrite(acc, o);
  }
  return acc;
}

// The keys operand of remove/filter: an array, a set, or the keys of an object, as a sorted
// list without repeats.
std::vector<Value> KeysParam(const Value& v) {
  std::vector<Value> keys;
  if (v.IsObject()) {
    for (const auto& e : v.GetObject()) keys.push_back(e.key);
    return keys;
  }
  auto items = v.IsArray() ? v.GetArray() : v.GetSet();
  keys.assign(items.begin(), items.end());
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

BuiltinResult RemoveOrFilter(std::span<const Value> args, bool keep_listed) {
  std::vector<Value> keys = KeysParam(args[1]);
  std::vector<Value::Entry> out;
  for (const auto& e : args[0].GetObject()) {
    bool listed = std::binary_search(keys.begin(), keys.end(), e.key);
    if (listed == keep_listed) out.push_back(e);
  }
  return Value::ObjectFromSorted(std::move(out));
}

BuiltinResult Remove(BuiltinContext&, std::span<const Value> args) {
  return RemoveOrFilter(args, /*keep_listed=*/false);
}

BuiltinResult Filter(BuiltinContext&, std::span<const Value> args) {
  return RemoveOrFilter(args, /*keep_listed=*/true);
}

// One step of object.get's path walk (OPA's Value.Find): object keys, array indexes written as
// plain integers, and set members (which lead to themselves).
const Value* Step(const Value& from, const Value& key) {
  switch (from.kind()) {
    case Value::Kind::kObject:
      return from.Find(key);
    case Value::Kind::kArray: {
      std::optional<int64_t> i = PlainInt(key);
      auto items = from.GetArray();
      if (!i || *i < 0 || *i >= static_cast<int64_t>(items.size())) return nullptr;
      return &items[static_cast<size_t>(*i)];
    }
    case Value::Kind::kSet: {
      auto items = from.GetSet();
      auto it = std::lower_bound(items.begin(), items.end(), key);
      return it != items.end() && *it == key ? &*it : nullptr;
    }
    default:
      return nullptr;
  }
}

BuiltinResult Get(BuiltinContext&, std::span<const Value> args) {
  const Value& object = args[0];
  const Value& key = args[1];
  if (!key.IsArray()) {
    const Value* found = object.Find(key);
    return found ? *found : args[2];
  }
  const Value* at = &object;
  for (const Value& step : key.GetArray()) {
    at = Step(*at, step);
    if (at == nullptr) return args[2];
  }
  return *at;
}

BuiltinResult Keys(BuiltinContext&, std::span<const Value> args) {
  std::vector<Value> keys;
  for (const auto& e : args[0].GetObject()) keys.push_back(e.key);
  return Value::SetFromSorted(std::move(keys));
}

bool ObjectSubset(const Value& super, const Value& sub);

bool SetSubset(const Value& super, const Value& sub) {
  for (const Value& v : sub.GetSet()) {
    if (!super.Contains(v)) return false;
  }
  return true;
}

// `sub` must appear contiguously, in order, in `super`.
bool ArraySubset(const Value& super, const Value& sub) {
  auto a = super.GetArray();
  auto b = sub.GetArray();
  if (b.empty()) return true;
  return std::search(a.begin(), a.end(), b.begin(), b.end()) != a.end();
}

// Every member of `sub` occurs in `super`. Quirk kept from OPA: it scans `super` for matches,
// so an empty set is not a subset of an empty array.
bool ArraySetSubset(const Value& super, const Value& sub) {
  size_t unmatched = sub.Size();
  for (const Value& v : super.GetArray()) {
    if (sub.Contains(v)) --unmatched;
    if (unmatched == 0) return true;
  }
  return false;
}

bool ObjectSubset(const Value& super, const Value& sub) {
  for (const auto& e : sub.GetObject()) {
    const Value* s = super.Find(e.key);
    if (s == nullptr) return false;
    if (*s == e.value) continue;
    if (s->IsObject() && e.value.IsObject()) {
      if (!ObjectSubset(*s, e.value)) return false;
    } else if (s->IsSet() && e.value.IsSet()) {
      if (!SetSubset(*s, e.value)) return false;
    } else if (s->IsArray() && e.value.IsArray()) {
      if (!ArraySubset(*s, e.value)) return false;
    } else {
      return false;
    }
  }
  return true;
}

BuiltinResult Subset(BuiltinContext&, std::span<const Value> args) {
  const Value& super = args[0];
  const Value& sub = args[1];
  if (super.IsObject() && sub.IsObject()) return Value::Bool(ObjectSubset(super, sub));
  if (super.IsSet() && sub.IsSet()) return Value::Bool(SetSubset(super, sub));
  if (super.IsArray() && sub.IsArray()) {
    return Value::Bool(sub.Size() <= super.Size() && ArraySubset(super, sub));
  }
  if (super.IsArray() && sub.IsSet()) return Value::Bool(ArraySetSubset(super, sub));
  return BuiltinResult::TypeError(
      "both arguments object.subset must be of the same type or array and set");
}

const std::string kKeysExpect = "one of {object, set, array}";

}  // namespace

Status RegisterObjectBuiltins(Registry& r) {
  TypePtr object = t::ObjectOfAny();
  TypePtr keys = t::AnyOf({t::ArrayOfAny(), t::SetOfAny(), object});
  TypePtr collection = t::AnyOf({object, t::SetOfAny(), t::ArrayOfAny()});
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kObjectFilter,
                                     .args = {object, keys},
                                     .result = t::Any(),
                                     .operand_expect = {"", kKeysExpect},
                                     .fn = &Filter}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kObjectGet,
                                     .args = {object, t::Any(), t::Any()},
                                     .result = t::Any(),
                                     .fn = &Get}));
  GOLDEN_RETURN_IF_ERROR(r.Register(
      {.name = builtins::kObjectKeys, .args = {object}, .result = t::SetOfAny(), .fn = &Keys}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kObjectRemove,
                                     .args = {object, keys},
                                     .result = t::Any(),
                                     .operand_expect = {"", kKeysExpect},
                                     .fn = &Remove}));
  // OPA reports any other mix of operands with one message of its own, so the kinds are
  // checked here rather than by the registry.
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kObjectSubset,
                                     .args = {collection, collection},
                                     .result = t::Any(),
                                     .check_arg_types = false,
                                     .fn = &Subset}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kObjectUnion,
                                     .args = {object, object},
                                     .result = t::Any(),
                                     .fn = &Union}));
  return r.Register({.name = builtins::kObjectUnionN,
                     .args = {t::ArrayOf(object)},
                     .result = t::Any(),
                     .fn = &UnionN});
}

}  // namespace golden::rego
