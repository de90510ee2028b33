#include "rego/syntax/ast.h"

#include <algorithm>

#include "rego/syntax/format.h"

namespace golden::rego {

namespace {

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }

void AppendTerm(std::string* out, const Term* t);

void AppendBody(std::string* out, const Body& b) {
  for (size_t i = 0; i < b.size(); ++i) {
    if (i > 0) *out += "; ";
    *out += ExprToString(b[i]);
  }
}

void AppendRef(std::string* out, const std::vector<Term*>& items) {
  if (items.empty()) return;
  AppendTerm(out, items[0]);
  for (size_t i = 1; i < items.size(); ++i) {
    const Term* x = items[i];
    if (x->IsString() && IsRefIdentifier(x->value.GetString())) {
      *out += '.';
      *out += x->value.GetString();
    } else {
      *out += '[';
      AppendTerm(out, x);
      *out += ']';
    }
  }
}

void AppendTerm(std::string* out, const Term* t) {
  switch (t->kind) {
    case TermKind::kScalar:
      *out += ValueToRegoString(t->value);
      return;
    case TermKind::kVar:
      *out += t->var;
      return;
    case TermKind::kRef:
      AppendRef(out, t->items);
      return;
    case TermKind::kArray:
    case TermKind::kSet: {
      if (t->kind == TermKind::kSet && t->items.empty()) {
        *out += "set()";
        return;
      }
      *out += t->kind == TermKind::kArray ? '[' : '{';
      for (size_t i = 0; i < t->items.size(); ++i) {
        if (i > 0) *out += ", ";
        AppendTerm(out, t->items[i]);
      }
      *out += t->kind == TermKind::kArray ? ']' : '}';
      return;
    }
    case TermKind::kObject:
      *out += '{';
      for (size_t i = 0; i < t->pairs.size(); ++i) {
        if (i > 0) *out += ", ";
        AppendTerm(out, t->pairs[i].first);
        *out += ": ";
        AppendTerm(out, t->pairs[i].second);
      }
      *out += '}';
      return;
    case TermKind::kArrayCompr:
      *out += '[';
      AppendTerm(out, t->term);
      *out += " | ";
      AppendBody(out, t->body);
      *out += ']';
      return;
    case TermKind::kSetCompr:
      *out += '{';
      AppendTerm(out, t->term);
      *out += " | ";
      AppendBody(out, t->body);
      *out += '}';
      return;
    case TermKind::kObjectCompr:
      *out += '{';
      AppendTerm(out, t->term);
      *out += ": ";
      AppendTerm(out, t->term_value);
      *out += " | ";
      AppendBody(out, t->body);
      *out += '}';
      return;
    case TermKind::kCall:
      if (!t->items.empty()) AppendTerm(out, t->items[0]);
      *out += '(';
      for (size_t i = 1; i < t->items.size(); ++i) {
        if (i > 1) *out += ", ";
        AppendTerm(out, t->items[i]);
      }
      *out += ')';
      return;
    case TermKind::kTemplate:
      *out += t->multiline ? "$`" : "$\"";
      for (const TemplatePart& p : t->parts) {
        if (p.expr) {
          *out += '{';
          *out += ExprToString(p.expr);
          *out += '}';
        } else if (p.term->IsString()) {
          *out += p.term->value.GetString();
        } else {
          *out += '{';
          AppendTerm(out, p.term);
          *out += '}';
        }
      }
      *out += t->multiline ? '`' : '"';
      return;
  }
}

struct VarCollector {
  const VarVisitParams& p;
  std::vector<std::string_view>* out;

