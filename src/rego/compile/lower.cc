#include "rego/compile/lower.h"

#include <algorithm>
#include <map>

#include "rego/eval/ir_walk.h"
#include "rego/syntax/format.h"

namespace golden::rego::compile {

namespace {

const ir::RuleNode* FindNode(const ir::RuleNode* root, const std::vector<Value>& path) {
  const ir::RuleNode* n = root;
  for (const Value& k : path) {
    if (n == nullptr) return nullptr;
    n = n->Child(k);
  }
  return n;
}

class Lowerer {
 public:
  Lowerer(const Registry& builtins, ir::Program* storage, const ir::RuleNode* data_root)
      : builtins_(builtins), storage_(storage), data_root_(data_root) {}

  void ResetFrame() { slots_.clear(); }
  uint32_t num_slots() const { return static_cast<uint32_t>(slots_.size()); }
  const std::map<std::string_view, ir::Slot>& slots() const { return slots_; }

  ir::Slot SlotOf(std::string_view v) {
    auto [it, inserted] = slots_.emplace(v, static_cast<ir::Slot>(slots_.size()));
    return it->second;
  }

  const ir::Term* Const(Value v, Span span) {
    ir::Term* t = storage_->NewTerm();
    t->kind = ir::TermKind::kConst;
    t->value = std::move(v);
    t->span = span;
    return t;
  }

  const ir::Term* LowerTerm(const Term* t) {
    ir::Term* out = storage_->NewTerm();
    out->span = t->span;
    switch (t->kind) {
      case TermKind::kScalar:
        out->kind = ir::TermKind::kConst;
        out->value = t->value;
        return out;
      case TermKind::kVar:
        out->kind = ir::TermKind::kVar;
        out->slot = SlotOf(t->var);
        return out;
      case TermKind::kArray:
      case TermKind::kSet: {
        bool all_const = true;
        for (const Term* x : t->items) {
          const ir::Term* l = LowerTerm(x);
          all_const = all_const && l->kind == ir::TermKind::kConst;
          out->items.push_back(l);
        }
        if (all_const) {
          std::vector<Value> vals;
          for (const ir::Term* x : out->items) vals.push_back(x->value);
          out->value = t->kind == TermKind::kArray ? Value::Array(std::move(vals))
                                                   : Value::Set(std::move(vals));
          out->items.clear();
          out->kind = ir::TermKind::kConst;
        } else {
          out->kind = t->kind == TermKind::kArray ? ir::TermKind::kArray : ir::TermKind::kSet;
        }
        return out;
      }
      case TermKind::kObject: {
        bool all_const = true;
        for (const auto& [k, v] : t->pairs) {
          const ir::Term* lk = LowerTerm(k);
          const ir::Term* lv = LowerTerm(v);
          all_const = all_const && lk->kind == ir::TermKind::kConst &&
                      lv->kind == ir::TermKind::kConst;
          out->pairs.push_back({lk, lv});
        }
        if (all_const) {
          std::vector<Value::Entry> entries;
          for (const auto& [k, v] : out->pairs) entries.push_back({k->value, v->value});
          out->value = Value::Object(std::move(entries));
          out->pairs.clear();
          out->kind = ir::TermKind::kConst;
        } else {
          out->kind = ir::TermKind::kObject;
        }
        return out;
      }
      case TermKind::kRef:
        LowerRef(t, out);
        return out;
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
      case TermKind::kObjectCompr:
        out->kind = t->kind == TermKind::kArrayCompr ? ir::TermKind::kArrayCompr
                    : t->kind == TermKind::kSetCompr ? ir::TermKind::kSetCompr
                                                     : ir::TermKind::kObjectCompr;
        out->head = LowerTerm(t->term);
        if (t->term_value) out->head_value = LowerTerm(t->term_value);
        out->body = LowerBody(t->body);
        return out;
      case TermKind::kCall:
      case TermKind::kTemplate:
        // The compiler rewrites these away; a constant null keeps evaluation safe.
        out->kind = ir::TermKind::kConst;
        return out;
    }
    return out;
  }

