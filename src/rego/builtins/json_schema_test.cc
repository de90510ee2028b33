#include "rego/builtins/json_schema.h"

#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_helper.h"

namespace golden::rego {
namespace {

using testing::BuiltinHarness;
using testing::J;
using testing::S;

class JsonSchema : public ::testing::Test {
 protected:
  // The errors of matching `doc` against `schema`, as "type|field|desc" lines.
  std::vector<std::string> Errors(std::string_view doc, std::string_view schema) {
    Value r = h.Ok("json.match_schema", {J(doc), J(schema)});
    std::vector<std::string> out;
    if (!r.IsArray()) return {"<call failed>"};
    for (const Value& e : r.GetArray()[1].GetArray()) {
      out.push_back(std::string(e.Find("type")->GetString()) + "|" +
                    std::string(e.Find("field")->GetString()) + "|" +
                    std::string(e.Find("desc")->GetString()));
      EXPECT_EQ(e.Find("error")->GetString(),
                std::string(e.Find("field")->GetString()) + ": " +
                    std::string(e.Find("desc")->GetString()));
    }
    EXPECT_EQ(r.GetArray()[0], Value::Bool(out.empty()));
    return out;
  }
  BuiltinHarness h{RegisterJsonSchemaBuiltins};
};

using V = std::vector<std::string>;

TEST_F(JsonSchema, MatchesAndReportsLikeGojsonschema) {
  const char* schema = R"({"type": "object", "properties": {
      "id": {"type": "string", "minLength": 2, "pattern": "^[a-z]+$"},
      "n": {"type": "integer", "minimum": 0, "maximum": 10},
      "tags": {"type": "array", "items": {"enum": ["a", "b"]}, "uniqueItems": true, "maxItems": 3}},
      "required": ["id", "n"], "additionalProperties": false})";
  EXPECT_EQ(Errors(R"({"id": "ab", "n": 3, "tags": ["a"]})", schema), V{});
  EXPECT_EQ(Errors(R"({"n": 3})", schema), V{"required|(root)|id is required"});
  EXPECT_EQ(Errors(R"({"id": "A", "n": 11, "x": 1})", schema),
            (V{"additional_property_not_allowed|(root)|Additional property x is not allowed",
               "string_gte|id|String length must be greater than or equal to 2",
               "pattern|id|Does not match pattern '^[a-z]+$'",
               "number_lte|n|Must be less than or equal to 10"}));
  EXPECT_EQ(Errors(R"({"id": "ab", "n": 1.5})", schema),
            V{"invalid_type|n|Invalid type. Expected: integer, given: number"});
  EXPECT_EQ(Errors(R"({"id": "ab", "n": 1, "tags": ["a", "c", "a", "b"]})", schema),
            (V{"enum|tags.1|tags.1 must be one of the following: \"a\", \"b\"",
               "array_max_items|tags|Array must have at most 3 items",
               "unique|tags|array items[0,2] must be unique"}));
  // A string document is JSON text: "\"text\"" is the JSON string "text".
  EXPECT_EQ(Errors(R"("\"text\"")", schema),
            V{"invalid_type|(root)|Invalid type. Expected: object, given: string"});
  EXPECT_EQ(Errors(R"("5")", schema),
            V{"invalid_type|(root)|Invalid type. Expected: object, given: integer"});
}

