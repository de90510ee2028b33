// ResolveRefs and RewriteRuleHeadRefs (OPA's resolveAllRefs and rewriteRuleHeadRefs).

#include <algorithm>
#include <map>

#include "rego/compile/passes.h"

namespace golden::rego::compile {

namespace {

using Globals = std::map<std::string_view, std::vector<Term*>>;  // name -> full ref items

// Variables that shadow globals, innermost scope last.
class DeclaredStack {
 public:
  void Push(std::vector<std::string_view> vars) { scopes_.push_back(std::move(vars)); }
  void Pop() { scopes_.pop_back(); }
  bool Contains(std::string_view v) const {
    for (const auto& s : scopes_) {
      if (std::find(s.begin(), s.end(), v) != s.end()) return true;
    }
    return false;
  }

 private:
  std::vector<std::vector<std::string_view>> scopes_;
};

// OPA's declaredVars: variables declared with := or some in `b` (not inside closures).
void DeclaredVarsInTerm(const Term* t, std::vector<std::string_view>* out);

void AddVars(const Term* t, std::vector<std::string_view>* out) { CollectVars(t, {}, out); }

void DeclaredVarsInExpr(const Expr* e, std::vector<std::string_view>* out) {
  if (e->IsAssignment()) {
    AddVars(e->terms[1], out);
  } else if (e->kind == ExprKind::kSome) {
    for (const Term* s : e->terms) {
      if (s->IsVar()) {
        out->push_back(s->var);
      } else if (s->kind == TermKind::kCall) {
        // some x in xs / some k, v in xs
        if (s->items.size() == 4) AddVars(s->items[2], out);
        AddVars(s->items[1], out);
      }
    }
  }
  // Declarations inside template expressions and every bodies are visited too (OPA's
  // generic visitor stops only at comprehensions).
  for (const Term* t : e->terms) DeclaredVarsInTerm(t, out);
  if (e->kind == ExprKind::kEvery) {
    for (const Expr* x : e->body) DeclaredVarsInExpr(x, out);
  }
}

void DeclaredVarsInTerm(const Term* t, std::vector<std::string_view>* out) {
  if (t->IsComprehension()) return;
  for (const Term* x : t->items) DeclaredVarsInTerm(x, out);
  for (const auto& [k, v] : t->pairs) {
    DeclaredVarsInTerm(k, out);
    DeclaredVarsInTerm(v, out);
  }
  for (const TemplatePart& p : t->parts) {
    if (p.expr) DeclaredVarsInExpr(p.expr, out);
  }
}

std::vector<std::string_view> DeclaredVars(const Body& b) {
  std::vector<std::string_view> out;
  for (const Expr* e : b) DeclaredVarsInExpr(e, &out);
  return out;
}

class Resolver {
 public:
  Resolver(Context& ctx, const Globals& globals) : ctx_(ctx), globals_(globals) {}

  DeclaredStack& ignore() { return ignore_; }

  Term* GlobalRef(const std::vector<Term*>& items, Span span) {
    std::vector<Term*> copy;
    copy.reserve(items.size());
    for (const Term* t : items) {
      Term* c = ctx_.arena.Copy(t);
      c->span = span;
      copy.push_back(c);
    }
    return ctx_.arena.NewRef(std::move(copy), span);
  }

  void ResolveRef(Term* ref) {
    std::vector<Term*> out;
    for (size_t i = 0; i < ref->items.size(); ++i) {
      Term* x = ref->items[i];
      if (x->IsVar()) {
        auto g = globals_.find(x->var);
        if (g != globals_.end() && !ignore_.Contains(x->var)) {
          Term* r = GlobalRef(g->second, x->span);
          if (i == 0) {
            out = r->items;
          } else {
            out.push_back(r);
          }
          continue;
        }
        out.push_back(x);
        continue;
      }
      out.push_back(ResolveTerm(x));
    }
    ref->items = std::move(out);
  }

  Term* ResolveTerm(Term* t) {
    switch (t->kind) {
      case TermKind::kVar: {
        auto g = globals_.find(t->var);
        if (g != globals_.end() && !ignore_.Contains(t->var)) return GlobalRef(g->second, t->span);
        return t;
      }
      case TermKind::kRef:
        ResolveRef(t);
        return t;
      case TermKind::kObject:
        for (auto& [k, v] : t->pairs) {
          k = ResolveTerm(k);
          v = ResolveTerm(v);
        }
        return t;
      case TermKind::kArray:
      case TermKind::kSet:
      case TermKind::kCall:
        for (Term*& x : t->items) x = ResolveTerm(x);
        return t;
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
      case TermKind::kObjectCompr:
        ignore_.Push(DeclaredVars(t->body));
        t->term = ResolveTerm(t->term);
        if (t->term_value) t->term_value = ResolveTerm(t->term_value);
        ResolveBody(t->body);
        ignore_.Pop();
        return t;
      case TermKind::kTemplate:
        for (TemplatePart& p : t->parts) {
          if (p.expr) ResolveExpr(p.expr);
        }
        return t;
      case TermKind::kScalar:
        return t;
    }
    return t;
  }

