#include "rego/builtins/types.h"

#include <algorithm>

#include "base/check.h"

namespace golden::rego {

namespace {

TypePtr Make(Type::Kind k) {
  auto t = std::make_shared<Type>();
  t->kind = k;
  return t;
}

const char* KindName(Type::Kind k) {
  switch (k) {
    case Type::Kind::kNull:
      return "null";
    case Type::Kind::kBoolean:
      return "boolean";
    case Type::Kind::kNumber:
      return "number";
    case Type::Kind::kString:
      return "string";
    case Type::Kind::kArray:
      return "array";
    case Type::Kind::kObject:
      return "object";
    case Type::Kind::kSet:
      return "set";
    case Type::Kind::kAny:
      return "any";
    case Type::Kind::kFunction:
      return "function";
  }
  return "any";
}

// The rank of a value's kind in Type::Kind order.
Type::Kind KindOf(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return Type::Kind::kNull;
    case Value::Kind::kBool:
      return Type::Kind::kBoolean;
    case Value::Kind::kNumber:
      return Type::Kind::kNumber;
    case Value::Kind::kString:
      return Type::Kind::kString;
    case Value::Kind::kArray:
      return Type::Kind::kArray;
    case Value::Kind::kObject:
      return Type::Kind::kObject;
    case Value::Kind::kSet:
      return Type::Kind::kSet;
  }
  return Type::Kind::kAny;
}

int CompareNullable(const TypePtr& a, const TypePtr& b) {
  if (a && !b) return 1;
  if (!a && b) return -1;
  if (!a && !b) return 0;
  return CompareTypes(*a, *b);
}

int CompareTypeLists(const std::vector<TypePtr>& a, const std::vector<TypePtr>& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    int c = CompareTypes(*a[i], *b[i]);
    if (c != 0) return c;
  }
  return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

void AddKinds(const Type& t, std::vector<Type::Kind>* out) {
  if (t.kind == Type::Kind::kAny) {
    for (const auto& alt : t.of) AddKinds(*alt, out);
    return;
  }
  if (std::find(out->begin(), out->end(), t.kind) == out->end()) out->push_back(t.kind);
}

}  // namespace

int CompareTypes(const Type& a, const Type& b) {
  if (a.kind != b.kind) return a.kind < b.kind ? -1 : 1;
  switch (a.kind) {
    case Type::Kind::kArray: {
      int c = CompareNullable(a.dynamic, b.dynamic);
      if (c != 0) return c;
      return CompareTypeLists(a.static_items, b.static_items);
    }
    case Type::Kind::kObject: {
      int c = CompareNullable(a.dynamic_key, b.dynamic_key);
      if (c == 0) c = CompareNullable(a.dynamic, b.dynamic);
      if (c != 0) return c;
      for (size_t i = 0; i < a.static_props.size() && i < b.static_props.size(); ++i) {
        c = a.static_props[i].first.compare(b.static_props[i].first);
        if (c != 0) return c < 0 ? -1 : 1;
        c = CompareTypes(*a.static_props[i].second, *b.static_props[i].second);
        if (c != 0) return c;
      }
      return a.static_props.size() < b.static_props.size()
                 ? -1
                 : (a.static_props.size() > b.static_props.size() ? 1 : 0);
    }
    case Type::Kind::kSet:
      return CompareNullable(a.dynamic, b.dynamic);
    case Type::Kind::kAny:
      return CompareTypeLists(a.of, b.of);
    case Type::Kind::kFunction: {
      int c = CompareTypeLists(a.static_items, b.static_items);
      if (c != 0) return c;
      return CompareNullable(a.dynamic, b.dynamic);
    }
    default:
      return 0;
  }
}

