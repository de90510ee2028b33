#include "rego/builtins/x509_keys.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

#include "base/base64.h"
#include "rego/builtins/der.h"
#include "rego/builtins/x509_cert.h"

namespace golden::rego::x509 {

namespace {

using BnPtr = std::unique_ptr<BIGNUM, void (*)(BIGNUM*)>;

BnPtr GetBn(const EVP_PKEY* pkey, const char* name) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) return BnPtr(nullptr, BN_free);
  return BnPtr(bn, BN_free);
}

Value BnValue(const EVP_PKEY* pkey, const char* name) {
  std::string dec = BnParam(pkey, name);
  return dec.empty() ? Value::Null() : BigNumber(dec);
}

Result<PrivateKey> Wrap(EVP_PKEY* raw, std::string_view what) {
  if (raw == nullptr) {
    crypto::OpenSslError();  // clear the queue
    return InvalidArgument("x509: failed to parse " + std::string(what));
  }
  PrivateKey key;
  key.pkey.reset(raw);
  key.json = PrivateKeyJson(raw, &key.kind);
  return key;
}

std::string B64Url(std::string_view bytes) { return Base64Encode(bytes, Base64Alphabet::kRawUrl); }

}  // namespace

std::string BnParam(const EVP_PKEY* pkey, const char* name) {
  BnPtr bn = GetBn(pkey, name);
  if (!bn) return "";
  char* dec = BN_bn2dec(bn.get());
  std::string out(dec);
  OPENSSL_free(dec);
  return out;
}

std::string BnParamBytes(const EVP_PKEY* pkey, const char* name) {
  BnPtr bn = GetBn(pkey, name);
  if (!bn) return "";
  std::string out(static_cast<size_t>(BN_num_bytes(bn.get())), '\0');
  BN_bn2bin(bn.get(), reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

Value PrivateKeyJson(EVP_PKEY* pkey, KeyKind* kind) {
  switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_RSA: {
      *kind = KeyKind::kRsa;
      // rsa.PrivateKey embeds PublicKey (N, E); CRTValues is empty for two primes.
      return Value::Object({
          {Value::String("N"), BnValue(pkey, OSSL_PKEY_PARAM_RSA_N)},
          {Value::String("E"), BnValue(pkey, OSSL_PKEY_PARAM_RSA_E)},
          {Value::String("D"), BnValue(pkey, OSSL_PKEY_PARAM_RSA_D)},
          {Value::String("Primes"), Value::Array({BnValue(pkey, OSSL_PKEY_PARAM_RSA_FACTOR1),
                                                  BnValue(pkey, OSSL_PKEY_PARAM_RSA_FACTOR2)})},
          {Value::String("Precomputed"),
           Value::Object({{Value::String("Dp"), BnValue(pkey, OSSL_PKEY_PARAM_RSA_EXPONENT1)},
                          {Value::String("Dq"), BnValue(pkey, OSSL_PKEY_PARAM_RSA_EXPONENT2)},
                          {Value::String("Qinv"), BnValue(pkey, OSSL_PKEY_PARAM_RSA_COEFFICIENT1)},
                          {Value::String("CRTValues"), Value::EmptyArray()}})},
      });
    }
    case EVP_PKEY_EC:
      *kind = KeyKind::kEcdsa;
      return Value::Object({{Value::String("Curve"), Value::EmptyObject()},
                            {Value::String("X"), BnValue(pkey, OSSL_PKEY_PARAM_EC_PUB_X)},
                            {Value::String("Y"), BnValue(pkey, OSSL_PKEY_PARAM_EC_PUB_Y)},
                            {Value::String("D"), BnValue(pkey, OSSL_PKEY_PARAM_PRIV_KEY)}});
    case EVP_PKEY_ED25519: {
      *kind = KeyKind::kEd25519;
      // ed25519.PrivateKey is seed || public key.
      unsigned char priv[32], pub[32];
      size_t plen = sizeof(priv), publen = sizeof(pub);
      if (EVP_PKEY_get_raw_private_key(pkey, priv, &plen) != 1 ||
          EVP_PKEY_get_raw_public_key(pkey, pub, &publen) != 1) {
        return Value::Null();
      }
      std::string bytes(reinterpret_cast<char*>(priv), plen);
      bytes.append(reinterpret_cast<char*>(pub), publen);
      return Value::String(Base64Encode(bytes));
    }
    default:
      *kind = KeyKind::kOther;
      return Value::EmptyObject();  // e.g. X25519: no exported fields
  }
}

namespace {

// The tag of the second element of a DER SEQUENCE (PKCS #1 keys have an INTEGER there,
// PKCS #8 an AlgorithmIdentifier SEQUENCE, SEC 1 an OCTET STRING); 0 when malformed.
uint8_t SecondTag(std::string_view der) {
  der::Reader outer(der);
  std::string_view seq, ignored;
  uint8_t tag = 0;
  if (!outer.Read(der::tag::kSequence, &seq)) return 0;
  der::Reader r(seq);
  if (!r.ReadAny(&tag, &ignored) || !r.PeekTag(&tag)) return 0;
  return tag;
}

}  // namespace

Result<PrivateKey> ParsePkcs1PrivateKey(std::string_view der) {
  // OpenSSL's decoder would also take PKCS #8 here; Go's ParsePKCS1PrivateKey does not.
  if (SecondTag(der) != der::tag::kInteger) {
    if (ParsePkcs8PrivateKey(der).ok()) {
      return InvalidArgument(
          "x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key "
          "format)");
    }
    if (ParseEcPrivateKey(der).ok()) {
      return InvalidArgument(
          "x509: failed to parse private key (use ParseECPrivateKey instead for this key format)");
    }
    return InvalidArgument("x509: failed to parse RSA private key");
  }
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  EVP_PKEY* pkey = d2i_PrivateKey(EVP_PKEY_RSA, nullptr, &p, static_cast<long>(der.size()));
  if (pkey != nullptr && p != reinterpret_cast<const unsigned char*>(der.data() + der.size())) {
    EVP_PKEY_free(pkey);
    return InvalidArgument("asn1: syntax error: trailing data");
  }
  return Wrap(pkey, "RSA private key");
}

Result<PrivateKey> ParsePkcs8PrivateKey(std::string_view der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<PKCS8_PRIV_KEY_INFO, void (*)(PKCS8_PRIV_KEY_INFO*)> info(
      d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, static_cast<long>(der.size())),
      PKCS8_PRIV_KEY_INFO_free);
  if (!info) {
    crypto::OpenSslError();
    return InvalidArgument("x509: failed to parse private key (PKCS #8)");
  }
  return Wrap(EVP_PKCS82PKEY(info.get()), "PKCS #8 private key");
}

