#include "rego/builtins/der.h"

#include <openssl/bn.h>
#include <openssl/crypto.h>

#include <memory>

namespace golden::rego::der {

namespace {

// cryptobyte's parseASN1: header length and total length of the element at the front.
bool ParseHeader(std::string_view s, uint8_t* tag, size_t* header_len, size_t* total_len) {
  if (s.size() < 2) return false;
  uint8_t t = static_cast<uint8_t>(s[0]);
  if ((t & 0x1f) == 0x1f) return false;  // high tag numbers are not supported
  uint8_t len_byte = static_cast<uint8_t>(s[1]);
  size_t length, hlen;
  if ((len_byte & 0x80) == 0) {
    hlen = 2;
    length = len_byte;
  } else {
    size_t len_len = len_byte & 0x7f;
    if (len_len == 0 || len_len > 4 || s.size() < 2 + len_len) return false;
    uint32_t len32 = 0;
    for (size_t i = 0; i < len_len; ++i) len32 = len32 << 8 | static_cast<uint8_t>(s[2 + i]);
    if (len32 < 128) return false;                        // should have used the short form
    if ((len32 >> ((len_len - 1) * 8)) == 0) return false;  // leading zero octet
    hlen = 2 + len_len;
    length = len32;
  }
  if (s.size() - hlen < length) return false;
  *tag = t;
  *header_len = hlen;
  *total_len = hlen + length;
  return true;
}

}  // namespace

bool Reader::PeekTag(uint8_t* tag) const {
  if (data_.empty()) return false;
  *tag = static_cast<uint8_t>(data_[0]);
  return true;
}

bool Reader::ReadAny(uint8_t* tag, std::string_view* contents, std::string_view* element) {
  size_t hlen = 0, total = 0;
  if (!ParseHeader(data_, tag, &hlen, &total)) return false;
  if (element != nullptr) *element = data_.substr(0, total);
  *contents = data_.substr(hlen, total - hlen);
  data_.remove_prefix(total);
  return true;
}

bool Reader::Read(uint8_t want, std::string_view* contents) {
  uint8_t t = 0;
  size_t hlen = 0, total = 0;
  if (!ParseHeader(data_, &t, &hlen, &total) || t != want) return false;
  *contents = data_.substr(hlen, total - hlen);
  data_.remove_prefix(total);
  return true;
}

bool Reader::ReadElement(uint8_t want, std::string_view* element) {
  uint8_t t = 0;
  size_t hlen = 0, total = 0;
  if (!ParseHeader(data_, &t, &hlen, &total) || t != want) return false;
  *element = data_.substr(0, total);
  data_.remove_prefix(total);
  return true;
}

bool Reader::ReadOptional(uint8_t want, std::string_view* contents, bool* present) {
  *present = Peek(want);
  if (!*present) return true;
  return Read(want, contents);
}

bool Reader::ReadIntegerBytes(std::string_view* contents) {
  if (!Read(tag::kInteger, contents) || contents->empty()) return false;
  // Minimal encoding: no redundant leading 0x00 or 0xff.
  if (contents->size() > 1) {
    uint8_t b0 = static_cast<uint8_t>((*contents)[0]);
    uint8_t b1 = static_cast<uint8_t>((*contents)[1]);
    if ((b0 == 0 && (b1 & 0x80) == 0) || (b0 == 0xff && (b1 & 0x80) != 0)) return false;
  }
  return true;
}

bool Reader::ReadInt64(int64_t* out, uint8_t t) {
  std::string_view c;
  if (!Read(t, &c) || c.empty() || c.size() > 8) return false;
  if (c.size() > 1) {
    uint8_t b0 = static_cast<uint8_t>(c[0]), b1 = static_cast<uint8_t>(c[1]);
    if ((b0 == 0 && (b1 & 0x80) == 0) || (b0 == 0xff && (b1 & 0x80) != 0)) return false;
  }
  uint64_t v = (static_cast<uint8_t>(c[0]) & 0x80) ? ~uint64_t{0} : 0;
  for (char ch : c) v = v << 8 | static_cast<uint8_t>(ch);
  *out = static_cast<int64_t>(v);
  return true;
}

bool Reader::ReadBoolean(bool* out) {
  std::string_view c;
  if (!Read(tag::kBoolean, &c) || c.size() != 1) return false;
  uint8_t b = static_cast<uint8_t>(c[0]);
  if (b != 0 && b != 0xff) return false;  // DER
  *out = b == 0xff;
  return true;
}

bool Reader::ReadOid(std::vector<int>* out) {
  std::string_view c;
  if (!Read(tag::kOid, &c) || c.empty()) return false;
  out->clear();
  bool first = true;
  size_t i = 0;
  while (i < c.size()) {
    // base-128 with no leading 0x80 and no overflow past 31 bits
    if (static_cast<uint8_t>(c[i]) == 0x80) return false;
    uint64_t v = 0;
    for (;;) {
      if (i >= c.size()) return false;
      uint8_t b = static_cast<uint8_t>(c[i++]);
      v = v << 7 | (b & 0x7f);
      if (v > 0x7fffffff) return false;
      if ((b & 0x80) == 0) break;
    }
    if (first) {
      if (v < 80) {
        out->push_back(static_cast<int>(v / 40));
        out->push_back(static_cast<int>(v % 40));
      } else {
        out->push_back(2);
        out->push_back(static_cast<int>(v - 80));
      }
      first = false;
    } else {
      out->push_back(static_cast<int>(v));
    }
  }
  return true;
}

bool Reader::ReadBitString(std::string_view* bytes, int* unused_bits) {
  std::string_view c;
  if (!Read(tag::kBitString, &c) || c.empty()) return false;
  int unused = static_cast<uint8_t>(c[0]);
  if (unused > 7 || (c.size() == 1 && unused != 0)) return false;
  if (unused != 0 && (static_cast<uint8_t>(c.back()) & ((1 << unused) - 1)) != 0) return false;
  *bytes = c.substr(1);
  *unused_bits = unused;
  return true;
}

std::string OidString(const std::vector<int>& oid) {
  std::string out;
  for (size_t i = 0; i < oid.size(); ++i) {
    if (i) out.push_back('.');
    out += std::to_string(oid[i]);
  }
  return out;
}

std::string UnsignedDecimal(std::string_view bytes) {
  std::unique_ptr<BIGNUM, void (*)(BIGNUM*)> bn(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()),
                static_cast<int>(bytes.size()), nullptr),
      BN_free);
  char* dec = BN_bn2dec(bn.get());
  std::string out(dec);
  OPENSSL_free(dec);
  return out;
}

std::string IntegerDecimal(std::string_view bytes) {
  if (!IsNegative(bytes)) return UnsignedDecimal(bytes);
  // Two's complement: -(~x + 1).
  std::string inv(bytes);
  for (char& c : inv) c = static_cast<char>(~static_cast<uint8_t>(c));
  for (size_t i = inv.size(); i-- > 0;) {
    if (++reinterpret_cast<uint8_t&>(inv[i]) != 0) break;
  }
  return "-" + UnsignedDecimal(inv);
}

}  // namespace golden::rego::der
