#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "rego/builtins/crypto_util.h"
#include "value/value.h"

/// Private keys as Go's crypto/x509 parses them (PKCS #1, PKCS #8, SEC 1), rendered as the JSON
/// Go's encoding/json gives *rsa.PrivateKey, *ecdsa.PrivateKey and ed25519.PrivateKey.
namespace golden::rego::x509 {

enum class KeyKind { kRsa, kEcdsa, kEd25519, kOther };

struct PrivateKey {
  KeyKind kind = KeyKind::kOther;
  crypto::PkeyPtr pkey;
  Value json;
};

/// Go's x509.ParsePKCS1PrivateKey ("RSA PRIVATE KEY" blocks).
Result<PrivateKey> ParsePkcs1PrivateKey(std::string_view der);
/// Go's x509.ParsePKCS8PrivateKey ("PRIVATE KEY" blocks).
Result<PrivateKey> ParsePkcs8PrivateKey(std::string_view der);
/// Go's x509.ParseECPrivateKey ("EC PRIVATE KEY" blocks).
Result<PrivateKey> ParseEcPrivateKey(std::string_view der);

/// JSON of a private key held by OpenSSL (RSA, EC or Ed25519).
Value PrivateKeyJson(EVP_PKEY* pkey, KeyKind* kind);

/// The JWK OPA's crypto.x509.parse_rsa_private_key gives a key (its internal jwx: RSA keys
/// with every parameter, EC keys with only "kty").
Result<Value> PrivateKeyJwk(const PrivateKey& key);

/// Decimal text of a big-number parameter of `pkey` (OSSL_PKEY_PARAM_RSA_N, ...), or "".
std::string BnParam(const EVP_PKEY* pkey, const char* name);

/// Big-endian bytes of a big-number parameter of `pkey` (no leading zeros), or "".
std::string BnParamBytes(const EVP_PKEY* pkey, const char* name);

}  // namespace golden::rego::x509
