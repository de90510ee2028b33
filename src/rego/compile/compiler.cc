#include "rego/compile/compiler.h"

#include <algorithm>

namespace golden::rego::compile {

namespace {

constexpr size_t kErrorLimit = 10;

void ExcludeAllVars(VarGenerator& gen, const Body& b) {
  std::vector<std::string_view> vars;
  CollectVars(b, {}, &vars);
  for (std::string_view v : vars) gen.Exclude(v);
}

void ExcludeModuleVars(VarGenerator& gen, const Module* m) {
  for (const Rule* rule : m->rules) {
    for (const Rule* r = rule; r != nullptr; r = r->else_rule) {
      std::vector<std::string_view> vars;
      for (const Term* t : r->head.ref) CollectVars(t, {}, &vars);
      for (const Term* t : r->head.args) CollectVars(t, {}, &vars);
      if (r->head.key) CollectVars(r->head.key, {}, &vars);
      if (r->head.value) CollectVars(r->head.value, {}, &vars);
      CollectVars(r->body, {}, &vars);
      for (std::string_view v : vars) gen.Exclude(v);
    }
  }
}

// Does the query iterate (a ref with a variable operand, or a relation)?
bool Iterates(const Term* t, const Registry& builtins) {
  if (t == nullptr || t->IsComprehension()) return false;
  if (t->IsRef()) {
    for (size_t i = 1; i < t->items.size(); ++i) {
      if (t->items[i]->IsVar()) return true;
    }
  }
  if (t->kind == TermKind::kCall) {
    const Descriptor* d = builtins.Find(OperatorName(t->items[0]));
    if (d != nullptr && d->relation) return true;
  }
  for (const Term* x : t->items) {
    if (Iterates(x, builtins)) return true;
  }
  for (const auto& [k, v] : t->pairs) {
    if (Iterates(k, builtins) || Iterates(v, builtins)) return true;
  }
  return false;
}

bool Iterates(const Body& b, const Registry& builtins) {
  for (const Expr* e : b) {
    for (const Term* t : e->terms) {
      if (Iterates(t, builtins)) return true;
    }
    if (e->IsCall()) {
      const Descriptor* d = builtins.Find(e->OperatorName());
      if (d != nullptr && d->relation) return true;
    }
  }
  return false;
}

}  // namespace

void ApplyErrorLimit(ErrorList* errors, size_t base) {
  if (errors->size() - base > kErrorLimit) {
    errors->Truncate(base + kErrorLimit);
    errors->AddNoLocation(errc::kCompile, "error limit reached");
  }
}

bool CompileModules(Arena& arena, const Registry& builtins, std::vector<Module*> modules,
                    CompiledModules* out, ErrorList* errors) {
  size_t base = errors->size();
  std::stable_sort(modules.begin(), modules.end(), [&](const Module* a, const Module* b) {
    return arena.sources().Get(a->source).filename() < arena.sources().Get(b->source).filename();
  });
  VarGenerator gen(arena, "__local");
  for (const Module* m : modules) ExcludeModuleVars(gen, m);
  Context ctx{arena, *errors, builtins, gen, out->rewritten, modules};
  auto failed = [&] {
    if (errors->size() == base) return false;
    ApplyErrorLimit(errors, base);
    return true;
  };

  ResolveRefs(ctx);
  if (failed()) return false;
  RewriteRuleHeadRefs(ctx);
  CheckKeywordOverridesAndImports(ctx);
  if (failed()) return false;
  out->tree = std::make_unique<RuleTree>(modules);
  ctx.tree = out->tree.get();
  RewriteLocalVars(ctx);
  if (failed()) return false;
  RewriteTemplateStrings(ctx);
  if (failed()) return false;
  RewritePrintCalls(ctx);
  if (failed()) return false;
  RewriteExprTerms(ctx);
  RewriteMetadataCalls(ctx);
  RewriteComprehensionTermsAndHeads(ctx);
  RewriteWithValues(ctx);
  if (failed()) return false;
  CheckRuleConflicts(ctx, *out->tree);
  if (failed()) return false;
  CheckUndefinedFunctions(ctx);
  if (failed()) return false;
  CheckSafety(ctx);
  if (failed()) return false;
  RewriteEqualsAndDynamics(ctx);
  CheckRecursion(ctx);
  if (failed()) return false;
  CheckTypes(ctx);
  if (failed()) return false;
  out->modules = std::move(modules);
  return true;
}

bool CompileQueryBody(Arena& arena, const Registry& builtins, const CompiledModules& modules,
                      Body query, const QueryScope& scope, bool capture_values,
                      CompiledQuery* out, ErrorList* errors) {
  size_t base = errors->size();
  VarGenerator gen(arena, "__localq");
  ExcludeAllVars(gen, query);
  Context ctx{arena, *errors, builtins, gen, out->rewritten, modules.modules};
  ctx.tree = modules.tree.get();
  auto failed = [&] {
    if (errors->size() == base) return false;
    ApplyErrorLimit(errors, base);
    return true;
  };
  for (const Expr* e : query) {
    QueryExpression qe;
    qe.text = std::string(arena.sources().Text(e->span));
    qe.span = e->span;
    out->expressions.push_back(std::move(qe));
  }

  std::vector<std::string_view> package_rules;
  if (scope.package != nullptr && modules.tree) {
    std::vector<Value> path;
    for (size_t i = 1; i < scope.package->path.size(); ++i) {
      path.push_back(scope.package->path[i]->value);
    }
    if (const RuleTreeNode* node = modules.tree->Find(path)) {
      for (const auto& [k, child] : node->children) {
        if (!child->rules.empty() && k.IsString()) package_rules.push_back(arena.Intern(k.GetString()));
      }
    }
  }
  ResolveQueryRefs(ctx, query, scope, package_rules);
  if (failed()) return false;

  if (capture_values) {
    // rego.Eval's rewriteQueryToCaptureValue: each expression's value is kept in a
    // variable; with several expressions or iteration, the value must also be true.
    bool check = query.size() > 1 || Iterates(query, builtins);
    Body captures;
    for (size_t i = 0; i < query.size(); ++i) {
      Expr* e = query[i];
      if (e->negated || e->IsAssignment() || e->IsEquality()) continue;
      Term* capture = nullptr;
      if (e->kind == ExprKind::kTerm) {
        capture = arena.NewVar(arena.Intern("$term" + std::to_string(i)), e->span);
        Term* t = e->terms[0];
        e->kind = ExprKind::kCall;
        e->terms = {arena.NewRef({arena.NewVar("eq", e->span)}, e->span), t, capture};
      } else if (e->kind == ExprKind::kCall &&
                 FunctionArity(ctx, e->terms[0]) == static_cast<int>(e->terms.size()) - 1) {
        const Descriptor* d = builtins.Find(e->OperatorName());
        if (d == nullptr || d->result != nullptr) {
          capture = arena.NewVar(arena.Intern("$term" + std::to_string(i)), e->span);
          e->terms.push_back(capture);
        }
      }
      if (capture == nullptr) continue;
      out->expressions[i].capture = capture->var;
      if (check) {
        Expr* c = arena.NewExpr(ExprKind::kTerm, e->span);
        c->terms = {arena.NewVar(capture->var, e->span)};
        c->generated = true;
        captures.push_back(c);
      }
    }
    query.insert(query.end(), captures.begin(), captures.end());
  }

  RewriteQueryLocalVars(ctx, query);
  if (failed()) return false;
  RewriteQueryTemplates(ctx, query);
  if (failed()) return false;
  RewriteQueryPrintAndTerms(ctx, query);
  if (failed()) return false;
  RewriteQueryWithValues(ctx, query);
  if (failed()) return false;
  CheckQueryFunctions(ctx, query);
  if (failed()) return false;
  query = ReorderBodyForSafety(ctx, {"data", "input"}, query, true);
  if (failed()) return false;
  RewriteQueryDynamics(ctx, query);
  CheckQueryTypes(ctx, query);
  if (failed()) return false;
  out->body = std::move(query);
  return true;
}

}  // namespace golden::rego::compile
