#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace golden {

/// Lower-case hex digests (OpenSSL).
std::string Md5Hex(std::string_view data);
std::string Sha1Hex(std::string_view data);
std::string Sha256Hex(std::string_view data);
std::string Sha512Hex(std::string_view data);

/// A digest computed piece by piece, for data too large (or too scattered) to hash in one call:
/// Update() any number of times, then HexDigest() once.
class StreamingDigest {
 public:
  enum class Algorithm { kSha1, kSha256 };
  explicit StreamingDigest(Algorithm algorithm);
  ~StreamingDigest();
  StreamingDigest(const StreamingDigest&) = delete;
  StreamingDigest& operator=(const StreamingDigest&) = delete;

  void Update(std::string_view data);
  /// The lower-case hex digest of everything given; the object is spent afterwards.
  std::string HexDigest();

 private:
  void* ctx_;  // EVP_MD_CTX, kept out of this header
};

/// A fast non-cryptographic 64-bit hash (XXH3), for change detection and sharding.
uint64_t FastHash64(std::string_view data);

/// `v` as 16 lower-case hex digits.
std::string Hex64(uint64_t v);

}  // namespace golden
