#include "rego/builtins/x509_cert.h"

#include <openssl/ec.h>
#include <openssl/obj_mac.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

#include "base/base64.h"
#include "base/strings.h"
#include "rego/builtins/der.h"

namespace golden::rego::x509 {

namespace {

using der::Reader;
using Oid = std::vector<int>;

Status Err(std::string msg) { return InvalidArgument(std::move(msg)); }

bool HasPrefix(const Oid& oid, std::initializer_list<int> prefix) {
  if (oid.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), oid.begin());
}
bool Is(const Oid& oid, std::initializer_list<int> want) {
  return oid.size() == want.size() && HasPrefix(oid, want);
}

// ---- names ----

bool IsPrintable(unsigned char b) {
  return std::isalnum(b) != 0 || b == ' ' || b == '\'' || b == '(' || b == ')' || b == '+' ||
         b == ',' || b == '-' || b == '.' || b == '/' || b == ':' || b == '=' || b == '?' ||
         b == '*' || b == '&';  // '*' and '&' are accepted for compatibility, as Go does
}

bool IsIa5(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Go's parseASN1String.
Result<std::string> ParseAsn1String(uint8_t tag, std::string_view value) {
  switch (tag) {
    case der::tag::kT61String: {
      std::string out;  // T.61 bytes are taken as Latin-1 code points
      for (char c : value) AppendUtf8(&out, static_cast<unsigned char>(c));
      return out;
    }
    case der::tag::kPrintableString:
      for (char c : value) {
        if (!IsPrintable(static_cast<unsigned char>(c))) return Err("invalid PrintableString");
      }
      return std::string(value);
    case der::tag::kUtf8String:
      if (!IsValidUtf8(value)) return Err("invalid UTF-8 string");
      return std::string(value);
    case der::tag::kBmpString: {
      if (value.size() % 2 != 0) return Err("invalid BMPString");
      if (value.size() >= 2 && value[value.size() - 1] == 0 && value[value.size() - 2] == 0) {
        value.remove_suffix(2);  // strip a terminator
      }
      std::string out;
      for (size_t i = 0; i + 1 < value.size(); i += 2) {
        uint32_t u = static_cast<uint32_t>(static_cast<uint8_t>(value[i]) << 8 |
                                           static_cast<uint8_t>(value[i + 1]));
        if (u >= 0xd800 && u < 0xe000) {
          // UTF-16 surrogate pairs.
          if (u >= 0xdc00 || i + 3 >= value.size()) return Err("invalid BMPString");
          uint32_t lo = static_cast<uint32_t>(static_cast<uint8_t>(value[i + 2]) << 8 |
                                              static_cast<uint8_t>(value[i + 3]));
          if (lo < 0xdc00 || lo >= 0xe000) return Err("invalid BMPString");
          u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
          i += 2;
        }
        AppendUtf8(&out, u);
      }
      return out;
    }
    case der::tag::kIa5String:
      if (!IsIa5(value)) return Err("invalid IA5String");
      return std::string(value);
    case der::tag::kNumericString:
      for (char c : value) {
        if (!((c >= '0' && c <= '9') || c == ' ')) return Err("invalid NumericString");
      }
      return std::string(value);
    default:
      return Err("unsupported string type: " + std::to_string(tag));
  }
}

Value StringsOrNull(const std::vector<std::string>& v) {
  if (v.empty()) return Value::Null();
  std::vector<Value> out;
  for (const auto& s : v) out.push_back(Value::String(s));
  return Value::Array(std::move(out));
}

Value OidsOrNull(const std::vector<Oid>& v) {
  if (v.empty()) return Value::Null();
  std::vector<Value> out;
  for (const auto& o : v) out.push_back(OidToJson(o));
  return Value::Array(std::move(out));
}

Value Bytes(std::string_view b) { return Value::String(Base64Encode(b)); }

// ---- public keys ----

std::string Unsigned(std::string_view int_bytes) {
  while (int_bytes.size() > 1 && int_bytes[0] == 0) int_bytes.remove_prefix(1);
  return std::string(int_bytes);
}

int CurveNid(const Oid& oid) {
  if (Is(oid, {1, 3, 132, 0, 33})) return NID_secp224r1;
  if (Is(oid, {1, 2, 840, 10045, 3, 1, 7})) return NID_X9_62_prime256v1;
  if (Is(oid, {1, 3, 132, 0, 34})) return NID_secp384r1;
  if (Is(oid, {1, 3, 132, 0, 35})) return NID_secp521r1;
  return NID_undef;
}

// Go's elliptic.Unmarshal: an uncompressed point that lies on the curve.
bool UnmarshalPoint(int nid, std::string_view point, std::string* x, std::string* y) {
  std::unique_ptr<EC_GROUP, void (*)(EC_GROUP*)> group(EC_GROUP_new_by_curve_name(nid),
                                                        EC_GROUP_free);
  if (!group) return false;
  const size_t byte_len = (static_cast<size_t>(EC_GROUP_get_degree(group.get())) + 7) / 8;
  if (point.size() != 1 + 2 * byte_len || point[0] != 4) return false;
  std::unique_ptr<EC_POINT, void (*)(EC_POINT*)> p(EC_POINT_new(group.get()), EC_POINT_free);
  if (EC_POINT_oct2point(group.get(), p.get(),
                         reinterpret_cast<const unsigned char*>(point.data()), point.size(),
                         nullptr) != 1) {
    return false;
  }
  *x = std::string(point.substr(1, byte_len));
  *y = std::string(point.substr(1 + byte_len, byte_len));
  return true;
}

Value BigFromBytes(std::string_view unsigned_bytes) {
  return BigNumber(der::UnsignedDecimal(unsigned_bytes));
}

// ---- extensions ----

Status ParseSan(std::string_view value, Certificate* out) {
  Reader outer(value), seq;
  std::string_view contents;
  if (!outer.Read(der::tag::kSequence, &contents)) return Err("x509: invalid subject alternative names");
  seq = Reader(contents);
  while (!seq.empty()) {
    uint8_t tag = 0;
    std::string_view data;
    if (!seq.ReadAny(&tag, &data)) return Err("x509: invalid subject alternative name");
    switch (tag ^ 0x80) {
      case 1:
        if (!IsIa5(data)) return Err("x509: SAN rfc822Name is malformed");
        out->email_addresses.emplace_back(data);
        break;
      case 2:
        if (!IsIa5(data)) return Err("x509: SAN dNSName is malformed");
        out->dns_names.emplace_back(data);
        break;
      case 6: {
        if (!IsIa5(data)) return Err("x509: SAN uniformResourceIdentifier is malformed");
        auto uri = gourl::Parse(data);
        if (!uri.ok()) {
          return Err("x509: cannot parse URI " + gotime::Quote(data) + ": " +
                     uri.status().message());
        }
        out->uri_strings.push_back(uri->ToString());
        out->uris.push_back(std::move(*uri));
        break;
      }
      case 7: {
        if (data.size() != 4 && data.size() != 16) {
          return Err("x509: cannot parse IP address of length " + std::to_string(data.size()));
        }
        ip::Bytes b;
        b.len = static_cast<uint8_t>(data.size());
        std::copy(data.begin(), data.end(), b.b.begin());
        out->ip_addresses.push_back(b);
        break;
      }
      default:
        break;
    }
  }
  return Status::Ok();
}

Status ParseNameConstraints(const Extension& e, Certificate* out, bool* unhandled) {
  Reader outer(e.value);
  std::string_view top, permitted, excluded;
  bool have_permitted = false, have_excluded = false;
  if (!outer.Read(der::tag::kSequence, &top) || !outer.empty()) {
    return Err("x509: invalid NameConstraints extension");
  }
  Reader t(top);
  if (!t.ReadOptional(der::tag::ContextConstructed(0), &permitted, &have_permitted) ||
      !t.ReadOptional(der::tag::ContextConstructed(1), &excluded, &have_excluded) || !t.empty()) {
    return Err("x509: invalid NameConstraints extension");
  }
  if ((!have_permitted && !have_excluded) || (permitted.empty() && excluded.empty())) {
    return Err("x509: empty name constraints extension");
  }
  auto values = [&](std::string_view subtrees, std::vector<std::string>* dns,
                    std::vector<ip::Network>* ips, std::vector<std::string>* emails,
                    std::vector<std::string>* uris) -> Status {
    Reader r(subtrees);
    while (!r.empty()) {
      std::string_view seq, value;
      uint8_t tag = 0;
      if (!r.Read(der::tag::kSequence, &seq)) return Err("x509: invalid NameConstraints extension");
      Reader s(seq);
      if (!s.ReadAny(&tag, &value)) return Err("x509: invalid NameConstraints extension");
      switch (tag) {
        case der::tag::Context(2):
          if (!IsIa5(value)) return Err("x509: invalid constraint value");
          dns->emplace_back(value);
          break;
        case der::tag::Context(7): {
          if (value.size() != 8 && value.size() != 32) {
            return Err("x509: IP constraint contained value of length " +
                       std::to_string(value.size()));
          }
          const size_t half = value.size() / 2;
          ip::Network n;
          n.ip.len = n.mask.len = static_cast<uint8_t>(half);
          std::copy(value.begin(), value.begin() + static_cast<long>(half), n.ip.b.begin());
          std::copy(value.begin() + static_cast<long>(half), value.end(), n.mask.b.begin());
          if (ip::MaskSize(n.mask).second == 0) return Err("x509: IP constraint contained invalid mask");
          ips->push_back(n);
          break;
        }
        case der::tag::Context(1):
          if (!IsIa5(value)) return Err("x509: invalid constraint value");
          emails->emplace_back(value);
          break;
        case der::tag::Context(6):
          if (!IsIa5(value)) return Err("x509: invalid constraint value");
          uris->emplace_back(value);
          break;
        default:
          *unhandled = true;
      }
    }
    return Status::Ok();
  };
  GOLDEN_RETURN_IF_ERROR(values(permitted, &out->permitted_dns_domains, &out->permitted_ip_ranges,
                                &out->permitted_email_addresses, &out->permitted_uri_domains));
  GOLDEN_RETURN_IF_ERROR(values(excluded, &out->excluded_dns_domains, &out->excluded_ip_ranges,
                                &out->excluded_email_addresses, &out->excluded_uri_domains));
  out->permitted_dns_domains_critical = e.critical;
  return Status::Ok();
}

Status ParseCrlDistributionPoints(std::string_view value, Certificate* out) {
  Reader outer(value);
  std::string_view seq;
  if (!outer.Read(der::tag::kSequence, &seq)) return Err("x509: invalid CRL distribution points");
  Reader r(seq);
  while (!r.empty()) {
    std::string_view dp, name;
    bool present = false;
    if (!r.Read(der::tag::kSequence, &dp)) return Err("x509: invalid CRL distribution point");
    Reader d(dp);
    if (!d.ReadOptional(der::tag::ContextConstructed(0), &name, &present)) {
      return Err("x509: invalid CRL distribution point");
    }
    if (!present) continue;
    Reader n(name);
    std::string_view full;
    if (!n.Read(der::tag::ContextConstructed(0), &full)) return Err("x509: invalid CRL distribution point");
    Reader f(full);
    while (!f.empty() && f.Peek(der::tag::Context(6))) {
      std::string_view uri;
      if (!f.Read(der::tag::Context(6), &uri)) return Err("x509: invalid CRL distribution point");
      out->crl_distribution_points.emplace_back(uri);
    }
  }
  return Status::Ok();
}

Status ParsePolicies(std::string_view value, Certificate* out) {
  Reader outer(value);
  std::string_view seq;
  if (!outer.Read(der::tag::kSequence, &seq)) return Err("x509: invalid certificate policies");
  Reader r(seq);
  std::set<Oid> seen;
  out->has_policies = true;
  while (!r.empty()) {
    std::string_view cp;
    Oid oid;
    if (!r.Read(der::tag::kSequence, &cp)) return Err("x509: invalid certificate policies");
    Reader c(cp);
    if (!c.ReadOid(&oid) || !seen.insert(oid).second) return Err("x509: invalid certificate policies");
    out->policies.push_back(der::OidString(oid));
    out->policy_identifiers.push_back(std::move(oid));
  }
  return Status::Ok();
}

Status ParseAuthorityInfoAccess(const Extension& e, Certificate* out) {
  if (e.critical) return Err("x509: authority info access incorrectly marked critical");
  Reader outer(e.value);
  std::string_view seq;
  if (!outer.Read(der::tag::kSequence, &seq)) return Err("x509: invalid authority info access");
  Reader r(seq);
  while (!r.empty()) {
    std::string_view aia, location;
    Oid method;
    if (!r.Read(der::tag::kSequence, &aia)) return Err("x509: invalid authority info access");
    Reader a(aia);
    if (!a.ReadOid(&method)) return Err("x509: invalid authority info access");
    if (!a.Peek(der::tag::Context(6))) continue;
    if (!a.Read(der::tag::Context(6), &location)) return Err("x509: invalid authority info access");
    if (Is(method, {1, 3, 6, 1, 5, 5, 7, 48, 1})) out->ocsp_server.emplace_back(location);
    if (Is(method, {1, 3, 6, 1, 5, 5, 7, 48, 2})) out->issuing_certificate_url.emplace_back(location);
  }
  return Status::Ok();
}

// ---- signature algorithms ----

struct PssHashes {
  Oid hash = {1, 3, 14, 3, 2, 26};  // SHA-1 default
  bool hash_params_ok = true;
  Oid mgf = {1, 2, 840, 113549, 1, 1, 8};
  Oid mgf_hash = {1, 3, 14, 3, 2, 26};
  bool mgf_hash_params_ok = true;
  int64_t salt = 20;
  int64_t trailer = 1;
};

bool NullOrAbsent(Reader* ai) {
  if (ai->empty()) return true;
  std::string_view params;
  return ai->Read(der::tag::kNull, &params) && params.empty() && ai->empty();
}

SignatureAlgorithm PssAlgorithm(std::string_view params_element) {
  Reader outer(params_element);
  std::string_view seq;
  if (!outer.Read(der::tag::kSequence, &seq)) return SignatureAlgorithm::kUnknown;
  Reader r(seq);
  PssHashes p;
  std::string_view field;
  bool present = false;
  if (!r.ReadOptional(der::tag::ContextConstructed(0), &field, &present)) {
    return SignatureAlgorithm::kUnknown;
  }
  if (present) {
    Reader f(field);
    std::string_view ai;
    if (!f.Read(der::tag::kSequence, &ai)) return SignatureAlgorithm::kUnknown;
    Reader a(ai);
    if (!a.ReadOid(&p.hash)) return SignatureAlgorithm::kUnknown;
    p.hash_params_ok = NullOrAbsent(&a);
  }
  if (!r.ReadOptional(der::tag::ContextConstructed(1), &field, &present)) {
    return SignatureAlgorithm::kUnknown;
  }
  if (present) {
    Reader f(field);
    std::string_view ai, hash_ai;
    if (!f.Read(der::tag::kSequence, &ai)) return SignatureAlgorithm::kUnknown;
    Reader a(ai);
    if (!a.ReadOid(&p.mgf) || !a.Read(der::tag::kSequence, &hash_ai)) {
      return SignatureAlgorithm::kUnknown;
    }
    Reader h(hash_ai);
    if (!h.ReadOid(&p.mgf_hash)) return SignatureAlgorithm::kUnknown;
    p.mgf_hash_params_ok = NullOrAbsent(&h);
  }
  if (!r.ReadOptional(der::tag::ContextConstructed(2), &field, &present)) {
    return SignatureAlgorithm::kUnknown;
  }
  if (present && !Reader(field).ReadInt64(&p.salt)) return SignatureAlgorithm::kUnknown;
  if (!r.ReadOptional(der::tag::ContextConstructed(3), &field, &present)) {
    return SignatureAlgorithm::kUnknown;
  }
  if (present && !Reader(field).ReadInt64(&p.trailer)) return SignatureAlgorithm::kUnknown;
  // Go accepts only MGF1 with the message hash, salt = hash length, the default trailer.
  if (!p.hash_params_ok || !Is(p.mgf, {1, 2, 840, 113549, 1, 1, 8}) || p.mgf_hash != p.hash ||
      !p.mgf_hash_params_ok || p.trailer != 1) {
    return SignatureAlgorithm::kUnknown;
  }
  if (Is(p.hash, {2, 16, 840, 1, 101, 3, 4, 2, 1}) && p.salt == 32) {
    return SignatureAlgorithm::kSHA256WithRSAPSS;
  }
  if (Is(p.hash, {2, 16, 840, 1, 101, 3, 4, 2, 2}) && p.salt == 48) {
    return SignatureAlgorithm::kSHA384WithRSAPSS;
  }
  if (Is(p.hash, {2, 16, 840, 1, 101, 3, 4, 2, 3}) && p.salt == 64) {
    return SignatureAlgorithm::kSHA512WithRSAPSS;
  }
  return SignatureAlgorithm::kUnknown;
}

SignatureAlgorithm SignatureAlgorithmFromAi(const Oid& oid, std::string_view params) {
  using S = SignatureAlgorithm;
  if (Is(oid, {1, 3, 101, 112})) return params.empty() ? S::kPureEd25519 : S::kUnknown;
  if (Is(oid, {1, 2, 840, 113549, 1, 1, 10})) return PssAlgorithm(params);
  // std::vector, not std::initializer_list: a list's backing array would not outlive the table.
  static const std::pair<std::vector<int>, S> kTable[] = {
      {{1, 2, 840, 113549, 1, 1, 4}, S::kMD5WithRSA},
      {{1, 2, 840, 113549, 1, 1, 5}, S::kSHA1WithRSA},
      {{1, 3, 14, 3, 2, 29}, S::kSHA1WithRSA},
      {{1, 2, 840, 113549, 1, 1, 11}, S::kSHA256WithRSA},
      {{1, 2, 840, 113549, 1, 1, 12}, S::kSHA384WithRSA},
      {{1, 2, 840, 113549, 1, 1, 13}, S::kSHA512WithRSA},
      {{1, 2, 840, 10040, 4, 3}, S::kDSAWithSHA1},
      {{2, 16, 840, 1, 101, 3, 4, 3, 2}, S::kDSAWithSHA256},
      {{1, 2, 840, 10045, 4, 1}, S::kECDSAWithSHA1},
      {{1, 2, 840, 10045, 4, 3, 2}, S::kECDSAWithSHA256},
      {{1, 2, 840, 10045, 4, 3, 3}, S::kECDSAWithSHA384},
      {{1, 2, 840, 10045, 4, 3, 4}, S::kECDSAWithSHA512},
  };
  for (const auto& [o, alg] : kTable) {
    if (oid == o) return alg;
  }
  return S::kUnknown;
}

// AlgorithmIdentifier contents: the OID and the parameters element (empty when absent).
Status ParseAi(std::string_view contents, Oid* oid, std::string_view* params) {
  Reader r(contents);
  if (!r.ReadOid(oid)) return Err("x509: malformed OID");
  *params = {};
  if (r.empty()) return Status::Ok();
  uint8_t tag = 0;
  std::string_view inner;
  if (!r.ReadAny(&tag, &inner, params)) return Err("x509: malformed parameters");
  return Status::Ok();
}

// Go's ReadASN1UTCTime / ReadASN1GeneralizedTime: the value must print back unchanged.
Result<gotime::Time> ParseTime(Reader* r) {
  auto utc = tz::Zone::Utc();
  std::string_view text;
  if (r->Peek(der::tag::kUtcTime)) {
    if (!r->Read(der::tag::kUtcTime, &text)) return Err("x509: malformed UTCTime");
    for (std::string_view layout : {"060102150405Z0700", "0601021504Z0700"}) {
      auto t = gotime::Parse(layout, text, utc);
      if (!t.ok()) continue;
      if (gotime::Format(*t, layout) != text) break;
      if (gotime::ToCivil(*t).year >= 2050) {
        auto back = gotime::AddDate(*t, -100, 0, 0);  // UTCTime years 50-99 are 1950-1999
        if (!back) break;
        return *back;
      }
      return *t;
    }
    return Err("x509: malformed UTCTime");
  }
  if (r->Peek(der::tag::kGeneralizedTime)) {
    if (!r->Read(der::tag::kGeneralizedTime, &text)) return Err("x509: malformed GeneralizedTime");
    constexpr std::string_view kLayout = "20060102150405.999999999Z0700";
    auto t = gotime::Parse(kLayout, text, utc);
    if (!t.ok() || gotime::Format(*t, kLayout) != text) {
      return Err("x509: malformed GeneralizedTime");
    }
    return *t;
  }
  return Err("x509: unsupported time format");
}

}  // namespace

SignatureAlgorithm SignatureAlgorithmFromAi(std::string_view ai_contents) {
  Oid oid;
  std::string_view params;
  if (!ParseAi(ai_contents, &oid, &params).ok()) return SignatureAlgorithm::kUnknown;
  return SignatureAlgorithmFromAi(oid, params);
}

Value OidToJson(const std::vector<int>& oid) {
  std::vector<Value> out;
  for (int v : oid) out.push_back(Value::Int(v));
  return Value::Array(std::move(out));
}

Value BytesToJson(const std::optional<std::string>& bytes) {
  return bytes ? Bytes(*bytes) : Value::Null();
}

Value BigNumber(const std::string& decimal) {
  auto n = Number::Parse(decimal);
  return n ? Value::Num(*n) : Value::Null();
}

ExtKeyUsage ExtKeyUsageFromOid(const std::vector<int>& oid) {
  if (Is(oid, {2, 5, 29, 37, 0})) return 0;
  if (HasPrefix(oid, {1, 3, 6, 1, 5, 5, 7, 3}) && oid.size() == 9 && oid[8] >= 1 && oid[8] <= 9) {
    return oid[8];
  }
  if (Is(oid, {1, 3, 6, 1, 4, 1, 311, 10, 3, 3})) return 10;
  if (Is(oid, {2, 16, 840, 1, 113730, 4, 1})) return 11;
  if (Is(oid, {1, 3, 6, 1, 4, 1, 311, 2, 1, 22})) return 12;
  if (Is(oid, {1, 3, 6, 1, 4, 1, 311, 61, 1, 1})) return 13;
  return -1;
}

Result<Name> ParseName(std::string_view element) {
  Reader outer(element);
  std::string_view seq;
  if (!outer.Read(der::tag::kSequence, &seq)) return Err("x509: invalid RDNSequence");
  Name n;
  Reader r(seq);
  while (!r.empty()) {
    std::string_view set;
    if (!r.Read(der::tag::kSet, &set)) return Err("x509: invalid RDNSequence");
    Reader s(set);
    while (!s.empty()) {
      std::string_view atv, raw_value;
      Attribute attr;
      uint8_t tag = 0;
      if (!s.Read(der::tag::kSequence, &atv)) {
        return Err("x509: invalid RDNSequence: invalid attribute");
      }
      Reader a(atv);
      if (!a.ReadOid(&attr.type)) return Err("x509: invalid RDNSequence: invalid attribute type");
      if (!a.ReadAny(&tag, &raw_value)) {
        return Err("x509: invalid RDNSequence: invalid attribute value");
      }
      auto value = ParseAsn1String(tag, raw_value);
      if (!value.ok()) {
        return Err("x509: invalid RDNSequence: invalid attribute value: " +
                   value.status().message());
      }
      attr.value = std::move(*value);
      if (attr.type.size() == 4 && attr.type[0] == 2 && attr.type[1] == 5 && attr.type[2] == 4) {
        switch (attr.type[3]) {
          case 3: n.common_name = attr.value; break;
          case 5: n.serial_number = attr.value; break;
          case 6: n.country.push_back(attr.value); break;
          case 7: n.locality.push_back(attr.value); break;
          case 8: n.province.push_back(attr.value); break;
          case 9: n.street_address.push_back(attr.value); break;
          case 10: n.organization.push_back(attr.value); break;
          case 11: n.organizational_unit.push_back(attr.value); break;
          case 17: n.postal_code.push_back(attr.value); break;
          default: break;
        }
      }
      n.names.push_back(std::move(attr));
    }
  }
  return n;
}

Value NameToJson(const Name& n) {
  std::vector<Value> names;
  for (const auto& a : n.names) {
    names.push_back(Value::Object(
        {{Value::String("Type"), OidToJson(a.type)}, {Value::String("Value"), Value::String(a.value)}}));
  }
  return Value::Object({
      {Value::String("Country"), StringsOrNull(n.country)},
      {Value::String("Organization"), StringsOrNull(n.organization)},
      {Value::String("OrganizationalUnit"), StringsOrNull(n.organizational_unit)},
      {Value::String("Locality"), StringsOrNull(n.locality)},
      {Value::String("Province"), StringsOrNull(n.province)},
      {Value::String("StreetAddress"), StringsOrNull(n.street_address)},
      {Value::String("PostalCode"), StringsOrNull(n.postal_code)},
      {Value::String("SerialNumber"), Value::String(n.serial_number)},
      {Value::String("CommonName"), Value::String(n.common_name)},
      {Value::String("Names"), names.empty() ? Value::Null() : Value::Array(std::move(names))},
      {Value::String("ExtraNames"), Value::Null()},
  });
}

Result<PublicKey> ParseSpki(std::string_view spki_contents) {
  Reader spki(spki_contents);
  std::string_view ai_contents, params;
  Oid oid;
  if (!spki.Read(der::tag::kSequence, &ai_contents)) {
    return Err("x509: malformed public key algorithm identifier");
  }
  GOLDEN_RETURN_IF_ERROR(ParseAi(ai_contents, &oid, &params));
  std::string_view key_bits;
  int unused = 0;
  if (!spki.ReadBitString(&key_bits, &unused)) return Err("x509: malformed subjectPublicKey");
  PublicKey pk;
  if (Is(oid, {1, 2, 840, 113549, 1, 1, 1})) {
    pk.algorithm = PublicKeyAlgorithm::kRSA;
    if (params != std::string_view("\x05\x00", 2)) return Err("x509: RSA key missing NULL parameters");
    Reader outer(key_bits);
    std::string_view seq, n, e;
    if (!outer.Read(der::tag::kSequence, &seq)) return Err("x509: invalid RSA public key");
    Reader r(seq);
    if (!r.ReadIntegerBytes(&n)) return Err("x509: invalid RSA modulus");
    if (!r.ReadIntegerBytes(&e)) return Err("x509: invalid RSA public exponent");
    if (der::IsNegative(n) || Unsigned(n) == std::string(1, '\0')) {
      return Err("x509: RSA modulus is not a positive number");
    }
    if (der::IsNegative(e) || Unsigned(e) == std::string(1, '\0') || Unsigned(e).size() > 8) {
      return Err("x509: RSA public exponent is not a positive number");
    }
    pk.json = Value::Object({{Value::String("N"), BigFromBytes(Unsigned(n))},
                             {Value::String("E"), BigFromBytes(Unsigned(e))}});
  } else if (Is(oid, {1, 2, 840, 10045, 2, 1})) {
    pk.algorithm = PublicKeyAlgorithm::kECDSA;
    Reader p(params);
    Oid curve;
    if (!p.ReadOid(&curve)) return Err("x509: invalid ECDSA parameters");
    int nid = CurveNid(curve);
    if (nid == NID_undef) return Err("x509: unsupported elliptic curve");
    std::string x, y;
    if (!UnmarshalPoint(nid, key_bits, &x, &y)) {
      return Err("x509: failed to unmarshal elliptic curve point");
    }
    // elliptic.Curve values have only unexported fields: Go prints {}.
    pk.json = Value::Object({{Value::String("Curve"), Value::EmptyObject()},
                             {Value::String("X"), BigFromBytes(x)},
                             {Value::String("Y"), BigFromBytes(y)}});
  } else if (Is(oid, {1, 3, 101, 112})) {
    pk.algorithm = PublicKeyAlgorithm::kEd25519;
    if (!params.empty()) return Err("x509: Ed25519 key encoded with illegal parameters");
    if (key_bits.size() != 32) return Err("x509: wrong Ed25519 public key size");
    pk.json = Bytes(key_bits);
  } else if (Is(oid, {1, 2, 840, 10040, 4, 1})) {
    pk.algorithm = PublicKeyAlgorithm::kDSA;
    Reader kr(key_bits);
    std::string_view y, seq, pp, q, g;
    if (!kr.ReadIntegerBytes(&y)) return Err("x509: invalid DSA public key");
    Reader outer(params);
    if (!outer.Read(der::tag::kSequence, &seq)) return Err("x509: invalid DSA parameters");
    Reader r(seq);
    if (!r.ReadIntegerBytes(&pp) || !r.ReadIntegerBytes(&q) || !r.ReadIntegerBytes(&g)) {
      return Err("x509: invalid DSA parameters");
    }
    pk.json = Value::Object(
        {{Value::String("Parameters"),
          Value::Object({{Value::String("P"), BigFromBytes(Unsigned(pp))},
                         {Value::String("Q"), BigFromBytes(Unsigned(q))},
                         {Value::String("G"), BigFromBytes(Unsigned(g))}})},
         {Value::String("Y"), BigFromBytes(Unsigned(y))}});
  } else {
    pk.json = Value::Null();  // unknown algorithm: Go leaves PublicKey nil
  }
  return pk;
}

Status ProcessExtensions(Certificate* out) {
  for (const Extension& e : out->extensions) {
    bool unhandled = false;
    if (e.id.size() == 4 && HasPrefix(e.id, {2, 5, 29})) {
      Reader v(e.value);
      switch (e.id[3]) {
        case 15: {  // key usage
          std::string_view bits;
          int unused = 0;
          if (!v.ReadBitString(&bits, &unused)) return Err("x509: invalid key usage");
          int usage = 0;
          for (int i = 0; i < 9; ++i) {
            size_t byte = static_cast<size_t>(i / 8);
            if (byte < bits.size() && (static_cast<uint8_t>(bits[byte]) >> (7 - i % 8) & 1)) {
              usage |= 1 << i;
            }
          }
          out->key_usage = usage;
          break;
        }
        case 19: {  // basic constraints
          std::string_view seq;
          if (!v.Read(der::tag::kSequence, &seq)) return Err("x509: invalid basic constraints");
          Reader s(seq);
          bool is_ca = false;
          int64_t max_path = -1;
          if (s.Peek(der::tag::kBoolean) && !s.ReadBoolean(&is_ca)) {
            return Err("x509: invalid basic constraints");
          }
          if (s.Peek(der::tag::kInteger) && !s.ReadInt64(&max_path)) {
            return Err("x509: invalid basic constraints");
          }
          out->is_ca = is_ca;
          out->max_path_len = max_path;
          out->basic_constraints_valid = true;
          out->max_path_len_zero = max_path == 0;
          break;
        }
        case 17:  // subject alternative names
          GOLDEN_RETURN_IF_ERROR(ParseSan(e.value, out));
          if (out->dns_names.empty() && out->email_addresses.empty() &&
              out->ip_addresses.empty() && out->uris.empty()) {
            unhandled = true;
          }
          break;
        case 30:  // name constraints
          GOLDEN_RETURN_IF_ERROR(ParseNameConstraints(e, out, &unhandled));
          break;
        case 31:  // CRL distribution points
          GOLDEN_RETURN_IF_ERROR(ParseCrlDistributionPoints(e.value, out));
          break;
        case 35: {  // authority key identifier
          std::string_view akid;
          if (!v.Read(der::tag::kSequence, &akid)) {
            return Err("x509: invalid authority key identifier");
          }
          Reader a(akid);
          if (a.Peek(der::tag::Context(0))) {
            std::string_view id;
            if (!a.Read(der::tag::Context(0), &id)) {
              return Err("x509: invalid authority key identifier");
            }
            out->authority_key_id = std::string(id);
          }
          break;
        }
        case 37: {  // extended key usage
          std::string_view seq;
          if (!v.Read(der::tag::kSequence, &seq)) return Err("x509: invalid extended key usages");
          Reader s(seq);
          while (!s.empty()) {
            Oid eku;
            if (!s.ReadOid(&eku)) return Err("x509: invalid extended key usages");
            ExtKeyUsage u = ExtKeyUsageFromOid(eku);
            if (u >= 0) {
              out->ext_key_usage.push_back(u);
            } else {
              out->unknown_ext_key_usage.push_back(std::move(eku));
            }
          }
          break;
        }
        case 14: {  // subject key identifier
          std::string_view skid;
          if (!v.Read(der::tag::kOctetString, &skid)) {
            return Err("x509: invalid subject key identifier");
          }
          out->subject_key_id = std::string(skid);
          break;
        }
        case 32:  // certificate policies
          GOLDEN_RETURN_IF_ERROR(ParsePolicies(e.value, out));
          break;
        case 33: {  // policy mappings
          std::string_view seq;
          if (!v.Read(der::tag::kSequence, &seq)) return Err("x509: invalid policy mappings extension");
          Reader s(seq);
          while (!s.empty()) {
            std::string_view m;
            Oid issuer, subject;
            if (!s.Read(der::tag::kSequence, &m)) return Err("x509: invalid policy mappings extension");
            Reader mr(m);
            if (!mr.ReadOid(&issuer) || !mr.ReadOid(&subject)) {
              return Err("x509: invalid policy mappings extension");
            }
            out->policy_mappings.emplace_back(der::OidString(issuer), der::OidString(subject));
          }
          break;
        }
        case 36: {  // policy constraints
          std::string_view seq;
          if (!v.Read(der::tag::kSequence, &seq)) return Err("x509: invalid policy constraints extension");
          Reader s(seq);
          if (s.Peek(der::tag::Context(0))) {
            if (!s.ReadInt64(&out->require_explicit_policy, der::tag::Context(0))) {
              return Err("x509: invalid policy constraints extension");
            }
            out->require_explicit_policy_zero = out->require_explicit_policy == 0;
          }
          if (s.Peek(der::tag::Context(1))) {
            if (!s.ReadInt64(&out->inhibit_policy_mapping, der::tag::Context(1))) {
              return Err("x509: invalid policy constraints extension");
            }
            out->inhibit_policy_mapping_zero = out->inhibit_policy_mapping == 0;
          }
          break;
        }
        case 54:  // inhibit anyPolicy
          if (!v.ReadInt64(&out->inhibit_any_policy)) {
            return Err("x509: invalid inhibit any policy extension");
          }
          out->inhibit_any_policy_zero = out->inhibit_any_policy == 0;
          break;
        default:
          unhandled = true;
      }
    } else if (Is(e.id, {1, 3, 6, 1, 5, 5, 7, 1, 1})) {
      GOLDEN_RETURN_IF_ERROR(ParseAuthorityInfoAccess(e, out));
    } else {
      unhandled = true;
    }
    if (e.critical && unhandled) out->unhandled_critical.push_back(e.id);
  }
  return Status::Ok();
}

Result<Certificate> ParseCertificate(std::string_view input_der, size_t* consumed) {
  Certificate cert;
  Reader input(input_der);
  std::string_view raw, body, tbs_element, tbs;
  if (!input.ReadElement(der::tag::kSequence, &raw)) return Err("x509: malformed certificate");
  if (consumed != nullptr) *consumed = raw.size();
  cert.raw = std::string(raw);
  Reader outer(raw);
  if (!outer.Read(der::tag::kSequence, &body)) return Err("x509: malformed certificate");
  Reader c(body);
  if (!c.ReadElement(der::tag::kSequence, &tbs_element)) return Err("x509: malformed tbs certificate");
  cert.raw_tbs = std::string(tbs_element);
  if (!Reader(tbs_element).Read(der::tag::kSequence, &tbs)) {
    return Err("x509: malformed tbs certificate");
  }
  Reader t(tbs);

  int64_t version = 0;
  if (t.Peek(der::tag::ContextConstructed(0))) {
    std::string_view v;
    if (!t.Read(der::tag::ContextConstructed(0), &v)) return Err("x509: malformed version");
    Reader vr(v);
    if (!vr.ReadInt64(&version)) return Err("x509: malformed version");
  }
  if (version < 0) return Err("x509: malformed version");
  cert.version = static_cast<int>(version) + 1;  // Go's Version is one-indexed
  if (version + 1 > 3) return Err("x509: invalid version");

  std::string_view serial;
  if (!t.ReadIntegerBytes(&serial)) return Err("x509: malformed serial number");
  cert.serial_decimal = der::IntegerDecimal(serial);

  std::string_view sig_ai, outer_sig_ai, sig_params;
  if (!t.Read(der::tag::kSequence, &sig_ai)) {
    return Err("x509: malformed signature algorithm identifier");
  }
  if (!c.Read(der::tag::kSequence, &outer_sig_ai)) return Err("x509: malformed algorithm identifier");
  if (outer_sig_ai != sig_ai) {
    return Err("x509: inner and outer signature algorithm identifiers don't match");
  }
  Oid sig_oid;
  GOLDEN_RETURN_IF_ERROR(ParseAi(sig_ai, &sig_oid, &sig_params));
  cert.signature_algorithm = SignatureAlgorithmFromAi(sig_oid, sig_params);

  std::string_view issuer;
  if (!t.ReadElement(der::tag::kSequence, &issuer)) return Err("x509: malformed issuer");
  cert.raw_issuer = std::string(issuer);
  GOLDEN_ASSIGN_OR_RETURN(cert.issuer, ParseName(issuer));

  std::string_view validity;
  if (!t.Read(der::tag::kSequence, &validity)) return Err("x509: malformed validity");
  Reader vr(validity);
  GOLDEN_ASSIGN_OR_RETURN(cert.not_before, ParseTime(&vr));
  GOLDEN_ASSIGN_OR_RETURN(cert.not_after, ParseTime(&vr));

  std::string_view subject;
  if (!t.ReadElement(der::tag::kSequence, &subject)) return Err("x509: malformed issuer");
  cert.raw_subject = std::string(subject);
  GOLDEN_ASSIGN_OR_RETURN(cert.subject, ParseName(subject));

  std::string_view spki_element, spki;
  if (!t.ReadElement(der::tag::kSequence, &spki_element) ||
      !Reader(spki_element).Read(der::tag::kSequence, &spki)) {
    return Err("x509: malformed spki");
  }
  cert.raw_spki = std::string(spki_element);
  GOLDEN_ASSIGN_OR_RETURN(cert.public_key, ParseSpki(spki));

  if (cert.version > 1) {
    std::string_view ignored;
    bool present = false;
    if (!t.ReadOptional(der::tag::Context(1), &ignored, &present)) {
      return Err("x509: malformed issuerUniqueID");
    }
    if (!t.ReadOptional(der::tag::Context(2), &ignored, &present)) {
      return Err("x509: malformed subjectUniqueID");
    }
    if (cert.version == 3) {
      std::string_view exts;
      if (!t.ReadOptional(der::tag::ContextConstructed(3), &exts, &present)) {
        return Err("x509: malformed extensions");
      }
      if (present) {
        std::string_view seq;
        if (!Reader(exts).Read(der::tag::kSequence, &seq)) return Err("x509: malformed extensions");
        Reader er(seq);
        std::set<Oid> seen;
        while (!er.empty()) {
          std::string_view ext;
          if (!er.Read(der::tag::kSequence, &ext)) return Err("x509: malformed extension");
          Reader x(ext);
          Extension e;
          if (!x.ReadOid(&e.id)) return Err("x509: malformed extension OID field");
          if (x.Peek(der::tag::kBoolean) && !x.ReadBoolean(&e.critical)) {
            return Err("x509: malformed extension critical field");
          }
          std::string_view val;
          if (!x.Read(der::tag::kOctetString, &val)) return Err("x509: malformed extension value field");
          e.value = std::string(val);
          if (!seen.insert(e.id).second) {
            return Err("x509: certificate contains duplicate extension with OID \"" +
                       der::OidString(e.id) + "\"");
          }
          cert.extensions.push_back(std::move(e));
        }
        GOLDEN_RETURN_IF_ERROR(ProcessExtensions(&cert));
      }
    }
  }

  std::string_view sig;
  int unused = 0;
  if (!c.ReadBitString(&sig, &unused)) return Err("x509: malformed signature");
  cert.signature = std::string(sig);
  return cert;
}

Result<std::vector<Certificate>> ParseCertificates(std::string_view der) {
  std::vector<Certificate> certs;
  while (!der.empty()) {
    size_t consumed = 0;
    GOLDEN_ASSIGN_OR_RETURN(Certificate cert, ParseCertificate(der, &consumed));
    certs.push_back(std::move(cert));
    der.remove_prefix(consumed);
  }
  return certs;
}

Value ToJson(const Certificate& c, bool uri_strings) {
  std::vector<Value::Entry> e;
  auto add = [&](const char* k, Value v) { e.push_back({Value::String(k), std::move(v)}); };
  auto time_json = [](const gotime::Time& t) {
    return Value::String(gotime::Format(t, "2006-01-02T15:04:05.999999999Z07:00"));
  };
  auto ints = [](const std::vector<int>& v) {
    if (v.empty()) return Value::Null();
    std::vector<Value> out;
    for (int i : v) out.push_back(Value::Int(i));
    return Value::Array(std::move(out));
  };
  auto nets = [](const std::vector<ip::Network>& v) {
    if (v.empty()) return Value::Null();
    std::vector<Value> out;
    for (const auto& n : v) {
      std::string mask(n.mask.b.begin(), n.mask.b.begin() + n.mask.len);
      out.push_back(Value::Object({{Value::String("IP"), Value::String(ip::ToString(n.ip))},
                                   {Value::String("Mask"), Bytes(mask)}}));
    }
    return Value::Array(std::move(out));
  };
  add("Raw", Bytes(c.raw));
  add("RawTBSCertificate", Bytes(c.raw_tbs));
  add("RawSubjectPublicKeyInfo", Bytes(c.raw_spki));
  add("RawSubject", Bytes(c.raw_subject));
  add("RawIssuer", Bytes(c.raw_issuer));
  add("Signature", Bytes(c.signature));
  add("SignatureAlgorithm", Value::Int(static_cast<int>(c.signature_algorithm)));
  add("PublicKeyAlgorithm", Value::Int(static_cast<int>(c.public_key.algorithm)));
  add("PublicKey", c.public_key.json);
  add("Version", Value::Int(c.version));
  add("SerialNumber", BigNumber(c.serial_decimal));
  add("Issuer", NameToJson(c.issuer));
  add("Subject", NameToJson(c.subject));
  add("NotBefore", time_json(c.not_before));
  add("NotAfter", time_json(c.not_after));
  add("KeyUsage", Value::Int(c.key_usage));
  std::vector<Value> exts;
  for (const auto& x : c.extensions) {
    exts.push_back(Value::Object({{Value::String("Id"), OidToJson(x.id)},
                                  {Value::String("Critical"), Value::Bool(x.critical)},
                                  {Value::String("Value"), Bytes(x.value)}}));
  }
  add("Extensions", exts.empty() ? Value::Null() : Value::Array(std::move(exts)));
  add("ExtraExtensions", Value::Null());
  add("UnhandledCriticalExtensions", OidsOrNull(c.unhandled_critical));
  add("ExtKeyUsage", ints(c.ext_key_usage));
  add("UnknownExtKeyUsage", OidsOrNull(c.unknown_ext_key_usage));
  add("BasicConstraintsValid", Value::Bool(c.basic_constraints_valid));
  add("IsCA", Value::Bool(c.is_ca));
  add("MaxPathLen", Value::Int(c.max_path_len));
  add("MaxPathLenZero", Value::Bool(c.max_path_len_zero));
  add("SubjectKeyId", BytesToJson(c.subject_key_id));
  add("AuthorityKeyId", BytesToJson(c.authority_key_id));
  add("OCSPServer", StringsOrNull(c.ocsp_server));
  add("IssuingCertificateURL", StringsOrNull(c.issuing_certificate_url));
  add("DNSNames", StringsOrNull(c.dns_names));
  add("EmailAddresses", StringsOrNull(c.email_addresses));
  std::vector<std::string> ips;
  for (const auto& a : c.ip_addresses) ips.push_back(ip::ToString(a));
  add("IPAddresses", StringsOrNull(ips));
  std::vector<Value> uris;
  for (const auto& u : c.uris) uris.push_back(u.ToJson());
  add("URIs", uris.empty() ? Value::Null() : Value::Array(std::move(uris)));
  add("PermittedDNSDomainsCritical", Value::Bool(c.permitted_dns_domains_critical));
  add("PermittedDNSDomains", StringsOrNull(c.permitted_dns_domains));
  add("ExcludedDNSDomains", StringsOrNull(c.excluded_dns_domains));
  add("PermittedIPRanges", nets(c.permitted_ip_ranges));
  add("ExcludedIPRanges", nets(c.excluded_ip_ranges));
  add("PermittedEmailAddresses", StringsOrNull(c.permitted_email_addresses));
  add("ExcludedEmailAddresses", StringsOrNull(c.excluded_email_addresses));
  add("PermittedURIDomains", StringsOrNull(c.permitted_uri_domains));
  add("ExcludedURIDomains", StringsOrNull(c.excluded_uri_domains));
  add("CRLDistributionPoints", StringsOrNull(c.crl_distribution_points));
  // A policies extension yields (possibly empty) lists; none yields null.
  add("PolicyIdentifiers", c.has_policies ? (c.policy_identifiers.empty()
                                                 ? Value::EmptyArray()
                                                 : OidsOrNull(c.policy_identifiers))
                                          : Value::Null());
  add("Policies", StringsOrNull(c.policies));
  add("InhibitAnyPolicy", Value::Int(c.inhibit_any_policy));
  add("InhibitAnyPolicyZero", Value::Bool(c.inhibit_any_policy_zero));
  add("InhibitPolicyMapping", Value::Int(c.inhibit_policy_mapping));
  add("InhibitPolicyMappingZero", Value::Bool(c.inhibit_policy_mapping_zero));
  add("RequireExplicitPolicy", Value::Int(c.require_explicit_policy));
  add("RequireExplicitPolicyZero", Value::Bool(c.require_explicit_policy_zero));
  std::vector<Value> mappings;
  for (const auto& [issuer, subject] : c.policy_mappings) {
    mappings.push_back(Value::Object({{Value::String("IssuerDomainPolicy"), Value::String(issuer)},
                                      {Value::String("SubjectDomainPolicy"), Value::String(subject)}}));
  }
  add("PolicyMappings", mappings.empty() ? Value::Null() : Value::Array(std::move(mappings)));
  if (uri_strings) add("URIStrings", StringsOrNull(c.uri_strings));
  return Value::Object(std::move(e));
}

}  // namespace golden::rego::x509