  void ResolveExpr(Expr* e) {
    switch (e->kind) {
      case ExprKind::kTerm:
      case ExprKind::kCall:
        for (Term*& t : e->terms) t = ResolveTerm(t);
        break;
      case ExprKind::kSome:
        if (!e->terms.empty() && e->terms[0]->kind == TermKind::kCall) {
          e->terms[0] = ResolveTerm(e->terms[0]);
        }
        break;
      case ExprKind::kEvery: {
        std::vector<std::string_view> locals;
        if (e->key) AddVars(e->key, &locals);
        AddVars(e->value, &locals);
        ignore_.Push(std::move(locals));
        e->domain = ResolveTerm(e->domain);
        ResolveBody(e->body);
        ignore_.Pop();
        break;
      }
    }
    for (With* w : e->withs) {
      w->target = ResolveTerm(w->target);
      w->value = ResolveTerm(w->value);
    }
  }

  void ResolveBody(Body& b) {
    for (Expr* e : b) ResolveExpr(e);
  }

 private:
  Context& ctx_;
  const Globals& globals_;
  DeclaredStack ignore_;
};

// Variables of function arguments (they shadow globals); reports args named data/input.
bool ArgVars(Context& ctx, const Rule* rule, std::vector<std::string_view>* out) {
  bool ok = true;
  auto visit = [&](auto&& self, const Term* t) -> void {
    switch (t->kind) {
      case TermKind::kVar:
        out->push_back(t->var);
        return;
      case TermKind::kObject:
        for (const auto& [k, v] : t->pairs) self(self, v);
        return;
      case TermKind::kSet:
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
      case TermKind::kObjectCompr:
      case TermKind::kCall:
        return;
      case TermKind::kRef:
        if (t->items.size() == 1 && t->items[0]->IsVar() && IsRootDocument(t->items[0]->var)) {
          ctx.errors.Add(errc::kCompile, rule->span,
                         "args must not shadow " + TermToString(t) +
                             " (use a different variable name)");
          ok = false;
          return;
        }
        for (const Term* x : t->items) self(self, x);
        return;
      default:
        for (const Term* x : t->items) self(self, x);
    }
  };
  for (const Term* a : rule->head.args) visit(visit, a);
  return ok;
}

}  // namespace

void ResolveRefs(Context& ctx) {
  // Rule names exported by each package (across all its modules).
  std::map<std::string, std::vector<std::string_view>> exports;
  for (Module* mod : ctx.modules) {
    std::string pkg = RefToString(mod->package->path);
    for (const Rule* r : mod->rules) {
      std::string_view name = r->head.ref[0]->var;
      std::vector<std::string_view>& names = exports[pkg];
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
  }
  for (Module* mod : ctx.modules) {
    Globals globals;
    for (std::string_view name : exports[RefToString(mod->package->path)]) {
      std::vector<Term*> ref = mod->package->path;
      ref.push_back(ctx.arena.NewScalar(Value::String(name), mod->package->span));
      globals[name] = std::move(ref);
    }
    for (const Import* imp : mod->imports) {
      const std::vector<Term*>& path = imp->path->items;
      std::string_view root = path[0]->var;
      if (root == "future" || root == "rego") continue;
      std::string_view name = !imp->alias.empty() ? imp->alias
                              : path.size() == 1   ? path[0]->var
                                                   : ctx.arena.Intern(path.back()->value.GetString());
      globals[name] = path;
    }
    ForEachRule(mod, [&](Rule* rule) {
      std::vector<std::string_view> args;
      if (!ArgVars(ctx, rule, &args)) return;
      Resolver r(ctx, globals);
      r.ignore().Push(std::move(args));
      r.ignore().Push(DeclaredVars(rule->body));
      for (size_t i = 1; i < rule->head.ref.size(); ++i) {
        rule->head.ref[i] = r.ResolveTerm(rule->head.ref[i]);
      }
      if (rule->head.key) rule->head.key = r.ResolveTerm(rule->head.key);
      if (rule->head.value) rule->head.value = r.ResolveTerm(rule->head.value);
      r.ResolveBody(rule->body);
    });
  }
}

void ResolveQueryRefs(Context& ctx, Body& query, const QueryScope& scope,
                      const std::vector<std::string_view>& package_rules) {
  Globals globals;
  if (scope.package != nullptr) {
    for (std::string_view name : package_rules) {
      std::vector<Term*> ref = scope.package->path;
      ref.push_back(ctx.arena.NewScalar(Value::String(name), scope.package->span));
      globals[name] = std::move(ref);
    }
  }
  for (const Import* imp : scope.imports) {
    const std::vector<Term*>& path = imp->path->items;
    std::string_view root = path[0]->var;
    if (root == "future" || root == "rego") continue;
    std::string_view name = !imp->alias.empty() ? imp->alias
                            : path.size() == 1   ? path[0]->var
                                                 : ctx.arena.Intern(path.back()->value.GetString());
    globals[name] = path;
  }
  Resolver r(ctx, globals);
  r.ignore().Push(DeclaredVars(query));
  r.ResolveBody(query);
}

void RewriteRuleHeadRefs(Context& ctx) {
  for (Module* mod : ctx.modules) {
    ForEachRule(mod, [&](Rule* rule) {
      std::vector<Term*>& ref = rule->head.ref;
      for (size_t i = 1; i < ref.size(); ++i) {
        Term* t = ref[i];
        if (t->IsVar() || t->IsScalar()) continue;
        // p.q[a.b] { ... } -> p.q[__local0__] { ...; __local0__ = a.b }
        Term* v = ctx.FreshVar(t->span);
        rule->body.push_back(ctx.Equality(v, t, t->span));
        if (i == ref.size() - 1 && rule->head.key == t) rule->head.key = v;
        ref[i] = v;
      }
    });
  }
}

}  // namespace golden::rego::compile
