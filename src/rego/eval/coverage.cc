#include "rego/eval/coverage.h"

#include "rego/eval/ir_walk.h"

namespace golden::rego {

namespace {

// The spans of every rule head and every expression: the lines a test can reach.
struct SpanCollector {
  std::vector<Span>* out;

  void OnExpr(const ir::Expr& e) { out->push_back(e.span); }
  void OnTerm(const ir::Term&) {}
};

}  // namespace

std::vector<Span> CoverableSpans(const ir::Program& program) {
  std::vector<Span> out;
  SpanCollector spans{&out};
  ir::Walker walker(spans);
  for (const ir::Rule& r : program.rules()) {
    out.push_back(r.head_span);
    walker.Rule(r);
  }
  return out;
}

}  // namespace golden::rego
