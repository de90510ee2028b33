#include <gtest/gtest.h>

#include "value/json.h"
#include "value/yaml.h"

namespace golden {
namespace {

std::string Y(std::string_view text) {
  auto v = ParseYaml(text, "t.yaml");
  if (!v.ok()) return "ERROR: " + v.status().ToString();
  return ToJson(*v);
}

TEST(YamlScalars, Yaml11Booleans) {
  EXPECT_EQ(Y("[yes, No, ON, off, true, False, y, n]"),
            R"([true,false,true,false,true,false,"y","n"])");
}

TEST(YamlScalars, Nulls) {
  EXPECT_EQ(Y("a: ~\nb: null\nc:\nd: Null"), R"({"a":null,"b":null,"c":null,"d":null})");
}

TEST(YamlScalars, Integers) {
  EXPECT_EQ(Y("[017, 0x1F, 1_000, '1', 1:30, 0b101, -12, +7, 0, 08]"),
            R"([15,31,1000,"1",90,5,-12,7,0,"08"])");
}

TEST(YamlScalars, FloatsNeedADot) {
  EXPECT_EQ(Y("[1e3, 1.5, 3.10, .5, 1.0e+3, 0o17, 2025-1-1, 1.0]"),
            R"(["1e3",1.5,3.1,0.5,1000,"0o17","2025-1-1",1])");
}

TEST(YamlScalars, TimestampsStayStrings) {
  EXPECT_EQ(Y("created: 2025-01-01\nat: 2025-01-01 10:00:00"),
            R"({"at":"2025-01-01 10:00:00","created":"2025-01-01"})");
}

TEST(YamlScalars, QuotedAndTaggedScalars) {
  EXPECT_EQ(Y("[\"yes\", 'no', !!str 12, !!int \"12\", !!bool 'yes', !Ref x]"),
            R"(["yes","no","12",12,true,"x"])");
}

TEST(YamlScalars, InfinityAndNanStayText) {
  EXPECT_EQ(Y("[.inf, -.Inf, .nan]"), R"([".inf","-.Inf",".nan"])");
}

TEST(Yaml, KeysBecomeStrings) {
  EXPECT_EQ(Y("on: push\n1: a\nnull: b"), R"({"1":"a","null":"b","true":"push"})");
}

TEST(Yaml, MergeKeys) {
  EXPECT_EQ(Y("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n"),
            R"({"base":{"x":1,"y":2},"d":{"x":1,"y":3}})");
  EXPECT_EQ(Y("a: &a {x: 1}\nb: &b {x: 2, z: 2}\nc:\n  <<: [*a, *b]\n"),
            R"({"a":{"x":1},"b":{"x":2,"z":2},"c":{"x":1,"z":2}})");
}

TEST(Yaml, EmptyDocumentIsNull) {
  EXPECT_EQ(Y(""), "null");
  EXPECT_EQ(Y("# only a comment\n"), "null");
}

TEST(Yaml, MultipleDocuments) {
  EXPECT_NE(Y("a: 1\n---\nb: 2\n").find("ERROR"), std::string::npos);
  auto docs = ParseYamlStream("a: 1\n---\nb: 2\n");
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ(docs->size(), 2u);
}

TEST(Yaml, ErrorsCarryLine) {
  auto v = ParseYaml("a: 1\nb: [unclosed\nc: 3\n", "repo.yaml");
  ASSERT_FALSE(v.ok());
  ASSERT_TRUE(v.status().where().has_value());
  EXPECT_EQ(v.status().where()->file, "repo.yaml");
  EXPECT_GE(v.status().where()->line, 2);
}

// libyaml words problems as PyYAML and go-yaml do, at the line and column of the problem.
TEST(Yaml, ErrorsReadAsPyYamlAndGoYamlWordThem) {
  auto where = [](std::string_view text) {
    auto v = ParseYaml(text, "f.yaml");
    return v.ok() ? std::string("parsed") : v.status().ToString();
  };
  EXPECT_EQ(where("a:\n  - b\n  c: d\n"), "f.yaml:3:3: YAML: did not find expected '-' indicator");
  EXPECT_EQ(where("type: x\n  bad: indent\n"),
            "f.yaml:2:6: YAML: mapping values are not allowed in this context");
  EXPECT_EQ(where("a: \"open\n"), "f.yaml:2:1: YAML: found unexpected end of stream");
  EXPECT_EQ(where("a: [1, 2\n"), "f.yaml:2:1: YAML: did not find expected ',' or ']'");
}

// A block scalar's line is the line of its indicator (`run: |`), where its entry starts.
TEST(Yaml, BlockScalarsAreAtTheirIndicatorsLine) {
  std::vector<YamlLine> lines;
  ASSERT_TRUE(ParseYaml("steps:\n  - run: |\n      make\n    name: x\n", "f", {}, &lines).ok());
  std::string shown;
  for (const YamlLine& l : lines) shown += l.pointer + "@" + std::to_string(l.line) + " ";
  EXPECT_EQ(shown, "/steps/0/run@2 /steps/0/name@4 /steps/0@2 /steps@1 ");
}

TEST(Yaml, TabIndentationIsAnError) { EXPECT_FALSE(ParseYaml("a:\n\tb: 1\n").ok()); }

TEST(Yaml, UnknownAliasIsAnError) { EXPECT_FALSE(ParseYaml("a: *nope\n").ok()); }

TEST(Yaml, DeepNestingIsAnErrorNotACrash) {
  std::string deep(100000, '[');
  EXPECT_FALSE(ParseYaml(deep).ok());
  std::string block;
  for (int i = 0; i < 2000; ++i) block += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  EXPECT_FALSE(ParseYaml(block).ok());
}

TEST(Yaml, AliasBombIsRefused) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = c;
  }
  auto v = ParseYaml(bomb);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.status().message().find("expands"), std::string::npos);
}