  void Add(std::string_view v) {
    if (std::find(out->begin(), out->end(), v) == out->end()) out->push_back(v);
  }
  void Visit(const Term* t) {
    switch (t->kind) {
      case TermKind::kScalar:
        return;
      case TermKind::kVar:
        Add(t->var);
        return;
      case TermKind::kRef:
        for (size_t i = 0; i < t->items.size(); ++i) {
          if (i == 0 && p.skip_ref_head) {
            continue;
          }
          Visit(t->items[i]);
        }
        return;
      case TermKind::kArray:
        for (const Term* x : t->items) Visit(x);
        return;
      case TermKind::kSet:
        if (p.skip_sets) return;
        for (const Term* x : t->items) Visit(x);
        return;
      case TermKind::kObject:
        for (const auto& [k, v] : t->pairs) {
          if (!p.skip_object_keys) Visit(k);
          Visit(v);
        }
        return;
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
        if (p.skip_closures) return;
        Visit(t->term);
        VisitBody(t->body);
        return;
      case TermKind::kObjectCompr:
        if (p.skip_closures) return;
        Visit(t->term);
        Visit(t->term_value);
        VisitBody(t->body);
        return;
      case TermKind::kCall:
        for (size_t i = 0; i < t->items.size(); ++i) {
          if (i == 0 && p.skip_ref_call_head) {
            VisitOperator(t->items[0]);
            continue;
          }
          Visit(t->items[i]);
        }
        return;
      case TermKind::kTemplate:
        if (p.skip_closures) return;
        for (const TemplatePart& part : t->parts) {
          if (part.expr) VisitExpr(part.expr);
          if (part.term) Visit(part.term);
        }
        return;
    }
  }
  void VisitExpr(const Expr* e) {
    switch (e->kind) {
      case ExprKind::kTerm:
      case ExprKind::kSome:
        for (const Term* t : e->terms) Visit(t);
        break;
      case ExprKind::kCall:
        for (size_t i = 0; i < e->terms.size(); ++i) {
          if (i == 0 && p.skip_ref_call_head) {
            VisitOperator(e->terms[0]);
            continue;
          }
          Visit(e->terms[i]);
        }
        break;
      case ExprKind::kEvery:
        if (p.skip_closures) {
          Visit(e->domain);  // the body (and its key/value) is the closure
          break;
        }
        if (e->key) Visit(e->key);
        Visit(e->value);
        Visit(e->domain);
        VisitBody(e->body);
        break;
    }
    for (const With* w : e->withs) {
      if (p.skip_ref_call_head) {
        // OPA skips the head of the target and of a ref value.
        VisitOperator(w->target);
        if (w->value->IsRef()) {
          VisitOperator(w->value);
        } else {
          Visit(w->value);
        }
        continue;
      }
      Visit(w->target);
      Visit(w->value);
    }
  }
  void VisitBody(const Body& b) {
    for (const Expr* e : b) VisitExpr(e);
  }
  // A call operator with its head var skipped (data.pkg.f, count).
  void VisitOperator(const Term* op) {
    if (op->IsRef()) {
      for (size_t i = 1; i < op->items.size(); ++i) Visit(op->items[i]);
    }
  }
};

}  // namespace

std::string Expr::OperatorName() const {
  if (kind != ExprKind::kCall || terms.empty()) return {};
  const Term* op = terms[0];
  if (op->IsVar()) return std::string(op->var);
  if (!op->IsRef()) return {};
  std::string s;
  for (size_t i = 0; i < op->items.size(); ++i) {
    const Term* x = op->items[i];
    if (i > 0) s += '.';
    if (x->IsVar()) {
      s += x->var;
    } else if (x->IsString()) {
      s += x->value.GetString();
    } else {
      return RefToString(op->items);
    }
  }
  return s;
}

std::vector<Term*> Expr::Operands() const {
  if (kind != ExprKind::kCall || terms.empty()) return {};
  return std::vector<Term*>(terms.begin() + 1, terms.end());
}

bool Expr::IsEquality() const {
  return kind == ExprKind::kCall && terms.size() == 3 && OperatorName() == "eq";
}

bool Expr::IsAssignment() const {
  return kind == ExprKind::kCall && terms.size() == 3 && OperatorName() == "assign";
}

std::string_view Arena::Intern(std::string_view s) {
  auto it = strings_.emplace(s).first;
  return *it;
}

Term* Arena::Copy(const Term* t) {
  if (t == nullptr) return nullptr;
  Term* c = &terms_.emplace_back(*t);
  for (Term*& x : c->items) x = Copy(x);
  for (auto& [k, v] : c->pairs) {
    k = Copy(k);
    v = Copy(v);
  }
  c->term = Copy(t->term);
  c->term_value = Copy(t->term_value);
  c->body = Copy(t->body);
  for (TemplatePart& p : c->parts) {
    if (p.term) p.term = Copy(p.term);
    if (p.expr) p.expr = Copy(p.expr);
  }
  return c;
}

Expr* Arena::Copy(const Expr* e) {
  if (e == nullptr) return nullptr;
  Expr* c = &exprs_.emplace_back(*e);
  for (Term*& x : c->terms) x = Copy(x);
  c->key = Copy(e->key);
  c->value = Copy(e->value);
  c->domain = Copy(e->domain);
  c->body = Copy(e->body);
  for (With*& w : c->withs) {
    With* nw = NewWith();
    nw->span = w->span;
    nw->target = Copy(w->target);
    nw->value = Copy(w->value);
    w = nw;
  }
  return c;
}

Body Arena::Copy(const Body& b) {
  Body out;
  out.reserve(b.size());
  for (const Expr* e : b) out.push_back(Copy(e));
  return out;
}

std::string TermToString(const Term* t) {
  std::string out;
  AppendTerm(&out, t);
  return out;
}

std::string RefToString(const std::vector<Term*>& items) {
  std::string out;
  AppendRef(&out, items);
  return out;
}

