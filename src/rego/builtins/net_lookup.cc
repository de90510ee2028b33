// net.lookup_ip_addr (OPA's topdown/net.go). DNS is network access, so it is refused unless
// the engine allows the network; IP literals and "localhost" need no lookup and always work.

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>
#include <memory>
#include <vector>

#include "base/strings.h"
#include "rego/builtins/ip_addr.h"
#include "rego/builtins/net.h"

namespace golden::rego {

namespace {

constexpr char kNetLookupIpAddr[] = "net.lookup_ip_addr";

bool IsLocalhost(std::string_view name) {
  // RFC 6761 section 6.3: "localhost" and names under it are the loopback addresses.
  std::string lower = AsciiLower(name);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  return lower == "localhost" || (lower.size() > 10 && lower.ends_with(".localhost"));
}

Value Resolve(std::string_view name, std::string* error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  std::string host(name);
  int rc = getaddrinfo(host.c_str(), nullptr, &hints, &res);
  if (rc != 0) {
    // Go's wording for a name that does not resolve.
    *error = "lookup " + host + ": " +
             (rc == EAI_NONAME ? std::string("no such host") : std::string(gai_strerror(rc)));
    return Value();
  }
  std::unique_ptr<addrinfo, void (*)(addrinfo*)> owner(res, freeaddrinfo);
  std::vector<Value> addrs;
  for (addrinfo* p = res; p != nullptr; p = p->ai_next) {
    ip::Bytes b;
    if (p->ai_family == AF_INET) {
      const auto* sa = reinterpret_cast<const sockaddr_in*>(p->ai_addr);
      b.len = 4;
      std::memcpy(b.b.data(), &sa->sin_addr, 4);
    } else if (p->ai_family == AF_INET6) {
      const auto* sa = reinterpret_cast<const sockaddr_in6*>(p->ai_addr);
      b.len = 16;
      std::memcpy(b.b.data(), &sa->sin6_addr, 16);
    } else {
      continue;
    }
    addrs.push_back(Value::String(ip::ToString(b)));
  }
  return Value::Set(std::move(addrs));
}

BuiltinResult LookupIpAddr(BuiltinContext& ctx, std::span<const Value> args) {
  std::string_view name = args[0].GetString();
  if (auto literal = ip::ParseIp(name)) {
    return Value::Set({Value::String(ip::ToString(*literal))});
  }
  if (IsLocalhost(name)) return Value::Set({Value::String("127.0.0.1"), Value::String("::1")});
  const bool allowed = ctx.options != nullptr && ctx.options->allow_net;
  if (!allowed) {
    std::string flag = ctx.options != nullptr ? ctx.options->allow_net_flag : "--allow-net";
    return BuiltinResult::Error("network access is disabled: cannot resolve " +
                                std::string(name) + " (pass " + flag + " to allow it)");
  }
  // One answer per name within a query, as OPA caches it.
  std::string key = std::string(kNetLookupIpAddr) + '\0' + std::string(name);
  if (auto it = ctx.memo.find(key); it != ctx.memo.end()) return it->second;
  std::string error;
  Value result = Resolve(name, &error);
  if (!error.empty()) return BuiltinResult::Error(error);
  ctx.memo.emplace(std::move(key), result);
  return result;
}

}  // namespace

Status RegisterNetLookupBuiltins(Registry& r) {
  return r.Register({
      .name = kNetLookupIpAddr,
      .args = {t::Named(t::String(), "name", "domain name to resolve")},
      .result = t::Named(t::SetOf(t::String()), "addrs",
                         "IP addresses (v4 and v6) that `name` resolves to"),
      .nondeterministic = true,
      .description = "Returns the set of IP addresses (both v4 and v6) that the passed-in `name` "
                     "resolves to using the standard name resolution mechanisms available.",
      .fn = LookupIpAddr,
  });
}

}  // namespace golden::rego
