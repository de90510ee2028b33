// Term rewrites that make evaluation order explicit (OPA's rewriteTemplateStrings,
// checkVoidCalls, rewritePrintCalls, rewriteExprTerms, rewriteComprehensionTerms,
// rewriteRefsInHead).

#include "rego/compile/passes.h"

namespace golden::rego::compile {

namespace {

const VarVisitParams kSafetyParams{.skip_ref_call_head = true, .skip_closures = true};

bool ContainsRefsOrComprehensions(const Term* t) {
  if (t == nullptr) return false;
  if (t->IsRef() || t->IsComprehension() || t->kind == TermKind::kCall ||
      t->kind == TermKind::kTemplate) {
    return true;
  }
  for (const Term* x : t->items) {
    if (ContainsRefsOrComprehensions(x)) return true;
  }
  for (const auto& [k, v] : t->pairs) {
    if (ContainsRefsOrComprehensions(k) || ContainsRefsOrComprehensions(v)) return true;
  }
  return false;
}

Term* MakeRef(Context& ctx, std::initializer_list<std::string_view> parts, Span span) {
  std::vector<Term*> items;
  bool first = true;
  for (std::string_view p : parts) {
    items.push_back(first ? ctx.arena.NewVar(p, span)
                          : ctx.arena.NewScalar(Value::String(p), span));
    first = false;
  }
  return ctx.arena.NewRef(std::move(items), span);
}

// ---- template strings ----

class TemplateRewriter {
 public:
  explicit TemplateRewriter(Context& ctx) : ctx_(ctx) {}

  VarSet RewriteBody(Body& b, const VarSet& globals) {
    VarSet safe = OutputVarsForBody(ctx_, b, globals);
    safe.insert(globals.begin(), globals.end());
    for (Expr* e : b) RewriteExpr(e, safe);
    return safe;
  }

  void RewriteExpr(Expr* e, const VarSet& safe) {
    for (Term*& t : e->terms) RewriteTerm(t, safe);
    if (e->kind == ExprKind::kEvery) {
      RewriteTerm(e->domain, safe);
      VarSet s = safe;
      if (e->key) s.insert(e->key->var);
      s.insert(e->value->var);
      RewriteBody(e->body, s);
    }
    for (With* w : e->withs) {
      RewriteTerm(w->target, safe);
      RewriteTerm(w->value, safe);
    }
  }

  void RewriteTerm(Term* t, const VarSet& safe) {
    if (t == nullptr) return;
    switch (t->kind) {
      case TermKind::kTemplate:
        RewriteTemplate(t, safe);
        break;
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
      case TermKind::kObjectCompr: {
        VarSet s = RewriteBody(t->body, safe);
        RewriteTerm(t->term, s);
        RewriteTerm(t->term_value, s);
        return;
      }
      default:
        break;
    }
    for (Term* x : t->items) RewriteTerm(x, safe);
    for (auto& [k, v] : t->pairs) {
      RewriteTerm(k, safe);
      RewriteTerm(v, safe);
    }
  }