  void LowerRef(const Term* t, ir::Term* out) {
    out->kind = ir::TermKind::kRef;
    const Term* head = t->items[0];
    out->items.push_back(nullptr);  // the root
    for (size_t i = 1; i < t->items.size(); ++i) out->items.push_back(LowerTerm(t->items[i]));
    if (head->IsVar() && head->var == "data") {
      out->root = ir::RefRoot::kData;
      // Walk the constant prefix through nodes without rules.
      const ir::RuleNode* node = data_root_;
      uint32_t prefix = 1;
      while (prefix < out->items.size() && out->items[prefix]->kind == ir::TermKind::kConst) {
        const ir::RuleNode* child = node ? node->Child(out->items[prefix]->value) : nullptr;
        if (child != nullptr && child->rules != nullptr) break;
        node = child;
        ++prefix;
      }
      out->node = node;
      out->prefix = prefix;
    } else if (head->IsVar() && head->var == "input") {
      out->root = ir::RefRoot::kInput;
    } else if (head->IsVar()) {
      out->root = ir::RefRoot::kLocal;
      out->root_slot = SlotOf(head->var);
    } else {
      // A composite head the compiler did not move out: evaluate it as a constant.
      out->root = ir::RefRoot::kLocal;
      out->root_slot = SlotOf("$refhead");
    }
  }

  const ir::RuleSet* FunctionSet(const Term* op) {
    if (!op->IsRef() || op->items.empty() || !op->items[0]->IsVar() ||
        op->items[0]->var != "data") {
      return nullptr;
    }
    std::optional<std::vector<Value>> path = StringPath(op);
    if (!path) return nullptr;
    const ir::RuleNode* n = FindNode(data_root_, *path);
    return n ? n->rules : nullptr;
  }

  const Descriptor* BuiltinOf(const Term* t) {
    if (t->IsVar()) return builtins_.Find(t->var);
    if (t->IsRef()) return builtins_.Find(OperatorName(t));
    return nullptr;
  }

  void LowerWith(const With* w, ir::With* out) {
    out->span = w->span;
    const Term* target = w->target;
    const Term* value = w->value;
    auto set_value = [&] {
      if (const ir::RuleSet* fs = FunctionSet(value); fs && fs->kind == ir::RuleSet::Kind::kFunction) {
        out->func_value = fs;
      } else if (const Descriptor* d = BuiltinOf(value); d && (value->IsRef() || value->IsVar())) {
        out->builtin_value = d;
      } else {
        out->value = LowerTerm(value);
      }
    };
    if (target->IsRef() && target->items[0]->IsVar() && target->items[0]->var == "input") {
      out->kind = ir::With::Kind::kInput;
      for (size_t i = 1; i < target->items.size(); ++i) {
        out->path.push_back(target->items[i]->value);
      }
      out->value = LowerTerm(value);
      return;
    }
    if (target->IsRef() && target->items[0]->IsVar() && target->items[0]->var == "data") {
      const ir::RuleSet* fs = FunctionSet(target);
      if (fs != nullptr && fs->kind == ir::RuleSet::Kind::kFunction) {
        out->kind = ir::With::Kind::kFunction;
        out->target = fs;
        set_value();
        return;
      }
      out->kind = ir::With::Kind::kData;
      for (size_t i = 1; i < target->items.size(); ++i) {
        out->path.push_back(target->items[i]->value);
      }
      out->value = LowerTerm(value);
      return;
    }
    out->kind = ir::With::Kind::kFunction;
    out->target = BuiltinOf(target);
    set_value();
  }

