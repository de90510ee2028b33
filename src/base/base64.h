#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace golden {

/// The four alphabets/padding combinations of Go's encoding/base64 (RFC 4648), which OPA's
/// builtins, JWTs, PEM blocks and X.509 parsing all go through.
enum class Base64Alphabet {
  kStd,     ///< StdEncoding: A-Z a-z 0-9 + /, padded with '='
  kUrl,     ///< URLEncoding: A-Z a-z 0-9 - _, padded with '='
  kRawStd,  ///< RawStdEncoding: standard alphabet, no padding
  kRawUrl,  ///< RawURLEncoding: URL alphabet, no padding
};

/// Encodes `data` (any bytes).
std::string Base64Encode(std::string_view data, Base64Alphabet alphabet = Base64Alphabet::kStd);

/// Decodes `text` exactly as Go's (non-strict) Encoding.DecodeString does: '\r' and '\n' are
/// skipped anywhere, padding must be complete for padded alphabets, unused trailing bits may be
/// non-zero. On malformed input the error message is Go's, with Go's byte offset:
/// "illegal base64 data at input byte 13".
Result<std::string> Base64Decode(std::string_view text,
                                 Base64Alphabet alphabet = Base64Alphabet::kStd);

}  // namespace golden
