// The data document: base data merged with the virtual documents that rules define,
// evaluated lazily and cached per query (OPA's evalTree, evalVirtual, evalVirtualComplete
// and evalVirtualPartial).

#include <algorithm>
#include <map>
#include <memory>

#include "rego/eval/topdown.h"
#include "rego/syntax/diag.h"

namespace golden::rego {

namespace {

// Go's strconv.Atoi for array indexes in storage paths: optional sign, decimal digits.
std::optional<int64_t> ParseIndex(std::string_view s) {
  size_t i = 0;
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    i = 1;
  }
  if (i == s.size() || s.size() - i > 18) return std::nullopt;
  int64_t n = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    n = n * 10 + (s[i] - '0');
  }
  return neg ? -n : n;
}

// A step into the base document as OPA's storage reads it: the ref's key becomes a path
// string (numbers by their text), objects are looked up by that string and arrays by the
// index it spells. Booleans, null and composite keys find nothing.
const Value* StoreChild(const Value& v, const Value& key) {
  std::string text;
  std::string_view k;
  if (key.IsString()) {
    k = key.GetString();
  } else if (key.IsNumber()) {
    text = key.GetNumber().ToString();
    k = text;
  } else {
    return nullptr;
  }
  if (v.IsObject()) return v.Find(k);
  if (v.IsArray()) {
    std::optional<int64_t> i = ParseIndex(k);
    std::span<const Value> items = v.GetArray();
    if (!i || *i < 0 || static_cast<size_t>(*i) >= items.size()) return nullptr;
    return &items[static_cast<size_t>(*i)];
  }
  return nullptr;
}

const Value* ChildOf(const Value& v, const Value& key) {
  switch (v.kind()) {
    case Value::Kind::kObject:
      return v.Find(key);
    case Value::Kind::kArray: {
      if (!key.IsNumber() || !key.GetNumber().IsSmallInt()) return nullptr;
      int64_t i = key.GetNumber().small_int();
      std::span<const Value> items = v.GetArray();
      if (i < 0 || static_cast<size_t>(i) >= items.size()) return nullptr;
      return &items[static_cast<size_t>(i)];
    }
    case Value::Kind::kSet: {
      std::span<const Value> items = v.GetSet();
      auto it = std::lower_bound(items.begin(), items.end(), key);
      return it != items.end() && *it == key ? &*it : nullptr;
    }
    default:
      return nullptr;
  }
}

// OPA's merge(a, b): objects merge recursively, `a` wins everywhere else.
Value MergeValues(const Value& a, const Value& b) {
  if (!a.IsObject() || !b.IsObject()) return a;
  std::map<Value, Value> out;
  for (const Value::Entry& e : b.GetObject()) out.emplace(e.key, e.value);
  for (const Value::Entry& e : a.GetObject()) {
    auto it = out.find(e.key);
    if (it == out.end()) {
      out.emplace(e.key, e.value);
    } else {
      it->second = MergeValues(e.value, it->second);
    }
  }
  std::vector<Value::Entry> entries;
  entries.reserve(out.size());
  for (auto& [k, v] : out) entries.push_back({k, v});
  return Value::ObjectFromSorted(std::move(entries));
}

// A document under construction by partial rules: nested objects with value or set
// leaves (OPA builds these by mutating objects in place).
struct DocNode {
  enum class Kind { kObject, kSet, kLeaf } kind = Kind::kObject;
  std::map<Value, std::unique_ptr<DocNode>> children;
  std::vector<Value> items;
  Value leaf;

  // Makes a leaf that holds an object navigable (rules may extend another rule's value).
  bool OpenAsObject() {
    if (kind == Kind::kObject) return true;
    if (kind != Kind::kLeaf || !leaf.IsObject()) return false;
    for (const Value::Entry& e : leaf.GetObject()) {
      auto n = std::make_unique<DocNode>();
      n->kind = Kind::kLeaf;
      n->leaf = e.value;
      children.emplace(e.key, std::move(n));
    }
    leaf = Value();
    kind = Kind::kObject;
    return true;
  }

  Value Build() const {
    switch (kind) {
      case Kind::kLeaf:
        return leaf;
      case Kind::kSet:
        return items.empty() ? Value::EmptySet() : Value::Set(items);
      case Kind::kObject: {
        if (children.empty()) return Value::EmptyObject();
        std::vector<Value::Entry> entries;
        entries.reserve(children.size());
        for (const auto& [k, c] : children) entries.push_back({k, c->Build()});
        return Value::ObjectFromSorted(std::move(entries));
      }
    }
    return Value();
  }
};

}  // namespace

