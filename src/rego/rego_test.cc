// The engine API end to end: compile errors with OPA's codes, messages and locations (the
// conformance suite has no compile-error cases), v0/v1 parsing, evaluation errors, results,
// and concurrent evaluation of one prepared query.

#include "rego/rego.h"

#include <gtest/gtest.h>

#include <thread>

#include "value/json.h"

namespace golden::rego {
namespace {

std::vector<Diagnostic> CompileErrors(const std::string& text, bool v0 = false) {
  EngineOptions o;
  o.v0_compatible = v0;
  Engine e(o);
  e.AddModule("policy.rego", text);
  CompileResult r = e.Compile();
  EXPECT_EQ(r.policy, nullptr);
  return r.errors;
}

std::shared_ptr<const CompiledPolicy> MustCompile(const std::string& text, bool v0 = false) {
  EngineOptions o;
  o.v0_compatible = v0;
  Engine e(o);
  e.AddModule("policy.rego", text);
  CompileResult r = e.Compile();
  for (const Diagnostic& d : r.errors) ADD_FAILURE() << d.ToString();
  return r.policy;
}

std::string Eval(const CompiledPolicy& p, std::string_view query,
                 const std::optional<Value>& input = std::nullopt) {
  EvalResult r = p.Eval(query, input);
  if (r.error) return "error: " + r.error->ToString();
  std::string out;
  for (const QueryResult& q : r.results) {
    for (const ExpressionValue& e : q.expressions) out += ToJson(e.value) + ";";
  }
  return out.empty() ? "undefined" : out;
}

TEST(CompileErrorsTest, ParseErrorHasLocationAndSourceLine) {
  auto errs = CompileErrors("package p\n\nallow if {\n\tx := \n}\n");
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].code, "rego_parse_error");
  EXPECT_EQ(errs[0].message, "unexpected } token");
  EXPECT_EQ(errs[0].where.file, "policy.rego");
  EXPECT_EQ(errs[0].where.line, 5);
  EXPECT_EQ(errs[0].where.col, 1);
  ASSERT_TRUE(errs[0].detail);
  EXPECT_EQ(errs[0].detail->line, "}");
  EXPECT_EQ(errs[0].ToString(), "policy.rego:5: rego_parse_error: unexpected } token\n\t}\n\t^");
}

TEST(CompileErrorsTest, ParseErrorCaretUnderTabIndentedToken) {
  auto errs = CompileErrors("package p\n\nallow if {\n\tx := [1,\n}\n");
  ASSERT_FALSE(errs.empty());
  EXPECT_EQ(errs[0].code, "rego_parse_error");
  EXPECT_EQ(errs[0].where.line, 5);
}

TEST(CompileErrorsTest, UnsafeVariable) {
  auto errs = CompileErrors("package p\n\nallow if {\n\tx > 1\n}\n");
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].code, "rego_unsafe_var_error");
  EXPECT_EQ(errs[0].message, "var x is unsafe");
  EXPECT_EQ(errs[0].where.line, 4);
  EXPECT_EQ(errs[0].where.col, 2);
}

TEST(CompileErrorsTest, UnsafeVariableInRuleHead) {
  auto errs = CompileErrors("package p\n\nf(x) := y if x > 1\n");
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].code, "rego_unsafe_var_error");
  EXPECT_EQ(errs[0].message, "var y is unsafe");
  EXPECT_EQ(errs[0].where.line, 3);
}

TEST(CompileErrorsTest, Recursion) {
  auto errs = CompileErrors("package p\n\na if b\nb if a\n");
  ASSERT_EQ(errs.size(), 2u);
  EXPECT_EQ(errs[0].code, "rego_recursion_error");
  EXPECT_EQ(errs[0].message, "rule a is recursive: a -> b -> a");
  EXPECT_EQ(errs[0].where.line, 3);
  EXPECT_EQ(errs[1].message, "rule b is recursive: b -> a -> b");
}

TEST(CompileErrorsTest, SelfRecursiveFunction) {
  auto errs = CompileErrors("package p\n\nf(x) := f(x)\n");
  ASSERT_FALSE(errs.empty());
  EXPECT_EQ(errs[0].code, "rego_recursion_error");
  EXPECT_EQ(errs[0].message, "rule f is recursive: f -> f");
}

TEST(CompileErrorsTest, BuiltinArity) {
  auto errs = CompileErrors("package p\n\nx := count(1, 2, 3)\n");
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].code, "rego_type_error");
  EXPECT_EQ(errs[0].message, "count: arity mismatch");
  EXPECT_EQ(errs[0].where.line, 3);
}

