#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_helper.h"
#include "rego/builtins/graphql.h"
#include "rego/builtins/graphql_ast.h"
#include "rego/builtins/graphql_parser.h"
#include "rego/builtins/graphql_validator.h"
#include "value/json.h"

namespace golden::rego {
namespace {

using testing::BuiltinHarness;
using testing::J;
using testing::S;
using Kind = BuiltinResult::Kind;

// "message @line:col" of a query's first parse error ("" when it parses).
std::string QueryError(std::string_view q) {
  auto p = gql::ParseQuery(q);
  if (!p.error) return "";
  const auto& e = *p.error;
  return e.message + " @" + std::to_string(e.pos->line) + ":" + std::to_string(e.pos->column);
}

std::string SchemaError(std::string_view s) {
  auto p = gql::ParseSchema(s);
  if (!p.error) return "";
  const auto& e = *p.error;
  return e.message + " @" + std::to_string(e.pos->line) + ":" + std::to_string(e.pos->column);
}

// A lexical error reaches the parser as an Invalid token where it peeks next, so the parser's
// "Unexpected <Invalid>" (at the lexer's position) is what gqlparser reports.
TEST(GraphqlLexer, ErrorsAndPositions) {
  EXPECT_EQ(QueryError("{"), "Expected Name, found <EOF> @1:2");
  EXPECT_EQ(QueryError("{ a(x: \"open) }"), "Unexpected <Invalid> @1:16");
  EXPECT_EQ(QueryError("{ a(x: \"bad \\q\") }"), "Unexpected <Invalid> @1:14");
  EXPECT_EQ(QueryError("{ a(x: 012) }"), "Unexpected <Invalid> @1:9");
  EXPECT_EQ(QueryError("{ a(x: 1.) }"), "Unexpected <Invalid> @1:10");
  EXPECT_EQ(QueryError("{ a ? }"), "Expected Name, found <Invalid> @1:5");
  EXPECT_EQ(QueryError("{ a .. }"), "Expected Name, found <Invalid> @1:5");
  EXPECT_EQ(QueryError(std::string("{ a \x01 }")), "Expected Name, found <Invalid> @1:5");
  // Lines count \n, \r and \r\n; columns count runes; commas and a BOM are blank.
  EXPECT_EQ(QueryError("\xEF\xBB\xBF{\r\n  a,\r  b\n  \xC3\xBC: c d(}"),
            "Expected Name, found <Invalid> @4:3");
  EXPECT_EQ(QueryError("# comment \xC3\xBC\n{ a, \xC3\xBC }"),
            "Expected Name, found <Invalid> @2:6");
  EXPECT_EQ(QueryError("# comment \xC3\xBC\n{ a } }"), "Unexpected } @2:7");
  EXPECT_EQ(QueryError("{ a(x: \"\xC3\xBC\xC3\xBC\") b(y: \"\"\"\n\n  \"\"\") } }"),
            "Unexpected } @3:10");
}

TEST(GraphqlParser, QueryErrors) {
  EXPECT_EQ(QueryError("{ ...MissingOn }\nfragment MissingOn Type"),
            "Expected \"on\", found Name \"Type\" @2:20");
  EXPECT_EQ(QueryError("notanoperation Foo { field }"), "Unexpected Name \"notanoperation\" @1:1");
  EXPECT_EQ(QueryError("query Foo($x: Complex = { a: { b: [ $var ] } }) { field }"),
            "Unexpected $ @1:37");
  EXPECT_EQ(QueryError("fragment on on on { on }"), "Unexpected Name \"on\" @1:10");
  EXPECT_EQ(QueryError("{ ...on }"), "Expected Name, found } @1:9");
  EXPECT_EQ(QueryError("query { }"), "expected at least one definition, found } @1:9");
  EXPECT_EQ(QueryError("mutation Foo"), "Expected {, found <EOF> @1:13");
  EXPECT_EQ(QueryError(""), "");  // an empty document parses
}

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// OPA's parser has no nesting limit (Go stacks grow); golden's stops at 256 levels of selection
// sets, list/object values and list types, so deep input is an error, not a stack overflow.
TEST(GraphqlParser, DeepNestingIsAnErrorNotACrash) {
  EXPECT_EQ(QueryError("{" + Repeat("a{", 255) + "b" + Repeat("}", 256)), "");
  EXPECT_EQ(QueryError("{" + Repeat("a{", 256) + "b" + Repeat("}", 257)),
            "nesting deeper than 256 levels @1:513");  // the { that opens level 257
  EXPECT_EQ(QueryError("{" + Repeat("a{", 100000)), "nesting deeper than 256 levels @1:513");
  EXPECT_EQ(QueryError("{a(x:" + Repeat("[", 100000) + ")}"),
            "nesting deeper than 256 levels @1:261");
  EXPECT_EQ(QueryError("{a(x:" + Repeat("{b:", 100000) + ")}"),
            "nesting deeper than 256 levels @1:771");
  EXPECT_EQ(QueryError("query($v: " + Repeat("[", 100000) + "Int) { a }"),
            "nesting deeper than 256 levels @1:267");
  EXPECT_EQ(SchemaError("type Query { a: " + Repeat("[", 100000) + "Int }"),
            "nesting deeper than 256 levels @1:273");
  // The named type inside the brackets is a level of its own.
  EXPECT_EQ(SchemaError("type Query { a: " + Repeat("[", 255) + "Int" + Repeat("]", 255) + " }"),
            "");
  EXPECT_EQ(SchemaError("type Query { a: " + Repeat("[", 256) + "Int" + Repeat("]", 256) + " }"),
            "nesting deeper than 256 levels @1:273");
}

TEST(GraphqlParser, SchemaErrors) {
  EXPECT_EQ(
      SchemaError("type Hello { world: String }\n\"Description\" extend type Hello { x: Int }"),
      "Unexpected String \"Description\" @2:2");
  EXPECT_EQ(SchemaError("extend type Hello"), "Unexpected <EOF> @1:18");
  EXPECT_EQ(SchemaError("union Hello = | Wo | | Rld"), "Expected Name, found | @1:22");
  EXPECT_EQ(SchemaError("directive @foo on FIELD | INCORRECT_LOCATION"),
            "Unexpected Name \"INCORRECT_LOCATION\" @1:27");
  EXPECT_EQ(SchemaError("\"\"\"\r"), "Unexpected <Invalid> @2:1");
  EXPECT_EQ(SchemaError("extend schema"), "Unexpected <EOF> @1:14");
  EXPECT_EQ(SchemaError("input Hello { world(foo: Int): String }"), "Expected :, found ( @1:20");
  EXPECT_EQ(SchemaError("query { a }"), "Unexpected Name \"query\" @1:1");
}

TEST(GraphqlAst, QueryJsonAsOpaPrunesIt) {
  auto p = gql::ParseQuery(R"(
    query Q($v: [Int!]! = [1, 2] @d) @op {
      alias: f(a: $v, b: {c: "x", d: """  block
        text  """}) @skip(if: false) { g }
      ... on T { h }
      ... { i }
      ...Frag
    }
    fragment Frag on T { j }
  )");
  ASSERT_FALSE(p.error) << p.error->message;
  EXPECT_EQ(gql::ToValue(*p.doc), J(R"({"Operations": [{"Operation": "query", "Name": "Q",
    "VariableDefinitions": [{"Variable": "v", "Used": false,
      "Type": {"NamedType": "", "NonNull": true, "Elem": {"NamedType": "Int", "NonNull": true}},
      "DefaultValue": {"Raw": "", "Kind": 8, "ExpectedTypeHasDefault": false, "Children": [
        {"Name": "", "Value": {"Raw": "1", "Kind": 1, "ExpectedTypeHasDefault": false}},
        {"Name": "", "Value": {"Raw": "2", "Kind": 1, "ExpectedTypeHasDefault": false}}]},
      "Directives": [{"Name": "d", "Location": ""}]}],
    "Directives": [{"Name": "op", "Location": ""}],
    "SelectionSet": [
      {"Alias": "alias", "Name": "f",
       "Arguments": [
         {"Name": "a", "Value": {"Raw": "v", "Kind": 0, "ExpectedTypeHasDefault": false}},
         {"Name": "b", "Value": {"Raw": "", "Kind": 9, "ExpectedTypeHasDefault": false, "Children": [
           {"Name": "c", "Value": {"Raw": "x", "Kind": 3, "ExpectedTypeHasDefault": false}},
           {"Name": "d", "Value": {"Raw": "  block\n      text  ", "Kind": 4, "ExpectedTypeHasDefault": false}}]}}],
       "Directives": [{"Name": "skip", "Location": "", "Arguments": [
         {"Name": "if", "Value": {"Raw": "false", "Kind": 5, "ExpectedTypeHasDefault": false}}]}],
       "SelectionSet": [{"Alias": "g", "Name": "g"}]},
      {"TypeCondition": "T", "SelectionSet": [{"Alias": "h", "Name": "h"}]},
      {"TypeCondition": "", "SelectionSet": [{"Alias": "i", "Name": "i"}]},
      {"Name": "Frag"}]}],
    "Fragments": [{"Name": "Frag", "TypeCondition": "T", "SelectionSet": [{"Alias": "j", "Name": "j"}]}]})"));
}

