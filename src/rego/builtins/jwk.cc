#include "rego/builtins/jwk.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <memory>

#include "base/base64.h"
#include "value/json.h"

namespace golden::rego::jwk {

namespace {

Status Err(std::string msg) { return InvalidArgument(std::move(msg)); }

// JWK members are base64url without padding; padded and standard-alphabet forms are accepted
// too, as the common JWK libraries accept them.
Result<std::string> DecodeMember(const Value& jwk, std::string_view name, bool required) {
  const Value* v = jwk.Find(name);
  if (v == nullptr) {
    if (required) return Err("missing required parameter \"" + std::string(name) + "\"");
    return std::string();
  }
  if (!v->IsString()) return Err("parameter \"" + std::string(name) + "\" must be a string");
  std::string s(v->GetString());
  while (!s.empty() && s.back() == '=') s.pop_back();
  bool url = s.find_first_of("-_") != std::string::npos || s.find_first_of("+/") == std::string::npos;
  auto d = Base64Decode(s, url ? Base64Alphabet::kRawUrl : Base64Alphabet::kRawStd);
  if (!d.ok()) return Err("failed to decode \"" + std::string(name) + "\": " + d.status().message());
  return std::move(*d);
}

using BldPtr = std::unique_ptr<OSSL_PARAM_BLD, void (*)(OSSL_PARAM_BLD*)>;
using ParamsPtr = std::unique_ptr<OSSL_PARAM, void (*)(OSSL_PARAM*)>;
using BnPtr = std::unique_ptr<BIGNUM, void (*)(BIGNUM*)>;

Result<crypto::PkeyPtr> FromData(const char* type, OSSL_PARAM_BLD* bld, bool priv) {
  ParamsPtr params(OSSL_PARAM_BLD_to_param(bld), OSSL_PARAM_free);
  std::unique_ptr<EVP_PKEY_CTX, void (*)(EVP_PKEY_CTX*)> ctx(
      EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr), EVP_PKEY_CTX_free);
  EVP_PKEY* pkey = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &pkey, priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                        params.get()) != 1) {
    return Err("invalid key: " + crypto::OpenSslError());
  }
  return crypto::PkeyPtr(pkey);
}

// Keeps the BIGNUMs alive until the parameters are built.
class Bignums {
 public:
  BIGNUM* Add(std::string_view bytes) {
    owned_.emplace_back(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()),
                                  static_cast<int>(bytes.size()), nullptr),
                        BN_free);
    return owned_.back().get();
  }

 private:
  std::vector<BnPtr> owned_;
};

Result<Key> Rsa(const Value& jwk, Key key) {
  GOLDEN_ASSIGN_OR_RETURN(std::string n, DecodeMember(jwk, "n", true));
  GOLDEN_ASSIGN_OR_RETURN(std::string e, DecodeMember(jwk, "e", true));
  GOLDEN_ASSIGN_OR_RETURN(std::string d, DecodeMember(jwk, "d", false));
  BldPtr bld(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
  Bignums bns;
  OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bns.Add(n));
  OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bns.Add(e));
  key.has_private = !d.empty();
  if (key.has_private) {
    OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_D, bns.Add(d));
    static const std::pair<const char*, const char*> kCrt[] = {
        {"p", OSSL_PKEY_PARAM_RSA_FACTOR1},    {"q", OSSL_PKEY_PARAM_RSA_FACTOR2},
        {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1}, {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2},
        {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1}};
    bool all = true;
    std::vector<std::string> crt;
    for (const auto& [member, param] : kCrt) {
      GOLDEN_ASSIGN_OR_RETURN(std::string v, DecodeMember(jwk, member, false));
      if (v.empty()) all = false;
      crt.push_back(std::move(v));
    }
    // The CRT parameters are used only when all of them are present.
    if (all) {
      for (size_t i = 0; i < crt.size(); ++i) {
        OSSL_PARAM_BLD_push_BN(bld.get(), kCrt[i].second, bns.Add(crt[i]));
      }
    }
  }
  GOLDEN_ASSIGN_OR_RETURN(key.pkey, FromData("RSA", bld.get(), key.has_private));
  return key;
}

