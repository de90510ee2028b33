// OPA's net.cidr_* builtins (topdown/cidr.go) on Go-compatible address parsing (ip_addr.h).

#include "rego/builtins/net.h"

#include <algorithm>
#include <functional>
#include <vector>

#include "rego/builtins/ip_addr.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

constexpr char kNetCidrContains[] = "net.cidr_contains";
constexpr char kNetCidrContainsMatches[] = "net.cidr_contains_matches";
constexpr char kNetCidrExpand[] = "net.cidr_expand";
constexpr char kNetCidrIntersects[] = "net.cidr_intersects";
constexpr char kNetCidrIsValid[] = "net.cidr_is_valid";
constexpr char kNetCidrMerge[] = "net.cidr_merge";
constexpr char kNetCidrOverlap[] = "net.cidr_overlap";

// net.cidr_expand materialises every address; OPA relies on query cancellation to stop a /8
// or an IPv6 /64. golden refuses networks larger than this instead of exhausting memory.
constexpr int kMaxExpandHostBits = 20;

BuiltinResult InvalidCidr(std::string_view s) {
  return BuiltinResult::Error("invalid CIDR address: " + std::string(s));
}

// The last address of a network (Go's getLastIP in topdown/cidr.go).
ip::Bytes LastIp(const ip::Network& net) {
  auto [ones, bits] = ip::MaskSize(net.mask);
  ip::Bytes last = net.ip;
  last.len = static_cast<uint8_t>(bits / 8);
  if (net.ip.len > last.len) {
    // A 16-byte network number with a 4-byte mask: keep the low bytes, as big.Int does.
    std::copy(net.ip.b.begin() + (net.ip.len - last.len), net.ip.b.begin() + net.ip.len,
              last.b.begin());
  }
  for (int bit = ones; bit < bits; ++bit) {
    last.b[static_cast<size_t>(bit / 8)] |= static_cast<uint8_t>(0x80 >> (bit % 8));
  }
  return last;
}

// net.cidr_contains(cidr, cidr_or_ip), shared with cidr_overlap and cidr_contains_matches.
BuiltinResult ContainsImpl(const Value& a, const Value& b) {
  if (!a.IsString()) return OperandTypeError(1, a, {"string"});
  auto net_a = ip::ParseCidr(a.GetString());
  if (!net_a) return InvalidCidr(a.GetString());
  // OPA reports the second operand's type as operand 1 too.
  if (!b.IsString()) return OperandTypeError(1, b, {"string"});
  if (auto addr = ip::ParseIp(b.GetString())) return Value::Bool(ip::Contains(*net_a, *addr));
  auto net_b = ip::ParseCidr(b.GetString());
  if (!net_b) {
    return BuiltinResult::Error("not a valid textual representation of an IP address or CIDR: " +
                                std::string(b.GetString()));
  }
  // A contains B when it contains both B's first and last addresses.
  bool contained = ip::Contains(*net_a, net_b->ip) && ip::Contains(*net_a, LastIp(*net_b));
  return Value::Bool(contained);
}

BuiltinResult CidrContains(BuiltinContext&, std::span<const Value> args) {
  return ContainsImpl(args[0], args[1]);
}

BuiltinResult CidrIntersects(BuiltinContext&, std::span<const Value> args) {
  auto a = ip::ParseCidr(args[0].GetString());
  if (!a) return InvalidCidr(args[0].GetString());
  auto b = ip::ParseCidr(args[1].GetString());
  if (!b) return InvalidCidr(args[1].GetString());
  return Value::Bool(ip::Contains(*a, b->ip) || ip::Contains(*b, a->ip));
}

BuiltinResult CidrIsValid(BuiltinContext&, std::span<const Value> args) {
  if (!args[0].IsString()) return Value::Bool(false);
  return Value::Bool(ip::ParseCidr(args[0].GetString()).has_value());
}

void Increment(ip::Bytes* a) {
  for (int j = a->len - 1; j >= 0; --j) {
    if (++a->b[static_cast<size_t>(j)] != 0) break;
  }
}

