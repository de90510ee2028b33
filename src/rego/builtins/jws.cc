#include "rego/builtins/jws.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>

#include "rego/builtins/crypto_util.h"

namespace golden::rego::jws {

namespace {

enum class Family { kNone, kHmac, kRsa, kPss, kEcdsa, kEdDsa };

struct Algorithm {
  Family family = Family::kNone;
  const EVP_MD* md = nullptr;
};

Algorithm Parse(std::string_view alg) {
  if (alg == "EdDSA") return {Family::kEdDsa, nullptr};
  if (alg.size() != 5) return {};
  const EVP_MD* md = nullptr;
  std::string_view bits = alg.substr(2);
  if (bits == "256") {
    md = EVP_sha256();
  } else if (bits == "384") {
    md = EVP_sha384();
  } else if (bits == "512") {
    md = EVP_sha512();
  } else {
    return {};
  }
  std::string_view kind = alg.substr(0, 2);
  if (kind == "HS") return {Family::kHmac, md};
  if (kind == "RS") return {Family::kRsa, md};
  if (kind == "PS") return {Family::kPss, md};
  if (kind == "ES") return {Family::kEcdsa, md};
  return {};
}

using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)>;
using SigPtr = std::unique_ptr<ECDSA_SIG, void (*)(ECDSA_SIG*)>;

bool KeyMatches(Family f, const jwk::Key& key) {
  if (!key.pkey) return false;
  int id = EVP_PKEY_get_base_id(key.pkey.get());
  switch (f) {
    case Family::kRsa:
    case Family::kPss:
      return id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS;
    case Family::kEcdsa:
      return id == EVP_PKEY_EC;
    case Family::kEdDsa:
      return id == EVP_PKEY_ED25519;
    default:
      return false;
  }
}

// RFC 7518's r||s (split in halves, as OPA does) as the DER OpenSSL verifies.
std::string RawToDer(std::string_view raw) {
  const size_t n = raw.size() / 2;
  SigPtr sig(ECDSA_SIG_new(), ECDSA_SIG_free);
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), static_cast<int>(n),
                        nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data() + n),
                        static_cast<int>(raw.size() - n), nullptr);
  ECDSA_SIG_set0(sig.get(), r, s);
  unsigned char* der = nullptr;
  int len = i2d_ECDSA_SIG(sig.get(), &der);
  if (len <= 0) return "";
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

bool VerifyAsymmetric(const Algorithm& a, EVP_PKEY* pkey, std::string_view input,
                      std::string_view sig) {
  MdCtxPtr ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_PKEY_CTX* pctx = nullptr;
  if (EVP_DigestVerifyInit(ctx.get(), &pctx, a.md, nullptr, pkey) != 1) return false;
  if (a.family == Family::kPss) {
    // Any salt length verifies, as Go's rsa.VerifyPSS with nil options.
    if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_AUTO) != 1) {
      return false;
    }
  }
  std::string der;
  if (a.family == Family::kEcdsa) {
    if (sig.empty()) return false;
    der = RawToDer(sig);
    sig = der;
  }
  int rc = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.data()),
                            sig.size(), reinterpret_cast<const unsigned char*>(input.data()),
                            input.size());
  return rc == 1;
}

}  // namespace

bool IsKnownAlgorithm(std::string_view alg) { return Parse(alg).family != Family::kNone; }

bool Verify(std::string_view alg, const jwk::Key& key, std::string_view input,
            std::string_view signature) {
  Algorithm a = Parse(alg);
  bool ok = false;
  if (a.family == Family::kHmac) {
    if (key.pkey) return false;
    ok = crypto::ConstantTimeEqual(crypto::Hmac(a.md, key.secret, input), signature);
  } else if (a.family != Family::kNone && KeyMatches(a.family, key)) {
    ok = VerifyAsymmetric(a, key.pkey.get(), input, signature);
  }
  crypto::OpenSslError();  // leave no errors queued behind a failed verification
  return ok;
}

Result<std::string> Sign(std::string_view alg, const jwk::Key& key, std::string_view input) {
  Algorithm a = Parse(alg);
  if (a.family == Family::kNone) return InvalidArgument("unknown JWS algorithm: " + std::string(alg));
  if (a.family == Family::kHmac) {
    if (key.pkey || key.kty != "oct") {
      return InvalidArgument("failed to sign with " + std::string(alg) + ": a symmetric (oct) key is needed");
    }
    return crypto::Hmac(a.md, key.secret, input);
  }
  if (!KeyMatches(a.family, key) || !key.has_private) {
    return InvalidArgument("failed to sign with " + std::string(alg) + ": the key is not a " +
                           (a.family == Family::kEcdsa   ? "EC"
                            : a.family == Family::kEdDsa ? "Ed25519"
                                                         : "RSA") +
                           " private key");
  }
  MdCtxPtr ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_PKEY_CTX* pctx = nullptr;
  if (EVP_DigestSignInit(ctx.get(), &pctx, a.md, nullptr, key.pkey.get()) != 1) {
    return InvalidArgument("failed to sign: " + crypto::OpenSslError());
  }
  if (a.family == Family::kPss) {
    // Salt as long as the hash (RFC 7518 section 3.5).
    if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1) {
      return InvalidArgument("failed to sign: " + crypto::OpenSslError());
    }
  }
  size_t len = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(input.data());
  if (EVP_DigestSign(ctx.get(), nullptr, &len, in, input.size()) != 1) {
    return InvalidArgument("failed to sign: " + crypto::OpenSslError());
  }
  std::string sig(len, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, in,
                     input.size()) != 1) {
    return InvalidArgument("failed to sign: " + crypto::OpenSslError());
  }
  sig.resize(len);
  if (a.family != Family::kEcdsa) return sig;
  // DER (r, s) to the fixed-size r||s of the key's curve.
  const auto* p = reinterpret_cast<const unsigned char*>(sig.data());
  SigPtr es(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size())), ECDSA_SIG_free);
  if (!es) return InvalidArgument("failed to sign: malformed ECDSA signature");
  const int size = (EVP_PKEY_get_bits(key.pkey.get()) + 7) / 8;
  std::string raw(static_cast<size_t>(2 * size), '\0');
  auto* out = reinterpret_cast<unsigned char*>(raw.data());
  BN_bn2binpad(ECDSA_SIG_get0_r(es.get()), out, size);
  BN_bn2binpad(ECDSA_SIG_get0_s(es.get()), out + size, size);
  return raw;
}

}  // namespace golden::rego::jws
