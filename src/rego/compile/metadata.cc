// RewriteMetadataCalls: rego.metadata.chain() and rego.metadata.rule() become the
// annotations of the calling rule, as OPA's rewriteRegoMetadataCalls does at compile time.

#include <algorithm>
#include <map>

#include "rego/builtins/language_names.h"
#include "rego/compile/passes.h"
#include "rego/compile/rule_tree.h"

namespace golden::rego::compile {

namespace {

Value PathValue(const std::vector<Value>& path) { return Value::Array(path); }

std::vector<Value> PackagePath(const Module* m) {
  std::vector<Value> out;
  for (size_t i = 1; i < m->package->path.size(); ++i) out.push_back(m->package->path[i]->value);
  return out;
}

class Chains {
 public:
  explicit Chains(const std::vector<Module*>& modules) {
    for (const Module* mod : modules) {
      for (const Annotations* a : mod->annotations) {
        if (a->scope == "rule" && a->rule != nullptr) {
          by_rule_[a->rule].push_back(a);
        } else if (a->scope == "document" && a->rule != nullptr) {
          document_.emplace(PathValue(RulePath(a->rule)), a);
        } else if (a->scope == "package") {
          package_.emplace(PathValue(PackagePath(mod)), a);
        } else if (a->scope == "subpackages") {
          subpackages_.emplace(PathValue(PackagePath(mod)), a);
        }
      }
    }
  }

  Value Chain(const Rule* rule) const {
    std::vector<Value> links;
    std::vector<Value> path = RulePath(rule);
    auto link = [&](const std::vector<Value>& p, const Annotations* a) {
      ObjectBuilder b;
      b.Add(Value::String("path"), Value::Array(p));
      if (a != nullptr) b.Add(Value::String("annotations"), a->fields);
      links.push_back(*std::move(b).Build());
    };
    std::vector<const Annotations*> own = RuleAnnotations(rule);
    if (own.empty()) {
      link(path, nullptr);
    } else {
      for (const Annotations* a : own) link(path, a);
    }
    if (auto it = document_.find(PathValue(path)); it != document_.end()) link(path, it->second);
    std::vector<Value> pkg = PackagePath(rule->module);
    if (auto it = package_.find(PathValue(pkg)); it != package_.end()) link(pkg, it->second);
    for (std::vector<Value> p = pkg; !p.empty(); p.pop_back()) {
      if (auto it = subpackages_.find(PathValue(p)); it != subpackages_.end()) {
        link(p, it->second);
      }
    }
    return Value::Array(std::move(links));
  }

  Value RuleMetadata(const Rule* rule) const {
    std::vector<const Annotations*> own = RuleAnnotations(rule);
    return own.empty() ? Value::EmptyObject() : own[0]->fields;
  }

 private:
  // Rule-scope annotations, the block closest to the rule first.
  std::vector<const Annotations*> RuleAnnotations(const Rule* rule) const {
    auto it = by_rule_.find(rule);
    if (it == by_rule_.end()) return {};
    std::vector<const Annotations*> out = it->second;
    std::stable_sort(out.begin(), out.end(), [](const Annotations* a, const Annotations* b) {
      return a->span.begin > b->span.begin;
    });
    return out;
  }

  std::map<const Rule*, std::vector<const Annotations*>> by_rule_;
  std::map<Value, const Annotations*> document_;
  std::map<Value, const Annotations*> package_;
  std::map<Value, const Annotations*> subpackages_;
};

bool IsMetadataCall(const Expr* e, std::string_view which) {
  return e->IsCall() && e->OperatorName() == which;
}

void RewriteBody(Context& ctx, Body& body, const Value* chain, const Value* rule) {
  ForEachBody(body, [&](Body& b) {
    for (Expr*& e : b) {
      const Value* v = nullptr;
      if (chain && IsMetadataCall(e, builtins::kRegoMetadataChain)) v = chain;
      if (rule && IsMetadataCall(e, builtins::kRegoMetadataRule)) v = rule;
      if (v == nullptr) continue;
      Term* value = ctx.arena.NewScalar(*v, e->span);
      std::vector<Term*> ops = e->Operands();
      Expr* r;
      if (!ops.empty()) {
        r = ctx.Equality(ops[0], value, e->span);
      } else {
        r = ctx.arena.NewExpr(ExprKind::kTerm, e->span);
        r->terms = {value};
        r->generated = true;
      }
      r->withs = e->withs;
      e = r;
    }
  });
}

bool UsesMetadata(Body& body, std::string_view which) {
  bool found = false;
  ForEachBody(body, [&](Body& b) {
    for (const Expr* e : b) found = found || IsMetadataCall(e, which);
  });
  return found;
}

}  // namespace

void RewriteMetadataCalls(Context& ctx) {
  std::unique_ptr<Chains> chains;
  for (Module* mod : ctx.modules) {
    ForEachRule(mod, [&](Rule* r) {
      bool chain = UsesMetadata(r->body, builtins::kRegoMetadataChain);
      bool rule = UsesMetadata(r->body, builtins::kRegoMetadataRule);
      if (!chain && !rule) return;
      if (!chains) chains = std::make_unique<Chains>(ctx.modules);
      Value c = chain ? chains->Chain(r) : Value();
      Value m = rule ? chains->RuleMetadata(r) : Value();
      RewriteBody(ctx, r->body, chain ? &c : nullptr, rule ? &m : nullptr);
    });
  }
}

std::vector<Value> MetadataChains(const std::vector<Module*>& modules,
                                  const std::vector<const Rule*>& rules) {
  Chains chains(modules);
  std::vector<Value> out;
  out.reserve(rules.size());
  for (const Rule* r : rules) out.push_back(chains.Chain(r));
  return out;
}

}  // namespace golden::rego::compile
