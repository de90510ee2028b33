#pragma once

#include <string_view>

#include "base/status.h"
#include "value/value.h"

namespace golden::rego::x509 {

/// Go's x509.ParseCertificateRequest (PKCS #10 DER), as the JSON of x509.CertificateRequest.
Result<Value> ParseCertificateRequestJson(std::string_view der);

}  // namespace golden::rego::x509
