#include "cli/cmd_capabilities.h"

#include <gtest/gtest.h>

#include "cli/commands.h"
#include "value/json.h"

namespace golden::cli {
namespace {

TEST(CapabilitiesTest, DocumentHasOpasShape) {
  Result<std::string> text = FormatCapabilities(/*compact=*/false);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  Result<Value> doc = ParseJson(*text);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const Value* builtins = doc->Find("builtins");
  ASSERT_NE(builtins, nullptr);
  ASSERT_TRUE(builtins->IsArray());
  ASSERT_GT(builtins->Size(), 100u);
  std::string previous;
  const Value* sprintf_entry = nullptr;
  for (const Value& b : builtins->GetArray()) {
    const Value* name = b.Find("name");
    ASSERT_NE(name, nullptr);
    std::string n(name->GetString());
    EXPECT_LT(previous, n) << "builtins are sorted by name";
    previous = n;
    ASSERT_NE(b.FindPath({"decl", "type"}), nullptr) << n;
    EXPECT_EQ(b.FindPath({"decl", "type"})->GetString(), "function") << n;
    if (n == "sprintf") sprintf_entry = &b;
  }
  ASSERT_NE(sprintf_entry, nullptr);
  EXPECT_EQ(ToJson(*sprintf_entry),
            R"({"decl":{"args":[{"type":"string"},{"dynamic":{"type":"any"},"type":"array"}],)"
            R"("result":{"type":"string"},"type":"function"},"name":"sprintf"})");
  EXPECT_EQ(ToJson(*doc->Find("features")), R"(["keywords_in_refs","rego_v1","template_strings"])");
  EXPECT_EQ(text->back(), '\n');
  EXPECT_NE(text->find("\n  \"builtins\": [\n"), std::string::npos) << "pretty printed";
}

TEST(CapabilitiesTest, CompactIsOneLine) {
  Result<std::string> text = FormatCapabilities(/*compact=*/true);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->find('\n'), text->size() - 1);
}

TEST(CapabilitiesTest, RejectsUnknownOptions) {
  std::vector<std::string> args = {"--bogus"};
  EXPECT_EQ(RunCapabilities(GlobalOptions{}, args), kExitUsage);
}

}  // namespace
}  // namespace golden::cli
