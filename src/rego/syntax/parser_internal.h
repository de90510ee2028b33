#pragma once

// Internal: the recursive-descent parser shared by parser.cc (statements, rules, modules)
// and parser_terms.cc (terms and expressions). It follows OPA's ast/parser.go closely,
// including its backtracking, so that programs parse (and fail) as they do in OPA.

#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "rego/syntax/ast.h"
#include "rego/syntax/diag.h"
#include "rego/syntax/lexer.h"
#include "rego/syntax/parser.h"

namespace golden::rego::internal {

/// Everything the parser restores when it backtracks.
struct ParserState {
  Lexer lex;
  Token tok;
  size_t num_errors = 0;
  size_t num_comments = 0;
  std::vector<std::string> hints;
  uint32_t last_end = 0;  ///< end of the last non-whitespace token
  uint32_t tok_end = 0;   ///< end of the current token
  int wildcard = 0;       ///< next `_` number
  bool skipped_nl = false;

  explicit ParserState(std::string_view text) : lex(text) {}
};

/// A top-level statement.
struct Statement {
  enum class Kind { kPackage, kImport, kRule, kBody } kind;
  Package* package = nullptr;
  Import* import = nullptr;
  Rule* rule = nullptr;
  Body body;
  Span span;
};

class Parser {
 public:
  Parser(Arena& arena, uint32_t source, const ParseOptions& options, ErrorList* errors);

  /// Parses every statement (OPA's Parser.Parse).
  std::vector<Statement> ParseStatements(bool skip_rules);
  /// The comments seen so far.
  const std::vector<Comment>& comments() const { return comments_; }
  bool failed() const { return errors_->size() > errors_base_; }
  Term* ParseSingleTerm();

  // ---- statements (parser.cc) ----
  Package* ParsePackage();
  Import* ParseImport();
  std::vector<Rule*> ParseRules();
  Rule* ParseElse(const Head& head);
  bool ParseHead(bool is_default, Head* head, bool* uses_contains);
  void FutureImport(Import* imp);
  void RegoV1Import(Import* imp);
  bool ValidateDefaultRuleValue(Rule* rule);
  bool ValidateDefaultRuleArgs(Rule* rule);

  // ---- bodies and expressions (parser_terms.cc) ----
  std::optional<Body> ParseBody(Tok end);
  std::optional<Body> ParseQueryBody(bool require_semi, Tok end);
  Expr* ParseLiteral();
  Expr* ParseLiteralExpr(bool negated);
  bool ParseWith(std::vector<With*>* out);
  Expr* ParseSome();
  Expr* ParseEvery();
  Expr* ParseExpr();

  // ---- terms (parser_terms.cc) ----
  Term* ParseTermInfixCall();
  Term* ParseTermInfixCallInList();
  Term* ParseTermIn(Term* lhs, bool key_val, uint32_t offset);
  Term* ParseTermRelation(Term* lhs, uint32_t offset);
  Term* ParseTermOr(Term* lhs, uint32_t offset);
  Term* ParseTermAnd(Term* lhs, uint32_t offset);
  Term* ParseTermArith(Term* lhs, uint32_t offset);
  Term* ParseTermFactor(Term* lhs, uint32_t offset);
  Term* ParseTerm();
  Term* ParseTermFinish(Term* head, bool skip_ws);
  Term* ParseHeadFinish(Term* head, bool skip_ws);
  Term* ParseNumber();
  Term* ParseString();
  Term* ParseTemplateString(bool raw);
  Term* ParseCall(Term* op, uint32_t offset);
  Term* ParseRef(Term* head, uint32_t offset);
  Term* ParseArray();
  Term* ParseSetOrObject();
  Term* ParseSet(const ParserState& saved, Term* head, bool potential_comprehension);
  Term* ParseObject(Term* key, bool potential_comprehension);
  Term* ParseObjectFinish(Term* key, Term* val, bool potential_comprehension);
  bool ParseTermList(Tok end, std::vector<Term*>* out);
  bool ParseTermPairList(Tok end, std::vector<std::pair<Term*, Term*>>* out);
  Term* ParseTermOp(std::initializer_list<Tok> ops);
  Term* ParseMemberOp(bool with_key);
  Term* ParseVar();
  Term* NewWildcard(Span span);

  // ---- scanning and state ----
  void Scan() { DoScan(true, false, false); }
  void ScanWS() { DoScan(false, false, false); }
  void DoScan(bool skip_ws, bool template_continue, bool raw_template);
  ParserState Save() const { return s_; }
  void Restore(const ParserState& s);
  Tok tok() const { return s_.tok.tok; }
  std::string_view lit() const { return s_.tok.lit; }
  Span TokSpan() const { return Span{source_, s_.tok.begin, s_.tok.end}; }
  Span SpanFrom(uint32_t begin) const {
    return Span{source_, begin, std::max(begin, s_.last_end)};
  }
  bool Enter();
  void Leave() { --depth_; }
  bool IsAllowedRefKeyword(Tok t) const;
  bool IsIdentOrAllowedRefKeyword();
  bool ScanAheadRef();

  // ---- errors ----
  void ErrorAt(Span span, std::string reason);
  void Illegal(const std::string& note);
  void IllegalToken() { Illegal(""); }
  void Hint(std::string h) { s_.hints.push_back(std::move(h)); }

  Arena& arena_;
  uint32_t source_;
  ParseOptions options_;
  ErrorList* errors_;
  size_t errors_base_;
  ParserState s_;
  std::vector<Comment> comments_;
  int depth_ = 0;
  struct CacheEntry {
    Term* term = nullptr;
    ParserState post{std::string_view()};
    std::vector<Comment> comments;  ///< comments the term parse consumed
  };
  // parseTerm results by start offset, so backtracking over nested terms stays linear.
  std::unordered_map<uint32_t, CacheEntry> term_cache_;
};

/// Go's strconv.Quote-like rendering used in messages: `"x"`.
std::string Quoted(std::string_view s);

}  // namespace golden::rego::internal
