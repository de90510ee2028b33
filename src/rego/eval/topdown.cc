#include "rego/eval/topdown.h"

#include <algorithm>
#include <map>

#include "rego/syntax/diag.h"

namespace golden::rego {

namespace {

// Nested evaluation deeper than this is stopped (rule chains, deep comprehensions), so
// that pathological programs end with an error instead of exhausting the stack.
constexpr int kMaxDepth = 2500;

struct DepthGuard {
  int& d;
  explicit DepthGuard(int& depth) : d(depth) { ++d; }
  ~DepthGuard() { --d; }
};

bool IsFalse(const Value& v) { return v.IsBool() && !v.GetBool(); }

}  // namespace

const ir::RuleNode* ir::RuleNode::Child(const Value& k) const {
  auto it = std::lower_bound(children.begin(), children.end(), k,
                             [](const RuleNode* n, const Value& key) { return n->key < key; });
  if (it != children.end() && (*it)->key == k) return *it;
  return nullptr;
}

Evaluator::Evaluator(const EvalEnv& env)
    : program_(*env.program),
      data_(env.data),
      input_(env.input),
      bctx_(env.builtins),
      coverage_(env.coverage) {
  caches_.emplace_back();
}

size_t Evaluator::CacheKeyHash::operator()(const CacheKey& k) const {
  size_t h = std::hash<const void*>()(k.id);
  for (const Value& v : k.keys) h = h * 31 + v.Hash();
  return h;
}

void Evaluator::Fail(std::string_view code, std::string message, Span span) {
  throw Halt{EvalFailure{code, std::move(message), span, true}};
}

void Evaluator::RecordBuiltinError(std::string_view code, std::string message, Span span) {
  // OPA keeps evaluating; under strict builtin errors the first one is the query's error.
  if (!builtin_error_) builtin_error_ = EvalFailure{code, std::move(message), span, true};
}

std::optional<EvalFailure> Evaluator::Run(const ir::Query& q,
                                          FnRef<void(const Binding*)> on_result) {
  try {
    FrameStack::Mark m = frames_.mark();
    Binding* f = frames_.Push(q.num_slots);
    EvalBody(q.body, 0, f, [&] {
      on_result(f);
      return false;
    });
    frames_.Release(m);
  } catch (Halt& h) {
    trail_.Undo(0);
    if (bctx_ != nullptr && bctx_->strict_builtin_errors && builtin_error_) return builtin_error_;
    return std::move(h.failure);
  }
  if (bctx_ != nullptr && bctx_->strict_builtin_errors && builtin_error_) return builtin_error_;
  return std::nullopt;
}

const Value* Evaluator::SlotValue(const Binding* frame, ir::Slot slot) {
  Binding* b = Resolve(const_cast<Binding*>(frame), slot);
  return b->bound ? &b->value : nullptr;
}

// ---- bodies and expressions ----

bool Evaluator::EvalBody(const ir::Body& b, size_t i, Binding* f, Cont k) {
  if (i == b.exprs.size()) return k();
  return EvalExpr(*b.exprs[i], f, [&] { return EvalBody(b, i + 1, f, k); });
}

bool Evaluator::EvalExpr(const ir::Expr& e, Binding* f, Cont k) {
  DepthGuard guard(depth_);
  if (depth_ > kMaxDepth) {
    Fail(errc::kEvalInternal, "evaluation exceeded the maximum depth", e.span);
  }
  if (coverage_ != nullptr) coverage_->insert(CoverageKey(e.span));
  if (!e.withs.empty()) return EvalWith(e, f, k);
  return EvalStep(e, f, k);
}

bool Evaluator::EvalStep(const ir::Expr& e, Binding* f, Cont k) {
  if (e.negated) {
    // `not e`: defined when e has no solution (its bindings are undone either way).
    bool found = EvalPositive(e, f, [] { return true; });
    return found ? false : k();
  }
  return EvalPositive(e, f, k);
}

bool Evaluator::EvalPositive(const ir::Expr& e, Binding* f, Cont k) {
  switch (e.kind) {
    case ir::ExprKind::kTerm:
      return EvalTermExpr(e.a, f, k);
    case ir::ExprKind::kUnify:
      return EvalUnify(e.a, e.b, f, k);
    case ir::ExprKind::kCall:
      return EvalCall(e, f, k);
    case ir::ExprKind::kEvery:
      return EvalEvery(e, f, k);
    case ir::ExprKind::kTrue:
      return k();
  }
  return false;
}

bool Evaluator::EvalTermExpr(const ir::Term* t, Binding* f, Cont k) {
  if (t->kind == ir::TermKind::kRef) {
    return EvalRef(t, f, [&](const Value& v) { return IsFalse(v) ? false : k(); });
  }
  if (t->IsComprehension()) {
    EvalComprehension(t, f);
    return k();
  }
  Value scratch;
  const Value* v = Plug(t, f, &scratch);
  if (v == nullptr || IsFalse(*v)) return false;
  return k();
}

bool Evaluator::EvalUnify(const ir::Term* a, const ir::Term* b, Binding* f, Cont k) {
  if (a->kind == ir::TermKind::kRef) {
    return EvalRef(a, f, [&](const Value& v) { return UnifyWithValue(b, f, v, k); });
  }
  if (b->kind == ir::TermKind::kRef) {
    return EvalRef(b, f, [&](const Value& v) { return UnifyWithValue(a, f, v, k); });
  }
  if (a->IsComprehension()) return UnifyWithValue(b, f, EvalComprehension(a, f), k);
  if (b->IsComprehension()) return UnifyWithValue(a, f, EvalComprehension(b, f), k);
  size_t mark = trail_.size();
  bool stop = UnifyPP(a, b, f) ? k() : false;
  trail_.Undo(mark);
  return stop;
}

bool Evaluator::UnifyWithValue(const ir::Term* t, Binding* f, const Value& v, Cont k) {
  if (t->kind == ir::TermKind::kRef) {
    return EvalRef(t, f, [&](const Value& w) { return w == v ? k() : false; });
  }
  if (t->IsComprehension()) return EvalComprehension(t, f) == v ? k() : false;
  size_t mark = trail_.size();
  bool stop = UnifyPV(t, f, v) ? k() : false;
  trail_.Undo(mark);
  return stop;
}

bool Evaluator::EvalEvery(const ir::Expr& e, Binding* f, Cont k) {
  Value scratch;
  const Value* domain = Plug(e.domain, f, &scratch);
  if (domain == nullptr || !domain->IsCollection()) return false;
  Value d = *domain;
  auto holds = [&](const Value& key, const Value& val) {
    size_t mark = trail_.size();
    bool ok = UnifyPV(e.key, f, key) && UnifyPV(e.value, f, val);
    bool found = ok && EvalBody(*e.body, 0, f, [] { return true; });
    trail_.Undo(mark);
    return found;
  };
  if (d.IsArray()) {
    std::span<const Value> items = d.GetArray();
    for (size_t i = 0; i < items.size(); ++i) {
      if (!holds(Value::Int(static_cast<int64_t>(i)), items[i])) return false;
    }
  } else if (d.IsObject()) {
    for (const Value::Entry& en : d.GetObject()) {
      if (!holds(en.key, en.value)) return false;
    }
  } else {
    for (const Value& x : d.GetSet()) {
      if (!holds(x, x)) return false;
    }
  }
  return k();
}

Value Evaluator::EvalComprehension(const ir::Term* t, Binding* f) {
  if (t->closed) {
    CacheKey key{t, {}};
    if (auto it = cache().find(key); it != cache().end() && it->second) return *it->second;
    Value v = ComputeComprehension(t, f);
    cache()[std::move(key)] = v;
    return v;
  }
  return ComputeComprehension(t, f);
}

Value Evaluator::ComputeComprehension(const ir::Term* t, Binding* f) {
  switch (t->kind) {
    case ir::TermKind::kArrayCompr: {
      std::vector<Value> items;
      EvalBody(*t->body, 0, f, [&] {
        Value s;
        if (const Value* v = Plug(t->head, f, &s)) items.push_back(*v);
        return false;
      });
      return items.empty() ? Value::EmptyArray() : Value::Array(std::move(items));
    }
    case ir::TermKind::kSetCompr: {
      std::vector<Value> items;
      EvalBody(*t->body, 0, f, [&] {
        Value s;
        if (const Value* v = Plug(t->head, f, &s)) items.push_back(*v);
        return false;
      });
      return items.empty() ? Value::EmptySet() : Value::Set(std::move(items));
    }
    case ir::TermKind::kObjectCompr: {
      std::map<Value, Value> entries;
      EvalBody(*t->body, 0, f, [&] {
        Value ks;
        Value vs;
        const Value* key = Plug(t->head, f, &ks);
        const Value* val = Plug(t->head_value, f, &vs);
        if (key == nullptr || val == nullptr) return false;
        auto [it, inserted] = entries.emplace(*key, *val);
        if (!inserted && it->second != *val) {
          Fail(errc::kEvalConflict, "object keys must be unique", t->head->span);
        }
        return false;
      });
      if (entries.empty()) return Value::EmptyObject();
      std::vector<Value::Entry> out;
      out.reserve(entries.size());
      for (auto& [key, val] : entries) out.push_back({key, val});
      return Value::ObjectFromSorted(std::move(out));
    }
    default:
      return Value();
  }
}

// ---- patterns ----

Binding* Evaluator::Resolve(Binding* f, ir::Slot s) {
  Binding* b = f + s;
  while (!b->bound && b->alias >= 0) b = f + b->alias;
  return b;
}

const Value* Evaluator::Plug(const ir::Term* t, Binding* f, Value* scratch) {
  switch (t->kind) {
    case ir::TermKind::kConst:
      return &t->value;
    case ir::TermKind::kVar: {
      Binding* b = Resolve(f, t->slot);
      return b->bound ? &b->value : nullptr;
    }
    case ir::TermKind::kArray:
    case ir::TermKind::kSet: {
      std::vector<Value> items;
      items.reserve(t->items.size());
      for (const ir::Term* x : t->items) {
        Value s;
        const Value* v = Plug(x, f, &s);
        if (v == nullptr) return nullptr;
        items.push_back(*v);
      }
      *scratch = t->kind == ir::TermKind::kArray ? Value::Array(std::move(items))
                                                 : Value::Set(std::move(items));
      return scratch;
    }
    case ir::TermKind::kObject: {
      std::vector<Value::Entry> entries;
      entries.reserve(t->pairs.size());
      for (const auto& [k, v] : t->pairs) {
        Value ks;
        Value vs;
        const Value* kp = Plug(k, f, &ks);
        const Value* vp = Plug(v, f, &vs);
        if (kp == nullptr || vp == nullptr) return nullptr;
        entries.push_back({*kp, *vp});
      }
      *scratch = Value::Object(std::move(entries));
      return scratch;
    }
    default:
      return nullptr;
  }
}

bool Evaluator::UnifyPV(const ir::Term* p, Binding* f, const Value& v) {
  switch (p->kind) {
    case ir::TermKind::kConst:
      return p->value == v;
    case ir::TermKind::kVar: {
      Binding* b = Resolve(f, p->slot);
      if (b->bound) return b->value == v;
      Bind(b, v);
      return true;
    }
    case ir::TermKind::kArray: {
      if (!v.IsArray()) return false;
      std::span<const Value> items = v.GetArray();
      if (items.size() != p->items.size()) return false;
      for (size_t i = 0; i < items.size(); ++i) {
        if (!UnifyPV(p->items[i], f, items[i])) return false;
      }
      return true;
    }
    case ir::TermKind::kObject: {
      if (!v.IsObject() || v.Size() != p->pairs.size()) return false;
      for (const auto& [k, pv] : p->pairs) {
        Value ks;
        const Value* key = Plug(k, f, &ks);
        if (key == nullptr) return false;  // object keys must be ground to match
        const Value* found = v.Find(*key);
        if (found == nullptr || !UnifyPV(pv, f, *found)) return false;
      }
      return true;
    }
    case ir::TermKind::kSet: {
      Value s;
      const Value* sv = Plug(p, f, &s);
      return sv != nullptr && *sv == v;
    }
    default:
      return false;
  }
}

bool Evaluator::UnifyPP(const ir::Term* a, const ir::Term* b, Binding* f) {
  // Pairs that cannot be decided yet (an unbound variable against a composite with unbound
  // variables) wait until the other pairs have bound more, as OPA's term bindings allow.
  std::vector<std::pair<const ir::Term*, const ir::Term*>> pending{{a, b}};
  for (;;) {
    bool progress = false;
    std::vector<std::pair<const ir::Term*, const ir::Term*>> next;
    for (const auto& [x, y] : pending) {
      Value sx;
      Value sy;
      const Value* px = Plug(x, f, &sx);
      const Value* py = Plug(y, f, &sy);
      if (px && py) {
        if (*px != *py) return false;
        progress = true;
        continue;
      }
      if (px) {
        if (!UnifyPV(y, f, *px)) return false;
        progress = true;
        continue;
      }
      if (py) {
        if (!UnifyPV(x, f, *py)) return false;
        progress = true;
        continue;
      }
      if (x->kind == ir::TermKind::kVar && y->kind == ir::TermKind::kVar) {
        Binding* bx = Resolve(f, x->slot);
        Binding* by = Resolve(f, y->slot);
        if (bx != by) {
          bx->alias = static_cast<int32_t>(by - f);
          trail_.Push(bx);
        }
        progress = true;
        continue;
      }
      if (x->kind == ir::TermKind::kArray && y->kind == ir::TermKind::kArray) {
        if (x->items.size() != y->items.size()) return false;
        for (size_t i = 0; i < x->items.size(); ++i) next.push_back({x->items[i], y->items[i]});
        progress = true;
        continue;
      }
      if (x->kind == ir::TermKind::kObject && y->kind == ir::TermKind::kObject) {
        if (x->pairs.size() != y->pairs.size()) return false;
        for (const auto& [kx, vx] : x->pairs) {
          Value ks;
          const Value* key = Plug(kx, f, &ks);
          if (key == nullptr) return false;
          const ir::Term* match = nullptr;
          for (const auto& [ky, vy] : y->pairs) {
            Value ks2;
            const Value* key2 = Plug(ky, f, &ks2);
            if (key2 != nullptr && *key2 == *key) {
              match = vy;
              break;
            }
          }
          if (match == nullptr) return false;
          next.push_back({vx, match});
        }
        progress = true;
        continue;
      }
      if ((x->kind == ir::TermKind::kArray && y->kind == ir::TermKind::kObject) ||
          (x->kind == ir::TermKind::kObject && y->kind == ir::TermKind::kArray)) {
        return false;
      }
      next.push_back({x, y});
    }
    if (next.empty()) return true;
    if (!progress) return false;
    pending = std::move(next);
  }
}

// ---- refs over values ----

bool Evaluator::EvalRef(const ir::Term* ref, Binding* f, ValueCont k) {
  switch (ref->root) {
    case ir::RefRoot::kInput:
      if (input_ == nullptr) return false;
      return WalkValue(*input_, ref, 1, f, k);
    case ir::RefRoot::kLocal: {
      Binding* b = Resolve(f, ref->root_slot);
      if (!b->bound) return false;
      Value head = b->value;  // keep alive: the binding may change below
      return WalkValue(head, ref, 1, f, k);
    }
    case ir::RefRoot::kData:
      return EvalDataRef(ref, f, k);
  }
  return false;
}

namespace {

// The child of a collection at `key`: object member, array element (by integer index),
// or the set element itself.
const Value* Child(const Value& v, const Value& key) {
  switch (v.kind()) {
    case Value::Kind::kObject:
      return v.Find(key);
    case Value::Kind::kArray: {
      if (!key.IsNumber()) return nullptr;
      Number n = key.GetNumber();
      if (!n.IsSmallInt()) return nullptr;  // OPA indexes arrays with plain integers only
      int64_t i = n.small_int();
      std::span<const Value> items = v.GetArray();
      if (i < 0 || static_cast<size_t>(i) >= items.size()) return nullptr;
      return &items[static_cast<size_t>(i)];
    }
    case Value::Kind::kSet: {
      std::span<const Value> items = v.GetSet();
      auto it = std::lower_bound(items.begin(), items.end(), key);
      if (it != items.end() && *it == key) return &*it;
      return nullptr;
    }
    default:
      return nullptr;
  }
}

}  // namespace

bool Evaluator::WalkValue(const Value& v, const ir::Term* ref, size_t pos, Binding* f,
                          ValueCont k) {
  if (pos == ref->items.size()) return k(v);
  const ir::Term* op = ref->items[pos];
  Value scratch;
  if (const Value* key = Plug(op, f, &scratch)) {
    const Value* child = Child(v, *key);
    if (child == nullptr) return false;
    return WalkValue(*child, ref, pos + 1, f, k);
  }
  auto visit = [&](const Value& key, const Value& child) {
    size_t mark = trail_.size();
    bool stop = UnifyPV(op, f, key) ? WalkValue(child, ref, pos + 1, f, k) : false;
    trail_.Undo(mark);
    return stop;
  };
  switch (v.kind()) {
    case Value::Kind::kArray: {
      std::span<const Value> items = v.GetArray();
      for (size_t i = 0; i < items.size(); ++i) {
        if (visit(Value::Int(static_cast<int64_t>(i)), items[i])) return true;
      }
      return false;
    }
    case Value::Kind::kObject:
      for (const Value::Entry& e : v.GetObject()) {
        if (visit(e.key, e.value)) return true;
      }
      return false;
    case Value::Kind::kSet:
      for (const Value& x : v.GetSet()) {
        if (visit(x, x)) return true;
      }
      return false;
    default:
      return false;
  }
}

}  // namespace golden::rego