TEST(GraphqlAst, SchemaJsonAsOpaPrunesIt) {
  auto p = gql::ParseSchema(R"(
    "The root"
    schema @s { query: Q }
    extend schema { mutation: M }
    directive @d(x: Int = 1) repeatable on FIELD | OBJECT
    type Q implements & A & B @d { f(a: [String] = null): Int! }
    enum E { X @deprecated }
    extend union U = V
  )");
  ASSERT_FALSE(p.error) << p.error->message;
  EXPECT_EQ(gql::ToValue(*p.doc), J(R"({
    "Schema": [{"Description": "The root", "Directives": [{"Name": "s", "Location": ""}],
                "OperationTypes": [{"Operation": "query", "Type": "Q"}]}],
    "SchemaExtension": [{"Description": "", "OperationTypes": [{"Operation": "mutation", "Type": "M"}]}],
    "Directives": [{"Description": "", "Name": "d", "IsRepeatable": true, "Locations": ["FIELD", "OBJECT"],
      "Arguments": [{"Description": "", "Name": "x", "Type": {"NamedType": "Int", "NonNull": false},
                     "DefaultValue": {"Raw": "1", "Kind": 1, "ExpectedTypeHasDefault": false}}]}],
    "Definitions": [
      {"Kind": "OBJECT", "Description": "", "Name": "Q", "BuiltIn": false, "Interfaces": ["A", "B"],
       "Directives": [{"Name": "d", "Location": ""}],
       "Fields": [{"Description": "", "Name": "f", "Type": {"NamedType": "Int", "NonNull": true},
         "Arguments": [{"Description": "", "Name": "a",
           "Type": {"NamedType": "", "NonNull": false, "Elem": {"NamedType": "String", "NonNull": false}},
           "DefaultValue": {"Raw": "null", "Kind": 6, "ExpectedTypeHasDefault": false}}]}]},
      {"Kind": "ENUM", "Description": "", "Name": "E", "BuiltIn": false,
       "EnumValues": [{"Description": "", "Name": "X", "Directives": [{"Name": "deprecated", "Location": ""}]}]}],
    "Extensions": [{"Kind": "UNION", "Description": "", "Name": "U", "BuiltIn": false, "Types": ["V"]}]})"));
}

