#include "rego/builtins/ip_addr.h"

namespace golden::rego::ip {

namespace {

constexpr uint8_t kV4InV6Prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

bool HasV4Prefix(const Bytes& ip) {
  return ip.len == 16 && std::equal(ip.b.begin(), ip.b.begin() + 12, kV4InV6Prefix);
}

// netip's parseIPv4Fields over in[off, end): four decimal fields, no leading zeros, <= 255.
bool ParseV4Fields(std::string_view s, uint8_t* fields) {
  int val = 0, pos = 0, digits = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (digits == 1 && val == 0) return false;  // leading zero
      val = val * 10 + (c - '0');
      ++digits;
      if (val > 255) return false;
    } else if (c == '.') {
      if (i == 0 || i == s.size() - 1 || s[i - 1] == '.') return false;
      if (pos == 3) return false;
      fields[pos++] = static_cast<uint8_t>(val);
      val = 0;
      digits = 0;
    } else {
      return false;
    }
  }
  if (pos < 3) return false;
  fields[3] = static_cast<uint8_t>(val);
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// netip's parseIPv6 (without zones, which every caller here rejects).
bool ParseV6(std::string_view s, uint8_t* ip) {
  std::fill(ip, ip + 16, 0);
  int ellipsis = -1;
  if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
    ellipsis = 0;
    s.remove_prefix(2);
    if (s.empty()) return true;
  }
  int i = 0;
  while (i < 16) {
    size_t off = 0;
    uint32_t acc = 0;
    for (; off < s.size(); ++off) {
      int h = HexValue(s[off]);
      if (h < 0) break;
      acc = (acc << 4) + static_cast<uint32_t>(h);
      if (off > 3 || acc > 0xffff) return false;
    }
    if (off == 0) return false;
    if (off < s.size() && s[off] == '.') {
      // A trailing IPv4 address fills the last four bytes.
      if ((ellipsis < 0 && i != 12) || i + 4 > 16) return false;
      if (!ParseV4Fields(s, ip + i)) return false;
      s = {};
      i += 4;
      break;
    }
    ip[i] = static_cast<uint8_t>(acc >> 8);
    ip[i + 1] = static_cast<uint8_t>(acc);
    i += 2;
    s.remove_prefix(off);
    if (s.empty()) break;
    if (s[0] != ':' || s.size() == 1) return false;
    s.remove_prefix(1);
    if (s[0] == ':') {
      if (ellipsis >= 0) return false;
      ellipsis = i;
      s.remove_prefix(1);
      if (s.empty()) break;
    }
  }
  if (!s.empty()) return false;
  if (i < 16) {
    if (ellipsis < 0) return false;
    int n = 16 - i;
    for (int j = i - 1; j >= ellipsis; --j) ip[j + n] = ip[j];
    std::fill(ip + ellipsis, ip + ellipsis + n, 0);
  } else if (ellipsis >= 0) {
    return false;  // "::" must stand for at least one zero group
  }
  return true;
}

// netip.ParseAddr without zones: 4-byte for IPv4 syntax, 16-byte for IPv6 syntax.
std::optional<Bytes> ParseAddr(std::string_view s) {
  for (char c : s) {
    if (c == '.') {
      Bytes out;
      out.len = 4;
      if (!ParseV4Fields(s, out.b.data())) return std::nullopt;
      return out;
    }
    if (c == ':') {
      if (s.find('%') != std::string_view::npos) return std::nullopt;
      Bytes out;
      out.len = 16;
      if (!ParseV6(s, out.b.data())) return std::nullopt;
      return out;
    }
    if (c == '%') return std::nullopt;
  }
  return std::nullopt;
}

Bytes To16(const Bytes& ip) {
  if (ip.len == 16) return ip;
  Bytes out;
  out.len = 16;
  std::copy(kV4InV6Prefix, kV4InV6Prefix + 12, out.b.begin());
  std::copy(ip.b.begin(), ip.b.begin() + 4, out.b.begin() + 12);
  return out;
}

Bytes Slice(const Bytes& v, size_t from) {
  Bytes out;
  out.len = static_cast<uint8_t>(v.len - from);
  std::copy(v.b.begin() + static_cast<long>(from), v.b.begin() + v.len, out.b.begin());
  return out;
}

// Go's networkNumberAndMask; false when the network is malformed.
bool NetworkNumberAndMask(const Network& n, Bytes* ip, Bytes* mask) {
  if (auto v4 = To4(n.ip)) {
    *ip = *v4;
  } else {
    *ip = n.ip;
    if (ip->len != 16) return false;
  }
  *mask = n.mask;
  if (mask->len == 4) {
    if (ip->len != 4) return false;
  } else if (mask->len == 16) {
    if (ip->len == 4) *mask = Slice(*mask, 12);
  } else {
    return false;
  }
  return true;
}

void AppendHex16(std::string* out, uint16_t v) {
  static constexpr char kHex[] = "0123456789abcdef";
  bool started = false;
  for (int shift = 12; shift >= 0; shift -= 4) {
    int d = (v >> shift) & 15;
    if (d != 0 || started || shift == 0) {
      out->push_back(kHex[d]);
      started = true;
    }
  }
}

}  // namespace

std::optional<Bytes> ParseIp(std::string_view s) {
  auto a = ParseAddr(s);
  if (!a) return std::nullopt;
  return To16(*a);
}

