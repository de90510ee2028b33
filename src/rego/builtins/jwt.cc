// io.jwt.decode, io.jwt.verify_* and io.jwt.decode_verify (OPA's topdown/tokens.go).

#include "rego/builtins/jwt.h"

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cmath>
#include <optional>
#include <vector>

#include "base/base64.h"
#include "rego/builtins/crypto_util.h"
#include "rego/builtins/jwk.h"
#include "rego/builtins/jws.h"
#include "rego/builtins/operands.h"
#include "rego/builtins/pem.h"
#include "rego/builtins/term_text.h"
#include "rego/builtins/x509_cert.h"
#include "value/json.h"

namespace golden::rego {

namespace {

constexpr char kJwtDecode[] = "io.jwt.decode";
constexpr char kJwtDecodeVerify[] = "io.jwt.decode_verify";

BuiltinResult Fail(std::string msg) { return BuiltinResult::Error(std::move(msg)); }

// The three base64url parts of a compact JWS.
struct Token {
  std::string header, payload, signature;
  Value decoded_header;
};

std::optional<BuiltinResult> SplitToken(const Value& v, Token* out) {
  if (!v.IsString()) return OperandTypeError(1, v, {"string"});
  std::string_view s = v.GetString();
  if (s.find('.') == std::string_view::npos) return Fail("encoded JWT had no period separators");
  size_t first = s.find('.');
  size_t second = s.find('.', first + 1);
  size_t parts = 2;
  for (size_t p = second; p != std::string_view::npos; p = s.find('.', p + 1)) ++parts;
  if (parts != 3) {
    return Fail("encoded JWT must have 3 sections, found " + std::to_string(parts));
  }
  out->header = std::string(s.substr(0, first));
  out->payload = std::string(s.substr(first + 1, second - first - 1));
  out->signature = std::string(s.substr(second + 1));
  return std::nullopt;
}

// OPA's extractJSONObject.
Result<Value> JsonObject(std::string_view s) {
  auto v = ParseJson(s);
  if (!v.ok()) return InvalidArgument("invalid JSON: " + v.status().message());
  if (!v->IsObject()) return InvalidArgument("decoded JSON type was not an Object");
  return *v;
}

// OPA's decodeHeader / validateJWTHeader.
std::optional<BuiltinResult> DecodeHeader(Token* t) {
  auto raw = jwt::Base64UrlDecode(t->header);
  if (!raw.ok()) return Fail("JWT header had invalid encoding: " + raw.status().message());
  auto header = JsonObject(*raw);
  if (!header.ok()) return Fail("bad JWT header: " + header.status().message());
  if (header->Find("enc") != nullptr) return Fail("JWT is a JWE object, which is not supported");
  t->decoded_header = std::move(*header);
  return std::nullopt;
}

// OPA's parseTokenHeader: the registered parameters it checks, and whether the header is valid
// (alg present, no unrecognised critical parameter).
struct Header {
  std::string alg, kid, typ, cty;
  bool valid = false;
};

std::optional<BuiltinResult> ParseHeader(const Value& h, Header* out) {
  std::vector<std::string> unknown, crit;
  bool has_crit = false;
  for (const auto& e : h.GetObject()) {
    std::string_view k = e.key.IsString() ? e.key.GetString() : std::string_view();
    std::string* field = k == "alg" ? &out->alg : k == "kid" ? &out->kid
                       : k == "typ" ? &out->typ : k == "cty" ? &out->cty : nullptr;
    if (field != nullptr) {
      if (!e.value.IsString()) return Fail(std::string(k) + ": must be a string");
      *field = std::string(e.value.GetString());
    } else if (k == "crit") {
      if (!e.value.IsArray()) return Fail("crit: must be a list");
      has_crit = true;
      for (const Value& c : e.value.GetArray()) {
        if (c.IsString()) crit.emplace_back(c.GetString());
      }
      if (crit.empty()) return Fail("crit: must be a nonempty list");
    } else {
      unknown.emplace_back(k);
    }
  }
  out->valid = !out->alg.empty();
  if (has_crit) {
    for (const auto& u : unknown) {
      if (std::find(crit.begin(), crit.end(), u) != crit.end()) out->valid = false;
    }
  }
  return std::nullopt;
}

// ---- io.jwt.decode ----

BuiltinResult DecodeImpl(const Value& jwt) {
  Token t;
  if (auto err = SplitToken(jwt, &t)) return *err;
  if (auto err = DecodeHeader(&t)) return *err;
  auto payload = jwt::Base64UrlDecode(t.payload);
  if (!payload.ok()) return Fail("JWT payload had invalid encoding: " + payload.status().message());
  const Value* cty = t.decoded_header.Find("cty");
  if (cty != nullptr && cty->IsString() && cty->GetString() == "JWT") {
    // A nested token, quoted as jwt.io quotes it.
    std::string_view inner = *payload;
    while (!inner.empty() && (inner.front() == '"' || inner.front() == '\'')) inner.remove_prefix(1);
    while (!inner.empty() && (inner.back() == '"' || inner.back() == '\'')) inner.remove_suffix(1);
    return DecodeImpl(Value::String(inner));
  }
  auto claims = JsonObject(*payload);
  if (!claims.ok()) return Fail(claims.status().message());
  auto sig = jwt::Base64UrlDecode(t.signature);
  if (!sig.ok()) return Fail("JWT signature had invalid encoding: " + sig.status().message());
  return Value::Array({t.decoded_header, *claims, Value::String(crypto::HexEncode(*sig))});
}

BuiltinResult Decode(BuiltinContext&, std::span<const Value> args) { return DecodeImpl(args[0]); }

// ---- keys from certificates, public keys or JWKs (OPA's getKeysFromCertOrJWK) ----

Result<std::vector<jwk::Key>> KeysFromCertOrJwk(std::string_view certificate) {
  std::string_view rest;
  if (auto block = pem::Decode(certificate, &rest)) {
    if (!rest.empty()) return InvalidArgument("extra data after a PEM certificate block");
    std::string spki;
    if (block->type == "CERTIFICATE") {
      auto cert = x509::ParseCertificate(block->bytes);
      if (!cert.ok()) {
        return InvalidArgument("failed to parse a PEM certificate: " + cert.status().message());
      }
      spki = cert->raw_spki;
    } else if (block->type == "PUBLIC KEY") {
      spki = block->bytes;
    } else {
      return InvalidArgument("failed to extract a Key from the PEM certificate");
    }
    const auto* p = reinterpret_cast<const unsigned char*>(spki.data());
    crypto::PkeyPtr pkey(d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size())));
    if (!pkey) {
      return InvalidArgument("failed to parse a PEM public key: " + crypto::OpenSslError());
    }
    std::vector<jwk::Key> keys;
    keys.push_back(jwk::FromPublicKey(std::move(pkey)));
    return keys;
  }
  auto keys = jwk::ParseSet(certificate);
  if (!keys.ok()) {
    return InvalidArgument("failed to parse a JWK key (set): " + keys.status().message());
  }
  // Keys for algorithms OPA does not know are skipped.
  std::vector<jwk::Key> usable;
  for (auto& k : *keys) {
    if (k.alg.empty() || jws::IsKnownAlgorithm(k.alg)) usable.push_back(std::move(k));
  }
  return usable;
}

