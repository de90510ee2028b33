#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "value/json.h"
#include "value/value.h"

namespace golden {

/// The line of one node of a parsed YAML document, by JSON pointer ("/jobs/build/steps/0").
struct YamlLine {
  std::string pointer;
  int line = 0;
};

/// Parses a YAML document into a Value, typing plain scalars as YAML 1.1 does (PyYAML's
/// safe loader, and OPA's yaml via go-yaml v2): yes/no/on/off are booleans, 017 is octal,
/// 1_000 is 1000, 1:30 is 90, ~ is null. Timestamps stay strings. Merge keys (<<) are
/// applied; aliases share the anchored value. Mapping keys become strings (a boolean key
/// `on:` becomes "true", as in OPA). An empty document is null; more than one document is
/// an error. Errors carry `filename`, line and column.
/// When `lines` is given, it receives the line of every mapping entry and sequence item.
Result<Value> ParseYaml(std::string_view text, std::string_view filename = {},
                        const ReadLimits& limits = {}, std::vector<YamlLine>* lines = nullptr);

/// Parses the first document of `text` as OPA's yaml.unmarshal reads YAML: go-yaml v2's typing
/// (resolve.go) and sigs.k8s.io/yaml's conversion to JSON. Unlike ParseYaml: y/Y/n/N are
/// booleans too; integers use Go's syntax (0x1F, 0o17, 017, 0b101, no sexagesimal); floats
/// need no dot (1e3), and decimal integers beyond 64 bits become floats; keys that are null,
/// collections or unsigned beyond int64 are errors, float keys print as Go's float32 'g';
/// .inf and .nan values are errors; later documents are not read. Parse errors read
/// "YAML: ..." with a location; conversion errors carry go-yaml / encoding/json's wording.
Result<Value> ParseGoYaml(std::string_view text, const ReadLimits& limits = {});

/// True when go-yaml v2 reads the untagged plain scalar `s` as a string (resolve.go answers
/// !!str): not a boolean, null, number, timestamp or the merge key "<<".
bool GoYamlPlainIsString(std::string_view s);

/// Parses every document of a YAML stream ("---" separated).
Result<std::vector<Value>> ParseYamlStream(std::string_view text, std::string_view filename = {},
                                           const ReadLimits& limits = {});

/// The YAML 1.1 value of an untagged plain scalar (exposed for tests).
Value ResolveYamlScalar(std::string_view text);

}  // namespace golden
