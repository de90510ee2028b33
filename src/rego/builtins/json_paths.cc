#include "rego/builtins/json_paths.h"

#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

std::string Unescape(std::string_view segment) {
  std::string out;
  // "~1" first, then "~0": OPA replaces in that order.
  for (size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] == '~' && i + 1 < segment.size() && segment[i + 1] == '1') {
      out.push_back('/');
      ++i;
    } else {
      out.push_back(segment[i]);
    }
  }
  std::string result;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '~' && i + 1 < out.size() && out[i + 1] == '0') {
      result.push_back('~');
      ++i;
    } else {
      result.push_back(out[i]);
    }
  }
  return result;
}

}  // namespace

std::optional<std::vector<Value>> ParseJsonPath(const Value& path, int pos, BuiltinResult* error) {
  std::vector<Value> segments;
  if (path.IsString()) {
    std::string_view p = path.GetString();
    if (p.empty()) return segments;
    size_t first = p.find_first_not_of('/');
    p = first == std::string_view::npos ? std::string_view() : p.substr(first);
    size_t start = 0;
    while (true) {
      size_t slash = p.find('/', start);
      segments.push_back(
          Value::String(Unescape(p.substr(start, slash == p.npos ? p.npos : slash - start))));
      if (slash == p.npos) break;
      start = slash + 1;
    }
    return segments;
  }
  if (path.IsArray()) {
    auto items = path.GetArray();
    segments.assign(items.begin(), items.end());
    return segments;
  }
  *error = OperandError(
      pos,
      "must be one of {set, array} containing string paths or array of path segments but got " +
          std::string(path.TypeName()));
  return std::nullopt;
}

std::optional<std::vector<std::vector<Value>>> JsonPathsOperand(const Value& paths, int pos,
                                                                BuiltinResult* error) {
  std::vector<std::vector<Value>> out;
  for (const Value& p : paths.IsArray() ? paths.GetArray() : paths.GetSet()) {
    std::optional<std::vector<Value>> segments = ParseJsonPath(p, pos, error);
    if (!segments) return std::nullopt;
    out.push_back(std::move(*segments));
  }
  return out;
}

namespace {

// A mutable tree of path segments; a leaf marks the end of a path.
struct PathNode {
  bool leaf = false;
  std::vector<std::pair<Value, PathNode>> children;

  PathNode* Child(const Value& key) {
    for (auto& [k, node] : children) {
      if (k == key) return &node;
    }
    children.push_back({key, PathNode{}});
    return &children.back().second;
  }

  Value ToValue() const {
    if (leaf) return Value::Null();
    std::vector<Value::Entry> entries;
    for (const auto& [k, node] : children) entries.push_back({k, node.ToValue()});
    return Value::Object(std::move(entries));
  }
};

}  // namespace

Value PathsToTree(const std::vector<std::vector<Value>>& paths) {
  PathNode root;
  for (const auto& path : paths) {
    if (path.empty()) continue;  // an empty path selects nothing
    PathNode* node = &root;
    bool covered = false;
    for (size_t i = 0; i + 1 < path.size() && !covered; ++i) {
      node = node->Child(path[i]);
      covered = node->leaf;
    }
    if (covered) continue;
    node = node->Child(path.back());
    node->leaf = true;
    node->children.clear();  // a shorter path covers longer ones
  }
  return root.ToValue();
}

Value FilterByPathTree(const Value& v, const Value& tree) {
  if (tree.IsNull() || !tree.IsObject()) return v;
  switch (v.kind()) {
    case Value::Kind::kObject: {
      std::vector<Value::Entry> out;
      for (const auto& f : tree.GetObject()) {
        if (const Value* sub = v.Find(f.key))
          out.push_back({f.key, FilterByPathTree(*sub, f.value)});
      }
      return Value::Object(std::move(out));
    }
    case Value::Kind::kArray: {
      std::vector<Value> out;
      auto items = v.GetArray();
      for (size_t i = 0; i < items.size(); ++i) {
        if (const Value* sub = tree.Find(std::to_string(i)))
          out.push_back(FilterByPathTree(items[i], *sub));
      }
      return Value::Array(std::move(out));
    }
    case Value::Kind::kSet: {
      std::vector<Value> out;
      for (const Value& item : v.GetSet()) {
        if (const Value* sub = tree.Find(item)) out.push_back(FilterByPathTree(item, *sub));
      }
      return Value::Set(std::move(out));
    }
    default:
      return v;
  }
}

std::optional<Value> RemoveByPathTree(const Value& v, const Value& tree) {
  if (tree.IsNull()) return std::nullopt;  // a leaf: remove this value
  if (!tree.IsObject()) return v;
  switch (v.kind()) {
    case Value::Kind::kObject: {
      std::vector<Value::Entry> out;
      for (const auto& e : v.GetObject()) {
        const Value* sub = tree.Find(e.key);
        std::optional<Value> kept = sub ? RemoveByPathTree(e.value, *sub) : e.value;
        if (kept) out.push_back({e.key, std::move(*kept)});
      }
      return Value::ObjectFromSorted(std::move(out));
    }
    case Value::Kind::kSet: {
      std::vector<Value> out;
      for (const Value& item : v.GetSet()) {
        const Value* sub = tree.Find(item);
        std::optional<Value> kept = sub ? RemoveByPathTree(item, *sub) : item;
        if (kept) out.push_back(std::move(*kept));
      }
      return Value::Set(std::move(out));
    }
    case Value::Kind::kArray: {
      // Removed indexes close up, as JSON Patch removal does.
      std::vector<Value> out;
      auto items = v.GetArray();
      for (size_t i = 0; i < items.size(); ++i) {
        const Value* sub = tree.Find(std::to_string(i));
        std::optional<Value> kept = sub ? RemoveByPathTree(items[i], *sub) : items[i];
        if (kept) out.push_back(std::move(*kept));
      }
      return Value::Array(std::move(out));
    }
    default:
      return v;
  }
}

}  // namespace golden::rego
