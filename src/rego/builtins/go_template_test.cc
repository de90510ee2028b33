#include "rego/builtins/go_template.h"

#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using RenderTemplateTest = BuiltinTest;

std::string Quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

class TemplateTest : public BuiltinTest {
 protected:
  ::testing::AssertionResult Renders(std::string_view tmpl, std::string_view vars,
                                     std::string_view want) {
    return ResultIs(Call(builtins::kStringsRenderTemplate, {Value::String(tmpl), T(vars)}),
                    Quoted(want));
  }
  ::testing::AssertionResult Fails(std::string_view tmpl, std::string_view vars,
                                   std::string_view message) {
    return ErrorIs(Call(builtins::kStringsRenderTemplate, {Value::String(tmpl), T(vars)}), message);
  }
};

TEST_F(TemplateTest, PrintsValuesAsGoDoes) {
  // Numbers are json.Number (their text), collections print as Go's fmt prints them, a
  // missing value as <undefined>.
  EXPECT_TRUE(Renders(
      "{{.a}} {{.b}} {{.c}} {{.d}} {{.e}} {{.f}} {{.nope}}",
      R"({"a": 1.50, "b": [1, "x", null], "c": {"k": true, "j": {"z": 1}}, "d": null, "e": false,
                          "f": {1, 2}})",
      "1.50 [1 x <nil>] map[j:map[z:1] k:true] <undefined> false [1 2] <undefined>"));
  EXPECT_TRUE(Renders("{{.test}}", R"({"test": "hello world"})", "hello world"));
  EXPECT_TRUE(Renders("{{range $i, $name := .hellonames}}{{if $i}},{{end}}hello {{$name}}{{end}}",
                      R"({"hellonames": ["rohan", "john doe"]})", "hello rohan,hello john doe"));
  EXPECT_TRUE(Renders("plain text, no actions", "{}", "plain text, no actions"));
}

TEST_F(TemplateTest, ControlStructures) {
  EXPECT_TRUE(
      Renders("{{if .a}}yes{{else if .b}}b{{else}}no{{end}}|{{with .c}}{{.}}{{else}}none{{end}}|"
              "{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}",
              R"({"a": false, "b": 0, "c": "", "m": {"z": 1, "a": 2}})", "b|none|a=2;z=1;"));
  EXPECT_TRUE(
      Renders("{{range .l}}{{if eq . \"2\"}}{{continue}}{{end}}{{if eq . "
              "\"4\"}}{{break}}{{end}}{{.}}{{end}}",
              R"({"l": ["1", "2", "3", "4", "5"]})", "13"));
  EXPECT_TRUE(Renders("{{range .l}}x{{else}}empty{{end}}", R"({"l": []})", "empty"));
  EXPECT_TRUE(Renders("{{range 3}}{{.}}{{end}}", "{}", "012"));
  EXPECT_TRUE(Renders("{{with $x := .a}}{{$x}}{{end}}", R"({"a": "v"})", "v"));
  EXPECT_TRUE(
      Renders(R"({{define "T"}}<{{.}}>{{end}}{{template "T" .x}}{{block "B" .y}}[{{.}}]{{end}})",
              R"({"x": 1, "y": 2})", "<1>[2]"));
}

TEST_F(TemplateTest, VariablesTrimmingAndComments) {
  EXPECT_TRUE(Renders(R"({{- "a" -}}   {{/* c */}}  b {{ "c" }})", "{}", "a  b c"));
  EXPECT_TRUE(Renders("x \n {{- /* gone */ -}} \n y", "{}", "xy"));
  EXPECT_TRUE(Renders("{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}} {{$.a}}", R"({"a": "root"})",
                      "2 root"));
}

TEST_F(TemplateTest, Functions) {
  EXPECT_TRUE(Renders(
      R"({{len .s}} {{index .l 1}} {{index .m "k"}} {{printf "%05.1f|%s" 3.14159 .s}} )"
      R"({{print 1 2 "x" "y" 3}} {{.s | printf "%q"}})",
      R"({"s": "héllo", "l": [1, 2], "m": {"k": "v"}})", R"(6 2 v 003.1|héllo 1 2xy3 "héllo")"));
  EXPECT_TRUE(
      Renders(R"({{eq .n "5"}} {{eq 1 1 2}} {{lt 1 2}} {{and 1 0 2}} {{or 0 "" "z"}} {{not .t}})",
              R"({"n": 5, "t": true})", "true true true 0 z false"));
  EXPECT_TRUE(Renders(
      R"({{html "<a&b>"}} {{js "it's"}} {{urlquery "a b"}} {{slice .s 1 3}} {{println "x"}})",
      R"({"s": "abcd"})", "&lt;a&amp;b&gt; it\\'s a+b bc x\n"));
  EXPECT_TRUE(Renders(R"({{(index .m "a").b}})", R"({"m": {"a": {"b": "deep"}}})", "deep"));
}

TEST_F(TemplateTest, ErrorsReadLikeGos) {
  EXPECT_TRUE(Fails("{{.a.b}}", R"({"a": "x"})",
                    "template: template:1:2: executing \"template\" at <.a.b>: can't evaluate "
                    "field b in type string"));
  EXPECT_TRUE(Fails(
      "{{eq .n 5}}", R"({"n": 5})",
      "template: template:1:2: executing \"template\" at <eq .n 5>: error calling eq: incompatible "
      "types for comparison"));
  EXPECT_TRUE(Fails("{{foo}}", "{}", "template: template:1: function \"foo\" not defined"));
  EXPECT_TRUE(
      Fails("{{.x}", "{}", "template: template:1: unrecognized character in action: U+007D '}'"));
  EXPECT_TRUE(Fails("{{if .x}}", "{}", "template: template:1: unexpected EOF"));
  EXPECT_TRUE(Fails("{{end}}", "{}", "template: template:1: unexpected {{end}}"));
  EXPECT_TRUE(Fails("{{$y}}", "{}", "template: template:1: undefined variable \"$y\""));
  EXPECT_TRUE(Fails("{{template \"nope\"}}", "{}",
                    "template: template:1:0: executing \"template\" at <{{template \"nope\"}}>: "
                    "template \"nope\" "
                    "not defined"));
  EXPECT_TRUE(Fails("{{index .l 5}}", R"({"l": [1]})",
                    "template: template:1:2: executing \"template\" at <index .l 5>: error calling "
                    "index: index out "
                    "of range: 5"));
}

TEST_F(TemplateTest, RecursionIsBounded) {
  BuiltinResult r =
      Call(builtins::kStringsRenderTemplate,
           {Value::String(R"({{define "T"}}{{template "T"}}{{end}}{{template "T"}})"), T("{}")});
  EXPECT_EQ(r.kind(), BuiltinResult::Kind::kBuiltinError);
  EXPECT_NE(r.message().find("exceeded maximum template depth"), std::string::npos) << r.message();
}

TEST_F(TemplateTest, OperandErrors) {
  EXPECT_TRUE(TypeErrorIs(Call(builtins::kStringsRenderTemplate, {Value::String("x"), T("[]")}),
                          "operand 2 must be object but got array"));
}

}  // namespace
}  // namespace golden::rego::testing