bool Evaluator::PathPrefixed(const std::vector<Value>& path) const {
  for (const std::vector<Value>* t : targets_) {
    if (t->size() <= path.size() && std::equal(t->begin(), t->end(), path.begin())) return true;
  }
  return false;
}

bool Evaluator::EvalDataRef(const ir::Term* ref, Binding* f, ValueCont k) {
  if (targets_.empty() && data_override_ == nullptr) {
    // Start where the compiler's constant prefix walk stopped.
    const Value* base = data_;
    for (uint32_t i = 1; i < ref->prefix && base != nullptr; ++i) {
      base = StoreChild(*base, ref->items[i]->value);
    }
    return WalkData(ref, ref->prefix, ref->node, DataPos{base, nullptr, false}, f, k);
  }
  std::vector<Value> saved;
  saved.swap(path_);
  DataPos root{data_, data_override_, PathPrefixed({})};
  bool stop = WalkData(ref, 1, root.prefixed ? nullptr : program_.data_root, root, f, k);
  path_.swap(saved);
  return stop;
}

std::optional<Value> Evaluator::BaseValue(const DataPos& base) {
  if (base.prefixed) {
    if (base.override == nullptr) return std::nullopt;
    return *base.override;
  }
  if (base.override != nullptr && base.store != nullptr) {
    return MergeValues(*base.override, *base.store);
  }
  if (base.override != nullptr) return *base.override;
  if (base.store != nullptr) return *base.store;
  return std::nullopt;
}

Evaluator::DataPos Evaluator::Descend(const DataPos& base, const Value& key) {
  DataPos out;
  out.prefixed = base.prefixed || (!targets_.empty() && PathPrefixed(path_));
  out.store = out.prefixed || base.store == nullptr ? nullptr : StoreChild(*base.store, key);
  out.override = base.override == nullptr ? nullptr : ChildOf(*base.override, key);
  return out;
}

bool Evaluator::WalkData(const ir::Term* ref, size_t pos, const ir::RuleNode* node,
                         const DataPos& base, Binding* f, ValueCont k) {
  if (pos == ref->items.size()) {
    std::optional<Value> bv = BaseValue(base);
    if (node == nullptr) return bv ? k(*bv) : false;
    Value virt = Leaves(node, base);
    if (bv) return k(MergeValues(*bv, virt));
    return k(virt);
  }
  const ir::Term* op = ref->items[pos];
  Value scratch;
  if (const Value* key = Plug(op, f, &scratch)) {
    Value k2 = *key;
    return NextData(ref, pos, node, base, k2, f, k);
  }
  // Enumerate the base document's keys, then the virtual documents' keys.
  auto visit = [&](const Value& key) {
    size_t mark = trail_.size();
    bool stop = UnifyPV(op, f, key) ? NextData(ref, pos, node, base, key, f, k) : false;
    trail_.Undo(mark);
    return stop;
  };
  std::optional<Value> bv = BaseValue(base);
  if (bv) {
    const Value doc = *bv;
    switch (doc.kind()) {
      case Value::Kind::kArray:
        for (size_t i = 0; i < doc.Size(); ++i) {
          if (visit(Value::Int(static_cast<int64_t>(i)))) return true;
        }
        break;
      case Value::Kind::kObject:
        for (const Value::Entry& e : doc.GetObject()) {
          if (visit(e.key)) return true;
        }
        break;
      case Value::Kind::kSet:
        for (const Value& x : doc.GetSet()) {
          if (visit(x)) return true;
        }
        break;
      default:
        break;
    }
  }
  if (node != nullptr) {
    // Keys in both documents were visited above; yield each key once.
    for (const ir::RuleNode* child : node->children) {
      if (bv && bv->IsObject() && bv->Find(child->key) != nullptr) continue;
      if (visit(child->key)) return true;
    }
  }
  return false;
}