TEST(CompileErrorsTest, BuiltinArgumentType) {
  auto errs = CompileErrors("package p\n\nx := concat(1, [\"a\"])\n");
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].code, "rego_type_error");
  EXPECT_EQ(errs[0].message, "concat: invalid argument(s)");
}

TEST(CompileErrorsTest, UndefinedFunction) {
  auto errs = CompileErrors("package p\n\nx := nope(1)\n");
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].code, "rego_type_error");
  EXPECT_EQ(errs[0].message, "undefined function nope");
}

TEST(CompileErrorsTest, ConflictingRuleKinds) {
  auto errs = CompileErrors("package p\n\nx := 1\nx contains 2\n");
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].code, "rego_type_error");
  EXPECT_EQ(errs[0].message, "conflicting rules data.p.x found");
  EXPECT_EQ(errs[0].where.line, 3);
}

TEST(CompileErrorsTest, MultipleDefaults) {
  auto errs = CompileErrors("package p\n\ndefault x := 1\ndefault x := 2\n");
  ASSERT_FALSE(errs.empty());
  EXPECT_EQ(errs[0].code, "rego_type_error");
  EXPECT_EQ(errs[0].message.rfind("multiple default rules data.p.x found", 0), 0u)
      << errs[0].message;
}

TEST(CompileErrorsTest, FunctionArityConflict) {
  auto errs = CompileErrors("package p\n\nf(x) := 1\nf(x, y) := 2\n");
  ASSERT_FALSE(errs.empty());
  EXPECT_EQ(errs[0].code, "rego_type_error");
}

TEST(CompileErrorsTest, V0SyntaxInV1Mode) {
  auto errs = CompileErrors("package p\n\ndeny[msg] {\n\tmsg := \"hi\"\n}\n");
  ASSERT_EQ(errs.size(), 2u);
  EXPECT_EQ(errs[0].code, "rego_parse_error");
  EXPECT_EQ(errs[0].message, "`if` keyword is required before rule body");
  EXPECT_EQ(errs[1].message, "`contains` keyword is required for partial set rules");
  EXPECT_EQ(errs[0].where.line, 3);
}

TEST(CompileErrorsTest, ShadowingInputInV1) {
  auto errs = CompileErrors("package p\n\nf(input) := 1\n");
  ASSERT_FALSE(errs.empty());
  EXPECT_EQ(errs[0].code, "rego_compile_error");
}

TEST(EngineTest, V0ModuleUnderV0Compatible) {
  auto p = MustCompile("package p\n\ndeny[msg] {\n\tmsg := \"hi\"\n}\n\nallow { true }\n", true);
  ASSERT_TRUE(p);
  EXPECT_EQ(Eval(*p, "data.p.deny"), R"(["hi"];)");
  EXPECT_EQ(Eval(*p, "data.p.allow"), "true;");
}

TEST(EngineTest, V0ModuleImportingRegoV1) {
  auto p = MustCompile("package p\nimport rego.v1\n\ndeny contains 1 if true\n", true);
  ASSERT_TRUE(p);
  EXPECT_EQ(Eval(*p, "data.p.deny"), "[1];");
}

TEST(EngineTest, ConflictIsAnEvaluationError) {
  auto p = MustCompile("package p\n\nx := 1 if input.a\nx := 2 if input.b\n");
  ASSERT_TRUE(p);
  auto in = ParseJson(R"({"a": true, "b": true})");
  EXPECT_EQ(Eval(*p, "data.p.x", *in),
            "error: policy.rego:4: eval_conflict_error: complete rules must not produce "
            "multiple outputs");
}

TEST(EngineTest, BuiltinErrorsUndefinedUnlessStrict) {
  auto p = MustCompile("package p\n\nx := 1 / input.d\n");
  ASSERT_TRUE(p);
  auto in = ParseJson(R"({"d": 0})");
  EXPECT_EQ(Eval(*p, "data.p.x", *in), "undefined");
  EvalOptions strict;
  strict.strict_builtin_errors = true;
  EvalResult r = p->Eval("data.p.x", *in, strict);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "eval_builtin_error");
  EXPECT_EQ(r.error->message, "div: divide by zero");
  EXPECT_EQ(r.error->where.line, 3);
}

