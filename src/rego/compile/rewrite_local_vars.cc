// RewriteLocalVars (OPA's rewriteLocalVars): `x := v` declarations, `some` and `every`
// variables and function arguments get fresh names, so that scoping is explicit and
// redeclarations are caught ("var x assigned above").

#include <algorithm>
#include <map>

#include "rego/compile/passes.h"

namespace golden::rego::compile {

namespace {

enum class Occurrence : uint8_t { kNew, kArg, kSeen, kAssigned, kDeclared };

struct Scope {
  std::map<std::string_view, std::string_view> vs;  // declared name -> generated name
  std::map<std::string_view, Occurrence> occurrence;
  std::map<std::string_view, int> count;
};

class Stack {
 public:
  Stack() { scopes_.emplace_back(); }
  void Push() { scopes_.emplace_back(); }
  void Pop() { scopes_.pop_back(); }
  Scope& Peek() { return scopes_.back(); }
  const Scope& Peek() const { return scopes_.back(); }

  void Insert(std::string_view x, std::string_view y, Occurrence occ) {
    Scope& s = scopes_.back();
    s.vs[x] = y;
    s.occurrence[x] = occ;
    s.count[x] = 1;
    if (x != y) rewritten[y] = x;
  }
  std::optional<std::string_view> Declared(std::string_view x) const {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      if (auto f = it->vs.find(x); f != it->vs.end()) return f->second;
    }
    return std::nullopt;
  }
  Occurrence CurrentOccurrence(std::string_view x) const {
    auto f = scopes_.back().occurrence.find(x);
    return f == scopes_.back().occurrence.end() ? Occurrence::kNew : f->second;
  }
  std::optional<Occurrence> GlobalOccurrence(std::string_view x) const {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      if (auto f = it->occurrence.find(x); f != it->occurrence.end()) return f->second;
    }
    return std::nullopt;
  }
  void Seen(std::string_view x) {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      if (auto f = it->count.find(x); f != it->count.end()) {
        ++f->second;
        return;
      }
    }
    scopes_.back().count[x] = 1;
  }
  /// A copy that flattens every scope into one (as OPA's localDeclaredVars.Copy).
  Stack Flattened() const {
    Stack s;
    for (const Scope& sc : scopes_) {
      for (const auto& kv : sc.vs) s.scopes_[0].vs.insert(kv);
      for (const auto& kv : sc.occurrence) s.scopes_[0].occurrence.insert(kv);
      for (const auto& kv : sc.count) s.scopes_[0].count.insert(kv);
    }
    s.rewritten = rewritten;
    return s;
  }

  std::map<std::string_view, std::string_view> rewritten;  // generated -> original

 private:
  std::vector<Scope> scopes_;
};

bool IsRootRef(const Term* t) {
  return t->IsRef() && t->items.size() == 1 && t->items[0]->IsVar() &&
         IsRootDocument(t->items[0]->var);
}

std::vector<std::string_view> DeclaredVarsOfExpr(const Expr* e) {
  std::vector<std::string_view> out;
  if (e->IsAssignment()) {
    CollectVars(e->terms[1], {}, &out);
  } else if (e->kind == ExprKind::kSome) {
    for (const Term* s : e->terms) {
      if (s->IsVar()) {
        out.push_back(s->var);
      } else if (s->kind == TermKind::kCall) {
        if (s->items.size() == 4) CollectVars(s->items[2], {}, &out);
        CollectVars(s->items[1], {}, &out);
      }
    }
  }
  return out;
}

class Rewriter {
 public:
  explicit Rewriter(Context& ctx) : ctx_(ctx) {}

