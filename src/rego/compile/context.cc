#include "rego/compile/context.h"

namespace golden::rego::compile {

std::string_view VarGenerator::Next() {
  for (;;) {
    std::string name = prefix_ + std::to_string(next_++) + "__";
    if (exclude_.count(name) == 0) return arena_.Intern(name);
  }
}

Expr* Context::Equality(Term* lhs, Term* rhs, Span span) {
  Expr* e = arena.NewExpr(ExprKind::kCall, span);
  e->terms = {arena.NewRef({arena.NewVar("eq", span)}, span), lhs, rhs};
  e->generated = true;
  return e;
}

Term* Context::FreshVar(Span span) { return arena.NewVar(gen.Next(), span); }

namespace {

void ForEachBodyInTerm(Term* t, const std::function<void(Body&)>& f);

void ForEachBodyInExpr(Expr* e, const std::function<void(Body&)>& f) {
  for (Term* t : e->terms) ForEachBodyInTerm(t, f);
  if (e->kind == ExprKind::kEvery) {
    ForEachBodyInTerm(e->domain, f);
    ForEachBody(e->body, f);
  }
  for (With* w : e->withs) {
    ForEachBodyInTerm(w->target, f);
    ForEachBodyInTerm(w->value, f);
  }
}

void ForEachBodyInTerm(Term* t, const std::function<void(Body&)>& f) {
  if (t == nullptr) return;
  for (Term* x : t->items) ForEachBodyInTerm(x, f);
  for (auto& [k, v] : t->pairs) {
    ForEachBodyInTerm(k, f);
    ForEachBodyInTerm(v, f);
  }
  if (t->IsComprehension()) {
    ForEachBodyInTerm(t->term, f);
    ForEachBodyInTerm(t->term_value, f);
    ForEachBody(t->body, f);
  }
  for (TemplatePart& p : t->parts) {
    if (p.expr) ForEachBodyInExpr(p.expr, f);
  }
}

}  // namespace

void ForEachBody(Body& b, const std::function<void(Body&)>& f) {
  for (Expr* e : b) ForEachBodyInExpr(e, f);
  f(b);
}

void ForEachTerm(Expr* e, const std::function<void(Term*)>& f) {
  for (Term* t : e->terms) ForEachTerm(t, f);
  if (e->kind == ExprKind::kEvery) {
    ForEachTerm(e->key, f);
    ForEachTerm(e->value, f);
    ForEachTerm(e->domain, f);
    for (Expr* x : e->body) ForEachTerm(x, f);
  }
  for (With* w : e->withs) {
    ForEachTerm(w->target, f);
    ForEachTerm(w->value, f);
  }
}

void ForEachTerm(Term* t, const std::function<void(Term*)>& f) {
  if (t == nullptr) return;
  f(t);
  for (Term* x : t->items) ForEachTerm(x, f);
  for (auto& [k, v] : t->pairs) {
    ForEachTerm(k, f);
    ForEachTerm(v, f);
  }
  if (t->IsComprehension()) {
    ForEachTerm(t->term, f);
    ForEachTerm(t->term_value, f);
    for (Expr* e : t->body) ForEachTerm(e, f);
  }
  for (TemplatePart& p : t->parts) {
    ForEachTerm(p.term, f);
    if (p.expr) ForEachTerm(p.expr, f);
  }
}

std::string OperatorName(const Term* op) {
  if (op->IsVar()) return std::string(op->var);
  if (!op->IsRef()) return TermToString(op);
  std::string s;
  for (size_t i = 0; i < op->items.size(); ++i) {
    const Term* x = op->items[i];
    if (i > 0) s += '.';
    if (x->IsVar()) {
      s += x->var;
    } else if (x->IsString()) {
      s += x->value.GetString();
    } else {
      return TermToString(op);
    }
  }
  return s;
}

std::string TypeName(const Term* t) {
  switch (t->kind) {
    case TermKind::kScalar: return std::string(t->value.TypeName());
    case TermKind::kVar: return "var";
    case TermKind::kRef: return "ref";
    case TermKind::kArray: return "array";
    case TermKind::kObject: return "object";
    case TermKind::kSet: return "set";
    case TermKind::kArrayCompr: return "arraycomprehension";
    case TermKind::kSetCompr: return "setcomprehension";
    case TermKind::kObjectCompr: return "objectcomprehension";
    case TermKind::kCall: return "call";
    case TermKind::kTemplate: return "templatestring";
  }
  return "term";
}

}  // namespace golden::rego::compile
