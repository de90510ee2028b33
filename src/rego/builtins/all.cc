#include "rego/builtins/registry.h"

namespace golden::rego {

// Each OPA namespace lives in its own file and contributes one Register*Builtins function.
Status RegisterTypeBuiltins(Registry& registry);

// Keep this list sorted.
Status RegisterAllBuiltins(Registry& registry) {
  GOLDEN_RETURN_IF_ERROR(RegisterTypeBuiltins(registry));
  return Status::Ok();
}

}  // namespace golden::rego
