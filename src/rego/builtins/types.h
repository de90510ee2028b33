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
  enum class Kind { kAny, kNull, kBoolean, kNumber, kString, kArray, kSet, kObject, kFunction };

  Kind kind = Kind::kAny;
  /// kAny: the alternatives, in declaration order (empty: any value at all).
  std::vector<TypePtr> of;
  /// kArray: fixed leading items; kFunction: argument types.
  std::vector<TypePtr> static_items;
  /// kArray/kSet: element type; kObject: value type of dynamic entries; kFunction: result.
  TypePtr dynamic;
  /// kObject: key type of dynamic entries.
  TypePtr dynamic_key;
  /// kObject: fixed properties.
  std::vector<std::pair<std::string, TypePtr>> static_props;
  /// Optional name and description (capabilities.json names builtin arguments and results).
  std::string name;
  std::string description;

  /// True when `v` is a member of this type.
  bool Accepts(const Value& v) const;

  /// The capabilities.json rendering ({"type":"array","dynamic":{"type":"string"}}, ...).
  Value ToJson() const;

  /// OPA's short rendering for messages: "string", "array[number]", "any<string, set[any]>".
  std::string ToString() const;
};

/// Constructors for signatures, read like OPA's types.S, types.N, types.NewArray(nil, types.S).
namespace t {
TypePtr Any();
TypePtr AnyOf(std::vector<TypePtr> alternatives);
TypePtr Null();
TypePtr Boolean();
TypePtr Number();
TypePtr String();
TypePtr ArrayOf(TypePtr element);
TypePtr ArrayStatic(std::vector<TypePtr> items, TypePtr rest = nullptr);
TypePtr SetOf(TypePtr element);
TypePtr ObjectOf(TypePtr key, TypePtr value);
TypePtr ObjectStatic(std::vector<std::pair<std::string, TypePtr>> props,
                     TypePtr dyn_key = nullptr, TypePtr dyn_value = nullptr);
/// A copy of `type` carrying a name and description (for capabilities.json).
TypePtr Named(TypePtr type, std::string name, std::string description = {});
}  // namespace t

}  // namespace golden::rego
