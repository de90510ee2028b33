// crypto.md5/sha1/sha256 and crypto.hmac.* (OPA's topdown/crypto.go), on OpenSSL.

#include <openssl/evp.h>

#include "rego/builtins/crypto.h"
#include "rego/builtins/crypto_util.h"

namespace golden::rego {

namespace {

constexpr char kCryptoMd5[] = "crypto.md5";
constexpr char kCryptoSha1[] = "crypto.sha1";
constexpr char kCryptoSha256[] = "crypto.sha256";
constexpr char kCryptoHmacMd5[] = "crypto.hmac.md5";
constexpr char kCryptoHmacSha1[] = "crypto.hmac.sha1";
constexpr char kCryptoHmacSha256[] = "crypto.hmac.sha256";
constexpr char kCryptoHmacSha512[] = "crypto.hmac.sha512";
constexpr char kCryptoHmacEqual[] = "crypto.hmac.equal";

template <const EVP_MD* (*kMd)()>
BuiltinResult HashHex(BuiltinContext&, std::span<const Value> args) {
  return Value::String(crypto::HexEncode(crypto::Digest(kMd(), args[0].GetString())));
}

template <const EVP_MD* (*kMd)()>
BuiltinResult HmacHex(BuiltinContext&, std::span<const Value> args) {
  return Value::String(
      crypto::HexEncode(crypto::Hmac(kMd(), args[1].GetString(), args[0].GetString())));
}

BuiltinResult HmacEqual(BuiltinContext&, std::span<const Value> args) {
  return Value::Bool(crypto::ConstantTimeEqual(args[0].GetString(), args[1].GetString()));
}

Descriptor Hash(const char* name, std::string algo, BuiltinFn fn) {
  return Descriptor{
      .name = name,
      .args = {t::Named(t::String(), "x", "input string")},
      .result = t::Named(t::String(), "y", algo + "-hash of `x`"),
      .description = "Returns a string representing the input string hashed with the " + algo +
                     " function",
      .fn = fn,
  };
}

Descriptor HmacDescriptor(const char* name, std::string algo, BuiltinFn fn) {
  return Descriptor{
      .name = name,
      .args = {t::Named(t::String(), "x", "input string"),
               t::Named(t::String(), "key", "key to use")},
      .result = t::Named(t::String(), "y", algo + "-HMAC of `x`"),
      .description = "Returns a string representing the " + algo +
                     " HMAC of the input message using the input key.",
      .fn = fn,
  };
}

}  // namespace

Status RegisterCryptoHashBuiltins(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(r.Register(Hash(kCryptoMd5, "MD5", HashHex<EVP_md5>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(Hash(kCryptoSha1, "SHA1", HashHex<EVP_sha1>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(Hash(kCryptoSha256, "SHA256", HashHex<EVP_sha256>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(HmacDescriptor(kCryptoHmacMd5, "MD5", HmacHex<EVP_md5>)));
  GOLDEN_RETURN_IF_ERROR(r.Register(HmacDescriptor(kCryptoHmacSha1, "SHA1", HmacHex<EVP_sha1>)));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(HmacDescriptor(kCryptoHmacSha256, "SHA256", HmacHex<EVP_sha256>)));
  GOLDEN_RETURN_IF_ERROR(
      r.Register(HmacDescriptor(kCryptoHmacSha512, "SHA512", HmacHex<EVP_sha512>)));
  return r.Register({
      .name = kCryptoHmacEqual,
      .args = {t::Named(t::String(), "mac1", "mac1 to compare"),
               t::Named(t::String(), "mac2", "mac2 to compare")},
      .result = t::Named(t::Boolean(), "result", "`true` if the MACs are equals, `false` otherwise"),
      .description = "Returns a boolean representing the result of comparing two MACs for "
                     "equality without leaking timing information.",
      .fn = HmacEqual,
  });
}

}  // namespace golden::rego
