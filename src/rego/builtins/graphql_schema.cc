// gqlparser's schema validation (validator/schema.go): a schema document, merged with the
// spec's prelude, checked and turned into a Schema.

#include "rego/builtins/graphql_schema.h"

#include <algorithm>
#include <set>
#include <utility>

#include "rego/builtins/go_strconv.h"

namespace golden::rego::gql {

namespace {

// The types, directives and introspection types every schema has (gqlparser's
// prelude.graphql, without its descriptions, which nothing here reads).
constexpr std::string_view kPrelude = R"(
scalar Int
scalar Float
scalar String
scalar Boolean
scalar ID
directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @skip(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @deprecated(reason: String = "No longer supported") on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE
directive @specifiedBy(url: String!) on SCALAR
type __Schema {
  description: String
  types: [__Type!]!
  queryType: __Type!
  mutationType: __Type
  subscriptionType: __Type
  directives: [__Directive!]!
}
type __Type {
  kind: __TypeKind!
  name: String
  description: String
  fields(includeDeprecated: Boolean = false): [__Field!]
  interfaces: [__Type!]
  possibleTypes: [__Type!]
  enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
  inputFields: [__InputValue!]
  ofType: __Type
  specifiedBy: String
}
type __Field {
  name: String!
  description: String
  args: [__InputValue!]!
  type: __Type!
  isDeprecated: Boolean!
  deprecationReason: String
}
type __InputValue {
  name: String!
  description: String
  type: __Type!
  defaultValue: String
}
type __EnumValue {
  name: String!
  description: String
  isDeprecated: Boolean!
  deprecationReason: String
}
enum __TypeKind { SCALAR OBJECT INTERFACE UNION ENUM INPUT_OBJECT LIST NON_NULL }
type __Directive {
  name: String!
  description: String
  locations: [__DirectiveLocation!]!
  args: [__InputValue!]!
  isRepeatable: Boolean!
}
enum __DirectiveLocation {
  QUERY MUTATION SUBSCRIPTION FIELD FRAGMENT_DEFINITION FRAGMENT_SPREAD INLINE_FRAGMENT
  VARIABLE_DEFINITION SCHEMA SCALAR OBJECT FIELD_DEFINITION ARGUMENT_DEFINITION INTERFACE UNION
  ENUM ENUM_VALUE INPUT_OBJECT INPUT_FIELD_DEFINITION
}
)";

Error ErrorAt(const Pos& pos, std::string message) { return Error{std::move(message), pos}; }


bool IsValidKind(const std::string& kind, std::initializer_list<const char*> valid) {
  for (const char* k : valid) {
    if (kind == k) return true;
  }
  return false;
}

std::string KindList(std::initializer_list<const char*> kinds) {
  std::string out;
  for (const char* k : kinds) {
    if (!out.empty()) out += ", ";
    out += k;
  }
  return out;
}

// ---- schema validation (gqlparser's validator/schema.go) ----

class SchemaValidator {
 public:
  explicit SchemaValidator(Schema* s) : s_(*s) {}

  std::optional<Error> ValidateName(const Pos& pos, const std::string& name) {
    if (name.starts_with("__")) {
      return ErrorAt(pos, "Name \"" + name +
                              "\" must not begin with \"__\", which is reserved by GraphQL "
                              "introspection.");
    }
    return std::nullopt;
  }

  std::optional<Error> ValidateTypeRef(const TypePtr& typ) {
    if (typ == nullptr || s_.Type(typ->Name()) == nullptr) {
      return ErrorAt(typ != nullptr ? typ->pos : std::nullopt,
                     "Undefined type " + TypeName(typ) + ".");
    }
    return std::nullopt;
  }

  std::optional<Error> ValidateDirectives(const DirectiveList& dirs, const std::string& location,
                                          const DirectiveDefinition* current) {
    for (const auto& dir : dirs) {
      if (auto e = ValidateName(dir->pos, dir->name)) return e;
      if (current != nullptr && dir->name == current->name) {
        return ErrorAt(dir->pos, "Directive " + current->name + " cannot refer to itself.");
      }
      auto it = s_.directives.find(dir->name);
      if (it == s_.directives.end()) {
        return ErrorAt(dir->pos, "Undefined directive " + dir->name + ".");
      }
      const auto& locs = it->second->locations;
      if (std::find(locs.begin(), locs.end(), location) == locs.end()) {
        return ErrorAt(dir->pos, "Directive " + dir->name + " is not applicable on " + location + ".");
      }
      dir->definition = it->second;
    }
    return std::nullopt;
  }

