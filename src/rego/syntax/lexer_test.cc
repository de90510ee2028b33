#include "rego/syntax/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace golden::rego {
namespace {

std::vector<std::string> Tokens(std::string_view text, uint8_t kws = kAllFutureKeywords) {
  Lexer lex(text);
  lex.SetKeywords(kws);
  std::vector<std::string> out;
  for (;;) {
    Token t = lex.Scan();
    if (t.tok == Tok::kEof) break;
    if (t.tok == Tok::kWhitespace) continue;
    std::string s(TokenName(t.tok));
    if (t.tok == Tok::kIdent || t.tok == Tok::kNumber || t.tok == Tok::kString ||
        t.tok == Tok::kComment) {
      s += "(" + std::string(t.lit) + ")";
    }
    for (const std::string& e : t.errors) s += "!" + e;
    out.push_back(s);
  }
  return out;
}

TEST(LexerTest, OperatorsAndKeywords) {
  EXPECT_EQ(Tokens("p := x if { x in y; a != b }"),
            (std::vector<std::string>{"identifier(p)", "assign", "identifier(x)", "if", "{",
                                       "identifier(x)", "in", "identifier(y)", ";",
                                       "identifier(a)", "neq", "identifier(b)", "}"}));
  // In v0 without imports, future keywords are identifiers.
  EXPECT_EQ(Tokens("if contains", 0),
            (std::vector<std::string>{"identifier(if)", "identifier(contains)"}));
}

TEST(LexerTest, NumbersStringsComments) {
  EXPECT_EQ(Tokens("1.5e3 \"a\\\"b\" `raw` # note"),
            (std::vector<std::string>{"number(1.5e3)", "string(\"a\\\"b\")", "string(`raw`)",
                                      "comment(# note)"}));
  EXPECT_EQ(Tokens("1."), (std::vector<std::string>{"number(1.)!expected fraction"}));
  EXPECT_EQ(Tokens("0a2"), (std::vector<std::string>{"number(0a2)!illegal number format"}));
  EXPECT_EQ(Tokens("\"abc"), (std::vector<std::string>{"string(\"abc)!non-terminated string"}));
  EXPECT_EQ(Tokens("!"), (std::vector<std::string>{"illegal!illegal ! character"}));
}

TEST(LexerTest, TemplateStrings) {
  Lexer lex("$\"a {x} \\{b\"");
  Token t = lex.Scan();
  EXPECT_EQ(t.tok, Tok::kTemplatePart);
  EXPECT_EQ(t.lit, "\"a {");
  t = lex.Scan();
  EXPECT_EQ(t.tok, Tok::kIdent);
  t = lex.Scan();
  EXPECT_EQ(t.tok, Tok::kRBrace);
  t = lex.Scan(/*template_continue=*/true);
  EXPECT_EQ(t.tok, Tok::kTemplateEnd);
  EXPECT_EQ(t.lit, "} {b\"");
}

}  // namespace
}  // namespace golden::rego
