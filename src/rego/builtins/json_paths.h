#pragma once

// The path arguments of json.filter, json.remove and json.patch: JSON pointers ("a/b/0", with
// ~0 and ~1 escapes) or arrays of path segments, and the operations OPA performs with them.

#include <optional>
#include <vector>

#include "rego/builtins/registry.h"
#include "value/value.h"

namespace golden::rego {

/// One path: a JSON pointer string split into string segments, or the elements of an array.
/// Anything else is the operand error OPA words for json.filter/json.remove.
std::optional<std::vector<Value>> ParseJsonPath(const Value& path, int pos, BuiltinResult* error);

/// Every path of a set or array of paths (OPA's getJSONPaths).
std::optional<std::vector<std::vector<Value>>> JsonPathsOperand(const Value& paths, int pos,
                                                                BuiltinResult* error);

/// The paths as a tree of objects whose leaves are null; a path that extends another one is
/// covered by it ({"a": null} for "a" and "a/b").
Value PathsToTree(const std::vector<std::vector<Value>>& paths);

/// The parts of `v` the tree selects (OPA's Object.Filter): objects keep the selected keys,
/// arrays the selected indexes (as decimal-string keys), sets the selected members.
Value FilterByPathTree(const Value& v, const Value& tree);

/// `v` without the parts the tree's leaves select (OPA's jsonRemove); nullopt when the whole
/// of `v` is removed.
std::optional<Value> RemoveByPathTree(const Value& v, const Value& tree);

}  // namespace golden::rego
