#include "rego/builtins/crypto.h"
#include "rego/builtins/jwt.h"
#include "rego/builtins/net.h"
#include "rego/builtins/providers.h"
#include "rego/builtins/registry.h"
#include "rego/builtins/runtime.h"
#include "rego/builtins/time.h"
#include "rego/builtins/uuid.h"

namespace golden::rego {

// Each OPA namespace lives in its own file and contributes one Register*Builtins function.
// Keep this list sorted.
Status RegisterAllBuiltins(Registry& registry) {
  GOLDEN_RETURN_IF_ERROR(RegisterCryptoHashBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterCryptoX509Builtins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterHttpBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterJwtBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterJwtSignBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterNetCidrBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterNetLookupBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterOpaBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterProvidersBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterRandBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterTimeBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterUuidBuiltins(registry));
  return Status::Ok();
}

}  // namespace golden::rego