const jwk::Key* KeyByKid(std::string_view kid, const std::vector<jwk::Key>& keys) {
  for (const auto& k : keys) {
    if (k.kid == kid) return &k;
  }
  return nullptr;
}

// ---- io.jwt.verify_* ----

// OPA's builtinJWTVerify for an asymmetric algorithm `alg`.
BuiltinResult VerifyAsymmetric(std::string_view alg, std::span<const Value> args) {
  Token t;
  if (auto err = SplitToken(args[0], &t)) return *err;
  auto keys = KeysFromCertOrJwk(args[1].GetString());
  if (!keys.ok()) return Fail(keys.status().message());
  auto sig = jwt::Base64UrlDecode(t.signature);
  if (!sig.ok()) return Fail(sig.status().message());
  if (auto err = DecodeHeader(&t)) return *err;
  Header header;
  if (auto err = ParseHeader(t.decoded_header, &header)) return *err;
  const std::string input = t.header + "." + t.payload;
  // A key whose kid matches the token's decides alone.
  if (!header.kid.empty()) {
    if (const jwk::Key* k = KeyByKid(header.kid, *keys)) {
      return Value::Bool(jws::Verify(alg, *k, input, *sig));
    }
  }
  for (const auto& k : *keys) {
    if (!k.alg.empty() && k.alg != header.alg) continue;
    if (jws::Verify(alg, k, input, *sig)) return Value::Bool(true);
  }
  return Value::Bool(false);
}

