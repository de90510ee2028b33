// libFuzzer target: the Rego parser on arbitrary text. The first byte picks v0 or v1 and
// whether METADATA comments are parsed; the rest is the module. Any input must give a module
// or rego_parse_error diagnostics, never a crash or a hang (deep nesting is bounded by the
// parser's depth limit).

#include <cstddef>
#include <cstdint>
#include <string>

#include "rego/syntax/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  using namespace golden::rego;
  ParseOptions options;
  options.version = (data[0] & 1) != 0 ? RegoVersion::kV0 : RegoVersion::kV1;
  options.process_annotations = (data[0] & 2) == 0;
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  Arena arena;
  uint32_t id = arena.sources().Add("fuzz.rego", text);
  ErrorList errors;
  if ((data[0] & 4) != 0) {
    (void)ParseQuery(arena, id, options, &errors);
  } else if (Module* m = ParseModule(arena, id, options, &errors)) {
    for (const Rule* r : m->rules) {
      for (const Expr* e : r->body) (void)ExprToString(e);
    }
  }
  for (const Error& e : errors.errors()) (void)arena.sources().Locate(e.span);
  return 0;
}