BuiltinResult CidrExpand(BuiltinContext&, std::span<const Value> args) {
  std::string_view s = args[0].GetString();
  ip::Bytes addr;
  auto net = ip::ParseCidr(s, &addr);
  if (!net) return InvalidCidr(s);
  auto [ones, bits] = ip::MaskSize(net->mask);
  if (bits - ones > kMaxExpandHostBits) {
    return BuiltinResult::Error("CIDR " + std::string(s) + " has more than " +
                                std::to_string(1 << kMaxExpandHostBits) +
                                " addresses, too many to expand");
  }
  std::vector<Value> hosts;
  hosts.reserve(size_t{1} << (bits - ones));
  for (ip::Bytes a = ip::MaskIp(addr, net->mask); ip::Contains(*net, a); Increment(&a)) {
    hosts.push_back(Value::String(ip::ToString(a)));
    if (hosts.size() == size_t{1} << (bits - ones)) break;  // the next address wraps around
  }
  return Value::Set(std::move(hosts));
}

// ---- net.cidr_contains_matches ----

constexpr std::string_view kElementError = "element must be string or non-empty array";

// OPA's getCIDRMatchTerm: a string, or the first element of a non-empty array.
std::optional<Value> MatchTerm(const Value& v) {
  if (v.IsString()) return v;
  if (v.IsArray() && v.Size() > 0) return v.GetArray()[0];
  return std::nullopt;
}

// Calls `fn(cidr, index)` for each entry of a string, array, set or object operand.
std::optional<BuiltinResult> ForEachMatchOperand(
    int pos, const Value& a,
    const std::function<std::optional<BuiltinResult>(const Value&, const Value&)>& fn) {
  auto element_error = [&] {
    return BuiltinResult::Error("operand " + std::to_string(pos) + ": " +
                                std::string(kElementError));
  };
  if (a.IsString()) return fn(a, a);
  if (a.IsArray()) {
    auto items = a.GetArray();
    for (size_t i = 0; i < items.size(); ++i) {
      auto cidr = MatchTerm(items[i]);
      if (!cidr) return element_error();
      if (auto r = fn(*cidr, Value::Int(static_cast<int64_t>(i)))) return r;
    }
  } else if (a.IsSet()) {
    for (const Value& x : a.GetSet()) {
      auto cidr = MatchTerm(x);
      if (!cidr) return element_error();
      if (auto r = fn(*cidr, x)) return r;
    }
  } else if (a.IsObject()) {
    for (const auto& e : a.GetObject()) {
      auto cidr = MatchTerm(e.value);
      if (!cidr) return element_error();
      if (auto r = fn(*cidr, e.key)) return r;
    }
  }
  return std::nullopt;
}

BuiltinResult CidrContainsMatches(BuiltinContext&, std::span<const Value> args) {
  std::vector<Value> matches;
  auto err = ForEachMatchOperand(1, args[0], [&](const Value& cidr1, const Value& index1) {
    return ForEachMatchOperand(
        2, args[1], [&](const Value& cidr2, const Value& index2) -> std::optional<BuiltinResult> {
          BuiltinResult r = ContainsImpl(cidr1, cidr2);
          if (r.is_error()) return r;
          if (r.value().IsTrue()) matches.push_back(Value::Array({index1, index2}));
          return std::nullopt;
        });
  });
  if (err) return *err;
  return Value::Set(std::move(matches));
}

// ---- net.cidr_merge ----

__extension__ typedef unsigned __int128 u128;

u128 ToU128(const ip::Bytes& b16) {
  u128 v = 0;
  for (size_t i = 0; i < 16; ++i) v = (v << 8) | b16.b[i];
  return v;
}

ip::Bytes FromU128(u128 v) {
  ip::Bytes b;
  b.len = 16;
  for (int i = 15; i >= 0; --i) {
    b.b[static_cast<size_t>(i)] = static_cast<uint8_t>(v);
    v >>= 8;
  }
  return b;
}

constexpr u128 kV4MappedBase = u128{0xffff} << 32;

struct Range {
  u128 first = 0;
  u128 last = 0;
  ip::Network network;  // kept when the range merges with nothing
  int members = 1;
};

// The first and last addresses of a network in the 128-bit space (IPv4 as ::ffff:a.b.c.d),
// as OPA's cidr/merge.GetAddressRange.
Range ToRange(const ip::Network& net) {
  ip::Bytes first = ip::MaskIp(net.ip, net.mask);
  ip::Bytes first16 = first;
  if (auto v4 = ip::To4(first)) {
    first16.len = 16;
    first16.b.fill(0);
    first16.b[10] = first16.b[11] = 0xff;
    std::copy(v4->b.begin(), v4->b.begin() + 4, first16.b.begin() + 12);
  }
  u128 host = 0;
  for (size_t i = 0; i < net.mask.len; ++i)
    host = (host << 8) | static_cast<uint8_t>(~net.mask.b[i]);
  Range r;
  r.first = ToU128(first16);
  r.last = r.first | host;
  r.network = net;
  return r;
}

