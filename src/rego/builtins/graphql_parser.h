#pragma once

// gqlparser's lexer and parser (parser.ParseQuery / parser.ParseSchema, as OPA vendors them):
// the same documents, the same first error, at the same line and column.

#include <memory>
#include <string>
#include <string_view>

#include "rego/builtins/graphql_ast.h"

namespace golden::rego::gql {

/// A parse or validation error: gqlparser's message and where it points.
struct Error {
  std::string message;
  Pos pos;
};

template <typename T>
struct Parsed {
  std::shared_ptr<T> doc;  ///< null when `error` is set
  std::optional<Error> error;
};

Parsed<QueryDocument> ParseQuery(std::string_view input);
/// `built_in` marks every definition BuiltIn (as for the prelude).
Parsed<SchemaDocument> ParseSchema(std::string_view input, bool built_in = false);

}  // namespace golden::rego::gql
