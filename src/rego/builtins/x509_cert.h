#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "rego/builtins/go_time.h"
#include "rego/builtins/go_url.h"
#include "rego/builtins/ip_addr.h"
#include "value/value.h"

/// X.509 certificates parsed as Go's crypto/x509 parses them, and rendered as the JSON that
/// Go's encoding/json gives an x509.Certificate (which is what OPA's crypto.x509.* builtins
/// return): field names, nulls for absent lists, base64 for byte strings, numbers for big
/// integers.
namespace golden::rego::x509 {

/// pkix.AttributeTypeAndValue.
struct Attribute {
  std::vector<int> type;
  std::string value;
};

/// pkix.Name, filled from an RDN sequence as Go's FillFromRDNSequence does.
struct Name {
  std::vector<std::string> country, organization, organizational_unit, locality, province,
      street_address, postal_code;
  std::string serial_number, common_name;
  std::vector<Attribute> names;
};

/// pkix.Extension.
struct Extension {
  std::vector<int> id;
  bool critical = false;
  std::string value;
};

/// Go's x509.SignatureAlgorithm and x509.PublicKeyAlgorithm numbering.
enum class SignatureAlgorithm : int {
  kUnknown = 0, kMD2WithRSA, kMD5WithRSA, kSHA1WithRSA, kSHA256WithRSA, kSHA384WithRSA,
  kSHA512WithRSA, kDSAWithSHA1, kDSAWithSHA256, kECDSAWithSHA1, kECDSAWithSHA256,
  kECDSAWithSHA384, kECDSAWithSHA512, kSHA256WithRSAPSS, kSHA384WithRSAPSS, kSHA512WithRSAPSS,
  kPureEd25519,
};
enum class PublicKeyAlgorithm : int { kUnknown = 0, kRSA, kDSA, kECDSA, kEd25519 };

/// A parsed SubjectPublicKeyInfo: the algorithm and the key as Go's JSON shows it.
struct PublicKey {
  PublicKeyAlgorithm algorithm = PublicKeyAlgorithm::kUnknown;
  Value json;  ///< {"N":..,"E":..} / {"Curve":{},"X":..,"Y":..} / base64 / null
};

/// Go's ExtKeyUsage numbering (ExtKeyUsageAny = 0, ServerAuth = 1, ...).
using ExtKeyUsage = int;

struct Certificate {
  std::string raw, raw_tbs, raw_spki, raw_subject, raw_issuer, signature;
  SignatureAlgorithm signature_algorithm = SignatureAlgorithm::kUnknown;
  PublicKey public_key;
  int version = 0;
  std::string serial_decimal;
  Name issuer, subject;
  gotime::Time not_before, not_after;
  int key_usage = 0;
  std::vector<Extension> extensions;
  std::vector<std::vector<int>> unhandled_critical;
  std::vector<ExtKeyUsage> ext_key_usage;
  std::vector<std::vector<int>> unknown_ext_key_usage;
  bool basic_constraints_valid = false, is_ca = false;
  int64_t max_path_len = 0;
  bool max_path_len_zero = false;
  std::optional<std::string> subject_key_id, authority_key_id;
  std::vector<std::string> ocsp_server, issuing_certificate_url;
  std::vector<std::string> dns_names, email_addresses;
  std::vector<ip::Bytes> ip_addresses;
  std::vector<gourl::Url> uris;
  std::vector<std::string> uri_strings;  ///< OPA's addition: the URIs as text
  bool permitted_dns_domains_critical = false;
  std::vector<std::string> permitted_dns_domains, excluded_dns_domains;
  std::vector<ip::Network> permitted_ip_ranges, excluded_ip_ranges;
  std::vector<std::string> permitted_email_addresses, excluded_email_addresses;
  std::vector<std::string> permitted_uri_domains, excluded_uri_domains;
  std::vector<std::string> crl_distribution_points;
  std::vector<std::vector<int>> policy_identifiers;
  std::vector<std::string> policies;  ///< x509.OID as dotted text
  bool has_policies = false;
  int64_t inhibit_any_policy = 0;
  bool inhibit_any_policy_zero = false;
  int64_t inhibit_policy_mapping = 0;
  bool inhibit_policy_mapping_zero = false;
  int64_t require_explicit_policy = 0;
  bool require_explicit_policy_zero = false;
  std::vector<std::pair<std::string, std::string>> policy_mappings;
};

/// Go's x509.ParseCertificate of the DER at the front of `der`; `*consumed` is its length.
/// Errors are Go's ("x509: malformed certificate", ...).
Result<Certificate> ParseCertificate(std::string_view der, size_t* consumed = nullptr);

/// Go's x509.ParseCertificates: back-to-back DER certificates.
Result<std::vector<Certificate>> ParseCertificates(std::string_view der);

/// The JSON of Go's x509.Certificate; with `uri_strings`, OPA's extra "URIStrings" field.
Value ToJson(const Certificate& cert, bool uri_strings);

/// Go's getSignatureAlgorithmFromAI for the contents of an AlgorithmIdentifier SEQUENCE
/// (kUnknown when malformed).
SignatureAlgorithm SignatureAlgorithmFromAi(std::string_view ai_contents);

/// Go's parsePublicKey for a SubjectPublicKeyInfo's algorithm identifier and key bits.
Result<PublicKey> ParseSpki(std::string_view spki_contents);

/// Go's parseName: an RDN sequence (the whole SEQUENCE element).
Result<Name> ParseName(std::string_view rdn_sequence);
Value NameToJson(const Name& name);

/// JSON of an OID as Go's asn1.ObjectIdentifier ([2, 5, 4, 3]).
Value OidToJson(const std::vector<int>& oid);

/// JSON of Go's []byte (base64 text, or null when absent).
Value BytesToJson(const std::optional<std::string>& bytes);

/// A number Value from decimal text (for big integers).
Value BigNumber(const std::string& decimal);

/// Go's extended key usage for an OID, or -1 when Go does not know it.
ExtKeyUsage ExtKeyUsageFromOid(const std::vector<int>& oid);

/// Parses certificate extensions into `cert` (Go's processExtensions); also used for CSRs.
Status ProcessExtensions(Certificate* cert);

}  // namespace golden::rego::x509