Result<PrivateKey> ParseEcPrivateKey(std::string_view der) {
  if (SecondTag(der) != der::tag::kOctetString) {
    return InvalidArgument("x509: failed to parse EC private key");
  }
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  EVP_PKEY* pkey = d2i_PrivateKey(EVP_PKEY_EC, nullptr, &p, static_cast<long>(der.size()));
  return Wrap(pkey, "EC private key");
}

Result<Value> PrivateKeyJwk(const PrivateKey& key) {
  switch (key.kind) {
    case KeyKind::kRsa: {
      const EVP_PKEY* k = key.pkey.get();
      auto field = [&](const char* name) {
        return Value::String(B64Url(BnParamBytes(k, name)));
      };
      return Value::Object({
          {Value::String("kty"), Value::String("RSA")},
          {Value::String("n"), field(OSSL_PKEY_PARAM_RSA_N)},
          {Value::String("e"), field(OSSL_PKEY_PARAM_RSA_E)},
          {Value::String("d"), field(OSSL_PKEY_PARAM_RSA_D)},
          {Value::String("p"), field(OSSL_PKEY_PARAM_RSA_FACTOR1)},
          {Value::String("q"), field(OSSL_PKEY_PARAM_RSA_FACTOR2)},
          {Value::String("dp"), field(OSSL_PKEY_PARAM_RSA_EXPONENT1)},
          {Value::String("dq"), field(OSSL_PKEY_PARAM_RSA_EXPONENT2)},
          {Value::String("qi"), field(OSSL_PKEY_PARAM_RSA_COEFFICIENT1)},
      });
    }
    case KeyKind::kEcdsa:
      // OPA's jwx keeps EC key material unexported: only the key type is marshalled.
      return Value::Object({{Value::String("kty"), Value::String("EC")}});
    case KeyKind::kEd25519:
      return InvalidArgument("invalid key type ed25519.PrivateKey");
    case KeyKind::kOther:
      break;
  }
  return InvalidArgument("invalid key type");
}

}  // namespace golden::rego::x509
