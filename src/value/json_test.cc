#include <gtest/gtest.h>

#include "value/json.h"

namespace golden {
namespace {

TEST(ParseJson, RoundTripsCompact) {
  const char* text = R"({"a":[1,2.5,"x",null,true],"b":{"c":{}},"d":[]})";
  auto v = ParseJson(text);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(ToJson(*v), text);
}

TEST(ParseJson, KeepsBigNumbersExact) {
  auto v = ParseJson("[123456789012345678901234567890, 18446744073709551615, 1.0e300, 0.1]");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(ToJson(*v), "[123456789012345678901234567890,18446744073709551615,1.0e300,0.1]");
}

TEST(ParseJson, ErrorsCarryLineAndColumn) {
  auto v = ParseJson("{\n  \"a\": tru\n}", "data.json");
  ASSERT_FALSE(v.ok());
  ASSERT_TRUE(v.status().where().has_value());
  EXPECT_EQ(v.status().where()->file, "data.json");
  EXPECT_EQ(v.status().where()->line, 2);
  EXPECT_NE(v.status().ToString().find("data.json:2:"), std::string::npos) << v.status().ToString();
}

TEST(ParseJson, TrailingGarbageAndEmptyInputFail) {
  EXPECT_FALSE(ParseJson("{} x").ok());
  EXPECT_FALSE(ParseJson("").ok());
  EXPECT_FALSE(ParseJson("\"\xff\"").ok());
}

TEST(ParseJson, DeepNestingIsAnErrorNotACrash) {
  std::string deep(100000, '[');
  auto v = ParseJson(deep);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.status().message().find("nesting"), std::string::npos) << v.status().message();
}

TEST(ParseJson, DuplicateKeyLastWins) {
  auto v = ParseJson(R"({"a":1,"a":2})");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(ToJson(*v), R"({"a":2})");
}

TEST(ToJson, IndentedLikePythonAndGo) {
  auto v = ParseJson(R"({"b":[1,{}],"a":[]})");
  JsonStyle style;
  style.indent = 2;
  EXPECT_EQ(ToJson(*v, style), "{\n  \"a\": [],\n  \"b\": [\n    1,\n    {}\n  ]\n}");
}

TEST(ToJson, Escaping) {
  Value s = Value::String("a\"b\\c\n\x01<\xc3\xa9\xf0\x9f\x98\x80");
  EXPECT_EQ(ToJson(s), "\"a\\\"b\\\\c\\n\\u0001<\xc3\xa9\xf0\x9f\x98\x80\"");
  JsonStyle ascii;
  ascii.ascii = true;
  ascii.escape_html = true;
  EXPECT_EQ(ToJson(s, ascii), "\"a\\\"b\\\\c\\n\\u0001\\u003c\\u00e9\\ud83d\\ude00\"");
  EXPECT_EQ(ToJson(Value::String("bad\xff")), "\"bad\\ufffd\"");
}

TEST(AppendJsonString, EscapesWhereverTheCharacterFallsInALongString) {
  // Long runs of plain text are skipped in blocks of 16 bytes: a character that needs care
  // must be found at every offset of a block, and near the end of the string.
  struct Case {
    std::string text;
    JsonStyle style;
    std::string escaped;
  };
  JsonStyle ascii;
  ascii.ascii = true;
  JsonStyle html;
  html.escape_html = true;
  const std::vector<Case> cases = {
      {"\"", {}, "\\\""},
      {"\\", {}, "\\\\"},
      {"\n", {}, "\\n"},
      {"\x01", {}, "\\u0001"},
      {"\x7f", {}, "\x7f"},
      {"\x7f", ascii, "\\u007f"},
      {"\xc3\xa9", {}, "\xc3\xa9"},
      {"\xc3\xa9", ascii, "\\u00e9"},
      {"\xff", {}, "\\ufffd"},
      {"<", {}, "<"},
      {"<", html, "\\u003c"},
      {"&", html, "\\u0026"},
  };
  for (const Case& c : cases) {
    for (size_t before = 0; before <= 40; ++before) {
      for (size_t after : {0, 1, 15, 16, 17}) {
        std::string text = std::string(before, 'a') + c.text + std::string(after, 'b');
        std::string want =
            "\"" + std::string(before, 'a') + c.escaped + std::string(after, 'b') + "\"";
        std::string got;
        AppendJsonString(&got, text, c.style);
        ASSERT_EQ(got, want) << "before " << before << " after " << after;
      }
    }
  }
}

TEST(ToJson, SpacedSeparatorsAndSetsAndNonStringKeys) {
  JsonStyle spaced;
  spaced.spaced = true;
  Value o = Value::Object({{Value::String("k"), Value::Set({Value::Int(2), Value::Int(1)})},
                           {Value::Int(1), Value::Bool(true)}});
  EXPECT_EQ(ToJson(o, spaced), R"({"1": true, "k": [1, 2]})");
}

TEST(Json, PointerTokens) {
  EXPECT_EQ(JsonPointerToken("a/b~c"), "a~1b~0c");
  EXPECT_EQ(JsonPointerToken(""), "");
}

}  // namespace
}  // namespace golden
