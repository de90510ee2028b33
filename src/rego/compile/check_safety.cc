// CheckSafetyRuleHeads / CheckSafetyRuleBodies (OPA's safety check and body reordering):
// every variable must be bound by an expression before it is used in an input position,
// so bodies are reordered (minimally, keeping the written order where possible) and
// variables that can never be bound are reported as rego_unsafe_var_error.

#include <algorithm>
#include <map>

#include "rego/compile/passes.h"

namespace golden::rego::compile {

namespace {

const VarVisitParams kSafetyParams{.skip_ref_call_head = true, .skip_closures = true};

VarSet Vars(const Term* t, const VarVisitParams& p) {
  std::vector<std::string_view> v;
  CollectVars(t, p, &v);
  return VarSet(v.begin(), v.end());
}

VarSet Vars(const Expr* e, const VarVisitParams& p) {
  std::vector<std::string_view> v;
  CollectVars(e, p, &v);
  return VarSet(v.begin(), v.end());
}

VarSet Vars(const Body& b, const VarVisitParams& p) {
  std::vector<std::string_view> v;
  CollectVars(b, p, &v);
  return VarSet(v.begin(), v.end());
}

bool Subset(const VarSet& a, const VarSet& b) {
  for (std::string_view v : a) {
    if (!b.count(v)) return false;
  }
  return true;
}

VarSet Diff(const VarSet& a, const VarSet& b) {
  VarSet out;
  for (std::string_view v : a) {
    if (!b.count(v)) out.insert(v);
  }
  return out;
}

bool IsCallSafe(const Term* call, const VarSet& safe) {
  return Subset(Vars(call, kSafetyParams), safe);
}

bool IsRefSafe(const Term* ref, const VarSet& safe) {
  const Term* head = ref->items[0];
  if (head->IsVar()) return safe.count(head->var) > 0;
  if (head->kind == TermKind::kCall) return IsCallSafe(head, safe);
  return Subset(Vars(head, kSafetyParams), safe);
}

// OPA's ast.Unify.
class Unifier {
 public:
  explicit Unifier(const VarSet& safe) : safe_(safe) {}

  void Unify(const Term* a, const Term* b) {
    switch (a->kind) {
      case TermKind::kVar:
        switch (b->kind) {
          case TermKind::kVar:
            if (IsSafe(b->var)) {
              MarkSafe(a->var);
            } else if (IsSafe(a->var)) {
              MarkSafe(b->var);
            } else {
              unknown_[a->var].insert(b->var);
              unknown_[b->var].insert(a->var);
            }
            return;
          case TermKind::kArray:
          case TermKind::kObject:
            UnifyAll(a->var, b);
            return;
          case TermKind::kRef:
            if (IsRefSafe(b, safe_)) MarkSafe(a->var);
            return;
          case TermKind::kCall:
            if (IsCallSafe(b, safe_)) MarkSafe(a->var);
            return;
          default:
            MarkSafe(a->var);
            return;
        }
      case TermKind::kRef:
        if (IsRefSafe(a, safe_)) {
          if (b->IsVar()) {
            MarkSafe(b->var);
          } else if (b->kind == TermKind::kArray || b->kind == TermKind::kObject) {
            MarkAllSafe(b);
          }
        }
        return;
      case TermKind::kCall:
        if (IsCallSafe(a, safe_)) {
          if (b->IsVar()) {
            MarkSafe(b->var);
          } else if (b->kind == TermKind::kArray || b->kind == TermKind::kObject) {
            MarkAllSafe(b);
          }
        }
        return;
      case TermKind::kArrayCompr:
        if (b->IsVar()) {
          MarkSafe(b->var);
        } else if (b->kind == TermKind::kArray) {
          MarkAllSafe(b);
        }
        return;
      case TermKind::kObjectCompr:
        if (b->IsVar()) {
          MarkSafe(b->var);
        } else if (b->kind == TermKind::kObject) {
          MarkAllSafe(b);
        }
        return;
      case TermKind::kSetCompr:
        if (b->IsVar()) MarkSafe(b->var);
        return;
      case TermKind::kArray:
        switch (b->kind) {
          case TermKind::kVar:
            UnifyAll(b->var, a);
            return;
          case TermKind::kArrayCompr:
          case TermKind::kObjectCompr:
          case TermKind::kSetCompr:
            MarkAllSafe(a);
            return;
          case TermKind::kRef:
            if (IsRefSafe(b, safe_)) MarkAllSafe(a);
            return;
          case TermKind::kCall:
            if (IsCallSafe(b, safe_)) MarkAllSafe(a);
            return;
          case TermKind::kArray:
            if (a->items.size() == b->items.size()) {
              for (size_t i = 0; i < a->items.size(); ++i) Unify(a->items[i], b->items[i]);
            }
            return;
          default:
            return;
        }
      case TermKind::kObject:
        switch (b->kind) {
          case TermKind::kVar:
            UnifyAll(b->var, a);
            return;
          case TermKind::kRef:
            if (IsRefSafe(b, safe_)) MarkAllSafe(a);
            return;
          case TermKind::kCall:
            if (IsCallSafe(b, safe_)) MarkAllSafe(a);
            return;
          case TermKind::kObject:
            if (a->pairs.size() == b->pairs.size()) {
              for (const auto& [k, v] : a->pairs) {
                for (const auto& [k2, v2] : b->pairs) {
                  if (SameKey(k, k2)) {
                    Unify(v, v2);
                    break;
                  }
                }
              }
            }
            return;
          default:
            return;
        }
      default:
        if (b->IsVar()) MarkSafe(b->var);
        return;
    }
  }

