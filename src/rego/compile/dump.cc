#include "rego/compile/dump.h"

#include "rego/compile/rule_tree.h"

namespace golden::rego::compile {

std::string DumpRule(const Rule* r) {
  std::string out;
  if (r->is_default) out += "default ";
  out += RuleRefString(r);
  if (!r->head.args.empty()) {
    out += "(";
    for (size_t i = 0; i < r->head.args.size(); ++i) {
      if (i > 0) out += ", ";
      out += TermToString(r->head.args[i]);
    }
    out += ")";
  }
  if (r->head.key != nullptr && r->head.value == nullptr) {
    out += " contains " + TermToString(r->head.key);
  } else if (r->head.value != nullptr) {
    out += " = " + TermToString(r->head.value);
  }
  out += " {\n";
  for (const Expr* e : r->body) out += "  " + ExprToString(e) + "\n";
  out += "}";
  if (r->else_rule != nullptr) out += " else " + DumpRule(r->else_rule);
  return out;
}

std::string DumpModules(const std::vector<Module*>& modules) {
  std::string out;
  for (const Module* m : modules) {
    for (const Rule* r : m->rules) out += DumpRule(r) + "\n";
  }
  return out;
}

}  // namespace golden::rego::compile
