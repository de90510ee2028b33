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

/// A fast non-cryptographic 64-bit hash (XXH3), for change detection and sharding.
uint64_t FastHash64(std::string_view data);

/// `v` as 16 lower-case hex digits.
std::string Hex64(uint64_t v);

}  // namespace golden