  std::optional<Error> ValidateArgs(const ArgumentDefinitionList& args,
                                    const DirectiveDefinition* current) {
    for (const auto& arg : args) {
      if (auto e = ValidateName(arg->pos, arg->name)) return e;
      if (auto e = ValidateTypeRef(arg->type)) return e;
      const Definition* def = s_.Type(arg->type->Name());
      if (!def->IsInputType()) {
        return ErrorAt(arg->pos, "cannot use " + arg->type->String() + " as argument " + arg->name +
                                     " because " + def->kind + " is not a valid input type");
      }
      if (auto e = ValidateDirectives(arg->directives, "ARGUMENT_DEFINITION", current)) return e;
    }
    return std::nullopt;
  }

  bool IsCovariant(const Type* required, const Type* actual) {
    if (required == nullptr || actual == nullptr) return false;
    if (required->non_null && !actual->non_null) return false;
    if (!required->named_type.empty()) {
      if (required->named_type == actual->named_type) return true;
      auto it = s_.possible_types.find(required->named_type);
      if (it != s_.possible_types.end()) {
        for (const Definition* pt : it->second) {
          if (pt->name == actual->named_type) return true;
        }
      }
      return false;
    }
    if (required->elem != nullptr && actual->elem == nullptr) return false;
    return IsCovariant(required->elem.get(), actual->elem.get());
  }

  std::optional<Error> ValidateImplements(const Definition& def, const std::string& intf_name) {
    const Definition* intf = s_.Type(intf_name);
    if (intf == nullptr) return ErrorAt(def.pos, "Undefined type " + GoQuote(intf_name) + ".");
    if (intf->kind != kInterface) {
      return ErrorAt(def.pos, GoQuote(intf_name) + " is a non interface type " + intf->kind + ".");
    }
    for (const auto& required : intf->fields) {
      const FieldDefinition* found = def.Field(required->name);
      if (found == nullptr) {
        return ErrorAt(def.pos, "For " + def.name + " to implement " + intf->name +
                                    " it must have a field called " + required->name + ".");
      }
      if (!IsCovariant(required->type.get(), found->type.get())) {
        return ErrorAt(found->pos, "For " + def.name + " to implement " + intf->name + " the field " +
                                       required->name + " must have type " +
                                       TypeString(required->type) + ".");
      }
      for (const auto& required_arg : required->arguments) {
        const ArgumentDefinition* found_arg = found->Argument(required_arg->name);
        if (found_arg == nullptr) {
          return ErrorAt(found->pos, "For " + def.name + " to implement " + intf->name +
                                         " the field " + required->name +
                                         " must have the same arguments but it is missing " +
                                         required_arg->name + ".");
        }
        if (required_arg->type == nullptr || found_arg->type == nullptr ||
            !required_arg->type->IsCompatible(*found_arg->type)) {
          return ErrorAt(found_arg->pos, "For " + def.name + " to implement " + intf->name +
                                             " the field " + required->name +
                                             " must have the same arguments but " +
                                             required_arg->name + " has the wrong type.");
        }
      }
      for (const auto& found_arg : found->arguments) {
        if (required->Argument(found_arg->name) == nullptr && found_arg->type != nullptr &&
            found_arg->type->non_null && found_arg->default_value == nullptr) {
          return ErrorAt(found_arg->pos,
                         "For " + def.name + " to implement " + intf->name +
                             " any additional arguments on " + found->name +
                             " must be optional or have a default value but " + found_arg->name +
                             " is required.");
        }
      }
    }
    // validateTypeImplementsAncestors
    for (const std::string& transitive : intf->interfaces) {
      if (std::find(def.interfaces.begin(), def.interfaces.end(), transitive) ==
          def.interfaces.end()) {
        if (transitive == def.name) {
          return ErrorAt(def.pos, "Type " + def.name + " cannot implement " + intf_name +
                                      " because it would create a circular reference.");
        }
        return ErrorAt(def.pos, "Type " + def.name + " must implement " + transitive +
                                    " because it is implemented by " + intf_name + ".");
      }
    }
    return std::nullopt;
  }