TEST(GraphqlAst, BlockStringsAndEscapes) {
  auto p = gql::ParseQuery(
      "{ f(a: \"\\u00fc\\n\\\"\", b: \"\"\"\n    one\n      two\n\n    \\\"\"\" \"\"\") }");
  ASSERT_FALSE(p.error) << p.error->message;
  const auto& field = static_cast<const gql::Field&>(*p.doc->operations[0]->selection_set[0]);
  EXPECT_EQ(field.arguments[0]->value->raw, "ü\n\"");
  EXPECT_EQ(field.arguments[1]->value->raw, "one\n  two\n\n\"\"\" ");
}

// Object ASTs come back as gqlparser's JSON decoding makes them: every selection becomes a
// Field (so fragment spreads and inline fragments do not survive), and case is ignored in
// the member names of the plain structs.
TEST(GraphqlAst, DocumentsFromObjects) {
  auto q =
      gql::QueryDocumentFromValue(J(R"({"operations": [{"operation": "query", "Name": "N"}]})"));
  ASSERT_TRUE(q.ok()) << q.status().message();
  ASSERT_EQ((*q)->operations.size(), 1u);         // QueryDocument's members match in any case...
  EXPECT_EQ((*q)->operations[0]->operation, "");  // ...OperationDefinition's exactly only
  EXPECT_EQ((*q)->operations[0]->name, "N");
  q = gql::QueryDocumentFromValue(J(R"({"Operations": [{"Operation": "query",
      "SelectionSet": [{"Alias": "a", "Name": "a"}, {"Name": "Frag"}, {"TypeCondition": "T"}]}]})"));
  ASSERT_TRUE(q.ok());
  ASSERT_EQ((*q)->operations.size(), 1u);
  EXPECT_EQ(gql::ToValue(**q), J(R"({"Operations": [{"Operation": "query", "Name": "",
      "SelectionSet": [{"Alias": "a", "Name": "a"}, {"Alias": "", "Name": "Frag"}, {"Alias": "", "Name": ""}]}]})"));
  EXPECT_EQ(
      gql::QueryDocumentFromValue(J(R"({"Operations": [{"Name": 7}]})")).status().message(),
      "json: cannot unmarshal number into Go struct field OperationDefinition.Name of type string");
  // A selection that fails to decode as a Field (a Kind that is no integer) is tried as a
  // FragmentSpread, which ignores the arguments.
  q = gql::QueryDocumentFromValue(J(R"({"Operations": [{"SelectionSet": [
      {"Name": "a", "Arguments": [{"Name": "x", "Value": {"Kind": 1.5}}]}]}]})"));
  ASSERT_TRUE(q.ok());
  EXPECT_EQ((*q)->operations[0]->selection_set[0]->kind, gql::Selection::kFragmentSpread);
  auto s = gql::SchemaDocumentFromValue(J(R"({"definitions": [{"kind": "OBJECT", "NAME": "Query",
      "fields": [{"name": "a", "type": {"namedtype": "Int"}}]}]})"));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->definitions[0]->name, "Query");
  EXPECT_EQ((*s)->definitions[0]->fields[0]->type->named_type, "Int");
  EXPECT_FALSE(gql::SchemaDocumentFromValue(J(R"({"Definitions": [{"Kind": 1}]})")).ok());
  EXPECT_FALSE(gql::SchemaDocumentFromValue(J(R"({"Definitions": {"Kind": "OBJECT"}})")).ok());
}

