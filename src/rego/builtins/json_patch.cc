// json.patch: RFC 6902 operations (add, remove, replace, move, copy, test) applied in order,
// atomically: any failing operation makes the result undefined, as in OPA (topdown/json.go
// with its edit tree). Besides objects and arrays, a path may go through sets, where a member
// is its own key.

#include <functional>

#include "rego/builtins/json_paths.h"
#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

using Path = std::vector<Value>;

// An array index from a path segment: a plain integer, a decimal string without leading
// zeros, or "-" for the end.
std::optional<int64_t> ToIndex(const Value& key, size_t length) {
  if (key.IsNumber()) return PlainInt(key);
  if (!key.IsString()) return std::nullopt;
  std::string_view s = key.GetString();
  if (s == "-") return static_cast<int64_t>(length);
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != s.npos)
    return std::nullopt;
  if (s.size() > 1 && s[0] == '0') return std::nullopt;
  return std::stoll(std::string(s));
}

// The value at `path`, if every step exists.
std::optional<Value> Get(const Value& doc, std::span<const Value> path) {
  if (path.empty()) return doc;
  const Value& key = path[0];
  switch (doc.kind()) {
    case Value::Kind::kObject: {
      const Value* child = doc.Find(key);
      if (!child) return std::nullopt;
      return Get(*child, path.subspan(1));
    }
    case Value::Kind::kArray: {
      auto items = doc.GetArray();
      std::optional<int64_t> i = ToIndex(key, items.size());
      if (!i || *i < 0 || *i >= static_cast<int64_t>(items.size())) return std::nullopt;
      return Get(items[static_cast<size_t>(*i)], path.subspan(1));
    }
    case Value::Kind::kSet:
      if (!doc.Contains(key)) return std::nullopt;
      return Get(key, path.subspan(1));
    default:
      return std::nullopt;
  }
}

// Rebuilds `doc` with `edit` applied to the container at `parent_path`.
std::optional<Value> Rebuild(const Value& doc, std::span<const Value> parent_path,
                             const std::function<std::optional<Value>(const Value&)>& edit) {
  if (parent_path.empty()) return edit(doc);
  const Value& key = parent_path[0];
  switch (doc.kind()) {
    case Value::Kind::kObject: {
      const Value* child = doc.Find(key);
      if (!child) return std::nullopt;
      std::optional<Value> updated = Rebuild(*child, parent_path.subspan(1), edit);
      if (!updated) return std::nullopt;
      std::vector<Value::Entry> entries(doc.GetObject().begin(), doc.GetObject().end());
      for (auto& e : entries) {
        if (e.key == key) e.value = std::move(*updated);
      }
      return Value::ObjectFromSorted(std::move(entries));
    }
    case Value::Kind::kArray: {
      auto items = doc.GetArray();
      std::optional<int64_t> i = ToIndex(key, items.size());
      if (!i || *i < 0 || *i >= static_cast<int64_t>(items.size())) return std::nullopt;
      std::optional<Value> updated =
          Rebuild(items[static_cast<size_t>(*i)], parent_path.subspan(1), edit);
      if (!updated) return std::nullopt;
      std::vector<Value> out(items.begin(), items.end());
      out[static_cast<size_t>(*i)] = std::move(*updated);
      return Value::Array(std::move(out));
    }
    case Value::Kind::kSet: {
      if (!doc.Contains(key)) return std::nullopt;
      std::optional<Value> updated = Rebuild(key, parent_path.subspan(1), edit);
      if (!updated) return std::nullopt;
      std::vector<Value> out;
      for (const Value& m : doc.GetSet()) out.push_back(m == key ? *updated : m);
      return Value::Set(std::move(out));
    }
    default:
      return std::nullopt;
  }
}

std::optional<Value> Add(const Value& doc, const Path& path, const Value& value) {
  if (path.empty()) return value;
  const Value& key = path.back();
  return Rebuild(
      doc, std::span(path).first(path.size() - 1),
      [&](const Value& parent) -> std::optional<Value> {
        switch (parent.kind()) {
          case Value::Kind::kObject: {
            std::vector<Value::Entry> entries(parent.GetObject().begin(), parent.GetObject().end());
            entries.push_back({key, value});  // Value::Object keeps the last of a repeated key
            return Value::Object(std::move(entries));
          }
          case Value::Kind::kSet: {
            if (key != value) return std::nullopt;  // a set member is its own key
            std::vector<Value> items(parent.GetSet().begin(), parent.GetSet().end());
            items.push_back(value);
            return Value::Set(std::move(items));
          }
          case Value::Kind::kArray: {
            auto items = parent.GetArray();
            std::optional<int64_t> i = ToIndex(key, items.size());
            if (!i || *i < 0 || *i > static_cast<int64_t>(items.size())) return std::nullopt;
            std::vector<Value> out(items.begin(), items.end());
            out.insert(out.begin() + *i, value);
            return Value::Array(std::move(out));
          }
          default:
            return std::nullopt;
        }
      });
}

