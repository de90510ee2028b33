#include "catalog/normalize.h"

#include <gtest/gtest.h>

#include "value/yaml.h"

namespace golden::catalog {
namespace {

Value Yaml(std::string_view text) {
  auto v = ParseYaml(text);
  EXPECT_TRUE(v.ok()) << v.status().ToString();
  return v.ok() ? *v : Value();
}

TEST(NormalizeKey, CaseAndSpaceDoNotMakeANewKey) {
  EXPECT_EQ(NormalizeKey("Python"), "python");
  EXPECT_EQ(NormalizeKey("  PYTHON \t"), "python");
  EXPECT_EQ(NormalizeKey("TypeScript"), "typescript");
  EXPECT_EQ(NormalizeKey("Ünïcode"), "Ünïcode");  // only ASCII letters change
}

TEST(NormalizeLabel, StringsAbsentAndOtherKinds) {
  Value doc = Yaml("a: Python\nb: ''\nc: no\nd: 3\ne: [x]\nf: null\n");
  auto a = NormalizeLabel("language", doc.Find("a"), "unknown");
  EXPECT_EQ(a.value, "python");
  EXPECT_FALSE(a.note);
  auto absent = NormalizeLabel("language", doc.Find("zz"), "unknown");
  EXPECT_EQ(absent.value, "unknown");
  EXPECT_FALSE(absent.note);
  auto blank = NormalizeLabel("language", doc.Find("b"), "unknown");
  EXPECT_EQ(blank.value, "unknown");
  EXPECT_EQ(*blank.note, "language is blank; counted as unknown");
  auto boolean = NormalizeLabel("language", doc.Find("c"), "unknown");
  EXPECT_EQ(boolean.value, "unknown");
  EXPECT_EQ(*boolean.note, "language false is a boolean, not text; counted as unknown");
  EXPECT_EQ(*NormalizeLabel("type", doc.Find("d"), "unknown").note,
            "type 3 is a number, not text; counted as unknown");
  EXPECT_EQ(*NormalizeLabel("type", doc.Find("e"), "unknown").note,
            "type [\"x\"] is a list, not text; counted as unknown");
  EXPECT_EQ(*NormalizeLabel("owner", doc.Find("f"), "alpha").note,
            "owner is null; counted as alpha");
}

TEST(NormalizeTier, WholeNumbersStringsAndTheRest) {
  Value doc = Yaml(
      "one: 1\nfloat: 2.0\nstr: '1'\nspaced: ' 3 '\nzero: 0\nfive: 5\nhalf: 1.5\nword: high\n"
      "yes: true\nnull: ~\nbig: '12'\n");
  auto tier = [&](std::string_view key) { return NormalizeTier(doc.Find(key)); };
  EXPECT_EQ(tier("one").value, 1);
  EXPECT_FALSE(tier("one").note);
  EXPECT_EQ(tier("float").value, 2);
  EXPECT_FALSE(tier("float").note);
  EXPECT_EQ(tier("str").value, 1);
  EXPECT_EQ(*tier("str").note, "tier is the string \"1\", not a number; counted as tier 1");
  EXPECT_EQ(tier("spaced").value, 3);
  EXPECT_TRUE(tier("spaced").note);
  for (std::string_view key : {"zero", "five", "half", "word", "true", "null", "big"}) {
    EXPECT_EQ(tier(key).value, 4) << key;
    EXPECT_TRUE(tier(key).note) << key;
  }
  EXPECT_EQ(*tier("five").note, "tier 5 is not a whole number from 1 to 4; counted as tier 4");
  EXPECT_EQ(NormalizeTier(nullptr).value, 4);
  EXPECT_FALSE(NormalizeTier(nullptr).note);
}

TEST(NormalizeDescription, TextOnly) {
  Value doc = Yaml("a: Some text\nb: 42\n");
  EXPECT_EQ(NormalizeDescription(doc.Find("a")).value, "Some text");
  EXPECT_EQ(NormalizeDescription(doc.Find("b")).value, "");
  EXPECT_EQ(*NormalizeDescription(doc.Find("b")).note,
            "description 42 is a number, not text; left out");
  EXPECT_FALSE(NormalizeDescription(nullptr).note);
}

}  // namespace
}  // namespace golden::catalog