std::string ExprToString(const Expr* e) {
  std::string out;
  if (e->negated) out += "not ";
  switch (e->kind) {
    case ExprKind::kTerm:
      AppendTerm(&out, e->terms[0]);
      break;
    case ExprKind::kCall: {
      std::string op = e->OperatorName();
      if (op == "eq" && e->terms.size() == 3) {
        AppendTerm(&out, e->terms[1]);
        out += " = ";
        AppendTerm(&out, e->terms[2]);
      } else if (op == "assign" && e->terms.size() == 3) {
        AppendTerm(&out, e->terms[1]);
        out += " := ";
        AppendTerm(&out, e->terms[2]);
      } else {
        AppendTerm(&out, e->terms[0]);
        out += '(';
        for (size_t i = 1; i < e->terms.size(); ++i) {
          if (i > 1) out += ", ";
          AppendTerm(&out, e->terms[i]);
        }
        out += ')';
      }
      break;
    }
    case ExprKind::kSome:
      out += "some ";
      for (size_t i = 0; i < e->terms.size(); ++i) {
        if (i > 0) out += ", ";
        AppendTerm(&out, e->terms[i]);
      }
      break;
    case ExprKind::kEvery:
      out += "every ";
      if (e->key) {
        AppendTerm(&out, e->key);
        out += ", ";
      }
      AppendTerm(&out, e->value);
      out += " in ";
      AppendTerm(&out, e->domain);
      out += " { ";
      AppendBody(&out, e->body);
      out += " }";
      break;
  }
  for (const With* w : e->withs) {
    out += " with ";
    AppendTerm(&out, w->target);
    out += " as ";
    AppendTerm(&out, w->value);
  }
  return out;
}

bool IsRefIdentifier(std::string_view s) {
  if (s.empty() || !IsIdentStart(s[0])) return false;
  for (char c : s) {
    if (!IsIdentChar(c)) return false;
  }
  // Keywords print in brackets, as OPA does.
  static constexpr std::string_view kKeywords[] = {
      "package", "import", "as",   "default", "else", "not",      "some", "with",
      "null",    "true",   "false", "in",     "every", "contains", "if"};
  return std::find(std::begin(kKeywords), std::end(kKeywords), s) == std::end(kKeywords);
}

void CollectVars(const Term* t, const VarVisitParams& p, std::vector<std::string_view>* out) {
  VarCollector{p, out}.Visit(t);
}

void CollectVars(const Expr* e, const VarVisitParams& p, std::vector<std::string_view>* out) {
  VarCollector{p, out}.VisitExpr(e);
}

void CollectVars(const Body& b, const VarVisitParams& p, std::vector<std::string_view>* out) {
  VarCollector{p, out}.VisitBody(b);
}

bool IsGround(const Term* t) {
  switch (t->kind) {
    case TermKind::kScalar:
      return true;
    case TermKind::kVar:
      return false;
    case TermKind::kRef:
      for (size_t i = 1; i < t->items.size(); ++i) {
        if (!IsGround(t->items[i])) return false;
      }
      return true;
    case TermKind::kArray:
    case TermKind::kSet:
    case TermKind::kCall:
      for (const Term* x : t->items) {
        if (!IsGround(x)) return false;
      }
      return true;
    case TermKind::kObject:
      for (const auto& [k, v] : t->pairs) {
        if (!IsGround(k) || !IsGround(v)) return false;
      }
      return true;
    case TermKind::kArrayCompr:
    case TermKind::kSetCompr:
    case TermKind::kObjectCompr:
    case TermKind::kTemplate: {
      std::vector<std::string_view> vars;
      CollectVars(t, {}, &vars);
      return vars.empty();
    }
  }
  return true;
}

bool IsConstant(const Term* t) {
  switch (t->kind) {
    case TermKind::kScalar:
      return true;
    case TermKind::kArray:
    case TermKind::kSet:
      for (const Term* x : t->items) {
        if (!IsConstant(x)) return false;
      }
      return true;
    case TermKind::kObject:
      for (const auto& [k, v] : t->pairs) {
        if (!IsConstant(k) || !IsConstant(v)) return false;
      }
      return true;
    default:
      return false;
  }
}

Value ConstantValue(const Term* t) {
  switch (t->kind) {
    case TermKind::kScalar:
      return t->value;
    case TermKind::kArray: {
      std::vector<Value> items;
      items.reserve(t->items.size());
      for (const Term* x : t->items) items.push_back(ConstantValue(x));
      return Value::Array(std::move(items));
    }
    case TermKind::kSet: {
      std::vector<Value> items;
      items.reserve(t->items.size());
      for (const Term* x : t->items) items.push_back(ConstantValue(x));
      return Value::Set(std::move(items));
    }
    case TermKind::kObject: {
      std::vector<Value::Entry> entries;
      entries.reserve(t->pairs.size());
      for (const auto& [k, v] : t->pairs) entries.push_back({ConstantValue(k), ConstantValue(v)});
      return Value::Object(std::move(entries));
    }
    default:
      return Value();
  }
}

bool IsGeneratedVar(std::string_view name) {
  return name.starts_with("__") || name.starts_with("$");
}

bool IsWildcard(std::string_view name) { return name.starts_with("$"); }

}  // namespace golden::rego
