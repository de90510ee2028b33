#pragma once

// The GraphQL document model of gqlparser (github.com/vektah/gqlparser/v2, which OPA vendors as
// internal/gqlparser): query and schema documents as its parser builds them, the fields its
// validator fills in, and the conversions OPA's graphql.* builtins make between them and Rego
// values (Go's JSON of the structs, pruned of nulls, empty collections and positions; and
// json.Unmarshal of such an object back into a document).

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "value/value.h"

namespace golden::rego::gql {

/// Where a node starts: 1-based line and column (in runes), as gqlparser's ast.Position.
struct Position {
  int line = 0;
  int column = 0;
};
using Pos = std::optional<Position>;

struct Definition;
struct FieldDefinition;
struct DirectiveDefinition;
struct VariableDefinition;
struct FragmentDefinition;

/// ast.Type: a named type, or a list of `elem`; either may be non-null.
struct Type {
  std::string named_type;
  std::shared_ptr<Type> elem;
  bool non_null = false;
  Pos pos;

  std::string Name() const;    ///< the innermost named type
  std::string String() const;  ///< "[Int!]!"
  /// Whether a variable of this type may be used where `other` is expected.
  bool IsCompatible(const Type& other) const;
};
using TypePtr = std::shared_ptr<Type>;

/// ast.ValueKind, in gqlparser's order (the numbers are part of the JSON).
enum ValueKind : int {
  kVariable = 0,
  kIntValue,
  kFloatValue,
  kStringValue,
  kBlockValue,
  kBooleanValue,
  kNullValue,
  kEnumValue,
  kListValue,
  kObjectValue,
};

struct Value;
struct ChildValue {
  std::string name;
  std::shared_ptr<Value> value;
  Pos pos;
};

struct Value {
  std::string raw;
  std::vector<std::shared_ptr<ChildValue>> children;
  int kind = kVariable;
  Pos pos;
  bool expected_type_has_default = false;
  // Filled in by validation.
  Definition* definition = nullptr;
  VariableDefinition* variable_definition = nullptr;
  const Type* expected_type = nullptr;

  /// gqlparser's Value.String(): the raw text, quoted for strings, "$x" for variables.
  std::string String() const;
  const ChildValue* Child(std::string_view name) const;
};
using ValuePtr = std::shared_ptr<Value>;

struct Argument {
  std::string name;
  ValuePtr value;
  Pos pos;
};
using ArgumentList = std::vector<std::shared_ptr<Argument>>;

struct Directive {
  std::string name;
  ArgumentList arguments;
  Pos pos;
  // Filled in by validation.
  Definition* parent_definition = nullptr;
  DirectiveDefinition* definition = nullptr;
  std::string location;
};
using DirectiveList = std::vector<std::shared_ptr<Directive>>;

// ---- executable documents ----

struct Selection {
  enum Kind { kField, kFragmentSpread, kInlineFragment };
  explicit Selection(Kind k) : kind(k) {}
  virtual ~Selection() = default;
  Kind kind;
  Pos pos;
};
using SelectionSet = std::vector<std::shared_ptr<Selection>>;

struct Field : Selection {
  Field() : Selection(kField) {}
  std::string alias, name;
  ArgumentList arguments;
  DirectiveList directives;
  SelectionSet selection_set;
  // Filled in by validation.
  const FieldDefinition* definition = nullptr;
  Definition* object_definition = nullptr;
};

struct FragmentSpread : Selection {
  FragmentSpread() : Selection(kFragmentSpread) {}
  std::string name;
  DirectiveList directives;
  // Filled in by validation.
  Definition* object_definition = nullptr;
  FragmentDefinition* definition = nullptr;
};

struct InlineFragment : Selection {
  InlineFragment() : Selection(kInlineFragment) {}
  std::string type_condition;
  DirectiveList directives;
  SelectionSet selection_set;
  // Filled in by validation.
  Definition* object_definition = nullptr;
};

struct VariableDefinition {
  std::string variable;
  TypePtr type;
  ValuePtr default_value;
  DirectiveList directives;
  Pos pos;
  bool used = false;
  // Filled in by validation.
  Definition* definition = nullptr;
};
using VariableDefinitionList = std::vector<std::shared_ptr<VariableDefinition>>;

struct OperationDefinition {
  std::string operation;  ///< "query", "mutation", "subscription" (or "" from an object)
  std::string name;
  VariableDefinitionList variable_definitions;
  DirectiveList directives;
  SelectionSet selection_set;
  Pos pos;
};

struct FragmentDefinition {
  std::string name;
  VariableDefinitionList variable_definition;
  std::string type_condition;
  DirectiveList directives;
  SelectionSet selection_set;
  Pos pos;
  // Filled in by validation.
  Definition* definition = nullptr;
};

struct QueryDocument {
  std::vector<std::shared_ptr<OperationDefinition>> operations;
  std::vector<std::shared_ptr<FragmentDefinition>> fragments;

