#include "base/hash.h"

#include <openssl/evp.h>
#include <xxhash.h>

#include "base/check.h"

namespace golden {

namespace {

std::string HexOf(const unsigned char* out, unsigned int len) {
  static const char kHex[] = "0123456789abcdef";
  std::string hex(size_t{len} * 2, '0');
  for (unsigned int i = 0; i < len; ++i) {
    hex[2 * i] = kHex[out[i] >> 4];
    hex[2 * i + 1] = kHex[out[i] & 15];
  }
  return hex;
}

// The algorithms, fetched once: given EVP_sha1() and the like, OpenSSL 3 looks the algorithm
// up again (under a lock) on every use, and checkpoints hash tens of thousands of small files.
const EVP_MD* Fetch(const char* name) {
  const EVP_MD* md = EVP_MD_fetch(nullptr, name, nullptr);
  GOLDEN_CHECK(md != nullptr);
  return md;
}
const EVP_MD* Md5() {
  static const EVP_MD* const md = Fetch("MD5");
  return md;
}
const EVP_MD* Sha1() {
  static const EVP_MD* const md = Fetch("SHA1");
  return md;
}
const EVP_MD* Sha256() {
  static const EVP_MD* const md = Fetch("SHA2-256");
  return md;
}
const EVP_MD* Sha512() {
  static const EVP_MD* const md = Fetch("SHA2-512");
  return md;
}

std::string Digest(const EVP_MD* md, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  GOLDEN_CHECK(EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) == 1);
  return HexOf(out, len);
}

}  // namespace

std::string Md5Hex(std::string_view data) { return Digest(Md5(), data); }
std::string Sha1Hex(std::string_view data) { return Digest(Sha1(), data); }
std::string Sha256Hex(std::string_view data) { return Digest(Sha256(), data); }
std::string Sha512Hex(std::string_view data) { return Digest(Sha512(), data); }

StreamingDigest::StreamingDigest(Algorithm algorithm) : ctx_(EVP_MD_CTX_new()) {
  GOLDEN_CHECK(ctx_ != nullptr);
  const EVP_MD* md = algorithm == Algorithm::kSha1 ? Sha1() : Sha256();
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
