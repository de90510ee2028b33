// yaml.marshal, yaml.unmarshal and yaml.is_valid (OPA's topdown/encoding.go, through
// sigs.k8s.io/yaml). Reading uses the project's YAML reader in its go-yaml v2 mode (ParseGoYaml);
// writing uses the go-yaml style emitter in yaml_emitter.cc.

#include <algorithm>

#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"
#include "rego/builtins/yaml_emitter.h"
#include "value/yaml.h"

namespace golden::rego {

namespace {

const std::vector<std::string> kEncodingCategory = {"encoding"};

std::string Marshal(const Value& v) { return EmitGoYaml(v); }

// OPA's message: sigs.k8s.io/yaml prefixes every failure with "error converting YAML to JSON: ";
// parse errors read "yaml: line N: <problem>" as go-yaml reports them (the reader's libyaml
// words problems as go-yaml, its port, does).
std::string YamlError(std::string_view text, const Status& status) {
  static constexpr std::string_view kPrefix = "error converting YAML to JSON: ";
  std::string message = status.message();
  if (!message.starts_with("YAML: ")) return std::string(kPrefix) + message;
  message.erase(0, 6);
  int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  int line = status.where() && status.where()->line > 0 ? std::min(status.where()->line, lines) : 1;
  return std::string(kPrefix) + "yaml: line " + std::to_string(line) + ": " + message;
}

BuiltinResult Unmarshal(std::string_view text) {
  Result<Value> v = ParseGoYaml(text);
  if (!v.ok()) return BuiltinResult::Error(YamlError(text, v.status()));
  return std::move(v).value();
}

bool IsValid(const Value& v) { return v.IsString() && ParseGoYaml(v.GetString()).ok(); }

}  // namespace

Status RegisterYamlBuiltins(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kYamlIsValid,
                                     .args = {t::String()},
                                     .result = t::Boolean(),
                                     .categories = kEncodingCategory,
                                     .check_arg_types = false,  // false for non-strings
                                     .fn = Adapt<&IsValid>()}));
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kYamlMarshal,
                                     .args = {t::Any()},
                                     .result = t::String(),
                                     .categories = kEncodingCategory,
                                     .fn = Adapt<&Marshal>()}));
  return r.Register({.name = builtins::kYamlUnmarshal,
                     .args = {t::String()},
                     .result = t::Any(),
                     .categories = kEncodingCategory,
                     .fn = Adapt<&Unmarshal>()});
}

}  // namespace golden::rego