Result<Key> Ec(const Value& jwk, Key key) {
  const Value* crv = jwk.Find("crv");
  if (crv == nullptr || !crv->IsString()) return Err("missing required parameter \"crv\"");
  std::string_view c = crv->GetString();
  const char* group = c == "P-256" ? "prime256v1" : c == "P-384" ? "secp384r1"
                    : c == "P-521" ? "secp521r1" : nullptr;
  if (group == nullptr) return Err("invalid curve name " + std::string(c));
  const size_t size = c == "P-256" ? 32 : c == "P-384" ? 48 : 66;
  GOLDEN_ASSIGN_OR_RETURN(std::string x, DecodeMember(jwk, "x", true));
  GOLDEN_ASSIGN_OR_RETURN(std::string y, DecodeMember(jwk, "y", true));
  GOLDEN_ASSIGN_OR_RETURN(std::string d, DecodeMember(jwk, "d", false));
  if (x.size() > size || y.size() > size) return Err("invalid EC point coordinates");
  std::string point = "\x04" + std::string(size - x.size(), '\0') + x +
                      std::string(size - y.size(), '\0') + y;
  BldPtr bld(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
  Bignums bns;
  OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0);
  OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                   point.size());
  key.has_private = !d.empty();
  if (key.has_private) OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, bns.Add(d));
  GOLDEN_ASSIGN_OR_RETURN(key.pkey, FromData("EC", bld.get(), key.has_private));
  return key;
}

Result<Key> Okp(const Value& jwk, Key key) {
  const Value* crv = jwk.Find("crv");
  if (crv == nullptr || !crv->IsString() || crv->GetString() != "Ed25519") {
    return Err("unsupported OKP curve (only Ed25519 keys can sign and verify)");
  }
  GOLDEN_ASSIGN_OR_RETURN(std::string x, DecodeMember(jwk, "x", true));
  GOLDEN_ASSIGN_OR_RETURN(std::string d, DecodeMember(jwk, "d", false));
  EVP_PKEY* pkey = nullptr;
  if (!d.empty()) {
    pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                        reinterpret_cast<const unsigned char*>(d.data()), d.size());
    key.has_private = true;
  } else {
    pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                       reinterpret_cast<const unsigned char*>(x.data()), x.size());
  }
  if (pkey == nullptr) return Err("invalid Ed25519 key: " + crypto::OpenSslError());
  key.pkey.reset(pkey);
  return key;
}

}  // namespace

Result<Key> FromValue(const Value& jwk) {
  if (!jwk.IsObject()) return Err("a JWK must be an object");
  Key key;
  auto member = [&](std::string_view name) {
    const Value* v = jwk.Find(name);
    return v != nullptr && v->IsString() ? std::string(v->GetString()) : std::string();
  };
  key.kty = member("kty");
  key.alg = member("alg");
  key.kid = member("kid");
  if (key.kty == "RSA") return Rsa(jwk, std::move(key));
  if (key.kty == "EC") return Ec(jwk, std::move(key));
  if (key.kty == "OKP") return Okp(jwk, std::move(key));
  if (key.kty == "oct") {
    GOLDEN_ASSIGN_OR_RETURN(key.secret, DecodeMember(jwk, "k", true));
    return key;
  }
  if (key.kty.empty()) return Err("missing \"kty\" field");
  return Err("unsupported key type \"" + key.kty + "\"");
}

Result<std::vector<Key>> ParseSet(std::string_view json) {
  auto v = ParseJson(json);
  if (!v.ok()) return Err("invalid JSON: " + v.status().message());
  std::vector<Key> keys;
  const Value* set = v->IsObject() ? v->Find("keys") : nullptr;
  if (set != nullptr && set->IsArray()) {
    for (const Value& k : set->GetArray()) {
      GOLDEN_ASSIGN_OR_RETURN(Key key, FromValue(k));
      keys.push_back(std::move(key));
    }
    return keys;
  }
  GOLDEN_ASSIGN_OR_RETURN(Key key, FromValue(*v));
  keys.push_back(std::move(key));
  return keys;
}

Key FromPublicKey(crypto::PkeyPtr pkey) {
  Key key;
  switch (EVP_PKEY_get_base_id(pkey.get())) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS:
      key.kty = "RSA";
      break;
    case EVP_PKEY_EC:
      key.kty = "EC";
      break;
    case EVP_PKEY_ED25519:
      key.kty = "OKP";
      break;
    default:
      break;
  }
  key.pkey = std::move(pkey);
  return key;
}

}  // namespace golden::rego::jwk
