#include "rego/eval/coverage.h"

namespace golden::rego {

namespace {

class Walker {
 public:
  explicit Walker(std::vector<Span>* out) : out_(out) {}

  void Rule(const ir::Rule& r) {
    out_->push_back(r.head_span);
    for (const ir::Term* t : r.ref) Term(t);
    for (const ir::Term* t : r.args) Term(t);
    Term(r.key);
    Term(r.value);
    Body(r.body);
  }

 private:
  void Body(const ir::Body& b) {
    for (const ir::Expr* e : b.exprs) Expr(*e);
  }

  void Expr(const ir::Expr& e) {
    out_->push_back(e.span);
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

  // Terms only matter for the comprehensions they may hold.
  void Term(const ir::Term* t) {
    if (t == nullptr) return;
    for (const ir::Term* x : t->items) Term(x);
    for (const auto& [k, v] : t->pairs) {
      Term(k);
      Term(v);
    }
    Term(t->head);
    Term(t->head_value);
    if (t->body != nullptr) Body(*t->body);
  }

  std::vector<Span>* out_;
};

}  // namespace

std::vector<Span> CoverableSpans(const ir::Program& program) {
  std::vector<Span> out;
  Walker w(&out);
  for (const ir::Rule& r : program.rules()) w.Rule(r);
  return out;
}

}  // namespace golden::rego