bool Evaluator::NextData(const ir::Term* ref, size_t pos, const ir::RuleNode* node,
                         const DataPos& base, const Value& key, Binding* f, ValueCont k) {
  bool tracking = !targets_.empty();
  if (tracking) path_.push_back(key);
  bool prefixed = base.prefixed || (tracking && PathPrefixed(path_));
  const ir::RuleNode* child = nullptr;
  bool stop;
  if (!prefixed && node != nullptr) child = node->Child(key);
  if (child != nullptr && child->rules != nullptr) {
    stop = EvalVirtual(*child->rules, ref, pos, f, k);
  } else {
    DataPos next = Descend(base, key);
    stop = WalkData(ref, pos + 1, prefixed ? nullptr : child, next, f, k);
  }
  if (tracking) path_.pop_back();
  return stop;
}

Value Evaluator::Leaves(const ir::RuleNode* node, const DataPos& base) {
  std::vector<Value::Entry> entries;
  for (const ir::RuleNode* child : node->children) {
    if (child->hide) continue;
    bool tracking = !targets_.empty();
    if (tracking) path_.push_back(child->key);
    if (tracking && PathPrefixed(path_)) {
      // Replaced by `with`: the replacement stands for the rules below.
      DataPos d = Descend(base, child->key);
      if (std::optional<Value> v = BaseValue(d)) entries.push_back({child->key, *v});
    } else if (child->rules != nullptr) {
      if (std::optional<Value> v = Extent(*child->rules)) entries.push_back({child->key, *v});
    } else {
      entries.push_back({child->key, Leaves(child, Descend(base, child->key))});
    }
    if (tracking) path_.pop_back();
  }
  return entries.empty() ? Value::EmptyObject() : Value::ObjectFromSorted(std::move(entries));
}

bool Evaluator::EvalVirtual(const ir::RuleSet& rs, const ir::Term* ref, size_t pos, Binding* f,
                            ValueCont k) {
  switch (rs.kind) {
    case ir::RuleSet::Kind::kFunction:
      return false;  // functions are not documents
    case ir::RuleSet::Kind::kComplete: {
      std::optional<Value> v = CompleteValue(rs);
      if (!v) return false;
      Value doc = std::move(*v);
      return WalkValue(doc, ref, pos + 1, f, k);
    }
    case ir::RuleSet::Kind::kPartial:
      break;
  }
  size_t n = ref->items.size();
  if (pos + 1 == n) return k(PartialValue(rs, {}));
  // Ground keys after the document are matched against the rules' heads before their
  // bodies run (OPA's rule-head pre-unification), so `data.p["x"]` only computes "x".
  std::vector<Value> keys;
  for (size_t i = pos + 1; i < n && i < rs.max_ref_len; ++i) {
    Value scratch;
    const Value* key = Plug(ref->items[i], f, &scratch);
    if (key == nullptr) break;
    keys.push_back(*key);
  }
  Value doc = PartialValue(rs, keys);
  return WalkValue(doc, ref, pos + 1, f, k);
}

std::optional<Value> Evaluator::Extent(const ir::RuleSet& rs) {
  switch (rs.kind) {
    case ir::RuleSet::Kind::kFunction:
      return std::nullopt;
    case ir::RuleSet::Kind::kComplete:
      return CompleteValue(rs);
    case ir::RuleSet::Kind::kPartial:
      return PartialValue(rs, {});
  }
  return std::nullopt;
}

std::optional<Value> Evaluator::RuleValue(const ir::Rule* rule, std::optional<Value>* prev,
                                          bool early, const char* conflict) {
  FrameStack::Mark m = frames_.mark();
  Binding* fr = frames_.Push(rule->num_slots);
  size_t mark = trail_.size();
  std::optional<Value> result;
  EvalBody(rule->body, 0, fr, [&] {
    Value scratch;
    const Value* v = Plug(rule->value, fr, &scratch);
    if (v == nullptr) return false;
    if (*prev && **prev != *v) Fail(errc::kEvalConflict, conflict, rule->span);
    *prev = *v;
    result = *v;
    RuleExit(rule);
    return early;
  });
  trail_.Undo(mark);
  frames_.Release(m);
  return result;
}

