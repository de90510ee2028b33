#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rego/syntax/token.h"

namespace golden::rego {

/// The keywords that Rego v0 modules import from future.keywords (all on in Rego v1).
enum FutureKeyword : uint8_t {
  kKwIn = 1 << 0,
  kKwEvery = 1 << 1,
  kKwContains = 1 << 2,
  kKwIf = 1 << 3,
  kAllFutureKeywords = kKwIn | kKwEvery | kKwContains | kKwIf,
};

/// One scanned token.
struct Token {
  Tok tok = Tok::kIllegal;
  uint32_t begin = 0;  ///< byte offset of the first byte
  uint32_t end = 0;    ///< byte offset past the token
  /// The token text (for strings: with quotes; for template parts: the piece with its
  /// delimiters). Points into the source unless escapes had to be removed.
  std::string_view lit;
  std::string owned;  ///< backing store for `lit` when it is not a source slice
  /// Scanner errors for this token (the parser reports them at the token).
  std::vector<std::string> errors;

  Token() = default;
  Token(const Token& o) { *this = o; }
  Token(Token&& o) noexcept { *this = std::move(o); }
  Token& operator=(const Token& o) {
    if (this != &o) {
      Assign(o);
      owned = o.owned;
      errors = o.errors;
      Repoint(o);
    }
    return *this;
  }
  Token& operator=(Token&& o) noexcept {
    if (this != &o) {
      Assign(o);
      bool own = o.OwnsLit();
      owned = std::move(o.owned);
      errors = std::move(o.errors);
      if (own) lit = owned;
    }
    return *this;
  }

 private:
  bool OwnsLit() const { return !owned.empty() && lit.data() == owned.data(); }
  void Assign(const Token& o) {
    tok = o.tok;
    begin = o.begin;
    end = o.end;
    lit = o.lit;
  }
  void Repoint(const Token& o) {
    if (o.OwnsLit()) lit = owned;
  }
};

/// The Rego scanner (a port of OPA's ast/internal/scanner). Its whole state is a small
/// copyable value, so the parser can save and restore positions for backtracking.
class Lexer {
 public:
  explicit Lexer(std::string_view text);

  /// Scans the next token. With `template_continue`, continues a template string after the
  /// `}` of an expression (raw: a backquoted template).
  Token Scan(bool template_continue = false, bool raw_template = false);

  /// Enables future keywords (imports of future.keywords / rego.v1, or Rego v1).
  void AddKeywords(uint8_t kws) {
    keywords_ |= kws;
    if (kws & kKwEvery) keywords_ |= kKwIn;  // importing 'every' also imports 'in'
  }
  void SetKeywords(uint8_t kws) { keywords_ = kws; }
  uint8_t keywords() const { return keywords_; }
  /// The token kind `word` scans as (keyword or identifier).
  Tok KeywordOrIdent(std::string_view word) const;

  std::string_view text() const { return text_; }

 private:
  void Next();
  void Error(const char* message) { errors_.emplace_back(message); }
  uint32_t LiteralStart() const { return offset_ - (width_ + 1); }
  void ScanIdentifier();
  void ScanNumber();
  void ScanString();
  void ScanRawString();
  Tok ScanTemplate(bool raw, Token* out);

  std::string_view text_;
  uint32_t offset_ = 0;  // offset of the byte after the current character
  int32_t curr_ = -1;    // current character (code point), -1 at the end
  uint32_t width_ = 0;   // width in bytes of the current character
  uint8_t keywords_ = 0;
  std::vector<std::string> errors_;  // errors found since the last token (usually none)
};

}  // namespace golden::rego
