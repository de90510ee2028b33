#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

/// A reader of ASN.1 DER, with the strictness of Go's golang.org/x/crypto/cryptobyte (which
/// Go's crypto/x509 parses with): definite minimal lengths, single-byte tags, minimal integers.
namespace golden::rego::der {

/// Single-byte tags (class and constructed bit included).
namespace tag {
inline constexpr uint8_t kBoolean = 0x01;
inline constexpr uint8_t kInteger = 0x02;
inline constexpr uint8_t kBitString = 0x03;
inline constexpr uint8_t kOctetString = 0x04;
inline constexpr uint8_t kNull = 0x05;
inline constexpr uint8_t kOid = 0x06;
inline constexpr uint8_t kEnum = 0x0a;
inline constexpr uint8_t kUtf8String = 0x0c;
inline constexpr uint8_t kNumericString = 0x12;
inline constexpr uint8_t kPrintableString = 0x13;
inline constexpr uint8_t kT61String = 0x14;
inline constexpr uint8_t kIa5String = 0x16;
inline constexpr uint8_t kUtcTime = 0x17;
inline constexpr uint8_t kGeneralizedTime = 0x18;
inline constexpr uint8_t kBmpString = 0x1e;
inline constexpr uint8_t kSequence = 0x30;
inline constexpr uint8_t kSet = 0x31;
/// [n] context-specific, primitive / constructed.
constexpr uint8_t Context(int n) { return static_cast<uint8_t>(0x80 | n); }
constexpr uint8_t ContextConstructed(int n) { return static_cast<uint8_t>(0xa0 | n); }
}  // namespace tag

/// Consumes elements from the front of a byte string.
class Reader {
 public:
  Reader() = default;
  explicit Reader(std::string_view data) : data_(data) {}

  bool empty() const { return data_.empty(); }
  std::string_view rest() const { return data_; }

  /// The next element's tag without consuming it (false when empty or malformed).
  bool PeekTag(uint8_t* tag) const;
  bool Peek(uint8_t tag) const {
    uint8_t t = 0;
    return PeekTag(&t) && t == tag;
  }

  /// Reads an element with tag `tag`: its contents (`Read`) or its whole encoding
  /// (`ReadElement`).
  bool Read(uint8_t tag, std::string_view* contents);
  bool ReadElement(uint8_t tag, std::string_view* element);
  /// Reads an element of any tag.
  bool ReadAny(uint8_t* tag, std::string_view* contents, std::string_view* element = nullptr);
  /// Reads an element if the next one has `tag`; `*present` says whether it did.
  bool ReadOptional(uint8_t tag, std::string_view* contents, bool* present);
  bool Skip(uint8_t tag) {
    std::string_view ignored;
    return Read(tag, &ignored);
  }

  /// INTEGER (minimally encoded) as big-endian two's complement contents.
  bool ReadIntegerBytes(std::string_view* contents);
  /// INTEGER that fits int64.
  bool ReadInt64(int64_t* out, uint8_t tag = tag::kInteger);
  bool ReadBoolean(bool* out);
  bool ReadOid(std::vector<int>* out);
  /// BIT STRING: the bytes and the number of unused bits in the last byte.
  bool ReadBitString(std::string_view* bytes, int* unused_bits);

 private:
  std::string_view data_;
};

/// Dotted text of an OID ("1.2.840.113549").
std::string OidString(const std::vector<int>& oid);

/// True when the big-endian two's complement integer is negative.
inline bool IsNegative(std::string_view int_bytes) {
  return !int_bytes.empty() && (static_cast<uint8_t>(int_bytes[0]) & 0x80) != 0;
}

/// Decimal text of a big-endian two's complement integer (any size).
std::string IntegerDecimal(std::string_view int_bytes);

/// Decimal text of a big-endian unsigned integer (any size; empty is "0").
std::string UnsignedDecimal(std::string_view bytes);

}  // namespace golden::rego::der
