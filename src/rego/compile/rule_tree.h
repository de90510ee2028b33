#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rego/compile/context.h"

namespace golden::rego::compile {

/// A node of the tree of rules by path (OPA's RuleTree): data -> package parts -> the
/// ground prefix of each rule's head ref. Children are kept in OPA's value order.
struct RuleTreeNode {
  Value key;
  std::map<Value, std::unique_ptr<RuleTreeNode>> children;
  std::vector<Rule*> rules;  ///< rules whose ground prefix ends here, in module order
  bool hide = false;         ///< data.system (left out of full-extent evaluation)

  const RuleTreeNode* Child(const Value& k) const {
    auto it = children.find(k);
    return it == children.end() ? nullptr : it->second.get();
  }
  RuleTreeNode* Child(const Value& k) {
    auto it = children.find(k);
    return it == children.end() ? nullptr : it->second.get();
  }
  /// Every rule in this subtree (depth first, children in order).
  void CollectRules(std::vector<Rule*>* out) const;
};

/// The ground prefix of a rule's head ref as values (name first).
std::vector<Value> RuleGroundPrefix(const Rule* r);
/// A rule's full path: its package path (without `data`) then its ground prefix.
std::vector<Value> RulePath(const Rule* r);
/// The rule's head ref printed with its package (`data.pkg.p[x].q`).
std::string RuleRefString(const Rule* r);

/// The rule tree of a set of modules; the root's only child is "data".
class RuleTree {
 public:
  explicit RuleTree(const std::vector<Module*>& modules);
  const RuleTreeNode& root() const { return root_; }
  /// The node for `data.<path>`, or null.
  const RuleTreeNode* Find(const std::vector<Value>& path) const;
  /// Rules exactly at `data.<path>`.
  std::vector<Rule*> RulesAt(const std::vector<Value>& path) const;

 private:
  RuleTreeNode root_;
};

/// Values of a ref's items, when all are strings (after `data`); nullopt otherwise.
std::optional<std::vector<Value>> StringPath(const Term* ref, size_t skip = 1);

/// OPA's checkRuleConflicts: mixed rule kinds, arities, several defaults, single-value
/// rules with rules inside their extent, packages that clash with rules (rego_type_error).
void CheckRuleConflicts(Context& ctx, const RuleTree& tree);

}  // namespace golden::rego::compile