  const ir::Expr* LowerExpr(const Expr* e) {
    ir::Expr* out = storage_->NewExpr();
    out->span = e->span;
    out->negated = e->negated;
    for (const With* w : e->withs) LowerWith(w, &out->withs.emplace_back());
    switch (e->kind) {
      case ExprKind::kTerm:
        out->kind = ir::ExprKind::kTerm;
        out->a = LowerTerm(e->terms[0]);
        break;
      case ExprKind::kCall: {
        std::string name = e->OperatorName();
        if (name == "eq" && e->terms.size() == 3) {
          out->kind = ir::ExprKind::kUnify;
          out->a = LowerTerm(e->terms[1]);
          out->b = LowerTerm(e->terms[2]);
          break;
        }
        out->kind = ir::ExprKind::kCall;
        out->name = name;
        size_t arity = 0;
        if (const Descriptor* d = builtins_.Find(name)) {
          out->builtin = d;
          arity = d->variadic ? e->terms.size() - 1 : d->args.size();
        } else if (const ir::RuleSet* fs = FunctionSet(e->terms[0])) {
          out->func = fs;
          arity = fs->arity;
        }
        for (size_t i = 1; i < e->terms.size(); ++i) {
          const ir::Term* t = LowerTerm(e->terms[i]);
          if (i - 1 < arity) {
            out->args.push_back(t);
          } else {
            out->out = t;
          }
        }
        break;
      }
      case ExprKind::kEvery:
        out->kind = ir::ExprKind::kEvery;
        out->key = LowerTerm(e->key);
        out->value = LowerTerm(e->value);
        out->domain = LowerTerm(e->domain);
        out->body = LowerBody(e->body);
        break;
      case ExprKind::kSome:
        out->kind = ir::ExprKind::kTrue;
        break;
    }
    return out;
  }

  const ir::Body* LowerBody(const Body& b) {
    ir::Body* out = storage_->NewBody();
    LowerBodyInto(b, out);
    return out;
  }

  void LowerBodyInto(const Body& b, ir::Body* out) {
    for (const Expr* e : b) out->exprs.push_back(LowerExpr(e));
  }

 private:
  const Registry& builtins_;
  ir::Program* storage_;
  const ir::RuleNode* data_root_;
  std::map<std::string_view, ir::Slot> slots_;
};

// Builds the IR node tree mirroring the AST rule tree.
ir::RuleNode* BuildNodes(const RuleTreeNode& src, ir::Program* program,
                         std::map<const RuleTreeNode*, ir::RuleNode*>* map) {
  ir::RuleNode* n = program->NewNode();
  n->key = src.key;
  n->hide = src.hide;
  (*map)[&src] = n;
  for (const auto& [k, child] : src.children) {
    n->children.push_back(BuildNodes(*child, program, map));
  }
  return n;
}

bool RefIsGround(const ::golden::rego::Rule* r) {
  for (size_t i = 1; i < r->head.ref.size(); ++i) {
    if (!IsGround(r->head.ref[i])) return false;
  }
  return true;
}

const ir::Rule* LowerRule(const ::golden::rego::Rule* r, Lowerer& lw, ir::Program* program) {
  lw.ResetFrame();
  ir::Rule* out = program->NewRule();
  out->span = r->span;
  out->head_span = r->head.span;
  out->ast = r;
  out->is_default = r->is_default;
  out->multi_value = r->Kind() == RuleKind::kMultiValue;
  // The full ref: package path, rule name, then the head ref's other parts.
  const std::vector<Term*>& pkg = r->module->package->path;
  out->ref.push_back(nullptr);
  for (size_t i = 1; i < pkg.size(); ++i) out->ref.push_back(lw.Const(pkg[i]->value, pkg[i]->span));
  out->ref.push_back(lw.Const(Value::String(r->head.ref[0]->var), r->head.ref[0]->span));
  for (size_t i = 1; i < r->head.ref.size(); ++i) out->ref.push_back(lw.LowerTerm(r->head.ref[i]));
  for (const Term* a : r->head.args) out->args.push_back(lw.LowerTerm(a));
  if (r->head.key) out->key = lw.LowerTerm(r->head.key);
  if (r->head.value) {
    out->value = lw.LowerTerm(r->head.value);
    out->value_is_const = out->value->kind == ir::TermKind::kConst;
  }
  lw.LowerBodyInto(r->body, &out->body);
  out->num_slots = lw.num_slots();
  if (r->else_rule) out->else_rule = LowerRule(r->else_rule, lw, program);
  return out;
}


// ---- closed comprehensions ----

// Counts the slot references under IR nodes, for finding comprehensions that share no
// variable with the rest of their rule.
struct SlotCounter {
  std::map<ir::Slot, int> counts;

