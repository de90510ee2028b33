// Terms, expressions and bodies (OPA's parseTerm* / parseLiteral family).

#include <algorithm>
#include <cmath>

#include "base/strings.h"
#include "rego/syntax/parser_internal.h"
#include "value/json.h"

namespace golden::rego::internal {

namespace {

// Unescapes a JSON string literal (with its quotes). Returns false on a bad escape.
bool UnquoteJson(std::string_view lit, std::string* out) {
  Result<Value> v = ParseJson(lit);
  if (!v.ok() || !v->IsString()) return false;
  *out = std::string(v->GetString());
  return true;
}

bool IsMemberOp(const Term* op, bool with_key) {
  if (op == nullptr || !op->IsRef() || op->items.size() != 2) return false;
  const Term* h = op->items[0];
  const Term* n = op->items[1];
  return h->IsVar() && h->var == "internal" && n->IsString() &&
         n->value.GetString() == (with_key ? "member_3" : "member_2");
}

}  // namespace

bool Parser::Enter() {
  ++depth_;
  if (depth_ > options_.max_depth) {
    ErrorAt(TokSpan(), "max parsing recursion depth exceeded");
    --depth_;
    return false;
  }
  return true;
}

// ---- bodies ----

std::optional<Body> Parser::ParseBody(Tok end) {
  if (!Enter()) return std::nullopt;
  std::optional<Body> b = ParseQueryBody(false, end);
  Leave();
  return b;
}

std::optional<Body> Parser::ParseQueryBody(bool require_semi, Tok end) {
  Body body;
  if (tok() == end) {
    ErrorAt(TokSpan(), "found empty body");
    return std::nullopt;
  }
  for (;;) {
    Expr* expr = ParseLiteral();
    if (expr == nullptr) return std::nullopt;
    body.push_back(expr);
    if (tok() == Tok::kSemicolon) {
      Scan();
      continue;
    }
    if (tok() == end || require_semi) return body;
    if (!s_.skipped_nl) {
      // If there was already an error then don't pile this one on.
      if (s_.num_errors == errors_base_) {
        Illegal(std::string("expected \\n or ") + std::string(TokenName(Tok::kSemicolon)) +
                " or " + std::string(TokenName(end)));
      }
      return std::nullopt;
    }
  }
}

Expr* Parser::ParseLiteral() {
  uint32_t offset = s_.tok.begin;
  // A keyword followed by '.' or '[' starts a ref (`not.x`, `contains[0]`).
  if (IsAllowedRefKeyword(tok())) {
    ParserState saved = Save();
    ScanWS();
    Tok next = tok();
    Restore(saved);
    if (next == Tok::kDot || next == Tok::kLBrack) {
      s_.tok.tok = Tok::kIdent;
      Expr* e = ParseLiteralExpr(false);
      if (e) e->span = SpanFrom(offset);
      return e;
    }
  }
  bool negated = false;
  if (tok() == Tok::kNot) {
    ParserState saved = Save();
    ScanWS();
    Tok next = tok();
    Restore(saved);
    if (next != Tok::kDot && next != Tok::kLBrack) {
      Scan();
      negated = true;
    }
  }
  Expr* e = nullptr;
  switch (tok()) {
    case Tok::kSome:
      if (negated) {
        Illegal("illegal negation of 'some'");
        return nullptr;
      }
      e = ParseSome();
      break;
    case Tok::kEvery:
      if (negated) {
        Illegal("illegal negation of 'every'");
        return nullptr;
      }
      e = ParseEvery();
      break;
    default:
      e = ParseLiteralExpr(negated);
  }
  if (e) e->span = SpanFrom(offset);
  return e;
}

Expr* Parser::ParseLiteralExpr(bool negated) {
  Expr* expr = ParseExpr();
  if (expr == nullptr) return nullptr;
  expr->negated = negated;
  if (tok() == Tok::kWith) {
    if (!ParseWith(&expr->withs)) return nullptr;
  }
  return expr;
}

bool Parser::ParseWith(std::vector<With*>* out) {
  for (;;) {
    With* w = arena_.NewWith();
    uint32_t begin = s_.tok.begin;
    Scan();
    if (tok() != Tok::kIdent) {
      Illegal("expected ident");
      return false;
    }
    w->target = ParseTerm();
    if (w->target == nullptr) return false;
    if (!w->target->IsRef() && !w->target->IsVar()) Illegal("expected with target path");
    if (tok() != Tok::kAs) {
      Illegal("expected as keyword");
      return false;
    }
    Scan();
    w->value = ParseTermInfixCall();
    if (w->value == nullptr) return false;
    w->span = SpanFrom(begin);
    out->push_back(w);
    if (tok() != Tok::kWith) return true;
  }
}

Expr* Parser::ParseSome() {
  Expr* decl = arena_.NewExpr(ExprKind::kSome, TokSpan());
  // Try "some x in xs" / "some k, v in xs".
  ParserState saved = Save();
  Scan();
  if (Term* term = ParseTermInfixCall(); term != nullptr && term->kind == TermKind::kCall) {
    const Term* op = term->items[0];
    if (IsMemberOp(op, false)) {
      if (term->items.size() != 3) {
        Illegal("illegal domain");
        return nullptr;
      }
    } else if (IsMemberOp(op, true)) {
      if (term->items.size() != 4) {
        Illegal("illegal domain");
        return nullptr;
      }
    } else {
      Illegal("expected `x in xs` or `x, y in xs` expression");
      return nullptr;
    }
    decl->terms.push_back(term);
    if (tok() == Tok::kWith) {
      if (!ParseWith(&decl->withs)) return nullptr;
    }
    return decl;
  }
  Restore(saved);
  if (!(s_.lex.keywords() & kKwIn)) {
    // A v0 module without the `in` keyword: hint when `some x in xs` was meant.
    ParserState again = Save();
    Scan();
    uint8_t kws = s_.lex.keywords();
    s_.lex.SetKeywords(kAllFutureKeywords);
    Term* term = ParseTermInfixCall();
    bool hint = term != nullptr && term->kind == TermKind::kCall &&
                (IsMemberOp(term->items[0], false) || IsMemberOp(term->items[0], true));
    Restore(again);
    s_.lex.SetKeywords(kws);
    if (hint) Hint("`import future.keywords.in` for `some x in xs` expressions");
  }
  for (;;) {
    Scan();
    if (tok() != Tok::kIdent) {
      Illegal("expected var");
      return nullptr;
    }
    decl->terms.push_back(ParseVar());
    Scan();
    if (tok() != Tok::kComma) break;
  }
  return decl;
}

Expr* Parser::ParseEvery() {
  Expr* e = arena_.NewExpr(ExprKind::kEvery, TokSpan());
  Scan();
  Term* term = ParseTermInfixCall();
  if (term == nullptr) return nullptr;
  if (term->kind != TermKind::kCall) {
    Illegal("expected `x[, y] in xs { ... }` expression");
    return nullptr;
  }
  if (IsMemberOp(term->items[0], false)) {
    if (term->items.size() != 3) {
      Illegal("illegal domain");
      return nullptr;
    }
    e->value = term->items[1];
    e->domain = term->items[2];
  } else if (IsMemberOp(term->items[0], true)) {
    if (term->items.size() != 4) {
      Illegal("illegal domain");
      return nullptr;
    }
    e->key = term->items[1];
    e->value = term->items[2];
    e->domain = term->items[3];
    if (!e->key->IsVar()) {
      Illegal("expected key to be a variable");
      return nullptr;
    }
  } else {
    Illegal("expected `x[, y] in xs { ... }` expression");
    return nullptr;
  }
  if (!e->value->IsVar()) {
    Illegal("expected value to be a variable");
    return nullptr;
  }
  if (tok() == Tok::kLBrace) {
    Scan();
    std::optional<Body> body = ParseBody(Tok::kRBrace);
    if (!body) return nullptr;
    Scan();
    e->body = std::move(*body);
    if (tok() == Tok::kWith) {
      if (!ParseWith(&e->withs)) return nullptr;
    }
    return e;
  }
  Illegal("missing body");
  return nullptr;
}

Expr* Parser::ParseExpr() {
  uint32_t begin = s_.tok.begin;
  Term* lhs = ParseTermInfixCall();
  if (lhs == nullptr) return nullptr;
  if (Term* op = ParseTermOp({Tok::kAssign, Tok::kUnify}); op != nullptr) {
    Term* rhs = ParseTermInfixCall();
    if (rhs == nullptr) return nullptr;
    Expr* e = arena_.NewExpr(ExprKind::kCall, SpanFrom(begin));
    e->terms = {op, lhs, rhs};
    return e;
  }
  // A top-level call becomes a call expression (the evaluator never sees call terms).
  if (lhs->kind == TermKind::kCall) {
    Expr* e = arena_.NewExpr(ExprKind::kCall, SpanFrom(begin));
    e->terms = lhs->items;
    return e;
  }
  Expr* e = arena_.NewExpr(ExprKind::kTerm, SpanFrom(begin));
  e->terms = {lhs};
  return e;
}

// ---- infix terms, by binding strength ----

Term* Parser::ParseTermInfixCall() {
  if (!Enter()) return nullptr;
  Term* t = ParseTermIn(nullptr, true, s_.tok.begin);
  Leave();
  return t;
}

Term* Parser::ParseTermInfixCallInList() {
  if (!Enter()) return nullptr;
  Term* t = ParseTermIn(nullptr, false, s_.tok.begin);
  Leave();
  return t;
}

Term* Parser::ParseMemberOp(bool with_key) {
  if (tok() != Tok::kIn) return nullptr;
  Span span = TokSpan();
  Term* op = arena_.NewRef({arena_.NewVar("internal", span),
                            arena_.NewScalar(Value::String(with_key ? "member_3" : "member_2"),
                                             span)},
                           span);
  Scan();
  return op;
}

Term* Parser::ParseTermIn(Term* lhs, bool key_val, uint32_t offset) {
  if (!Enter()) return nullptr;
  struct LeaveGuard {
    Parser* p;
    ~LeaveGuard() { p->Leave(); }
  } guard{this};
  if (lhs == nullptr) lhs = ParseTermRelation(nullptr, offset);
  if (lhs == nullptr) return nullptr;
  if (key_val && tok() == Tok::kComma) {  // `key, val in rhs`
    ParserState saved = Save();
    Scan();
    if (Term* mhs = ParseTermRelation(nullptr, offset); mhs != nullptr) {
      if (Term* op = ParseMemberOp(true); op != nullptr) {
        if (Term* rhs = ParseTermRelation(nullptr, s_.tok.begin); rhs != nullptr) {
          Term* call = arena_.NewTerm(TermKind::kCall, SpanFrom(offset));
          call->items = {op, lhs, mhs, rhs};
          if (tok() == Tok::kIn) return ParseTermIn(call, key_val, offset);
          return call;
        }
      }
    }
    Restore(saved);
  }
  ScanAheadRef();
  if (Term* op = ParseMemberOp(false); op != nullptr) {
    if (Term* rhs = ParseTermRelation(nullptr, s_.tok.begin); rhs != nullptr) {
      Term* call = arena_.NewTerm(TermKind::kCall, SpanFrom(offset));
      call->items = {op, lhs, rhs};
      if (tok() == Tok::kIn) return ParseTermIn(call, key_val, offset);
      return call;
    }
  }
  return lhs;
}

namespace {

bool IsOneOf(Tok t, std::initializer_list<Tok> ops) {
  return std::find(ops.begin(), ops.end(), t) != ops.end();
}

}  // namespace

Term* Parser::ParseTermOp(std::initializer_list<Tok> ops) {
  if (!IsOneOf(tok(), ops)) return nullptr;
  Span span = TokSpan();
  Term* op = arena_.NewRef({arena_.NewVar(TokenName(tok()), span)}, span);
  Scan();
  return op;
}

// One level of left-associative binary operators: lhs (op rhs)*, rhs parsed by `next`.
template <typename Next>
Term* BinaryLevel(Parser* p, Term* lhs, uint32_t offset, std::initializer_list<Tok> ops,
                  Next next) {
  if (!p->Enter()) return nullptr;
  if (lhs == nullptr) lhs = next(offset);
  while (lhs != nullptr) {
    Term* op = p->ParseTermOp(ops);
    if (op == nullptr) break;
    Term* rhs = next(p->s_.tok.begin);
    if (rhs == nullptr) break;
    Term* call = p->arena_.NewTerm(TermKind::kCall, p->SpanFrom(offset));
    call->items = {op, lhs, rhs};
    lhs = call;
    if (!IsOneOf(p->tok(), ops)) break;
  }
  p->Leave();
  return lhs;
}

Term* Parser::ParseTermRelation(Term* lhs, uint32_t offset) {
  return BinaryLevel(this, lhs, offset,
                     {Tok::kEqual, Tok::kNeq, Tok::kLt, Tok::kGt, Tok::kLte, Tok::kGte},
                     [this](uint32_t off) { return ParseTermOr(nullptr, off); });
}

Term* Parser::ParseTermOr(Term* lhs, uint32_t offset) {
  return BinaryLevel(this, lhs, offset, {Tok::kOr},
                     [this](uint32_t off) { return ParseTermAnd(nullptr, off); });
}

Term* Parser::ParseTermAnd(Term* lhs, uint32_t offset) {
  return BinaryLevel(this, lhs, offset, {Tok::kAnd},
                     [this](uint32_t off) { return ParseTermArith(nullptr, off); });
}

Term* Parser::ParseTermArith(Term* lhs, uint32_t offset) {
  return BinaryLevel(this, lhs, offset, {Tok::kAdd, Tok::kSub},
                     [this](uint32_t off) { return ParseTermFactor(nullptr, off); });
}

Term* Parser::ParseTermFactor(Term* lhs, uint32_t offset) {
  return BinaryLevel(this, lhs, offset, {Tok::kMul, Tok::kQuo, Tok::kRem},
                     [this](uint32_t) { return ParseTerm(); });
}

// ---- single terms ----

Term* Parser::ParseTerm() {
  if (!Enter()) return nullptr;
  struct LeaveGuard {
    Parser* p;
    ~LeaveGuard() { p->Leave(); }
  } guard{this};
  uint32_t start = s_.tok.begin;
  if (auto it = term_cache_.find(start); it != term_cache_.end() &&
                                        it->second.post.lex.keywords() == s_.lex.keywords()) {
    size_t num_errors = s_.num_errors;
    size_t num_comments = s_.num_comments;
    s_ = it->second.post;
    s_.num_errors = num_errors;
    comments_.resize(num_comments);
    comments_.insert(comments_.end(), it->second.comments.begin(), it->second.comments.end());
    s_.num_comments = comments_.size();
    return it->second.term;
  }
  size_t errors_before = s_.num_errors;
  size_t comments_before = s_.num_comments;
  Term* term = nullptr;
  switch (tok()) {
    case Tok::kNull:
      term = arena_.NewScalar(Value::Null(), TokSpan());
      break;
    case Tok::kTrue:
      term = arena_.NewScalar(Value::Bool(true), TokSpan());
      break;
    case Tok::kFalse:
      term = arena_.NewScalar(Value::Bool(false), TokSpan());
      break;
    case Tok::kSub:
    case Tok::kDot:
    case Tok::kNumber:
      term = ParseNumber();
      break;
    case Tok::kString:
      term = ParseString();
      break;
    case Tok::kTemplatePart:
    case Tok::kTemplateEnd:
      term = ParseTemplateString(false);
      break;
    case Tok::kRawTemplatePart:
    case Tok::kRawTemplateEnd:
      term = ParseTemplateString(true);
      break;
    case Tok::kIdent:
    case Tok::kContains:  // `contains` is an ordinary name outside rule heads
      term = ParseVar();
      break;
    case Tok::kLBrack:
      term = ParseArray();
      break;
    case Tok::kLBrace:
      term = ParseSetOrObject();
      break;
    case Tok::kLParen: {
      Scan();
      if (Term* r = ParseTermInfixCall(); r != nullptr) {
        if (tok() == Tok::kRParen) {
          term = r;
        } else {
          ErrorAt(TokSpan(), "non-terminated expression");
        }
      }
      break;
    }
    default:
      IllegalToken();
  }
  term = ParseTermFinish(term, false);
  if (term != nullptr && s_.num_errors == errors_before) {
    CacheEntry& entry = term_cache_[start];
    entry.term = term;
    entry.post = s_;
    entry.comments.assign(comments_.begin() + static_cast<std::ptrdiff_t>(comments_before),
                          comments_.end());
  }
  return term;
}

Term* Parser::ParseTermFinish(Term* head, bool skip_ws) {
  if (head == nullptr) return nullptr;
  uint32_t offset = s_.tok.begin;
  DoScan(skip_ws, false, false);
  switch (tok()) {
    case Tok::kLParen:
    case Tok::kDot:
    case Tok::kLBrack:
      return ParseRef(head, offset);
    case Tok::kWhitespace:
      Scan();
      [[fallthrough]];
    default:
      if (head->IsVar() && (head->var == "data" || head->var == "input")) {
        return arena_.NewRef({head}, head->span);
      }
      return head;
  }
}

Term* Parser::ParseHeadFinish(Term* head, bool skip_ws) {
  if (head == nullptr) return nullptr;
  uint32_t offset = s_.tok.begin;
  ScanWS();
  switch (tok()) {
    case Tok::kAdd:
    case Tok::kSub:
    case Tok::kMul:
    case Tok::kQuo:
    case Tok::kRem:
    case Tok::kAnd:
    case Tok::kOr:
    case Tok::kEqual:
    case Tok::kNeq:
    case Tok::kGt:
    case Tok::kGte:
    case Tok::kLt:
    case Tok::kLte:
      IllegalToken();
      break;
    case Tok::kWhitespace:
      DoScan(skip_ws, false, false);
      break;
    default:
      break;
  }
  switch (tok()) {
    case Tok::kLParen:
    case Tok::kDot:
    case Tok::kLBrack:
      return ParseRef(head, offset);
    case Tok::kWhitespace:
      Scan();
      break;
    default:
      break;
  }
  if (head->IsVar() && (head->var == "data" || head->var == "input")) {
    return arena_.NewRef({head}, head->span);
  }
  return head;
}

Term* Parser::ParseNumber() {
  uint32_t begin = s_.tok.begin;
  std::string prefix;
  if (tok() == Tok::kSub) {
    prefix = "-";
    Scan();
    if (tok() != Tok::kNumber && tok() != Tok::kDot) {
      Illegal("expected number");
      return nullptr;
    }
  }
  if (tok() == Tok::kDot) {
    prefix += ".";
    Scan();
    if (tok() != Tok::kNumber) {
      Illegal("expected number");
      return nullptr;
    }
  }
  std::string_view l = lit();
  bool decimal_prefix = !prefix.empty() && prefix.back() == '.';
  if (!decimal_prefix && l.size() > 1 && l[0] == '0') {
    bool is_decimal = l[1] == '.';
    bool is_scientific = l.size() > 2 && (l[1] == 'e' || l[1] == 'E');
    if (!is_decimal && !is_scientific) {
      Illegal("expected number without leading zero");
      return nullptr;
    }
  }
  // OPA keeps the text as written; ".5" is written "0.5" so the value prints as JSON.
  std::string text = prefix;
  if (decimal_prefix) text.insert(text.size() - 1, "0");
  text += l;
  std::optional<Number> n = Number::Parse(text);
  if (!n) {
    Illegal("invalid float");
    return nullptr;
  }
  // Limit the binary exponent as OPA does (|exp| <= 1e5), so printing stays cheap.
  if (!n->IsSmallInt()) {
    size_t e = text.find_first_of("eE");
    int64_t exp10 = 0;
    size_t digits_end = e == std::string::npos ? text.size() : e;
    size_t dot = text.find('.');
    size_t int_digits = (dot == std::string::npos || dot > digits_end ? digits_end : dot) -
                        (text[0] == '-' ? 1 : 0);
    if (e != std::string::npos) {
      std::string_view ex(text.data() + e + 1, text.size() - e - 1);
      bool neg = !ex.empty() && ex[0] == '-';
      if (!ex.empty() && (ex[0] == '-' || ex[0] == '+')) ex.remove_prefix(1);
      for (char c : ex) {
        if (exp10 < 1'000'000'000) exp10 = exp10 * 10 + (c - '0');
      }
      if (neg) exp10 = -exp10;
    }
    double bin_exp = (static_cast<double>(exp10) + static_cast<double>(int_digits)) * 3.3219;
    if (n->ToDouble() != 0 && (bin_exp > 1e5 || bin_exp < -1e5)) {
      ErrorAt(TokSpan(), "number too big");
      return nullptr;
    }
  }
  return arena_.NewScalar(Value::Num(*n), Span{source_, begin, s_.tok.end});
}

Term* Parser::ParseString() {
  std::string_view l = lit();
  if (!l.empty() && l[0] == '"') {
    if (l.size() < 2) return nullptr;
    std::string_view inner = l.substr(1, l.size() - 2);
    if (inner.find('\\') == std::string_view::npos) {
      return arena_.NewScalar(Value::String(inner), TokSpan());
    }
    std::string s;
    if (!UnquoteJson(l, &s)) {
      ErrorAt(TokSpan(), "illegal string literal: " + std::string(l));
      return nullptr;
    }
    return arena_.NewScalar(Value::String(std::move(s)), TokSpan());
  }
  if (l.size() < 2) return nullptr;
  return arena_.NewScalar(Value::String(l.substr(1, l.size() - 2)), TokSpan());
}

Term* Parser::ParseTemplateString(bool raw) {
  Term* t = arena_.NewTerm(TermKind::kTemplate, TokSpan());
  t->multiline = raw;
  for (;;) {
    std::string_view l = lit();
    std::string text;
    if (l.size() >= 2) {
      std::string_view inner = l.substr(1, l.size() - 2);
      if (raw || inner.find('\\') == std::string_view::npos) {
        text = std::string(inner);
      } else {
        std::string quoted = "\"" + std::string(inner) + "\"";
        if (!UnquoteJson(quoted, &text)) {
          ErrorAt(TokSpan(), "illegal template-string part: " + std::string(l));
          return nullptr;
        }
      }
    }
    if (!text.empty()) {
      t->parts.push_back({arena_.NewScalar(Value::String(std::move(text)), TokSpan()), nullptr});
    }
    if (tok() == Tok::kTemplateEnd || tok() == Tok::kRawTemplateEnd) break;
    size_t comments_before = s_.num_comments;
    Scan();
    Expr* expr = ParseLiteral();
    if (expr == nullptr) {
      ErrorAt(TokSpan(), "invalid template-string expression");
      return nullptr;
    }
    if (expr->negated) {
      ErrorAt(expr->span, "unexpected negation ('not') in template-string expression");
      return nullptr;
    }
    if (expr->IsEquality()) {
      ErrorAt(expr->span, "unexpected unification ('=') in template-string expression");
      return nullptr;
    }
    if (expr->IsAssignment()) {
      ErrorAt(expr->span, "unexpected assignment (':=') in template-string expression");
      return nullptr;
    }
    if (expr->kind == ExprKind::kEvery) {
      ErrorAt(expr->span, "unexpected 'every' in template-string expression");
      return nullptr;
    }
    if (expr->kind == ExprKind::kSome) {
      ErrorAt(expr->span, "unexpected 'some' in template-string expression");
      return nullptr;
    }
    if (expr->kind == ExprKind::kTerm && expr->withs.empty() &&
        s_.num_comments == comments_before && expr->terms[0]->IsScalar()) {
      t->parts.push_back({expr->terms[0], nullptr});
    } else {
      t->parts.push_back({nullptr, expr});
    }
    if (tok() != Tok::kRBrace) {
      ErrorAt(TokSpan(), "expected } to end template string expression");
      return nullptr;
    }
    DoScan(false, true, raw);
  }
  t->span.end = s_.tok.end;
  return t;
}

Term* Parser::ParseCall(Term* op, uint32_t offset) {
  if (!Enter()) return nullptr;
  struct LeaveGuard {
    Parser* p;
    ~LeaveGuard() { p->Leave(); }
  } guard{this};
  Scan();  // over '('
  Span span{source_, op->span.begin, 0};
  (void)offset;
  if (tok() == Tok::kRParen) {
    span.end = s_.tok.end;
    ScanWS();
    if (op->IsRef() && op->items.size() == 1 && op->items[0]->IsVar() &&
        op->items[0]->var == "set") {
      return arena_.NewTerm(TermKind::kSet, span);
    }
    Term* call = arena_.NewTerm(TermKind::kCall, span);
    call->items = {op};
    return call;
  }
  std::vector<Term*> items{op};
  if (!ParseTermList(Tok::kRParen, &items)) return nullptr;
  span.end = s_.tok.end;
  ScanWS();
  Term* call = arena_.NewTerm(TermKind::kCall, span);
  call->items = std::move(items);
  return call;
}

Term* Parser::ParseRef(Term* head, uint32_t offset) {
  if (!Enter()) return nullptr;
  struct LeaveGuard {
    Parser* p;
    ~LeaveGuard() { p->Leave(); }
  } guard{this};
  switch (head->kind) {
    case TermKind::kVar:
    case TermKind::kArray:
    case TermKind::kObject:
    case TermKind::kSet:
    case TermKind::kArrayCompr:
    case TermKind::kObjectCompr:
    case TermKind::kSetCompr:
    case TermKind::kCall:
      break;
    default: {
      std::string name = head->IsScalar() ? std::string(head->value.TypeName())
                         : head->IsRef()  ? "ref"
                                          : "template-string";
      ErrorAt(head->span, "illegal ref (head cannot be " + name + ")");
    }
  }
  std::vector<Term*> ref{head};
  auto make_ref = [&] {
    return arena_.NewRef(ref, Span{source_, head->span.begin, s_.last_end});
  };
  for (;;) {
    switch (tok()) {
      case Tok::kDot: {
        ScanWS();
        if (tok() != Tok::kIdent && !IsAllowedRefKeyword(tok())) {
          Illegal("expected " + std::string(TokenName(Tok::kIdent)));
          return nullptr;
        }
        ref.push_back(arena_.NewScalar(Value::String(lit()), TokSpan()));
        ScanWS();
        break;
      }
      case Tok::kLParen: {
        Term* op = arena_.NewRef(ref, Span{source_, head->span.begin, s_.tok.begin});
        Term* term = ParseCall(op, offset);
        if (term != nullptr) {
          if (tok() == Tok::kWhitespace) {
            Scan();
            return term;
          }
          if (tok() == Tok::kDot || tok() == Tok::kLBrack) return ParseRef(term, offset);
        }
        return term;
      }
      case Tok::kLBrack: {
        Scan();
        Term* t = ParseTermInfixCall();
        if (t == nullptr) return nullptr;
        if (tok() != Tok::kRBrack) {
          Illegal("expected " + std::string(TokenName(Tok::kLBrack)));
          return nullptr;
        }
        ref.push_back(t);
        ScanWS();
        break;
      }
      case Tok::kWhitespace: {
        Term* r = make_ref();
        Scan();
        return r;
      }
      default:
        return make_ref();
    }
  }
}

Term* Parser::ParseArray() {
  if (!Enter()) return nullptr;
  struct LeaveGuard {
    Parser* p;
    ~LeaveGuard() { p->Leave(); }
  } guard{this};
  uint32_t begin = s_.tok.begin;
  auto finish = [&](Term* t) {
    if (t) t->span = Span{source_, begin, s_.tok.end};
    return t;
  };
  Scan();
  if (tok() == Tok::kRBrack) return finish(arena_.NewTerm(TermKind::kArray, {}));
  bool potential_comprehension = true;
  // Leading commas ([, x, y]) are accepted, as in OPA.
  if (tok() == Tok::kComma) {
    potential_comprehension = false;
    Scan();
  }
  ParserState saved = Save();
  // A single term first: [x | body] is a comprehension, not an array with an or-call.
  Term* head = ParseTerm();
  if (head == nullptr) return nullptr;
  switch (tok()) {
    case Tok::kRBrack: {
      Term* a = arena_.NewTerm(TermKind::kArray, {});
      a->items = {head};
      return finish(a);
    }
    case Tok::kComma: {
      Scan();
      std::vector<Term*> items{head};
      if (!ParseTermList(Tok::kRBrack, &items)) return nullptr;
      Term* a = arena_.NewTerm(TermKind::kArray, {});
      a->items = std::move(items);
      return finish(a);
    }
    case Tok::kOr:
      if (potential_comprehension) {
        Scan();
        if (std::optional<Body> body = ParseBody(Tok::kRBrack)) {
          Term* c = arena_.NewTerm(TermKind::kArrayCompr, {});
          c->term = head;
          c->body = std::move(*body);
          return finish(c);
        }
        if (tok() != Tok::kComma) return nullptr;
      }
      break;
    default:
      break;
  }
  Restore(saved);
  std::vector<Term*> items;
  if (!ParseTermList(Tok::kRBrack, &items)) return nullptr;
  Term* a = arena_.NewTerm(TermKind::kArray, {});
  a->items = std::move(items);
  return finish(a);
}

Term* Parser::ParseSetOrObject() {
  if (!Enter()) return nullptr;
  struct LeaveGuard {
    Parser* p;
    ~LeaveGuard() { p->Leave(); }
  } guard{this};
  uint32_t begin = s_.tok.begin;
  auto finish = [&](Term* t) {
    if (t) t->span = Span{source_, begin, s_.tok.end};
    return t;
  };
  Scan();
  if (tok() == Tok::kRBrace) return finish(arena_.NewTerm(TermKind::kObject, {}));
  bool potential_comprehension = true;
  if (tok() == Tok::kComma) {
    potential_comprehension = false;
    Scan();
  }
  ParserState saved = Save();
  // A single term first, so that {a | b} is a set comprehension rather than an or-call.
  Term* head = ParseTerm();
  if (head == nullptr) return nullptr;
  switch (tok()) {
    case Tok::kOr:
      if (potential_comprehension) return finish(ParseSet(saved, head, true));
      break;
    case Tok::kRBrace:
    case Tok::kComma:
      return finish(ParseSet(saved, head, potential_comprehension));
    case Tok::kColon:
      return finish(ParseObject(head, potential_comprehension));
    default:
      break;
  }
  Restore(saved);
  head = ParseTermInfixCallInList();
  if (head == nullptr) return nullptr;
  switch (tok()) {
    case Tok::kRBrace:
    case Tok::kComma:
      return finish(ParseSet(saved, head, false));
    case Tok::kColon:
      return finish(ParseObject(head, potential_comprehension));
    default:
      break;
  }
  Illegal("non-terminated set");
  return nullptr;
}

Term* Parser::ParseSet(const ParserState& saved, Term* head, bool potential_comprehension) {
  if (!Enter()) return nullptr;
  struct LeaveGuard {
    Parser* p;
    ~LeaveGuard() { p->Leave(); }
  } guard{this};
  switch (tok()) {
    case Tok::kRBrace: {
      Term* s = arena_.NewTerm(TermKind::kSet, {});
      s->items = {head};
      return s;
    }
    case Tok::kComma: {
      Scan();
      std::vector<Term*> items{head};
      if (!ParseTermList(Tok::kRBrace, &items)) return nullptr;
      Term* s = arena_.NewTerm(TermKind::kSet, {});
      s->items = std::move(items);
      return s;
    }
    case Tok::kOr: {
      if (potential_comprehension) {
        Scan();
        if (std::optional<Body> body = ParseBody(Tok::kRBrace)) {
          Term* c = arena_.NewTerm(TermKind::kSetCompr, {});
          c->term = head;
          c->body = std::move(*body);
          return c;
        }
        if (tok() != Tok::kComma) return nullptr;
      }
      Restore(saved);
      std::vector<Term*> items;
      if (!ParseTermList(Tok::kRBrace, &items)) return nullptr;
      Term* s = arena_.NewTerm(TermKind::kSet, {});
      s->items = std::move(items);
      return s;
    }
    default:
      return nullptr;
  }
}

Term* Parser::ParseObject(Term* key, bool potential_comprehension) {
  if (!Enter()) return nullptr;
  struct LeaveGuard {
    Parser* p;
    ~LeaveGuard() { p->Leave(); }
  } guard{this};
  Scan();  // over ':'
  ParserState saved = Save();
  // Try the value as a single term first, to see whether {k: v | body} is a comprehension.
  Term* v = ParseTerm();
  if (v == nullptr) return nullptr;
  bool potential_relation = true;
  if (potential_comprehension) {
    switch (tok()) {
      case Tok::kRBrace:
      case Tok::kComma:
        potential_relation = false;
        [[fallthrough]];
      case Tok::kOr:
        if (Term* t = ParseObjectFinish(key, v, true); t != nullptr) return t;
        break;
      default:
        break;
    }
  }
  Restore(saved);
  if (potential_relation) {
    v = ParseTermInfixCallInList();
    if (v == nullptr) return nullptr;
    if (tok() == Tok::kRBrace || tok() == Tok::kComma) return ParseObjectFinish(key, v, false);
  }
  Illegal("non-terminated object");
  return nullptr;
}

Term* Parser::ParseObjectFinish(Term* key, Term* val, bool potential_comprehension) {
  if (!Enter()) return nullptr;
  struct LeaveGuard {
    Parser* p;
    ~LeaveGuard() { p->Leave(); }
  } guard{this};
  switch (tok()) {
    case Tok::kRBrace: {
      Term* o = arena_.NewTerm(TermKind::kObject, {});
      o->pairs = {{key, val}};
      return o;
    }
    case Tok::kOr:
      if (potential_comprehension) {
        Scan();
        if (std::optional<Body> body = ParseBody(Tok::kRBrace)) {
          Term* c = arena_.NewTerm(TermKind::kObjectCompr, {});
          c->term = key;
          c->term_value = val;
          c->body = std::move(*body);
          return c;
        }
      } else {
        Illegal("non-terminated object");
      }
      return nullptr;
    case Tok::kComma: {
      Scan();
      std::vector<std::pair<Term*, Term*>> pairs{{key, val}};
      if (!ParseTermPairList(Tok::kRBrace, &pairs)) return nullptr;
      Term* o = arena_.NewTerm(TermKind::kObject, {});
      o->pairs = std::move(pairs);
      return o;
    }
    default:
      return nullptr;
  }
}

bool Parser::ParseTermList(Tok end, std::vector<Term*>* out) {
  if (tok() == end) return true;
  for (;;) {
    Term* term = ParseTermInfixCallInList();
    if (term == nullptr) return false;
    out->push_back(term);
    if (tok() == end) return true;
    if (tok() == Tok::kComma) {
      Scan();
      if (tok() == end) return true;
      continue;
    }
    Illegal("expected " + Quoted(TokenName(Tok::kComma)) + " or " + Quoted(TokenName(end)));
    return false;
  }
}

bool Parser::ParseTermPairList(Tok end, std::vector<std::pair<Term*, Term*>>* out) {
  if (tok() == end) return true;
  for (;;) {
    Term* key = ParseTermInfixCallInList();
    if (key == nullptr) return false;
    if (tok() != Tok::kColon) {
      Illegal("expected " + Quoted(TokenName(Tok::kColon)));
      return false;
    }
    Scan();
    Term* val = ParseTermInfixCallInList();
    if (val == nullptr) return false;
    out->push_back({key, val});
    if (tok() == end) return true;
    if (tok() == Tok::kComma) {
      Scan();
      if (tok() == end) return true;
      continue;
    }
    Illegal("expected " + Quoted(TokenName(Tok::kComma)) + " or " + Quoted(TokenName(end)));
    return false;
  }
}

Term* Parser::NewWildcard(Span span) {
  std::string name = "$" + std::to_string(s_.wildcard++);
  return arena_.NewVar(name, span);
}

Term* Parser::ParseVar() {
  if (lit() == "_") return NewWildcard(TokSpan());
  return arena_.NewVar(lit(), TokSpan());
}

Term* Parser::ParseSingleTerm() {
  Scan();
  Term* t = ParseTermInfixCall();
  if (t != nullptr && tok() != Tok::kEof) {
    IllegalToken();
    return nullptr;
  }
  return t;
}

}  // namespace golden::rego::internal