 private:
  void RewriteTemplate(Term* t, const VarSet& safe) {
    Span span = t->span;
    std::vector<Term*> parts;
    if (t->parts.empty()) parts.push_back(ctx_.arena.NewScalar(Value::String(""), span));
    for (TemplatePart& p : t->parts) {
      if (p.term) {
        parts.push_back(p.term);
        continue;
      }
      Expr* e = p.expr;
      Term* inner;
      if (e->kind == ExprKind::kCall) {
        const Descriptor* d = ctx_.builtins.Find(e->OperatorName());
        if (d != nullptr && d->relation) {
          ctx_.errors.Add(errc::kCompile, e->span,
                          "illegal call to relation built-in '" + d->name +
                              "' that may cause multiple outputs");
          continue;
        }
        inner = ctx_.arena.NewTerm(TermKind::kCall, e->span);
        inner->items = e->terms;
      } else if (e->kind == ExprKind::kTerm) {
        inner = e->terms[0];
      } else {
        ctx_.errors.Add(errc::kCompile, e->span, "unexpected template-string expression type");
        continue;
      }
      std::vector<std::string_view> vars;
      CollectVars(inner, kSafetyParams, &vars);
      VarSet sorted(vars.begin(), vars.end());
      for (std::string_view v : sorted) {
        if (!safe.count(v)) {
          ctx_.errors.Add(errc::kCompile, inner->span,
                          "var " + std::string(ctx_.Original(v)) + " is undeclared");
        }
      }
      Term* x = ctx_.FreshVar(inner->span);
      Expr* capture = ctx_.Equality(x, inner, inner->span);
      capture->generated = false;
      capture->withs = e->withs;
      Term* set = ctx_.arena.NewTerm(TermKind::kSetCompr, inner->span);
      set->term = ctx_.arena.NewVar(x->var, inner->span);
      set->body = {capture};
      // Templates nested in the expression are rewritten in the comprehension's scope.
      RewriteBody(set->body, safe);
      parts.push_back(set);
    }
    Term* array = ctx_.arena.NewTerm(TermKind::kArray, span);
    array->items = std::move(parts);
    t->kind = TermKind::kCall;
    t->parts.clear();
    t->items = {MakeRef(ctx_, {"internal", "template_string"}, span), array};
  }

  Context& ctx_;
};

// ---- void calls and print ----

void CheckVoidCallsInTerm(Context& ctx, const Term* t) {
  if (t == nullptr) return;
  if (t->kind == TermKind::kCall) {
    const Descriptor* d = ctx.builtins.Find(OperatorName(t->items[0]));
    if (d != nullptr && d->result == nullptr) {
      ctx.errors.Add(errc::kType, t->span, TermToString(t) + " used as value");
    }
  }
  for (const Term* x : t->items) CheckVoidCallsInTerm(ctx, x);
  for (const auto& [k, v] : t->pairs) {
    CheckVoidCallsInTerm(ctx, k);
    CheckVoidCallsInTerm(ctx, v);
  }
  if (t->IsComprehension()) {
    CheckVoidCallsInTerm(ctx, t->term);
    CheckVoidCallsInTerm(ctx, t->term_value);
    for (const Expr* e : t->body) {
      for (const Term* x : e->terms) CheckVoidCallsInTerm(ctx, x);
    }
  }
}

void CheckVoidCallsInBody(Context& ctx, Body& body) {
  ForEachBody(body, [&](Body& b) {
    for (const Expr* e : b) {
      for (size_t i = e->kind == ExprKind::kCall ? 1 : 0; i < e->terms.size(); ++i) {
        CheckVoidCallsInTerm(ctx, e->terms[i]);
      }
      for (const With* w : e->withs) CheckVoidCallsInTerm(ctx, w->value);
    }
  });
}

bool IsPrintCall(const Expr* e) { return e->IsCall() && e->OperatorName() == "print"; }

void RewritePrintCallsInBody(Context& ctx, Body& body, const VarSet& globals) {
  // Closures first, so print calls inside them see the variables bound before them.
  for (size_t i = 0; i < body.size(); ++i) {
    Body before(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(i));
    VarSet safe = OutputVarsForBody(ctx, before, globals);
    safe.insert(globals.begin(), globals.end());
    auto visit = [&](auto&& self, Term* t) -> void {
      if (t == nullptr) return;
      if (t->IsComprehension()) {
        RewritePrintCallsInBody(ctx, t->body, safe);
        return;
      }
      for (Term* x : t->items) self(self, x);
      for (auto& [k, v] : t->pairs) {
        self(self, k);
        self(self, v);
      }
    };
    Expr* e = body[i];
    for (Term* t : e->terms) visit(visit, t);
    if (e->kind == ExprKind::kEvery) {
      visit(visit, e->domain);
      if (e->key) safe.insert(e->key->var);
      safe.insert(e->value->var);
      RewritePrintCallsInBody(ctx, e->body, safe);
    }
  }
  for (size_t i = 0; i < body.size(); ++i) {
    if (!IsPrintCall(body[i])) continue;
    Body before(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(i));
    VarSet safe = OutputVarsForBody(ctx, before, globals);
    safe.insert(globals.begin(), globals.end());
    std::vector<std::string_view> gen;
    CollectVars(before, {}, &gen);
    for (std::string_view v : gen) {
      if (IsGeneratedVar(v)) safe.insert(v);
    }
    Expr* e = body[i];
    std::vector<Term*> args = e->Operands();
    bool ok = true;
    for (Term* a : args) {
      std::vector<std::string_view> vars;
      CollectVars(a, kSafetyParams, &vars);
      VarSet sorted(vars.begin(), vars.end());
      for (std::string_view v : sorted) {
        if (!safe.count(v)) {
          ctx.errors.Add(errc::kCompile, a->span, "var " + std::string(v) + " is undeclared");
          ok = false;
        }
      }
    }
    if (!ok) return;
    Term* array = ctx.arena.NewTerm(TermKind::kArray, e->span);
    for (Term* a : args) {
      Term* x = ctx.FreshVar(a->span);
      Expr* capture = ctx.Equality(x, a, a->span);
      capture->generated = false;
      Term* set = ctx.arena.NewTerm(TermKind::kSetCompr, a->span);
      set->term = ctx.arena.NewVar(x->var, a->span);
      set->body = {capture};
      array->items.push_back(set);
    }
    Expr* call = ctx.arena.NewExpr(ExprKind::kCall, e->span);
    call->terms = {MakeRef(ctx, {"internal", "print"}, e->span), array};
    call->withs = e->withs;
    body[i] = call;
  }
}

// ---- expression terms ----

class ExprTermRewriter {
 public:
  explicit ExprTermRewriter(Context& ctx) : ctx_(ctx) {}