  void OnExpr(const ir::Expr&) {}
  void OnTerm(const ir::Term& t) {
    if (t.kind == ir::TermKind::kVar) ++counts[t.slot];
    if (t.kind == ir::TermKind::kRef && t.root == ir::RefRoot::kLocal) ++counts[t.root_slot];
  }
};

// Marks the comprehensions whose slots occur nowhere else (`total` counts every reference of
// the rule or query).
struct ClosedMarker {
  const std::map<ir::Slot, int>& total;

  void OnExpr(const ir::Expr&) {}
  void OnTerm(const ir::Term& t) {
    if (!t.IsComprehension()) return;
    SlotCounter inner;
    ir::Walker<SlotCounter>(inner).Term(&t);
    bool closed = true;
    for (const auto& [slot, n] : inner.counts) {
      auto it = total.find(slot);
      if (it == total.end() || it->second != n) closed = false;
    }
    const_cast<ir::Term&>(t).closed = closed;
  }
};

// Both passes over every definition of the rule's else chain, or over a query's body.
template <typename Walk>
void MarkClosed(const Walk& walk) {
  SlotCounter all;
  walk(all);
  ClosedMarker marker{all.counts};
  walk(marker);
}

void MarkClosedComprehensions(const ir::Rule* r) {
  MarkClosed([r](auto& visitor) {
    ir::Walker walker(visitor);
    for (const ir::Rule* d = r; d != nullptr; d = d->else_rule) walker.Rule(*d);
  });
}

struct PendingSet {
  ir::RuleSet* rs;
  std::vector<::golden::rego::Rule*> rules;
};

// Phase 1: a rule set for every node where rules are indexed (as OPA's buildRuleIndices:
// rules with variables in their refs also take the rules below them).
void CreateRuleSets(const RuleTreeNode& src, std::map<const RuleTreeNode*, ir::RuleNode*>& map,
                    ir::Program* program, const std::string& path, uint32_t depth,
                    std::vector<PendingSet>* pending) {
  if (!src.rules.empty()) {
    std::vector<::golden::rego::Rule*> rules = src.rules;
    bool non_ground = !RefIsGround(rules.back());
    if (non_ground) {
      for (const auto& [k, child] : src.children) child->CollectRules(&rules);
    }
    ir::RuleSet* rs = program->NewRuleSet();
    rs->node = map[&src];
    rs->path = path;
    rs->pos = depth;
    const ::golden::rego::Rule* first = rules[0];
    rs->arity = static_cast<uint32_t>(first->head.args.size());
    rs->multi_value = first->Kind() == RuleKind::kMultiValue;
    for (const auto* r : rules) rs->only_ground_refs = rs->only_ground_refs && RefIsGround(r);
    if (rs->arity > 0) {
      rs->kind = ir::RuleSet::Kind::kFunction;
    } else if (rs->multi_value || !rs->only_ground_refs) {
      rs->kind = ir::RuleSet::Kind::kPartial;
    } else {
      rs->kind = ir::RuleSet::Kind::kComplete;
    }
    map[&src]->rules = rs;
    pending->push_back({rs, std::move(rules)});
    if (non_ground) return;  // the rules below are indexed here
  }
  for (const auto& [k, child] : src.children) {
    std::string p = path;
    if (k.IsString() && IsRefIdentifier(k.GetString())) {
      p += "." + std::string(k.GetString());
    } else {
      p += "[" + ValueToRegoString(k) + "]";
    }
    CreateRuleSets(*child, map, program, p, depth + 1, pending);
  }
}

// Phase 2: lower the rules (refs in bodies can now see every rule set).
void FillRuleSet(PendingSet& p, Lowerer& lw, ir::Program* program) {
  ir::RuleSet* rs = p.rs;
  std::optional<Value> common;
  bool all_same_const = true;
  for (const auto* r : p.rules) {
    const ir::Rule* lr = LowerRule(r, lw, program);
    MarkClosedComprehensions(lr);
    uint32_t len = static_cast<uint32_t>(lr->ref.size()) + (lr->multi_value ? 1 : 0);
    rs->max_ref_len = std::max(rs->max_ref_len, len);
    if (r->is_default) {
      rs->default_rule = lr;
      continue;
    }
    for (const ir::Rule* x = lr; x != nullptr; x = x->else_rule) {
      if (!x->value_is_const || (common && !(*common == x->value->value))) {
        all_same_const = false;
      } else {
        common = x->value->value;
      }
    }
    auto idx = static_cast<uint32_t>(rs->rules.size());
    rs->rules.push_back(lr);
    if (rs->kind == ir::RuleSet::Kind::kFunction) {
      const ir::Term* a0 = lr->args[0];
      if (a0->kind == ir::TermKind::kConst) {
        rs->by_first_arg[a0->value].push_back(idx);
      } else {
        rs->any_first_arg.push_back(idx);
      }
    }
  }
  rs->early_exit =
      all_same_const && !rs->rules.empty() && rs->kind != ir::RuleSet::Kind::kPartial;
}

}  // namespace

void LowerModules(const CompiledModules& modules, const Registry& builtins,
                  ir::Program* program) {
  std::map<const RuleTreeNode*, ir::RuleNode*> map;
  ir::RuleNode* root = nullptr;
  if (modules.tree) {
    const RuleTreeNode* data = modules.tree->root().Child(Value::String("data"));
    root = BuildNodes(*data, program, &map);
  } else {
    root = program->NewNode();
  }
  program->data_root = root;
  std::vector<PendingSet> pending;
  if (modules.tree) {
    CreateRuleSets(*modules.tree->root().Child(Value::String("data")), map, program, "data", 0,
                   &pending);
  }
  Lowerer lw(builtins, program, root);
  for (PendingSet& p : pending) FillRuleSet(p, lw, program);
}

void LowerQuery(const CompiledQuery& query, const Registry& builtins,
                const ir::Program& program, ir::Program* storage, ir::Query* out) {
  Lowerer lw(builtins, storage, program.data_root);
  lw.LowerBodyInto(query.body, &out->body);
  MarkClosed([out](auto& visitor) { ir::Walker(visitor).Body(out->body); });
  for (const QueryExpression& qe : query.expressions) {
    ir::Query::Expression e;
    e.text = qe.text;
    e.span = qe.span;
    if (!qe.capture.empty()) e.capture = lw.SlotOf(qe.capture);
    out->expressions.push_back(std::move(e));
  }
  out->num_slots = lw.num_slots();
  // Several slots may carry one user name (a comprehension's `x := ...` next to the query's
  // x); only the query's own is bound when a result is reported.
  std::multimap<std::string, ir::Slot> outputs;
  for (const auto& [v, slot] : lw.slots()) {
    auto it = query.rewritten.find(v);
    std::string_view name = it == query.rewritten.end() ? v : it->second;
    if (IsGeneratedVar(name)) continue;
    outputs.emplace(std::string(name), slot);
  }
  for (auto& [name, slot] : outputs) out->outputs.push_back({name, slot});
}

}  // namespace golden::rego::compile
