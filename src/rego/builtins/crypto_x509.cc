// crypto.x509.* and crypto.parse_private_keys (OPA's topdown/crypto.go): certificates, CSRs
// and keys parsed as Go parses them (x509_cert.h, x509_csr.h, x509_keys.h); chains verified
// with OpenSSL under Go's rules for key usages and weak signatures.

#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <memory>

#include "base/base64.h"
#include "rego/builtins/crypto.h"
#include "rego/builtins/ip_addr.h"
#include "rego/builtins/operands.h"
#include "rego/builtins/pem.h"
#include "rego/builtins/x509_cert.h"
#include "rego/builtins/x509_csr.h"
#include "rego/builtins/x509_keys.h"

namespace golden::rego {

namespace {

constexpr char kParseCertificates[] = "crypto.x509.parse_certificates";
constexpr char kParseAndVerify[] = "crypto.x509.parse_and_verify_certificates";
constexpr char kParseAndVerifyWithOptions[] =
    "crypto.x509.parse_and_verify_certificates_with_options";
constexpr char kParseCertificateRequest[] = "crypto.x509.parse_certificate_request";
constexpr char kParseKeypair[] = "crypto.x509.parse_keypair";
constexpr char kParseRsaPrivateKey[] = "crypto.x509.parse_rsa_private_key";
constexpr char kParsePrivateKeys[] = "crypto.parse_private_keys";

constexpr std::string_view kBegin = "-----BEGIN";

BuiltinResult Fail(const Status& s) { return BuiltinResult::Error(s.message()); }

// OPA's getX509CertsFromString: PEM, base64 of PEM, or base64 of DER.
Result<std::vector<x509::Certificate>> CertsFromString(std::string_view input) {
  std::string decoded;
  if (!input.starts_with(kBegin)) {
    GOLDEN_ASSIGN_OR_RETURN(decoded, Base64Decode(input));
    if (!std::string_view(decoded).starts_with(kBegin)) return x509::ParseCertificates(decoded);
    input = decoded;
  }
  std::string der;
  std::string_view rest = input;
  while (!rest.empty()) {
    auto block = pem::Decode(rest, &rest);
    if (!block) break;
    if (block->type != "CERTIFICATE") {
      return InvalidArgument("PEM block type is '" + block->type + "', expected CERTIFICATE");
    }
    der += block->bytes;
  }
  return x509::ParseCertificates(der);
}

Value CertsJson(const std::vector<x509::Certificate>& certs, bool uri_strings) {
  if (certs.empty()) return Value::Null();  // Go's nil slice
  std::vector<Value> out;
  for (const auto& c : certs) out.push_back(x509::ToJson(c, uri_strings));
  return Value::Array(std::move(out));
}

BuiltinResult ParseCertificates(BuiltinContext&, std::span<const Value> args) {
  auto certs = CertsFromString(args[0].GetString());
  if (!certs.ok()) return Fail(certs.status());
  return CertsJson(*certs, true);
}

// ---- verification ----

struct VerifyOptions {
  std::string dns_name;
  std::optional<int64_t> current_time_ns;
  std::vector<x509::ExtKeyUsage> key_usages;
};

// OPA's allowedKeyUsages names for Go's ExtKeyUsage values.
int KeyUsageByName(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "KeyUsageAny", "KeyUsageServerAuth", "KeyUsageClientAuth", "KeyUsageCodeSigning",
      "KeyUsageEmailProtection", "KeyUsageIPSECEndSystem", "KeyUsageIPSECTunnel",
      "KeyUsageIPSECUser", "KeyUsageTimeStamping", "KeyUsageOCSPSigning",
      "KeyUsageMicrosoftServerGatedCrypto", "KeyUsageNetscapeServerGatedCrypto",
      "KeyUsageMicrosoftCommercialCodeSigning", "KeyUsageMicrosoftKernelCodeSigning"};
  for (size_t i = 0; i < std::size(kNames); ++i) {
    if (kNames[i] == name) return static_cast<int>(i);
  }
  return -1;
}

// OPA's extractVerifyOpts, with its messages.
Result<VerifyOptions> ParseVerifyOptions(const Value& options) {
  VerifyOptions opts;
  for (const auto& e : options.GetObject()) {
    if (!e.key.IsString()) continue;
    std::string_view k = e.key.GetString();
    const Value& v = e.value;
    if (k == "DNSName") {
      if (!v.IsString()) return InvalidArgument("'DNSName' should be a string");
      opts.dns_name = std::string(v.GetString());
    } else if (k == "CurrentTime") {
      if (!v.IsNumber()) return InvalidArgument("'CurrentTime' should be a number");
      if (!v.GetNumber().IsSmallInt()) {
        return InvalidArgument("'CurrentTime' should be a valid int64 number");
      }
      opts.current_time_ns = v.GetNumber().small_int();
    } else if (k == "MaxConstraintComparisons") {
      if (!v.IsNumber()) return InvalidArgument("'MaxConstraintComparisons' should be a number");
      if (!v.GetNumber().IsSmallInt()) {
        return InvalidArgument("'MaxConstraintComparisons' should be a valid number");
      }
      // Accepted for compatibility; OpenSSL bounds name-constraint work itself.
    } else if (k == "KeyUsages") {
      std::span<const Value> items;
      if (v.IsArray()) {
        items = v.GetArray();
      } else if (v.IsSet()) {
        items = v.GetSet();
      } else {
        return InvalidArgument("'KeyUsages' should be an Array or Set");
      }
      std::vector<std::string> invalid;
      for (const Value& u : items) {
        if (!u.IsString()) continue;
        int usage = KeyUsageByName(u.GetString());
        if (usage < 0) {
          invalid.emplace_back(u.GetString());
        } else {
          opts.key_usages.push_back(usage);
        }
      }
      if (!invalid.empty()) {
        std::string list;  // Go's %s of a []string: [a b]
        for (size_t i = 0; i < invalid.size(); ++i) list += (i ? " " : "") + invalid[i];
        return InvalidArgument("invalid entries for 'KeyUsages' found: [" + list + "]");
      }
    } else {
      return InvalidArgument("invalid key option");
    }
  }
  return opts;
}

// Go's checkChainForKeyUsage: each certificate with extended key usages must allow one of the
// requested ones (ExtKeyUsageAny in a certificate allows all).
bool ChainAllowsKeyUsages(const std::vector<const x509::Certificate*>& chain,
                          std::vector<x509::ExtKeyUsage> usages) {
  for (x509::ExtKeyUsage u : usages) {
    if (u == 0) return true;  // ExtKeyUsageAny requested
  }
  size_t remaining = usages.size();
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const x509::Certificate& cert = **it;
    if (cert.ext_key_usage.empty() && cert.unknown_ext_key_usage.empty()) continue;
    if (std::find(cert.ext_key_usage.begin(), cert.ext_key_usage.end(), 0) !=
        cert.ext_key_usage.end()) {
      continue;
    }
    for (auto& requested : usages) {
      if (requested < 0) continue;
      if (std::find(cert.ext_key_usage.begin(), cert.ext_key_usage.end(), requested) ==
          cert.ext_key_usage.end()) {
        requested = -1;
        if (--remaining == 0) return false;
      }
    }
  }
  return true;
}

