#pragma once

#include <cstdint>
#include <string_view>

namespace golden::rego {

/// Rego tokens, as OPA's scanner produces them (ast/internal/tokens).
enum class Tok : uint8_t {
  kIllegal,
  kEof,
  kWhitespace,
  kIdent,
  kComment,
  // keywords
  kPackage,
  kImport,
  kAs,
  kDefault,
  kElse,
  kNot,
  kSome,
  kWith,
  kNull,
  kTrue,
  kFalse,
  // literals
  kNumber,
  kString,
  kTemplatePart,     ///< $"...{   (a template string up to an expression)
  kTemplateEnd,      ///< ..."     (the last piece of a template string)
  kRawTemplatePart,  ///< $`...{
  kRawTemplateEnd,   ///< ...`
  // punctuation
  kLBrack,
  kRBrack,
  kLBrace,
  kRBrace,
  kLParen,
  kRParen,
  kComma,
  kColon,
  // operators
  kAdd,
  kSub,
  kMul,
  kQuo,
  kRem,
  kAnd,
  kOr,
  kUnify,
  kEqual,
  kAssign,
  kIn,
  kNeq,
  kGt,
  kLt,
  kGte,
  kLte,
  kDot,
  kSemicolon,
  // future keywords (keywords in Rego v1, imported in v0)
  kEvery,
  kContains,
  kIf,
};

/// OPA's name for a token, used in messages ("unexpected eq token"): "identifier", "eq",
/// "assign", "[", ...
std::string_view TokenName(Tok t);

/// True for the keywords of every Rego version (package, import, not, ...).
bool IsBaseKeyword(Tok t);

}  // namespace golden::rego