TEST(EngineTest, QueryErrorsUseTheExpressionText) {
  auto p = MustCompile("package p\n");
  EvalOptions strict;
  strict.strict_builtin_errors = true;
  EvalResult r = p->Eval("x := 1 / 0", std::nullopt, strict);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->ToString(), "1 / 0: eval_builtin_error: div: divide by zero");
}

TEST(EngineTest, PrintGoesToTheHandler) {
  auto p = MustCompile("package p\n\nx if {\n\tprint(\"hello\", input.missing, 1)\n}\n");
  ASSERT_TRUE(p);
  std::vector<std::string> lines;
  EvalOptions o;
  o.print = [&](std::string_view l) { lines.emplace_back(l); };
  EvalResult r = p->Eval("data.p.x", Value::EmptyObject(), o);
  ASSERT_FALSE(r.error);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "hello <undefined> 1");
}

TEST(EngineTest, BindingsAndExpressions) {
  auto p = MustCompile("package p\n\nxs := [1, 2]\n");
  ASSERT_TRUE(p);
  EvalResult r = p->Eval("x := data.p.xs[i]; x > 1", std::nullopt);
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.results.size(), 1u);
  ASSERT_EQ(r.results[0].bindings.size(), 2u);
  EXPECT_EQ(r.results[0].bindings[0].first, "i");
  EXPECT_EQ(ToJson(r.results[0].bindings[0].second), "1");
  EXPECT_EQ(r.results[0].bindings[1].first, "x");
  ASSERT_EQ(r.results[0].expressions.size(), 2u);
  EXPECT_EQ(r.results[0].expressions[1].text, "x > 1");
  EXPECT_EQ(r.results[0].expressions[1].location.col, 20);
}

TEST(EngineTest, PackageOption) {
  auto p = MustCompile("package a.b\n\nallow if input.x == 1\n");
  ASSERT_TRUE(p);
  QueryOptions qo;
  qo.package = "a.b";
  auto prepared = p->Prepare("allow", qo);
  ASSERT_TRUE(std::holds_alternative<PreparedQuery>(prepared));
  EvalResult r = std::get<PreparedQuery>(prepared).Eval(*ParseJson(R"({"x": 1})"));
  ASSERT_EQ(r.results.size(), 1u);
  EXPECT_EQ(ToJson(r.results[0].expressions[0].value), "true");
}

TEST(EngineTest, PreparedQueryIsThreadSafe) {
  auto p = MustCompile(
      "package p\n\ndeny contains msg if {\n\tsome c in input.containers\n\tnot c.limits\n"
      "\tmsg := sprintf(\"%s has no limits\", [c.name])\n}\n");
  ASSERT_TRUE(p);
  auto prepared = p->Prepare("data.p.deny");
  ASSERT_TRUE(std::holds_alternative<PreparedQuery>(prepared));
  const PreparedQuery& q = std::get<PreparedQuery>(prepared);
  Value input = *ParseJson(R"({"containers": [{"name": "a"}, {"name": "b", "limits": {}}]})");
  std::vector<std::thread> threads;
  std::atomic<int> good{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        EvalResult r = q.Eval(input);
        if (r.results.size() == 1 &&
            ToJson(r.results[0].expressions[0].value) == R"(["a has no limits"])") {
          ++good;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(good.load(), 1600);
}

TEST(EngineTest, DeepNestingIsAnErrorNotACrash) {
  std::string deep = "package p\n\nx := " + std::string(100000, '[') + std::string(100000, ']');
  auto errs = CompileErrors(deep);
  ASSERT_FALSE(errs.empty());
  EXPECT_EQ(errs[0].code, "rego_parse_error");
}

TEST(EngineTest, DeepRecursionInEvaluationIsAnError) {
  auto p = MustCompile("package p\n\nxs := numbers.range(1, 100000)\n"
                       "n := count([x | some x in xs])\n");
  ASSERT_TRUE(p);
  EXPECT_EQ(Eval(*p, "data.p.n"), "100000;");
}

TEST(EngineTest, RulesListsAnnotations) {
  auto p = MustCompile(
      "# METADATA\n# title: Pkg\npackage p\n\n# METADATA\n# title: No limits\n"
      "deny contains 1 if true\n\nallow := true\n");
  ASSERT_TRUE(p);
  auto rules = p->Rules();
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].package, "data.p");
  EXPECT_EQ(rules[0].name, "deny");
  EXPECT_EQ(rules[0].where.line, 7);
  EXPECT_TRUE(rules[0].annotations.IsArray());
  EXPECT_TRUE(rules[0].multi_value);
  EXPECT_FALSE(rules[0].function);
  EXPECT_EQ(rules[1].name, "allow");
  EXPECT_FALSE(rules[1].multi_value);
}