// Signatures Go refuses to verify (MD5, SHA-1, DSA).
bool InsecureSignature(x509::SignatureAlgorithm a) {
  using S = x509::SignatureAlgorithm;
  return a == S::kUnknown || a == S::kMD2WithRSA || a == S::kMD5WithRSA || a == S::kSHA1WithRSA ||
         a == S::kECDSAWithSHA1 || a == S::kDSAWithSHA1 || a == S::kDSAWithSHA256;
}

using X509Ptr = std::unique_ptr<X509, void (*)(X509*)>;

X509Ptr ToOpenSsl(const x509::Certificate& c) {
  const auto* p = reinterpret_cast<const unsigned char*>(c.raw.data());
  return X509Ptr(d2i_X509(nullptr, &p, static_cast<long>(c.raw.size())), X509_free);
}

// The first certificate is the root, the last the leaf, the others intermediates (OPA's
// verifyX509CertificateChain). Returns the verified chain, leaf first.
std::optional<std::vector<const x509::Certificate*>> VerifyChain(
    const std::vector<x509::Certificate>& certs, const VerifyOptions& opts, int64_t now_ns) {
  if (certs.size() < 2) return std::nullopt;
  std::unique_ptr<X509_STORE, void (*)(X509_STORE*)> store(X509_STORE_new(), X509_STORE_free);
  std::unique_ptr<STACK_OF(X509), void (*)(STACK_OF(X509)*)> untrusted(
      sk_X509_new_null(), [](STACK_OF(X509)* s) { sk_X509_pop_free(s, X509_free); });
  std::vector<X509Ptr> owned;
  for (const auto& c : certs) {
    owned.push_back(ToOpenSsl(c));
    if (!owned.back()) return std::nullopt;
  }
  X509_STORE_add_cert(store.get(), owned[0].get());
  for (size_t i = 1; i + 1 < owned.size(); ++i) {
    X509_up_ref(owned[i].get());
    sk_X509_push(untrusted.get(), owned[i].get());
  }
  std::unique_ptr<X509_STORE_CTX, void (*)(X509_STORE_CTX*)> ctx(X509_STORE_CTX_new(),
                                                                  X509_STORE_CTX_free);
  if (X509_STORE_CTX_init(ctx.get(), store.get(), owned.back().get(), untrusted.get()) != 1) {
    return std::nullopt;
  }
  X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
  // Go trusts whatever is in the roots pool, self-signed or not.
  X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_PARTIAL_CHAIN);
  const int64_t at_ns = opts.current_time_ns.value_or(now_ns);
  X509_VERIFY_PARAM_set_time(param, static_cast<time_t>(at_ns / 1000000000));
  if (!opts.dns_name.empty()) {
    if (auto addr = ip::ParseIp(opts.dns_name)) {
      X509_VERIFY_PARAM_set1_ip_asc(param, opts.dns_name.c_str());
    } else {
      // Go matches host names against the DNS SANs only, never the common name.
      X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NEVER_CHECK_SUBJECT);
      X509_VERIFY_PARAM_set1_host(param, opts.dns_name.c_str(), opts.dns_name.size());
    }
  }
  if (X509_verify_cert(ctx.get()) != 1) {
    crypto::OpenSslError();
    return std::nullopt;
  }
  std::vector<const x509::Certificate*> chain;
  STACK_OF(X509)* verified = X509_STORE_CTX_get0_chain(ctx.get());
  for (int i = 0; i < sk_X509_num(verified); ++i) {
    X509* x = sk_X509_value(verified, i);
    const x509::Certificate* match = nullptr;
    for (size_t j = 0; j < owned.size(); ++j) {
      if (X509_cmp(x, owned[j].get()) == 0) match = &certs[j];
    }
    if (match == nullptr) return std::nullopt;
    chain.push_back(match);
  }
  for (size_t i = 0; i + 1 < chain.size(); ++i) {
    if (InsecureSignature(chain[i]->signature_algorithm)) return std::nullopt;
  }
  // Go assumes server authentication when no key usage is asked for.
  std::vector<x509::ExtKeyUsage> usages = opts.key_usages;
  if (usages.empty()) usages.push_back(1);
  if (!ChainAllowsKeyUsages(chain, usages)) return std::nullopt;
  return chain;
}