// nullopt as the outer value means failure; an inner nullopt that the whole document was removed.
std::optional<std::optional<Value>> Remove(const Value& doc, const Path& path) {
  if (path.empty()) return std::optional<Value>();
  const Value& key = path.back();
  std::optional<Value> out =
      Rebuild(doc, std::span(path).first(path.size() - 1),
              [&](const Value& parent) -> std::optional<Value> {
                switch (parent.kind()) {
                  case Value::Kind::kObject: {
                    if (!parent.Find(key)) return std::nullopt;
                    std::vector<Value::Entry> entries;
                    for (const auto& e : parent.GetObject()) {
                      if (e.key != key) entries.push_back(e);
                    }
                    return Value::ObjectFromSorted(std::move(entries));
                  }
                  case Value::Kind::kSet: {
                    if (!parent.Contains(key)) return std::nullopt;
                    std::vector<Value> items;
                    for (const Value& m : parent.GetSet()) {
                      if (m != key) items.push_back(m);
                    }
                    return Value::SetFromSorted(std::move(items));
                  }
                  case Value::Kind::kArray: {
                    auto items = parent.GetArray();
                    std::optional<int64_t> i = ToIndex(key, items.size());
                    if (!i || *i < 0 || *i >= static_cast<int64_t>(items.size()))
                      return std::nullopt;
                    std::vector<Value> kept(items.begin(), items.end());
                    kept.erase(kept.begin() + *i);
                    return Value::Array(std::move(kept));
                  }
                  default:
                    return std::nullopt;
                }
              });
  if (!out) return std::nullopt;
  return out;
}

std::optional<Path> PathAttribute(const Value& op, std::string_view name) {
  const Value* p = op.Find(name);
  if (!p) return std::nullopt;
  BuiltinResult ignored = BuiltinResult::Undefined();
  return ParseJsonPath(*p, 2, &ignored);
}

// One operation applied to `doc`; nullopt when it fails. A removed document is kept as
// nullopt inside `*removed`.
std::optional<Value> ApplyOne(const Value& doc, const Value& op, bool* removed) {
  if (!op.IsObject()) return std::nullopt;
  const Value* name = op.Find("op");
  if (!name || !name->IsString()) return std::nullopt;
  std::string_view kind = name->GetString();
  std::optional<Path> path = PathAttribute(op, "path");
  if (!path) return std::nullopt;
  const Value* value = op.Find("value");
  auto needs_value = [&] { return kind == "add" || kind == "replace" || kind == "test"; };
  if (needs_value() && !value) return std::nullopt;
  if (kind == "add") return Add(doc, *path, *value);
  if (kind == "remove" || kind == "replace") {
    std::optional<std::optional<Value>> rest = Remove(doc, *path);
    if (!rest) return std::nullopt;
    if (kind == "replace") {
      // Replacing the whole document: the removal left nothing to add to.
      if (!*rest) return *value;
      return Add(**rest, *path, *value);
    }
    if (!*rest) {
      *removed = true;
      return Value::Null();
    }
    return **rest;
  }
  if (kind == "move" || kind == "copy") {
    std::optional<Path> from = PathAttribute(op, "from");
    if (!from) return std::nullopt;
    std::optional<Value> chunk = Get(doc, *from);
    if (!chunk) return std::nullopt;
    if (kind == "copy") return Add(doc, *path, *chunk);
    std::optional<std::optional<Value>> rest = Remove(doc, *from);
    if (!rest) return std::nullopt;
    if (!*rest) return path->empty() ? std::optional<Value>(*chunk) : std::nullopt;
    return Add(**rest, *path, *chunk);
  }
  if (kind == "test") {
    std::optional<Value> at = Get(doc, *path);
    if (!at || *at != *value) return std::nullopt;
    return doc;
  }
  return std::nullopt;  // an unknown operation
}

BuiltinResult Patch(BuiltinContext&, std::span<const Value> args) {
  Value doc = args[0];
  bool removed = false;
  for (const Value& op : args[1].GetArray()) {
    if (removed) return BuiltinResult::Undefined();  // nothing left to patch
    std::optional<Value> next = ApplyOne(doc, op, &removed);
    if (!next) return BuiltinResult::Undefined();
    doc = std::move(*next);
  }
  if (removed) return BuiltinResult::Undefined();
  return doc;
}

}  // namespace

Status RegisterJsonPatchBuiltins(Registry& r) {
  return r.Register(
      {.name = builtins::kJsonPatch,
       .args = {t::Any(), t::ArrayOf(t::ObjectStatic({{"op", t::String()}, {"path", t::Any()}},
                                                     t::Any(), t::Any()))},
       .result = t::Any(),
       .categories = {"object"},
       .fn = &Patch});
}

}  // namespace golden::rego
