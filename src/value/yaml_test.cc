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

TEST(YamlScalars, Nulls) { EXPECT_EQ(Y("a: ~\nb: null\nc:\nd: Null"), R"({"a":null,"b":null,"c":null,"d":null})"); }

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

TEST(YamlScalars, InfinityAndNanStayText) { EXPECT_EQ(Y("[.inf, -.Inf, .nan]"), R"([".inf","-.Inf",".nan"])"); }

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

}  // namespace
}  // namespace golden
