#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "rego/builtins/registry.h"
#include "value/value.h"

namespace golden::rego {

/// Registers io.jwt.decode, io.jwt.decode_verify and io.jwt.verify_* (HS, RS, PS, ES 256/384/512
/// and EdDSA).
Status RegisterJwtBuiltins(Registry& registry);

/// Registers io.jwt.encode_sign and io.jwt.encode_sign_raw.
Status RegisterJwtSignBuiltins(Registry& registry);

namespace jwt {

/// OPA's base64url.decode: unpadded input is padded first (RFC 7515 appendix C); errors are
/// Go's ("illegal base64 data at input byte 3", "illegal base64url string: abcde").
Result<std::string> Base64UrlDecode(std::string_view s);

}  // namespace jwt

}  // namespace golden::rego