Value Unverified() { return Value::Array({Value::Bool(false), Value::EmptyArray()}); }

BuiltinResult ParseAndVerify(BuiltinContext& ctx, std::span<const Value> args) {
  auto certs = CertsFromString(args[0].GetString());
  if (!certs.ok()) return Unverified();
  auto chain = VerifyChain(*certs, VerifyOptions{}, ctx.now_ns);
  if (!chain) return Unverified();
  std::vector<Value> out;
  for (const auto* c : *chain) out.push_back(x509::ToJson(*c, true));
  return Value::Array({Value::Bool(true), Value::Array(std::move(out))});
}

BuiltinResult ParseAndVerifyWithOptions(BuiltinContext& ctx, std::span<const Value> args) {
  auto certs = CertsFromString(args[0].GetString());
  if (!certs.ok()) return Unverified();
  auto opts = ParseVerifyOptions(args[1]);
  if (!opts.ok()) return Fail(opts.status());
  auto chain = VerifyChain(*certs, *opts, ctx.now_ns);
  if (!chain) return Unverified();
  // OPA marshals this variant's chain without its URIStrings addition.
  std::vector<Value> out;
  for (const auto* c : *chain) out.push_back(x509::ToJson(*c, false));
  return Value::Array({Value::Bool(true), Value::Array(std::move(out))});
}

BuiltinResult ParseCertificateRequest(BuiltinContext&, std::span<const Value> args) {
  std::string_view input = args[0].GetString();
  std::string bytes(input);
  if (!input.starts_with("-----BEGIN CERTIFICATE REQUEST-----")) {
    auto decoded = Base64Decode(input);
    if (!decoded.ok()) return Fail(decoded.status());
    bytes = std::move(*decoded);
  }
  std::string_view rest;
  auto block = pem::Decode(bytes, &rest);
  if (block && block->type != "CERTIFICATE REQUEST") {
    return BuiltinResult::Error("invalid PEM-encoded certificate signing request");
  }
  if (block) bytes = block->bytes;
  auto csr = x509::ParseCertificateRequestJson(bytes);
  if (!csr.ok()) return Fail(csr.status());
  return *csr;
}

