#pragma once

// YAML output as OPA's yaml.marshal produces it: OPA converts the value to JSON and hands it to
// sigs.k8s.io/yaml, which re-reads the JSON with go-yaml v2 (so numbers become Go ints and
// floats) and writes it with go-yaml v2's emitter: block style, keys in go-yaml's natural
// order, sequences inside mappings not indented, strings plain when that reads back the same
// and quoted otherwise, multi-line strings as literal blocks, long lines folded at 80 columns.

#include <string>

#include "value/value.h"

namespace golden::rego {

/// The YAML document for `v` (sets as sequences, object keys as strings), ending in a newline.
std::string EmitGoYaml(const Value& v);

}  // namespace golden::rego
