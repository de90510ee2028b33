#pragma once

// gqlparser's validator package: schema documents checked and turned into a Schema
// (ValidateSchemaDocument, with the spec's prelude merged in first as OPA does), and query
// documents checked against a Schema by the walker and its rules (validator.Validate).

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rego/builtins/graphql_parser.h"

namespace golden::rego::gql {

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

/// validator.Validate: every rule's errors, in the order gqlparser reports them (or, for
/// tests, those of the rule named `only_rule`).
std::vector<Error> Validate(const Schema& schema, QueryDocument& doc,
                            std::string_view only_rule = {});

}  // namespace golden::rego::gql
