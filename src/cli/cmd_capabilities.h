#pragma once

#include <string>

#include "base/status.h"

namespace golden::cli {

/// The language features `golden capabilities` reports (OPA's capabilities "features").
inline constexpr const char* kLanguageFeatures[] = {"keywords_in_refs", "rego_v1",
                                                    "template_strings"};

/// The capabilities document golden's engine supports, in the shape of OPA's
/// capabilities.json: every builtin with its declaration, then the language features. Pretty
/// printed with two-space indentation (as `opa capabilities` prints), or on one line.
Result<std::string> FormatCapabilities(bool compact);

}  // namespace golden::cli