// ---- private keys ----

// OPA's getPrivateKeysFromPEMData: base64 of PEM or PEM; RSA, PKCS #8 and EC blocks.
Result<std::vector<x509::PrivateKey>> PrivateKeysFromPem(std::string_view data) {
  std::string decoded;
  if (auto b = Base64Decode(data); b.ok()) {
    decoded = std::move(*b);
    data = decoded;
  }
  std::vector<x509::PrivateKey> keys;
  std::string_view rest = data;
  while (!rest.empty()) {
    const size_t before = rest.size();
    auto block = pem::Decode(rest, &rest);
    if (!block && rest.empty()) break;
    if (before == rest.size()) break;  // trailing text that holds no block
    if (!block) continue;
    if (block->type == "RSA PRIVATE KEY") {
      GOLDEN_ASSIGN_OR_RETURN(auto key, x509::ParsePkcs1PrivateKey(block->bytes));
      keys.push_back(std::move(key));
    } else if (block->type == "PRIVATE KEY") {
      GOLDEN_ASSIGN_OR_RETURN(auto key, x509::ParsePkcs8PrivateKey(block->bytes));
      keys.push_back(std::move(key));
    } else if (block->type == "EC PRIVATE KEY") {
      GOLDEN_ASSIGN_OR_RETURN(auto key, x509::ParseEcPrivateKey(block->bytes));
      keys.push_back(std::move(key));
    }
  }
  return keys;
}

BuiltinResult ParsePrivateKeys(BuiltinContext&, std::span<const Value> args) {
  std::string_view input = args[0].GetString();
  if (input.empty()) return Value::Null();
  auto keys = PrivateKeysFromPem(input);
  if (!keys.ok()) return Fail(keys.status());
  std::vector<Value> out;
  for (const auto& k : *keys) out.push_back(k.json);
  return Value::Array(std::move(out));
}

BuiltinResult ParseRsaPrivateKey(BuiltinContext&, std::span<const Value> args) {
  std::string data(args[0].GetString());
  if (data.empty()) return BuiltinResult::Error("input PEM data was empty");
  if (!data.starts_with(kBegin)) {
    auto decoded = Base64Decode(data);
    if (!decoded.ok()) return Fail(decoded.status());
    data = std::move(*decoded);
  }
  auto keys = PrivateKeysFromPem(data);
  if (!keys.ok()) return Fail(keys.status());
  if (keys->empty()) return Value::Null();
  auto jwk = x509::PrivateKeyJwk(keys->front());
  if (!jwk.ok()) return Fail(jwk.status());
  return *jwk;
}

// Go's tls.parsePrivateKey: PKCS #1, then PKCS #8, then SEC 1.
Result<x509::PrivateKey> TlsPrivateKey(std::string_view der) {
  if (auto k = x509::ParsePkcs1PrivateKey(der); k.ok()) return k;
  if (auto k = x509::ParsePkcs8PrivateKey(der); k.ok()) {
    if (k->kind == x509::KeyKind::kOther) {
      return InvalidArgument("tls: found unknown private key type in PKCS#8 wrapping");
    }
    return k;
  }
  if (auto k = x509::ParseEcPrivateKey(der); k.ok()) return k;
  return InvalidArgument("tls: failed to parse private key");
}

std::string JoinTypes(const std::vector<std::string>& types) {
  std::string out = "[";
  for (size_t i = 0; i < types.size(); ++i) out += (i ? " " : "") + types[i];
  return out + "]";
}

