#include "policy/toml.h"

#include <gtest/gtest.h>

#include "value/json.h"

namespace golden::policy {
namespace {

std::string Json(std::string_view toml) {
  auto v = ParseToml(toml);
  if (!v.ok()) {
    return "error: line " + std::to_string(v.status().where()->line) + ": " + v.status().message();
  }
  return ToJson(*v);
}

TEST(Toml, TablesKeysAndValues) {
  EXPECT_EQ(
      Json("# comment\n[project]\nname = \"svc\"  # trailing\nversion = '1.0'\n"
           "dependencies = [\n  \"requests>=2\", # c\n  \"flask==3.0\",\n]\n"
           "[tool.poetry.dependencies]\npython = \"^3.11\"\n"),
      R"({"project":{"dependencies":["requests>=2","flask==3.0"],"name":"svc","version":"1.0"},)"
      R"("tool":{"poetry":{"dependencies":{"python":"^3.11"}}}})");
  EXPECT_EQ(Json("[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\n"
                 "a.b = 1_000\nok = true\npi = 3.5\nwhen = 1979-05-27\n"),
            R"({"dependencies":{"a":{"b":1000},"ok":true,"pi":3.5,)"
            R"("serde":{"features":["derive"],"version":"1"},"when":"1979-05-27"}})");
  EXPECT_EQ(Json("[[bin]]\nname = \"a\"\n[[bin]]\nname = \"b\"\n"),
            R"({"bin":[{"name":"a"},{"name":"b"}]})");
  EXPECT_EQ(Json("s = \"\"\"\nmulti\nline\"\"\"\nu = \"\\u00e9\"\n"),
            R"({"s":"multi\nline","u":"é"})");
}

TEST(Toml, ErrorsHaveLines) {
  EXPECT_EQ(Json("a = 1\nb 2\n"), "error: line 2: expected '='");
  EXPECT_EQ(Json("a = 1\na = 2\n"), "error: line 2: key 'a' is defined twice");
  EXPECT_EQ(Json("a = \"open\n"), "error: line 1: unterminated string");
  EXPECT_EQ(Json("a = [1, 2\n"), "error: line 2: expected ',' or ']'");
  EXPECT_EQ(Json("a = nope\n"), "error: line 1: expected a value");
}

}  // namespace
}  // namespace golden::policy
