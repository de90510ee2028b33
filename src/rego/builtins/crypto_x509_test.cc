#include <gtest/gtest.h>

#include "base/base64.h"
#include "rego/builtins/builtin_test_helper.h"
#include "rego/builtins/crypto.h"
#include "rego/builtins/pem.h"
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

const Value& At(const Value& v, std::initializer_list<std::string_view> path) {
  const Value* p = &v;
  for (auto k : path) {
    p = p->Find(k);
    if (p == nullptr) {
      ADD_FAILURE() << "missing " << k;
      static const Value kNull;
      return kNull;
    }
  }
  return *p;
}

constexpr int64_t kYear2030Ns = 1893456000LL * 1000000000LL;

class CryptoX509 : public ::testing::Test {
 protected:
  void SetUp() override { h.ctx().now_ns = kYear2030Ns; }
  BuiltinHarness h{RegisterCryptoX509Builtins};
};

TEST_F(CryptoX509, ParsesGoCertificateShape) {
  Value certs = h.Ok("crypto.x509.parse_certificates", {S(Fixture("leaf.pem"))});
  ASSERT_EQ(certs.Size(), 1u);
  const Value& c = certs.GetArray()[0];
  EXPECT_EQ(At(c, {"Subject", "CommonName"}), S("www.example.com"));
  EXPECT_EQ(At(c, {"Subject", "Country"}), J(R"(["US"])"));
  EXPECT_EQ(At(c, {"Subject", "Province"}), J(R"(["California"])"));
  EXPECT_EQ(At(c, {"Subject", "StreetAddress"}), Value::Null());
  EXPECT_EQ(At(c, {"Subject", "Names"}).Size(), 6u);
  EXPECT_EQ(At(c, {"Subject", "Names"}).GetArray()[0], J(R"({"Type": [2,5,4,6], "Value": "US"})"));
  EXPECT_EQ(At(c, {"Issuer", "CommonName"}), S("Golden Test Intermediate"));
  EXPECT_EQ(At(c, {"SerialNumber"}), J("20988295479420645121"));
  EXPECT_EQ(At(c, {"Version"}), Value::Int(3));
  EXPECT_EQ(At(c, {"SignatureAlgorithm"}), Value::Int(10));  // ECDSA-SHA256
  EXPECT_EQ(At(c, {"PublicKeyAlgorithm"}), Value::Int(1));   // RSA
  EXPECT_EQ(At(c, {"PublicKey", "E"}), Value::Int(65537));
  EXPECT_TRUE(At(c, {"PublicKey", "N"}).IsNumber());
  EXPECT_EQ(At(c, {"KeyUsage"}), Value::Int(5));  // digitalSignature | keyEncipherment
  EXPECT_EQ(At(c, {"ExtKeyUsage"}), J("[1, 2]"));
  EXPECT_EQ(At(c, {"UnknownExtKeyUsage"}), Value::Null());
  EXPECT_EQ(At(c, {"BasicConstraintsValid"}), Value::Bool(true));
  EXPECT_EQ(At(c, {"IsCA"}), Value::Bool(false));
  EXPECT_EQ(At(c, {"MaxPathLen"}), Value::Int(-1));
  EXPECT_EQ(At(c, {"DNSNames"}), J(R"(["www.example.com", "example.com"])"));
  EXPECT_EQ(At(c, {"IPAddresses"}), J(R"(["10.0.0.1", "2001:db8::1"])"));
  EXPECT_EQ(At(c, {"EmailAddresses"}), J(R"(["ops@example.com"])"));
  EXPECT_EQ(At(c, {"URIStrings"}), J(R"(["spiffe://example.com/opa"])"));
  EXPECT_EQ(At(c, {"URIs"}).GetArray()[0],
            J(R"({"Scheme": "spiffe", "Opaque": "", "User": null, "Host": "example.com",
                  "Path": "/opa", "RawPath": "", "OmitHost": false, "ForceQuery": false,
                  "RawQuery": "", "Fragment": "", "RawFragment": ""})"));
  EXPECT_EQ(At(c, {"PolicyIdentifiers"}), J("[[2, 23, 140, 1, 2, 1]]"));
  EXPECT_EQ(At(c, {"Policies"}), J(R"(["2.23.140.1.2.1"])"));
  EXPECT_EQ(At(c, {"CRLDistributionPoints"}), J(R"(["http://crl.example.com/ca.crl"])"));
  EXPECT_EQ(At(c, {"OCSPServer"}), J(R"(["http://ocsp.example.com"])"));
  EXPECT_EQ(At(c, {"IssuingCertificateURL"}), J(R"(["http://ca.example.com/ca.crt"])"));
  EXPECT_EQ(Base64Decode(At(c, {"SubjectKeyId"}).GetString())->size(), 20u);
  EXPECT_EQ(At(c, {"ExtraExtensions"}), Value::Null());
  EXPECT_EQ(At(c, {"Extensions"}).Size(), 9u);
  EXPECT_TRUE(std::string(At(c, {"NotAfter"}).GetString()).starts_with("2109-01-16T"));
  EXPECT_TRUE(std::string(At(c, {"NotAfter"}).GetString()).ends_with("Z"));
  // Raw is the DER of the PEM block.
  std::string_view rest;
  auto block = pem::Decode(Fixture("leaf.pem"), &rest);
  ASSERT_TRUE(block.has_value());
  EXPECT_EQ(At(c, {"Raw"}), S(Base64Encode(block->bytes)));
}

TEST_F(CryptoX509, CaCertificatesAndEcKeys) {
  Value certs = h.Ok("crypto.x509.parse_certificates", {S(Fixture("chain_leaf_first.pem"))});
  ASSERT_EQ(certs.Size(), 3u);
  const Value& inter = certs.GetArray()[1];
  EXPECT_EQ(At(inter, {"IsCA"}), Value::Bool(true));
  EXPECT_EQ(At(inter, {"MaxPathLen"}), Value::Int(0));
  EXPECT_EQ(At(inter, {"MaxPathLenZero"}), Value::Bool(true));
  EXPECT_EQ(At(inter, {"KeyUsage"}), Value::Int(32 | 64));  // certSign | cRLSign
  const Value& root = certs.GetArray()[2];
  EXPECT_EQ(At(root, {"PublicKeyAlgorithm"}), Value::Int(3));
  EXPECT_EQ(At(root, {"PublicKey", "Curve"}), Value::EmptyObject());
  EXPECT_TRUE(At(root, {"PublicKey", "X"}).IsNumber());
  EXPECT_EQ(At(root, {"SerialNumber"}), Value::Int(1));
  EXPECT_EQ(At(root, {"AuthorityKeyId"}), Value::Null());
  EXPECT_EQ(At(root, {"URIStrings"}), Value::Null());
  EXPECT_EQ(At(root, {"Policies"}), Value::Null());
}

TEST_F(CryptoX509, InputEncodings) {
  std::string pem = Fixture("chain_leaf_first.pem");
  std::string_view rest = pem;
  std::string der;
  while (auto b = pem::Decode(rest, &rest)) der += b->bytes;
  auto names = [&](const Value& certs) {
    std::vector<Value> out;
    for (const Value& c : certs.GetArray()) out.push_back(At(c, {"Subject", "CommonName"}));
    return Value::Array(std::move(out));
  };
  const Value want = J(R"(["www.example.com", "Golden Test Intermediate", "Golden Test Root"])");
  EXPECT_EQ(names(h.Ok("crypto.x509.parse_certificates", {S(pem)})), want);
  EXPECT_EQ(names(h.Ok("crypto.x509.parse_certificates", {S(Base64Encode(pem))})), want);
  EXPECT_EQ(names(h.Ok("crypto.x509.parse_certificates", {S(Base64Encode(der))})), want);
  // CRLF line ends, as in OPA's cases.
  std::string crlf;
  for (char c : pem) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(names(h.Ok("crypto.x509.parse_certificates", {S(Base64Encode(crlf))})), want);
  EXPECT_EQ(h.Ok("crypto.x509.parse_certificates", {S("")}), Value::Null());
}

TEST_F(CryptoX509, ParseErrors) {
  EXPECT_EQ(h.Err("crypto.x509.parse_certificates", {S("YmFkc3RyaW5n")}),
            "x509: malformed certificate");
  EXPECT_EQ(h.Err("crypto.x509.parse_certificates", {S("foobar")}),
            "illegal base64 data at input byte 4");
  EXPECT_EQ(h.Err("crypto.x509.parse_certificates", {S(Fixture("root.key"))}),
            "PEM block type is 'EC PRIVATE KEY', expected CERTIFICATE");
  // A truncated certificate.
  std::string_view rest;
  auto block = pem::Decode(Fixture("leaf.pem"), &rest);
  std::string cut = block->bytes.substr(0, block->bytes.size() / 2);
  EXPECT_EQ(h.Err("crypto.x509.parse_certificates", {S(Base64Encode(cut))}),
            "x509: malformed certificate");
  EXPECT_EQ(h.Err("crypto.x509.parse_certificates", {Value::Int(1)}, Kind::kTypeError),
            "operand 1 must be string but got number");
}

Value Verify(BuiltinHarness& h, std::string_view pem) {
  return h.Ok("crypto.x509.parse_and_verify_certificates", {S(pem)});
}

TEST_F(CryptoX509, VerifiesChains) {
  Value ok = Verify(h, Fixture("chain_root_first.pem"));
  ASSERT_EQ(ok.GetArray()[0], Value::Bool(true));
  const Value& chain = ok.GetArray()[1];
  ASSERT_EQ(chain.Size(), 3u);
  EXPECT_EQ(At(chain.GetArray()[0], {"Subject", "CommonName"}), S("www.example.com"));
  EXPECT_EQ(At(chain.GetArray()[2], {"Subject", "CommonName"}), S("Golden Test Root"));
  EXPECT_NE(chain.GetArray()[0].Find("URIStrings"), nullptr);

  const Value unverified = J("[false, []]");
  EXPECT_EQ(Verify(h, Fixture("chain_leaf_first.pem")), unverified);  // wrong order
  EXPECT_EQ(Verify(h, Fixture("root.pem")), unverified);              // needs two
  EXPECT_EQ(Verify(h, "not a certificate"), unverified);
  EXPECT_EQ(Verify(h, Fixture("root.pem") + Fixture("leaf.pem")), unverified);  // gap
  // Not yet valid, and signed with SHA-1, which Go refuses.
  h.ctx().now_ns = 1577836800LL * 1000000000LL;  // 2020
  EXPECT_EQ(Verify(h, Fixture("chain_root_first.pem")), unverified);
  h.ctx().now_ns = kYear2030Ns;
  EXPECT_EQ(Verify(h, Fixture("root.pem") + Fixture("intermediate.pem") + Fixture("leaf_sha1.pem")),
            unverified);
  // Go's default key usage is server authentication.
  EXPECT_EQ(Verify(h, Fixture("root.pem") + Fixture("intermediate.pem") + Fixture("codesign.pem")),
            unverified);
}

TEST_F(CryptoX509, VerifyOptions) {
  const std::string chain = Fixture("chain_root_first.pem");
  auto verify = [&](std::string_view opts) {
    return h.Ok("crypto.x509.parse_and_verify_certificates_with_options", {S(chain), J(opts)})
        .GetArray()[0];
  };
  EXPECT_EQ(verify(R"({"DNSName": "www.example.com"})"), Value::Bool(true));
  EXPECT_EQ(verify(R"({"DNSName": "10.0.0.1"})"), Value::Bool(true));
  EXPECT_EQ(verify(R"({"DNSName": "other.example.org"})"), Value::Bool(false));
  EXPECT_EQ(verify(R"({"KeyUsages": ["KeyUsageClientAuth"]})"), Value::Bool(true));
  EXPECT_EQ(verify(R"({"KeyUsages": ["KeyUsageCodeSigning"]})"), Value::Bool(false));
  EXPECT_EQ(verify(R"({"KeyUsages": ["KeyUsageAny"], "MaxConstraintComparisons": 10})"),
            Value::Bool(true));
  EXPECT_EQ(verify(R"({"CurrentTime": 1577836800000000000})"), Value::Bool(false));
  Value with = h.Ok("crypto.x509.parse_and_verify_certificates_with_options",
                    {S(chain), J(R"({"CurrentTime": 1893456000000000000})")});
  EXPECT_EQ(with.GetArray()[1].GetArray()[0].Find("URIStrings"), nullptr);
  const std::string code =
      Fixture("root.pem") + Fixture("intermediate.pem") + Fixture("codesign.pem");
  EXPECT_EQ(h.Ok("crypto.x509.parse_and_verify_certificates_with_options",
                 {S(code), J(R"({"KeyUsages": ["KeyUsageCodeSigning"]})")})
                .GetArray()[0],
            Value::Bool(true));

  auto err = [&](std::string_view opts) {
    return h.Err("crypto.x509.parse_and_verify_certificates_with_options", {S(chain), J(opts)});
  };
  EXPECT_EQ(err(R"({"DNSName": 1})"), "'DNSName' should be a string");
  EXPECT_EQ(err(R"({"CurrentTime": "now"})"), "'CurrentTime' should be a number");
  EXPECT_EQ(err(R"({"CurrentTime": 1.5})"), "'CurrentTime' should be a valid int64 number");
  EXPECT_EQ(err(R"({"KeyUsages": "x"})"), "'KeyUsages' should be an Array or Set");
  EXPECT_EQ(err(R"({"KeyUsages": ["Nope", "KeyUsageAny", "Worse"]})"),
            "invalid entries for 'KeyUsages' found: [Nope Worse]");
  EXPECT_EQ(err(R"({"Unknown": 1})"), "invalid key option");
}

TEST_F(CryptoX509, PrivateKeys) {
  Value rsa = h.Ok("crypto.parse_private_keys", {S(Fixture("leaf_rsa_pkcs1.key"))});
  ASSERT_EQ(rsa.Size(), 1u);
  const Value& k = rsa.GetArray()[0];
  EXPECT_EQ(At(k, {"E"}), Value::Int(65537));
  EXPECT_EQ(At(k, {"Primes"}).Size(), 2u);
  EXPECT_EQ(At(k, {"Precomputed", "CRTValues"}), Value::EmptyArray());
  EXPECT_TRUE(At(k, {"Precomputed", "Qinv"}).IsNumber());
  EXPECT_EQ(h.Ok("crypto.parse_private_keys", {S(Fixture("leaf_rsa_pkcs8.key"))}), rsa);
  EXPECT_EQ(h.Ok("crypto.parse_private_keys", {S(Base64Encode(Fixture("leaf_rsa_pkcs8.key")))}),
            rsa);
  Value ec = h.Ok("crypto.parse_private_keys", {S(Fixture("ec_sec1.key"))});
  EXPECT_EQ(At(ec.GetArray()[0], {"Curve"}), Value::EmptyObject());
  EXPECT_TRUE(At(ec.GetArray()[0], {"D"}).IsNumber());
  EXPECT_EQ(h.Ok("crypto.parse_private_keys", {S(Fixture("ec_pkcs8.key"))}), ec);
  Value ed = h.Ok("crypto.parse_private_keys", {S(Fixture("ed25519.key"))});
  EXPECT_EQ(Base64Decode(ed.GetArray()[0].GetString())->size(), 64u);
  Value all = h.Ok("crypto.parse_private_keys",
                   {S(Fixture("leaf_rsa_pkcs1.key") + Fixture("leaf.pem") + Fixture("ec_sec1.key"))});
  EXPECT_EQ(all.Size(), 2u);  // the certificate block is skipped
  EXPECT_EQ(h.Ok("crypto.parse_private_keys", {S("")}), Value::Null());
  EXPECT_EQ(h.Ok("crypto.parse_private_keys", {S("no keys here")}), Value::EmptyArray());
  std::string bad = "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n";
  EXPECT_FALSE(h.Err("crypto.parse_private_keys", {S(bad)}).empty());
}

TEST_F(CryptoX509, RsaPrivateKeyAsJwk) {
  Value jwk = h.Ok("crypto.x509.parse_rsa_private_key", {S(Fixture("leaf_rsa_pkcs1.key"))});
  EXPECT_EQ(At(jwk, {"kty"}), S("RSA"));
  EXPECT_EQ(At(jwk, {"e"}), S("AQAB"));
  for (auto f : {"n", "d", "p", "q", "dp", "dq", "qi"}) EXPECT_TRUE(At(jwk, {f}).IsString()) << f;
  EXPECT_EQ(h.Ok("crypto.x509.parse_rsa_private_key",
                 {S(Base64Encode(Fixture("leaf_rsa_pkcs1.key")))}),
            jwk);
  EXPECT_EQ(h.Ok("crypto.x509.parse_rsa_private_key", {S(Fixture("ec_sec1.key"))}),
            J(R"({"kty": "EC"})"));
  EXPECT_EQ(h.Err("crypto.x509.parse_rsa_private_key", {S("")}), "input PEM data was empty");
  EXPECT_EQ(h.Err("crypto.x509.parse_rsa_private_key", {S(Fixture("ed25519.key"))}),
            "invalid key type ed25519.PrivateKey");
}

TEST_F(CryptoX509, KeyPairs) {
  std::string_view rest;
  auto block = pem::Decode(Fixture("leaf.pem"), &rest);
  Value pair = h.Ok("crypto.x509.parse_keypair",
                    {S(Fixture("leaf.pem")), S(Fixture("leaf_rsa_pkcs8.key"))});
  EXPECT_EQ(At(pair, {"Certificate"}), Value::Array({S(Base64Encode(block->bytes))}));
  EXPECT_EQ(At(pair, {"Leaf", "Subject", "CommonName"}), S("www.example.com"));
  EXPECT_EQ(At(pair, {"PrivateKey", "E"}), Value::Int(65537));
  EXPECT_EQ(At(pair, {"OCSPStaple"}), Value::Null());
  // Base64 of PEM for both, and DER (base64) for both.
  EXPECT_EQ(h.Ok("crypto.x509.parse_keypair", {S(Base64Encode(Fixture("leaf.pem"))),
                                               S(Base64Encode(Fixture("leaf_rsa_pkcs1.key")))}),
            pair);
  std::string_view krest;
  auto key_block = pem::Decode(Fixture("leaf_rsa_pkcs8.key"), &krest);
  EXPECT_EQ(h.Ok("crypto.x509.parse_keypair",
                 {S(Base64Encode(block->bytes)), S(Base64Encode(key_block->bytes))}),
            pair);
  EXPECT_EQ(h.Err("crypto.x509.parse_keypair", {S(Fixture("root.pem")), S(Fixture("ec_sec1.key"))}),
            "tls: private key does not match public key");
  EXPECT_EQ(h.Err("crypto.x509.parse_keypair", {S(Fixture("leaf.pem")), S(Fixture("root.key"))}),
            "tls: private key type does not match public key type");
  EXPECT_EQ(h.Err("crypto.x509.parse_keypair", {S(Fixture("leaf.pem")), S(Fixture("leaf.pem"))}),
            "tls: found a certificate rather than a key in the PEM for the private key");
  EXPECT_EQ(h.Err("crypto.x509.parse_keypair",
                  {S(Fixture("leaf_rsa_pkcs1.key")), S(Fixture("leaf_rsa_pkcs1.key"))}),
            "tls: failed to find certificate PEM data in certificate input, but did find a private "
            "key; PEM inputs may have been switched");
}

TEST_F(CryptoX509, CertificateRequests) {
  Value csr = h.Ok("crypto.x509.parse_certificate_request", {S(Fixture("leaf.csr"))});
  EXPECT_EQ(At(csr, {"Subject", "CommonName"}), S("www.example.com"));
  EXPECT_EQ(At(csr, {"Version"}), Value::Int(0));
  EXPECT_EQ(At(csr, {"PublicKeyAlgorithm"}), Value::Int(1));
  EXPECT_EQ(At(csr, {"SignatureAlgorithm"}), Value::Int(4));  // SHA256-RSA
  EXPECT_EQ(At(csr, {"DNSNames"}), J(R"(["www.example.com"])"));
  EXPECT_EQ(At(csr, {"IPAddresses"}), J(R"(["10.0.0.1"])"));
  EXPECT_EQ(At(csr, {"Extensions"}).Size(), 1u);
  EXPECT_EQ(At(csr, {"Attributes"}).GetArray()[0].Find("Type")->GetArray().size(), 7u);
  EXPECT_EQ(h.Ok("crypto.x509.parse_certificate_request", {S(Base64Encode(Fixture("leaf.csr")))}),
            csr);
  EXPECT_EQ(h.Err("crypto.x509.parse_certificate_request", {S(Base64Encode(Fixture("leaf.pem")))}),
            "invalid PEM-encoded certificate signing request");
  EXPECT_EQ(h.Err("crypto.x509.parse_certificate_request", {S("%%%")}),
            "illegal base64 data at input byte 0");
}

}  // namespace
}  // namespace golden::rego
