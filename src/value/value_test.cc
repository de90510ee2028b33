#include "value/value.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "value/json.h"

namespace golden {
namespace {

Value S(const char* s) { return Value::String(s); }

TEST(Value, KindsAndAccessors) {
  EXPECT_TRUE(Value().IsNull());
  EXPECT_TRUE(Value::Bool(true).GetBool());
  EXPECT_EQ(Value::Int(7).AsInt64(), 7);
  EXPECT_EQ(S("x").GetString(), "x");
  EXPECT_EQ(Value::Array({Value::Int(1)}).Size(), 1u);
  EXPECT_FALSE(S("x").AsNumber().has_value());
  EXPECT_EQ(Value::Int(1).TypeName(), "number");
  EXPECT_EQ(Value::EmptySet().TypeName(), "set");
}

TEST(Value, TotalOrderAcrossKinds) {
  std::vector<Value> ordered = {Value::Null(),
                                Value::Bool(false),
                                Value::Bool(true),
                                Value::Int(-1),
                                Value::Int(2),
                                S(""),
                                S("a"),
                                Value::Array({}),
                                Value::Array({Value::Int(1)}),
                                Value::EmptyObject(),
                                Value::Set({})};
  for (size_t i = 0; i < ordered.size(); ++i) {
    for (size_t j = 0; j < ordered.size(); ++j) {
      int c = Compare(ordered[i], ordered[j]);
      if (i < j) {
        EXPECT_LT(c, 0) << i << " " << j;
      } else if (i == j) {
        EXPECT_EQ(c, 0);
      } else {
        EXPECT_GT(c, 0);
      }
    }
  }
}

TEST(Value, ArraysCompareElementwiseThenLength) {
  EXPECT_LT(Value::Array({Value::Int(1), Value::Int(9)}), Value::Array({Value::Int(2)}));
  EXPECT_LT(Value::Array({Value::Int(1)}), Value::Array({Value::Int(1), Value::Int(0)}));
}

TEST(Value, ObjectsSortKeysLastDuplicateWins) {
  Value o = Value::Object({{S("b"), Value::Int(1)}, {S("a"), Value::Int(2)}, {S("b"), Value::Int(3)}});
  ASSERT_EQ(o.Size(), 2u);
  EXPECT_EQ(o.GetObject()[0].key.GetString(), "a");
  EXPECT_EQ(*o.Find("b"), Value::Int(3));
  EXPECT_EQ(o.Find("c"), nullptr);
  EXPECT_EQ(*o.Find(S("a")), Value::Int(2));
}

TEST(Value, NonStringKeysSortBeforeAndAfterStrings) {
  Value o = Value::Object({{S("k"), Value::Int(1)},
                           {Value::Int(1), Value::Int(2)},
                           {Value::Array({}), Value::Int(3)}});
  EXPECT_EQ(*o.Find("k"), Value::Int(1));
  EXPECT_EQ(*o.Find(Value::Int(1)), Value::Int(2));
  EXPECT_EQ(*o.Find(Value::Array({})), Value::Int(3));
}

TEST(Value, SetsSortAndDedupByValue) {
  Value s = Value::Set({Value::Int(3), Value::Int(1), Value::Num(*Number::Parse("1.0")), S("x")});
  ASSERT_EQ(s.Size(), 3u);
  EXPECT_TRUE(s.Contains(Value::Int(1)));
  EXPECT_TRUE(s.Contains(S("x")));
  EXPECT_FALSE(s.Contains(Value::Int(2)));
}

TEST(Value, HashAgreesWithEquality) {
  Value a = Value::Object({{S("x"), Value::Set({Value::Int(1), Value::Int(2)})}});
  Value b = Value::Object({{S("x"), Value::Set({Value::Int(2), Value::Int(1)})}});
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.Hash(), b.Hash());
  EXPECT_EQ(Value::Int(1).Hash(), Value::Num(*Number::Parse("1.0")).Hash());
}

TEST(Value, CopiesShareNodes) {
  Value a = Value::Array({S("big")});
  Value b = a;
  EXPECT_EQ(a.node_identity(), b.node_identity());
  Value c = std::move(b);
  EXPECT_TRUE(b.IsNull());  // NOLINT(bugprone-use-after-move): moved-from is null by contract
  EXPECT_EQ(c.node_identity(), a.node_identity());
}

TEST(Value, SharedAcrossThreads) {
  Value shared = Value::Object({{S("k"), Value::Array({S("v")})}});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([shared] {
      for (int i = 0; i < 10000; ++i) {
        Value copy = shared;
        ASSERT_NE(copy.Find("k"), nullptr);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(shared.Find("k")->Size(), 1u);
}

TEST(ObjectBuilder, DetectsConflicts) {
  ObjectBuilder b;
  b.Add(S("a"), Value::Int(1));
  b.Add(S("a"), Value::Int(1));
  auto ok = std::move(b).Build();
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->Size(), 1u);
  ObjectBuilder c;
  c.Add(S("a"), Value::Int(1));
  c.Add(S("a"), Value::Int(2));
  Value key;
  EXPECT_FALSE(std::move(c).Build(&key).has_value());
  EXPECT_EQ(key, S("a"));
}

TEST(Value, FindPath) {
  Value v = *ParseJson(R"({"a":{"b":{"c":1}}})");
  ASSERT_NE(v.FindPath({"a", "b", "c"}), nullptr);
  EXPECT_EQ(v.FindPath({"a", "x"}), nullptr);
}

}  // namespace
}  // namespace golden
