#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "value/value.h"

namespace golden::rego {

class Type;
using TypePtr = std::shared_ptr<const Type>;

/// A Rego type, as OPA's `types` package and capabilities.json describe builtin signatures:
/// any (optionally any-of a list), null, boolean, number, string, array (static items and/or a
/// dynamic element type), set (element type), object (static properties and/or dynamic key and
/// value types), function.
class Type {
 public:
  /// The kinds, in OPA's type order (types.Compare), which orders the alternatives of `any`.
  enum class Kind { kNull, kBoolean, kNumber, kString, kArray, kObject, kSet, kAny, kFunction };

  Kind kind = Kind::kAny;
  /// kAny: the alternatives, sorted in OPA's type order as types.NewAny sorts them (empty:
  /// any value at all).
  std::vector<TypePtr> of;
  /// kArray: fixed leading items; kFunction: argument types.
  std::vector<TypePtr> static_items;
  /// kArray/kSet: element type; kObject: value type of dynamic entries; kFunction: result.
  TypePtr dynamic;
  /// kObject: key type of dynamic entries.
  TypePtr dynamic_key;
  /// kObject: fixed properties, sorted by key.
  std::vector<std::pair<std::string, TypePtr>> static_props;
  /// Optional name and description (OPA names builtin arguments and results).
  std::string name;
  std::string description;

  /// True when `v` is a member of this type, checked all the way down.
  bool Accepts(const Value& v) const;

  /// True when the kind of `v` itself (not its elements) is one this type admits: what OPA's
  /// builtins check before looking inside a collection.
  bool AcceptsKind(const Value& v) const;

  /// The top-level kinds this type admits, as OPA names them in operand errors ("string",
  /// "array", ...), without repeats, in type order. Empty for `any`.
  std::vector<std::string> KindNames() const;

  /// The JSON rendering OPA uses ({"type":"array","dynamic":{"type":"string"}}, ...).
  /// `with_names` adds "name" and "description" where set; capabilities.json leaves them out
  /// (OPA's Builtin.Minimal).
  Value ToJson(bool with_names = false) const;

  /// OPA's short rendering for messages: "string", "array[number]", "any<string, set[any]>".
  std::string ToString() const;
};

/// Three-way comparison in OPA's type order (types.Compare): by kind, then structure.
int CompareTypes(const Type& a, const Type& b);

/// Constructors for signatures, read like OPA's types.S, types.N, types.NewArray(nil, types.S).
namespace t {
TypePtr Any();
/// Like types.NewAny: the alternatives are sorted in type order.
TypePtr AnyOf(std::vector<TypePtr> alternatives);
TypePtr Null();
TypePtr Boolean();
TypePtr Number();
TypePtr String();
TypePtr ArrayOf(TypePtr element);
TypePtr ArrayStatic(std::vector<TypePtr> items, TypePtr rest = nullptr);
TypePtr SetOf(TypePtr element);
TypePtr ObjectOf(TypePtr key, TypePtr value);
TypePtr ObjectStatic(std::vector<std::pair<std::string, TypePtr>> props, TypePtr dyn_key = nullptr,
                     TypePtr dyn_value = nullptr);
/// A copy of `type` carrying a name and description.
TypePtr Named(TypePtr type, std::string name, std::string description = {});

// Shorthands for the types OPA's declarations use most (types.SetOfAny, ...).
TypePtr SetOfAny();
TypePtr SetOfString();
TypePtr ArrayOfAny();
TypePtr ArrayOfString();
TypePtr ObjectOfAny();
}  // namespace t

}  // namespace golden::rego