  std::optional<Error> ValidateDefinition(const Definition& def) {
    for (const auto& field : def.fields) {
      if (auto e = ValidateName(field->pos, field->name)) return e;
      if (auto e = ValidateTypeRef(field->type)) return e;
      if (auto e = ValidateArgs(field->arguments, nullptr)) return e;
      const char* loc = def.kind == kInputObject ? "INPUT_FIELD_DEFINITION" : "FIELD_DEFINITION";
      if (auto e = ValidateDirectives(field->directives, loc, nullptr)) return e;
    }
    for (const std::string& typ : def.types) {
      const Definition* t = s_.Type(typ);
      if (t == nullptr) return ErrorAt(def.pos, "Undefined type " + GoQuote(typ) + ".");
      if (!IsValidKind(t->kind, {kObject})) {
        return ErrorAt(def.pos, def.kind + " type " + GoQuote(typ) + " must be " +
                                    KindList({kObject}) + ".");
      }
    }
    for (const std::string& intf : def.interfaces) {
      if (auto e = ValidateImplements(def, intf)) return e;
    }
    if (def.kind == kObject || def.kind == kInterface) {
      if (def.fields.empty()) {
        return ErrorAt(def.pos, def.kind + " " + def.name + ": must define one or more fields.");
      }
      for (const auto& field : def.fields) {
        const Definition* t = s_.Type(TypeName(field->type));
        if (t != nullptr && !IsValidKind(t->kind, {kScalar, kObject, kInterface, kUnion, kEnum})) {
          return ErrorAt(field->pos, def.kind + " " + def.name + ": field must be one of " +
                                         KindList({kScalar, kObject, kInterface, kUnion, kEnum}) +
                                         ".");
        }
      }
    } else if (def.kind == kEnum) {
      if (def.enum_values.empty()) {
        return ErrorAt(def.pos,
                       def.kind + " " + def.name + ": must define one or more unique enum values.");
      }
      for (const auto& value : def.enum_values) {
        if (value->name == "true" || value->name == "false" || value->name == "null") {
          return ErrorAt(def.pos, def.kind + " " + def.name + ": non-enum value " + value->name + ".");
        }
      }
    } else if (def.kind == kInputObject) {
      if (def.fields.empty()) {
        return ErrorAt(def.pos,
                       def.kind + " " + def.name + ": must define one or more input fields.");
      }
      for (const auto& field : def.fields) {
        const Definition* t = s_.Type(TypeName(field->type));
        if (t != nullptr && !IsValidKind(t->kind, {kScalar, kEnum, kInputObject})) {
          return ErrorAt(field->pos, t->kind + " " + field->name + ": field must be one of " +
                                         KindList({kScalar, kEnum, kInputObject}) + ".");
        }
      }
    }
    for (size_t i = 0; i < def.fields.size(); ++i) {
      for (size_t j = i + 1; j < def.fields.size(); ++j) {
        if (def.fields[i]->name == def.fields[j]->name) {
          return ErrorAt(def.fields[j]->pos, "Field " + def.name + "." + def.fields[j]->name +
                                                 " can only be defined once.");
        }
      }
    }
    if (!def.built_in) {
      if (auto e = ValidateName(def.pos, def.name)) return e;
    }
    return ValidateDirectives(def.directives, def.kind, nullptr);
  }