std::optional<Network> ParseCidr(std::string_view s, Bytes* addr) {
  size_t slash = s.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto a = ParseAddr(s.substr(0, slash));
  if (!a) return std::nullopt;
  std::string_view mask = s.substr(slash + 1);
  // Go's dtoi: decimal digits, at least one, below 0xFFFFFF.
  int n = 0;
  size_t i = 0;
  for (; i < mask.size() && mask[i] >= '0' && mask[i] <= '9'; ++i) {
    n = n * 10 + (mask[i] - '0');
    if (n >= 0xFFFFFF) return std::nullopt;
  }
  const int bits = a->len * 8;
  if (i == 0 || i != mask.size() || n > bits) return std::nullopt;
  Bytes m = CidrMask(n, bits);
  Bytes a16 = To16(*a);
  if (addr != nullptr) *addr = a16;
  return Network{MaskIp(a16, m), m};
}

std::optional<Bytes> To4(const Bytes& ip) {
  if (ip.len == 4) return ip;
  if (HasV4Prefix(ip)) return Slice(ip, 12);
  return std::nullopt;
}

Bytes MaskIp(const Bytes& ip_in, const Bytes& mask_in) {
  Bytes ip = ip_in, mask = mask_in;
  if (mask.len == 16 && ip.len == 4 &&
      std::all_of(mask.b.begin(), mask.b.begin() + 12, [](uint8_t x) { return x == 0xff; })) {
    mask = Slice(mask, 12);
  }
  if (mask.len == 4 && HasV4Prefix(ip)) ip = Slice(ip, 12);
  if (ip.len != mask.len) return Bytes{};
  Bytes out;
  out.len = ip.len;
  for (size_t i = 0; i < ip.len; ++i) out.b[i] = ip.b[i] & mask.b[i];
  return out;
}

Bytes CidrMask(int ones, int bits) {
  Bytes m;
  if ((bits != 32 && bits != 128) || ones < 0 || ones > bits) return m;
  m.len = static_cast<uint8_t>(bits / 8);
  for (int i = 0; i < m.len; ++i) {
    if (ones >= 8) {
      m.b[static_cast<size_t>(i)] = 0xff;
      ones -= 8;
    } else {
      m.b[static_cast<size_t>(i)] = static_cast<uint8_t>(~(0xff >> ones));
      ones = 0;
    }
  }
  return m;
}

std::pair<int, int> MaskSize(const Bytes& mask) {
  int ones = 0;
  size_t i = 0;
  for (; i < mask.len && mask.b[i] == 0xff; ++i) ones += 8;
  if (i < mask.len) {
    uint8_t v = mask.b[i];
    while (v & 0x80) {
      ++ones;
      v = static_cast<uint8_t>(v << 1);
    }
    if (v != 0) return {0, 0};
    for (++i; i < mask.len; ++i) {
      if (mask.b[i] != 0) return {0, 0};
    }
  }
  return {ones, mask.len * 8};
}

bool Contains(const Network& net, const Bytes& ip_in) {
  Bytes nn, m;
  if (!NetworkNumberAndMask(net, &nn, &m)) return false;
  Bytes ip = ip_in;
  if (auto v4 = To4(ip)) ip = *v4;
  if (ip.len != nn.len) return false;
  for (size_t i = 0; i < ip.len; ++i) {
    if ((nn.b[i] & m.b[i]) != (ip.b[i] & m.b[i])) return false;
  }
  return true;
}

std::string ToString(const Bytes& ip) {
  if (ip.empty()) return "<nil>";
  if (auto v4 = To4(ip)) {
    std::string out;
    for (int i = 0; i < 4; ++i) {
      if (i) out.push_back('.');
      out += std::to_string(v4->b[static_cast<size_t>(i)]);
    }
    return out;
  }
  auto group = [&](int i) {
    return static_cast<uint16_t>((ip.b[static_cast<size_t>(2 * i)] << 8) |
                                 ip.b[static_cast<size_t>(2 * i + 1)]);
  };
  // The longest run of two or more zero groups becomes "::" (the first, on a tie).
  int zero_start = -1, zero_end = -1;
  for (int i = 0; i < 8; ++i) {
    int j = i;
    while (j < 8 && group(j) == 0) ++j;
    if (j - i >= 2 && j - i > zero_end - zero_start) {
      zero_start = i;
      zero_end = j;
    }
  }
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == zero_start) {
      out += "::";
      i = zero_end;
      if (i >= 8) break;
    } else if (i > 0) {
      out.push_back(':');
    }
    AppendHex16(&out, group(i));
  }
  return out;
}

std::string ToString(const Network& net) {
  Bytes nn, m;
  if (!NetworkNumberAndMask(net, &nn, &m)) return "<nil>";
  auto [ones, bits] = MaskSize(m);
  if (bits == 0) {
    // A non-canonical mask prints in hex, as Go does.
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (size_t i = 0; i < m.len; ++i) {
      hex.push_back(kHex[m.b[i] >> 4]);
      hex.push_back(kHex[m.b[i] & 15]);
    }
    return ToString(nn) + "/" + hex;
  }
  return ToString(nn) + "/" + std::to_string(ones);
}

Bytes DefaultMask(const Bytes& ip) {
  auto v4 = To4(ip);
  if (!v4) return Bytes{};
  if (v4->b[0] < 0x80) return CidrMask(8, 32);
  if (v4->b[0] < 0xC0) return CidrMask(16, 32);
  return CidrMask(24, 32);
}

}  // namespace golden::rego::ip