  const VarSet& unified() const { return unified_; }

 private:
  static bool SameKey(const Term* a, const Term* b) {
    if (IsConstant(a) && IsConstant(b)) return ConstantValue(a) == ConstantValue(b);
    if (a->IsVar() && b->IsVar()) return a->var == b->var;
    return TermToString(a) == TermToString(b);
  }
  bool IsSafe(std::string_view v) const { return safe_.count(v) || unified_.count(v); }
  void MarkAllSafe(const Term* t) {
    for (std::string_view v : Vars(t, {.skip_ref_head = true,
                                       .skip_closures = true,
                                       .skip_object_keys = true})) {
      MarkSafe(v);
    }
  }
  void MarkSafe(std::string_view x) {
    unified_.insert(x);
    // Dependencies of x become safe, and dependants with no other dependencies.
    auto it = unknown_.find(x);
    if (it != unknown_.end()) {
      VarSet deps = std::move(it->second);
      unknown_.erase(it);
      for (std::string_view v : deps) MarkSafe(v);
    }
    std::vector<std::string_view> ready;
    for (auto& [v, deps] : unknown_) {
      if (deps.erase(x) && deps.empty()) ready.push_back(v);
    }
    for (std::string_view v : ready) {
      if (unknown_.count(v)) {
        unknown_.erase(v);
        MarkSafe(v);
      }
    }
  }
  void UnifyAll(std::string_view a, const Term* b) {
    if (IsSafe(a)) {
      MarkAllSafe(b);
      return;
    }
    VarSet vars = Vars(b, {.skip_ref_head = true, .skip_closures = true, .skip_object_keys = true});
    VarSet unsafe;
    for (std::string_view v : vars) {
      if (!safe_.count(v) && !unified_.count(v)) unsafe.insert(v);
    }
    if (unsafe.empty()) {
      MarkSafe(a);
    } else {
      for (std::string_view v : unsafe) unknown_[a].insert(v);
    }
  }

  const VarSet& safe_;
  VarSet unified_;
  std::map<std::string_view, VarSet> unknown_;
};

// Variables bound by refs in `e` whose heads are safe (OPA's outputVarsForTerms).
void OutputVarsForTerm(const Term* t, const VarSet& safe, VarSet* out) {
  switch (t->kind) {
    case TermKind::kArrayCompr:
    case TermKind::kSetCompr:
    case TermKind::kObjectCompr:
    case TermKind::kTemplate:
      return;
    case TermKind::kRef:
      if (!IsRefSafe(t, safe)) return;
      if (!IsGround(t)) {
        VarSet v = Vars(t, {.skip_ref_head = true});
        out->insert(v.begin(), v.end());
      }
      break;
    default:
      break;
  }
  for (const Term* x : t->items) OutputVarsForTerm(x, safe, out);
  for (const auto& [k, v] : t->pairs) {
    OutputVarsForTerm(k, safe, out);
    OutputVarsForTerm(v, safe, out);
  }
}

void OutputVarsForTerms(const Expr* e, const VarSet& safe, VarSet* out) {
  for (const Term* t : e->terms) OutputVarsForTerm(t, safe, out);
  for (const With* w : e->withs) {
    OutputVarsForTerm(w->target, safe, out);
    OutputVarsForTerm(w->value, safe, out);
  }
}

// Variables inside the closures (comprehensions, every bodies) of an expression.
void ClosureVars(const Term* t, VarSet* out);

void ClosureVarsInExpr(const Expr* e, VarSet* out) {
  if (e->kind == ExprKind::kEvery) {
    VarSet v = Vars(e->body, {});
    out->insert(v.begin(), v.end());
    ClosureVars(e->domain, out);
    return;
  }
  for (const Term* t : e->terms) ClosureVars(t, out);
  for (const With* w : e->withs) {
    ClosureVars(w->target, out);
    ClosureVars(w->value, out);
  }
}

void ClosureVars(const Term* t, VarSet* out) {
  if (t->IsComprehension()) {
    VarSet v = Vars(t, {});
    out->insert(v.begin(), v.end());
    return;
  }
  for (const Term* x : t->items) ClosureVars(x, out);
  for (const auto& [k, v] : t->pairs) {
    ClosureVars(k, out);
    ClosureVars(v, out);
  }
  for (const TemplatePart& p : t->parts) {
    if (p.expr) ClosureVarsInExpr(p.expr, out);
  }
}

using UnsafeMap = std::map<const Expr*, VarSet>;

class SafetyChecker {
 public:
  explicit SafetyChecker(const Context& ctx) : ctx_(ctx) {}