TEST(EngineTest, RulesTellFunctionsAndSetsApart) {
  auto p = MustCompile("package p\n\ndeny_x(a) := a\n\nwarn[m] { m := 1 }\n\nv := {1}\n", true);
  ASSERT_TRUE(p);
  auto rules = p->Rules();
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_TRUE(rules[0].function);
  EXPECT_FALSE(rules[0].multi_value);
  EXPECT_TRUE(rules[1].multi_value);  // v0 `warn[m]` is a partial set
  EXPECT_FALSE(rules[2].multi_value);
}

// Coverage as OPA's tracer counts it: evaluated expressions and the heads of rules that
// produced a value are covered; other heads and expressions are not.
TEST(CoverageTest, CoveredAndNotCoveredLines) {
  Engine e;
  e.AddModule("cov.rego",
              "package cov\n"                      // 1
              "\n"                                 // 2
              "allow if {\n"                       // 3
              "\tinput.a == 1\n"                   // 4
              "\tinput.b == 2\n"                   // 5
              "}\n"                                // 6
              "\n"                                 // 7
              "deny contains msg if {\n"           // 8
              "\tsome x in input.xs\n"             // 9
              "\tx > 10\n"                         // 10
              "\tmsg := sprintf(\"%d\", [x])\n"  // 11
              "}\n"                                // 12
              "\n"                                 // 13
              "unused := [y | some y in [1]]\n");  // 14
  CompileResult c = e.Compile();
  ASSERT_TRUE(c.policy);
  CoverageCollector hits;
  EvalOptions opts;
  opts.coverage = &hits;
  auto q = c.policy->Prepare("data.cov.allow");
  ASSERT_TRUE(std::holds_alternative<PreparedQuery>(q));
  Value input = *ParseJson(R"({"a": 1, "b": 3, "xs": [1, 20]})");
  std::get<PreparedQuery>(q).Eval(input, opts);
  auto q2 = c.policy->Prepare("data.cov.deny");
  ASSERT_TRUE(std::holds_alternative<PreparedQuery>(q2));
  // Another thread, the same collector.
  std::thread t([&] { std::get<PreparedQuery>(q2).Eval(input, opts); });
  t.join();
  std::vector<FileCoverage> report = c.policy->Coverage(hits);
  ASSERT_EQ(report.size(), 1u);
  EXPECT_EQ(report[0].file, "cov.rego");
  // allow's head (3) produced nothing; line 5 was evaluated (and failed).
  EXPECT_EQ(report[0].covered, (std::vector<int>{4, 5, 8, 9, 10, 11}));
  EXPECT_EQ(report[0].not_covered, (std::vector<int>{3, 14}));
}

TEST(CoverageTest, NothingRecordedWithoutCollector) {
  auto p = MustCompile("package p\n\nx := 1\n");
  ASSERT_TRUE(p);
  CoverageCollector hits;
  EXPECT_EQ(Eval(*p, "data.p.x"), "1;");
  std::vector<FileCoverage> report = p->Coverage(hits);
  ASSERT_EQ(report.size(), 1u);
  EXPECT_TRUE(report[0].covered.empty());
  EXPECT_EQ(report[0].not_covered, (std::vector<int>{3}));
}

// A comprehension in a function's head reads the function's arguments (it was compiled in
// a scope without them: "var xs is unsafe").
TEST(EngineTest, HeadComprehensionSeesFunctionArguments) {
  auto p = MustCompile(
      "package p\n\nf(xs) := [x | some x in xs]\ng(xs) := {x | x := xs[_]}\n"
      "r := f([1, 2])\ns := g([3])\n");
  ASSERT_TRUE(p);
  EXPECT_EQ(Eval(*p, "data.p.r"), "[1,2];");
  EXPECT_EQ(Eval(*p, "data.p.s"), "[3];");
}

TEST(ParseRegoValueTest, SetsAndNonStringKeys) {
  auto v = ParseRegoValue(R"({"a": {1, 2}, 3: [null]})");
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(ToJson(*v), R"({"3":[null],"a":[1,2]})");
  EXPECT_FALSE(ParseRegoValue("x").ok());
}

}  // namespace
}  // namespace golden::rego