// Go's tls.X509KeyPair, as the JSON of tls.Certificate (Leaf included, as Go 1.23+ sets it).
Result<Value> X509KeyPair(std::string_view cert_pem, std::string_view key_pem) {
  std::vector<std::string> certs_der, skipped;
  std::string_view rest = cert_pem;
  while (auto block = pem::Decode(rest, &rest)) {
    if (block->type == "CERTIFICATE") {
      certs_der.push_back(std::move(block->bytes));
    } else {
      skipped.push_back(block->type);
    }
  }
  if (certs_der.empty()) {
    if (skipped.empty()) {
      return InvalidArgument("tls: failed to find any PEM data in certificate input");
    }
    if (skipped.size() == 1 && skipped[0].ends_with("PRIVATE KEY")) {
      return InvalidArgument(
          "tls: failed to find certificate PEM data in certificate input, but did find a private "
          "key; PEM inputs may have been switched");
    }
    return InvalidArgument(
        "tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM "
        "blocks of the following types: " + JoinTypes(skipped));
  }
  skipped.clear();
  std::optional<pem::Block> key_block;
  rest = key_pem;
  for (;;) {
    auto block = pem::Decode(rest, &rest);
    if (!block) {
      if (skipped.empty()) return InvalidArgument("tls: failed to find any PEM data in key input");
      if (skipped.size() == 1 && skipped[0] == "CERTIFICATE") {
        return InvalidArgument(
            "tls: found a certificate rather than a key in the PEM for the private key");
      }
      return InvalidArgument(
          "tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after "
          "skipping PEM blocks of the following types: " + JoinTypes(skipped));
    }
    if (block->type == "PRIVATE KEY" || block->type.ends_with(" PRIVATE KEY")) {
      key_block = std::move(block);
      break;
    }
    skipped.push_back(block->type);
  }
  GOLDEN_ASSIGN_OR_RETURN(x509::Certificate leaf, x509::ParseCertificate(certs_der[0]));
  GOLDEN_ASSIGN_OR_RETURN(x509::PrivateKey key, TlsPrivateKey(key_block->bytes));

  const auto* p = reinterpret_cast<const unsigned char*>(leaf.raw_spki.data());
  crypto::PkeyPtr pub(d2i_PUBKEY(nullptr, &p, static_cast<long>(leaf.raw_spki.size())));
  if (!pub || leaf.public_key.algorithm == x509::PublicKeyAlgorithm::kUnknown ||
      leaf.public_key.algorithm == x509::PublicKeyAlgorithm::kDSA) {
    crypto::OpenSslError();
    return InvalidArgument("tls: unknown public key algorithm");
  }
  if (EVP_PKEY_get_base_id(pub.get()) != EVP_PKEY_get_base_id(key.pkey.get())) {
    return InvalidArgument("tls: private key type does not match public key type");
  }
  if (EVP_PKEY_eq(pub.get(), key.pkey.get()) != 1) {
    crypto::OpenSslError();
    return InvalidArgument("tls: private key does not match public key");
  }
  std::vector<Value> chain;
  for (const auto& d : certs_der) chain.push_back(Value::String(Base64Encode(d)));
  return Value::Object({
      {Value::String("Certificate"), Value::Array(std::move(chain))},
      {Value::String("PrivateKey"), key.json},
      {Value::String("SupportedSignatureAlgorithms"), Value::Null()},
      {Value::String("OCSPStaple"), Value::Null()},
      {Value::String("SignedCertificateTimestamps"), Value::Null()},
      {Value::String("Leaf"), x509::ToJson(leaf, false)},
  });
}

BuiltinResult ParseKeypair(BuiltinContext&, std::span<const Value> args) {
  std::string cert(args[0].GetString()), key(args[1].GetString());
  // Base64 input is decoded; DER that is not PEM gets wrapped in a PEM block.
  if (!std::string_view(cert).starts_with("-----BEGIN ")) {
    auto d = Base64Decode(cert);
    if (!d.ok()) return Fail(d.status());
    cert = std::move(*d);
  }
  if (!std::string_view(key).starts_with("-----BEGIN ")) {
    auto d = Base64Decode(key);
    if (!d.ok()) return Fail(d.status());
    key = std::move(*d);
  }
  if (!std::string_view(cert).starts_with("-----BEGIN ")) cert = pem::Encode("CERTIFICATE", cert);
  if (!std::string_view(key).starts_with(kBegin)) key = pem::Encode("PRIVATE KEY", key);
  auto pair = X509KeyPair(cert, key);
  if (!pair.ok()) return Fail(pair.status());
  return *pair;
}

TypePtr CertsArray() { return t::ArrayOf(t::ObjectOf(t::String(), t::Any())); }

}  // namespace