  Body Reorder(const VarSet& globals, const Body& body, UnsafeMap* unsafe) {
    VarSet body_vars = Vars(body, kSafetyParams);
    VarSet safe;
    for (std::string_view v : body_vars) {
      if (globals.count(v)) safe.insert(v);
    }
    for (const Expr* e : body) {
      for (std::string_view v : Vars(e, kSafetyParams)) {
        if (!safe.count(v)) (*unsafe)[e].insert(v);
      }
    }
    Body reordered;
    std::vector<bool> placed(body.size(), false);
    for (;;) {
      size_t n = reordered.size();
      for (size_t i = 0; i < body.size(); ++i) {
        if (placed[i]) continue;
        const Expr* e = body[i];
        VarSet ovs = OutputVarsForExpr(ctx_, e, safe);
        // Is this expression closing over variables not made safe by the exprs so far?
        VarSet cv;
        ClosureVarsInExpr(e, &cv);
        VarSet closure_unsafe;
        VarSet ob = OutputVarsForBody(ctx_, reordered, safe);
        for (std::string_view v : cv) {
          if (body_vars.count(v) && !globals.count(v) && !ob.count(v)) closure_unsafe.insert(v);
        }
        if (!closure_unsafe.empty()) {
          if (closure_unsafe == ovs) continue;  // closure-self
          (*unsafe)[e] = closure_unsafe;
        }
        auto it = unsafe->find(e);
        if (it != unsafe->end()) {
          for (auto v = it->second.begin(); v != it->second.end();) {
            if (ovs.count(*v) || safe.count(*v)) {
              v = it->second.erase(v);
            } else {
              ++v;
            }
          }
          if (it->second.empty()) unsafe->erase(it);
        }
        if (!unsafe->count(e)) {
          reordered.push_back(body[i]);
          placed[i] = true;
          safe.insert(ovs.begin(), ovs.end());
        }
      }
      if (reordered.size() == n) break;
    }
    // Check the closures, with the variables of the expressions before them as globals.
    VarSet g = globals;
    for (size_t i = 0; i < reordered.size(); ++i) {
      if (i > 0) {
        VarSet prev = Vars(reordered[i - 1], kSafetyParams);
        g.insert(prev.begin(), prev.end());
      }
      current_ = reordered[i];
      ReorderClosuresInExpr(reordered[i], &g, unsafe);
    }
    return reordered;
  }

 private:
  void ReorderClosureBody(const VarSet& head_vars, Body* body, VarSet* globals,
                          UnsafeMap* unsafe) {
    VarSet bv = Vars(*body, kSafetyParams);
    bv.insert(globals->begin(), globals->end());
    for (std::string_view v : head_vars) {
      if (!bv.count(v)) (*unsafe)[current_].insert(v);
    }
    const Expr* saved = current_;
    UnsafeMap u;
    Body r = Reorder(*globals, *body, &u);
    current_ = saved;
    if (u.empty()) {
      *body = std::move(r);
    } else {
      for (auto& [e, vs] : u) (*unsafe)[e].insert(vs.begin(), vs.end());
    }
  }

