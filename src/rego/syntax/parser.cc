// Statements, rules and modules (OPA's Parser.Parse, parseRules, parseModule).

#include "rego/syntax/parser.h"

#include <algorithm>

#include "rego/syntax/annotations.h"
#include "rego/syntax/parser_internal.h"

namespace golden::rego {

namespace internal {

namespace {

constexpr std::string_view kFutureKeywordNames[] = {"contains", "every", "if", "in"};

bool IsFutureKeywordName(std::string_view s) {
  return std::find(std::begin(kFutureKeywordNames), std::end(kFutureKeywordNames), s) !=
         std::end(kFutureKeywordNames);
}

uint8_t KeywordBit(std::string_view s) {
  if (s == "in") return kKwIn;
  if (s == "every") return kKwEvery;
  if (s == "contains") return kKwContains;
  if (s == "if") return kKwIf;
  return 0;
}

}  // namespace

std::string Quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

Parser::Parser(Arena& arena, uint32_t source, const ParseOptions& options, ErrorList* errors)
    : arena_(arena),
      source_(source),
      options_(options),
      errors_(errors),
      errors_base_(errors->size()),
      s_(arena.sources().Get(source).text()) {
  s_.num_errors = errors->size();
  if (options_.version == RegoVersion::kV1) s_.lex.SetKeywords(kAllFutureKeywords);
}

void Parser::DoScan(bool skip_ws, bool template_continue, bool raw_template) {
  // Whitespace never ends an AST node, so it does not move last_end.
  if (s_.tok.tok != Tok::kWhitespace) {
    s_.last_end = s_.tok_end;
    s_.skipped_nl = false;
  }
  bool first = true;
  for (;;) {
    Token t = s_.lex.Scan(first && template_continue, raw_template);
    first = false;
    s_.tok_end = t.end;
    std::vector<std::string> errs = std::move(t.errors);
    t.errors.clear();
    s_.tok = std::move(t);
    for (const std::string& e : errs) ErrorAt(TokSpan(), e);
    if (!errs.empty()) s_.tok.tok = Tok::kIllegal;
    if (s_.tok.tok == Tok::kWhitespace) {
      if (s_.tok.lit == "\n") s_.skipped_nl = true;
      if (skip_ws) continue;
    }
    if (s_.tok.tok != Tok::kComment) break;
    std::string_view text = s_.tok.lit.size() > 1 ? s_.tok.lit.substr(1) : std::string_view();
    comments_.push_back({TokSpan(), text});
    s_.num_comments = comments_.size();
  }
}

void Parser::Restore(const ParserState& s) {
  s_ = s;
  errors_->Truncate(s_.num_errors);
  comments_.resize(s_.num_comments);
}

void Parser::ErrorAt(Span span, std::string reason) {
  if (!s_.hints.empty()) {
    reason += s_.hints.size() == 1 ? " (hint: " : " (hints: ";
    for (size_t i = 0; i < s_.hints.size(); ++i) {
      if (i > 0) reason += ", ";
      reason += s_.hints[i];
    }
    reason += ')';
    s_.hints.clear();
  }
  // Recovery can reach the same dead end twice (an unterminated body at the end of a file):
  // the same message at the same place says nothing new.
  const std::vector<Error>& list = errors_->errors();
  const bool repeated = !list.empty() && list.back().span.source == span.source &&
                        list.back().span.begin == span.begin && list.back().message == reason;
  if (!repeated) errors_->AddShowingLine(errc::kParse, span, std::move(reason));
  s_.num_errors = errors_->size();
}

void Parser::Illegal(const std::string& note) {
  if (tok() == Tok::kIllegal) {
    ErrorAt(TokSpan(), "illegal token");
    return;
  }
  std::string_view name = TokenName(tok());
  std::string_view type =
      IsFutureKeywordName(name) || IsBaseKeyword(tok()) ? "keyword" : "token";
  std::string msg = "unexpected " + std::string(name) + " " + std::string(type);
  if (!note.empty()) msg += ": " + note;
  ErrorAt(TokSpan(), std::move(msg));
}

bool Parser::IsAllowedRefKeyword(Tok t) const {
  if (IsBaseKeyword(t)) return true;
  // Future keywords only scan as keywords when enabled, so any such token is allowed.
  return t == Tok::kIn || t == Tok::kEvery || t == Tok::kContains || t == Tok::kIf;
}

bool Parser::IsIdentOrAllowedRefKeyword() {
  if (tok() == Tok::kIdent) return true;
  if (IsAllowedRefKeyword(tok())) {
    s_.tok.tok = Tok::kIdent;
    return true;
  }
  return false;
}

bool Parser::ScanAheadRef() {
  if (!IsAllowedRefKeyword(tok())) return false;
  ParserState saved = Save();
  ScanWS();
  Tok next = tok();
  Restore(saved);
  if (next == Tok::kDot || next == Tok::kLBrack) {
    s_.tok.tok = Tok::kIdent;
    return true;
  }
  return false;
}

std::vector<Statement> Parser::ParseStatements(bool skip_rules) {
  std::vector<Statement> stmts;
  Scan();
  while (tok() != Tok::kEof) {
    ParserState saved = Save();
    if (Package* pkg = ParsePackage()) {
      stmts.push_back({Statement::Kind::kPackage, pkg, nullptr, nullptr, {}, pkg->span});
      continue;
    }
    if (failed()) break;
    Restore(saved);
    saved = Save();
    if (Import* imp = ParseImport()) {
      const Term* root = imp->path->items[0];
      if (root->var == "rego") RegoV1Import(imp);
      if (root->var == "future") FutureImport(imp);
      stmts.push_back({Statement::Kind::kImport, nullptr, imp, nullptr, {}, imp->span});
      continue;
    }
    if (failed()) break;
    Restore(saved);
    if (!skip_rules) {
      saved = Save();
      std::vector<Rule*> rules = ParseRules();
      if (!rules.empty()) {
        for (Rule* r : rules) {
          stmts.push_back({Statement::Kind::kRule, nullptr, nullptr, r, {}, r->span});
        }
        continue;
      }
      if (failed()) break;
      Restore(saved);
    }
    if (std::optional<Body> body = ParseQueryBody(true, Tok::kEof)) {
      Span span = body->empty() ? TokSpan() : (*body)[0]->span;
      stmts.push_back({Statement::Kind::kBody, nullptr, nullptr, nullptr, std::move(*body), span});
      continue;
    }
    break;
  }
  return stmts;
}

Package* Parser::ParsePackage() {
  if (tok() != Tok::kPackage) return nullptr;
  Package* pkg = arena_.NewPackage();
  uint32_t begin = s_.tok.begin;
  ScanWS();
  // `package` followed by '.' or '[' is a ref named package.
  if (tok() == Tok::kDot || tok() == Tok::kLBrack) return nullptr;
  if (tok() == Tok::kWhitespace) Scan();
  if (!IsIdentOrAllowedRefKeyword()) {
    IllegalToken();
    return nullptr;
  }
  Term* term = ParseTerm();
  if (term != nullptr) {
    if (term->IsVar()) {
      pkg->path = {arena_.NewVar("data", term->span),
                   arena_.NewScalar(Value::String(term->var), term->span)};
    } else if (term->IsRef()) {
      const Term* first = term->items[0];
      if (!first->IsVar()) {
        ErrorAt(first->span,
                "unexpected " + std::string(first->IsScalar() ? first->value.TypeName() : "ref") +
                    " token: expecting var");
        return nullptr;
      }
      pkg->path = {arena_.NewVar("data", first->span),
                   arena_.NewScalar(Value::String(first->var), first->span)};
      for (size_t i = 1; i < term->items.size(); ++i) {
        Term* x = term->items[i];
        if (!x->IsString()) {
          std::string name = x->IsVar()      ? "var"
                             : x->IsScalar() ? std::string(x->value.TypeName())
                                             : "term";
          ErrorAt(x->span, "unexpected " + name + " token: expecting string");
          return nullptr;
        }
        pkg->path.push_back(x);
      }
    } else {
      IllegalToken();
      return nullptr;
    }
  }
  if (pkg->path.empty()) {
    if (!failed()) ErrorAt(TokSpan(), "expected path");
    return nullptr;
  }
  pkg->span = SpanFrom(begin);
  return pkg;
}

Import* Parser::ParseImport() {
  if (tok() != Tok::kImport) return nullptr;
  Import* imp = arena_.NewImport();
  uint32_t begin = s_.tok.begin;
  ScanWS();
  if (tok() == Tok::kDot || tok() == Tok::kLBrack) return nullptr;
  if (tok() == Tok::kWhitespace) Scan();
  if (!IsIdentOrAllowedRefKeyword()) {
    IllegalToken();
    return nullptr;
  }
  // Parse the path without future keywords, so `import future.keywords.in` works even
  // when `in` is already a keyword.
  uint8_t kws = s_.lex.keywords();
  s_.lex.SetKeywords(0);
  Term* term = ParseTerm();
  s_.lex.SetKeywords(kws);
  if (term != nullptr) {
    if (term->IsVar()) {
      imp->path = arena_.NewRef({term}, term->span);
    } else if (term->IsRef()) {
      for (size_t i = 1; i < term->items.size(); ++i) {
        const Term* x = term->items[i];
        if (!x->IsString()) {
          std::string name = x->IsVar()      ? "var"
                             : x->IsScalar() ? std::string(x->value.TypeName())
                                             : "term";
          ErrorAt(x->span, "unexpected " + name + " token: expecting string");
          return nullptr;
        }
      }
      imp->path = term;
    }
  }
  if (imp->path == nullptr) {
    ErrorAt(TokSpan(), "expected path");
    return nullptr;
  }
  const Term* root = imp->path->items[0];
  if (!root->IsVar() || (root->var != "data" && root->var != "input" && root->var != "future" &&
                         root->var != "rego")) {
    Hint("if this is unexpected, try updating OPA");
    ErrorAt(imp->path->span,
            "unexpected import path, must begin with one of: {data, future, input, rego}, got: " +
                TermToString(root));
    return nullptr;
  }
  if (tok() == Tok::kAs) {
    Scan();
    if (tok() != Tok::kIdent) {
      Illegal("expected var");
      return nullptr;
    }
    if (Term* alias = ParseTerm(); alias != nullptr && alias->IsVar()) {
      imp->alias = alias->var;
      imp->span = SpanFrom(begin);
      return imp;
    }
    Illegal("expected var");
    return nullptr;
  }
  // Keywords may not end an import path, unless it is a future import.
  const std::vector<Term*>& r = imp->path->items;
  if (r.size() == 1) {
    if (IsKeywordIn(r[0]->var, options_.version)) {
      ErrorAt(r[0]->span, "unexpected import path, must not end with a keyword, got: " +
                              std::string(r[0]->var));
      Hint("import a different path or use an alias");
    }
  } else if (root->var != "future") {
    std::string_view name = r.back()->value.GetString();
    if (IsKeywordIn(name, options_.version)) {
      ErrorAt(r.back()->span,
              "unexpected import path, must not end with a keyword, got: " + std::string(name));
      Hint("import a different path or use an alias");
    }
  }
  imp->span = SpanFrom(begin);
  return imp;
}

void Parser::FutureImport(Import* imp) {
  const std::vector<Term*>& path = imp->path->items;
  if (path.size() == 1 || !path[1]->IsString() || path[1]->value.GetString() != "keywords") {
    ErrorAt(imp->path->span, "invalid import, must be `future.keywords`");
    return;
  }
  if (!imp->alias.empty()) {
    ErrorAt(imp->path->span, "`future` imports cannot be aliased");
    return;
  }
  uint8_t kws = kAllFutureKeywords;
  if (path.size() == 3) {
    if (!path[2]->IsString()) {
      ErrorAt(imp->path->span,
              "invalid import, must be `future.keywords.x`, e.g. `import future.keywords.in`");
      return;
    }
    kws = KeywordBit(path[2]->value.GetString());
    if (kws == 0) {
      ErrorAt(imp->path->span, "unexpected keyword, must be one of [contains every if in]");
      return;
    }
  }
  s_.lex.AddKeywords(kws);
}

void Parser::RegoV1Import(Import* imp) {
  const std::vector<Term*>& path = imp->path->items;
  if (path.size() != 2 || !path[1]->IsString() || path[1]->value.GetString() != "v1") {
    ErrorAt(imp->path->span,
            "invalid import `" + TermToString(imp->path) + "`, must be `rego.v1`");
    return;
  }
  if (options_.version == RegoVersion::kV1) return;  // a no-op in Rego v1
  if (!imp->alias.empty()) {
    ErrorAt(imp->path->span, "`rego` imports cannot be aliased");
    return;
  }
  s_.lex.AddKeywords(kAllFutureKeywords);
}

bool Parser::ParseHead(bool is_default, Head* head, bool* uses_contains) {
  uint32_t begin = s_.tok.begin;
  Term* term = ParseVar();
  Term* ref = ParseHeadFinish(term, true);
  if (ref == nullptr) {
    Illegal("expected rule head name");
    return false;
  }
  switch (ref->kind) {
    case TermKind::kVar:
      head->ref = {ref};
      break;
    case TermKind::kRef:
      head->ref = ref->items;
      break;
    case TermKind::kCall: {
      Term* op = ref->items[0];
      if (op->IsVar()) {
        head->ref = {op};
      } else if (op->IsRef()) {
        if (!op->items[0]->IsVar()) {
          Illegal("rule head ref " + TermToString(op) + " invalid");
          return false;
        }
        head->ref = op->items;
      }
      head->args.assign(ref->items.begin() + 1, ref->items.end());
      break;
    }
    default:
      return false;
  }
  std::string name = RefToString(head->ref);
  switch (tok()) {
    case Tok::kContains:
      if (!head->args.empty()) {
        Illegal(
            "the contains keyword can only be used with multi-value rule definitions (e.g., " +
            name + " contains <VALUE> { ... })");
      }
      Scan();
      head->key = ParseTermInfixCall();
      if (head->key == nullptr) {
        Illegal("expected rule key term (e.g., " + name + " contains <VALUE> { ... })");
      }
      *uses_contains = true;
      head->span = SpanFrom(begin);
      return true;
    case Tok::kUnify:
      Scan();
      head->value = ParseTermInfixCall();
      if (head->value == nullptr) {
        Illegal("expected rule value term (e.g., " + name + "[" +
                (head->key ? TermToString(head->key) : "<nil>") + "] = <VALUE> { ... })");
      }
      break;
    case Tok::kAssign:
      Scan();
      head->assign = true;
      head->value = ParseTermInfixCall();
      if (head->value == nullptr) {
        if (!head->args.empty()) {
          Illegal("expected function value term (e.g., " + name + "(...) := <VALUE> { ... })");
        } else if (head->key != nullptr) {
          Illegal("expected partial rule value term (e.g., " + name +
                  "[...] := <VALUE> { ... })");
        } else if (is_default) {
          Illegal("expected default rule value term (e.g., default " + name + " := <VALUE>)");
        } else {
          Illegal("expected rule value term (e.g., " + name + " := <VALUE> { ... })");
        }
      }
      break;
    default:
      break;
  }
  head->span = SpanFrom(begin);
  if (head->value == nullptr && head->key == nullptr) {
    if (head->ref.size() != 2 || !head->args.empty()) {
      head->generated_value = true;
      head->value = arena_.NewScalar(Value::Bool(true), head->span);
    }
  }
  return true;
}

bool Parser::ValidateDefaultRuleValue(Rule* rule) {
  if (rule->head.value == nullptr) {
    ErrorAt(rule->span, "illegal default rule (must have a value)");
    return false;
  }
  bool valid = true;
  auto visit = [&](auto&& self, const Term* t) -> void {
    switch (t->kind) {
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr:
      case TermKind::kObjectCompr:
        return;  // closures may contain anything
      case TermKind::kRef:
      case TermKind::kVar:
      case TermKind::kCall: {
        const char* name = t->IsRef() ? "ref" : t->IsVar() ? "var" : "call";
        ErrorAt(rule->span, std::string("illegal default rule (value cannot contain ") + name +
                                ")");
        valid = false;
        return;
      }
      default:
        for (const Term* x : t->items) self(self, x);
        for (const auto& [k, v] : t->pairs) {
          self(self, k);
          self(self, v);
        }
    }
  };
  visit(visit, rule->head.value);
  return valid;
}

bool Parser::ValidateDefaultRuleArgs(Rule* rule) {
  std::vector<std::string_view> seen;
  for (const Term* a : rule->head.args) {
    if (!a->IsVar()) {
      std::string name = a->IsScalar() ? std::string(a->value.TypeName()) : "composite";
      switch (a->kind) {
        case TermKind::kRef: name = "ref"; break;
        case TermKind::kArray: name = "array"; break;
        case TermKind::kObject: name = "object"; break;
        case TermKind::kSet: name = "set"; break;
        case TermKind::kCall: name = "call"; break;
        default: break;
      }
      ErrorAt(rule->span, "illegal default rule (arguments cannot contain " + name + ")");
      return false;
    }
    if (std::find(seen.begin(), seen.end(), a->var) != seen.end()) {
      ErrorAt(rule->span,
              "illegal default rule (arguments cannot be repeated " + std::string(a->var) + ")");
      return false;
    }
    seen.push_back(a->var);
  }
  return true;
}

std::vector<Rule*> Parser::ParseRules() {
  Rule* rule = arena_.NewRule();
  uint32_t begin = s_.tok.begin;
  ScanAheadRef();
  if (tok() == Tok::kDefault) {
    Scan();
    rule->is_default = true;
    ScanAheadRef();
  }
  if (tok() != Tok::kIdent) return {};
  bool uses_contains = false;
  if (!ParseHead(rule->is_default, &rule->head, &uses_contains)) return {};
  Head& head = rule->head;
  if (uses_contains) head.has_contains = true;
  auto true_body = [&](Span span) {
    Expr* e = arena_.NewExpr(ExprKind::kTerm, span);
    e->terms = {arena_.NewScalar(Value::Bool(true), span)};
    return Body{e};
  };

  if (rule->is_default) {
    rule->span = SpanFrom(begin);
    if (!ValidateDefaultRuleValue(rule)) return {};
    if (!head.args.empty() && !ValidateDefaultRuleArgs(rule)) return {};
    rule->body = true_body(rule->span);
    return {rule};
  }

  bool has_if = tok() == Tok::kIf;
  // p[x] if ...  is a single-value rule p[x] (value true unless given).
  if (has_if && !uses_contains && head.ref.size() == 2) {
    Term* v = head.ref[1];
    if ((!IsGround(v) || v->IsRef()) && head.args.empty()) head.key = head.ref[1];
    if (head.value == nullptr) {
      head.generated_value = true;
      head.value = arena_.NewScalar(Value::Bool(true), head.span);
    } else if (!head.ref[0]->IsVar()) {
      return {};
    }
  }
  // p[x] { ... } (no if) is the v0 partial set p.
  if (!has_if && !uses_contains && head.args.empty() && head.ref.size() == 2) {
    if (!head.ref[0]->IsVar()) return {};
    head.key = head.ref[1];
    if (head.value == nullptr) head.ref.resize(1);
  }

  if (has_if) {
    head.has_if = true;
    Scan();
    ParserState saved = Save();
    Expr* expr = ParseLiteral();
    // `p if { true }` is a body, not a set literal of one element.
    bool is_set_literal =
        expr != nullptr && expr->kind == ExprKind::kTerm && expr->terms[0]->kind == TermKind::kSet;
    if (expr != nullptr && !is_set_literal) {
      rule->body = {expr};
    } else {
      Restore(saved);
      Scan();
      std::optional<Body> body = ParseBody(Tok::kRBrace);
      if (!body) return {};
      rule->body = std::move(*body);
      Scan();
    }
  } else if (tok() == Tok::kLBrace) {
    Scan();
    std::optional<Body> body = ParseBody(Tok::kRBrace);
    if (!body) return {};
    rule->body = std::move(*body);
    Scan();
  } else if (uses_contains) {
    rule->body = true_body(head.span);
    rule->generated_body = true;
    rule->span = head.span;
    return {rule};
  } else {
    return {};
  }

  if (tok() == Tok::kElse && !ScanAheadRef()) {
    bool ground = true;
    for (size_t i = 1; i < head.ref.size(); ++i) ground = ground && IsGround(head.ref[i]);
    if (head.ref.size() > 1 && !ground) {
      ErrorAt(TokSpan(), "else keyword cannot be used on rules with variables in head");
      return {};
    }
    if (head.key != nullptr) {
      ErrorAt(TokSpan(), "else keyword cannot be used on multi-value rules");
      return {};
    }
    rule->else_rule = ParseElse(head);
    if (rule->else_rule == nullptr) return {};
  }
  rule->span = SpanFrom(begin);

  std::vector<Rule*> rules{rule};
  while (tok() == Tok::kLBrace) {
    if (rule->else_rule != nullptr) {
      ErrorAt(TokSpan(), "expected else keyword");
      return {};
    }
    uint32_t loc = s_.tok.begin;
    Scan();
    std::optional<Body> body = ParseBody(Tok::kRBrace);
    if (!body) return {};
    Scan();
    // Chained bodies keep the first rule's head, located at their own body.
    Rule* next = arena_.NewRule();
    next->span = SpanFrom(loc);
    next->body = std::move(*body);
    next->head = rule->head;
    next->head.ref.clear();
    for (const Term* t : rule->head.ref) next->head.ref.push_back(arena_.Copy(t));
    next->head.args.clear();
    for (const Term* a : rule->head.args) {
      Term* c = arena_.Copy(a);
      if (c->IsVar() && IsWildcard(c->var)) c = NewWildcard(c->span);
      next->head.args.push_back(c);
    }
    next->head.key = arena_.Copy(rule->head.key);
    next->head.value = arena_.Copy(rule->head.value);
    next->head.span = next->span;
    rules.push_back(next);
  }
  return rules;
}

Rule* Parser::ParseElse(const Head& head) {
  Rule* rule = arena_.NewRule();
  uint32_t begin = s_.tok.begin;
  rule->head = head;
  rule->head.ref.clear();
  for (const Term* t : head.ref) rule->head.ref.push_back(arena_.Copy(t));
  rule->head.args.clear();
  for (const Term* a : head.args) {
    Term* c = arena_.Copy(a);
    if (c->IsVar() && IsWildcard(c->var)) c = NewWildcard(c->span);
    rule->head.args.push_back(c);
  }
  rule->head.key = arena_.Copy(head.key);
  rule->head.value = arena_.Copy(head.value);
  rule->head.generated_value = false;
  rule->head.has_if = false;
  rule->head.has_contains = false;
  rule->head.span = TokSpan();
  Scan();
  switch (tok()) {
    case Tok::kLBrace:
    case Tok::kIf:
      rule->head.generated_value = true;
      rule->head.value = arena_.NewScalar(Value::Bool(true), rule->head.span);
      break;
    case Tok::kAssign:
    case Tok::kUnify:
      rule->head.assign = tok() == Tok::kAssign;
      Scan();
      rule->head.value = ParseTermInfixCall();
      if (rule->head.value == nullptr) return nullptr;
      break;
    default:
      Illegal("expected else value term or rule body");
      return nullptr;
  }
  bool has_if = tok() == Tok::kIf;
  bool has_brace = tok() == Tok::kLBrace;
  if (!has_if && !has_brace) {
    rule->span = SpanFrom(begin);
    Expr* e = arena_.NewExpr(ExprKind::kTerm, rule->span);
    e->terms = {arena_.NewScalar(Value::Bool(true), rule->span)};
    rule->body = {e};
    rule->generated_body = true;
    return rule;
  }
  if (has_if) {
    rule->head.has_if = true;
    Scan();
  }
  if (tok() == Tok::kLBrace) {
    Scan();
    std::optional<Body> body = ParseBody(Tok::kRBrace);
    if (!body) return nullptr;
    rule->body = std::move(*body);
    Scan();
  } else if (tok() != Tok::kEof) {
    Expr* e = ParseLiteral();
    if (e == nullptr) return nullptr;
    rule->body = {e};
  } else {
    Illegal("rule body expected");
    return nullptr;
  }
  rule->span = SpanFrom(begin);
  if (tok() == Tok::kElse) {
    rule->else_rule = ParseElse(head);
    if (rule->else_rule == nullptr) return nullptr;
  }
  return rule;
}

}  // namespace internal

namespace {

using internal::Parser;
using internal::Statement;

std::string TermTypeName(const Term* t) {
  switch (t->kind) {
    case TermKind::kScalar: return std::string(t->value.TypeName());
    case TermKind::kVar: return "var";
    case TermKind::kRef: return "ref";
    case TermKind::kArray: return "array";
    case TermKind::kObject: return "object";
    case TermKind::kSet: return "set";
    case TermKind::kArrayCompr: return "arraycomprehension";
    case TermKind::kSetCompr: return "setcomprehension";
    case TermKind::kObjectCompr: return "objectcomprehension";
    case TermKind::kCall: return "call";
    case TermKind::kTemplate: return "templatestring";
  }
  return "term";
}

Body TrueBody(Arena& arena, Span span) {
  Expr* e = arena.NewExpr(ExprKind::kTerm, span);
  e->terms = {arena.NewScalar(Value::Bool(true), span)};
  return Body{e};
}

// OPA's ParseRuleFromExpr: a top-level expression that defines a rule (`p = 1`, `p[x]`,
// `f(x) = y`, `a.b.c`). Returns nullptr and sets *err otherwise.
Rule* RuleFromExpr(Arena& arena, Module* module, Expr* expr, const ParseOptions& options,
                   std::string* err) {
  if (!expr->withs.empty()) {
    *err = "expressions using with keyword cannot be used for rule head";
    return nullptr;
  }
  if (expr->negated) {
    *err = "negated expressions cannot be used for rule head";
    return nullptr;
  }
  if (expr->kind == ExprKind::kSome) {
    *err = "'some' declarations cannot be used for rule head";
    return nullptr;
  }
  Rule* rule = arena.NewRule();
  rule->module = module;
  rule->generated_body = true;
  rule->span = expr->span;
  rule->head.span = expr->span;
  if (expr->kind == ExprKind::kTerm) {
    Term* term = expr->terms[0];
    if (!term->IsRef()) {
      *err = TermTypeName(term) + " cannot be used for rule name";
      return nullptr;
    }
    if (!term->items[0]->IsVar()) {
      *err = "invalid rule head: " + TermToString(term);
      return nullptr;
    }
    if (term->items.size() > 2) {
      rule->head.ref = term->items;
      rule->head.value = arena.NewScalar(Value::Bool(true), term->span);
      rule->head.generated_value = true;
    } else if (term->items.size() == 2) {
      rule->head.ref = {term->items[0]};
      rule->head.key = term->items[1];
    } else {
      *err = "refs cannot be used for rule head";
      return nullptr;
    }
    rule->body = TrueBody(arena, term->span);
    return rule;
  }
  if (expr->kind != ExprKind::kCall) {
    *err = "expression cannot be used for rule head";
    return nullptr;
  }
  bool eq = expr->IsEquality();
  bool assign = expr->IsAssignment();
  if (eq || assign) {
    Term* lhs = expr->terms[1];
    Term* rhs = expr->terms[2];
    rule->head.assign = assign;
    rule->head.value = rhs;
    rule->body = TrueBody(arena, rhs->span);
    if (lhs->kind == TermKind::kCall) {  // f(x) = y
      Term* op = lhs->items[0];
      if (!op->IsRef()) {
        *err = TermTypeName(op) + "s cannot be used in function signature";
        return nullptr;
      }
      if (!op->items[0]->IsVar()) {
        *err = "invalid rule head: " + TermToString(op);
        return nullptr;
      }
      rule->head.ref = op->items;
      rule->head.args.assign(lhs->items.begin() + 1, lhs->items.end());
      return rule;
    }
    if (lhs->IsRef()) {  // p[k] = v, a.b.c = v
      if (!lhs->items[0]->IsVar()) {
        *err = "invalid rule head: " + TermToString(lhs);
        return nullptr;
      }
      rule->head.ref = lhs->items;
      if (lhs->items.size() == 2) rule->head.key = lhs->items[1];
      return rule;
    }
    if (lhs->IsVar()) {
      rule->head.ref = {lhs};
      return rule;
    }
    *err = TermTypeName(lhs) + " cannot be used for rule name";
    return nullptr;
  }
  std::string op = expr->OperatorName();
  if (options.is_builtin && options.is_builtin(op)) {
    *err = "rule name conflicts with built-in function";
    return nullptr;
  }
  if (expr->terms.size() <= 1) {
    *err = "rule argument list must take at least one argument";
    return nullptr;
  }
  Term* opterm = expr->terms[0];
  if (!opterm->IsRef() || !opterm->items[0]->IsVar()) {
    *err = "invalid rule head: " + TermToString(opterm);
    return nullptr;
  }
  rule->head.ref = opterm->items;
  rule->head.args.assign(expr->terms.begin() + 1, expr->terms.end());
  rule->head.value = arena.NewScalar(Value::Bool(true), opterm->span);
  rule->body = TrueBody(arena, opterm->span);
  return rule;
}

void CheckRegoV1Rule(const Rule* rule, ErrorList* errors) {
  const char* t = rule->IsFunction() ? "function" : "rule";
  const Head& h = rule->head;
  if (h.ref.size() < 2 && h.ref[0]->IsVar() && IsKeywordIn(h.ref[0]->var, RegoVersion::kV1)) {
    errors->Add(errc::kParse, rule->span,
                std::string(h.ref[0]->var) + " keyword cannot be used for rule name");
  }
  if (rule->generated_body && h.generated_value) {
    errors->Add(errc::kParse, rule->span,
                std::string(t) + " must have value assignment and/or body declaration");
  }
  if (!rule->body.empty() && !rule->generated_body && !h.has_if && !rule->is_default) {
    errors->Add(errc::kParse, rule->span,
                std::string("`if` keyword is required before ") + t + " body");
  }
  if (rule->Kind() == RuleKind::kMultiValue && !h.has_contains) {
    errors->Add(errc::kParse, rule->span,
                "`contains` keyword is required for partial set rules");
  }
}

void SetModule(Rule* rule, Module* module) {
  for (Rule* r = rule; r != nullptr; r = r->else_rule) r->module = module;
}

}  // namespace

bool IsKeywordIn(std::string_view name, RegoVersion version) {
  static constexpr std::string_view kBase[] = {"package", "import", "as",   "default",
                                               "else",    "not",    "some", "with",
                                               "null",    "true",   "false"};
  if (std::find(std::begin(kBase), std::end(kBase), name) != std::end(kBase)) return true;
  if (version == RegoVersion::kV1) {
    return name == "in" || name == "every" || name == "contains" || name == "if";
  }
  return false;
}

Module* ParseModule(Arena& arena, uint32_t source, const ParseOptions& options,
                    ErrorList* errors) {
  size_t base = errors->size();
  Parser p(arena, source, options, errors);
  std::vector<Statement> stmts = p.ParseStatements(false);
  if (errors->size() > base) return nullptr;
  if (stmts.empty()) {
    errors->Add(errc::kParse, Span{source, 0, 0}, "empty module");
    errors->errors().back().has_location = false;
    return nullptr;
  }
  Module* mod = arena.NewModule();
  mod->source = source;
  mod->comments = p.comments();
  mod->version = options.version;
  if (stmts[0].kind != Statement::Kind::kPackage) {
    errors->Add(errc::kParse, stmts[0].span, "package expected");
  } else {
    mod->package = stmts[0].package;
  }
  for (size_t i = 1; i < stmts.size(); ++i) {
    Statement& st = stmts[i];
    switch (st.kind) {
      case Statement::Kind::kImport: {
        mod->imports.push_back(st.import);
        const std::vector<Term*>& path = st.import->path->items;
        if (mod->version == RegoVersion::kV0 && path.size() == 2 && path[0]->var == "rego" &&
            path[1]->IsString() && path[1]->value.GetString() == "v1") {
          mod->version = RegoVersion::kV0CompatV1;
        }
        break;
      }
      case Statement::Kind::kRule:
        SetModule(st.rule, mod);
        mod->rules.push_back(st.rule);
        break;
      case Statement::Kind::kBody: {
        if (st.body.size() != 1) {
          errors->Add(errc::kParse, st.body[0]->span,
                      "multiple expressions cannot be used for rule head");
          break;
        }
        std::string err;
        Rule* rule = RuleFromExpr(arena, mod, st.body[0], options, &err);
        if (rule == nullptr) {
          errors->Add(errc::kParse, st.body[0]->span, err);
          break;
        }
        rule->module = mod;
        mod->rules.push_back(rule);
        st.kind = Statement::Kind::kRule;
        st.rule = rule;
        break;
      }
      case Statement::Kind::kPackage:
        errors->Add(errc::kParse, st.span, "unexpected package");
        break;
    }
  }
  if (mod->version != RegoVersion::kV0) {
    for (const Rule* rule : mod->rules) {
      for (const Rule* r = rule; r != nullptr; r = r->else_rule) CheckRegoV1Rule(r, errors);
    }
  }
  if (errors->size() > base) return nullptr;
  if (options.process_annotations) {
    std::vector<AnnotationTarget> targets;
    for (const Statement& st : stmts) {
      if (st.kind == Statement::Kind::kPackage) targets.push_back({st.span, nullptr, st.package});
      if (st.kind == Statement::Kind::kRule) targets.push_back({st.span, st.rule, nullptr});
      if (st.kind == Statement::Kind::kImport) targets.push_back({st.span, nullptr, nullptr});
    }
    ParseAnnotations(arena, mod, targets, errors);
    if (errors->size() > base) return nullptr;
  }
  return mod;
}

std::optional<Body> ParseQuery(Arena& arena, uint32_t source, const ParseOptions& options,
                               ErrorList* errors) {
  size_t base = errors->size();
  Parser p(arena, source, options, errors);
  std::vector<Statement> stmts = p.ParseStatements(true);
  if (errors->size() > base) return std::nullopt;
  Body result;
  for (Statement& st : stmts) {
    if (st.kind != Statement::Kind::kBody) {
      errors->Add(errc::kParse, st.span, "expected body");
      return std::nullopt;
    }
    result.insert(result.end(), st.body.begin(), st.body.end());
  }
  if (result.empty()) {
    errors->Add(errc::kParse, Span{source, 0, 0}, "empty query");
    return std::nullopt;
  }
  return result;
}

Term* ParseTerm(Arena& arena, uint32_t source, const ParseOptions& options, ErrorList* errors) {
  size_t base = errors->size();
  Parser p(arena, source, options, errors);
  Term* t = p.ParseSingleTerm();
  if (errors->size() > base) return nullptr;
  return t;
}

}  // namespace golden::rego
