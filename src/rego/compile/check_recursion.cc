// CheckRecursion: OPA's checkRecursion over the rule dependency graph (each rule depends
// on every rule a ref in it may refer to).

#include <algorithm>
#include <map>

#include "rego/compile/passes.h"
#include "rego/compile/rule_tree.h"

namespace golden::rego::compile {

namespace {

// The rules a ref may refer to (OPA's GetRulesDynamicWithOpts, hidden modules included).
void RulesForRef(const RuleTreeNode* node, const std::vector<Term*>& ref, size_t i,
                 std::vector<Rule*>* out) {
  if (i >= ref.size()) {
    node->CollectRules(out);
    return;
  }
  const Term* t = ref[i];
  if (IsConstant(t)) {
    const RuleTreeNode* child = node->Child(ConstantValue(t));
    if (child == nullptr) return;
    out->insert(out->end(), child->rules.begin(), child->rules.end());
    RulesForRef(child, ref, i + 1, out);
    return;
  }
  for (const auto& [k, child] : node->children) {
    out->insert(out->end(), child->rules.begin(), child->rules.end());
    RulesForRef(child.get(), ref, i + 1, out);
  }
}

class Graph {
 public:
  explicit Graph(Context& ctx) : ctx_(ctx) {}

  void Build() {
    for (Module* mod : ctx_.modules) {
      ForEachRule(mod, [&](Rule* r) {
        order_.push_back(r);
        std::vector<Rule*>& deps = edges_[r];
        auto add_ref = [&](const Term* ref) {
          if (ref->items.empty() || !ref->items[0]->IsVar() || ref->items[0]->var != "data") {
            return;
          }
          std::vector<Rule*> rules;
          RulesForRef(ctx_.tree->Find({}), ref->items, 1, &rules);
          for (Rule* b : rules) {
            for (Rule* x = b; x != nullptr; x = x->else_rule) {
              if (std::find(deps.begin(), deps.end(), x) == deps.end()) deps.push_back(x);
            }
          }
        };
        WalkRefsInRule(r, add_ref);
      });
    }
  }

  // A path from `a` back to `a`, or empty.
  std::vector<Rule*> Cycle(Rule* a) {
    std::set<Rule*> visited;
    std::vector<Rule*> path = Dfs(a, a, &visited);
    std::reverse(path.begin(), path.end());
    return path;
  }

  const std::vector<Rule*>& order() const { return order_; }

 private:
  template <typename F>
  static void WalkTerm(const Term* t, F& f) {
    if (t == nullptr) return;
    if (t->IsRef()) f(t);
    for (const Term* x : t->items) WalkTerm(x, f);
    for (const auto& [k, v] : t->pairs) {
      WalkTerm(k, f);
      WalkTerm(v, f);
    }
    WalkTerm(t->term, f);
    WalkTerm(t->term_value, f);
    WalkBody(t->body, f);
    for (const TemplatePart& p : t->parts) {
      if (p.expr) WalkExpr(p.expr, f);
    }
  }
  template <typename F>
  static void WalkExpr(const Expr* e, F& f) {
    for (const Term* t : e->terms) WalkTerm(t, f);
    WalkTerm(e->key, f);
    WalkTerm(e->value, f);
    WalkTerm(e->domain, f);
    WalkBody(e->body, f);
    for (const With* w : e->withs) {
      WalkTerm(w->target, f);
      WalkTerm(w->value, f);
    }
  }
  template <typename F>
  static void WalkBody(const Body& b, F& f) {
    for (const Expr* e : b) WalkExpr(e, f);
  }
  template <typename F>
  static void WalkRefsInRule(const Rule* r, F f) {
    for (const Term* t : r->head.ref) WalkTerm(t, f);
    for (const Term* t : r->head.args) WalkTerm(t, f);
    WalkTerm(r->head.key, f);
    WalkTerm(r->head.value, f);
    WalkBody(r->body, f);
  }

  std::vector<Rule*> Dfs(Rule* u, Rule* z, std::set<Rule*>* visited) {
    std::vector<Rule*> path;
    if (!visited->insert(u).second) return path;
    for (Rule* v : edges_[u]) {
      if (v == z) {
        path.push_back(z);
        path.push_back(u);
        return path;
      }
      std::vector<Rule*> p = Dfs(v, z, visited);
      if (!p.empty()) {
        p.push_back(u);
        return p;
      }
    }
    return path;
  }

  Context& ctx_;
  std::map<Rule*, std::vector<Rule*>> edges_;
  std::vector<Rule*> order_;
};

std::string HeadRefString(const Rule* r) { return RefToString(r->head.ref); }

}  // namespace

void CheckRecursion(Context& ctx) {
  Graph g(ctx);
  g.Build();
  for (Rule* r : g.order()) {
    std::vector<Rule*> cycle = g.Cycle(r);
    if (cycle.empty()) continue;
    std::string path;
    for (size_t i = 0; i < cycle.size(); ++i) {
      if (i > 0) path += " -> ";
      path += HeadRefString(cycle[i]);
    }
    ctx.errors.Add(errc::kRecursion, r->span,
                   "rule " + HeadRefString(r) + " is recursive: " + path);
  }
}

}  // namespace golden::rego::compile