  std::optional<Error> Run(const SchemaDocument& ast) {
    for (const auto& def : ast.definitions) {
      if (s_.types.count(def->name) != 0) {
        return ErrorAt(def->pos, "Cannot redeclare type " + def->name + ".");
      }
      s_.types[def->name] = def.get();
    }
    std::vector<Definition*> defs;
    for (const auto& def : ast.definitions) defs.push_back(def.get());
    for (const auto& ext : ast.extensions) {
      Definition* def = s_.Type(ext->name);
      if (def == nullptr) {
        auto made = std::make_shared<Definition>();
        made->kind = ext->kind;
        made->name = ext->name;
        made->pos = ext->pos;
        s_.synthesized.push_back(made);
        def = made.get();
        s_.types[ext->name] = def;
        defs.push_back(def);
      }
      if (def->kind != ext->kind) {
        return ErrorAt(ext->pos, "Cannot extend type " + ext->name + " because the base type is a " +
                                     def->kind + ", not " + ext->kind + ".");
      }
      def->directives.insert(def->directives.end(), ext->directives.begin(), ext->directives.end());
      def->interfaces.insert(def->interfaces.end(), ext->interfaces.begin(), ext->interfaces.end());
      def->fields.insert(def->fields.end(), ext->fields.begin(), ext->fields.end());
      def->types.insert(def->types.end(), ext->types.begin(), ext->types.end());
      def->enum_values.insert(def->enum_values.end(), ext->enum_values.begin(),
                              ext->enum_values.end());
    }
    auto add_possible = [&](const std::string& name, Definition* d) {
      if (d != nullptr) s_.possible_types[name].push_back(d);
    };
    auto add_implements = [&](const std::string& name, Definition* d) {
      if (d != nullptr) s_.implements[name].push_back(d);
    };
    for (Definition* def : defs) {
      if (def->kind == kUnion) {
        for (const std::string& t : def->types) {
          add_possible(def->name, s_.Type(t));
          add_implements(t, def);
        }
      } else if (def->kind == kInputObject || def->kind == kObject) {
        for (const std::string& intf : def->interfaces) {
          add_possible(intf, def);
          add_implements(def->name, s_.Type(intf));
        }
        add_possible(def->name, def);
      } else if (def->kind == kInterface) {
        for (const std::string& intf : def->interfaces) {
          add_possible(intf, def);
          add_implements(def->name, s_.Type(intf));
        }
      }
    }
    for (const auto& dir : ast.directives) {
      if (s_.directives.count(dir->name) != 0 && dir->name != "include" && dir->name != "skip" &&
          dir->name != "deprecated" && dir->name != "specifiedBy") {
        return ErrorAt(dir->pos, "Cannot redeclare directive " + dir->name + ".");
      }
      s_.directives[dir->name] = dir.get();
    }
    if (ast.schema.size() > 1) {
      return ErrorAt(ast.schema[1]->pos,
                     "Cannot have multiple schema entry points, consider schema extensions "
                     "instead.");
    }
    auto entry_points = [&](const SchemaDefinition& sd) -> std::optional<Error> {
      for (const auto& entry : sd.operation_types) {
        Definition* def = s_.Type(entry->type);
        if (def == nullptr) {
          return ErrorAt(entry->pos, "Schema root " + entry->operation + " refers to a type " +
                                         entry->type + " that does not exist.");
        }
        if (entry->operation == "query") s_.query = def;
        if (entry->operation == "mutation") s_.mutation = def;
        if (entry->operation == "subscription") s_.subscription = def;
      }
      return std::nullopt;
    };
    if (ast.schema.size() == 1) {
      s_.description = ast.schema[0]->description;
      if (auto e = entry_points(*ast.schema[0])) return e;
    }
    for (const auto& ext : ast.schema_extension) {
      if (auto e = entry_points(*ext)) return e;
    }
    for (const auto& [name, def] : s_.types) {  // sorted by name, as gqlparser sorts them
      if (auto e = ValidateDefinition(*def)) return e;
    }
    for (const auto& [name, dir] : s_.directives) {
      if (auto e = ValidateName(dir->pos, dir->name)) return e;
      if (auto e = ValidateArgs(dir->arguments, dir)) return e;
    }
    if (ast.schema.empty()) {
      if (s_.query == nullptr) s_.query = s_.Type("Query");
      if (s_.mutation == nullptr) s_.mutation = s_.Type("Mutation");
      if (s_.subscription == nullptr) s_.subscription = s_.Type("Subscription");
    }
    if (s_.query != nullptr) {
      auto schema_field = std::make_shared<FieldDefinition>();
      schema_field->name = "__schema";
      schema_field->type = std::make_shared<Type>();
      schema_field->type->named_type = "__Schema";
      schema_field->type->non_null = true;
      auto type_field = std::make_shared<FieldDefinition>();
      type_field->name = "__type";
      type_field->type = std::make_shared<Type>();
      type_field->type->named_type = "__Type";
      auto name_arg = std::make_shared<ArgumentDefinition>();
      name_arg->name = "name";
      name_arg->type = std::make_shared<Type>();
      name_arg->type->named_type = "String";
      name_arg->type->non_null = true;
      type_field->arguments.push_back(name_arg);
      s_.query->fields.push_back(schema_field);
      s_.query->fields.push_back(type_field);
    }
    return std::nullopt;
  }

 private:
  Schema& s_;
};

}  // namespace

Definition* Schema::Type(std::string_view name) const {
  auto it = types.find(name);
  return it == types.end() ? nullptr : it->second;
}

const std::vector<Definition*>& Schema::PossibleTypes(const Definition& def) const {
  static const std::vector<Definition*> kNone;
  auto it = possible_types.find(def.name);
  return it == possible_types.end() ? kNone : it->second;
}

ConvertedSchema ConvertSchema(const SchemaDocument& doc) {
  auto prelude = ParseSchema(kPrelude, /*built_in=*/true);
  auto merged = std::make_shared<SchemaDocument>();
  if (prelude.doc != nullptr) merged->Merge(*prelude.doc);
  merged->Merge(doc);
  auto schema = std::make_unique<Schema>();
  schema->doc = merged;
  SchemaValidator v(schema.get());
  if (auto e = v.Run(*merged)) return {nullptr, std::move(e)};
  return {std::move(schema), std::nullopt};
}

}  // namespace golden::rego::gql