BuiltinResult VerifyHmac(std::string_view alg, std::span<const Value> args) {
  Token t;
  if (auto err = SplitToken(args[0], &t)) return *err;
  auto sig = jwt::Base64UrlDecode(t.signature);
  if (!sig.ok()) return Fail(sig.status().message());
  jwk::Key secret;
  secret.kty = "oct";
  secret.secret = std::string(args[1].GetString());
  return Value::Bool(jws::Verify(alg, secret, t.header + "." + t.payload, *sig));
}

template <const char* kAlg>
BuiltinResult VerifyWith(BuiltinContext&, std::span<const Value> args) {
  std::string_view alg = kAlg;
  if (alg.starts_with("HS")) return VerifyHmac(alg, args);
  return VerifyAsymmetric(alg, args);
}

constexpr char kHS256[] = "HS256", kHS384[] = "HS384", kHS512[] = "HS512";
constexpr char kRS256[] = "RS256", kRS384[] = "RS384", kRS512[] = "RS512";
constexpr char kPS256[] = "PS256", kPS384[] = "PS384", kPS512[] = "PS512";
constexpr char kES256[] = "ES256", kES384[] = "ES384", kES512[] = "ES512";
constexpr char kEdDSA[] = "EdDSA";

// ---- io.jwt.decode_verify ----

struct Constraints {
  std::string secret, alg, iss, aud;
  std::optional<std::vector<jwk::Key>> keys;
  double time = -1;
};

Result<double> TimeFromValue(const Value& v) {
  if (!v.IsNumber()) return InvalidArgument("token time constraint: must be a number");
  double t = v.GetNumber().ToDouble();
  if (!std::isfinite(t)) return InvalidArgument("token time constraint: unvalid float64");
  if (t < 0) return InvalidArgument("token time constraint: must not be negative");
  return t;
}

Result<Constraints> ParseConstraints(const Value& obj, int64_t now_ns) {
  Constraints c;
  for (const auto& e : obj.GetObject()) {
    if (!e.key.IsString()) {
      return InvalidArgument("unknown token validation constraint: " + TermText(e.key));
    }
    std::string_view name = e.key.GetString();
    auto str = [&](std::string* where) -> Status {
      if (!e.value.IsString()) return InvalidArgument(std::string(name) + " constraint: must be a string");
      *where = std::string(e.value.GetString());
      return Status::Ok();
    };
    if (name == "cert") {
      if (!e.value.IsString()) return InvalidArgument("cert constraint: must be a string");
      GOLDEN_ASSIGN_OR_RETURN(c.keys, KeysFromCertOrJwk(e.value.GetString()));
    } else if (name == "secret") {
      GOLDEN_RETURN_IF_ERROR(str(&c.secret));
    } else if (name == "alg") {
      GOLDEN_RETURN_IF_ERROR(str(&c.alg));
    } else if (name == "iss") {
      GOLDEN_RETURN_IF_ERROR(str(&c.iss));
    } else if (name == "aud") {
      GOLDEN_RETURN_IF_ERROR(str(&c.aud));
    } else if (name == "time") {
      GOLDEN_ASSIGN_OR_RETURN(c.time, TimeFromValue(e.value));
    } else {
      return InvalidArgument("unknown token validation constraint: " + std::string(name));
    }
  }
  if (c.time == -1) c.time = static_cast<double>(now_ns);
  int key_constraints = (c.keys ? 1 : 0) + (c.secret.empty() ? 0 : 1);
  if (key_constraints > 1) return InvalidArgument("duplicate key constraints");
  if (key_constraints < 1) return InvalidArgument("no key constraint");
  return c;
}

