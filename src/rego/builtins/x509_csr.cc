#include "rego/builtins/x509_csr.h"

#include "base/base64.h"
#include "rego/builtins/der.h"
#include "rego/builtins/x509_cert.h"

namespace golden::rego::x509 {

namespace {

using der::Reader;

Status Syntax(std::string_view what) {
  return InvalidArgument("asn1: structure error: " + std::string(what));
}

// encoding/asn1's decoding of an `any` value, for the types CSR attributes use.
std::optional<Value> AnyValue(uint8_t tag, std::string_view contents, std::string_view element) {
  switch (tag) {
    case der::tag::kBoolean:
      if (contents.size() != 1) return std::nullopt;
      return Value::Bool(contents[0] != 0);
    case der::tag::kInteger:
      return BigNumber(der::IntegerDecimal(contents));
    case der::tag::kOctetString:
      return Value::String(Base64Encode(contents));
    case der::tag::kOid: {
      std::vector<int> oid;
      Reader r(element);
      if (!r.ReadOid(&oid)) return std::nullopt;
      return OidToJson(oid);
    }
    case der::tag::kUtf8String:
    case der::tag::kPrintableString:
    case der::tag::kIa5String:
    case der::tag::kNumericString:
    case der::tag::kT61String:
      return Value::String(contents);
    default:
      return std::nullopt;
  }
}

// Go's parseRawAttributes: attributes that decode as AttributeTypeAndValueSET (a SET of
// SEQUENCEs of type/value pairs); others are dropped.
Value ParseAttributes(std::string_view attrs) {
  std::vector<Value> out;
  Reader r(attrs);
  while (!r.empty()) {
    std::string_view attr;
    if (!r.Read(der::tag::kSequence, &attr)) break;
    Reader a(attr);
    std::vector<int> type;
    std::string_view set;
    if (!a.ReadOid(&type) || !a.Read(der::tag::kSet, &set)) continue;
    std::vector<Value> groups;
    bool ok = true;
    Reader s(set);
    while (ok && !s.empty()) {
      std::string_view seq;
      if (!s.Read(der::tag::kSequence, &seq)) {
        ok = false;
        break;
      }
      std::vector<Value> atvs;
      Reader q(seq);
      while (!q.empty()) {
        std::string_view atv;
        if (!q.Read(der::tag::kSequence, &atv)) {
          ok = false;
          break;
        }
        Reader x(atv);
        std::vector<int> atv_type;
        uint8_t tag = 0;
        std::string_view contents, element;
        if (!x.ReadOid(&atv_type) || !x.ReadAny(&tag, &contents, &element)) {
          ok = false;
          break;
        }
        auto v = AnyValue(tag, contents, element);
        if (!v) {
          ok = false;
          break;
        }
        atvs.push_back(Value::Object({{Value::String("Type"), OidToJson(atv_type)},
                                      {Value::String("Value"), *v}}));
      }
      groups.push_back(Value::Array(std::move(atvs)));
    }
    if (!ok) continue;
    out.push_back(Value::Object({{Value::String("Type"), OidToJson(type)},
                                 {Value::String("Value"), Value::Array(std::move(groups))}}));
  }
  return out.empty() ? Value::Null() : Value::Array(std::move(out));
}

// Go's parseCSRExtensions: the extensions of the extensionRequest attribute.
Status ParseCsrExtensions(std::string_view attrs, std::vector<Extension>* out) {
  Reader r(attrs);
  while (!r.empty()) {
    std::string_view attr, set, seq;
    std::vector<int> type;
    if (!r.Read(der::tag::kSequence, &attr)) return Syntax("invalid attribute");
    Reader a(attr);
    if (!a.ReadOid(&type)) return Syntax("invalid attribute");
    if (type != std::vector<int>{1, 2, 840, 113549, 1, 9, 14}) continue;
    if (!a.Read(der::tag::kSet, &set) || !Reader(set).Read(der::tag::kSequence, &seq)) {
      return Syntax("invalid extension request");
    }
    Reader e(seq);
    while (!e.empty()) {
      std::string_view ext, val;
      Extension x;
      if (!e.Read(der::tag::kSequence, &ext)) return Syntax("invalid extension");
      Reader xr(ext);
      if (!xr.ReadOid(&x.id)) return Syntax("invalid extension");
      if (xr.Peek(der::tag::kBoolean) && !xr.ReadBoolean(&x.critical)) return Syntax("invalid extension");
      if (!xr.Read(der::tag::kOctetString, &val)) return Syntax("invalid extension");
      x.value = std::string(val);
      out->push_back(std::move(x));
    }
  }
  return Status::Ok();
}

Value Bytes(std::string_view b) { return Value::String(Base64Encode(b)); }

}  // namespace

Result<Value> ParseCertificateRequestJson(std::string_view input) {
  Reader in(input);
  std::string_view raw, body, info_element, info;
  if (!in.ReadElement(der::tag::kSequence, &raw)) return Syntax("tags don't match");
  if (!in.empty()) return InvalidArgument("asn1: syntax error: trailing data");
  Reader(raw).Read(der::tag::kSequence, &body);
  Reader b(body);
  if (!b.ReadElement(der::tag::kSequence, &info_element) ||
      !Reader(info_element).Read(der::tag::kSequence, &info)) {
    return Syntax("tags don't match");
  }
  Reader t(info);
  int64_t version = 0;
  std::string_view subject, spki_element, spki, attrs, sig_ai, sig;
  bool have_attrs = false;
  int unused = 0;
  if (!t.ReadInt64(&version) || !t.ReadElement(der::tag::kSequence, &subject) ||
      !t.ReadElement(der::tag::kSequence, &spki_element) ||
      !Reader(spki_element).Read(der::tag::kSequence, &spki) ||
      !t.ReadOptional(der::tag::ContextConstructed(0), &attrs, &have_attrs) ||
      !b.Read(der::tag::kSequence, &sig_ai) || !b.ReadBitString(&sig, &unused)) {
    return Syntax("tags don't match");
  }

  Certificate as_cert;  // holds the extensions and the names parsed from them
  GOLDEN_ASSIGN_OR_RETURN(PublicKey pk, ParseSpki(spki));
  GOLDEN_ASSIGN_OR_RETURN(Name name, ParseName(subject));
  GOLDEN_RETURN_IF_ERROR(ParseCsrExtensions(attrs, &as_cert.extensions));
  for (const Extension& e : as_cert.extensions) {
    if (e.id == std::vector<int>{2, 5, 29, 17}) {
      Certificate san;
      san.extensions.push_back(e);
      GOLDEN_RETURN_IF_ERROR(ProcessExtensions(&san));
      as_cert.dns_names = san.dns_names;
      as_cert.email_addresses = san.email_addresses;
      as_cert.ip_addresses = san.ip_addresses;
      as_cert.uris = san.uris;
    }
  }

  std::vector<Value> exts;
  for (const auto& x : as_cert.extensions) {
    exts.push_back(Value::Object({{Value::String("Id"), OidToJson(x.id)},
                                  {Value::String("Critical"), Value::Bool(x.critical)},
                                  {Value::String("Value"), Bytes(x.value)}}));
  }
  auto strings = [](const std::vector<std::string>& v) {
    if (v.empty()) return Value::Null();
    std::vector<Value> out;
    for (const auto& s : v) out.push_back(Value::String(s));
    return Value::Array(std::move(out));
  };
  std::vector<std::string> ips;
  for (const auto& a : as_cert.ip_addresses) ips.push_back(ip::ToString(a));
  std::vector<Value> uris;
  for (const auto& u : as_cert.uris) uris.push_back(u.ToJson());

  return Value::Object({
      {Value::String("Raw"), Bytes(raw)},
      {Value::String("RawTBSCertificateRequest"), Bytes(info_element)},
      {Value::String("RawSubjectPublicKeyInfo"), Bytes(spki_element)},
      {Value::String("RawSubject"), Bytes(subject)},
      {Value::String("Version"), Value::Int(version)},
      {Value::String("Signature"), Bytes(sig)},
      {Value::String("SignatureAlgorithm"), Value::Int(static_cast<int>(SignatureAlgorithmFromAi(sig_ai)))},
      {Value::String("PublicKeyAlgorithm"), Value::Int(static_cast<int>(pk.algorithm))},
      {Value::String("PublicKey"), pk.json},
      {Value::String("Subject"), NameToJson(name)},
      {Value::String("Attributes"), ParseAttributes(attrs)},
      {Value::String("Extensions"), exts.empty() ? Value::Null() : Value::Array(std::move(exts))},
      {Value::String("ExtraExtensions"), Value::Null()},
      {Value::String("DNSNames"), strings(as_cert.dns_names)},
      {Value::String("EmailAddresses"), strings(as_cert.email_addresses)},
      {Value::String("IPAddresses"), strings(ips)},
      {Value::String("URIs"), uris.empty() ? Value::Null() : Value::Array(std::move(uris))},
  });
}

}  // namespace golden::rego::x509
