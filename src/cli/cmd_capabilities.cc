#include "cli/cmd_capabilities.h"

#include <cstdio>

#include "cli/commands.h"
#include "rego/builtins/registry.h"
#include "value/json.h"

namespace golden::cli {

namespace {

constexpr char kUsage[] =
    "usage: golden capabilities [--compact]\n"
    "\n"
    "Prints the builtins and language features golden's Rego engine supports, as OPA's\n"
    "capabilities.json document (for `opa check --capabilities` and editors).\n"
    "\n"
    "options:\n"
    "  --compact   print the document on one line\n";

}  // namespace

Result<std::string> FormatCapabilities(bool compact) {
  rego::Registry registry;
  GOLDEN_RETURN_IF_ERROR(rego::RegisterAllBuiltins(registry));
  std::vector<std::string> features(std::begin(kLanguageFeatures), std::end(kLanguageFeatures));
  JsonStyle style;
  style.indent = compact ? 0 : 2;
  return ToJson(registry.CapabilitiesJson(features), style) + "\n";
}

int RunCapabilities(const GlobalOptions&, std::span<const std::string> args) {
  bool compact = false;
  for (const std::string& arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    }
    if (arg == "--compact") {
      compact = true;
      continue;
    }
    std::fprintf(stderr, "golden capabilities: unknown option '%s'\n\n%s", arg.c_str(), kUsage);
    return kExitUsage;
  }
  Result<std::string> text = FormatCapabilities(compact);
  if (!text.ok()) {
    std::fprintf(stderr, "golden capabilities: %s\n", text.status().ToString().c_str());
    return kExitInternal;
  }
  if (std::fwrite(text->data(), 1, text->size(), stdout) != text->size() ||
      std::fflush(stdout) != 0) {
    std::fprintf(stderr, "golden capabilities: cannot write the output\n");
    return kExitInternal;
  }
  return kExitOk;
}

}  // namespace golden::cli
