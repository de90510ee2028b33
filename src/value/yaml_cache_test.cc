#include "value/yaml_cache.h"

#include <gtest/gtest.h>

#include <thread>

#include "value/json.h"

namespace golden {
namespace {

constexpr std::string_view kWorkflow =
    "on: push\npermissions: {contents: read}\njobs:\n  test:\n    steps:\n      - run: make\n";

// The document and lines as text, to compare a cached parse with ParseYaml's own.
std::string Show(const ParsedYaml& p) {
  std::string out = ToJson(p.doc);
  for (const YamlLine& l : p.lines) out += "\n" + l.pointer + ":" + std::to_string(l.line);
  return out;
}

std::string Direct(std::string_view text) {
  ParsedYaml p;
  auto doc = ParseYaml(text, "x.yml", {}, &p.lines);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  p.doc = doc.ok() ? *doc : Value();
  return Show(p);
}

TEST(YamlCache, KeepsATextFromItsSecondSightingOn) {
  YamlCache cache;
  auto first = cache.Parse(kWorkflow, "a/ci.yml");
  auto second = cache.Parse(kWorkflow, "b/ci.yml");
  auto third = cache.Parse(kWorkflow, "c/ci.yml");
  ASSERT_TRUE(first.ok() && second.ok() && third.ok());
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_NE(first->get(), second->get());  // the first sighting is not kept
  EXPECT_EQ(second->get(), third->get());  // the second is, and answers the third
  for (const auto* p : {&first, &second, &third}) EXPECT_EQ(Show(***p), Direct(kWorkflow));
}

TEST(YamlCache, DistinctTextsAreParsedEachTime) {
  YamlCache cache;
  ASSERT_TRUE(cache.Parse("a: 1\n", "x").ok());
  auto b = cache.Parse("a: 2\n", "x");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(ToJson((*b)->doc), R"({"a":2})");
  EXPECT_EQ(cache.hits(), 0u);
}

TEST(YamlCache, ErrorsNameEachCallersFileAndAreNeverKept) {
  YamlCache cache;
  for (std::string name : {"one.yml", "two.yml", "three.yml"}) {
    auto bad = cache.Parse("a: [1, 2\n", name);
    ASSERT_FALSE(bad.ok());
    ASSERT_TRUE(bad.status().where().has_value());
    EXPECT_EQ(bad.status().where()->file, name);
  }
  EXPECT_EQ(cache.hits(), 0u);
}

TEST(YamlCache, LargeTextsAreNotKept) {
  std::string big = "a: \"" + std::string(YamlCache::kMaxTextBytes, 'x') + "\"\n";
  YamlCache cache;
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(cache.Parse(big, "big.yml").ok());
  EXPECT_EQ(cache.hits(), 0u);
}

TEST(YamlCache, WithoutACacheParsesDirectly) {
  auto p = ParseYamlWithLines(nullptr, kWorkflow, "ci.yml");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(Show(**p), Direct(kWorkflow));
}

TEST(YamlCache, ThreadsShareOneCache) {
  YamlCache cache;
  const std::string texts[] = {std::string(kWorkflow), "a: 1\nb: [x, y]\n", "- 1\n- 2\n"};
  std::vector<std::string> seen(8 * 3 * 50);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = 0; i < 150; ++i) {
        auto p = cache.Parse(texts[i % 3], "f.yml");
        seen[t * 150 + i] = p.ok() ? Show(**p) : p.status().ToString();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (size_t k = 0; k < seen.size(); ++k) EXPECT_EQ(seen[k], Direct(texts[k % 150 % 3]));
  EXPECT_GT(cache.hits(), 0u);
}

}  // namespace
}  // namespace golden
