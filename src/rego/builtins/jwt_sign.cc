// io.jwt.encode_sign and io.jwt.encode_sign_raw (OPA's commonBuiltinJWTEncodeSign).

#include "base/base64.h"
#include "rego/builtins/jwk.h"
#include "rego/builtins/jws.h"
#include "rego/builtins/jwt.h"
#include "value/json.h"

namespace golden::rego {

namespace {

constexpr char kJwtEncodeSign[] = "io.jwt.encode_sign";
constexpr char kJwtEncodeSignRaw[] = "io.jwt.encode_sign_raw";

BuiltinResult Fail(std::string msg) { return BuiltinResult::Error(std::move(msg)); }

// Signs `payload` under `headers` (both exactly as given) with the first key of `jwk_src`.
BuiltinResult EncodeSign(std::string_view headers, std::string_view payload,
                         std::string_view jwk_src) {
  auto keys = jwk::ParseSet(jwk_src);
  if (!keys.ok()) return Fail("failed to parse JWK: " + keys.status().message());
  if (keys->empty()) return Fail("no keys found in JWK set");

  auto parsed = ParseJson(headers);
  const Value* alg = parsed.ok() && parsed->IsObject() ? parsed->Find("alg") : nullptr;
  if (alg == nullptr || !alg->IsString()) {
    return Fail("missing or invalid 'alg' header: " +
                std::string(parsed.ok() ? "field \"alg\" not found or not a string"
                                        : parsed.status().message()));
  }
  if (!jws::IsKnownAlgorithm(alg->GetString())) {
    return Fail("unknown JWS algorithm: " + std::string(alg->GetString()));
  }
  // A token typed JWT (or untyped) must carry a JSON payload.
  const Value* typ = parsed->Find("typ");
  const bool jwt_typed = typ == nullptr || !typ->IsString() || typ->GetString() == "JWT";
  if (jwt_typed && !ParseJson(payload).ok()) return Fail("type is JWT but payload is not JSON");

  const std::string input = Base64Encode(headers, Base64Alphabet::kRawUrl) + "." +
                            Base64Encode(payload, Base64Alphabet::kRawUrl);
  auto sig = jws::Sign(alg->GetString(), keys->front(), input);
  if (!sig.ok()) return Fail(sig.status().message());
  return Value::String(input + "." + Base64Encode(*sig, Base64Alphabet::kRawUrl));
}

// Go's json.Marshal of a term: compact, keys sorted, sets as arrays, HTML characters escaped.
std::string Marshal(const Value& v) {
  JsonStyle style;
  style.escape_html = true;
  return ToJson(v, style);
}

BuiltinResult Sign(BuiltinContext&, std::span<const Value> args) {
  return EncodeSign(Marshal(args[0]), Marshal(args[1]), Marshal(args[2]));
}

BuiltinResult SignRaw(BuiltinContext&, std::span<const Value> args) {
  return EncodeSign(args[0].GetString(), args[1].GetString(), args[2].GetString());
}

}  // namespace

Status RegisterJwtSignBuiltins(Registry& r) {
  const TypePtr obj = t::ObjectOf(t::String(), t::Any());
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kJwtEncodeSign,
      .args = {t::Named(obj, "headers", "JWS Protected Header"),
               t::Named(obj, "payload", "JWS Payload"),
               t::Named(obj, "key", "JSON Web Key (RFC7517)")},
      .result = t::Named(t::String(), "output", "signed JWT"),
      .nondeterministic = true,
      .categories = {"tokensign"},
      .description = "Encodes and optionally signs a JSON Web Token. Inputs are taken as objects, "
                     "not encoded strings (see `io.jwt.encode_sign_raw`).",
      .fn = Sign,
  }));
  return r.Register({
      .name = kJwtEncodeSignRaw,
      .args = {t::Named(t::String(), "headers", "JWS Protected Header"),
               t::Named(t::String(), "payload", "JWS Payload"),
               t::Named(t::String(), "key", "JSON Web Key (RFC7517)")},
      .result = t::Named(t::String(), "output", "signed JWT"),
      .nondeterministic = true,
      .categories = {"tokensign"},
      .description = "Encodes and optionally signs a JSON Web Token.",
      .fn = SignRaw,
  });
}

}  // namespace golden::rego
