#include "report/json_writer.h"

#include <gtest/gtest.h>

#include "value/json.h"

namespace golden::report {
namespace {

TEST(JsonWriter, LaysOutLikePythonIndent2) {
  std::string out;
  JsonWriter w(&out, 2);
  w.BeginObject();
  w.Member("name", "x");
  w.Member("n", 3);
  w.Member("ok", true);
  w.Key("none");
  w.Null();
  w.Key("empty_list");
  w.BeginArray();
  w.EndArray();
  w.Key("empty_object");
  w.BeginObject();
  w.EndObject();
  w.Key("list");
  w.BeginArray();
  w.Int(1);
  w.String("two");
  w.EndArray();
  w.EndObject();
  EXPECT_EQ(out, R"({
  "name": "x",
  "n": 3,
  "ok": true,
  "none": null,
  "empty_list": [],
  "empty_object": {},
  "list": [
    1,
    "two"
  ]
})");
}

TEST(JsonWriter, KeepsInsertionOrder) {
  std::string out;
  JsonWriter w(&out, 0);
  w.BeginObject();
  w.Member("zeta", 1);
  w.Member("alpha", 2);
  w.EndObject();
  EXPECT_EQ(out, R"({"zeta":1,"alpha":2})");
}

TEST(JsonWriter, EmbedsValuesAtTheRightDepth) {
  auto v = ParseJson(R"({"b": [1.50, {"c": null}], "a": "\u00e9\"", "s": []})");
  ASSERT_TRUE(v.ok());
  std::string out;
  JsonWriter w(&out, 2);
  w.BeginArray();
  w.Value(*v);
  w.EndArray();
  EXPECT_EQ(out,
            "[\n  {\n    \"a\": \"\u00e9\\\"\",\n    \"b\": [\n      1.50,\n      {\n"
            "        \"c\": null\n      }\n    ],\n    \"s\": []\n  }\n]");
  // The result is JSON that reads back to the same value.
  auto back = ParseJson(out);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->GetArray()[0], *v);
}

TEST(JsonWriter, RawTakesAPartWrittenApartAtItsDepth) {
  auto write_record = [](JsonWriter* w, int n) {
    w->BeginObject();
    w->Member("n", n);
    w->Key("list");
    w->BeginArray();
    w->String("x");
    w->EndArray();
    w->Key("empty");
    w->BeginObject();
    w->EndObject();
    w->EndObject();
  };
  for (int indent : {0, 2, 4}) {
    std::string whole;
    JsonWriter w(&whole, indent);
    w.BeginObject();
    w.Key("records");
    w.BeginObject();
    for (int n : {1, 2}) {
      w.Key("r" + std::to_string(n));
      write_record(&w, n);
    }
    w.EndObject();
    w.EndObject();

    std::string assembled;
    JsonWriter a(&assembled, indent);
    a.BeginObject();
    a.Key("records");
    a.BeginObject();
    for (int n : {1, 2}) {
      std::string part;
      JsonWriter p(&part, indent, a.depth());
      write_record(&p, n);
      a.Key("r" + std::to_string(n));
      a.Raw(part);
    }
    a.EndObject();
    a.EndObject();
    EXPECT_EQ(assembled, whole) << "indent " << indent;
  }
}

}  // namespace
}  // namespace golden::report
