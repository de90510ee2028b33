#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "rego/builtins/crypto_util.h"
#include "value/value.h"

/// JSON Web Keys (RFC 7517) and key sets, turned into OpenSSL keys or HMAC secrets for the
/// io.jwt.* builtins.
namespace golden::rego::jwk {

/// A verification or signing key: an asymmetric key (public, or private with its public
/// part) or a symmetric secret ("oct").
struct Key {
  std::string kty;  ///< "RSA", "EC", "OKP", "oct"
  std::string alg;  ///< "alg" member, when given
  std::string kid;  ///< "kid" member, when given
  crypto::PkeyPtr pkey;
  std::string secret;
  bool has_private = false;
};

/// Parses one JWK or a JWK set ({"keys": [...]}) from JSON text.
Result<std::vector<Key>> ParseSet(std::string_view json);

/// A key from an already parsed JWK object.
Result<Key> FromValue(const Value& jwk);

/// Wraps an OpenSSL public key (from a certificate or a PEM public key) as a Key.
Key FromPublicKey(crypto::PkeyPtr pkey);

}  // namespace golden::rego::jwk