  Body RewriteBody(const Body& body) {
    Body out;
    for (Expr* e : body) {
      for (Expr* x : ExpandExpr(e)) out.push_back(x);
    }
    return out;
  }

  // Moves calls (and composite ref heads) out of `t`; returns the expressions that must run
  // first and replaces `t` by its output.
  std::vector<Expr*> ExpandTerm(Term*& t) {
    std::vector<Expr*> support;
    switch (t->kind) {
      case TermKind::kCall: {
        for (size_t i = 1; i < t->items.size(); ++i) {
          std::vector<Expr*> extra = ExpandTerm(t->items[i]);
          support.insert(support.end(), extra.begin(), extra.end());
        }
        Term* out = ctx_.FreshVar(t->span);
        Expr* call = ctx_.arena.NewExpr(ExprKind::kCall, t->span);
        call->terms = t->items;
        call->terms.push_back(out);
        call->generated = true;
        support.push_back(call);
        t = ctx_.arena.NewVar(out->var, t->span);
        break;
      }
      case TermKind::kRef: {
        for (Term*& x : t->items) {
          std::vector<Expr*> extra = ExpandTerm(x);
          support.insert(support.end(), extra.begin(), extra.end());
        }
        Term* head = t->items[0];
        // [1, 2, 3][i] -> __local = [1, 2, 3]; __local[i]
        if (!head->IsVar()) {
          Term* v = ctx_.FreshVar(head->span);
          support.push_back(ctx_.Equality(v, head, head->span));
          t->items[0] = ctx_.arena.NewVar(v->var, head->span);
        }
        break;
      }
      case TermKind::kArray:
      case TermKind::kSet:
        for (Term*& x : t->items) {
          std::vector<Expr*> extra = ExpandTerm(x);
          support.insert(support.end(), extra.begin(), extra.end());
        }
        break;
      case TermKind::kObject:
        for (auto& [k, v] : t->pairs) {
          std::vector<Expr*> e1 = ExpandTerm(k);
          std::vector<Expr*> e2 = ExpandTerm(v);
          support.insert(support.end(), e1.begin(), e1.end());
          support.insert(support.end(), e2.begin(), e2.end());
        }
        break;
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
      case TermKind::kObjectCompr: {
        std::vector<Expr*> extra = ExpandTerm(t->term);
        t->body.insert(t->body.end(), extra.begin(), extra.end());
        if (t->term_value) {
          extra = ExpandTerm(t->term_value);
          t->body.insert(t->body.end(), extra.begin(), extra.end());
        }
        t->body = RewriteBody(t->body);
        break;
      }
      default:
        break;
    }
    return support;
  }

