#include "rego/builtins/registry.h"

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
  if (by_name_.count(d.name)) return Internal("builtin registered twice: " + d.name);
  if (!d.infix.empty()) {
    if (by_infix_.count(d.infix)) return Internal("infix operator registered twice: " + d.infix);
  }
  auto owned = std::make_unique<Descriptor>(std::move(d));
  if (!owned->infix.empty()) by_infix_[owned->infix] = owned.get();
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

Value Registry::CapabilitiesJson() const {
  std::vector<Value> builtins;
  for (const Descriptor* d : All()) {
    std::vector<Value::Entry> decl;
    std::vector<Value> args;
    for (const auto& a : d->args) args.push_back(a->ToJson());
    decl.push_back({Value::String("args"), Value::Array(std::move(args))});
    if (d->result) decl.push_back({Value::String("result"), d->result->ToJson()});
    decl.push_back({Value::String("type"), Value::String("function")});
    if (d->variadic) decl.push_back({Value::String("variadic"), t::Any()->ToJson()});
    std::vector<Value::Entry> b;
    b.push_back({Value::String("name"), Value::String(d->name)});
    b.push_back({Value::String("decl"), Value::Object(std::move(decl))});
    if (!d->infix.empty()) b.push_back({Value::String("infix"), Value::String(d->infix)});
    if (d->relation) b.push_back({Value::String("relation"), Value::Bool(true)});
    if (d->nondeterministic) b.push_back({Value::String("nondeterministic"), Value::Bool(true)});
    if (d->deprecated) b.push_back({Value::String("deprecated"), Value::Bool(true)});
    if (!d->categories.empty()) {
      std::vector<Value> cats;
      for (const auto& c : d->categories) cats.push_back(Value::String(c));
      b.push_back({Value::String("categories"), Value::Array(std::move(cats))});
    }
    builtins.push_back(Value::Object(std::move(b)));
  }
  return Value::Object({{Value::String("builtins"), Value::Array(std::move(builtins))}});
}

std::optional<BuiltinResult> CheckOperands(const Descriptor& d, std::span<const Value> args) {
  if (!d.check_arg_types || d.variadic) return std::nullopt;
  for (size_t i = 0; i < args.size() && i < d.args.size(); ++i) {
    const Type& want = *d.args[i];
    if (want.Accepts(args[i])) continue;
    std::string expected;
    if (want.kind == Type::Kind::kAny && !want.of.empty()) {
      expected = "one of {";
      for (size_t k = 0; k < want.of.size(); ++k) {
        if (k) expected += ", ";
        static const char* const kNames[] = {"any",   "null", "boolean", "number",  "string",
                                             "array", "set",  "object",  "function"};
        expected += kNames[static_cast<int>(want.of[k]->kind)];
      }
      expected += "}";
    } else {
      static const char* const kNames[] = {"any",   "null", "boolean", "number",  "string",
                                           "array", "set",  "object",  "function"};
      expected = kNames[static_cast<int>(want.kind)];
    }
    return BuiltinResult::TypeError("operand " + std::to_string(i + 1) + " must be " + expected +
                                    " but got " + std::string(args[i].TypeName()));
  }
  return std::nullopt;
}

}  // namespace golden::rego
