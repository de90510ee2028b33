// CheckTypes: builtin arguments whose type is known at compile time must match the
// builtin's declared types (rego_type_error "<name>: invalid argument(s)").
//
// OPA infers types for every term; golden checks the cases that are certain: constant
// arguments, and variables bound to constants or to the results of builtins. Anything
// else (input, data, rule values) is `any` and passes, so no valid policy is rejected.

#include <map>
#include <optional>

#include "rego/compile/passes.h"

namespace golden::rego::compile {

namespace {

// What is known about a variable: its constant value, or the type a builtin declared.
struct Known {
  std::optional<Value> value;
  TypePtr type;
};

using Env = std::map<std::string_view, Known>;

// The kind a declared type always produces, when it has one.
std::optional<Value::Kind> ConcreteKind(const Type& t) {
  switch (t.kind) {
    case Type::Kind::kNull: return Value::Kind::kNull;
    case Type::Kind::kBoolean: return Value::Kind::kBool;
    case Type::Kind::kNumber: return Value::Kind::kNumber;
    case Type::Kind::kString: return Value::Kind::kString;
    case Type::Kind::kArray: return Value::Kind::kArray;
    case Type::Kind::kObject: return Value::Kind::kObject;
    case Type::Kind::kSet: return Value::Kind::kSet;
    default: return std::nullopt;
  }
}

bool AcceptsKind(const Type& want, Value::Kind k) {
  switch (want.kind) {
    case Type::Kind::kAny:
      if (want.of.empty()) return true;
      for (const TypePtr& alt : want.of) {
        if (AcceptsKind(*alt, k)) return true;
      }
      return false;
    case Type::Kind::kFunction:
      return true;
    default:
      return ConcreteKind(want) == k;
  }
}

std::optional<Known> KnownOf(const Term* t, const Env& env) {
  if (IsConstant(t)) return Known{ConstantValue(t), nullptr};
  if (t->IsVar()) {
    auto it = env.find(t->var);
    if (it != env.end()) return it->second;
  }
  return std::nullopt;
}

class Checker {
 public:
  explicit Checker(Context& ctx) : ctx_(ctx) {}

  void CheckBody(const Body& body, Env env) {
    for (const Expr* e : body) {
      if (e->kind == ExprKind::kEvery) {
        CheckBody(e->body, env);
        continue;
      }
      for (const Term* t : e->terms) CheckClosures(t, env);
      if (!e->IsCall() || e->negated) continue;
      if (e->IsEquality()) {
        // x = <known> makes x known for the expressions after it.
        const Term* a = e->terms[1];
        const Term* b = e->terms[2];
        if (a->IsVar() && !env.count(a->var)) {
          if (auto k = KnownOf(b, env)) env[a->var] = *k;
        } else if (b->IsVar() && !env.count(b->var)) {
          if (auto k = KnownOf(a, env)) env[b->var] = *k;
        }
        continue;
      }
      const Descriptor* d = ctx_.builtins.Find(e->OperatorName());
      if (d == nullptr || d->variadic) continue;
      std::vector<Term*> ops = e->Operands();
      bool bad = false;
      for (size_t i = 0; i < ops.size() && i < d->args.size(); ++i) {
        std::optional<Known> k = KnownOf(ops[i], env);
        if (!k) continue;
        if (k->value) {
          if (!d->args[i]->Accepts(*k->value)) bad = true;
        } else if (k->type) {
          std::optional<Value::Kind> kind = ConcreteKind(*k->type);
          if (kind && !AcceptsKind(*d->args[i], *kind)) bad = true;
        }
      }
      if (bad) {
        ctx_.errors.Add(errc::kType, e->span, d->name + ": invalid argument(s)");
        continue;
      }
      // The output variable takes the builtin's declared result type.
      if (ops.size() == d->args.size() + 1 && ops.back()->IsVar() && d->result &&
          !env.count(ops.back()->var)) {
        env[ops.back()->var] = Known{std::nullopt, d->result};
      }
    }
  }

 private:
  void CheckClosures(const Term* t, const Env& env) {
    if (t == nullptr) return;
    if (t->IsComprehension()) {
      CheckBody(t->body, env);
      return;
    }
    for (const Term* x : t->items) CheckClosures(x, env);
    for (const auto& [k, v] : t->pairs) {
      CheckClosures(k, env);
      CheckClosures(v, env);
    }
  }

  Context& ctx_;
};

}  // namespace

void CheckTypes(Context& ctx) {
  Checker c(ctx);
  for (Module* mod : ctx.modules) {
    ForEachRule(mod, [&](Rule* r) { c.CheckBody(r->body, {}); });
  }
}

void CheckQueryTypes(Context& ctx, const Body& query) {
  Checker c(ctx);
  c.CheckBody(query, {});
}

}  // namespace golden::rego::compile
