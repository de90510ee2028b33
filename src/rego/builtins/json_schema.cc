// json.verify_schema and json.match_schema (OPA's topdown/jsonschema.go), on the
// gojsonschema-compatible validator of json_schema_validator.h.

#include "rego/builtins/json_schema.h"

#include "rego/builtins/json_schema_validator.h"
#include "rego/builtins/registry.h"
#include "value/json.h"

namespace golden::rego {

namespace {

constexpr char kJsonVerifySchema[] = "json.verify_schema";
constexpr char kJsonMatchSchema[] = "json.match_schema";

// OPA's astValueToJSONSchemaLoader: JSON text, or an object or array used as is.
Result<Value> ToJsonDocument(const Value& v) {
  if (v.IsString()) {
    auto parsed = ParseJson(v.GetString());
    if (!parsed.ok()) return InvalidArgument("invalid JSON string");
    return *parsed;
  }
  if (v.IsObject() || v.IsArray()) return v;
  return InvalidArgument("wrong type, expected string or object");
}

// Compiled schemas are kept in the shared cache, keyed by their JSON text.
Result<std::shared_ptr<const jsonschema::Schema>> CompiledSchema(BuiltinContext& ctx,
                                                                  const Value& schema) {
  if (ctx.shared == nullptr) return jsonschema::Schema::Compile(schema);
  struct Entry {
    std::shared_ptr<const jsonschema::Schema> schema;
    Status status;
  };
  auto cached = ctx.shared->GetOrCreate("jsonschema:" + ToJson(schema), [&] {
    auto compiled = jsonschema::Schema::Compile(schema);
    auto e = std::make_shared<Entry>();
    if (compiled.ok()) {
      e->schema = *compiled;
    } else {
      e->status = compiled.status();
    }
    return std::shared_ptr<const void>(e);
  });
  const auto* entry = static_cast<const Entry*>(cached.get());
  if (!entry->status.ok()) return entry->status;
  return entry->schema;
}

BuiltinResult VerifySchema(BuiltinContext& ctx, std::span<const Value> args) {
  auto fail = [](const Status& s) {
    return Value::Array({Value::Bool(false), Value::String("jsonschema: " + s.message())});
  };
  auto doc = ToJsonDocument(args[0]);
  if (!doc.ok()) return fail(doc.status());
  auto schema = CompiledSchema(ctx, *doc);
  if (!schema.ok()) return fail(schema.status());
  return Value::Array({Value::Bool(true), Value::Null()});
}

BuiltinResult MatchSchema(BuiltinContext& ctx, std::span<const Value> args) {
  auto doc = ToJsonDocument(args[0]);
  if (!doc.ok()) return BuiltinResult::Error(doc.status().message());
  auto schema_doc = ToJsonDocument(args[1]);
  if (!schema_doc.ok()) return BuiltinResult::Error(schema_doc.status().message());
  auto schema = CompiledSchema(ctx, *schema_doc);
  if (!schema.ok()) return BuiltinResult::Error(schema.status().message());
  std::vector<Value> errors;
  for (const auto& e : (*schema)->Validate(*doc)) {
    errors.push_back(Value::Object({{Value::String("error"), Value::String(e.ToString())},
                                    {Value::String("type"), Value::String(e.type)},
                                    {Value::String("field"), Value::String(e.field)},
                                    {Value::String("desc"), Value::String(e.description)}}));
  }
  const bool valid = errors.empty();
  return Value::Array({Value::Bool(valid), Value::Array(std::move(errors))});
}

TypePtr StringOrObject(std::string name, std::string doc) {
  return t::Named(t::AnyOf({t::String(), t::ObjectOf(t::Any(), t::Any())}), std::move(name),
                  std::move(doc));
}

}  // namespace

Status RegisterJsonSchemaBuiltins(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kJsonVerifySchema,
      .args = {StringOrObject("schema", "the schema to verify")},
      .result = t::Named(t::ArrayStatic({t::Boolean(), t::AnyOf({t::String(), t::Null()})}),
                         "output",
                         "`output` is of the form `[valid, error]`. If the schema is valid, then "
                         "`valid` is `true`, and `error` is `null`. Otherwise, `valid` is `false` "
                         "and `error` is a string describing the error."),
      .categories = {"object"},
      .description = "Checks that the input is a valid JSON schema object. The schema can be "
                     "either a JSON string or an JSON object.",
      // Other kinds give [false, "jsonschema: wrong type, ..."], as in OPA.
      .check_arg_types = false,
      .fn = VerifySchema,
  }));
  const TypePtr error_object = t::ObjectStatic({{"desc", t::String()},
                                                {"error", t::String()},
                                                {"field", t::String()},
                                                {"type", t::String()}});
  return r.Register({
      .name = kJsonMatchSchema,
      .args = {StringOrObject("document", "document to verify by schema"),
               StringOrObject("schema", "schema to verify document by")},
      .result = t::Named(t::ArrayStatic({t::Boolean(), t::ArrayOf(error_object)}), "output",
                         "`output` is of the form `[match, errors]`. If the document is valid "
                         "given the schema, then `match` is `true`, and `errors` is an empty "
                         "array. Otherwise, `match` is `false` and `errors` is an array of "
                         "objects describing the error(s)."),
      .categories = {"object"},
      .description = "Checks that the document matches the JSON schema.",
      .check_arg_types = false,
      .fn = MatchSchema,
  });
}

}  // namespace golden::rego