  FragmentDefinition* Fragment(std::string_view name) const;
};

// ---- schema documents ----

struct ArgumentDefinition {
  std::string description, name;
  ValuePtr default_value;
  TypePtr type;
  DirectiveList directives;
  Pos pos;
};
using ArgumentDefinitionList = std::vector<std::shared_ptr<ArgumentDefinition>>;

struct FieldDefinition {
  std::string description, name;
  ArgumentDefinitionList arguments;
  ValuePtr default_value;
  TypePtr type;
  DirectiveList directives;
  Pos pos;

  const ArgumentDefinition* Argument(std::string_view name) const;
};
using FieldList = std::vector<std::shared_ptr<FieldDefinition>>;

struct EnumValueDefinition {
  std::string description, name;
  DirectiveList directives;
  Pos pos;
};

/// Definition kinds, as gqlparser spells them.
inline constexpr char kScalar[] = "SCALAR";
inline constexpr char kObject[] = "OBJECT";
inline constexpr char kInterface[] = "INTERFACE";
inline constexpr char kUnion[] = "UNION";
inline constexpr char kEnum[] = "ENUM";
inline constexpr char kInputObject[] = "INPUT_OBJECT";

struct Definition {
  std::string kind, description, name;
  DirectiveList directives;
  std::vector<std::string> interfaces;
  FieldList fields;
  std::vector<std::string> types;
  std::vector<std::shared_ptr<EnumValueDefinition>> enum_values;
  Pos pos;
  bool built_in = false;

  const FieldDefinition* Field(std::string_view name) const;
  bool HasEnumValue(std::string_view name) const;
  bool IsLeafType() const { return kind == kEnum || kind == kScalar; }
  bool IsAbstractType() const { return kind == kInterface || kind == kUnion; }
  bool IsCompositeType() const { return kind == kObject || kind == kInterface || kind == kUnion; }
  bool IsInputType() const { return kind == kScalar || kind == kEnum || kind == kInputObject; }
};
using DefinitionPtr = std::shared_ptr<Definition>;

struct DirectiveDefinition {
  std::string description, name;
  ArgumentDefinitionList arguments;
  std::vector<std::string> locations;
  bool is_repeatable = false;
  Pos pos;
};

struct OperationTypeDefinition {
  std::string operation, type;
  Pos pos;
};

struct SchemaDefinition {
  std::string description;
  DirectiveList directives;
  std::vector<std::shared_ptr<OperationTypeDefinition>> operation_types;
  Pos pos;
};

struct SchemaDocument {
  std::vector<std::shared_ptr<SchemaDefinition>> schema, schema_extension;
  std::vector<std::shared_ptr<DirectiveDefinition>> directives;
  std::vector<DefinitionPtr> definitions, extensions;

  /// ast.SchemaDocument.Merge: appends the other document's lists (sharing their nodes).
  void Merge(const SchemaDocument& other);
};

// ---- Rego values ----

/// What OPA's builtins return for a document: Go's JSON of it with nulls, empty lists and
/// objects, and positions pruned away.
golden::Value ToValue(const QueryDocument& doc);
golden::Value ToValue(const SchemaDocument& doc);

/// OPA's objectToQueryDocument / objectToSchemaDocument: the object read as Go's
/// json.Unmarshal reads it into gqlparser's structs (case-insensitive keys, unknown keys
/// ignored, type mismatches an error).
Result<std::shared_ptr<QueryDocument>> QueryDocumentFromValue(const golden::Value& v);
Result<std::shared_ptr<SchemaDocument>> SchemaDocumentFromValue(const golden::Value& v);

}  // namespace golden::rego::gql
