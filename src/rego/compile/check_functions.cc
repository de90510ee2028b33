// Function calls and `with` modifiers: OPA's checkUndefinedFuncs and rewriteWithModifiers.

#include "rego/compile/passes.h"
#include "rego/compile/rule_tree.h"

namespace golden::rego::compile {

namespace {

// The rules a call operator names exactly (data.pkg.f), or null.
const RuleTreeNode* UserFunctionNode(const Context& ctx, const Term* op) {
  if (ctx.tree == nullptr || !op->IsRef() || op->items.empty() || !op->items[0]->IsVar() ||
      op->items[0]->var != "data") {
    return nullptr;
  }
  std::optional<std::vector<Value>> path = StringPath(op);
  if (!path) return nullptr;
  const RuleTreeNode* node = ctx.tree->Find(*path);
  if (node == nullptr || node->rules.empty()) return nullptr;
  return node;
}

std::string ArgString(size_t n) {
  return std::to_string(n) + (n == 1 ? " argument" : " arguments");
}

void CheckCalls(Context& ctx, const Body& body) {
  for (const Expr* e : body) {
    if (e->kind == ExprKind::kEvery) CheckCalls(ctx, e->body);
    auto visit = [&](auto&& self, const Term* t) -> void {
      if (t == nullptr) return;
      if (t->IsComprehension()) {
        self(self, t->term);
        self(self, t->term_value);
        CheckCalls(ctx, t->body);
        return;
      }
      for (const Term* x : t->items) self(self, x);
      for (const auto& [k, v] : t->pairs) {
        self(self, k);
        self(self, v);
      }
    };
    for (const Term* t : e->terms) visit(visit, t);
    if (e->kind == ExprKind::kEvery) visit(visit, e->domain);
    for (const With* w : e->withs) visit(visit, w->value);
    if (!e->IsCall()) continue;
    const Term* op = e->terms[0];
    int arity = FunctionArity(ctx, op);
    std::string name = OperatorName(op);
    if (arity < 0) {
      std::string shown = name;
      if (op->IsRef() && op->items.size() == 1 && op->items[0]->IsVar()) {
        shown = std::string(ctx.Original(op->items[0]->var));
      }
      ctx.errors.Add(errc::kType, e->span, "undefined function " + shown);
      continue;
    }
    size_t operands = e->terms.size() - 1;
    size_t expect = static_cast<size_t>(arity);
    bool mismatch;
    size_t actual = operands;
    if (e->generated) {  // an output variable was added by the compiler
      mismatch = !e->IsEquality() && operands != expect + 1;
      actual = operands - 1;
    } else {
      mismatch = operands != expect && operands != expect + 1;
    }
    if (!mismatch) continue;
    if (ctx.builtins.Find(name) != nullptr) {
      ctx.errors.Add(errc::kType, e->span, name + ": arity mismatch");
    } else {
      ctx.errors.Add(errc::kType, e->span,
                     "function " + name + " has arity " + std::to_string(arity) + ", got " +
                         ArgString(actual));
    }
  }
}

bool IsRootRefWithPrefix(const Term* t, std::string_view root) {
  return t->IsRef() && !t->items.empty() && t->items[0]->IsVar() && t->items[0]->var == root;
}

bool RequiresEval(const Term* t) {
  if (t == nullptr) return false;
  if (t->IsRef() || t->IsComprehension() || t->kind == TermKind::kCall) return true;
  for (const Term* x : t->items) {
    if (RequiresEval(x)) return true;
  }
  for (const auto& [k, v] : t->pairs) {
    if (RequiresEval(k) || RequiresEval(v)) return true;
  }
  return false;
}

// OPA's validateWithFunctionValue: any ref into the rule tree counts (a rule's value may
// replace a function), as do builtins.
bool IsFunctionValue(const Context& ctx, const Term* value) {
  if (value->IsRef() || value->IsVar()) {
    if (value->IsRef() && IsRootRefWithPrefix(value, "data") && ctx.tree != nullptr) {
      if (std::optional<std::vector<Value>> path = StringPath(value)) {
        if (ctx.tree->Find(*path) != nullptr) return true;
      }
    }
    std::string name = value->IsVar() ? std::string(value->var) : OperatorName(value);
    return ctx.builtins.Find(name) != nullptr;
  }
  return false;
}

// OPA's validateWith: returns whether the value must be evaluated first.
bool ValidateWith(Context& ctx, With* w, bool* ok) {
  Term* target = w->target;
  Term* value = w->value;
  // A builtin named as a var value becomes a ref (`with count as my_count`).
  if (value->IsVar() && ctx.builtins.Find(value->var) != nullptr) {
    value->kind = TermKind::kRef;
    value->items = {ctx.arena.NewVar(value->var, value->span)};
  }
  std::string target_name = target->IsVar() ? std::string(target->var) : OperatorName(target);
  const Descriptor* builtin =
      (target->IsVar() || target->IsRef()) ? ctx.builtins.Find(target_name) : nullptr;
  if (IsRootRefWithPrefix(target, "data")) {
    std::optional<std::vector<Value>> path = StringPath(target);
    if (path && ctx.tree != nullptr) {
      const RuleTreeNode* node = ctx.tree->Find({});
      for (size_t i = 0; i + 1 < path->size() && node != nullptr; ++i) {
        const RuleTreeNode* child = node->Child((*path)[i]);
        if (child == nullptr) {
          node = nullptr;
          break;
        }
        if (!child->rules.empty()) {
          ctx.errors.Add(errc::kCompile, target->span,
                         "with keyword cannot partially replace virtual document(s)");
          *ok = false;
          return false;
        }
        node = child;
      }
      if (node != nullptr && !path->empty()) {
        if (const RuleTreeNode* child = node->Child(path->back())) {
          for (const Rule* r : child->rules) {
            if (!r->head.args.empty() && IsFunctionValue(ctx, value)) return false;
          }
        }
      }
    }
    // A function passed by name (not called) cannot be evaluated first.
    if (value->IsRef() && UserFunctionNode(ctx, value) != nullptr) {
      for (const Rule* r : UserFunctionNode(ctx, value)->rules) {
        if (!r->head.args.empty()) return false;
      }
    }
  } else if (IsRootRefWithPrefix(target, "input")) {
    // always valid
  } else if (builtin != nullptr) {
    if (target->IsVar()) {
      std::string_view v = target->var;
      target->kind = TermKind::kRef;
      target->items = {ctx.arena.NewVar(v, target->span)};
    }
    std::string msg;
    if (builtin->name == "eq" || builtin->name == "rego.metadata.chain" ||
        builtin->name == "rego.metadata.rule") {
      msg = "with keyword replacing built-in function: replacement of \"" + builtin->name +
            "\" invalid";
    } else if (builtin->name.starts_with("internal.")) {
      msg = "with keyword replacing built-in function: replacement of internal function \"" +
            builtin->name + "\" invalid";
    } else if (builtin->relation) {
      msg = "with keyword replacing built-in function: target must not be a relation";
    } else if (builtin->result == nullptr) {
      msg = "with keyword replacing built-in function: target must not be a void function";
    }
    if (!msg.empty()) {
      ctx.errors.Add(errc::kCompile, target->span, msg);
      *ok = false;
      return false;
    }
    if (IsFunctionValue(ctx, value)) return false;
  } else {
    ctx.errors.Add(errc::kType, target->span,
                   "with keyword target must reference existing input, data, or a function");
    *ok = false;
    return false;
  }
  return RequiresEval(value);
}

Body RewriteWithsInBody(Context& ctx, const Body& body) {
  Body out;
  for (Expr* e : body) {
    if (e->kind == ExprKind::kEvery) e->body = RewriteWithsInBody(ctx, e->body);
    auto visit = [&](auto&& self, Term* t) -> void {
      if (t == nullptr) return;
      if (t->IsComprehension()) t->body = RewriteWithsInBody(ctx, t->body);
      for (Term* x : t->items) self(self, x);
      for (auto& [k, v] : t->pairs) {
        self(self, k);
        self(self, v);
      }
    };
    for (Term* t : e->terms) visit(visit, t);
    for (With* w : e->withs) {
      bool ok = true;
      bool eval = ValidateWith(ctx, w, &ok);
      if (!ok) continue;
      if (eval) {
        Term* v = ctx.FreshVar(w->value->span);
        out.push_back(ctx.Equality(v, w->value, w->value->span));
        w->value = ctx.arena.NewVar(v->var, w->value->span);
      }
    }
    out.push_back(e);
  }
  return out;
}

}  // namespace

int FunctionArity(const Context& ctx, const Term* op) {
  std::string name = OperatorName(op);
  if (const Descriptor* d = ctx.builtins.Find(name)) {
    return d->variadic ? 0 : static_cast<int>(d->args.size());
  }
  if (const RuleTreeNode* node = UserFunctionNode(ctx, op)) {
    return static_cast<int>(node->rules[0]->head.args.size());
  }
  return -1;
}

void CheckUndefinedFunctions(Context& ctx) {
  for (Module* mod : ctx.modules) {
    ForEachRule(mod, [&](Rule* r) { CheckCalls(ctx, r->body); });
  }
}

void CheckQueryFunctions(Context& ctx, const Body& query) { CheckCalls(ctx, query); }

void RewriteWithValues(Context& ctx) {
  for (Module* mod : ctx.modules) {
    ForEachRule(mod, [&](Rule* r) { r->body = RewriteWithsInBody(ctx, r->body); });
  }
}

void RewriteQueryWithValues(Context& ctx, Body& query) {
  query = RewriteWithsInBody(ctx, query);
}

}  // namespace golden::rego::compile