// OPA's GetPreviousIP: one less, except for the zero IPv4 and IPv6 addresses.
u128 Previous(u128 a) {
  if (a == 0 || a == kV4MappedBase) return a;
  return a - 1;
}

ip::Network NetworkOf(u128 base, int prefix, bool v4) {
  if (v4) {
    ip::Bytes b;
    b.len = 4;
    for (int i = 3; i >= 0; --i) {
      b.b[static_cast<size_t>(i)] = static_cast<uint8_t>(base);
      base >>= 8;
    }
    return ip::Network{b, ip::CidrMask(prefix, 32)};
  }
  return ip::Network{FromU128(base), ip::CidrMask(prefix, 128)};
}

// The fewest aligned networks covering [first, last] (OPA's RangeToCIDRs), in IPv4 space when
// the range starts at an IPv4 address.
void RangeToNetworks(u128 first, u128 last, std::vector<Value>* out) {
  const bool v4 = (first >> 32) == 0xffff;
  const int bits = v4 ? 32 : 128;
  u128 offset = v4 ? kV4MappedBase : 0;
  u128 lo = first - offset, hi = last - offset;
  for (;;) {
    int k = 0;  // host bits of the largest aligned block at lo that stays within hi
    while (k < bits) {
      if (k + 1 == 128) {
        if (lo != 0 || hi != ~u128{0}) break;
      } else if (const u128 size = u128{1} << (k + 1);
                 (lo & (size - 1)) != 0 || lo + size - 1 > hi) {
        break;
      }
      ++k;
    }
    out->push_back(Value::String(ip::ToString(NetworkOf(lo, bits - k, v4))));
    u128 block_last = k == 128 ? ~u128{0} : lo + ((u128{1} << k) - 1);
    if (block_last >= hi) break;
    lo = block_last + 1;
  }
}

BuiltinResult CidrMerge(BuiltinContext&, std::span<const Value> args) {
  const Value& a = args[0];
  std::span<const Value> items;
  if (a.IsArray()) {
    items = a.GetArray();
  } else if (a.IsSet()) {
    items = a.GetSet();
  } else {
    return BuiltinResult::Error("operand must be an array");
  }
  std::vector<Range> ranges;
  for (const Value& e : items) {
    if (!e.IsString()) return BuiltinResult::Error("element must be string");
    std::string_view s = e.GetString();
    if (auto addr = ip::ParseIp(s)) {
      // A bare IPv4 address stands for its classful network, as OPA's generateIPNet makes it.
      if (!ip::To4(*addr)) return BuiltinResult::Error("IPv6 invalid: needs prefix length");
      ranges.push_back(ToRange(ip::Network{*addr, ip::DefaultMask(*addr)}));
      continue;
    }
    auto net = ip::ParseCidr(s);
    if (!net) return InvalidCidr(s);
    ranges.push_back(ToRange(*net));
  }
  // Union of overlapping or adjacent ranges. A range that absorbed no other keeps the
  // network it came from (so "10.0.0.1" alone stays "10.0.0.1/8", as in OPA).
  std::sort(ranges.begin(), ranges.end(), [](const Range& x, const Range& y) {
    return x.first != y.first ? x.first < y.first : x.last < y.last;
  });
  std::vector<Range> merged;
  for (Range& r : ranges) {
    if (!merged.empty() && Previous(r.first) <= merged.back().last) {
      Range& m = merged.back();
      m.last = std::max(m.last, r.last);
      ++m.members;
      continue;
    }
    merged.push_back(std::move(r));
  }
  std::vector<Value> out;
  for (const Range& r : merged) {
    if (r.members == 1) {
      out.push_back(Value::String(ip::ToString(r.network)));
    } else {
      RangeToNetworks(r.first, r.last, &out);
    }
  }
  return Value::Set(std::move(out));
}

TypePtr ContainsMatchesOperand(std::string name, std::string doc) {
  TypePtr elem = t::AnyOf({t::String(), t::ArrayOf(t::Any())});
  return t::Named(
      t::AnyOf({t::String(), t::ArrayOf(elem), t::SetOf(elem), t::ObjectOf(t::String(), elem)}),
      std::move(name), std::move(doc));
}

}  // namespace