TEST(Yaml, LinesOfEntries) {
  std::vector<YamlLine> lines;
  auto v = ParseYaml("type: lib\ntier: 2\nlist:\n  - a\n  - b\n", "f", {}, &lines);
  ASSERT_TRUE(v.ok());
  auto line_of = [&](const std::string& p) {
    for (auto& l : lines) {
      if (l.pointer == p) return l.line;
    }
    return -1;
  };
  EXPECT_EQ(line_of("/type"), 1);
  EXPECT_EQ(line_of("/tier"), 2);
  EXPECT_EQ(line_of("/list"), 3);
  EXPECT_EQ(line_of("/list/1"), 5);
}

// ---- ParseGoYaml: OPA's yaml.unmarshal (go-yaml v2 + sigs.k8s.io/yaml) ----

std::string G(std::string_view text) {
  auto v = ParseGoYaml(text);
  if (!v.ok()) return "ERROR: " + v.status().message();
  return ToJson(*v);
}

TEST(GoYaml, BooleansIncludeSingleLetters) {
  EXPECT_EQ(G("[yes, No, ON, off, true, False, y, N, 'y', Yes!]"),
            R"([true,false,true,false,true,false,true,false,"y","Yes!"])");
}

TEST(GoYaml, IntegersUseGoSyntax) {
  EXPECT_EQ(G("[017, 0o17, 0x1F, 0b101, 1_000, +7, -0x10, 0, 08, 1:30, 0x, -0b11]"),
            R"([15,15,31,5,1000,7,-16,0,8,"1:30","0x",-3])");
  // Beyond int64: uint64, then float for decimals, exact for other bases.
  EXPECT_EQ(G("[9223372036854775807, 18446744073709551615, 18446744073709551616, "
              "-9223372036854775809, 0x1FFFFFFFFFFFFFFFFF]"),
            R"([9223372036854775807,18446744073709551615,18446744073709552000,)"
            R"(-9223372036854776000,590295810358705651711])");
}