  std::vector<Expr*> ExpandExpr(Expr* e) {
    std::vector<Expr*> result;
    for (With* w : e->withs) {
      std::vector<Expr*> extra = ExpandTerm(w->value);
      result.insert(result.end(), extra.begin(), extra.end());
    }
    switch (e->kind) {
      case ExprKind::kTerm: {
        std::vector<Expr*> extra = ExpandTerm(e->terms[0]);
        for (Expr* x : extra) x->withs = e->withs;
        result.insert(result.end(), extra.begin(), extra.end());
        break;
      }
      case ExprKind::kCall:
        for (size_t i = 1; i < e->terms.size(); ++i) {
          std::vector<Expr*> extra = ExpandTerm(e->terms[i]);
          for (Expr* x : extra) x->withs = e->withs;
          result.insert(result.end(), extra.begin(), extra.end());
        }
        break;
      case ExprKind::kEvery: {
        Term* v = ctx_.FreshVar(e->domain->span);
        Expr* eq = ctx_.Equality(v, e->domain, e->domain->span);
        eq->withs = e->withs;
        std::vector<Expr*> extra = ExpandExpr(eq);
        e->domain = ctx_.arena.NewVar(v->var, e->domain->span);
        e->body = RewriteBody(e->body);
        result.insert(result.end(), extra.begin(), extra.end());
        break;
      }
      case ExprKind::kSome:
        break;
    }
    result.push_back(e);
    return result;
  }