// ---- validation ----

constexpr char kSchema[] = R"(
  schema { query: Root, subscription: Sub }
  directive @tag(name: String!) on FIELD | QUERY
  interface Named { name: String }
  type Person implements Named { name: String, age: Int, friends(first: Int = 10): [Person!], pet: Pet }
  type Robot implements Named { name: String, model: String! }
  union Pet = Dog | Cat
  type Dog { bark: Boolean, name: String }
  type Cat { meow: Boolean, name: String }
  enum Color { RED GREEN }
  input Filter { color: Color!, limit: Int = 5, tags: [String] }
  type Root {
    person(id: ID!): Person
    people(filter: Filter, colors: [Color!]): [Person]
    named: Named
    count(n: Int): Int
  }
  type Sub { updates: Person, other: Int }
)";

// The messages of a query's validation errors ("message @line:col"), or the parse error.
std::vector<std::string> Errors(std::string_view query, std::string_view schema = kSchema,
                                std::string_view rule = {}) {
  auto s = gql::ParseSchema(schema);
  if (s.error) return {"schema: " + s.error->message};
  auto conv = gql::ConvertSchema(*s.doc);
  if (conv.error) return {"schema: " + conv.error->message};
  auto q = gql::ParseQuery(query);
  if (q.error) return {"query: " + q.error->message};
  std::vector<std::string> out;
  for (const auto& e : gql::Validate(*conv.schema, *q.doc, rule)) {
    std::string s = e.message;
    if (e.pos) s += " @" + std::to_string(e.pos->line) + ":" + std::to_string(e.pos->column);
    out.push_back(s);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(GraphqlValidate, ValidQueries) {
  EXPECT_EQ(Errors(R"(
    query Q($id: ID!, $f: Filter = {color: RED}) @tag(name: "q") {
      person(id: $id) { name ...P friends { ... on Person { age } } pet { ... on Dog { bark } __typename } }
      people(filter: $f, colors: [RED, GREEN]) { name }
      named { name ... on Robot { model } }
      count
    }
    fragment P on Person { age }
    subscription S { updates { name } }
  )"),
            V{});
}

TEST(GraphqlValidate, FieldsArgumentsAndTypes) {
  EXPECT_EQ(Errors("{ person(id: 1) { nam } }"),
            V{"Cannot query field \"nam\" on type \"Person\". Did you mean \"name\"? @1:19"});
  EXPECT_EQ(
      Errors("{ named { age } }"),
      V{"Cannot query field \"age\" on type \"Named\". Did you mean to use an inline fragment on "
        "\"Person\"? @1:11"});
  EXPECT_EQ(Errors("{ count(m: 1) }"),
            V{"Unknown argument \"m\" on field \"Root.count\". Did you mean \"n\"? @1:3"});
  EXPECT_EQ(Errors("{ person { name } }"), V{"Field \"person\" argument \"id\" of type \"ID!\" is "
                                             "required, but it was not provided. @1:3"});
  EXPECT_EQ(
      Errors("{ person(id: 1) }"),
      V{"Field \"person\" of type \"Person\" must have a selection of subfields. Did you mean "
        "\"person { ... }\"? @1:3"});
  EXPECT_EQ(
      Errors("{ count { x } }"),
      (V{"Cannot query field \"x\" on type \"Int\". @1:11",
         "Field \"count\" must not have a selection since type \"Int\" has no subfields. @1:3"}));
  EXPECT_EQ(Errors("{ count(n: \"1\") people(colors: [BLUE]) { name } }"),
            (V{"Int cannot represent non-integer value: \"1\" @1:13",  // a string's column is past
                                                                       // its quote
               "Value \"BLUE\" does not exist in \"Color!\" enum. @1:33"}));
  EXPECT_EQ(
      Errors("{ people(filter: {limit: 1, colour: RED}) { name } }"),
      (V{"Field \"Filter.color\" of required type \"Color!\" was not provided. @1:18",
         "Field \"colour\" is not defined by type \"Filter\". Did you mean \"color\"? @1:29"}));
  EXPECT_EQ(Errors("{ count(n: 1, n: 2) }"),
            V{"There can be only one argument named \"n\". @1:15"});
}

TEST(GraphqlValidate, VariablesAndFragments) {
  EXPECT_EQ(Errors("query Q($id: ID) { person(id: $id) { name } }"),
            V{"Variable \"$id\" of type \"ID\" used in position expecting type \"ID!\". @1:31"});
  EXPECT_EQ(Errors("query Q($id: ID = \"x\") { person(id: $id) { name } }"), V{});
  EXPECT_EQ(Errors("query Q($n: Int!) { person(id: $x) { name } }"),
            (V{"Variable \"$x\" is not defined by operation \"Q\". @1:32",
               "Variable \"$n\" is never used in operation \"Q\". @1:9"}));
  EXPECT_EQ(Errors("query Q($p: Person) { count }"),
            (V{"Variable \"$p\" is never used in operation \"Q\". @1:9",
               "Variable \"$p\" cannot be non-input type \"Person\". @1:9"}));
  EXPECT_EQ(Errors("{ named { ...Nope } } fragment F on Person { name }"),
            (V{"Unknown fragment \"Nope\". @1:14", "Fragment \"F\" is never used. @1:23"}));
  EXPECT_EQ(
      Errors("{ named { ...A } } fragment A on Named { ...B } fragment B on Named { ...A }"),
      V{"Cannot spread fragment \"A\" within itself via B. @1:74"});  // a spread is at its name
  EXPECT_EQ(Errors("{ named { ... on Dog { bark } } }"),
            V{"Fragment cannot be spread here as objects of type \"Named\" can never be of type "
              "\"Dog\". @1:15"});
  EXPECT_EQ(Errors("{ count ... on Color { x } }"),
            (V{"Cannot query field \"x\" on type \"Color\". @1:24",
               "Fragment cannot condition on non composite type \"Color\". @1:13"}));
  EXPECT_EQ(Errors("{ count ... on Nope { x } }"), V{"Unknown type \"Nope\". @1:13"});
}

TEST(GraphqlValidate, OperationsDirectivesAndOverlap) {
  EXPECT_EQ(Errors("{ count } query A { count }"),
            V{"This anonymous operation must be the only defined operation. @1:1"});
  EXPECT_EQ(Errors("query A { count } query A { count }"),
            V{"There can be only one operation named \"A\". @1:19"});
  EXPECT_EQ(Errors("mutation { count }"),
            V{"Schema does not support operation type \"mutation\" @1:1"});
  EXPECT_EQ(Errors("subscription S { updates { name } other }"),
            V{"Subscription \"S\" must select only one top level field. @1:35"});
  EXPECT_EQ(Errors("{ count @nope }"), V{"Unknown directive \"@nope\". @1:10"});
  EXPECT_EQ(Errors("query @skip(if: true) { count }"),
            V{"Directive \"@skip\" may not be used on QUERY. @1:8"});
  EXPECT_EQ(Errors("{ count @tag(name: \"a\") @tag(name: \"b\") }"),
            V{"The directive \"@tag\" can only be used once at this location. @1:26"});
  EXPECT_EQ(
      Errors("{ x: count(n: 1) x: count(n: 2) }"),
      V{"Fields \"x\" conflict because they have differing arguments. Use different aliases on "
        "the fields to fetch both if this was intentional. @1:18"});
  EXPECT_EQ(
      Errors("{ named { ... on Person { n: name } ... on Robot { n: model } } }"),
      V{"Fields \"n\" conflict because they return conflicting types \"String\" and \"String!\". "
        "Use different aliases on the fields to fetch both if this was intentional. @1:52"});
  // Only the rule asked for.
  EXPECT_EQ(Errors("query Q($n: Int) { nope }", kSchema, "NoUnusedVariables"),
            V{"Variable \"$n\" is never used in operation \"Q\". @1:9"});
}

TEST(GraphqlSchema, Validation) {
  auto err = [](std::string_view schema) {
    auto s = gql::ParseSchema(schema);
    if (s.error) return "parse: " + s.error->message;
    auto conv = gql::ConvertSchema(*s.doc);
    return conv.error ? conv.error->message : std::string();
  };
  EXPECT_EQ(err("type Query { a: Int }"), "");
  EXPECT_EQ(err("type Query { a: Int } type Query { b: Int }"), "Cannot redeclare type Query.");
  EXPECT_EQ(err("type Query { a: Nope }"), "Undefined type Nope.");
  EXPECT_EQ(err("type Query { a: Int, a: String }"), "Field Query.a can only be defined once.");
  EXPECT_EQ(err("type __Q { a: Int }"),
            "Name \"__Q\" must not begin with \"__\", which is reserved by GraphQL introspection.");
  EXPECT_EQ(err("interface I { a: Int } type Query implements I { b: Int }"),
            "For Query to implement I it must have a field called a.");
  EXPECT_EQ(err("interface I { a: Int! } type Query implements I { a: Int }"),
            "For Query to implement I the field a must have type Int!.");
  EXPECT_EQ(err("type Query { a(x: Query): Int }"),
            "cannot use Query as argument x because OBJECT is not a valid input type");
  EXPECT_EQ(err("input I { a: Query } type Query { a(x: I): Int }"),
            "OBJECT a: field must be one of SCALAR, ENUM, INPUT_OBJECT.");
  EXPECT_EQ(err("enum E { true } type Query { a: E }"), "ENUM E: non-enum value true.");
  EXPECT_EQ(err("union U = Query | Int type Query { a: U }"), "UNION type \"Int\" must be OBJECT.");
  EXPECT_EQ(err("type Query @skip(if: true) { a: Int }"),
            "Directive skip is not applicable on OBJECT.");
  EXPECT_EQ(err("scalar S extend type S @deprecated"),
            "Cannot extend type S because the base type is a SCALAR, not OBJECT.");
  EXPECT_EQ(err("schema { query: Nope }"),
            "Schema root query refers to a type Nope that does not exist.");
  EXPECT_EQ(err("directive @d(x: Int @d) on ARGUMENT_DEFINITION type Query { a: Int }"),
            "Directive d cannot refer to itself.");
  // Extending a type that was never defined defines it; the prelude's directives may be redefined.
  EXPECT_EQ(err("extend type Query { a: Int } directive @skip(if: Boolean!) on FIELD"), "");
}

// ---- the builtins ----

TEST(GraphqlBuiltins, ParseErrorsAsOpaWordsThem) {
  BuiltinHarness h{RegisterGraphqlBuiltins};
  EXPECT_EQ(h.Err("graphql.parse_query", {S("{")}),
            "Expected Name, found <EOF> in GraphQL string at location 1:2");
  EXPECT_EQ(h.Err("graphql.parse_schema", {S("type")}),
            "Expected Name, found <EOF> in GraphQL string at location 1:5");
  EXPECT_EQ(h.Err("graphql.parse_query", {J("1")}, Kind::kTypeError),
            "operand 1 must be string but got number");
  // graphql.parse names its operands 0 and 1, as OPA does.
  EXPECT_EQ(h.Err("graphql.parse", {J("1"), S("type Query { a: Int }")}, Kind::kTypeError),
            "operand 0 must be one of {string, object} but got number");
  EXPECT_EQ(h.Err("graphql.parse", {S("{ a }"), J("[]")}, Kind::kTypeError),
            "operand 1 must be one of {string, object} but got array");
  // Validation errors: the first one's location, its final "." dropped, and any further ones
  // riding along in the text.
  EXPECT_EQ(h.Err("graphql.parse", {S("{ zzz }"), S("type Query { a: Int }")}),
            "Cannot query field \"zzz\" on type \"Query\" in GraphQL string at location 1:3");
  EXPECT_EQ(
      h.Err("graphql.parse", {S("{ zzz yyy }"), S("type Query { a: Int }")}),
      "Cannot query field \"zzz\" on type \"Query\".\ninput:1:7: Cannot query field \"yyy\" on "
      "type \"Query\" in GraphQL string at location 1:3");
  EXPECT_EQ(
      h.Err("graphql.parse", {S("{ b }"), S("type Query { a: Int }")}),
      "Cannot query field \"b\" on type \"Query\". Did you mean \"a\"?\n in GraphQL string at "
      "location 1:3");
  EXPECT_EQ(
      h.Err("graphql.parse", {S("{ a }"), S("type Query { a: Nope }")}),
      "Error in gqlparser SchemaDocument to Schema conversion: input:1:17: Undefined type Nope.");
}

TEST(GraphqlBuiltins, ValidityAndAsts) {
  BuiltinHarness h{RegisterGraphqlBuiltins};
  const Value schema = S("type Query { a(x: Int): Int }");
  EXPECT_EQ(h.Ok("graphql.is_valid", {S("{ a(x: 1) }"), schema}), J("true"));
  EXPECT_EQ(h.Ok("graphql.is_valid", {S("{ a(y: 1) }"), schema}), J("false"));
  EXPECT_EQ(h.Ok("graphql.is_valid", {S("{"), schema}), J("false"));
  EXPECT_EQ(h.Ok("graphql.is_valid", {J("1"), schema}), J("false"));
  EXPECT_EQ(h.Ok("graphql.schema_is_valid", {schema}), J("true"));
  EXPECT_EQ(h.Ok("graphql.schema_is_valid", {S("type Query")}), J("false"));
  EXPECT_EQ(h.Ok("graphql.schema_is_valid", {J("[]")}), J("false"));
  EXPECT_EQ(h.Ok("graphql.parse_and_verify", {S("{ b }"), schema}), J("[false, {}, {}]"));
  Value query_ast = h.Ok("graphql.parse_query", {S("{ a(x: 1) }")});
  Value schema_ast = h.Ok("graphql.parse_schema", {schema});
  // The ASTs are those of the documents as parsed, before validation adds to them.
  EXPECT_EQ(h.Ok("graphql.parse", {S("{ a(x: 1) }"), schema}),
            Value::Array({query_ast, schema_ast}));
  EXPECT_EQ(h.Ok("graphql.parse_and_verify", {query_ast, schema_ast}),
            Value::Array({J("true"), query_ast, schema_ast}));
  EXPECT_EQ(h.Ok("graphql.is_valid", {query_ast, schema_ast}), J("true"));
  EXPECT_EQ(h.Ok("graphql.schema_is_valid", {schema_ast}), J("true"));
  // A fragment spread read back from an object is a field of that name.
  Value spread_ast = h.Ok("graphql.parse_query", {S("{ ...F } fragment F on Query { a }")});
  EXPECT_EQ(h.Ok("graphql.is_valid", {S("{ ...F } fragment F on Query { a }"), schema}), J("true"));
  EXPECT_EQ(h.Ok("graphql.is_valid", {spread_ast, schema}), J("false"));
  EXPECT_FALSE(h.registry().Find("graphql.parse")->nondeterministic);
}

}  // namespace
}  // namespace golden::rego
