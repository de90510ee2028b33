#pragma once

// JSON Schema validation of golden's outputs in tests (valijson).

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace golden::testing {

/// A JSON Schema loaded for tests. `$ref`s to other documents ("Entity", "common#relation")
/// load `<name>.schema.json` (or `<name>`) from the schema's folder, and plain-name fragments
/// ("#relation") are rewritten in memory to JSON pointers ("#/definitions/relation"), which
/// valijson 1.0 cannot resolve (../shared/schemas/README.md explains).
class JsonSchema {
 public:
  enum class Draft { k4, k7 };

  /// Loads `file`; on failure the test fails and the result is null.
  static std::unique_ptr<JsonSchema> Load(const std::filesystem::path& file,
                                          Draft draft = Draft::k7);
  ~JsonSchema();

  /// The errors of the JSON document `json` ("<path>: <message>"); empty when it is valid.
  std::vector<std::string> Validate(std::string_view json) const;

  struct Impl;

 private:
  explicit JsonSchema(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace golden::testing
