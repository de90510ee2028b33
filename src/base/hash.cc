#include "base/hash.h"

#include <openssl/evp.h>
#include <xxhash.h>

#include "base/check.h"

namespace golden {

namespace {

std::string HexOf(const unsigned char* out, unsigned int len) {
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    hex += kHex[out[i] >> 4];
    hex += kHex[out[i] & 15];
  }
  return hex;
}

std::string Digest(const EVP_MD* md, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  GOLDEN_CHECK(EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) == 1);
  return HexOf(out, len);
}

}  // namespace

std::string Md5Hex(std::string_view data) { return Digest(EVP_md5(), data); }
std::string Sha1Hex(std::string_view data) { return Digest(EVP_sha1(), data); }
std::string Sha256Hex(std::string_view data) { return Digest(EVP_sha256(), data); }
std::string Sha512Hex(std::string_view data) { return Digest(EVP_sha512(), data); }

StreamingDigest::StreamingDigest(Algorithm algorithm) : ctx_(EVP_MD_CTX_new()) {
  GOLDEN_CHECK(ctx_ != nullptr);
  const EVP_MD* md = algorithm == Algorithm::kSha1 ? EVP_sha1() : EVP_sha256();
  GOLDEN_CHECK(EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(ctx_), md, nullptr) == 1);
}

StreamingDigest::~StreamingDigest() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(ctx_)); }

void StreamingDigest::Update(std::string_view data) {
  GOLDEN_CHECK(EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), data.data(), data.size()) == 1);
}

std::string StreamingDigest::HexDigest() {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  GOLDEN_CHECK(EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(ctx_), out, &len) == 1);
  return HexOf(out, len);
}

uint64_t FastHash64(std::string_view data) { return XXH3_64bits(data.data(), data.size()); }

std::string Hex64(uint64_t v) {
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kHex[v & 15];
    v >>= 4;
  }
  return out;
}

}  // namespace golden