 private:
  Context& ctx_;
};

// ---- comprehension terms and heads ----

void RewriteComprehensionTermsIn(Context& ctx, Term* t);

void RewriteComprehensionTermsInBody(Context& ctx, Body& b) {
  for (Expr* e : b) {
    for (Term* t : e->terms) RewriteComprehensionTermsIn(ctx, t);
    if (e->kind == ExprKind::kEvery) {
      RewriteComprehensionTermsIn(ctx, e->domain);
      RewriteComprehensionTermsInBody(ctx, e->body);
    }
    for (With* w : e->withs) RewriteComprehensionTermsIn(ctx, w->value);
  }
}

void RewriteComprehensionTermsIn(Context& ctx, Term* t) {
  if (t == nullptr) return;
  for (Term* x : t->items) RewriteComprehensionTermsIn(ctx, x);
  for (auto& [k, v] : t->pairs) {
    RewriteComprehensionTermsIn(ctx, k);
    RewriteComprehensionTermsIn(ctx, v);
  }
  if (!t->IsComprehension()) return;
  RewriteComprehensionTermsInBody(ctx, t->body);
  if (ContainsRefsOrComprehensions(t->term)) {
    Term* v = ctx.FreshVar(t->term->span);
    t->body.push_back(ctx.Equality(v, t->term, t->term->span));
    t->term = ctx.arena.NewVar(v->var, t->term->span);
  }
  if (t->term_value && ContainsRefsOrComprehensions(t->term_value)) {
    Term* v = ctx.FreshVar(t->term_value->span);
    t->body.push_back(ctx.Equality(v, t->term_value, t->term_value->span));
    t->term_value = ctx.arena.NewVar(v->var, t->term_value->span);
  }
}

}  // namespace

void RewriteTemplateStrings(Context& ctx) {
  TemplateRewriter tr(ctx);
  for (Module* mod : ctx.modules) {
    ForEachRule(mod, [&](Rule* r) {
      VarSet safe = {"data", "input"};
      for (const Term* a : r->head.args) {
        std::vector<std::string_view> v;
        CollectVars(a, {}, &v);
        safe.insert(v.begin(), v.end());
      }
      VarSet s = tr.RewriteBody(r->body, safe);
      for (Term* t : r->head.args) tr.RewriteTerm(t, s);
      for (size_t i = 1; i < r->head.ref.size(); ++i) tr.RewriteTerm(r->head.ref[i], s);
      tr.RewriteTerm(r->head.key, s);
      tr.RewriteTerm(r->head.value, s);
    });
  }
}

void RewritePrintCalls(Context& ctx) {
  for (Module* mod : ctx.modules) {
    ForEachRule(mod, [&](Rule* r) {
      auto check = [&](Term* t) {
        if (t == nullptr) return;
        CheckVoidCallsInTerm(ctx, t);
      };
      for (Term* t : r->head.args) check(t);
      check(r->head.key);
      check(r->head.value);
      CheckVoidCallsInBody(ctx, r->body);
    });
  }
  if (!ctx.errors.empty()) return;
  for (Module* mod : ctx.modules) {
    ForEachRule(mod, [&](Rule* r) {
      VarSet globals = {"data", "input"};
      for (const Term* a : r->head.args) {
        std::vector<std::string_view> v;
        CollectVars(a, {}, &v);
        globals.insert(v.begin(), v.end());
      }
      auto in_head = [&](auto&& self, Term* t) -> void {
        if (t == nullptr) return;
        if (t->IsComprehension()) RewritePrintCallsInBody(ctx, t->body, globals);
        for (Term* x : t->items) self(self, x);
        for (auto& [k, v] : t->pairs) {
          self(self, k);
          self(self, v);
        }
      };
      in_head(in_head, r->head.value);
      in_head(in_head, r->head.key);
      RewritePrintCallsInBody(ctx, r->body, globals);
    });
  }
}

void RewriteExprTerms(Context& ctx) {
  ExprTermRewriter rw(ctx);
  for (Module* mod : ctx.modules) {
    ForEachRule(mod, [&](Rule* r) {
      std::vector<Expr*> support;
      for (Term*& a : r->head.args) {
        std::vector<Expr*> s = rw.ExpandTerm(a);
        support.insert(support.end(), s.begin(), s.end());
      }
      if (r->head.key) {
        std::vector<Expr*> s = rw.ExpandTerm(r->head.key);
        support.insert(support.end(), s.begin(), s.end());
      }
      if (r->head.value) {
        std::vector<Expr*> s = rw.ExpandTerm(r->head.value);
        support.insert(support.end(), s.begin(), s.end());
      }
      r->body.insert(r->body.end(), support.begin(), support.end());
      r->body = rw.RewriteBody(r->body);
    });
  }
}

void RewriteComprehensionTermsAndHeads(Context& ctx) {
  for (Module* mod : ctx.modules) {
    ForEachRule(mod, [&](Rule* r) {
      for (Term* a : r->head.args) RewriteComprehensionTermsIn(ctx, a);
      RewriteComprehensionTermsIn(ctx, r->head.key);
      RewriteComprehensionTermsIn(ctx, r->head.value);
      RewriteComprehensionTermsInBody(ctx, r->body);
    });
  }
  // Rule heads: keys, values and arguments that need evaluation move into the body.
  for (Module* mod : ctx.modules) {
    ForEachRule(mod, [&](Rule* r) {
      auto move_out = [&](Term*& t) {
        if (t == nullptr || !ContainsRefsOrComprehensions(t)) return;
        Term* v = ctx.FreshVar(t->span);
        r->body.push_back(ctx.Equality(v, t, t->span));
        bool was_key = r->head.key == t;
        t = ctx.arena.NewVar(v->var, t->span);
        (void)was_key;
      };
      bool key_is_ref_tail = r->head.key != nullptr && r->head.ref.size() > 1 &&
                             r->head.ref.back() == r->head.key;
      move_out(r->head.key);
      if (key_is_ref_tail) r->head.ref.back() = r->head.key;
      move_out(r->head.value);
      for (Term*& a : r->head.args) move_out(a);
    });
  }
}

// Exposed for the query compiler.
VarSet RewriteQueryTemplates(Context& ctx, Body& query) {
  TemplateRewriter tr(ctx);
  return tr.RewriteBody(query, {"data", "input"});
}

void RewriteQueryPrintAndTerms(Context& ctx, Body& query) {
  CheckVoidCallsInBody(ctx, query);
  if (!ctx.errors.empty()) return;
  RewritePrintCallsInBody(ctx, query, {"data", "input"});
  if (!ctx.errors.empty()) return;
  ExprTermRewriter rw(ctx);
  query = rw.RewriteBody(query);
  RewriteComprehensionTermsInBody(ctx, query);
}

}  // namespace golden::rego::compile
