#include "rego/compile/rule_tree.h"

#include <algorithm>

#include "rego/syntax/format.h"

namespace golden::rego::compile {

namespace {

RuleTreeNode* Insert(RuleTreeNode* node, const Value& key) {
  auto& slot = node->children[key];
  if (!slot) {
    slot = std::make_unique<RuleTreeNode>();
    slot->key = key;
  }
  return slot.get();
}

bool RefIsGround(const Rule* r) {
  for (size_t i = 1; i < r->head.ref.size(); ++i) {
    if (!IsGround(r->head.ref[i])) return false;
  }
  return true;
}

}  // namespace

void RuleTreeNode::CollectRules(std::vector<Rule*>* out) const {
  out->insert(out->end(), rules.begin(), rules.end());
  for (const auto& [k, c] : children) c->CollectRules(out);
}

std::vector<Value> RuleGroundPrefix(const Rule* r) {
  std::vector<Value> out;
  out.push_back(Value::String(r->head.ref[0]->var));
  for (size_t i = 1; i < r->head.ref.size(); ++i) {
    const Term* t = r->head.ref[i];
    if (!IsConstant(t)) break;
    out.push_back(ConstantValue(t));
  }
  return out;
}

std::vector<Value> RulePath(const Rule* r) {
  std::vector<Value> out;
  const std::vector<Term*>& pkg = r->module->package->path;
  for (size_t i = 1; i < pkg.size(); ++i) out.push_back(pkg[i]->value);
  std::vector<Value> prefix = RuleGroundPrefix(r);
  out.insert(out.end(), prefix.begin(), prefix.end());
  return out;
}

std::string RuleRefString(const Rule* r) {
  std::vector<Term*> items = r->module->package->path;
  Arena scratch;
  items.push_back(scratch.NewScalar(Value::String(r->head.ref[0]->var), r->span));
  for (size_t i = 1; i < r->head.ref.size(); ++i) items.push_back(r->head.ref[i]);
  return RefToString(items);
}

std::optional<std::vector<Value>> StringPath(const Term* ref, size_t skip) {
  std::vector<Value> out;
  for (size_t i = skip; i < ref->items.size(); ++i) {
    if (!ref->items[i]->IsString()) return std::nullopt;
    out.push_back(ref->items[i]->value);
  }
  return out;
}

RuleTree::RuleTree(const std::vector<Module*>& modules) {
  RuleTreeNode* data = Insert(&root_, Value::String("data"));
  for (Module* mod : modules) {
    RuleTreeNode* pkg = data;
    const std::vector<Term*>& path = mod->package->path;
    for (size_t i = 1; i < path.size(); ++i) {
      pkg = Insert(pkg, path[i]->value);
      if (i == 1 && path[i]->value == Value::String("system")) pkg->hide = true;
    }
    for (Rule* r : mod->rules) {
      RuleTreeNode* node = pkg;
      std::vector<Value> prefix = RuleGroundPrefix(r);
      for (const Value& k : prefix) node = Insert(node, k);
      node->rules.push_back(r);
    }
  }
}

const RuleTreeNode* RuleTree::Find(const std::vector<Value>& path) const {
  const RuleTreeNode* node = root_.Child(Value::String("data"));
  for (const Value& k : path) {
    if (node == nullptr) return nullptr;
    node = node->Child(k);
  }
  return node;
}

std::vector<Rule*> RuleTree::RulesAt(const std::vector<Value>& path) const {
  const RuleTreeNode* n = Find(path);
  return n ? n->rules : std::vector<Rule*>{};
}

void CheckRuleConflicts(Context& ctx, const RuleTree& tree) {
  auto visit = [&](auto&& self, const RuleTreeNode& node) -> void {
    if (!node.rules.empty()) {
      std::set<RuleKind> kinds;
      std::set<size_t> arities;
      int complete = 0;
      int partial = 0;
      std::vector<Rule*> defaults;
      std::vector<std::string> conflicts;
      std::string name;
      for (Rule* r : node.rules) {
        name = RuleRefString(r);
        kinds.insert(r->Kind());
        arities.insert(r->head.args.size());
        if (r->is_default) defaults.push_back(r);
        // Single-value rules with a ground ref may not have rules inside their extent.
        if (RefIsGround(r) && !node.children.empty()) {
          std::vector<Rule*> inner;
          for (const auto& [k, c] : node.children) c->CollectRules(&inner);
          std::vector<std::string> refs;
          for (Rule* x : inner) refs.push_back(RuleRefString(x));
          std::sort(refs.begin(), refs.end());
          refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
          conflicts = refs;
        }
        if (r->Kind() == RuleKind::kSingleValue && RefIsGround(r)) {
          ++complete;
        } else {
          ++partial;
        }
      }
      Span at = node.rules[0]->span;
      if (!conflicts.empty()) {
        std::string list = "[";
        for (size_t i = 0; i < conflicts.size(); ++i) {
          if (i > 0) list += " ";
          list += conflicts[i];
        }
        list += "]";
        ctx.errors.Add(errc::kType, at, "rule " + name + " conflicts with " + list);
        return;
      }
      if (kinds.size() > 1 || arities.size() > 1 || (complete >= 1 && partial >= 1)) {
        ctx.errors.Add(errc::kType, at, "conflicting rules " + name + " found");
        return;
      }
      if (defaults.size() > 1) {
        std::string locs;
        for (size_t i = 0; i < defaults.size(); ++i) {
          SourceLocation l = ctx.arena.sources().Locate(defaults[i]->span);
          if (i > 0) locs += ", ";
          locs += l.file + ":" + std::to_string(l.line);
        }
        ctx.errors.Add(errc::kType, defaults[0]->module->package->span,
                       "multiple default rules " + name + " found at " + locs);
        return;
      }
    }
    for (const auto& [k, c] : node.children) self(self, *c);
  };
  visit(visit, tree.root());

  // A package may not have the path of a rule with a ground ref in another package.
  for (Module* mod : ctx.modules) {
    for (Rule* rule : mod->rules) {
      if (!RefIsGround(rule)) continue;
      std::vector<Value> path = RulePath(rule);
      for (Module* other : ctx.modules) {
        if (other == mod) continue;
        const std::vector<Term*>& pp = other->package->path;
        if (pp.size() - 1 != path.size()) continue;
        bool same = true;
        for (size_t i = 1; i < pp.size() && same; ++i) same = pp[i]->value == path[i - 1];
        if (!same) continue;
        SourceLocation l = ctx.arena.sources().Locate(rule->span);
        std::string pkg(pp[1]->value.GetString());
        for (size_t i = 2; i < pp.size(); ++i) {
          std::string_view part = pp[i]->value.GetString();
          pkg += IsRefIdentifier(part) ? "." + std::string(part)
                                       : "[" + ValueToRegoString(pp[i]->value) + "]";
        }
        ctx.errors.Add(errc::kType, mod->package->span,
                       "package " + pkg + " conflicts with rule " +
                           RefToString(rule->head.ref) + " defined at " + l.file + ":" +
                           std::to_string(l.line));
      }
    }
  }
}

}  // namespace golden::rego::compile
