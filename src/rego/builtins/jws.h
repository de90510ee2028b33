#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "rego/builtins/jwk.h"

/// JWS signatures (RFC 7515/7518) over OpenSSL: HS/RS/PS/ES 256/384/512 and EdDSA.
namespace golden::rego::jws {

/// True for the algorithms OPA knows (its tokenAlgorithms table).
bool IsKnownAlgorithm(std::string_view alg);

/// Verifies `signature` over `input` with `key` under `alg`. False on any mismatch: wrong key
/// type, malformed signature, unknown algorithm.
bool Verify(std::string_view alg, const jwk::Key& key, std::string_view input,
            std::string_view signature);

/// Signs `input` with `key` under `alg` (ES* signatures are the fixed-size r||s of RFC 7518).
Result<std::string> Sign(std::string_view alg, const jwk::Key& key, std::string_view input);

}  // namespace golden::rego::jws
