#include "rego/builtins/registry.h"

namespace golden::rego {

// Each OPA namespace lives in its own file and contributes one Register*Builtins function.
// Keep both lists sorted.
Status RegisterAggregateBuiltins(Registry& registry);
Status RegisterArrayBuiltins(Registry& registry);
Status RegisterBitsBuiltins(Registry& registry);
Status RegisterCastBuiltins(Registry& registry);
Status RegisterCryptoHashBuiltins(Registry& registry);
Status RegisterCryptoX509Builtins(Registry& registry);
Status RegisterEncodingBuiltins(Registry& registry);
Status RegisterGlobBuiltins(Registry& registry);
Status RegisterGraphBuiltins(Registry& registry);
Status RegisterGraphqlBuiltins(Registry& registry);
Status RegisterHttpBuiltins(Registry& registry);
Status RegisterJsonBuiltins(Registry& registry);
Status RegisterJsonPatchBuiltins(Registry& registry);
Status RegisterJsonSchemaBuiltins(Registry& registry);
Status RegisterJwtBuiltins(Registry& registry);
Status RegisterJwtSignBuiltins(Registry& registry);
Status RegisterNetCidrBuiltins(Registry& registry);
Status RegisterNetLookupBuiltins(Registry& registry);
Status RegisterNumberBuiltins(Registry& registry);
Status RegisterObjectBuiltins(Registry& registry);
Status RegisterOpaBuiltins(Registry& registry);
Status RegisterOperatorBuiltins(Registry& registry);
Status RegisterPrintBuiltins(Registry& registry);
Status RegisterProvidersBuiltins(Registry& registry);
Status RegisterRandBuiltins(Registry& registry);
Status RegisterRegexBuiltins(Registry& registry);
Status RegisterRegexGlobsBuiltins(Registry& registry);
Status RegisterRegoBuiltins(Registry& registry);
Status RegisterSemverBuiltins(Registry& registry);
Status RegisterSetBuiltins(Registry& registry);
Status RegisterStringBuiltins(Registry& registry);
Status RegisterStringFormatBuiltins(Registry& registry);
Status RegisterTimeBuiltins(Registry& registry);
Status RegisterTypeBuiltins(Registry& registry);
Status RegisterUnitsBuiltins(Registry& registry);
Status RegisterUuidBuiltins(Registry& registry);
Status RegisterWalkBuiltins(Registry& registry);
Status RegisterYamlBuiltins(Registry& registry);

Status RegisterAllBuiltins(Registry& registry) {
  GOLDEN_RETURN_IF_ERROR(RegisterAggregateBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterArrayBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterBitsBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterCastBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterCryptoHashBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterCryptoX509Builtins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterEncodingBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterGlobBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterGraphBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterGraphqlBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterHttpBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterJsonBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterJsonPatchBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterJsonSchemaBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterJwtBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterJwtSignBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterNetCidrBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterNetLookupBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterNumberBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterObjectBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterOpaBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterOperatorBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterPrintBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterProvidersBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterRandBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterRegexBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterRegexGlobsBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterRegoBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterSemverBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterSetBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterStringBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterStringFormatBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterTimeBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterTypeBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterUnitsBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterUuidBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterWalkBuiltins(registry));
  GOLDEN_RETURN_IF_ERROR(RegisterYamlBuiltins(registry));
  return Status::Ok();
}

}  // namespace golden::rego
