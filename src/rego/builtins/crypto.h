#pragma once

#include "base/status.h"
#include "rego/builtins/registry.h"

namespace golden::rego {

/// Registers crypto.md5, crypto.sha1, crypto.sha256, crypto.hmac.{md5,sha1,sha256,sha512} and
/// crypto.hmac.equal.
Status RegisterCryptoHashBuiltins(Registry& registry);

/// Registers crypto.x509.parse_certificates, crypto.x509.parse_and_verify_certificates,
/// crypto.x509.parse_and_verify_certificates_with_options,
/// crypto.x509.parse_certificate_request, crypto.x509.parse_keypair,
/// crypto.x509.parse_rsa_private_key and crypto.parse_private_keys.
Status RegisterCryptoX509Builtins(Registry& registry);

}  // namespace golden::rego