bool VerifyWithConstraints(const Constraints& c, const Header& h, std::string_view input,
                           std::string_view sig) {
  if (c.keys) {
    if (!h.kid.empty()) {
      if (const jwk::Key* k = KeyByKid(h.kid, *c.keys)) return jws::Verify(h.alg, *k, input, sig);
    }
    for (const auto& k : *c.keys) {
      if (!k.alg.empty() && k.alg != h.alg) continue;
      if (jws::Verify(h.alg, k, input, sig)) return true;
    }
    return false;
  }
  jwk::Key secret;
  secret.kty = "oct";
  secret.secret = c.secret;
  return jws::Verify(h.alg, secret, input, sig);
}

bool ValidAudience(const Value& aud, const std::string& want) {
  if (aud.IsString()) return aud.GetString() == want;
  if (!aud.IsArray()) return false;
  for (const Value& a : aud.GetArray()) {
    if (a.IsString() && a.GetString() == want) return true;
  }
  return false;
}

bool EqualFold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

BuiltinResult DecodeVerify(BuiltinContext& ctx, std::span<const Value> args) {
  const Value unverified =
      Value::Array({Value::Bool(false), Value::EmptyObject(), Value::EmptyObject()});
  auto constraints = ParseConstraints(args[1], ctx.now_ns);
  if (!constraints.ok()) return Fail(constraints.status().message());
  const Constraints& c = *constraints;

  Value jwt = args[0];
  Token t;
  std::string payload;
  for (;;) {
    if (auto err = SplitToken(jwt, &t)) return *err;
    if (auto err = DecodeHeader(&t)) return *err;
    Header h;
    if (auto err = ParseHeader(t.decoded_header, &h)) return *err;
    if (!h.valid) return unverified;
    if (!c.alg.empty() && c.alg != h.alg) return unverified;
    auto sig = jwt::Base64UrlDecode(t.signature);
    if (!sig.ok()) return Fail(sig.status().message());
    if (!VerifyWithConstraints(c, h, t.header + "." + t.payload, *sig)) return unverified;
    auto p = jwt::Base64UrlDecode(t.payload);
    if (!p.ok()) return Fail("JWT payload had invalid encoding: " + p.status().message());
    payload = std::move(*p);
    if (!EqualFold(h.cty, "JWT")) break;
    jwt = Value::String(payload);  // nested token: verify the inner one with the same keys
  }
  auto claims = JsonObject(payload);
  if (!claims.ok()) return Fail(claims.status().message());

  if (!c.iss.empty()) {
    const Value* iss = claims->Find("iss");
    if (iss == nullptr || !iss->IsString() || iss->GetString() != c.iss) return unverified;
  }
  if (const Value* aud = claims->Find("aud")) {
    if (!ValidAudience(*aud, c.aud)) return unverified;
  } else if (!c.aud.empty()) {
    return unverified;
  }
  // exp and nbf are seconds; the time constraint is nanoseconds. OPA compares the float64
  // quotient (printed shortest, as Go does) with the claim exactly.
  auto now = Number::FromDouble(c.time / 1e9);
  if (const Value* exp = claims->Find("exp")) {
    if (!exp->IsNumber()) return Fail("exp value must be a number");
    if (!now || now->Compare(exp->GetNumber()) >= 0) return unverified;
  }
  if (const Value* nbf = claims->Find("nbf")) {
    if (!nbf->IsNumber()) return Fail("nbf value must be a number");
    if (!now || now->Compare(nbf->GetNumber()) < 0) return unverified;
  }
  return Value::Array({Value::Bool(true), t.decoded_header, *claims});
}

Descriptor VerifyDescriptor(const char* name, const char* alg, BuiltinFn fn, bool secret) {
  return Descriptor{
      .name = name,
      .args = {t::Named(t::String(), "jwt", "JWT token whose signature is to be verified"),
               secret ? t::Named(t::String(), "secret",
                                 "plain text secret used to verify the signature")
                      : t::Named(t::String(), "certificate",
                                 "PEM encoded certificate, PEM encoded public key, or the JWK key "
                                 "(set) used to verify the signature")},
      .result = t::Named(t::Boolean(), "result", "`true` if the signature is valid, `false` otherwise"),
      .categories = {"tokens"},
      .description = std::string("Verifies if a") + (alg[0] == 'E' && alg[1] == 'd' ? "n " : " ") +
                     alg + (secret ? " (secret)" : "") + " JWT signature is valid.",
      .fn = fn,
  };
}

}  // namespace

