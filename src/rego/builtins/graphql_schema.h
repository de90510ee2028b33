#pragma once

// gqlparser's schema validation: a schema document checked and turned into a Schema
// (ValidateSchemaDocument, with the spec's prelude merged in first as OPA does).

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rego/builtins/graphql_parser.h"

namespace golden::rego::gql {

/// A type as written ("[Int!]!") and its named type ("Int"); "" for none.
inline std::string TypeString(const TypePtr& t) { return t != nullptr ? t->String() : ""; }
inline std::string TypeName(const TypePtr& t) { return t != nullptr ? t->Name() : ""; }

struct Schema {
  Definition* query = nullptr;
  Definition* mutation = nullptr;
  Definition* subscription = nullptr;
  std::map<std::string, Definition*, std::less<>> types;
  std::map<std::string, DirectiveDefinition*, std::less<>> directives;
  std::map<std::string, std::vector<Definition*>, std::less<>> possible_types;
  std::map<std::string, std::vector<Definition*>, std::less<>> implements;
  std::string description;

  /// Keeps the documents' nodes (and the definitions made for extensions) alive.
  std::shared_ptr<SchemaDocument> doc;
  std::vector<DefinitionPtr> synthesized;
  std::vector<std::shared_ptr<FieldDefinition>> introspection_fields;

  Definition* Type(std::string_view name) const;
  const std::vector<Definition*>& PossibleTypes(const Definition& def) const;
};

/// OPA's convertSchema: the prelude (built-in scalars, directives and introspection types)
/// merged with `doc`, validated (gqlparser's ValidateSchemaDocument). Validation mutates the
/// document's definitions (extensions are folded in), as gqlparser's does.
struct ConvertedSchema {
  std::unique_ptr<Schema> schema;  ///< null when `error` is set
  std::optional<Error> error;
};
ConvertedSchema ConvertSchema(const SchemaDocument& doc);

}  // namespace golden::rego::gql