Status RegisterCryptoX509Builtins(Registry& r) {
  const std::string verify_result_doc =
      "array of `[valid, certs]`: if the input certificate chain could be verified then `valid` "
      "is `true` and `certs` is an array of X.509 certificates represented as objects; if the "
      "input certificate chain could not be verified then `valid` is `false` and `certs` is `[]`";
  const std::string chain_doc =
      "base64 encoded DER or PEM data containing two or more certificates where the first is a "
      "root CA, the last is a leaf certificate, and all others are intermediate CAs";
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kParseCertificates,
      .args = {t::Named(t::String(), "certs",
                        "base64 encoded DER or PEM data containing one or more certificates or a "
                        "PEM string of one or more certificates")},
      .result = t::Named(CertsArray(), "output", "parsed X.509 certificates represented as objects"),
      .description = "Returns zero or more certificates from the given encoded string containing "
                     "DER certificate data.\n\nIf the input is empty, the function will return "
                     "null. The input string should be a list of one or more concatenated PEM "
                     "blocks. The whole input of concatenated PEM blocks can optionally be Base64 "
                     "encoded.",
      .fn = ParseCertificates,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kParseAndVerify,
      .args = {t::Named(t::String(), "certs", chain_doc)},
      .result = t::Named(t::ArrayStatic({t::Boolean(), CertsArray()}), "output", verify_result_doc),
      .description = "Returns one or more certificates from the given string containing PEM\nor "
                     "base64 encoded DER certificates after verifying the supplied certificates "
                     "form a complete\ncertificate chain back to a trusted root.\n\nThe first "
                     "certificate is treated as the root and the last is treated as the leaf,\n"
                     "with all others being treated as intermediates.",
      .fn = ParseAndVerify,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kParseAndVerifyWithOptions,
      .args = {t::Named(t::String(), "certs", chain_doc),
               t::Named(t::ObjectOf(t::String(), t::Any()), "options",
                        "object containing extra configs to verify the validity of certificates: "
                        "`DNSName`, `CurrentTime` (nanoseconds since the Unix Epoch), "
                        "`MaxConstraintComparisons` and `KeyUsages`")},
      .result = t::Named(t::ArrayStatic({t::Boolean(), CertsArray()}), "output", verify_result_doc),
      .description = "Returns one or more certificates from the given string containing PEM\nor "
                     "base64 encoded DER certificates after verifying the supplied certificates "
                     "form a complete\ncertificate chain back to a trusted root. A config option "
                     "passed as the second argument can\nbe used to configure the validation "
                     "options used.\n\nThe first certificate is treated as the root and the last "
                     "is treated as the leaf,\nwith all others being treated as intermediates.",
      .fn = ParseAndVerifyWithOptions,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kParseCertificateRequest,
      .args = {t::Named(t::String(), "csr",
                        "base64 string containing either a PEM encoded or DER CSR or a string "
                        "containing a PEM CSR")},
      .result = t::Named(t::ObjectOf(t::String(), t::Any()), "output",
                         "X.509 CSR represented as an object"),
      .description = "Returns a PKCS #10 certificate signing request from the given PEM-encoded "
                     "PKCS#10 certificate signing request.",
      .fn = ParseCertificateRequest,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kParseKeypair,
      .args = {t::Named(t::String(), "cert",
                        "string containing PEM or base64 encoded DER certificates"),
               t::Named(t::String(), "pem", "string containing PEM or base64 encoded DER keys")},
      .result = t::Named(t::ObjectOf(t::String(), t::Any()), "output",
                         "if key pair is valid, returns the tls.certificate as an object. If the "
                         "key pair is invalid, nil and an error are returned."),
      .description = "Returns a valid key pair",
      .fn = ParseKeypair,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kParseRsaPrivateKey,
      .args = {t::Named(t::String(), "pem",
                        "base64 string containing a PEM encoded RSA private key")},
      .result = t::Named(t::ObjectOf(t::String(), t::Any()), "output", "JWK as an object"),
      .description = "Returns a JWK for signing a JWT from the given PEM-encoded RSA private key.",
      .fn = ParseRsaPrivateKey,
  }));
  return r.Register({
      .name = kParsePrivateKeys,
      .args = {t::Named(t::String(), "keys",
                        "PEM encoded data containing one or more private keys as concatenated "
                        "blocks. Optionally Base64 encoded.")},
      .result = t::Named(t::ArrayOf(t::ObjectOf(t::String(), t::Any())), "output",
                         "parsed private keys represented as objects"),
      .description = "Returns zero or more private keys from the given encoded string containing "
                     "DER certificate data.\n\nIf the input is empty, the function will return "
                     "null. The input string should be a list of one or more concatenated PEM "
                     "blocks. The whole input of concatenated PEM blocks can optionally be Base64 "
                     "encoded.",
      .fn = ParsePrivateKeys,
  });
}

}  // namespace golden::rego