  Body RewriteBody(Stack& stack, const VarSet& used, const Body& body) {
    Body out;
    size_t errors_before = ctx_.errors.size();
    for (Expr* e : body) {
      Expr* r = nullptr;
      if (e->IsAssignment()) {
        r = RewriteAssignment(stack, e);
      } else if (e->kind == ExprKind::kSome) {
        r = RewriteSome(stack, e);
      } else if (e->kind == ExprKind::kEvery) {
        r = RewriteEvery(stack, e);
      } else {
        r = RewriteExpr(stack, e);
      }
      if (r != nullptr) out.push_back(r);
    }
    if (out.empty()) {
      Span span = body.empty() ? Span{} : body[0]->span;
      Expr* t = ctx_.arena.NewExpr(ExprKind::kTerm, span);
      t->terms = {ctx_.arena.NewScalar(Value::Bool(true), span)};
      out.push_back(t);
    }
    if (ctx_.errors.size() == errors_before) CheckUnusedDeclared(stack, used, body, out);
    return out;
  }

  std::string_view DeclareVar(Stack& stack, std::string_view v, Occurrence occ, Span span,
                              bool* ok) {
    const char* msg = nullptr;
    switch (stack.CurrentOccurrence(v)) {
      case Occurrence::kSeen: msg = "var %s referenced above"; break;
      case Occurrence::kAssigned: msg = "var %s assigned above"; break;
      case Occurrence::kDeclared: msg = "var %s declared above"; break;
      case Occurrence::kArg: msg = "arg %s redeclared"; break;
      case Occurrence::kNew: break;
    }
    if (msg != nullptr) {
      std::string m(msg);
      m.replace(m.find("%s"), 2, std::string(v));
      ctx_.errors.Add(errc::kCompile, span, m);
      *ok = false;
      return v;
    }
    std::string_view gv = ctx_.gen.Next();
    stack.Insert(v, gv, occ);
    return gv;
  }

  Expr* RewriteAssignment(Stack& stack, Expr* e) {
    if (e->negated) {
      ctx_.errors.Add(errc::kCompile, e->span, "cannot assign vars inside negated expression");
      return e;
    }
    size_t errors_before = ctx_.errors.size();
    // Right-hand side first: its variables are seen before the left side declares.
    RewriteTermRecursive(stack, e->terms[2]);
    for (With* w : e->withs) RewriteTermRecursive(stack, w->value);
    auto visit = [&](auto&& self, Term* t) -> void {
      switch (t->kind) {
        case TermKind::kVar: {
          bool ok = true;
          std::string_view gv = DeclareVar(stack, t->var, Occurrence::kAssigned, t->span, &ok);
          if (ok) t->var = gv;
          return;
        }
        case TermKind::kArray:
          for (Term* x : t->items) self(self, x);
          return;
        case TermKind::kObject:
          for (auto& [k, v] : t->pairs) self(self, v);
          return;
        case TermKind::kRef:
          if (IsRootRef(t)) {
            bool ok = true;
            std::string_view gv =
                DeclareVar(stack, t->items[0]->var, Occurrence::kAssigned, t->span, &ok);
            if (ok) {
              t->kind = TermKind::kVar;
              t->var = gv;
              t->items.clear();
            }
            return;
          }
          [[fallthrough]];
        default:
          ctx_.errors.Add(errc::kCompile, t->span, "cannot assign to " + TypeName(t));
      }
    };
    visit(visit, e->terms[1]);
    if (ctx_.errors.size() == errors_before) {
      Span span = e->terms[0]->span;
      e->terms[0] = ctx_.arena.NewRef({ctx_.arena.NewVar("eq", span)}, span);
    }
    return e;
  }