  void ReorderClosuresInTerm(Term* t, VarSet* globals, UnsafeMap* unsafe) {
    switch (t->kind) {
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
        ReorderClosureBody(Vars(t->term, {}), &t->body, globals, unsafe);
        return;
      case TermKind::kObjectCompr: {
        VarSet tv = Vars(t->term, {});
        VarSet vv = Vars(t->term_value, {});
        tv.insert(vv.begin(), vv.end());
        ReorderClosureBody(tv, &t->body, globals, unsafe);
        return;
      }
      default:
        break;
    }
    for (Term* x : t->items) ReorderClosuresInTerm(x, globals, unsafe);
    for (auto& [k, v] : t->pairs) {
      ReorderClosuresInTerm(k, globals, unsafe);
      ReorderClosuresInTerm(v, globals, unsafe);
    }
    for (TemplatePart& p : t->parts) {
      if (p.expr) ReorderClosuresInExpr(p.expr, globals, unsafe);
    }
  }

  void ReorderClosuresInExpr(Expr* e, VarSet* globals, UnsafeMap* unsafe) {
    if (e->kind == ExprKind::kEvery) {
      if (e->key) {
        VarSet k = Vars(e->key, {});
        globals->insert(k.begin(), k.end());
      }
      VarSet v = Vars(e->value, {});
      globals->insert(v.begin(), v.end());
      ReorderClosureBody({}, &e->body, globals, unsafe);
      return;
    }
    for (Term* t : e->terms) ReorderClosuresInTerm(t, globals, unsafe);
    for (With* w : e->withs) {
      ReorderClosuresInTerm(w->target, globals, unsafe);
      ReorderClosuresInTerm(w->value, globals, unsafe);
    }
  }

  const Context& ctx_;
  const Expr* current_ = nullptr;
};

int CompareSpan(const Span& a, const Span& b) {
  if (a.source != b.source) return a.source < b.source ? -1 : 1;
  if (a.begin != b.begin) return a.begin < b.begin ? -1 : 1;
  return 0;
}

void ReportUnsafe(Context& ctx, const UnsafeMap& unsafe) {
  if (unsafe.empty()) return;
  // Each variable is reported once, at the first expression (by location) it is in.
  std::map<std::string_view, Span> locs;
  for (const auto& [e, vars] : unsafe) {
    for (std::string_view v : vars) {
      auto it = locs.find(v);
      if (it == locs.end() || CompareSpan(e->span, it->second) < 0) locs[v] = e->span;
    }
  }
  std::vector<std::pair<Span, std::string_view>> sorted;
  for (const auto& [v, span] : locs) sorted.push_back({span, v});
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return CompareSpan(a.first, b.first) < 0; });
  bool reported = false;
  for (const auto& [span, v] : sorted) {
    std::string_view name = ctx.Original(v);
    if (IsGeneratedVar(name)) continue;
    reported = true;
    if (name == "in" || name == "every" || name == "contains" || name == "if") {
      ctx.errors.Add(errc::kUnsafeVar, span,
                     "var " + std::string(name) + " is unsafe (hint: `import future.keywords." +
                         std::string(name) + "` to import a future keyword)");
    } else {
      ctx.errors.Add(errc::kUnsafeVar, span, "var " + std::string(name) + " is unsafe");
    }
  }
  if (reported) return;
  // Only generated variables are unsafe: report the expressions instead.
  std::vector<std::pair<const Expr*, const VarSet*>> pairs;
  for (const auto& [e, vars] : unsafe) pairs.push_back({e, &vars});
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    return CompareSpan(a.first->span, b.first->span) < 0;
  });
  VarSet seen;
  for (const auto& [e, vars] : pairs) {
    size_t before = seen.size();
    for (std::string_view v : *vars) {
      if (IsGeneratedVar(v)) seen.insert(v);
    }
    if (seen.size() > before) ctx.errors.Add(errc::kUnsafeVar, e->span, "expression is unsafe");
  }
}

bool HeadMayHaveVars(const Head& h) {
  for (const Term* a : h.args) {
    if (!a->IsScalar()) return true;
  }
  if (h.key && !h.key->IsScalar()) return true;
  if (h.value && !h.value->IsScalar()) return true;
  for (size_t i = 1; i < h.ref.size(); ++i) {
    if (!h.ref[i]->IsScalar()) return true;
  }
  return false;
}

}  // namespace

VarSet UnifyOutputs(const VarSet& safe, const Term* a, const Term* b) {
  Unifier u(safe);
  u.Unify(a, b);
  return u.unified();
}

