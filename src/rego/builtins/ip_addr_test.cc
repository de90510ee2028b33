#include "rego/builtins/ip_addr.h"

#include <gtest/gtest.h>

namespace golden::rego::ip {
namespace {

std::string RoundTrip(std::string_view s) {
  auto a = ParseIp(s);
  return a ? ToString(*a) : "<invalid>";
}

TEST(IpAddr, ParsesAndPrintsLikeGo) {
  EXPECT_EQ(RoundTrip("192.168.1.1"), "192.168.1.1");
  EXPECT_EQ(RoundTrip("::"), "::");
  EXPECT_EQ(RoundTrip("::1"), "::1");
  EXPECT_EQ(RoundTrip("2001:0DB8:0000:0000:0000:0000:0000:0001"), "2001:db8::1");
  EXPECT_EQ(RoundTrip("2001:db8:0:0:1:0:0:1"), "2001:db8::1:0:0:1");
  EXPECT_EQ(RoundTrip("2001:0:0:1:0:0:0:1"), "2001:0:0:1::1");
  EXPECT_EQ(RoundTrip("1:0:1:0:1:0:1:0"), "1:0:1:0:1:0:1:0");
  EXPECT_EQ(RoundTrip("::ffff:1.2.3.4"), "1.2.3.4");
  EXPECT_EQ(RoundTrip("64:ff9b::192.0.2.33"), "64:ff9b::c000:221");
  EXPECT_EQ(RoundTrip("1:2:3:4:5:6:1.2.3.4"), "1:2:3:4:5:6:102:304");
}

TEST(IpAddr, RejectsWhatGoRejects) {
  for (std::string_view bad :
       {"", "1.2.3", "1.2.3.4.5", "01.2.3.4", "256.1.1.1", "1..2.3", "1.2.3.4.", "a.b.c.d",
        "1:2:3:4:5:6:7:8:9", "12345::1", "::1::", "1:2:3:4:5:6:7:8::", "fe80::1%eth0", ":1",
        "1:", "1:2:3:4:5:1.2.3.4", "localhost", " 1.2.3.4"}) {
    EXPECT_FALSE(ParseIp(bad).has_value()) << bad;
  }
}

TEST(Cidr, ParsesNetworks) {
  auto n = ParseCidr("192.168.1.7/24");
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(ToString(*n), "192.168.1.0/24");
  EXPECT_EQ(n->ip.len, 4);
  EXPECT_EQ(ToString(*ParseCidr("2002::1234:abcd:ffff:c0a8:101/64")), "2002:0:0:1234::/64");
  EXPECT_EQ(ToString(*ParseCidr("::ffff:1.2.3.4/120")), "1.2.3.0/24");
  EXPECT_EQ(ToString(*ParseCidr("0.0.0.0/0")), "0.0.0.0/0");
  EXPECT_EQ(ToString(*ParseCidr("10.0.0.0/024")), "10.0.0.0/24");
  for (std::string_view bad : {"", "192.168.1.1", "192.168.1.1/33", "192.168.1.1/", "/8",
                               "1.2.3.4/8x", "::/129", "fe80::1%eth0/64", "1.2.3.4/-1"}) {
    EXPECT_FALSE(ParseCidr(bad).has_value()) << bad;
  }
}

TEST(Cidr, ContainsMixesV4AndMappedV6) {
  auto net = *ParseCidr("10.0.0.0/8");
  EXPECT_TRUE(Contains(net, *ParseIp("10.1.2.3")));
  EXPECT_TRUE(Contains(net, *ParseIp("::ffff:10.1.2.3")));
  EXPECT_FALSE(Contains(net, *ParseIp("192.168.1.1")));
  EXPECT_FALSE(Contains(net, *ParseIp("::1")));
  auto v6 = *ParseCidr("2001:4860::/32");
  EXPECT_TRUE(Contains(v6, *ParseIp("2001:4860:4860::8888")));
  EXPECT_FALSE(Contains(v6, *ParseIp("10.0.0.1")));
}

TEST(Cidr, MasksAndDefaults) {
  EXPECT_EQ(MaskSize(CidrMask(20, 32)), std::make_pair(20, 32));
  EXPECT_EQ(MaskSize(CidrMask(0, 128)), std::make_pair(0, 128));
  Bytes odd = CidrMask(8, 32);
  odd.b[2] = 1;
  EXPECT_EQ(MaskSize(odd), std::make_pair(0, 0));
  EXPECT_EQ(MaskSize(DefaultMask(*ParseIp("10.0.0.1"))).first, 8);
  EXPECT_EQ(MaskSize(DefaultMask(*ParseIp("172.16.0.1"))).first, 16);
  EXPECT_EQ(MaskSize(DefaultMask(*ParseIp("192.168.0.1"))).first, 24);
  EXPECT_EQ(MaskSize(DefaultMask(*ParseIp("240.0.0.1"))).first, 24);
  EXPECT_TRUE(DefaultMask(*ParseIp("::2")).empty());
}

}  // namespace
}  // namespace golden::rego::ip
