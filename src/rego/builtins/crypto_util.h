#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <openssl/evp.h>

/// Small OpenSSL helpers shared by the crypto, JWT and AWS builtins.
namespace golden::rego::crypto {

/// The raw digest of `data` under `md` (EVP_sha256(), ...).
std::string Digest(const EVP_MD* md, std::string_view data);

/// The raw HMAC of `data` keyed with `key` under `md`.
std::string Hmac(const EVP_MD* md, std::string_view key, std::string_view data);

/// Lower-case hex of arbitrary bytes.
std::string HexEncode(std::string_view bytes);

/// Compares in time independent of where the inputs differ (Go's hmac.Equal).
bool ConstantTimeEqual(std::string_view a, std::string_view b);

/// OpenSSL objects with their free functions.
struct PkeyDeleter {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

/// The last OpenSSL error as text (and the error queue cleared), for messages.
std::string OpenSslError();

}  // namespace golden::rego::crypto
