#include "rego/builtins/uuid.h"

#include <gtest/gtest.h>

#include <cctype>

#include "rego/builtins/builtin_test_helper.h"

namespace golden::rego {
namespace {

using testing::BuiltinHarness;
using testing::J;
using testing::S;
using Kind = BuiltinResult::Kind;

Status RegisterBoth(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(RegisterUuidBuiltins(r));
  return RegisterRandBuiltins(r);
}

class UuidRand : public ::testing::Test {
 protected:
  BuiltinHarness h{RegisterBoth};
};

TEST_F(UuidRand, ParseVersions) {
  EXPECT_EQ(h.Ok("uuid.parse", {S("00000000-0000-4000-8000-000000000000")}),
            J(R"({"variant": "RFC4122", "version": 4})"));
  EXPECT_EQ(h.Ok("uuid.parse", {S("{00000000-0000-4000-8000-000000000000}")}),
            J(R"({"variant": "RFC4122", "version": 4})"));
  EXPECT_EQ(h.Ok("uuid.parse", {S("6bea8ef2d3d33cd184e09bab06a52ece")}),
            J(R"({"variant": "RFC4122", "version": 3})"));
  const Value v2 = J(R"({"clocksequence": 12800, "domain": "Person", "id": 1000,
      "macvariables": "local:unicast", "nodeid": "32-50-96-b3-9f-47",
      "time": 1693566990121469600, "variant": "RFC4122", "version": 2})");
  EXPECT_EQ(h.Ok("uuid.parse", {S("000003e8-48b9-21ee-b200-325096b39f47")}), v2);
  EXPECT_EQ(h.Ok("uuid.parse", {S("urn:uuid:000003e8-48b9-21ee-b200-325096b39f47")}), v2);
  EXPECT_EQ(h.Ok("uuid.parse", {S("URN:UUID:000003e8-48b9-21ee-b200-325096b39f47")}), v2);
  Value v1 = h.Ok("uuid.parse", {S("c232ab00-9414-11ec-b3c8-9f6bdeced846")});
  EXPECT_EQ(*v1.Find("version"), Value::Int(1));
  EXPECT_EQ(*v1.Find("macvariables"), S("local:multicast"));  // node byte 0x9f
  EXPECT_EQ(v1.Find("domain"), nullptr);
  EXPECT_EQ(*h.Ok("uuid.parse", {S("00000000-0000-4000-c000-000000000000")}).Find("variant"),
            S("Microsoft"));
  EXPECT_EQ(*h.Ok("uuid.parse", {S("00000000-0000-4000-0000-000000000000")}).Find("variant"),
            S("Reserved"));
}

TEST_F(UuidRand, ParseRejectsMalformed) {
  for (std::string_view bad :
       {"", "not-a-uuid", "00000000-0000-4000-8000-00000000000",
        "00000000_0000-4000-8000-000000000000", "0000000g-0000-4000-8000-000000000000",
        "uri:uuid:000003e8-48b9-21ee-b200-325096b39f47", "6bea8ef2d3d33cd184e09bab06a52ecx"}) {
    EXPECT_EQ(h.Call("uuid.parse", {S(bad)}).kind(), Kind::kUndefined) << bad;
  }
  EXPECT_EQ(h.Err("uuid.parse", {Value::Int(123)}, Kind::kTypeError),
            "operand 1 must be string but got number");
}

TEST_F(UuidRand, Rfc4122IsStablePerQuery) {
  h.ctx().seed = 42;
  Value a = h.Ok("uuid.rfc4122", {S("key")});
  EXPECT_EQ(h.Ok("uuid.rfc4122", {S("key")}), a);
  EXPECT_NE(h.Ok("uuid.rfc4122", {S("other")}), a);
  // xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx in lower-case hex.
  const std::string text(a.GetString());
  ASSERT_EQ(text.size(), 36u);
  for (size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    EXPECT_TRUE(dash ? text[i] == '-'
                     : std::isxdigit(static_cast<unsigned char>(text[i])) &&
                           !std::isupper(static_cast<unsigned char>(text[i])))
        << text;
  }
  EXPECT_EQ(text[14], '4') << text;
  EXPECT_NE(std::string("89ab").find(text[19]), std::string::npos) << text;
  EXPECT_EQ(*h.Ok("uuid.parse", {a}).Find("version"), Value::Int(4));
  h.ctx().seed = 43;  // another query
  EXPECT_NE(h.Ok("uuid.rfc4122", {S("key")}), a);
  EXPECT_TRUE(h.registry().Find("uuid.rfc4122")->nondeterministic);
}

TEST_F(UuidRand, IntnIsStablePerQueryAndInRange) {
  h.ctx().seed = 7;
  Value a = h.Ok("rand.intn", {S("key"), Value::Int(100)});
  EXPECT_EQ(h.Ok("rand.intn", {S("key"), Value::Int(100)}), a);
  EXPECT_EQ(h.Ok("rand.intn", {S("key"), Value::Int(-100)}), a);  // |n| is the bound
  EXPECT_EQ(h.Ok("rand.intn", {S("key"), Value::Int(0)}), Value::Int(0));
  EXPECT_EQ(h.Ok("rand.intn", {S("key"), Value::Int(1)}), Value::Int(0));
  std::set<int64_t> seen;
  for (int i = 0; i < 200; ++i) {
    int64_t v = *h.Ok("rand.intn", {S("k" + std::to_string(i)), Value::Int(10)}).AsInt64();
    EXPECT_GE(v, 0);
    EXPECT_LT(v, 10);
    seen.insert(v);
  }
  EXPECT_EQ(seen.size(), 10u);  // every value shows up
  int64_t big = *h.Ok("rand.intn", {S("key"), Value::Int(INT64_MIN)}).AsInt64();
  EXPECT_GE(big, 0);
  EXPECT_EQ(h.Err("rand.intn", {S("key"), J("1.5")}, Kind::kTypeError),
            "operand 2 must be integer number but got floating-point number");
  EXPECT_EQ(h.Err("rand.intn", {S("key"), S("1")}, Kind::kTypeError),
            "operand 2 must be number but got string");
}

}  // namespace
}  // namespace golden::rego
