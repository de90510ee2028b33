// libFuzzer target: the JSON reader (and writing back what it read).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "value/json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  golden::Result<golden::Value> v = golden::ParseJson(text, "fuzz.json");
  if (v.ok()) (void)golden::ToJson(*v);
  return 0;
}