  Expr* RewriteSome(Stack& stack, Expr* e) {
    for (Term* s : e->terms) {
      if (s->IsVar()) {
        bool ok = true;
        DeclareVar(stack, s->var, Occurrence::kDeclared, e->span, &ok);
        if (!ok) return nullptr;
        continue;
      }
      if (s->kind != TermKind::kCall) continue;
      // some x in xs -> x = xs[__localN__];  some k, v in xs -> v = xs[k]
      Term* key;
      Term* val;
      Term* container;
      if (s->items.size() == 4) {
        key = s->items[1];
        val = s->items[2];
        container = s->items[3];
      } else {
        key = ctx_.FreshVar(s->span);
        val = s->items[1];
        container = s->items[2];
      }
      Term* rhs;
      if (container->IsRef()) {
        std::vector<Term*> items = container->items;
        items.push_back(key);
        rhs = ctx_.arena.NewRef(std::move(items), container->span);
      } else {
        rhs = ctx_.arena.NewRef({container, key}, container->span);
      }
      Expr* eq = ctx_.arena.NewExpr(ExprKind::kCall, e->span);
      eq->terms = {ctx_.arena.NewRef({ctx_.arena.NewVar("eq", e->span)}, e->span), val, rhs};
      eq->withs = e->withs;
      VarSet safe;
      std::vector<std::string_view> cvars;
      CollectVars(container, {}, &cvars);
      safe.insert(cvars.begin(), cvars.end());
      VarSet outputs = UnifyOutputs(safe, val, rhs);
      for (std::string_view v : outputs) {
        if (safe.count(v)) continue;
        bool ok = true;
        DeclareVar(stack, v, Occurrence::kDeclared, e->span, &ok);
        if (!ok) return nullptr;
      }
      return RewriteExpr(stack, eq);
    }
    return nullptr;
  }

  Expr* RewriteEvery(Stack& stack, Expr* e) {
    RewriteTermRecursive(stack, e->domain);
    stack.Push();
    if (e->key != nullptr) {
      if (!IsWildcard(e->key->var)) {
        bool ok = true;
        std::string_view gv = DeclareVar(stack, e->key->var, Occurrence::kDeclared, e->span, &ok);
        if (!ok) {
          stack.Pop();
          return nullptr;
        }
        e->key->var = gv;
      }
    } else {
      e->key = ctx_.FreshVar(e->span);
    }
    if (!IsWildcard(e->value->var)) {
      bool ok = true;
      std::string_view gv = DeclareVar(stack, e->value->var, Occurrence::kDeclared, e->span, &ok);
      if (!ok) {
        stack.Pop();
        return nullptr;
      }
      e->value->var = gv;
    }
    e->body = RewriteBody(stack, {}, e->body);
    stack.Pop();
    return RewriteExpr(stack, e);
  }

  // Returns true when the walk must not descend into `t`.
  bool RewriteTerm(Stack& stack, Term* t) {
    switch (t->kind) {
      case TermKind::kVar:
        if (auto gv = stack.Declared(t->var)) {
          std::string_view orig = t->var;
          t->var = *gv;
          stack.Seen(orig);
        } else if (stack.CurrentOccurrence(t->var) == Occurrence::kNew) {
          stack.Insert(t->var, t->var, Occurrence::kSeen);
        }
        return true;
      case TermKind::kRef:
        if (IsRootRef(t)) {
          std::string_view x = t->items[0]->var;
          if (auto occ = stack.GlobalOccurrence(x); occ && *occ != Occurrence::kSeen) {
            t->kind = TermKind::kVar;
            t->var = *stack.Declared(x);
            t->items.clear();
          }
          return true;
        }
        return false;
      case TermKind::kCall: {
        std::vector<std::string_view> vars;
        CollectVars(t->items[0], {}, &vars);
        for (std::string_view v : vars) {
          if (auto gv = stack.Declared(v); gv && *gv != v) {
            ctx_.errors.Add(errc::kCompile, t->span,
                            "called function " + TermToString(t->items[0]) + " shadowed");
            break;
          }
        }
        return false;
      }
      case TermKind::kObject:
        for (auto& [k, v] : t->pairs) {
          RewriteTermRecursive(stack, k);
          RewriteTermRecursive(stack, v);
        }
        return true;
      case TermKind::kSet:
        for (Term* x : t->items) RewriteTermRecursive(stack, x);
        return true;
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
      case TermKind::kObjectCompr:
        RewriteComprehension(stack, t);
        return true;
      default:
        return false;
    }
  }

  void RewriteComprehension(Stack& stack, Term* t) {
    VarSet used;
    std::vector<std::string_view> vars;
    CollectVars(t->term, {}, &vars);
    if (t->term_value) CollectVars(t->term_value, {}, &vars);
    used.insert(vars.begin(), vars.end());
    stack.Push();
    t->body = RewriteBody(stack, used, t->body);
    RewriteTermRecursive(stack, t->term);
    if (t->term_value) RewriteTermRecursive(stack, t->term_value);
    stack.Pop();
  }

