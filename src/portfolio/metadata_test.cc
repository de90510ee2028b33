#include "portfolio/metadata.h"

#include <gtest/gtest.h>

#include "portfolio/py_repr.h"
#include "testing/temp_dir.h"
#include "value/json.h"

namespace golden::portfolio {
namespace {

using golden::testing::TempDir;

TEST(Metadata, YamlOneOneTypingAsPyYamlDoes) {
  Metadata m = ParseMetadata(
      "type: library\n"
      "language: no\n"         // a boolean, as in PyYAML: the schema then rejects it
      "tier: 017\n"            // octal 15
      "created: 2025-01-01\n"  // a timestamp: kept as text (the original crashed on JSON)
      "interfaces: {cli: yes, api: off}\n"
      "coverage: {target: 1_000}\n"
      "owner: ~\n");
  ASSERT_EQ(m.state, MetadataState::kLoaded) << m.error;
  EXPECT_EQ(ToJson(m.doc),
            R"({"coverage":{"target":1000},"created":"2025-01-01","interfaces":{"api":false,)"
            R"("cli":true},"language":false,"owner":null,"tier":15,"type":"library"})");
}

TEST(Metadata, LinesAreKnownByPointer) {
  Metadata m = ParseMetadata("type: x\n\ncoverage:\n  target: 3\ntags:\n  - a\n  - b\n");
  EXPECT_EQ(m.LineOf("/type"), 1);
  EXPECT_EQ(m.LineOf("/coverage"), 3);
  EXPECT_EQ(m.LineOf("/coverage/target"), 4);
  EXPECT_EQ(m.LineOf("/tags/1"), 7);
  EXPECT_EQ(m.LineOf("/nope"), 0);
}

TEST(Metadata, FalsyDocumentsAreEmpty) {
  for (std::string_view text : {"", "# nothing\n", "{}", "[]", "0", "false", "null", "''", "~"}) {
    EXPECT_EQ(ParseMetadata(text).state, MetadataState::kEmpty) << text;
  }
  for (std::string_view text : {"[1]", "x", "1", "true", "a: 1"}) {
    EXPECT_EQ(ParseMetadata(text).state, MetadataState::kLoaded) << text;
  }
}

TEST(Metadata, InvalidYamlHasALine) {
  Metadata m = ParseMetadata("type: x\nlanguage: python\n  tier: 2\n");
  EXPECT_EQ(m.state, MetadataState::kInvalid);
  EXPECT_GT(m.error_line, 0);
  EXPECT_FALSE(m.error.empty());
  EXPECT_EQ(ParseMetadata("a: 1\n---\nb: 2\n").state, MetadataState::kInvalid);
}

TEST(Metadata, TierRules) {
  auto tier = [](std::string_view yaml) { return TierOf(ParseMetadata(yaml).doc); };
  EXPECT_EQ(tier("tier: 1").value, 1);
  EXPECT_FALSE(tier("tier: 1").invalid);
  EXPECT_EQ(tier("tier: 1.0").value, 1);  // a whole number, as jsonschema and Python accept
  EXPECT_EQ(tier("type: x").value, 4);    // absent: 4, and not invalid
  EXPECT_FALSE(tier("type: x").invalid);
  for (std::string_view bad : {"tier: '1'", "tier: ~", "tier: 5", "tier: 0", "tier: 1.5",
                               "tier: yes", "tier: [1]", "tier: 99999999999999999999999"}) {
    Tier t = tier(bad);
    EXPECT_TRUE(t.invalid) << bad;
    EXPECT_EQ(t.value, 4) << bad;
  }
  EXPECT_EQ(PyRepr(tier("tier: '1'").raw), "'1'");
  EXPECT_EQ(PyRepr(tier("tier: ~").raw), "None");
  EXPECT_EQ(TierOf(ParseMetadata("[tier]").doc).value, 4);
}

TEST(Metadata, LoadsFromARepository) {
  TempDir t;
  t.Write(".meta/repo.yaml", "type: tool\n");
  auto inv = ScanRepo(t.path());
  ASSERT_TRUE(inv.ok());
  Metadata m = LoadMetadata(t.path(), *inv);
  EXPECT_TRUE(m.IsMapping());
  TempDir missing;
  auto inv2 = ScanRepo(missing.path());
  EXPECT_EQ(LoadMetadata(missing.path(), *inv2).state, MetadataState::kMissing);
  TempDir dir;
  dir.Mkdir(".meta/repo.yaml");
  auto inv3 = ScanRepo(dir.path());
  Metadata d = LoadMetadata(dir.path(), *inv3);
  EXPECT_EQ(d.state, MetadataState::kUnreadable);
  EXPECT_EQ(d.error, "is a directory");
}

TEST(PyRepr, WritesPythonsRepr) {
  auto repr = [](std::string_view json) { return PyRepr(*ParseJson(json)); };
  EXPECT_EQ(repr("null"), "None");
  EXPECT_EQ(repr("true"), "True");
  EXPECT_EQ(repr("false"), "False");
  EXPECT_EQ(repr("1.5"), "1.5");
  EXPECT_EQ(repr(R"("it's")"), R"("it's")");
  EXPECT_EQ(repr(R"("say \"hi\" it's")"), R"('say "hi" it\'s')");
  EXPECT_EQ(repr(R"("a\nb\\c")"), R"('a\nb\\c')");
  EXPECT_EQ(repr(R"(["a", 1, {"k": null}])"), "['a', 1, {'k': None}]");
  EXPECT_EQ(repr(R"("caf\u00e9")"), "'caf\u00e9'");
  EXPECT_EQ(PyRepr(Value::String("x\xff")), "'x\\xff'");
  std::string long_text(500, 'a');
  std::string r = PyRepr(Value::String(long_text), 20);
  EXPECT_EQ(r.size(), 23u);
  EXPECT_EQ(r.substr(20), "...");
}

}  // namespace
}  // namespace golden::portfolio
