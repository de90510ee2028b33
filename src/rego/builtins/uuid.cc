// uuid.rfc4122 and uuid.parse (OPA's topdown/uuid.go and internal/uuid, which parses with
// google/uuid).

#include "rego/builtins/uuid.h"

#include <array>
#include <cstdio>
#include <optional>

#include "rego/builtins/crypto_util.h"
#include "rego/builtins/query_random.h"

namespace golden::rego {

namespace {

constexpr char kUuidRfc4122[] = "uuid.rfc4122";
constexpr char kUuidParse[] = "uuid.parse";

using Uuid = std::array<uint8_t, 16>;

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool HexByte(char hi, char lo, uint8_t* out) {
  int h = HexDigit(hi), l = HexDigit(lo);
  if (h < 0 || l < 0) return false;
  *out = static_cast<uint8_t>(h << 4 | l);
  return true;
}

// google/uuid's Parse: 36 characters with dashes, "urn:uuid:" + 36, "{" + 36 + any character,
// or 32 hex digits.
std::optional<Uuid> Parse(std::string_view s) {
  Uuid u{};
  switch (s.size()) {
    case 36:
      break;
    case 36 + 9: {
      std::string_view prefix = s.substr(0, 9);
      for (size_t i = 0; i < 9; ++i) {
        char c = prefix[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (c != "urn:uuid:"[i]) return std::nullopt;
      }
      s.remove_prefix(9);
      break;
    }
    case 36 + 2:
      // Only the opening brace is looked at, as in google/uuid.
      s.remove_prefix(1);
      break;
    case 32:
      for (size_t i = 0; i < 16; ++i) {
        if (!HexByte(s[i * 2], s[i * 2 + 1], &u[i])) return std::nullopt;
      }
      return u;
    default:
      return std::nullopt;
  }
  if (s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-') return std::nullopt;
  static constexpr size_t kOffsets[16] = {0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};
  for (size_t i = 0; i < 16; ++i) {
    if (!HexByte(s[kOffsets[i]], s[kOffsets[i] + 1], &u[i])) return std::nullopt;
  }
  return u;
}

std::string_view VariantName(const Uuid& u) {
  if ((u[8] & 0xc0) == 0x80) return "RFC4122";
  if ((u[8] & 0xe0) == 0xc0) return "Microsoft";
  if ((u[8] & 0xe0) == 0xe0) return "Future";
  return "Reserved";
}

// The local/global and unicast/multicast bits of a MAC address's first byte (RFC 7042 2.1).
std::string_view MacVariables(uint8_t b) {
  if ((b & 0b11) == 0b11) return "local:multicast";
  if ((b & 0b01) == 0b01) return "global:multicast";
  if ((b & 0b10) == 0b10) return "local:unicast";
  return "global:unicast";
}

BuiltinResult ParseUuid(BuiltinContext&, std::span<const Value> args) {
  // OPA answers undefined (not an error) for text that is not a UUID.
  auto u = Parse(args[0].GetString());
  if (!u) return BuiltinResult::Undefined();
  const Uuid& id = *u;
  const int version = id[6] >> 4;
  std::vector<Value::Entry> out;
  auto add = [&](const char* k, Value v) { out.push_back({Value::String(k), std::move(v)}); };
  add("version", Value::Int(version));
  add("variant", Value::String(VariantName(id)));
  if (version == 1 || version == 2) {
    // 60-bit count of 100 ns intervals since 1582-10-15, as google/uuid's Time().
    int64_t t = int64_t{id[0]} << 24 | int64_t{id[1]} << 16 | int64_t{id[2]} << 8 | id[3];
    t |= (int64_t{id[4]} << 8 | id[5]) << 32;
    t |= (int64_t{id[6] & 0x0f} << 8 | id[7]) << 48;
    constexpr int64_t kGregorianToUnix100ns = 122192928000000000;
    const int64_t since_unix = t - kGregorianToUnix100ns;
    const int64_t sec = since_unix / 10000000;
    const int64_t nsec = (since_unix % 10000000) * 100;
    add("time", Value::Int(sec * 1000000000 + nsec));
    std::string node;
    for (size_t i = 10; i < 16; ++i) {
      char buf[4];
      std::snprintf(buf, sizeof(buf), "%02x", id[i]);
      if (i > 10) node += '-';
      node += buf;
    }
    add("nodeid", Value::String(node));
    add("macvariables", Value::String(MacVariables(id[10])));
    add("clocksequence", Value::Int((int{id[8]} << 8 | id[9]) & 0x3fff));
    if (version == 2) {
      add("id", Value::Int(int64_t{id[0]} << 24 | int64_t{id[1]} << 16 | int64_t{id[2]} << 8 |
                           id[3]));
      static constexpr std::string_view kDomains[] = {"Person", "Group", "Org"};
      add("domain", Value::String(id[9] < 3 ? std::string(kDomains[id[9]])
                                            : "Domain" + std::to_string(id[9])));
    }
  }
  return Value::Object(std::move(out));
}

// A version 4 UUID drawn from the query's randomness: the same key gives the same UUID within a
// query, as OPA caches it per query.
BuiltinResult Rfc4122(BuiltinContext& ctx, std::span<const Value> args) {
  std::string b = QueryRandomBytes(ctx, kUuidRfc4122, args[0].GetString(), 16);
  b[8] = static_cast<char>((static_cast<uint8_t>(b[8]) & 0x3f) | 0x80);
  b[6] = static_cast<char>((static_cast<uint8_t>(b[6]) & 0x0f) | 0x40);
  std::string hex = crypto::HexEncode(b);
  return Value::String(hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
                       hex.substr(16, 4) + "-" + hex.substr(20));
}

}  // namespace

Status RegisterUuidBuiltins(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kUuidParse,
      .args = {t::Named(t::String(), "uuid", "UUID string to parse")},
      .result = t::Named(t::ObjectOf(t::String(), t::Any()), "result",
                         "Properties of UUID if valid (version, variant, etc). Undefined "
                         "otherwise."),
      .description = "Parses the string value as an UUID and returns an object with the "
                     "well-defined fields of the UUID if valid.",
      .fn = ParseUuid,
  }));
  return r.Register({
      .name = kUuidRfc4122,
      .args = {t::Named(t::String(), "k", "seed string")},
      .result = t::Named(t::String(), "output",
                         "a version 4 UUID; for any given `k`, the output will be consistent "
                         "throughout a query evaluation"),
      .nondeterministic = true,
      .description = "Returns a new UUIDv4.",
      .fn = Rfc4122,
  });
}

}  // namespace golden::rego
