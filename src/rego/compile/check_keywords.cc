// CheckKeywordOverrides and CheckDuplicateImports (Rego v1 modules only, as in OPA).

#include <map>

#include "rego/compile/passes.h"

namespace golden::rego::compile {

namespace {

bool IsRootRef(const Term* t) {
  return t->IsRef() && t->items.size() == 1 && t->items[0]->IsVar() &&
         IsRootDocument(t->items[0]->var);
}

void CheckExprs(Context& ctx, const Body& b);

void CheckTermExprs(Context& ctx, const Term* t) {
  if (t == nullptr) return;
  for (const Term* x : t->items) CheckTermExprs(ctx, x);
  for (const auto& [k, v] : t->pairs) {
    CheckTermExprs(ctx, k);
    CheckTermExprs(ctx, v);
  }
  if (t->IsComprehension()) {
    CheckTermExprs(ctx, t->term);
    CheckTermExprs(ctx, t->term_value);
    CheckExprs(ctx, t->body);
  }
  for (const TemplatePart& p : t->parts) {
    if (p.expr) CheckExprs(ctx, Body{p.expr});
  }
}

void CheckExprs(Context& ctx, const Body& b) {
  for (const Expr* e : b) {
    if (e->IsAssignment()) {
      const Term* lhs = e->terms[1];
      std::string name = TermToString(lhs);
      if (name == "data" || name == "input") {
        ctx.errors.Add(errc::kCompile, e->span,
                       "variables must not shadow " + name + " (use a different variable name)");
      }
    }
    for (const Term* t : e->terms) CheckTermExprs(ctx, t);
    if (e->kind == ExprKind::kEvery) {
      CheckTermExprs(ctx, e->domain);
      CheckExprs(ctx, e->body);
    }
  }
}

std::string ImportString(const Import* imp) {
  std::string s = "import " + TermToString(imp->path);
  if (!imp->alias.empty()) s += " as " + std::string(imp->alias);
  return s;
}

}  // namespace

void CheckKeywordOverridesAndImports(Context& ctx) {
  for (Module* mod : ctx.modules) {
    if (mod->version == RegoVersion::kV0) continue;
    ForEachRule(mod, [&](Rule* rule) {
      std::string_view name = rule->head.ref[0]->var;
      if (IsRootDocument(name)) {
        ctx.errors.Add(errc::kCompile, rule->span,
                       "rules must not shadow " + std::string(name) +
                           " (use a different rule name)");
      }
      for (const Term* a : rule->head.args) {
        if (IsRootRef(a)) {
          ctx.errors.Add(errc::kCompile, a->span,
                         "args must not shadow " + TermToString(a) +
                             " (use a different variable name)");
        }
      }
      CheckTermExprs(ctx, rule->head.value);
      CheckTermExprs(ctx, rule->head.key);
      CheckExprs(ctx, rule->body);
    });
  }
  for (Module* mod : ctx.modules) {
    if (mod->version == RegoVersion::kV0) continue;
    std::map<std::string_view, const Import*> seen;
    for (const Import* imp : mod->imports) {
      const std::vector<Term*>& path = imp->path->items;
      std::string_view name = !imp->alias.empty() ? imp->alias
                              : path.size() == 1   ? path[0]->var
                                                   : path.back()->value.GetString();
      auto [it, inserted] = seen.emplace(name, imp);
      if (!inserted) {
        ctx.errors.Add(errc::kCompile, imp->span,
                       "import must not shadow " + ImportString(it->second));
      }
    }
  }
}

}  // namespace golden::rego::compile
