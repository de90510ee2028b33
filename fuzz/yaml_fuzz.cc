// libFuzzer target: the YAML reader (single documents and streams).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "value/json.h"
#include "value/yaml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  golden::Result<golden::Value> v = golden::ParseYaml(text, "fuzz.yaml");
  if (v.ok()) (void)golden::ToJson(*v);
  (void)golden::ParseYamlStream(text, "fuzz.yaml");
  return 0;
}