std::optional<Value> Evaluator::CompleteValue(const ir::RuleSet& rs) {
  CacheKey key{&rs, {}};
  if (auto it = cache().find(key); it != cache().end()) return it->second;
  static constexpr const char* kConflict = "complete rules must not produce multiple outputs";
  std::optional<Value> prev;
  for (const ir::Rule* rule : rs.rules) {
    std::optional<Value> next = RuleValue(rule, &prev, rs.early_exit, kConflict);
    for (const ir::Rule* e = rule->else_rule; !next && e != nullptr; e = e->else_rule) {
      next = RuleValue(e, &prev, rs.early_exit, kConflict);
    }
  }
  if (!prev && rs.default_rule != nullptr) {
    RuleValue(rs.default_rule, &prev, true, kConflict);
  }
  cache().emplace(std::move(key), prev);
  return prev;
}

Value Evaluator::PartialValue(const ir::RuleSet& rs, const std::vector<Value>& keys) {
  CacheKey ck{&rs, keys};
  if (auto it = cache().find(ck); it != cache().end()) return *it->second;
  bool as_set = rs.multi_value && rs.only_ground_refs;
  DocNode root;
  root.kind = as_set ? DocNode::Kind::kSet : DocNode::Kind::kObject;
  std::vector<std::vector<Value>> visited;
  const size_t pos = rs.pos;
  for (const ir::Rule* rule : rs.rules) {
    FrameStack::Mark m = frames_.mark();
    Binding* fr = frames_.Push(rule->num_slots);
    size_t mark = trail_.size();
    bool ok = true;
    for (size_t j = 0; j < keys.size() && ok; ++j) {
      size_t idx = pos + 1 + j;
      if (idx < rule->ref.size()) {
        ok = UnifyPV(rule->ref[idx], fr, keys[j]);
      } else if (rule->multi_value && idx == rule->ref.size()) {
        ok = UnifyPV(rule->key, fr, keys[j]);
      } else {
        break;
      }
    }
    if (ok) {
      EvalBody(rule->body, 0, fr, [&] {
        Value scratch;
        if (as_set) {
          if (const Value* v = Plug(rule->key, fr, &scratch)) {
            root.items.push_back(*v);
            RuleExit(rule);
          }
          return false;
        }
        // The object path the rule's ref spells after the document, its leaf key.
        std::vector<Value> path;
        for (size_t i = pos + 1; i < rule->ref.size(); ++i) {
          Value s;
          const Value* v = Plug(rule->ref[i], fr, &s);
          if (v == nullptr) return false;
          path.push_back(*v);
        }
        for (const std::vector<Value>& c : visited) {
          if (c.size() < path.size() && std::equal(c.begin(), c.end(), path.begin())) {
            Fail(errc::kEvalConflict, "object keys must be unique", rule->span);
          }
        }
        visited.push_back(path);
        DocNode* node = &root;
        for (size_t i = 0; i + 1 < path.size(); ++i) {
          auto& slot = node->children[path[i]];
          if (!slot) {
            slot = std::make_unique<DocNode>();
          } else if (!slot->OpenAsObject()) {
            Fail(errc::kEvalConflict, "object keys must be unique", rule->span);
          }
          node = slot.get();
        }
        if (path.empty()) return false;
        const Value& leaf_key = path.back();
        auto& leaf = node->children[leaf_key];
        if (rule->multi_value) {
          if (!leaf) {
            leaf = std::make_unique<DocNode>();
            leaf->kind = DocNode::Kind::kSet;
          } else if (leaf->kind != DocNode::Kind::kSet) {
            if (leaf->kind == DocNode::Kind::kLeaf && leaf->leaf.IsSet()) {
              leaf->items.assign(leaf->leaf.GetSet().begin(), leaf->leaf.GetSet().end());
              leaf->kind = DocNode::Kind::kSet;
            } else {
              Fail(errc::kEvalConflict, "object keys must be unique", rule->span);
            }
          }
          if (const Value* v = Plug(rule->key, fr, &scratch)) {
            leaf->items.push_back(*v);
            RuleExit(rule);
          }
          return false;
        }
        const Value* v = Plug(rule->value, fr, &scratch);
        if (v == nullptr) return false;
        RuleExit(rule);
        if (!leaf) {
          leaf = std::make_unique<DocNode>();
          leaf->kind = DocNode::Kind::kLeaf;
          leaf->leaf = *v;
        } else if (leaf->Build() != *v) {
          Fail(errc::kEvalConflict, "object keys must be unique", rule->span);
        }
        return false;
      });
    }
    trail_.Undo(mark);
    frames_.Release(m);
  }
  Value out = root.Build();
  cache().emplace(std::move(ck), out);
  return out;
}

}  // namespace golden::rego