  void RewriteTermRecursive(Stack& stack, Term* t) {
    if (t == nullptr || RewriteTerm(stack, t)) return;
    for (Term* x : t->items) RewriteTermRecursive(stack, x);
    for (auto& [k, v] : t->pairs) {
      RewriteTermRecursive(stack, k);
      RewriteTermRecursive(stack, v);
    }
    for (TemplatePart& p : t->parts) {
      if (p.expr) RewriteExpr(stack, p.expr);
      if (p.term) RewriteTermRecursive(stack, p.term);
    }
  }

  Expr* RewriteExpr(Stack& stack, Expr* e) {
    for (Term* t : e->terms) RewriteTermRecursive(stack, t);
    if (e->kind == ExprKind::kEvery) {
      if (e->key) RewriteTermRecursive(stack, e->key);
      RewriteTermRecursive(stack, e->value);
      RewriteTermRecursive(stack, e->domain);
      for (Expr* x : e->body) RewriteExpr(stack, x);
    }
    for (With* w : e->withs) {
      RewriteTermRecursive(stack, w->target);
      // `with input as` keeps targeting input even when input was shadowed locally.
      if (auto shadow = stack.Declared("input")) {
        if (w->target->IsVar() && w->target->var == *shadow) {
          w->target->kind = TermKind::kRef;
          w->target->items = {ctx_.arena.NewVar("input", w->target->span)};
        } else if (w->target->IsRef() && w->target->items[0]->IsVar() &&
                   w->target->items[0]->var == *shadow) {
          w->target->items[0]->var = "input";
        }
      }
      RewriteTermRecursive(stack, w->value);
    }
    return e;
  }

  // "declared var x unused": `some x` with x not used anywhere in the body.
  void CheckUnusedDeclared(Stack& stack, const VarSet& used, const Body& original,
                           const Body& rewritten) {
    const Scope& scope = stack.Peek();
    VarSet declared;
    for (const auto& [v, occ] : scope.occurrence) {
      if (occ == Occurrence::kDeclared) declared.insert(scope.vs.at(v));
    }
    if (declared.empty()) return;
    std::vector<std::string_view> body_vars;
    CollectVars(rewritten, {}, &body_vars);
    VarSet present(body_vars.begin(), body_vars.end());
    for (std::string_view v : used) {
      if (auto gv = stack.Declared(v)) {
        present.insert(*gv);
      } else {
        present.insert(v);
      }
    }
    for (std::string_view gv : declared) {
      if (present.count(gv) || used.count(gv)) continue;
      std::string_view rv = stack.rewritten.count(gv) ? stack.rewritten.at(gv) : gv;
      if (IsGeneratedVar(rv)) continue;
      Span span = original.empty() ? Span{} : original[0]->span;
      for (const Expr* e : original) {
        std::vector<std::string_view> d = DeclaredVarsOfExpr(e);
        if (std::find(d.begin(), d.end(), rv) != d.end()) {
          span = e->span;
          break;
        }
      }
      ctx_.errors.Add(errc::kCompile, span, "declared var " + std::string(rv) + " unused");
    }
  }

  // Function arguments get fresh names too.
  void RewriteArgs(Stack& stack, Rule* rule) {
    auto visit = [&](auto&& self, Term* t) -> void {
      switch (t->kind) {
        case TermKind::kVar:
          if (auto gv = stack.Declared(t->var)) {
            stack.Seen(t->var);
            t->var = *gv;
          } else {
            std::string_view g = ctx_.gen.Next();
            stack.Insert(t->var, g, Occurrence::kArg);
            t->var = g;
          }
          return;
        case TermKind::kObject:
          for (auto& [k, v] : t->pairs) self(self, v);
          return;
        case TermKind::kScalar:
        case TermKind::kArrayCompr:
        case TermKind::kSetCompr:
        case TermKind::kObjectCompr:
        case TermKind::kSet:
        case TermKind::kTemplate:
          return;
        case TermKind::kCall:
          ctx_.errors.Add(errc::kCompile, t->span, "rule arguments cannot contain calls");
          return;
        default:
          for (Term* x : t->items) self(self, x);
      }
    };
    for (Term* a : rule->head.args) visit(visit, a);
  }

