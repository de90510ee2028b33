#include "rego/builtins/jwt.h"

#include <gtest/gtest.h>

#include <openssl/core_names.h>

#include "base/base64.h"
#include "base/strings.h"
#include "rego/builtins/builtin_test_helper.h"
#include "rego/builtins/crypto.h"
#include "rego/builtins/pem.h"
#include "rego/builtins/x509_keys.h"
#include "testing/temp_dir.h"

namespace golden::rego {
namespace {

using testing::BuiltinHarness;
using testing::J;
using testing::S;
using Kind = BuiltinResult::Kind;

std::string Fixture(std::string_view name) {
  return golden::testing::ReadFileOrDie(golden::testing::SourceDir() / "tests/data/crypto" /
                                        std::string(name));
}

std::string B64Url(std::string_view b) { return Base64Encode(b, Base64Alphabet::kRawUrl); }

// A private JWK for a PEM private key of the fixtures.
Value PrivateJwk(std::string_view pem_text, std::string_view alg = "") {
  std::string_view rest;
  auto block = pem::Decode(pem_text, &rest);
  EXPECT_TRUE(block.has_value());
  auto key = block->type == "EC PRIVATE KEY" ? x509::ParseEcPrivateKey(block->bytes)
                                             : x509::ParsePkcs8PrivateKey(block->bytes);
  EXPECT_TRUE(key.ok()) << key.status().message();
  std::vector<Value::Entry> e;
  auto add = [&](const char* k, std::string v) { e.push_back({S(k), S(v)}); };
  if (!alg.empty()) add("alg", std::string(alg));
  switch (key->kind) {
    case x509::KeyKind::kRsa:
      return *x509::PrivateKeyJwk(*key);
    case x509::KeyKind::kEcdsa: {
      const int bits = EVP_PKEY_get_bits(key->pkey.get());
      const size_t size = static_cast<size_t>((bits + 7) / 8);
      auto pad = [&](std::string b) { return std::string(size - b.size(), '\0') + b; };
      add("kty", "EC");
      add("crv", bits == 256 ? "P-256" : bits == 384 ? "P-384" : "P-521");
      add("x", B64Url(pad(x509::BnParamBytes(key->pkey.get(), OSSL_PKEY_PARAM_EC_PUB_X))));
      add("y", B64Url(pad(x509::BnParamBytes(key->pkey.get(), OSSL_PKEY_PARAM_EC_PUB_Y))));
      add("d", B64Url(pad(x509::BnParamBytes(key->pkey.get(), OSSL_PKEY_PARAM_PRIV_KEY))));
      break;
    }
    case x509::KeyKind::kEd25519: {
      unsigned char priv[32], pub[32];
      size_t pl = 32, ul = 32;
      EVP_PKEY_get_raw_private_key(key->pkey.get(), priv, &pl);
      EVP_PKEY_get_raw_public_key(key->pkey.get(), pub, &ul);
      add("kty", "OKP");
      add("crv", "Ed25519");
      add("x", B64Url(std::string(reinterpret_cast<char*>(pub), ul)));
      add("d", B64Url(std::string(reinterpret_cast<char*>(priv), pl)));
      break;
    }
    default:
      ADD_FAILURE();
  }
  return Value::Object(std::move(e));
}

// The public half of a private JWK.
Value PublicJwk(const Value& priv) {
  std::vector<Value::Entry> e;
  for (const auto& entry : priv.GetObject()) {
    std::string_view k = entry.key.GetString();
    if (k == "d" || k == "p" || k == "q" || k == "dp" || k == "dq" || k == "qi") continue;
    e.push_back(entry);
  }
  return Value::Object(std::move(e));
}

Status RegisterAll(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(RegisterJwtBuiltins(r));
  return RegisterJwtSignBuiltins(r);
}

class Jwt : public ::testing::Test {
 protected:
  void SetUp() override { h.ctx().now_ns = 1700000000LL * 1000000000LL; }
  std::string Sign(const Value& header, const Value& payload, const Value& key) {
    Value v = h.Ok("io.jwt.encode_sign", {header, payload, key});
    return std::string(v.IsString() ? v.GetString() : "");
  }
  BuiltinHarness h{RegisterAll};
};

const char kHsToken[] =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwIiwiaXNzIjoib3BhIn0."
    "XmVoLoHI3pxMtMO_WRONMSJzGUDP9pDjy8Jp0_tdRXY";

TEST_F(Jwt, Decode) {
  EXPECT_EQ(h.Ok("io.jwt.decode", {S(kHsToken)}),
            J(R"([{"alg": "HS256", "typ": "JWT"}, {"iss": "opa", "sub": "0"},
                  "5e65682e81c8de9c4cb4c3bf59138d3122731940cff690e3cbc269d3fb5d4576"])"));
  EXPECT_EQ(h.Err("io.jwt.decode", {S("abc")}), "encoded JWT had no period separators");
  EXPECT_EQ(h.Err("io.jwt.decode", {S("a.b")}), "encoded JWT must have 3 sections, found 2");
  EXPECT_EQ(h.Err("io.jwt.decode", {S("a.b.c.d")}), "encoded JWT must have 3 sections, found 4");
  EXPECT_EQ(h.Err("io.jwt.decode",
                  {S("eyJhbGciOiJIU^%zI1NiI+sInR5cCI6IkpXVCJ9.eyJzdWIiOiIwIiwiaXNzIjoib3BhIn0.XmVo")}),
            "JWT header had invalid encoding: illegal base64 data at input byte 13");
  EXPECT_EQ(h.Err("io.jwt.decode", {S("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwIiwia/XNzIjoib3BhIn0.XmVo")}),
            "JWT payload had invalid encoding: illegal base64 data at input byte 17");
  EXPECT_EQ(h.Err("io.jwt.decode", {S("eyJhbGciOiJIUzI1NiJ9.e30.X")}),
            "JWT signature had invalid encoding: illegal base64url string: X");
  EXPECT_EQ(h.Err("io.jwt.decode", {S(B64Url(R"({"alg":"HS256","enc":"x"})") + ".e30.")}),
            "JWT is a JWE object, which is not supported");
  EXPECT_EQ(h.Err("io.jwt.decode", {S(B64Url("[1]") + ".e30.")}),
            "bad JWT header: decoded JSON type was not an Object");
  EXPECT_EQ(h.Err("io.jwt.decode", {S("e30." + B64Url("[]") + ".")}),
            "decoded JSON type was not an Object");
  // Nested (cty JWT) tokens decode to the innermost one; the payload may be quoted.
  std::string nested = B64Url(R"({"alg":"HS256","cty":"JWT"})") + "." +
                       B64Url(std::string("\"") + kHsToken + "\"") + ".c2ln";
  EXPECT_EQ(h.Ok("io.jwt.decode", {S(nested)}), h.Ok("io.jwt.decode", {S(kHsToken)}));
  EXPECT_EQ(h.Err("io.jwt.decode", {Value::Int(1)}, Kind::kTypeError),
            "operand 1 must be string but got number");
}

TEST_F(Jwt, HmacVerifyAndSign) {
  const Value oct = J(R"({"kty": "oct", "k": "c2VjcmV0"})");  // "secret"
  for (const char* alg : {"HS256", "HS384", "HS512"}) {
    std::string token = Sign(J(std::string(R"({"alg": ")") + alg + R"("})"), J(R"({"a": 1})"), oct);
    std::string name = std::string("io.jwt.verify_hs") + (alg + 2);
    EXPECT_EQ(h.Ok(name, {S(token), S("secret")}), Value::Bool(true)) << alg;
    EXPECT_EQ(h.Ok(name, {S(token), S("Secret")}), Value::Bool(false)) << alg;
  }
  EXPECT_EQ(h.Ok("io.jwt.verify_hs256",
                 {S("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoiYWxpY2UiLCJhenAiOiJhbGljZSIsInN1"
                    "Ym9yZGluYXRlcyI6W10sImhyIjpmYWxzZX0.rz3jTY033z-NrKfwrK89_dcLF7TN4gwCMj-fVBDyLoM"),
                  S("secret")}),
            Value::Bool(true));
  EXPECT_EQ(h.Err("io.jwt.verify_hs256", {S("a.b"), S("secret")}),
            "encoded JWT must have 3 sections, found 2");
  // RFC 7515 appendix A.1's key and claims: HS256 signatures are deterministic.
  EXPECT_EQ(Sign(J(R"({"alg": "HS256", "typ": "JWT"})"), J("{}"),
                 J(R"({"k": "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow", "kty": "oct"})")),
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.6cvao8lnOu6FAdK68jQFcDMXOmaWNwWiYhCgijd-AD8");
}

// Every asymmetric algorithm: sign with a JWK, verify with the PEM public key, the certificate
// and the public JWK; other keys and algorithms do not verify.
TEST_F(Jwt, AsymmetricSignAndVerify) {
  struct Case {
    const char* alg;
    const char* key;
    const char* pub;  // PEM public key or certificate
  };
  const Case cases[] = {
      {"RS256", "leaf_rsa_pkcs8.key", "leaf_rsa.pub"}, {"RS384", "leaf_rsa_pkcs8.key", "leaf.pem"},
      {"RS512", "leaf_rsa_pkcs8.key", "leaf_rsa.pub"}, {"PS256", "leaf_rsa_pkcs8.key", "leaf.pem"},
      {"PS384", "leaf_rsa_pkcs8.key", "leaf_rsa.pub"}, {"PS512", "leaf_rsa_pkcs8.key", "leaf_rsa.pub"},
      {"ES256", "root.key", "root.pem"},               {"ES384", "ec_sec1.key", ""},
      {"EdDSA", "ed25519.key", "ed25519.pub"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.alg);
    const Value priv = PrivateJwk(Fixture(c.key));
    const std::string token =
        Sign(J(std::string(R"({"alg": ")") + c.alg + R"(", "typ": "JWT"})"), J(R"({"iss": "me"})"), priv);
    ASSERT_FALSE(token.empty());
    std::string name = "io.jwt.verify_" + AsciiLower(c.alg);
    if (*c.pub) {
      EXPECT_EQ(h.Ok(name, {S(token), S(Fixture(c.pub))}), Value::Bool(true));
    }
    EXPECT_EQ(h.Ok(name, {S(token), S(ToJson(PublicJwk(priv)))}), Value::Bool(true));
    EXPECT_EQ(h.Ok(name, {S(token), S(ToJson(J(R"({"keys": [)" + ToJson(PublicJwk(priv)) + "]}")))}),
              Value::Bool(true));
    // Another key of another type, and a tampered payload.
    EXPECT_EQ(h.Ok(name, {S(token), S(Fixture("ed25519.pub"))}), Value::Bool(c.alg[0] == 'E' && c.alg[1] == 'd'));
    std::string tampered = token;
    tampered[tampered.find('.') + 2] ^= 1;
    EXPECT_EQ(h.Ok(name, {S(tampered), S(ToJson(PublicJwk(priv)))}), Value::Bool(false));
    EXPECT_EQ(h.Ok("io.jwt.decode_verify",
                   {S(token), J(R"({"cert": )" + ToJson(S(ToJson(PublicJwk(priv)))) + "}")})
                  .GetArray()[0],
              Value::Bool(true));
  }
  // An RSA key cannot verify an ES256 token.
  const std::string es = Sign(J(R"({"alg": "ES256"})"), J("{}"), PrivateJwk(Fixture("root.key")));
  EXPECT_EQ(h.Ok("io.jwt.verify_es256", {S(es), S(Fixture("leaf_rsa.pub"))}), Value::Bool(false));
  EXPECT_EQ(h.Ok("io.jwt.verify_rs256", {S(es), S(Fixture("root.pem"))}), Value::Bool(false));
}

TEST_F(Jwt, KeySelectionByKidAndAlg) {
  const Value a = PrivateJwk(Fixture("root.key"));
  const Value b = PrivateJwk(Fixture("intermediate.key"));
  const std::string token = Sign(J(R"({"alg": "ES256", "kid": "b"})"), J("{}"), b);
  auto with = [](const Value& jwk, std::string_view kid, std::string_view alg) {
    const Value pub = PublicJwk(jwk);
    std::vector<Value::Entry> e(pub.GetObject().begin(), pub.GetObject().end());
    e.push_back({S("kid"), S(kid)});
    if (!alg.empty()) e.push_back({S("alg"), S(alg)});
    return Value::Object(std::move(e));
  };
  auto set = [](std::vector<Value> keys) {
    return S(ToJson(Value::Object({{S("keys"), Value::Array(std::move(keys))}})));
  };
  EXPECT_EQ(h.Ok("io.jwt.verify_es256", {S(token), set({with(a, "a", ""), with(b, "b", "")})}),
            Value::Bool(true));
  // The kid-matching key decides alone.
  EXPECT_EQ(h.Ok("io.jwt.verify_es256", {S(token), set({with(a, "b", ""), with(b, "c", "")})}),
            Value::Bool(false));
  // Keys declaring another algorithm are skipped; unknown algorithms are dropped.
  EXPECT_EQ(h.Ok("io.jwt.verify_es256", {S(token), set({with(b, "x", "ES384")})}), Value::Bool(false));
  EXPECT_EQ(h.Ok("io.jwt.verify_es256", {S(token), set({with(b, "x", "XX999")})}), Value::Bool(false));
  EXPECT_EQ(h.Ok("io.jwt.verify_es256", {S(token), set({with(b, "x", "ES256")})}), Value::Bool(true));
}

TEST_F(Jwt, VerifyKeyErrors) {
  EXPECT_EQ(h.Err("io.jwt.verify_rs256", {S(kHsToken), S("not a key")}).substr(0, 32),
            "failed to parse a JWK key (set):");
  EXPECT_EQ(h.Err("io.jwt.verify_rs256", {S(kHsToken), S(Fixture("leaf.pem") + "\n\n")}),
            "extra data after a PEM certificate block");
  EXPECT_EQ(h.Err("io.jwt.verify_rs256", {S(kHsToken), S(Fixture("leaf_rsa_pkcs1.key"))}),
            "failed to extract a Key from the PEM certificate");
  EXPECT_EQ(h.Err("io.jwt.verify_rs256", {S(kHsToken), S(R"({"kty": "XYZ"})")}),
            "failed to parse a JWK key (set): unsupported key type \"XYZ\"");
  EXPECT_EQ(h.Err("io.jwt.verify_rs256", {S(kHsToken), Value::Int(1)}, Kind::kTypeError),
            "operand 2 must be string but got number");
}

TEST_F(Jwt, DecodeVerifyConstraints) {
  const Value oct = J(R"({"kty": "oct", "k": "c2VjcmV0"})");
  auto token = [&](std::string_view claims, std::string_view header = R"({"alg": "HS256"})") {
    return S(Sign(J(header), J(claims), oct));
  };
  auto dv = [&](const Value& t, std::string_view constraints) {
    return h.Ok("io.jwt.decode_verify", {t, J(constraints)});
  };
  const Value unverified = J("[false, {}, {}]");
  EXPECT_EQ(dv(token(R"({"iss": "xxx"})"), R"({"secret": "secret"})"),
            J(R"([true, {"alg": "HS256"}, {"iss": "xxx"}])"));
  EXPECT_EQ(dv(token("{}"), R"({"secret": "wrong"})"), unverified);
  EXPECT_EQ(dv(token("{}"), R"({"secret": "secret", "alg": "HS512"})"), unverified);
  EXPECT_EQ(dv(token(R"({"iss": "xxx"})"), R"({"secret": "secret", "iss": "yyy"})"), unverified);
  EXPECT_EQ(dv(token("{}"), R"({"secret": "secret", "iss": "xxx"})"), unverified);
  EXPECT_EQ(dv(token(R"({"aud": "fred"})"), R"({"secret": "secret", "aud": "fred"})").GetArray()[0],
            Value::Bool(true));
  EXPECT_EQ(dv(token(R"({"aud": ["bob", "fred"]})"), R"({"secret": "secret", "aud": "fred"})")
                .GetArray()[0],
            Value::Bool(true));
  EXPECT_EQ(dv(token(R"({"aud": "fred"})"), R"({"secret": "secret"})"), unverified);
  EXPECT_EQ(dv(token("{}"), R"({"secret": "secret", "aud": "fred"})"), unverified);
  // exp/nbf in seconds against the time constraint (ns) or the query's time.
  EXPECT_EQ(dv(token(R"({"exp": 3000})"), R"({"secret": "secret", "time": 2999000000000})").GetArray()[0],
            Value::Bool(true));
  EXPECT_EQ(dv(token(R"({"exp": 3000})"), R"({"secret": "secret", "time": 3000000000000})"), unverified);
  EXPECT_EQ(dv(token(R"({"exp": 3000})"), R"({"secret": "secret"})"), unverified);
  EXPECT_EQ(dv(token(R"({"nbf": 1000.1})"), R"({"secret": "secret", "time": 1000100000000})").GetArray()[0],
            Value::Bool(true));
  EXPECT_EQ(dv(token(R"({"nbf": 1000.1})"), R"({"secret": "secret", "time": 1000000000000})"), unverified);
  EXPECT_EQ(dv(token(R"({"nbf": 1000})"), R"({"secret": "secret"})").GetArray()[0], Value::Bool(true));
  // Invalid headers make the token unverified rather than an error.
  EXPECT_EQ(dv(token("{}", R"({"alg": "HS256", "crit": ["junk"], "junk": 1})"), R"({"secret": "secret"})"),
            unverified);
  EXPECT_EQ(dv(S(B64Url(R"({"typ":"JWT"})") + ".e30.c2ln"), R"({"secret": "secret"})"), unverified);
  // Nested tokens (cty JWT, any case) are verified level by level.
  std::string inner(token(R"({"sub": "inner"})").GetString());
  Value outer = h.Ok("io.jwt.encode_sign_raw",
                     {S(R"({"alg":"HS256","typ":"nested","cty":"jwt"})"), S(inner), S(ToJson(oct))});
  EXPECT_EQ(dv(outer, R"({"secret": "secret"})"),
            J(R"([true, {"alg": "HS256"}, {"sub": "inner"}])"));
}

TEST_F(Jwt, DecodeVerifyErrors) {
  const Value oct = J(R"({"kty": "oct", "k": "c2VjcmV0"})");
  auto err = [&](const Value& t, std::string_view constraints) {
    return h.Err("io.jwt.decode_verify", {t, J(constraints)});
  };
  const Value t = S(Sign(J(R"({"alg": "HS256"})"), J("{}"), oct));
  EXPECT_EQ(err(t, R"({"secret": "secret", "foo": 1})"), "unknown token validation constraint: foo");
  EXPECT_EQ(err(t, R"({"secret": "s", "cert": "{\"kty\":\"oct\",\"k\":\"AA\"}"})"),
            "duplicate key constraints");
  EXPECT_EQ(err(t, "{}"), "no key constraint");
  EXPECT_EQ(err(t, R"({"secret": 1})"), "secret constraint: must be a string");
  EXPECT_EQ(err(t, R"({"secret": "s", "time": "now"})"), "token time constraint: must be a number");
  EXPECT_EQ(err(t, R"({"secret": "s", "time": -1})"), "token time constraint: must not be negative");
  EXPECT_EQ(err(S(Sign(J(R"({"alg": "HS256"})"), J(R"({"exp": null})"), oct)), R"({"secret": "secret"})"),
            "exp value must be a number");
  EXPECT_EQ(err(S(Sign(J(R"({"alg": "HS256"})"), J(R"({"nbf": "x"})"), oct)), R"({"secret": "secret"})"),
            "nbf value must be a number");
  EXPECT_EQ(err(S(B64Url(R"({"alg":1})") + ".e30.c2ln"), R"({"secret": "secret"})"),
            "alg: must be a string");
}

TEST_F(Jwt, EncodeSign) {
  const Value oct = J(R"({"kty": "oct", "k": "c2VjcmV0"})");
  // RFC 7515 appendix A.1's claims; sets become arrays, keys are sorted.
  EXPECT_EQ(Sign(J(R"({"alg": "HS256", "typ": "JWT"})"),
                 J(R"({"aud": ["bob", "saul"], "exp": 1300819380, "http://example.com/is_root": true,
                       "iss": "joe", "privateParams": {"private_one": "one", "private_two": "two"}})"),
                 J(R"({"k": "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow", "kty": "oct"})")),
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOlsiYm9iIiwic2F1bCJdLCJleHAiOjEzMDA4MTkzODAs"
            "Imh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlLCJpc3MiOiJqb2UiLCJwcml2YXRlUGFyYW1zIjp7InBy"
            "aXZhdGVfb25lIjoib25lIiwicHJpdmF0ZV90d28iOiJ0d28ifX0.-Or2eol8bzly-Ztb0v7_7UkcKBkN_aNNpK33HK0MeOY");
  // Raw headers and payloads are signed exactly as given.
  EXPECT_EQ(h.Err("io.jwt.encode_sign_raw", {S(R"({"alg":"HS256","typ":"JWT"})"), S("not json"),
                                             S(ToJson(oct))}),
            "type is JWT but payload is not JSON");
  EXPECT_EQ(h.Ok("io.jwt.encode_sign_raw", {S(R"({"alg":"HS256","typ":"text"})"), S("not json"),
                                            S(ToJson(oct))})
                .GetString()
                .substr(0, 36),
            B64Url(R"({"alg":"HS256","typ":"text"})").substr(0, 36));
  EXPECT_EQ(h.Err("io.jwt.encode_sign", {J(R"({"alg": "none"})"), J("{}"), oct}),
            "unknown JWS algorithm: none");
  EXPECT_EQ(h.Err("io.jwt.encode_sign", {J(R"({"typ": "JWT"})"), J("{}"), oct}).substr(0, 29),
            "missing or invalid 'alg' head");
  EXPECT_EQ(h.Err("io.jwt.encode_sign", {J(R"({"alg": "RS256"})"), J("{}"), oct}),
            "failed to sign with RS256: the key is not a RSA private key");
  EXPECT_EQ(h.Err("io.jwt.encode_sign",
                  {J(R"({"alg": "HS256"})"), J("{}"), PrivateJwk(Fixture("root.key"))}),
            "failed to sign with HS256: a symmetric (oct) key is needed");
  EXPECT_EQ(h.Err("io.jwt.encode_sign", {J(R"({"alg": "HS256"})"), J("{}"), J(R"({"keys": []})")}),
            "no keys found in JWK set");
  EXPECT_TRUE(h.registry().Find("io.jwt.encode_sign")->nondeterministic);
}

}  // namespace
}  // namespace golden::rego
