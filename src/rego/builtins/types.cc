#include "rego/builtins/types.h"

#include "base/check.h"

namespace golden::rego {

namespace {

TypePtr Make(Type::Kind k) {
  auto t = std::make_shared<Type>();
  t->kind = k;
  return t;
}

}  // namespace

namespace t {
TypePtr Any() {
  static const TypePtr kAny = Make(Type::Kind::kAny);
  return kAny;
}
TypePtr AnyOf(std::vector<TypePtr> alternatives) {
  auto t = std::make_shared<Type>();
  t->kind = Type::Kind::kAny;
  t->of = std::move(alternatives);
  return t;
}
TypePtr Null() {
  static const TypePtr k = Make(Type::Kind::kNull);
  return k;
}
TypePtr Boolean() {
  static const TypePtr k = Make(Type::Kind::kBoolean);
  return k;
}
TypePtr Number() {
  static const TypePtr k = Make(Type::Kind::kNumber);
  return k;
}
TypePtr String() {
  static const TypePtr k = Make(Type::Kind::kString);
  return k;
}
TypePtr ArrayOf(TypePtr element) {
  auto t = std::make_shared<Type>();
  t->kind = Type::Kind::kArray;
  t->dynamic = std::move(element);
  return t;
}
TypePtr ArrayStatic(std::vector<TypePtr> items, TypePtr rest) {
  auto t = std::make_shared<Type>();
  t->kind = Type::Kind::kArray;
  t->static_items = std::move(items);
  t->dynamic = std::move(rest);
  return t;
}
TypePtr SetOf(TypePtr element) {
  auto t = std::make_shared<Type>();
  t->kind = Type::Kind::kSet;
  t->dynamic = std::move(element);
  return t;
}
TypePtr ObjectOf(TypePtr key, TypePtr value) {
  auto t = std::make_shared<Type>();
  t->kind = Type::Kind::kObject;
  t->dynamic_key = std::move(key);
  t->dynamic = std::move(value);
  return t;
}
TypePtr ObjectStatic(std::vector<std::pair<std::string, TypePtr>> props, TypePtr dyn_key,
                     TypePtr dyn_value) {
  auto t = std::make_shared<Type>();
  t->kind = Type::Kind::kObject;
  t->static_props = std::move(props);
  t->dynamic_key = std::move(dyn_key);
  t->dynamic = std::move(dyn_value);
  return t;
}
TypePtr Named(TypePtr type, std::string name, std::string description) {
  auto t = std::make_shared<Type>(*type);
  t->name = std::move(name);
  t->description = std::move(description);
  return t;
}
}  // namespace t

bool Type::Accepts(const Value& v) const {
  switch (kind) {
    case Kind::kAny:
      if (of.empty()) return true;
      for (const auto& alt : of) {
        if (alt->Accepts(v)) return true;
      }
      return false;
    case Kind::kNull:
      return v.IsNull();
    case Kind::kBoolean:
      return v.IsBool();
    case Kind::kNumber:
      return v.IsNumber();
    case Kind::kString:
      return v.IsString();
    case Kind::kArray: {
      if (!v.IsArray()) return false;
      auto items = v.GetArray();
      if (!static_items.empty() && !dynamic && items.size() != static_items.size()) return false;
      for (size_t i = 0; i < items.size(); ++i) {
        if (i < static_items.size()) {
          if (!static_items[i]->Accepts(items[i])) return false;
        } else if (dynamic) {
          if (!dynamic->Accepts(items[i])) return false;
        } else {
          return false;
        }
      }
      return true;
    }
    case Kind::kSet:
      if (!v.IsSet()) return false;
      if (dynamic) {
        for (const Value& e : v.GetSet()) {
          if (!dynamic->Accepts(e)) return false;
        }
      }
      return true;
    case Kind::kObject:
      if (!v.IsObject()) return false;
      for (const auto& e : v.GetObject()) {
        const TypePtr* fixed = nullptr;
        if (e.key.IsString()) {
          for (const auto& [name, type] : static_props) {
            if (name == e.key.GetString()) fixed = &type;
          }
        }
        if (fixed) {
          if (!(*fixed)->Accepts(e.value)) return false;
        } else if (dynamic_key || dynamic) {
          if (dynamic_key && !dynamic_key->Accepts(e.key)) return false;
          if (dynamic && !dynamic->Accepts(e.value)) return false;
        } else if (!static_props.empty()) {
          return false;
        }
      }
      return true;
    case Kind::kFunction:
      return false;
  }
  return false;
}

std::string Type::ToString() const {
  switch (kind) {
    case Kind::kAny: {
      if (of.empty()) return "any";
      std::string s = "any<";
      for (size_t i = 0; i < of.size(); ++i) {
        if (i) s += ", ";
        s += of[i]->ToString();
      }
      return s + ">";
    }
    case Kind::kNull:
      return "null";
    case Kind::kBoolean:
      return "boolean";
    case Kind::kNumber:
      return "number";
    case Kind::kString:
      return "string";
    case Kind::kArray: {
      if (static_items.empty()) return "array[" + (dynamic ? dynamic->ToString() : "any") + "]";
      std::string s = "array<";
      for (size_t i = 0; i < static_items.size(); ++i) {
        if (i) s += ", ";
        s += static_items[i]->ToString();
      }
      return s + ">";
    }
    case Kind::kSet:
      return "set[" + (dynamic ? dynamic->ToString() : "any") + "]";
    case Kind::kObject: {
      if (static_props.empty()) {
        return "object[" + (dynamic_key ? dynamic_key->ToString() : "any") + ": " +
               (dynamic ? dynamic->ToString() : "any") + "]";
      }
      std::string s = "object<";
      for (size_t i = 0; i < static_props.size(); ++i) {
        if (i) s += ", ";
        s += static_props[i].first + ": " + static_props[i].second->ToString();
      }
      return s + ">";
    }
    case Kind::kFunction:
      return "function";
  }
  return "any";
}

Value Type::ToJson() const {
  std::vector<Value::Entry> e;
  auto add = [&](const char* k, Value v) { e.push_back({Value::String(k), std::move(v)}); };
  static const char* const kNames[] = {"any",   "null", "boolean", "number",  "string",
                                       "array", "set",  "object",  "function"};
  add("type", Value::String(kNames[static_cast<int>(kind)]));
  if (!name.empty()) add("name", Value::String(name));
  if (!description.empty()) add("description", Value::String(description));
  if (kind == Kind::kAny && !of.empty()) {
    std::vector<Value> alts;
    for (const auto& a : of) alts.push_back(a->ToJson());
    add("of", Value::Array(std::move(alts)));
  }
  if ((kind == Kind::kArray || kind == Kind::kSet) && dynamic) add("dynamic", dynamic->ToJson());
  if (kind == Kind::kSet && !dynamic) add("of", t::Any()->ToJson());
  if (kind == Kind::kArray && !static_items.empty()) {
    std::vector<Value> items;
    for (const auto& a : static_items) items.push_back(a->ToJson());
    add("static", Value::Array(std::move(items)));
  }
  if (kind == Kind::kObject) {
    if (dynamic_key || dynamic) {
      add("dynamic", Value::Object({{Value::String("key"), (dynamic_key ? dynamic_key : t::Any())->ToJson()},
                                    {Value::String("value"), (dynamic ? dynamic : t::Any())->ToJson()}}));
    }
    if (!static_props.empty()) {
      std::vector<Value> props;
      for (const auto& [k, v] : static_props) {
        props.push_back(Value::Object(
            {{Value::String("key"), Value::String(k)}, {Value::String("value"), v->ToJson()}}));
      }
      add("static", Value::Array(std::move(props)));
    }
  }
  return Value::Object(std::move(e));
}

}  // namespace golden::rego