TEST(GoYaml, FloatsNeedNoDot) {
  EXPECT_EQ(G("[1e3, .5, -.5e1, 1., 1.5E+2, 1e400, .e3, 1_0.5, 2001-12-14, ._5]"),
            R"([1000,0.5,-5,1,150,"1e400",".e3",10.5,"2001-12-14","._5"])");
}

TEST(GoYaml, TagsAreChecked) {
  EXPECT_EQ(G("[!!str 1, !!float 1, !!int 0x10, !foo 1, ! 1, !!timestamp 2001-01-01]"),
            R"(["1",1,16,"1","1","2001-01-01"])");
  EXPECT_EQ(G("!!int abc"), "ERROR: yaml: cannot decode !!str `abc` as a !!int");
  EXPECT_EQ(G("!!bool 1"), "ERROR: yaml: cannot decode !!int `1` as a !!bool");
  EXPECT_EQ(G("[!!binary aGk=, !!binary \"aGVs\\nbG8=\", !!binary /w==]"),
            "[\"hi\",\"hello\",\"\xEF\xBF\xBD\"]");
  EXPECT_EQ(G("!!binary aGk"), "ERROR: yaml: !!binary value contains invalid base64 data");
}

TEST(GoYaml, KeysConvertAsSigsK8sYamlDoes) {
  EXPECT_EQ(G("{1: a, 2.5: b, true: c, y: d, 1e6: e, 0.1: f, 1.0: g, .inf: h, -.inf: i}"),
            R"({"-.inf":"i",".inf":"h","0.1":"f","1":"g","1e+06":"e","2.5":"b","true":"d"})");
  EXPECT_EQ(G("{123456.7: a, 0.00001: b, 3.14159265: c}"),
            R"({"123456.7":"a","1e-05":"b","3.1415927":"c"})");
  EXPECT_EQ(G("null: a"), "ERROR: unsupported map key of type: %!s(<nil>)");
  EXPECT_EQ(G("? [1, 2]\n: x"), "ERROR: unsupported map key of type: []interface {}");
  EXPECT_EQ(G("? {a: 1}\n: x"),
            "ERROR: unsupported map key of type: map[interface {}]interface {}");
  EXPECT_EQ(G("18446744073709551615: x"), "ERROR: unsupported map key of type: uint64");
  EXPECT_EQ(G("a: &k 2.5\n*k : x"), R"({"2.5":"x","a":2.5})");
}

TEST(GoYaml, NonFiniteValuesAreErrors) {
  EXPECT_EQ(G("a: .inf"), "ERROR: json: unsupported value: +Inf");
  EXPECT_EQ(G("[-.Inf]"), "ERROR: json: unsupported value: -Inf");
  EXPECT_EQ(G(".nan"), "ERROR: json: unsupported value: NaN");
  EXPECT_EQ(G("a: &x .inf\nb: 1"), "ERROR: json: unsupported value: +Inf");
}

TEST(GoYaml, OnlyTheFirstDocumentIsRead) {
  EXPECT_EQ(G("a: 1\n---\nb: 2"), R"({"a":1})");
  EXPECT_EQ(G("a: 1\n---\n[unclosed"), R"({"a":1})");
  EXPECT_EQ(G(""), "null");
  EXPECT_EQ(G("---\n"), "null");
}

TEST(GoYaml, MergeKeysAndParseErrors) {
  EXPECT_EQ(G("base: &b {x: 1}\nc:\n  <<: *b\n  z: 2\n  y: 3"),
            R"({"base":{"x":1},"c":{"true":3,"x":1,"z":2}})");
  EXPECT_EQ(G("'<<': {x: 1}"), R"({"<<":{"x":1}})");
  EXPECT_TRUE(G("[1, 2").starts_with("ERROR: YAML: "));
}

}  // namespace
}  // namespace golden