TEST_F(JsonSchema, NumbersAndFormats) {
  EXPECT_EQ(Errors(R"("7")", R"({"multipleOf": 0.5})"), V{});
  EXPECT_EQ(Errors(R"("0.3")", R"({"multipleOf": 0.1})"), V{});  // exact, not float
  EXPECT_EQ(Errors(R"("7.25")", R"({"multipleOf": 0.5})"), V{"multiple_of|(root)|Must be a multiple of 0.5"});
  EXPECT_EQ(Errors(R"("5")", R"({"exclusiveMinimum": 5})"), V{"number_gt|(root)|Must be greater than 5"});
  EXPECT_EQ(Errors(R"("5")", R"({"minimum": 5, "exclusiveMinimum": true})"),
            V{"number_gt|(root)|Must be greater than 5"});
  EXPECT_EQ(Errors(R"("1000001")", R"({"maximum": 1000000})"),
            V{"number_lte|(root)|Must be less than or equal to 1000000"});
  EXPECT_EQ(Errors(R"("\"2020-02-30T00:00:00Z\"")", R"({"format": "date-time"})"),
            V{"format|(root)|Does not match format 'date-time'"});
  EXPECT_EQ(Errors(R"("\"2020-02-29T10:00:00+01:00\"")", R"({"format": "date-time"})"), V{});
  EXPECT_EQ(Errors(R"("\"10.0.0.1\"")", R"({"format": "ipv4"})"), V{});
  EXPECT_EQ(Errors(R"("\"::1\"")", R"({"format": "ipv4"})"),
            V{"format|(root)|Does not match format 'ipv4'"});
  EXPECT_EQ(Errors(R"("\"not a uri\"")", R"({"format": "uri"})"),
            V{"format|(root)|Does not match format 'uri'"});
  EXPECT_EQ(Errors(R"("\"anything\"")", R"({"format": "made-up"})"), V{});
  // Runes, not bytes.
  EXPECT_EQ(Errors(R"("\"ééé\"")", R"({"maxLength": 3})"), V{});
}

TEST_F(JsonSchema, CombinatorsRefsAndConditions) {
  const char* schema = R"({"definitions": {"pos": {"type": "integer", "minimum": 1}},
      "anyOf": [{"$ref": "#/definitions/pos"}, {"type": "string"}]})";
  EXPECT_EQ(Errors(R"("3")", schema), V{});
  EXPECT_EQ(Errors(R"("\"x\"")", schema), V{});
  EXPECT_EQ(Errors(R"("0")", schema), (V{"number_any_of|(root)|Must validate at least one schema (anyOf)",
                                    "number_gte|(root)|Must be greater than or equal to 1"}));
  EXPECT_EQ(Errors(R"("1")", R"({"oneOf": [{"type": "integer"}, {"minimum": 0}]})"),
            V{"number_one_of|(root)|Must validate one and only one schema (oneOf)"});
  EXPECT_EQ(Errors(R"("1")", R"({"not": {"type": "integer"}})"),
            V{"number_not|(root)|Must not validate the schema (not)"});
  EXPECT_EQ(Errors(R"({"a": 1})", R"({"dependencies": {"a": ["b"]}})"),
            V{"missing_dependency|(root)|Has a dependency on b"});
  const char* cond = R"({"if": {"properties": {"k": {"const": "x"}}},
                         "then": {"required": ["v"]}, "else": {"required": ["w"]}})";
  EXPECT_EQ(Errors(R"({"k": "x"})", cond),
            (V{"condition_then|(root)|Must validate \"then\" as \"if\" was valid",
               "required|(root)|v is required"}));
  EXPECT_EQ(Errors(R"({"k": "y"})", cond),
            (V{"condition_else|(root)|Must validate \"else\" as \"if\" was not valid",
               "required|(root)|w is required"}));
  EXPECT_EQ(Errors(R"({"a": {"a": {"a": 5}}})",
                   R"({"properties": {"a": {"anyOf": [{"$ref": "#"}, {"type": "integer", "maximum": 1}]}}})"),
            V{});
  EXPECT_EQ(Errors(R"([1, 2])", R"({"contains": {"const": 3}})").front(),
            "contains|(root)|At least one of the items must match");
  EXPECT_EQ(Errors(R"({"Ab": 1})", R"({"propertyNames": {"pattern": "^[a-z]+$"}})").front(),
            "invalid_property_name|(root)|Property name of \"Ab\" does not match");
  EXPECT_EQ(Errors(R"({"x1": "s", "y": 2})",
                   R"({"patternProperties": {"^x": {"type": "string"}}, "additionalProperties": {"type": "string"}})"),
            V{"invalid_type|y|Invalid type. Expected: string, given: integer"});
  EXPECT_EQ(Errors(R"([1, "a", 2])", R"({"items": [{"type": "integer"}], "additionalItems": false})"),
            V{"array_no_additional_items|(root)|No additional items allowed on array"});
  EXPECT_EQ(Errors(R"("1")", R"("false")"), V{"false|(root)|False always fails validation"});
}

TEST_F(JsonSchema, DocumentsAndSchemasAsText) {
  EXPECT_EQ(h.Ok("json.match_schema", {S(R"({"a": 1})"), S(R"({"type": "object"})")}),
            J("[true, []]"));
  EXPECT_EQ(h.Err("json.match_schema", {S("{bad"), S(R"({"type": "object"})")}), "invalid JSON string");
  EXPECT_EQ(h.Err("json.match_schema", {Value::Int(1), S(R"({"type": "object"})")}),
            "wrong type, expected string or object");
  // Sets in documents are arrays, as OPA converts them.
  EXPECT_EQ(h.Ok("json.match_schema", {J(R"({"s": {1, 2}})"),
                                       J(R"({"properties": {"s": {"type": "array"}}})")}),
            J("[true, []]"));
}

TEST_F(JsonSchema, VerifySchema) {
  EXPECT_EQ(h.Ok("json.verify_schema", {J(R"({"type": "string"})")}), J("[true, null]"));
  EXPECT_EQ(h.Ok("json.verify_schema", {S(R"({"type": "string"})")}), J("[true, null]"));
  auto bad = [&](const Value& s) {
    Value r = h.Ok("json.verify_schema", {s});
    EXPECT_EQ(r.GetArray()[0], Value::Bool(false));
    return std::string(r.GetArray()[1].GetString());
  };
  EXPECT_EQ(bad(S("{")), "jsonschema: invalid JSON string");
  EXPECT_EQ(bad(Value::Int(1)), "jsonschema: wrong type, expected string or object");
  EXPECT_EQ(bad(J(R"({"type": "strng"})")).substr(0, 56),
            "jsonschema: has a primitive type that is NOT VALID -- gi");
  EXPECT_EQ(bad(J(R"({"minLength": "3"})")), "jsonschema: Invalid type. Expected: integer, given: minLength");
  EXPECT_EQ(bad(J(R"({"minItems": -1})")), "jsonschema: minItems must be greater than or equal to 0");
  EXPECT_EQ(bad(J(R"({"pattern": "(unclosed"})")), "jsonschema: Invalid regex pattern '(unclosed'");
  EXPECT_EQ(bad(J(R"({"properties": {"a": {"$ref": "#/definitions/missing"}}})")).substr(0, 51),
            "jsonschema: $ref #/definitions/missing does not res");
  EXPECT_EQ(bad(J(R"({"$ref": "https://example.com/schema.json"})")).substr(0, 24),
            "jsonschema: $ref https:/");
  EXPECT_EQ(bad(J(R"({"multipleOf": 0})")), "jsonschema: multipleOf must be strictly greater than 0");
  EXPECT_EQ(h.Err("json.match_schema", {J("{}"), J(R"({"enum": [1, 1]})")}), "enum items must be unique");
}

// RE2 keeps pattern matching linear: a classic catastrophic-backtracking pattern on a long
// input finishes at once (a backtracking engine would not return).
TEST_F(JsonSchema, PatternsAreLinearTime) {
  // The document is JSON text holding a long string.
  std::string doc = "\"\\\"" + std::string(50000, 'a') + "!\\\"\"";
  EXPECT_EQ(Errors(doc, R"({"pattern": "^(a+)+$"})").size(), 1u);
}

}  // namespace
}  // namespace golden::rego