Result<std::string> jwt::Base64UrlDecode(std::string_view s) {
  std::string padded(s);
  if (!padded.ends_with("=")) {
    switch (padded.size() % 4) {
      case 0:
        break;
      case 2:
        padded += "==";
        break;
      case 3:
        padded += "=";
        break;
      default:
        return InvalidArgument("illegal base64url string: " + padded);
    }
  }
  return Base64Decode(padded, Base64Alphabet::kUrl);
}

Status RegisterJwtBuiltins(Registry& r) {
  const TypePtr any_object = t::ObjectOf(t::Any(), t::Any());
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kJwtDecode,
      .args = {t::Named(t::String(), "jwt", "JWT token to decode")},
      .result = t::Named(t::ArrayStatic({any_object, any_object, t::String()}), "output",
                         "`[header, payload, sig]`, where `header` and `payload` are objects; "
                         "`sig` is the hexadecimal representation of the signature on the token."),
      .categories = {"tokens"},
      .description = "Decodes a JSON Web Token and outputs it as an object.",
      .fn = Decode,
  }));
  struct Entry {
    const char* name;
    const char* alg;
    BuiltinFn fn;
  };
  static constexpr Entry kVerifiers[] = {
      {"io.jwt.verify_es256", kES256, VerifyWith<kES256>},
      {"io.jwt.verify_es384", kES384, VerifyWith<kES384>},
      {"io.jwt.verify_es512", kES512, VerifyWith<kES512>},
      {"io.jwt.verify_eddsa", kEdDSA, VerifyWith<kEdDSA>},
      {"io.jwt.verify_hs256", kHS256, VerifyWith<kHS256>},
      {"io.jwt.verify_hs384", kHS384, VerifyWith<kHS384>},
      {"io.jwt.verify_hs512", kHS512, VerifyWith<kHS512>},
      {"io.jwt.verify_ps256", kPS256, VerifyWith<kPS256>},
      {"io.jwt.verify_ps384", kPS384, VerifyWith<kPS384>},
      {"io.jwt.verify_ps512", kPS512, VerifyWith<kPS512>},
      {"io.jwt.verify_rs256", kRS256, VerifyWith<kRS256>},
      {"io.jwt.verify_rs384", kRS384, VerifyWith<kRS384>},
      {"io.jwt.verify_rs512", kRS512, VerifyWith<kRS512>},
  };
  for (const Entry& e : kVerifiers) {
    GOLDEN_RETURN_IF_ERROR(
        r.Register(VerifyDescriptor(e.name, e.alg, e.fn, e.alg[0] == 'H')));
  }
  return r.Register({
      .name = kJwtDecodeVerify,
      .args = {t::Named(t::String(), "jwt",
                        "JWT token whose signature is to be verified and whose claims are to be "
                        "checked"),
               t::Named(t::ObjectOf(t::String(), t::Any()), "constraints",
                        "claim verification constraints")},
      .result = t::Named(t::ArrayStatic({t::Boolean(), any_object, any_object}), "output",
                         "`[valid, header, payload]`:  if the input token is verified and meets "
                         "the requirements of `constraints` then `valid` is `true`; `header` and "
                         "`payload` are objects containing the JOSE header and the JWT claim set; "
                         "otherwise, `valid` is `false`, `header` and `payload` are `{}`"),
      .nondeterministic = true,
      .categories = {"tokens"},
      .description = "Verifies a JWT signature under parameterized constraints and decodes the "
                     "claims if it is valid.\nSupports the following algorithms: HS256, HS384, "
                     "HS512, RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384, PS512, and "
                     "EdDSA.",
      .fn = DecodeVerify,
  });
}

}  // namespace golden::rego
