// providers.aws.sign_req (OPA's topdown/providers.go): AWS Signature Version 4 by the
// Authorization header method, with OPA's checks and messages.

#include <openssl/evp.h>

#include <map>

#include "base/strings.h"
#include "rego/builtins/crypto_util.h"
#include "rego/builtins/go_time.h"
#include "rego/builtins/go_url.h"
#include "rego/builtins/operands.h"
#include "rego/builtins/providers.h"
#include "rego/builtins/term_text.h"
#include "value/json.h"

namespace golden::rego {

namespace {

constexpr char kProvidersAwsSignReq[] = "providers.aws.sign_req";

// http.send's request keys, which sign_req checks its request against (validateHTTPRequestOperand).
constexpr std::string_view kAllowedRequestKeys[] = {
    "method", "url", "body", "enable_redirect", "force_json_decode", "force_yaml_decode",
    "headers", "raw_body", "tls_use_system_certs", "tls_ca_cert", "tls_ca_cert_file",
    "tls_ca_cert_env_variable", "tls_client_cert", "tls_client_cert_file",
    "tls_client_cert_env_variable", "tls_client_key", "tls_client_key_file",
    "tls_client_key_env_variable", "tls_insecure_skip_verify", "tls_server_name", "timeout",
    "cache", "force_cache", "force_cache_duration_seconds", "raise_error", "caching_mode",
    "max_retry_attempts", "cache_ignored_headers"};

constexpr std::string_view kRequiredConfigKeys[] = {"aws_access_key", "aws_region",
                                                    "aws_secret_access_key", "aws_service"};

// Headers a proxy may change on the way, left out of the signature (as the AWS SDKs do).
bool IgnoredHeader(std::string_view lower) {
  return lower == "authorization" || lower == "user-agent" || lower == "x-amzn-trace-id";
}

std::string StringOr(const Value* v) {
  return v != nullptr && v->IsString() ? std::string(v->GetString()) : std::string();
}

std::string Sha256Hex(std::string_view data) {
  return crypto::HexEncode(crypto::Digest(EVP_sha256(), data));
}

std::string HmacSha256(std::string_view key, std::string_view data) {
  return crypto::Hmac(EVP_sha256(), key, data);
}

// The request keys missing from `req`, as OPA prints a Rego set: {"method", "url"}.
std::optional<BuiltinResult> CheckRequest(const Value& req) {
  std::vector<Value> invalid, missing;
  for (const auto& e : req.GetObject()) {
    bool allowed = e.key.IsString() &&
                   std::find(std::begin(kAllowedRequestKeys), std::end(kAllowedRequestKeys),
                             e.key.GetString()) != std::end(kAllowedRequestKeys);
    if (!allowed) invalid.push_back(e.key);
  }
  if (!invalid.empty()) {
    return OperandError(1, "invalid request parameters(s): " +
                                  TermText(Value::Set(std::move(invalid))));
  }
  for (std::string_view k : {"method", "url"}) {
    if (req.Find(k) == nullptr) missing.push_back(Value::String(k));
  }
  if (!missing.empty()) {
    return OperandError(1, "missing required request parameters(s): " +
                                  TermText(Value::Set(std::move(missing))));
  }
  return std::nullopt;
}

BuiltinResult SignReq(BuiltinContext&, std::span<const Value> args) {
  const Value& req = args[0];
  const Value& config = args[1];

  std::vector<Value> missing, invalid;
  for (std::string_view k : kRequiredConfigKeys) {
    const Value* v = config.Find(k);
    if (v == nullptr) {
      missing.push_back(Value::String(k));
    } else if (!v->IsString()) {
      invalid.push_back(Value::String(k));
    }
  }
  if (!missing.empty()) {
    return OperandError(2, "missing required AWS config parameters(s): " +
                                  TermText(Value::Set(std::move(missing))));
  }
  if (!invalid.empty()) {
    return OperandError(2, "invalid values for required AWS config parameters(s): " +
                                  TermText(Value::Set(std::move(invalid))));
  }
  const std::string service = StringOr(config.Find("aws_service"));
  const std::string access_key = StringOr(config.Find("aws_access_key"));
  const std::string secret_key = StringOr(config.Find("aws_secret_access_key"));
  const std::string region = StringOr(config.Find("aws_region"));
  const Value* session_token = config.Find("aws_session_token");

  const Value& ts = args[2];
  if (!ts.GetNumber().IsSmallInt()) {
    return OperandError(3, "could not convert time_ns value into a unix timestamp");
  }
  const int64_t time_ns = ts.GetNumber().small_int();

  if (auto err = CheckRequest(req)) return *err;
  Value headers = Value::EmptyObject();
  if (const Value* h = req.Find("headers")) {
    if (!h->IsObject()) return OperandTypeError(0, *h, {"object"});
    headers = *h;
  }
  std::vector<Value> bad_params;
  const Value* url_value = req.Find("url");
  const Value* method_value = req.Find("method");
  if (!url_value->IsString()) bad_params.push_back(Value::String("url"));
  if (!method_value->IsString()) bad_params.push_back(Value::String("method"));
  if (!bad_params.empty()) {
    return OperandError(1, "invalid values for required request parameters(s): " +
                                  TermText(Value::Set(std::move(bad_params))));
  }
  auto url = gourl::Parse(url_value->GetString());
  if (!url.ok()) return BuiltinResult::Error(url.status().message());
  const std::string method(method_value->GetString());

  // The body: raw_body verbatim, else body as Go marshals it, else nothing.
  std::string body;
  if (const Value* raw = req.Find("raw_body")) {
    body = StringOr(raw);
  } else if (const Value* b = req.Find("body")) {
    JsonStyle style;
    style.escape_html = true;
    body = ToJson(*b, style);
  }

  bool disable_payload_signing = false;
  if (const Value* d = config.Find("disable_payload_signing")) {
    if (!d->IsBool()) {
      return OperandError(2, "invalid value for 'disable_payload_signing' in AWS config");
    }
    disable_payload_signing = d->GetBool();
  }

  // ---- SigV4 (OPA's internal/providers/aws.SignV4) ----
  const gotime::Time now = gotime::FromUnixNanos(time_ns, tz::Zone::Utc());
  const std::string date = gotime::Format(now, "20060102");
  const std::string stamp = gotime::Format(now, "20060102T150405Z");
  const std::string content_sha256 =
      disable_payload_signing ? "UNSIGNED-PAYLOAD" : Sha256Hex(body);

  std::map<std::string, std::string> aws_headers = {{"host", url->host}, {"x-amz-date", stamp}};
  if (service == "s3" || service == "glacier") aws_headers["x-amz-content-sha256"] = content_sha256;
  if (session_token != nullptr && !StringOr(session_token).empty()) {
    aws_headers["x-amz-security-token"] = StringOr(session_token);
  }
  // Request headers override the AWS ones they share a (lower-cased) name with.
  std::map<std::string, std::string> to_sign = aws_headers;
  for (const auto& e : headers.GetObject()) {
    std::string lower = AsciiLower(e.key.IsString() ? e.key.GetString() : "");
    if (!IgnoredHeader(lower)) to_sign[lower] = StringOr(&e.value);
  }
  std::string canonical = method + "\n" + url->EscapedPath() + "\n" + url->raw_query + "\n";
  std::string signed_headers;
  for (const auto& [k, v] : to_sign) {
    canonical += k + ":" + v + "\n";
    signed_headers += (signed_headers.empty() ? "" : ";") + k;
  }
  canonical += "\n" + signed_headers + "\n" + content_sha256;

  const std::string scope = date + "/" + region + "/" + service + "/aws4_request";
  const std::string string_to_sign =
      "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n" + Sha256Hex(canonical);
  std::string key = HmacSha256("AWS4" + secret_key, date);
  key = HmacSha256(key, region);
  key = HmacSha256(key, service);
  key = HmacSha256(key, "aws4_request");
  const std::string signature = crypto::HexEncode(HmacSha256(key, string_to_sign));
  const std::string authorization = "AWS4-HMAC-SHA256 Credential=" + access_key + "/" + scope +
                                    ",SignedHeaders=" + signed_headers + ",Signature=" + signature;

  // The original headers (non-strings become "", as OPA's objectToMap makes them), then
  // Authorization and the AWS headers.
  std::map<std::string, std::string> out_headers;
  for (const auto& e : headers.GetObject()) out_headers[StringOr(&e.key)] = StringOr(&e.value);
  out_headers["Authorization"] = authorization;
  for (const auto& [k, v] : aws_headers) out_headers[k] = v;

  std::vector<Value::Entry> header_entries;
  for (const auto& [k, v] : out_headers) {
    header_entries.push_back({Value::String(k), Value::String(v)});
  }
  std::vector<Value::Entry> out;
  for (const auto& e : req.GetObject()) {
    if (e.key.IsString() && e.key.GetString() == "headers") continue;
    out.push_back(e);
  }
  out.push_back({Value::String("headers"), Value::Object(std::move(header_entries))});
  return Value::Object(std::move(out));
}

}  // namespace

Status RegisterProvidersBuiltins(Registry& r) {
  return r.Register({
      .name = kProvidersAwsSignReq,
      .args = {t::Named(t::ObjectOf(t::String(), t::Any()), "request", "HTTP request object"),
               t::Named(t::ObjectOf(t::String(), t::Any()), "aws_config",
                        "AWS configuration object"),
               t::Named(t::Number(), "time_ns", "nanoseconds since the epoch")},
      .result = t::Named(t::ObjectOf(t::Any(), t::Any()), "signed_request",
                         "HTTP request object with `Authorization` header"),
      .categories = {"providers.aws"},
      .description = "Signs an HTTP request object for Amazon Web Services. Currently implements "
                     "[AWS Signature Version 4 request signing]"
                     "(https://docs.aws.amazon.com/AmazonS3/latest/API/"
                     "sig-v4-authenticating-requests.html) by the `Authorization` header method.",
      .fn = SignReq,
  });
}

}  // namespace golden::rego
