// RewriteEquals and RewriteDynamicTerms (OPA's rewriteEquals and rewriteDynamics): after
// the safety check, `a == b` becomes unification in modules, and refs and comprehensions
// nested in expressions are evaluated first into variables. This fixes OPA's evaluation
// order, which is observable: `not input.x > 1` is undefined when input.x is.

#include "rego/compile/passes.h"

namespace golden::rego::compile {

namespace {

class Dynamics {
 public:
  explicit Dynamics(Context& ctx) : ctx_(ctx) {}

  Body Rewrite(const Body& body) {
    Body out;
    for (Expr* e : body) {
      switch (e->kind) {
        case ExprKind::kCall:
          if (e->IsEquality()) {
            e->terms[1] = InTerm(e, e->terms[1], &out);
            e->terms[2] = InTerm(e, e->terms[2], &out);
          } else {
            for (size_t i = 1; i < e->terms.size(); ++i) e->terms[i] = One(e, e->terms[i], &out);
          }
          break;
        case ExprKind::kEvery:
          e->domain = One(e, e->domain, &out);
          e->body = Rewrite(e->body);
          break;
        case ExprKind::kTerm:
          e->terms[0] = InTerm(e, e->terms[0], &out);
          break;
        case ExprKind::kSome:
          break;
      }
      out.push_back(e);
    }
    return out;
  }

 private:
  Term* InTerm(Expr* original, Term* t, Body* out) {
    switch (t->kind) {
      case TermKind::kRef:
        for (size_t i = 1; i < t->items.size(); ++i) t->items[i] = One(original, t->items[i], out);
        return t;
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
      case TermKind::kObjectCompr:
        t->body = Rewrite(t->body);
        return t;
      default:
        return One(original, t, out);
    }
  }

  Term* Generate(Expr* original, Term* t, Body* out) {
    Term* v = ctx_.FreshVar(t->span);
    Expr* eq = ctx_.Equality(v, t, t->span);
    eq->withs = original->withs;
    out->push_back(eq);
    return ctx_.arena.NewVar(v->var, t->span);
  }

  Term* One(Expr* original, Term* t, Body* out) {
    switch (t->kind) {
      case TermKind::kRef:
        for (size_t i = 1; i < t->items.size(); ++i) t->items[i] = One(original, t->items[i], out);
        return Generate(original, t, out);
      case TermKind::kArray:
      case TermKind::kSet:
        for (Term*& x : t->items) x = One(original, x, out);
        return t;
      case TermKind::kObject:
        for (auto& [k, v] : t->pairs) {
          k = One(original, k, out);
          v = One(original, v, out);
        }
        return t;
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
      case TermKind::kObjectCompr:
        t->body = Rewrite(t->body);
        return Generate(original, t, out);
      default:
        return t;
    }
  }

  Context& ctx_;
};

void RewriteEqualsInBody(Context& ctx, Body& body) {
  ForEachBody(body, [&](Body& b) {
    for (Expr* e : b) {
      if (e->IsCall() && e->terms.size() == 3 && e->OperatorName() == "equal") {
        Span span = e->terms[0]->span;
        e->terms[0] = ctx.arena.NewRef({ctx.arena.NewVar("eq", span)}, span);
      }
    }
  });
}

}  // namespace

void RewriteEqualsAndDynamics(Context& ctx) {
  Dynamics d(ctx);
  for (Module* mod : ctx.modules) {
    ForEachRule(mod, [&](Rule* r) {
      RewriteEqualsInBody(ctx, r->body);
      r->body = d.Rewrite(r->body);
    });
  }
}

void RewriteQueryDynamics(Context& ctx, Body& query) {
  Dynamics d(ctx);
  query = d.Rewrite(query);
}

}  // namespace golden::rego::compile