  static bool HeadMayHaveVars(const Head& h) {
    for (const Term* a : h.args) {
      if (!a->IsScalar()) return true;
    }
    if (h.key && !h.key->IsScalar()) return true;
    if (h.value && !h.value->IsScalar()) return true;
    for (size_t i = 1; i < h.ref.size(); ++i) {
      if (!h.ref[i]->IsScalar()) return true;
    }
    return false;
  }

  void RewriteRule(Rule* rule, const Stack& args_stack) {
    bool only_scalars = !HeadMayHaveVars(rule->head);
    VarSet used;
    if (!only_scalars) {
      // Comprehensions in the head are scoped on their own.
      auto nested = [&](auto&& self, Term* t) -> void {
        if (t == nullptr) return;
        if (t->IsComprehension()) {
          Stack s;
          RewriteComprehension(s, t);
          for (const auto& kv : s.rewritten) ctx_.rewritten[kv.first] = kv.second;
          return;
        }
        for (Term* x : t->items) self(self, x);
        for (auto& [k, v] : t->pairs) {
          self(self, k);
          self(self, v);
        }
        for (TemplatePart& p : t->parts) {
          if (p.term) self(self, p.term);
          if (p.expr) {
            for (Term* x : p.expr->terms) self(self, x);
          }
        }
      };
      for (Term* t : rule->head.ref) nested(nested, t);
      for (Term* t : rule->head.args) nested(nested, t);
      nested(nested, rule->head.key);
      nested(nested, rule->head.value);
      std::vector<std::string_view> vars;
      for (size_t i = 1; i < rule->head.ref.size(); ++i) {
        if (!rule->head.ref[i]->IsScalar()) CollectVars(rule->head.ref[i], {}, &vars);
      }
      if (rule->head.key && !rule->head.key->IsScalar()) CollectVars(rule->head.key, {}, &vars);
      if (rule->head.value && !rule->head.value->IsScalar()) {
        CollectVars(rule->head.value, {}, &vars);
      }
      used.insert(vars.begin(), vars.end());
    }
    Stack stack = args_stack.Flattened();
    rule->body = RewriteBody(stack, used, rule->body);
    for (const auto& kv : stack.rewritten) ctx_.rewritten[kv.first] = kv.second;
    if (only_scalars) return;
    // Head variables that refer to variables declared in the body (or to arguments) take
    // their new names, inside head comprehensions too (OPA's rewriteHeadVarLocalTransform
    // rewrites the whole head term): `f(x) := [c | some c in x]` reads the argument.
    const auto& declared = stack.Peek().vs;
    auto xform = [&](Term* t) {
      if (!t->IsVar()) return;
      if (auto it = declared.find(t->var); it != declared.end()) t->var = it->second;
    };
    for (Term* a : rule->head.args) ForEachTerm(a, xform);
    for (size_t i = 1; i < rule->head.ref.size(); ++i) ForEachTerm(rule->head.ref[i], xform);
    ForEachTerm(rule->head.key, xform);
    ForEachTerm(rule->head.value, xform);
  }

  Context& ctx_;
};

}  // namespace

void RewriteLocalVars(Context& ctx) {
  Rewriter rw(ctx);
  for (Module* mod : ctx.modules) {
    for (Rule* rule : mod->rules) {
      Stack args;
      rw.RewriteArgs(args, rule);
      for (Rule* r = rule; r != nullptr; r = r->else_rule) rw.RewriteRule(r, args);
    }
  }
}

void RewriteQueryLocalVars(Context& ctx, Body& query) {
  Rewriter rw(ctx);
  Stack stack;
  query = rw.RewriteBody(stack, {}, query);
  for (const auto& kv : stack.rewritten) ctx.rewritten[kv.first] = kv.second;
}

}  // namespace golden::rego::compile
