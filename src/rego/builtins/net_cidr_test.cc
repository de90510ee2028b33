#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_helper.h"
#include "rego/builtins/net.h"

namespace golden::rego {
namespace {

using testing::BuiltinHarness;
using testing::J;
using testing::S;
using Kind = BuiltinResult::Kind;

Status RegisterNet(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(RegisterNetCidrBuiltins(r));
  return RegisterNetLookupBuiltins(r);
}

class NetBuiltins : public ::testing::Test {
 protected:
  BuiltinHarness h{RegisterNet};
  Value Contains(std::string_view a, std::string_view b) {
    return h.Ok("net.cidr_contains", {S(a), S(b)});
  }
};

TEST_F(NetBuiltins, CidrContains) {
  EXPECT_EQ(Contains("10.0.0.0/8", "10.1.0.0/24"), Value::Bool(true));
  EXPECT_EQ(Contains("172.17.0.0/24", "172.17.0.0/16"), Value::Bool(false));
  EXPECT_EQ(Contains("10.0.0.0/8", "192.168.1.0/24"), Value::Bool(false));
  EXPECT_EQ(Contains("10.0.0.0/8", "10.1.1.1/32"), Value::Bool(true));
  EXPECT_EQ(Contains("2001:4860:4860::8888/32", "2001:4860:4860:1234::8888/40"),
            Value::Bool(true));
  EXPECT_EQ(Contains("2001:4860::/96", "2001:4860::/32"), Value::Bool(false));
  EXPECT_EQ(Contains("2001:4860::/32", "fd1e:5bfe:8af3:9ddc::/64"), Value::Bool(false));
  EXPECT_EQ(Contains("10.0.0.0/8", "10.1.2.3"), Value::Bool(true));
  EXPECT_EQ(Contains("10.0.0.0/8", "192.168.1.1"), Value::Bool(false));
  EXPECT_EQ(Contains("0.0.0.0/0", "255.255.255.255"), Value::Bool(true));
  EXPECT_EQ(h.Err("net.cidr_contains", {S("not-a-cidr"), S("192.168.1.67")}),
            "invalid CIDR address: not-a-cidr");
  EXPECT_EQ(h.Err("net.cidr_contains", {S("192.168.1.0/28"), S("not-a-cidr")}),
            "not a valid textual representation of an IP address or CIDR: not-a-cidr");
  EXPECT_EQ(h.Err("net.cidr_contains", {S("10.0.0.0/8"), Value::Int(1)}, Kind::kTypeError),
            "operand 2 must be string but got number");
  EXPECT_EQ(h.Ok("net.cidr_overlap", {S("10.0.0.0/8"), S("10.1.2.3")}), Value::Bool(true));
  EXPECT_TRUE(h.registry().Find("net.cidr_overlap")->deprecated);
}

TEST_F(NetBuiltins, CidrIntersectsAndIsValid) {
  EXPECT_EQ(h.Ok("net.cidr_intersects", {S("192.168.0.0/16"), S("192.168.1.0/24")}),
            Value::Bool(true));
  EXPECT_EQ(h.Ok("net.cidr_intersects", {S("192.168.1.0/24"), S("192.168.0.0/16")}),
            Value::Bool(true));
  EXPECT_EQ(h.Ok("net.cidr_intersects", {S("192.168.0.0/24"), S("192.168.1.0/24")}),
            Value::Bool(false));
  EXPECT_EQ(h.Ok("net.cidr_intersects", {S("fd1e:5bfe:8af3:9ddc::/64"), S("fd1e::/16")}),
            Value::Bool(true));
  EXPECT_EQ(h.Err("net.cidr_intersects", {S("x"), S("10.0.0.0/8")}), "invalid CIDR address: x");
  EXPECT_EQ(h.Ok("net.cidr_is_valid", {S("192.168.1.0/24")}), Value::Bool(true));
  EXPECT_EQ(h.Ok("net.cidr_is_valid", {S("")}), Value::Bool(false));
  EXPECT_EQ(h.Ok("net.cidr_is_valid", {S("192.168.1.2")}), Value::Bool(false));
  EXPECT_EQ(h.Ok("net.cidr_is_valid", {S("2002::1234:abcd:ffff:c0a8:101/64")}), Value::Bool(true));
  EXPECT_EQ(h.Ok("net.cidr_is_valid", {Value::Int(7)}), Value::Bool(false));
}

TEST_F(NetBuiltins, CidrExpand) {
  EXPECT_EQ(h.Ok("net.cidr_expand", {S("192.168.1.1/30")}),
            Value::Set({S("192.168.1.0"), S("192.168.1.1"), S("192.168.1.2"), S("192.168.1.3")}));
  EXPECT_EQ(h.Ok("net.cidr_expand", {S("172.16.100.255/30")}),
            Value::Set({S("172.16.100.252"), S("172.16.100.253"), S("172.16.100.254"),
                        S("172.16.100.255")}));
  EXPECT_EQ(h.Ok("net.cidr_expand", {S("192.168.1.1/32")}), Value::Set({S("192.168.1.1")}));
  EXPECT_EQ(h.Ok("net.cidr_expand", {S("255.255.255.254/31")}),
            Value::Set({S("255.255.255.254"), S("255.255.255.255")}));
  EXPECT_EQ(h.Ok("net.cidr_expand", {S("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127")}),
            Value::Set({S("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"),
                        S("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")}));
  EXPECT_EQ(h.Ok("net.cidr_expand", {S("::ffff:10.0.0.1/127")}),
            Value::Set({S("10.0.0.0"), S("10.0.0.1")}));
  EXPECT_EQ(h.Ok("net.cidr_expand", {S("10.0.0.0/16")}).Size(), size_t{1} << 16);
  EXPECT_EQ(h.Err("net.cidr_expand", {S("192.168.1.1/33")}),
            "invalid CIDR address: 192.168.1.1/33");
  EXPECT_EQ(h.Err("net.cidr_expand", {S("10.0.0.0/8")}),
            "CIDR 10.0.0.0/8 has more than 1048576 addresses, too many to expand");
}

TEST_F(NetBuiltins, CidrContainsMatches) {
  EXPECT_EQ(h.Ok("net.cidr_contains_matches", {S("1.1.1.0/24"), S("1.1.1.128")}),
            Value::Set({Value::Array({S("1.1.1.0/24"), S("1.1.1.128")})}));
  Value out = h.Ok("net.cidr_contains_matches",
                   {J(R"(["1.1.1.0/24", "1.1.2.0/24"])"),
                    J(R"({"a": "1.1.1.128", "b": ["1.1.2.1", "extra"], "c": "2.2.2.2"})")});
  EXPECT_EQ(out, Value::Set({J(R"([0, "a"])"), J(R"([1, "b"])")}));
  Value from_set = h.Ok("net.cidr_contains_matches",
                        {Value::Set({J(R"(["10.0.0.0/8", "meta"])")}), S("10.1.1.1")});
  EXPECT_EQ(from_set, Value::Set({Value::Array({J(R"(["10.0.0.0/8", "meta"])"), S("10.1.1.1")})}));
  EXPECT_EQ(h.Ok("net.cidr_contains_matches", {Value::Int(1), S("10.1.1.1")}), Value::EmptySet());
  EXPECT_EQ(h.Err("net.cidr_contains_matches", {J("[[]]"), S("10.1.1.1")}),
            "operand 1: element must be string or non-empty array");
  EXPECT_EQ(h.Err("net.cidr_contains_matches", {S("10.0.0.0/8"), J("[1]")}),
            "operand 2: element must be string or non-empty array");
  EXPECT_EQ(h.Err("net.cidr_contains_matches", {S("10.0.0.0/8"), J("[[1]]")}, Kind::kTypeError),
            "operand 1 must be string but got number");
}

Value Merge(BuiltinHarness& h, std::string_view json) { return h.Ok("net.cidr_merge", {J(json)}); }

Value StrSet(std::vector<std::string_view> items) {
  std::vector<Value> v;
  for (auto s : items) v.push_back(S(s));
  return Value::Set(std::move(v));
}

TEST_F(NetBuiltins, CidrMerge) {
  EXPECT_EQ(Merge(h, R"(["192.0.128.0/24", "192.0.129.0/24"])"), StrSet({"192.0.128.0/23"}));
  EXPECT_EQ(Merge(h, R"([])"), Value::EmptySet());
  EXPECT_EQ(Merge(h, R"(["192.0.128.0/24", "192.0.130.0/24"])"),
            StrSet({"192.0.128.0/24", "192.0.130.0/24"}));
  EXPECT_EQ(Merge(h, R"(["10.0.0.0/8", "10.1.0.0/16", "10.0.0.0/8"])"), StrSet({"10.0.0.0/8"}));
  // Adjacent ranges whose union is not one aligned block split minimally.
  EXPECT_EQ(Merge(h, R"(["10.0.1.0/24", "10.0.2.0/24"])"),
            StrSet({"10.0.1.0/24", "10.0.2.0/24"}));
  EXPECT_EQ(Merge(h, R"(["10.0.1.0/24", "10.0.2.0/23", "10.0.4.0/24"])"),
            StrSet({"10.0.1.0/24", "10.0.2.0/23", "10.0.4.0/24"}));
  EXPECT_EQ(Merge(h, R"(["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"])"),
            StrSet({"10.0.0.0/22"}));
  // A bare IPv4 address stands for its classful network (kept as written when alone).
  EXPECT_EQ(Merge(h, R"(["192.0.128.0", "192.0.129.0"])"), StrSet({"192.0.128.0/23"}));
  EXPECT_EQ(Merge(h, R"(["10.0.0.1"])"), StrSet({"10.0.0.1/8"}));
  EXPECT_EQ(Merge(h, R"(["10.0.0.1", "10.0.0.1"])"), StrSet({"10.0.0.0/8"}));
  EXPECT_EQ(h.Ok("net.cidr_merge", {Value::Set({S("1.2.3.0/25"), S("1.2.3.128/25")})}),
            StrSet({"1.2.3.0/24"}));
  EXPECT_EQ(Merge(h, R"(["2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64",
                         "2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128"])"),
            StrSet({"2601:600:8a80:207e::/64"}));
  EXPECT_EQ(Merge(h, R"(["2001:db8::/33", "2001:db8:8000::/33"])"), StrSet({"2001:db8::/32"}));
  EXPECT_EQ(Merge(h, R"(["::/1", "8000::/1"])"), StrSet({"::/0"}));
  EXPECT_EQ(Merge(h, R"(["0.0.0.0/1", "128.0.0.0/1"])"), StrSet({"0.0.0.0/0"}));
  EXPECT_EQ(Merge(h, R"(["1.0.0.0/8", "::ffff:0:0/96"])"), StrSet({"0.0.0.0/0"}));
  EXPECT_EQ(h.Err("net.cidr_merge", {J(R"(["2601:600:8a80:207e:a57d:7567:e2c9:e7b3"])")}),
            "IPv6 invalid: needs prefix length");
  EXPECT_EQ(h.Err("net.cidr_merge", {J(R"(["1.2.3.4/33"])")}), "invalid CIDR address: 1.2.3.4/33");
  EXPECT_EQ(h.Err("net.cidr_merge", {J("[1]")}), "element must be string");
  EXPECT_EQ(h.Err("net.cidr_merge", {S("10.0.0.0/8")}), "operand must be an array");
}

TEST_F(NetBuiltins, LookupWithoutNetwork) {
  EXPECT_EQ(h.Ok("net.lookup_ip_addr", {S("10.0.0.0")}), StrSet({"10.0.0.0"}));
  EXPECT_EQ(h.Ok("net.lookup_ip_addr", {S("::")}), StrSet({"::"}));
  EXPECT_EQ(h.Ok("net.lookup_ip_addr", {S("localhost")}), StrSet({"127.0.0.1", "::1"}));
  EXPECT_EQ(h.Err("net.lookup_ip_addr", {S("example.com")}),
            "network access is disabled: cannot resolve example.com (pass --allow-net to allow "
            "it)");
  h.options().allow_net_flag = "--net";
  EXPECT_NE(h.Err("net.lookup_ip_addr", {S("example.com")}).find("--net"), std::string::npos);
  EXPECT_TRUE(h.registry().Find("net.lookup_ip_addr")->nondeterministic);
}

}  // namespace
}  // namespace golden::rego
