#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

/// IP addresses and networks with the semantics of Go's net package (net.IP, net.IPNet,
/// net.ParseIP, net.ParseCIDR), which OPA's net.cidr_* builtins expose: strict IPv4 (no
/// leading zeros), IPv6 with an embedded IPv4 tail, IPv4-mapped IPv6 treated as IPv4 when
/// matching and printing.
namespace golden::rego::ip {

/// A 4- or 16-byte address (Go's net.IP), or a 4- or 16-byte mask (Go's net.IPMask).
struct Bytes {
  std::array<uint8_t, 16> b{};
  uint8_t len = 0;  ///< 4 or 16; 0 for "nil"

  bool empty() const { return len == 0; }
  friend bool operator==(const Bytes& a, const Bytes& c) {
    return a.len == c.len && std::equal(a.b.begin(), a.b.begin() + a.len, c.b.begin());
  }
};

/// Go's net.IPNet: a network number and its mask.
struct Network {
  Bytes ip;
  Bytes mask;
};

/// Go's net.ParseIP: a 16-byte address (IPv4 as ::ffff:a.b.c.d), or nullopt. Zones ("%eth0")
/// are rejected.
std::optional<Bytes> ParseIp(std::string_view s);

/// Go's net.ParseCIDR: the network (IP masked; 4-byte for IPv4) and the address as written
/// (16 bytes). nullopt for anything else, which Go reports as "invalid CIDR address: <s>".
std::optional<Network> ParseCidr(std::string_view s, Bytes* addr = nullptr);

/// Go's IP.To4: the 4-byte form of an IPv4 or IPv4-mapped address, else nullopt.
std::optional<Bytes> To4(const Bytes& ip);

/// Go's IP.Mask.
Bytes MaskIp(const Bytes& ip, const Bytes& mask);

/// Go's CIDRMask(ones, bits).
Bytes CidrMask(int ones, int bits);

/// Go's IPMask.Size: (ones, bits), or (0, 0) for a non-canonical mask.
std::pair<int, int> MaskSize(const Bytes& mask);

/// Go's IPNet.Contains.
bool Contains(const Network& net, const Bytes& ip);

/// Go's IP.String: dotted IPv4 for IPv4 and IPv4-mapped addresses, RFC 5952 IPv6 otherwise.
std::string ToString(const Bytes& ip);

/// Go's IPNet.String ("10.0.0.0/8", "2001:db8::/32").
std::string ToString(const Network& net);

/// Go's IP.DefaultMask: the classful mask of an IPv4 address (/8, /16 or /24).
Bytes DefaultMask(const Bytes& ip);

}  // namespace golden::rego::ip