namespace t {
TypePtr Any() {
  static const TypePtr kAny = Make(Type::Kind::kAny);
  return kAny;
}
TypePtr AnyOf(std::vector<TypePtr> alternatives) {
  auto t = std::make_shared<Type>();
  t->kind = Type::Kind::kAny;
  std::stable_sort(alternatives.begin(), alternatives.end(),
                   [](const TypePtr& a, const TypePtr& b) { return CompareTypes(*a, *b) < 0; });
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
  std::sort(props.begin(), props.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
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
TypePtr SetOfAny() {
  static const TypePtr k = SetOf(Any());
  return k;
}
TypePtr SetOfString() {
  static const TypePtr k = SetOf(String());
  return k;
}
TypePtr ArrayOfAny() {
  static const TypePtr k = ArrayOf(Any());
  return k;
}
TypePtr ArrayOfString() {
  static const TypePtr k = ArrayOf(String());
  return k;
}
TypePtr ObjectOfAny() {
  static const TypePtr k = ObjectOf(Any(), Any());
  return k;
}
}  // namespace t

bool Type::AcceptsKind(const Value& v) const {
  if (kind == Kind::kAny) {
    if (of.empty()) return true;
    for (const auto& alt : of) {
      if (alt->AcceptsKind(v)) return true;
    }
    return false;
  }
  return kind == KindOf(v);
}

std::vector<std::string> Type::KindNames() const {
  std::vector<Kind> kinds;
  AddKinds(*this, &kinds);
  std::vector<std::string> out;
  for (Kind k : kinds) {
    if (k != Kind::kAny) out.push_back(KindName(k));
  }
  return out;
}

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
      if (!dynamic && items.size() != static_items.size()) return false;
      for (size_t i = 0; i < items.size(); ++i) {
        if (i < static_items.size()) {
          if (!static_items[i]->Accepts(items[i])) return false;
        } else if (!dynamic->Accepts(items[i])) {
          return false;
        }
      }
      return items.size() >= static_items.size();
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
          for (const auto& [prop, type] : static_props) {
            if (prop == e.key.GetString()) fixed = &type;
          }
        }
        if (fixed) {
          if (!(*fixed)->Accepts(e.value)) return false;
        } else if (dynamic_key || dynamic) {
          if (dynamic_key && !dynamic_key->Accepts(e.key)) return false;
          if (dynamic && !dynamic->Accepts(e.value)) return false;
        } else {
          return false;  // a key the type does not declare
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
    case Kind::kArray: {
      if (static_items.empty()) return "array[" + (dynamic ? dynamic->ToString() : "any") + "]";
      std::string s = "array<";
      for (size_t i = 0; i < static_items.size(); ++i) {
        if (i) s += ", ";
        s += static_items[i]->ToString();
      }
      if (dynamic) s += ", ..." + dynamic->ToString();
      return s + ">";
    }
    case Kind::kSet:
      return "set[" + (dynamic ? dynamic->ToString() : "any") + "]";
    case Kind::kObject: {
      std::string dyn;
      if (dynamic_key || dynamic) {
        dyn = "[" + (dynamic_key ? dynamic_key->ToString() : "any") + ": " +
              (dynamic ? dynamic->ToString() : "any") + "]";
      }
      if (static_props.empty()) return "object" + (dyn.empty() ? "[any: any]" : dyn);
      std::string s = "object<";
      for (size_t i = 0; i < static_props.size(); ++i) {
        if (i) s += ", ";
        s += static_props[i].first + ": " + static_props[i].second->ToString();
      }
      return s + ">" + dyn;
    }
    default:
      return KindName(kind);
  }
}

Value Type::ToJson(bool with_names) const {
  std::vector<Value::Entry> e;
  auto add = [&](const char* k, Value v) { e.push_back({Value::String(k), std::move(v)}); };
  add("type", Value::String(KindName(kind)));
  if (with_names && !name.empty()) add("name", Value::String(name));
  if (with_names && !description.empty()) add("description", Value::String(description));
  switch (kind) {
    case Kind::kAny:
      if (!of.empty()) {
        std::vector<Value> alts;
        for (const auto& a : of) alts.push_back(a->ToJson(with_names));
        add("of", Value::Array(std::move(alts)));
      }
      break;
    case Kind::kSet:
      // OPA writes a set's element type under "of" (types.Set.MarshalJSON).
      add("of", (dynamic ? dynamic : t::Any())->ToJson(with_names));
      break;
    case Kind::kArray:
      if (dynamic) add("dynamic", dynamic->ToJson(with_names));
      if (!static_items.empty()) {
        std::vector<Value> items;
        for (const auto& a : static_items) items.push_back(a->ToJson(with_names));
        add("static", Value::Array(std::move(items)));
      }
      break;
    case Kind::kObject:
      if (dynamic_key || dynamic) {
        add("dynamic",
            Value::Object(
                {{Value::String("key"), (dynamic_key ? dynamic_key : t::Any())->ToJson(with_names)},
                 {Value::String("value"), (dynamic ? dynamic : t::Any())->ToJson(with_names)}}));
      }
      if (!static_props.empty()) {
        std::vector<Value> props;
        for (const auto& [k, v] : static_props) {
          props.push_back(Value::Object({{Value::String("key"), Value::String(k)},
                                         {Value::String("value"), v->ToJson(with_names)}}));
        }
        add("static", Value::Array(std::move(props)));
      }
      break;
    case Kind::kFunction: {
      std::vector<Value> args;
      for (const auto& a : static_items) args.push_back(a->ToJson(with_names));
      if (!args.empty()) add("args", Value::Array(std::move(args)));
      if (dynamic) add("result", dynamic->ToJson(with_names));
      break;
    }
    default:
      break;
  }
  return Value::Object(std::move(e));
}

}  // namespace golden::rego