VarSet OutputVarsForExpr(const Context& ctx, const Expr* e, const VarSet& safe) {
  if (e->negated) return {};
  // With modifier inputs must be safe (the heads of a target and a ref value aside).
  for (const With* w : e->withs) {
    VarSet v;
    auto add = [&](const Term* t, size_t from) {
      for (size_t i = from; i < t->items.size(); ++i) {
        VarSet x = Vars(t->items[i], kSafetyParams);
        v.insert(x.begin(), x.end());
      }
    };
    if (w->target->IsRef()) add(w->target, 1);
    if (w->value->IsRef()) {
      add(w->value, 1);
    } else {
      VarSet x = Vars(w->value, kSafetyParams);
      v.insert(x.begin(), x.end());
    }
    if (!Subset(v, safe)) return {};
  }
  VarSet out;
  switch (e->kind) {
    case ExprKind::kTerm:
      OutputVarsForTerms(e, safe, &out);
      return out;
    case ExprKind::kEvery:
      OutputVarsForTerm(e->domain, safe, &out);
      return out;
    case ExprKind::kSome:
      return {};
    case ExprKind::kCall:
      break;
  }
  if (e->IsEquality()) {
    OutputVarsForTerms(e, safe, &out);
    out.insert(safe.begin(), safe.end());
    VarSet u = UnifyOutputs(out, e->terms[1], e->terms[2]);
    out.insert(u.begin(), u.end());
    return Diff(out, safe);
  }
  const Term* op = e->terms[0];
  if (!op->IsRef()) return {};
  int arity = FunctionArity(ctx, op);
  if (arity < 0) return {};
  OutputVarsForTerms(e, safe, &out);
  size_t num_inputs = static_cast<size_t>(arity) + 1;
  if (num_inputs >= e->terms.size()) return out;
  const VarVisitParams params{.skip_ref_head = true,
                              .skip_closures = true,
                              .skip_object_keys = true,
                              .skip_sets = true};
  for (size_t i = 1; i < num_inputs; ++i) {
    for (std::string_view v : Vars(e->terms[i], params)) {
      if (!out.count(v) && !safe.count(v)) return {};
    }
  }
  for (size_t i = num_inputs; i < e->terms.size(); ++i) {
    VarSet v = Vars(e->terms[i], params);
    out.insert(v.begin(), v.end());
  }
  return out;
}

VarSet OutputVarsForBody(const Context& ctx, const Body& b, const VarSet& safe) {
  VarSet o = safe;
  for (const Expr* e : b) {
    VarSet v = OutputVarsForExpr(ctx, e, o);
    o.insert(v.begin(), v.end());
  }
  return Diff(o, safe);
}

Body ReorderBodyForSafety(Context& ctx, const std::vector<std::string_view>& globals,
                          const Body& body, bool report) {
  SafetyChecker checker(ctx);
  UnsafeMap unsafe;
  VarSet g(globals.begin(), globals.end());
  Body reordered = checker.Reorder(g, body, &unsafe);
  if (!unsafe.empty()) {
    if (report) ReportUnsafe(ctx, unsafe);
    return body;
  }
  return reordered;
}

void CheckSafety(Context& ctx) {
  // Heads: every head variable must be bound by the body or the arguments.
  for (Module* mod : ctx.modules) {
    ForEachRule(mod, [&](Rule* r) {
      if (!HeadMayHaveVars(r->head)) return;
      VarSet bound = Vars(r->body, kSafetyParams);
      for (const Term* a : r->head.args) {
        VarSet v = Vars(a, {});
        bound.insert(v.begin(), v.end());
      }
      VarSet head_vars;
      auto add = [&](const Term* t) {
        if (t == nullptr) return;
        VarSet v = Vars(t, {});
        head_vars.insert(v.begin(), v.end());
      };
      for (const Term* a : r->head.args) add(a);
      for (size_t i = 1; i < r->head.ref.size(); ++i) add(r->head.ref[i]);
      add(r->head.key);
      add(r->head.value);
      for (std::string_view v : head_vars) {
        if (bound.count(v)) continue;
        std::string_view name = ctx.Original(v);
        if (IsGeneratedVar(name)) continue;
        ctx.errors.Add(errc::kUnsafeVar, r->span, "var " + std::string(name) + " is unsafe");
      }
    });
  }
  if (!ctx.errors.empty()) return;
  // Bodies: reorder for safety.
  for (Module* mod : ctx.modules) {
    ForEachRule(mod, [&](Rule* r) {
      std::vector<std::string_view> globals = {"data", "input"};
      for (const Term* a : r->head.args) CollectVars(a, {}, &globals);
      r->body = ReorderBodyForSafety(ctx, globals, r->body, true);
    });
  }
}

}  // namespace golden::rego::compile
