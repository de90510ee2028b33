#include "rego/builtins/registry.h"

#include <utility>

namespace golden::rego {

std::shared_ptr<const void> SharedCache::GetOrCreate(
    const std::string& key, const std::function<std::shared_ptr<const void>()>& make) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(key);
    if (it != entries_.end()) return it->second;
  }
  std::shared_ptr<const void> made = make();  // outside the lock: may be slow
  if (!made) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  auto [it, inserted] = entries_.emplace(key, std::move(made));
  return it->second;
}

Status Registry::Register(Descriptor d) {
  if (d.name.empty()) return Internal("builtin registered without a name");
  if (by_name_.count(d.name)) return Internal("builtin registered twice: " + d.name);
  // One infix may name builtins of different arities ("in" is internal.member_2 and
  // internal.member_3); FindInfix answers the first registered.
  if (auto it = by_infix_.find(d.infix);
      !d.infix.empty() && it != by_infix_.end() && it->second->args.size() == d.args.size()) {
    return Internal("infix operator registered twice: " + d.infix);
  }
  for (const TypePtr& arg : d.args) {
    if (!arg) return Internal("builtin " + d.name + " declares an argument without a type");
  }
  if (d.operand_expect.size() > d.args.size()) {
    return Internal("builtin " + d.name + " names more operands than it declares");
  }
  auto owned = std::make_unique<Descriptor>(std::move(d));
  if (!owned->infix.empty()) by_infix_.emplace(owned->infix, owned.get());
  std::string name = owned->name;
  by_name_.emplace(std::move(name), std::move(owned));
  return Status::Ok();
}

const Descriptor* Registry::Find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : it->second.get();
}

const Descriptor* Registry::FindInfix(std::string_view op) const {
  auto it = by_infix_.find(op);
  return it == by_infix_.end() ? nullptr : it->second;
}

std::vector<const Descriptor*> Registry::All() const {
  std::vector<const Descriptor*> out;
  out.reserve(by_name_.size());
  for (const auto& [name, d] : by_name_) out.push_back(d.get());
  return out;
}

Value Registry::CapabilitiesJson(const std::vector<std::string>& features) const {
  auto str = [](std::string_view s) { return Value::String(s); };
  std::vector<Value> builtins;
  for (const Descriptor* d : All()) {
    std::vector<Value::Entry> decl;
    std::vector<Value> args;
    for (const auto& a : d->args) args.push_back(a->ToJson());
    // As OPA's types.Function marshals: "args" only when there are some.
    if (!args.empty()) decl.push_back({str("args"), Value::Array(std::move(args))});
    if (d->result) decl.push_back({str("result"), d->result->ToJson()});
    decl.push_back({str("type"), str("function")});
    if (d->variadic) decl.push_back({str("variadic"), t::Any()->ToJson()});
    std::vector<Value::Entry> b;
    b.push_back({str("name"), str(d->name)});
    b.push_back({str("decl"), Value::Object(std::move(decl))});
    if (!d->infix.empty()) b.push_back({str("infix"), str(d->infix)});
    if (d->relation) b.push_back({str("relation"), Value::Bool(true)});
    if (d->nondeterministic) b.push_back({str("nondeterministic"), Value::Bool(true)});
    if (d->deprecated) b.push_back({str("deprecated"), Value::Bool(true)});
    builtins.push_back(Value::Object(std::move(b)));
  }
  std::vector<Value> feature_values;
  for (const auto& f : features) feature_values.push_back(str(f));
  return Value::Object({{str("builtins"), Value::Array(std::move(builtins))},
                        {str("wasm_abi_versions"), Value::EmptyArray()},
                        {str("features"), Value::Set(std::move(feature_values))}});
}

std::optional<BuiltinResult> CheckOperands(const Descriptor& d, std::span<const Value> args) {
  if (d.variadic) return std::nullopt;
  if (args.size() != d.args.size()) {
    return BuiltinResult::TypeError("expected " + std::to_string(d.args.size()) +
                                    " arguments but got " + std::to_string(args.size()));
  }
  if (!d.check_arg_types) return std::nullopt;
  for (size_t i = 0; i < args.size(); ++i) {
    const Type& want = *d.args[i];
    if (want.AcceptsKind(args[i])) continue;
    std::string expected;
    if (i < d.operand_expect.size() && !d.operand_expect[i].empty()) {
      expected = d.operand_expect[i];
    } else {
      std::vector<std::string> kinds = want.KindNames();
      if (kinds.size() == 1) {
        expected = kinds[0];
      } else {
        expected = "one of {";
        for (size_t k = 0; k < kinds.size(); ++k) {
          if (k) expected += ", ";
          expected += kinds[k];
        }
        expected += "}";
      }
    }
    return BuiltinResult::TypeError("operand " + std::to_string(i + 1) + " must be " + expected +
                                    " but got " + std::string(args[i].TypeName()));
  }
  return std::nullopt;
}

BuiltinResult CallBuiltin(const Descriptor& d, BuiltinContext& ctx, std::span<const Value> args) {
  if (std::optional<BuiltinResult> bad = CheckOperands(d, args)) return std::move(*bad);
  return d.fn(ctx, args);
}

}  // namespace golden::rego
