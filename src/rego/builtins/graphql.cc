// graphql.* (OPA's topdown/graphql.go): GraphQL queries and schemas parsed and validated as
// gqlparser does, their ASTs returned as Go's JSON of gqlparser's structs (pruned of nulls,
// empty collections and positions), and AST objects accepted back in place of strings.

#include <memory>
#include <string>

#include "rego/builtins/graphql.h"
#include "rego/builtins/graphql_ast.h"
#include "rego/builtins/graphql_parser.h"
#include "rego/builtins/graphql_validator.h"
#include "rego/builtins/operands.h"
#include "rego/builtins/registry.h"

namespace golden::rego {

namespace {

constexpr char kGraphqlParse[] = "graphql.parse";
constexpr char kGraphqlParseAndVerify[] = "graphql.parse_and_verify";
constexpr char kGraphqlParseQuery[] = "graphql.parse_query";
constexpr char kGraphqlParseSchema[] = "graphql.parse_schema";
constexpr char kGraphqlIsValid[] = "graphql.is_valid";
constexpr char kGraphqlSchemaIsValid[] = "graphql.schema_is_valid";

// gqlerror.Error.Error() as OPA's copy of gqlparser writes it: "input:<line>:<col>: <message>".
std::string GqlErrorText(const gql::Error& e) {
  std::string out = "input";
  if (e.pos.has_value()) {
    out += ":" + std::to_string(e.pos->line) + ":" + std::to_string(e.pos->column);
  }
  return out + ": " + e.message;
}

// OPA's rewording of a gqlparser error: the text after "file:line:col:" (everything after the
// third colon of the error list's text, so a second error rides along), then the location.
std::string OpaMessage(const std::string& text, bool trim_period) {
  size_t a = text.find(':');
  size_t b = a == std::string::npos ? a : text.find(':', a + 1);
  size_t c = b == std::string::npos ? b : text.find(':', b + 1);
  if (c == std::string::npos) return text;  // (OPA would index out of range here)
  std::string msg = text.substr(c + 1);
  msg.erase(0, msg.find_first_not_of(' ') == std::string::npos ? msg.size()
                                                               : msg.find_first_not_of(' '));
  if (trim_period && msg.ends_with(".\n")) msg.resize(msg.size() - 2);
  return msg + " in GraphQL string at location " + text.substr(a + 1, b - a - 1) + ":" +
         text.substr(b + 1, c - b - 1);
}

std::string ParseErrorMessage(const gql::Error& e) { return OpaMessage(GqlErrorText(e), false); }

std::string ValidationErrorMessage(const std::vector<gql::Error>& errs) {
  std::string text;
  for (const auto& e : errs) text += GqlErrorText(e) + "\n";
  return OpaMessage(text, true);
}

template <typename Doc>
struct Loaded {
  std::shared_ptr<Doc> doc;
  std::string error;
};

Loaded<gql::QueryDocument> LoadQuery(const Value& v) {
  if (v.IsString()) {
    auto parsed = gql::ParseQuery(v.GetString());
    if (parsed.error) return {nullptr, ParseErrorMessage(*parsed.error)};
    return {parsed.doc, ""};
  }
  auto doc = gql::QueryDocumentFromValue(v);
  if (!doc.ok()) return {nullptr, std::string(doc.status().message())};
  return {*doc, ""};
}

Loaded<gql::SchemaDocument> LoadSchema(const Value& v) {
  if (v.IsString()) {
    auto parsed = gql::ParseSchema(v.GetString());
    if (parsed.error) return {nullptr, ParseErrorMessage(*parsed.error)};
    return {parsed.doc, ""};
  }
  auto doc = gql::SchemaDocumentFromValue(v);
  if (!doc.ok()) return {nullptr, std::string(doc.status().message())};
  return {*doc, ""};
}

// The two ASTs as OPA returns them, or the error OPA reports.
struct Checked {
  std::optional<Value> query, schema;
  std::string error;
};

Checked ParseAndValidate(const Value& query, const Value& schema) {
  auto q = LoadQuery(query);
  if (q.doc == nullptr) return {std::nullopt, std::nullopt, q.error};
  auto s = LoadSchema(schema);
  if (s.doc == nullptr) return {std::nullopt, std::nullopt, s.error};
  // The ASTs are taken before validation, which annotates and extends the documents.
  Value query_ast = gql::ToValue(*q.doc);
  Value schema_ast = gql::ToValue(*s.doc);
  auto converted = gql::ConvertSchema(*s.doc);
  if (converted.error) {
    return {std::nullopt, std::nullopt,
            "Error in gqlparser SchemaDocument to Schema conversion: " +
                GqlErrorText(*converted.error)};
  }
  auto errs = gql::Validate(*converted.schema, *q.doc);
  if (!errs.empty()) return {std::nullopt, std::nullopt, ValidationErrorMessage(errs)};
  return {std::move(query_ast), std::move(schema_ast), ""};
}

bool IsQueryOperand(const Value& v) { return v.IsString() || v.IsObject(); }

BuiltinResult Parse(BuiltinContext&, std::span<const Value> args) {
  if (!IsQueryOperand(args[0])) return OperandTypeError(0, args[0], {"string", "object"});
  if (!IsQueryOperand(args[1])) return OperandTypeError(1, args[1], {"string", "object"});
  Checked c = ParseAndValidate(args[0], args[1]);
  if (!c.query.has_value()) return BuiltinResult::Error(c.error);
  return Value::Array({std::move(*c.query), std::move(*c.schema)});
}

BuiltinResult ParseAndVerify(BuiltinContext&, std::span<const Value> args) {
  Value unverified = Value::Array({Value::Bool(false), Value::EmptyObject(), Value::EmptyObject()});
  if (!IsQueryOperand(args[0]) || !IsQueryOperand(args[1])) return unverified;
  Checked c = ParseAndValidate(args[0], args[1]);
  if (!c.query.has_value()) return unverified;
  return Value::Array({Value::Bool(true), std::move(*c.query), std::move(*c.schema)});
}

BuiltinResult ParseQuery(BuiltinContext&, std::span<const Value> args) {
  auto parsed = gql::ParseQuery(args[0].GetString());
  if (parsed.error) return BuiltinResult::Error(ParseErrorMessage(*parsed.error));
  return gql::ToValue(*parsed.doc);
}

BuiltinResult ParseSchema(BuiltinContext&, std::span<const Value> args) {
  auto parsed = gql::ParseSchema(args[0].GetString());
  if (parsed.error) return BuiltinResult::Error(ParseErrorMessage(*parsed.error));
  return gql::ToValue(*parsed.doc);
}

BuiltinResult IsValid(BuiltinContext&, std::span<const Value> args) {
  if (!IsQueryOperand(args[0]) || !IsQueryOperand(args[1])) return Value::Bool(false);
  auto q = LoadQuery(args[0]);
  if (q.doc == nullptr) return Value::Bool(false);
  auto s = LoadSchema(args[1]);
  if (s.doc == nullptr) return Value::Bool(false);
  auto converted = gql::ConvertSchema(*s.doc);
  if (converted.error) return Value::Bool(false);
  return Value::Bool(gql::Validate(*converted.schema, *q.doc).empty());
}

BuiltinResult SchemaIsValid(BuiltinContext&, std::span<const Value> args) {
  if (!IsQueryOperand(args[0])) return Value::Bool(false);
  auto s = LoadSchema(args[0]);
  if (s.doc == nullptr) return Value::Bool(false);
  return Value::Bool(!gql::ConvertSchema(*s.doc).error.has_value());
}

TypePtr StringOrObject(const char* name, const char* description) {
  return t::Named(t::AnyOf({t::String(), t::ObjectOf(t::Any(), t::Any())}), name, description);
}

TypePtr AnyObject() { return t::ObjectOf(t::Any(), t::Any()); }

}  // namespace

Status RegisterGraphqlBuiltins(Registry& r) {
  constexpr char kEither[] =
      " The query and/or schema can be either GraphQL strings or AST objects from the other "
      "GraphQL builtin functions.";
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kGraphqlParse,
      .args = {StringOrObject("query", "the GraphQL query"),
               StringOrObject("schema", "the GraphQL schema")},
      .result = t::Named(t::ArrayStatic({AnyObject(), AnyObject()}), "output",
                         "`output` is of the form `[query_ast, schema_ast]`. If the GraphQL query "
                         "is valid given the provided schema, then `query_ast` and `schema_ast` "
                         "are objects describing the ASTs for the query and schema."),
      .description = std::string("Returns AST objects for a given GraphQL query and schema after "
                                 "validating the query against the schema. Returns undefined if "
                                 "errors were encountered during parsing or validation.") +
                     kEither,
      .check_arg_types = false,  // OPA reports these itself (as operands 0 and 1)
      .fn = Parse,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kGraphqlParseAndVerify,
      .args = {StringOrObject("query", "the GraphQL query"),
               StringOrObject("schema", "the GraphQL schema")},
      .result = t::Named(t::ArrayStatic({t::Boolean(), AnyObject(), AnyObject()}), "output",
                         " `output` is of the form `[valid, query_ast, schema_ast]`. If the query "
                         "is valid given the provided schema, then `valid` is `true`, and "
                         "`query_ast` and `schema_ast` are objects describing the ASTs for the "
                         "GraphQL query and schema. Otherwise, `valid` is `false` and `query_ast` "
                         "and `schema_ast` are `{}`."),
      .description = std::string("Returns a boolean indicating success or failure alongside the "
                                 "parsed ASTs for a given GraphQL query and schema after "
                                 "validating the query against the schema.") +
                     kEither,
      .check_arg_types = false,  // any other operand is simply not valid
      .fn = ParseAndVerify,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kGraphqlParseQuery,
      .args = {t::Named(t::String(), "query", "the GraphQL query")},
      .result = t::Named(AnyObject(), "output", "AST object for the GraphQL query."),
      .description = "Returns an AST object for a GraphQL query.",
      .fn = ParseQuery,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kGraphqlParseSchema,
      .args = {t::Named(t::String(), "schema", "the GraphQL schema")},
      .result = t::Named(AnyObject(), "output", "AST object for the GraphQL schema."),
      .description = "Returns an AST object for a GraphQL schema.",
      .fn = ParseSchema,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kGraphqlIsValid,
      .args = {StringOrObject("query", "the GraphQL query"),
               StringOrObject("schema", "the GraphQL schema")},
      .result = t::Named(t::Boolean(), "output",
                         "`true` if the query is valid under the given schema. `false` otherwise."),
      .description = std::string("Checks that a GraphQL query is valid against a given schema.") +
                     kEither,
      .check_arg_types = false,  // any other operand is simply not valid
      .fn = IsValid,
  }));
  return r.Register({
      .name = kGraphqlSchemaIsValid,
      .args = {StringOrObject("schema", "the schema to verify")},
      .result = t::Named(t::Boolean(), "output",
                         "`true` if the schema is a valid GraphQL schema. `false` otherwise."),
      .description = "Checks that the input is a valid GraphQL schema. The schema can be either a "
                     "GraphQL string or an AST object from the other GraphQL builtin functions.",
      .check_arg_types = false,  // any other operand is simply not valid
      .fn = SchemaIsValid,
  });
}

}  // namespace golden::rego
