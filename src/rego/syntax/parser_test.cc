#include "rego/syntax/parser.h"

#include <gtest/gtest.h>

#include <string>

namespace golden::rego {
namespace {

struct Parsed {
  Arena arena;
  Module* module = nullptr;
  ErrorList errors;
};

std::unique_ptr<Parsed> Parse(std::string text, RegoVersion v = RegoVersion::kV1) {
  auto p = std::make_unique<Parsed>();
  uint32_t id = p->arena.sources().Add("test.rego", std::move(text));
  ParseOptions opts;
  opts.version = v;
  p->module = ParseModule(p->arena, id, opts, &p->errors);
  return p;
}

std::string Errors(const Parsed& p) {
  std::string out;
  for (const Error& e : p.errors.errors()) {
    SourceLocation loc = p.arena.sources().Locate(e.span);
    out += std::to_string(loc.line) + ":" + std::to_string(loc.col) + ": " +
           std::string(e.code) + ": " + e.message + "\n";
  }
  return out;
}

TEST(ParserTest, RulesOfEveryShape) {
  auto p = Parse(R"(package a.b

import data.x as y
import rego.v1

default allow := false
allow if input.user == "admin"
deny contains msg if {
  some x in input.items
  msg := sprintf("%v", [x])
}
obj[k] := v if { some k, v in {"a": 1} }
f(x) := x + 1
q.r.s := 1
t := 1 if { false } else := 2
)");
  ASSERT_NE(p->module, nullptr) << Errors(*p);
  EXPECT_EQ(p->module->rules.size(), 7u);
  EXPECT_EQ(RefToString(p->module->package->path), "data.a.b");
  EXPECT_EQ(p->module->imports.size(), 2u);
  const Rule* deny = p->module->rules[2];
  EXPECT_EQ(deny->Kind(), RuleKind::kMultiValue);
  EXPECT_EQ(ExprToString(deny->body[0]), "some internal.member_2(x, input.items)");
  EXPECT_EQ(ExprToString(deny->body[1]), "msg := sprintf(\"%v\", [x])");
  const Rule* f = p->module->rules[4];
  EXPECT_EQ(f->head.args.size(), 1u);
  EXPECT_EQ(TermToString(f->head.value), "plus(x, 1)");
  EXPECT_NE(p->module->rules[6]->else_rule, nullptr);
}

TEST(ParserTest, OperatorPrecedence) {
  auto p = Parse("package t\np if { x := 1 + 2 * 3 == 7 | y & z }\n");
  ASSERT_NE(p->module, nullptr) << Errors(*p);
  EXPECT_EQ(ExprToString(p->module->rules[0]->body[0]),
            "x := equal(plus(1, mul(2, 3)), or(7, and(y, z)))");
}

TEST(ParserTest, Comprehensions) {
  auto p = Parse("package t\np := [x | x := [1,2][_]]\nq := {k: v | v := {\"a\": 1}[k]}\n"
                 "s := {x | x = 1}\n");
  ASSERT_NE(p->module, nullptr) << Errors(*p);
  EXPECT_EQ(TermToString(p->module->rules[0]->head.value), "[x | x := [1, 2][$0]]");
  EXPECT_EQ(TermToString(p->module->rules[1]->head.value), "{k: v | v := {\"a\": 1}[k]}");
  EXPECT_EQ(TermToString(p->module->rules[2]->head.value), "{x | x = 1}");
}

TEST(ParserTest, V0RulesNeedV0) {
  auto v0 = Parse("package t\ndeny[msg] { msg := \"x\" }\n", RegoVersion::kV0);
  ASSERT_NE(v0->module, nullptr) << Errors(*v0);
  EXPECT_EQ(v0->module->rules[0]->Kind(), RuleKind::kMultiValue);
  auto v1 = Parse("package t\ndeny[msg] { msg := \"x\" }\n");
  EXPECT_EQ(v1->module, nullptr);
  EXPECT_EQ(Errors(*v1),
            "2:1: rego_parse_error: `if` keyword is required before rule body\n"
            "2:1: rego_parse_error: `contains` keyword is required for partial set rules\n");
}

TEST(ParserTest, SyntaxErrorsCarryLocations) {
  auto p = Parse("package t\np if {\n  x := \n}\n");
  EXPECT_EQ(p->module, nullptr);
  EXPECT_EQ(Errors(*p), "4:1: rego_parse_error: unexpected } token\n");
  auto q = Parse("package t\np := [1, 2\n");
  EXPECT_EQ(Errors(*q),
            "3:1: rego_parse_error: unexpected eof token: expected \",\" or \"]\"\n"
            "3:1: rego_parse_error: unexpected eof token: expected rule value term (e.g., p := "
            "<VALUE> { ... })\n");
  // An unterminated body at the end of the file: one error, not the same one twice.
  auto u = Parse("package bad\ndeny contains msg if { msg := input.x +\n");
  EXPECT_EQ(Errors(*u), "3:1: rego_parse_error: unexpected eof token\n");
  auto e = Parse("");
  EXPECT_EQ(e->module, nullptr);
  EXPECT_EQ(e->errors.errors()[0].message, "empty module");
}

TEST(ParserTest, DeepNestingIsAnErrorNotACrash) {
  std::string text = "package t\np := " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  auto p = Parse(text);
  EXPECT_EQ(p->module, nullptr);
  EXPECT_NE(Errors(*p).find("max parsing recursion depth exceeded"), std::string::npos);
}

TEST(ParserTest, TemplateStrings) {
  auto p = Parse("package t\np := $\"a {x} b\"\n");
  ASSERT_NE(p->module, nullptr) << Errors(*p);
  const Term* t = p->module->rules[0]->head.value;
  ASSERT_EQ(t->kind, TermKind::kTemplate);
  ASSERT_EQ(t->parts.size(), 3u);
  EXPECT_EQ(t->parts[0].term->value.GetString(), "a ");
  EXPECT_EQ(ExprToString(t->parts[1].expr), "x");
}

TEST(ParserTest, Annotations) {
  auto p = Parse("# METADATA\n# title: Pkg\npackage t\n\n# METADATA\n# title: Rule\np := 1\n");
  ASSERT_NE(p->module, nullptr) << Errors(*p);
  ASSERT_EQ(p->module->annotations.size(), 2u);
  EXPECT_EQ(p->module->annotations[0]->scope, "package");
  EXPECT_EQ(p->module->annotations[1]->scope, "rule");
  EXPECT_EQ(p->module->annotations[1]->rule, p->module->rules[0]);
}

}  // namespace
}  // namespace golden::rego
