#include "report/yaml_writer.h"

#include <gtest/gtest.h>

#include "value/json.h"
#include "value/yaml.h"

namespace golden::report {
namespace {

TEST(YamlWriter, BlockLayoutInWriteOrder) {
  std::string out;
  YamlWriter w(&out);
  w.Comment("made by a test");
  w.BeginDocument();
  w.BeginMapping();
  w.Member("kind", "Component");
  w.Key("metadata");
  w.BeginMapping();
  w.Member("name", "lib-good");
  w.Key("annotations");
  w.BeginMapping();
  w.Member("golden/tier", "1");
  w.EndMapping();
  w.Key("tags");
  w.BeginSequence();
  w.String("python");
  w.String("c++");
  w.EndSequence();
  w.EndMapping();
  w.Key("spec");
  w.BeginMapping();
  w.Key("children");
  w.BeginSequence();
  w.EndSequence();
  w.Key("profile");
  w.BeginMapping();
  w.EndMapping();
  w.Key("items");
  w.BeginSequence();
  w.BeginMapping();
  w.Member("a", "x");
  w.Key("count");
  w.Int(2);
  w.EndMapping();
  w.BeginMapping();
  w.EndMapping();
  w.EndSequence();
  w.Key("ok");
  w.Bool(true);
  w.EndMapping();
  w.EndMapping();
  EXPECT_EQ(out,
            "# made by a test\n"
            "---\n"
            "kind: Component\n"
            "metadata:\n"
            "  name: lib-good\n"
            "  annotations:\n"
            "    golden/tier: \"1\"\n"
            "  tags:\n"
            "    - python\n"
            "    - c++\n"
            "spec:\n"
            "  children: []\n"
            "  profile: {}\n"
            "  items:\n"
            "    - a: x\n"
            "      count: 2\n"
            "    - {}\n"
            "  ok: true\n");
  auto docs = ParseYamlStream(out);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ(
      ToJson((*docs)[0]),
      R"({"kind":"Component","metadata":{"annotations":{"golden/tier":"1"},"name":"lib-good",)"
      R"("tags":["python","c++"]},"spec":{"children":[],"items":[{"a":"x","count":2},{}],)"
      R"("ok":true,"profile":{}}})");
}

TEST(YamlScalar, PlainOnlyWhenEveryReaderSeesTheSameString) {
  EXPECT_EQ(YamlScalar("lib-good"), "lib-good");
  EXPECT_EQ(YamlScalar("The reference library"), "The reference library");
  EXPECT_EQ(YamlScalar("group:alpha"), "\"group:alpha\"");
  for (std::string_view s :
       {"yes",   "No",     "ON",   "off",  "true",  "False", "null", "Null", "~",          "y",
        "N",     "1",      "0o17", "0x1F", "1_000", "1:30",  ".inf", "-1",   "2025-01-01", "",
        " lead", "trail ", "a: b", "#c",   "- x",   "@x",    "a  b", "*ref"}) {
    EXPECT_EQ(YamlScalar(s).front(), '"') << s;
  }
}

TEST(YamlScalar, AnyTextRoundTrips) {
  const std::string cases[] = {
      "yes",
      "1",
      "",
      "\"quoted\" and \\back\\",
      "line\nbreak\ttab\r",
      "<script>alert(1)</script>",
      "ünïcödé ✓",
      std::string("nul\0in", 6),
      "del\x7f",
      "c1\xc2\x85",
      "bom\xef\xbb\xbf",
      "# x",
      "key: value",
      "- item",
      "[a, b]",
      "{a: b}",
      "'single'",
      "%tag",
      "!tag",
      "&anchor",
  };
  for (const std::string& s : cases) {
    std::string doc = "v: " + YamlScalar(s) + "\n";
    auto v = ParseYaml(doc);
    ASSERT_TRUE(v.ok()) << doc << v.status().ToString();
    const Value* got = v->Find("v");
    ASSERT_NE(got, nullptr);
    ASSERT_TRUE(got->IsString()) << doc;
    EXPECT_EQ(got->GetString(), s) << doc;
  }
}

}  // namespace
}  // namespace golden::report
