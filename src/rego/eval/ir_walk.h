#pragma once

// One walk over the IR, for the passes that need to see every node (closed-comprehension
// marking when lowering, coverable lines for `golden test --coverage`).

#include "rego/eval/ir.h"

namespace golden::rego::ir {

/// Walks IR nodes depth first, parents before children: the expressions of a body (each with
/// its operands, nested body and `with` values) and every term (items, pairs, and a
/// comprehension's head and body). `Visitor` has `void OnExpr(const ir::Expr&)` and
/// `void OnTerm(const ir::Term&)`. `Rule` walks one definition; callers that want the
/// `else` chain follow `else_rule` themselves.
template <typename Visitor>
class Walker {
 public:
  explicit Walker(Visitor& visitor) : visitor_(visitor) {}

  void Rule(const ir::Rule& r) {
    for (const ir::Term* t : r.ref) Term(t);
    for (const ir::Term* t : r.args) Term(t);
    Term(r.key);
    Term(r.value);
    Body(r.body);
  }

  void Body(const ir::Body& b) {
    for (const ir::Expr* e : b.exprs) Expr(*e);
  }

  void Expr(const ir::Expr& e) {
    visitor_.OnExpr(e);
    Term(e.a);
    Term(e.b);
    for (const ir::Term* t : e.args) Term(t);
    Term(e.out);
    Term(e.key);
    Term(e.value);
    Term(e.domain);
    if (e.body != nullptr) Body(*e.body);
    for (const ir::With& w : e.withs) Term(w.value);
  }

  void Term(const ir::Term* t) {
    if (t == nullptr) return;
    visitor_.OnTerm(*t);
    for (const ir::Term* x : t->items) Term(x);
    for (const auto& [k, v] : t->pairs) {
      Term(k);
      Term(v);
    }
    Term(t->head);
    Term(t->head_value);
    if (t->body != nullptr) Body(*t->body);
  }

 private:
  Visitor& visitor_;
};

}  // namespace golden::rego::ir