Status RegisterNetCidrBuiltins(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kNetCidrContains,
      .args = {t::Named(t::String(), "cidr", "CIDR to check against"),
               t::Named(t::String(), "cidr_or_ip", "CIDR or IP to check")},
      .result =
          t::Named(t::Boolean(), "result", "`true` if `cidr_or_ip` is contained within `cidr`"),
      .description = "Checks if a CIDR or IP is contained within another CIDR. `output` is `true` "
                     "if `cidr_or_ip` (e.g. `127.0.0.64/26` or `127.0.0.1`) is contained within "
                     "`cidr` (e.g. `127.0.0.1/24`) and `false` otherwise. Supports both IPv4 and "
                     "IPv6 notations.",
      .fn = CidrContains,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kNetCidrContainsMatches,
      .args = {ContainsMatchesOperand("cidrs", "CIDRs to check against"),
               ContainsMatchesOperand("cidrs_or_ips", "CIDRs or IPs to check")},
      .result = t::Named(t::SetOf(t::ArrayStatic({t::Any(), t::Any()})), "output",
                         "tuples identifying matches where `cidrs_or_ips` are contained within "
                         "`cidrs`"),
      .description = "Checks if collections of cidrs or ips are contained within another "
                     "collection of cidrs and returns matches. This function is similar to "
                     "`net.cidr_contains` except it allows callers to pass collections of CIDRs "
                     "or IPs as arguments and returns the matches (as opposed to a boolean "
                     "result indicating a match between two CIDRs/IPs).",
      // OPA checks elements itself (other operand types match nothing).
      .check_arg_types = false,
      .fn = CidrContainsMatches,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kNetCidrExpand,
      .args = {t::Named(t::String(), "cidr", "CIDR to expand")},
      .result = t::Named(t::SetOf(t::String()), "hosts",
                         "set of IP addresses the CIDR `cidr` expands to"),
      .description = "Expands CIDR to set of hosts  (e.g., `net.cidr_expand(\"192.168.0.0/30\")` "
                     "generates 4 hosts: `{\"192.168.0.0\", \"192.168.0.1\", \"192.168.0.2\", "
                     "\"192.168.0.3\"}`).",
      .fn = CidrExpand,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kNetCidrIntersects,
      .args = {t::Named(t::String(), "cidr1", "first CIDR"),
               t::Named(t::String(), "cidr2", "second CIDR")},
      .result = t::Named(t::Boolean(), "result", "`true` if `cidr1` intersects with `cidr2`"),
      .description = "Checks if a CIDR intersects with another CIDR (e.g. `192.168.0.0/16` "
                     "overlaps with `192.168.1.0/24`). Supports both IPv4 and IPv6 notations.",
      .fn = CidrIntersects,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kNetCidrIsValid,
      .args = {t::Named(t::String(), "cidr", "CIDR to validate")},
      .result = t::Named(t::Boolean(), "result", "`true` if `cidr` is a valid CIDR"),
      .description = "Parses an IPv4/IPv6 CIDR and returns a boolean indicating if the provided "
                     "CIDR is valid.",
      // Any non-string is simply not a valid CIDR.
      .check_arg_types = false,
      .fn = CidrIsValid,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kNetCidrMerge,
      .args = {t::Named(t::AnyOf({t::ArrayOf(t::AnyOf({t::String()})), t::SetOf(t::String())}),
                        "addrs", "CIDRs or IP addresses")},
      .result = t::Named(t::SetOf(t::String()), "output",
                         "smallest possible set of CIDRs obtained after merging the provided "
                         "list of IP addresses and subnets in `addrs`"),
      .description = "Merges IP addresses and subnets into the smallest possible list of CIDRs "
                     "(e.g., `net.cidr_merge([\"192.0.128.0/24\", \"192.0.129.0/24\"])` generates "
                     "`{\"192.0.128.0/23\"}`.This function merges adjacent subnets where "
                     "possible, those contained within others and also removes any duplicates.\n"
                     "Supports both IPv4 and IPv6 notations. IPv6 inputs need a prefix length "
                     "(e.g. \"/128\").",
      // OPA reports wrong elements itself ("element must be string").
      .check_arg_types = false,
      .fn = CidrMerge,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kNetCidrOverlap,
      .args = {t::String(), t::String()},
      .result = t::Boolean(),
      .deprecated = true,
      .fn = CidrContains,
  }));
  return Status::Ok();
}

}  // namespace golden::rego
