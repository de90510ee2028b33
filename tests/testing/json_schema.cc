#include "testing/json_schema.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "testing/temp_dir.h"

namespace golden::testing {

namespace fs = std::filesystem;

struct JsonSchema::Impl {
  valijson::Schema schema;
};

namespace {

// "N#X" -> "N#/definitions/X" and "#X" -> "#/definitions/X" for every $ref.
void RewritePlainNameRefs(nlohmann::json& node) {
  if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (it.key() == "$ref" && it.value().is_string()) {
        std::string ref = it.value().get<std::string>();
        size_t hash = ref.find('#');
        if (hash != std::string::npos && hash + 1 < ref.size() && ref[hash + 1] != '/') {
          it.value() = ref.substr(0, hash + 1) + "/definitions/" + ref.substr(hash + 1);
        }
      } else {
        RewritePlainNameRefs(it.value());
      }
    }
  } else if (node.is_array()) {
    for (auto& item : node) RewritePlainNameRefs(item);
  }
}

std::unique_ptr<nlohmann::json> LoadJson(const fs::path& file) {
  if (!fs::exists(file)) return nullptr;
  auto doc = std::make_unique<nlohmann::json>(nlohmann::json::parse(ReadFileOrDie(file)));
  RewritePlainNameRefs(*doc);
  return doc;
}

}  // namespace

JsonSchema::JsonSchema(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
JsonSchema::~JsonSchema() = default;

std::unique_ptr<JsonSchema> JsonSchema::Load(const fs::path& file, Draft draft) {
  auto impl = std::make_unique<Impl>();
  try {
    std::unique_ptr<nlohmann::json> root = LoadJson(file);
    if (!root) {
      ADD_FAILURE() << "no schema at " << file;
      return nullptr;
    }
    fs::path dir = file.parent_path();
    // The documents fetched for $refs, kept until parsing ends.
    std::map<std::string, std::unique_ptr<nlohmann::json>> fetched;
    auto fetch = [&](const std::string& uri) -> const nlohmann::json* {
      for (const fs::path& candidate : {dir / (uri + ".schema.json"), dir / uri}) {
        if (auto doc = LoadJson(candidate)) return (fetched[uri] = std::move(doc)).get();
      }
      return nullptr;
    };
    valijson::SchemaParser parser(draft == Draft::k4 ? valijson::SchemaParser::kDraft4
                                                     : valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(*root);
    parser.populateSchema(adapter, impl->schema, fetch, [](const nlohmann::json*) {});
  } catch (const std::exception& e) {
    ADD_FAILURE() << "cannot load the schema " << file << ": " << e.what();
    return nullptr;
  }
  return std::unique_ptr<JsonSchema>(new JsonSchema(std::move(impl)));
}

std::vector<std::string> JsonSchema::Validate(std::string_view json) const {
  std::vector<std::string> errors;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json);
  } catch (const std::exception& e) {
    return {std::string("not JSON: ") + e.what()};
  }
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(doc);
  if (validator.validate(impl_->schema, adapter, &results)) return errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    std::string path;
    for (const std::string& part : error.context) path += part;
    errors.push_back(path + ": " + error.description);
  }
  if (errors.empty()) errors.push_back("invalid (valijson gave no reason)");
  return errors;
}

}  // namespace golden::testing
