// walk(x, [path, value]): every document nested in x with its path, x itself first, in
// OPA's pre-order (topdown/walk.go): array elements by index, object values by sorted key,
// set members (whose path element is the member itself).

#include "rego/builtins/language_names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

void WalkInto(const Value& x, std::vector<Value>* path, std::vector<Value>* out) {
  out->push_back(Value::Array({Value::Array(*path), x}));
  if (x.IsArray()) {
    std::span<const Value> a = x.GetArray();
    for (size_t i = 0; i < a.size(); ++i) {
      path->push_back(Value::Int(static_cast<int64_t>(i)));
      WalkInto(a[i], path, out);
      path->pop_back();
    }
  } else if (x.IsObject()) {
    for (const auto& [k, v] : x.GetObject()) {
      path->push_back(k);
      WalkInto(v, path, out);
      path->pop_back();
    }
  } else if (x.IsSet()) {
    for (const Value& m : x.GetSet()) {
      path->push_back(m);
      WalkInto(m, path, out);
      path->pop_back();
    }
  }
}

BuiltinResult Walk(BuiltinContext&, std::span<const Value> args) {
  std::vector<Value> path;
  std::vector<Value> out;
  WalkInto(args[0], &path, &out);
  return Value::Array(std::move(out));
}

}  // namespace

Status RegisterWalkBuiltins(Registry& r) {
  return r.Register(
      {.name = builtins::kWalk,
       .args = {t::Named(t::Any(), "x")},
       .result = t::Named(t::ArrayStatic({t::ArrayOfAny(), t::Any()}), "output"),
       .relation = true,
       .categories = {"graph"},
       .fn = &Walk});
}

}  // namespace golden::rego
