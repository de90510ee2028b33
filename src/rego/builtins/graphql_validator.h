#pragma once

// gqlparser's query validation: query documents checked against a Schema by the walker and
// its rules (validator.Validate).

#include <string_view>
#include <vector>

#include "rego/builtins/graphql_schema.h"

namespace golden::rego::gql {

/// validator.Validate: every rule's errors, in the order gqlparser reports them (or, for
/// tests, those of the rule named `only_rule`).
std::vector<Error> Validate(const Schema& schema, QueryDocument& doc,
                            std::string_view only_rule = {});

}  // namespace golden::rego::gql
