#include "rego/builtins/graphql_ast.h"

#include <utility>

#include "rego/builtins/go_strconv.h"

namespace golden::rego::gql {

// ---- ast helpers ----

std::string Type::Name() const {
  if (!named_type.empty() || elem == nullptr) return named_type;
  return elem->Name();
}

std::string Type::String() const {
  const char* nn = non_null ? "!" : "";
  if (!named_type.empty() || elem == nullptr) return named_type + nn;
  return "[" + elem->String() + "]" + nn;
}

// ast.Type.IsCompatible.
bool Type::IsCompatible(const Type& other) const {
  if (named_type != other.named_type) return false;
  if (elem != nullptr && other.elem == nullptr) return false;
  if (elem != nullptr && !elem->IsCompatible(*other.elem)) return false;
  if (other.non_null) return non_null;
  return true;
}

std::string Value::String() const {
  switch (kind) {
    case kVariable:
      return "$" + raw;
    case kStringValue:
    case kBlockValue:
      return GoQuote(raw);
    case kListValue: {
      std::string out = "[";
      for (size_t i = 0; i < children.size(); ++i) {
        if (i > 0) out += ",";
        out += children[i]->value != nullptr ? children[i]->value->String() : "<nil>";
      }
      return out + "]";
    }
    case kObjectValue: {
      std::string out = "{";
      for (size_t i = 0; i < children.size(); ++i) {
        if (i > 0) out += ",";
        out += children[i]->name + ":" +
               (children[i]->value != nullptr ? children[i]->value->String() : "<nil>");
      }
      return out + "}";
    }
    default:
      return raw;
  }
}

const ChildValue* Value::Child(std::string_view name) const {
  for (const auto& c : children) {
    if (c->name == name) return c.get();
  }
  return nullptr;
}

FragmentDefinition* QueryDocument::Fragment(std::string_view name) const {
  for (const auto& f : fragments) {
    if (f->name == name) return f.get();
  }
  return nullptr;
}

const ArgumentDefinition* FieldDefinition::Argument(std::string_view n) const {
  for (const auto& a : arguments) {
    if (a->name == n) return a.get();
  }
  return nullptr;
}

const FieldDefinition* Definition::Field(std::string_view n) const {
  for (const auto& f : fields) {
    if (f->name == n) return f.get();
  }
  return nullptr;
}

bool Definition::HasEnumValue(std::string_view n) const {
  for (const auto& e : enum_values) {
    if (e->name == n) return true;
  }
  return false;
}

void SchemaDocument::Merge(const SchemaDocument& other) {
  schema.insert(schema.end(), other.schema.begin(), other.schema.end());
  schema_extension.insert(schema_extension.end(), other.schema_extension.begin(),
                          other.schema_extension.end());
  directives.insert(directives.end(), other.directives.begin(), other.directives.end());
  definitions.insert(definitions.end(), other.definitions.begin(), other.definitions.end());
  extensions.insert(extensions.end(), other.extensions.begin(), other.extensions.end());
}

// ---- Go's JSON of the structs, as OPA prunes it ----

namespace {

using golden::Value;
using GValue = gql::Value;

// An object under construction; members that OPA's pruning would drop (null, empty
// collections) are left out as they are added.
class Obj {
 public:
  Obj& Str(const char* k, const std::string& v) {
    e_.push_back({Value::String(k), Value::String(v)});
    return *this;
  }
  Obj& Bool(const char* k, bool v) {
    e_.push_back({Value::String(k), Value::Bool(v)});
    return *this;
  }
  Obj& Int(const char* k, int64_t v) {
    e_.push_back({Value::String(k), Value::Int(v)});
    return *this;
  }
  Obj& Opt(const char* k, std::optional<Value> v) {
    if (v.has_value()) e_.push_back({Value::String(k), std::move(*v)});
    return *this;
  }
  Obj& List(const char* k, std::vector<Value> items) {
    if (!items.empty()) e_.push_back({Value::String(k), Value::Array(std::move(items))});
    return *this;
  }
  Value Done() { return Value::Object(std::move(e_)); }

 private:
  std::vector<Value::Entry> e_;
};

template <typename T, typename F>
std::vector<Value> Each(const std::vector<T>& xs, F f) {
  std::vector<Value> out;
  for (const auto& x : xs) {
    if (x == nullptr) continue;
    std::optional<Value> v = f(*x);
    if (v.has_value()) out.push_back(std::move(*v));
  }
  return out;
}

std::vector<Value> Strings(const std::vector<std::string>& xs) {
  std::vector<Value> out;
  for (const auto& s : xs) out.push_back(Value::String(s));
  return out;
}

std::optional<Value> TypeJson(const Type* t) {
  if (t == nullptr) return std::nullopt;
  return Obj()
      .Str("NamedType", t->named_type)
      .Opt("Elem", TypeJson(t->elem.get()))
      .Bool("NonNull", t->non_null)
      .Done();
}

std::optional<Value> ValueJson(const GValue* v) {
  if (v == nullptr) return std::nullopt;
  return Obj()
      .Str("Raw", v->raw)
      .List("Children", Each(v->children,
                             [](const ChildValue& c) -> std::optional<Value> {
                               return Obj()
                                   .Str("Name", c.name)
                                   .Opt("Value", ValueJson(c.value.get()))
                                   .Done();
                             }))
      .Int("Kind", v->kind)
      .Bool("ExpectedTypeHasDefault", v->expected_type_has_default)
      .Done();
}

std::vector<Value> ArgumentsJson(const ArgumentList& args) {
  return Each(args, [](const Argument& a) -> std::optional<Value> {
    return Obj().Str("Name", a.name).Opt("Value", ValueJson(a.value.get())).Done();
  });
}

std::vector<Value> DirectivesJson(const DirectiveList& dirs) {
  return Each(dirs, [](const Directive& d) -> std::optional<Value> {
    return Obj()
        .Str("Name", d.name)
        .List("Arguments", ArgumentsJson(d.arguments))
        .Str("Location", d.location)
        .Done();
  });
}

std::vector<Value> VariableDefinitionsJson(const VariableDefinitionList& defs) {
  return Each(defs, [](const VariableDefinition& d) -> std::optional<Value> {
    return Obj()
        .Str("Variable", d.variable)
        .Opt("Type", TypeJson(d.type.get()))
        .Opt("DefaultValue", ValueJson(d.default_value.get()))
        .List("Directives", DirectivesJson(d.directives))
        .Bool("Used", d.used)
        .Done();
  });
}

std::vector<Value> SelectionSetJson(const SelectionSet& set) {
  return Each(set, [](const Selection& s) -> std::optional<Value> {
    switch (s.kind) {
      case Selection::kField: {
        const auto& f = static_cast<const Field&>(s);
        return Obj()
            .Str("Alias", f.alias)
            .Str("Name", f.name)
            .List("Arguments", ArgumentsJson(f.arguments))
            .List("Directives", DirectivesJson(f.directives))
            .List("SelectionSet", SelectionSetJson(f.selection_set))
            .Done();
      }
      case Selection::kFragmentSpread: {
        const auto& f = static_cast<const FragmentSpread&>(s);
        return Obj().Str("Name", f.name).List("Directives", DirectivesJson(f.directives)).Done();
      }
      case Selection::kInlineFragment: {
        const auto& f = static_cast<const InlineFragment&>(s);
        return Obj()
            .Str("TypeCondition", f.type_condition)
            .List("Directives", DirectivesJson(f.directives))
            .List("SelectionSet", SelectionSetJson(f.selection_set))
            .Done();
      }
    }
    return std::nullopt;
  });
}

std::vector<Value> ArgumentDefinitionsJson(const ArgumentDefinitionList& args) {
  return Each(args, [](const ArgumentDefinition& a) -> std::optional<Value> {
    return Obj()
        .Str("Description", a.description)
        .Str("Name", a.name)
        .Opt("DefaultValue", ValueJson(a.default_value.get()))
        .Opt("Type", TypeJson(a.type.get()))
        .List("Directives", DirectivesJson(a.directives))
        .Done();
  });
}

std::optional<Value> DefinitionJson(const Definition& d) {
  return Obj()
      .Str("Kind", d.kind)
      .Str("Description", d.description)
      .Str("Name", d.name)
      .List("Directives", DirectivesJson(d.directives))
      .List("Interfaces", Strings(d.interfaces))
      .List("Fields", Each(d.fields,
                           [](const FieldDefinition& f) -> std::optional<Value> {
                             return Obj()
                                 .Str("Description", f.description)
                                 .Str("Name", f.name)
                                 .List("Arguments", ArgumentDefinitionsJson(f.arguments))
                                 .Opt("DefaultValue", ValueJson(f.default_value.get()))
                                 .Opt("Type", TypeJson(f.type.get()))
                                 .List("Directives", DirectivesJson(f.directives))
                                 .Done();
                           }))
      .List("Types", Strings(d.types))
      .List("EnumValues", Each(d.enum_values,
                               [](const EnumValueDefinition& e) -> std::optional<Value> {
                                 return Obj()
                                     .Str("Description", e.description)
                                     .Str("Name", e.name)
                                     .List("Directives", DirectivesJson(e.directives))
                                     .Done();
                               }))
      .Bool("BuiltIn", d.built_in)
      .Done();
}

std::optional<Value> SchemaDefinitionJson(const SchemaDefinition& s) {
  return Obj()
      .Str("Description", s.description)
      .List("Directives", DirectivesJson(s.directives))
      .List("OperationTypes", Each(s.operation_types,
                                   [](const OperationTypeDefinition& o) -> std::optional<Value> {
                                     return Obj()
                                         .Str("Operation", o.operation)
                                         .Str("Type", o.type)
                                         .Done();
                                   }))
      .Done();
}

}  // namespace

golden::Value ToValue(const QueryDocument& doc) {
  return Obj()
      .List("Operations", Each(doc.operations,
                               [](const OperationDefinition& o) -> std::optional<golden::Value> {
                                 return Obj()
                                     .Str("Operation", o.operation)
                                     .Str("Name", o.name)
                                     .List("VariableDefinitions",
                                           VariableDefinitionsJson(o.variable_definitions))
                                     .List("Directives", DirectivesJson(o.directives))
                                     .List("SelectionSet", SelectionSetJson(o.selection_set))
                                     .Done();
                               }))
      .List("Fragments", Each(doc.fragments,
                              [](const FragmentDefinition& f) -> std::optional<golden::Value> {
                                return Obj()
                                    .Str("Name", f.name)
                                    .List("VariableDefinition",
                                          VariableDefinitionsJson(f.variable_definition))
                                    .Str("TypeCondition", f.type_condition)
                                    .List("Directives", DirectivesJson(f.directives))
                                    .List("SelectionSet", SelectionSetJson(f.selection_set))
                                    .Done();
                              }))
      .Done();
}

golden::Value ToValue(const SchemaDocument& doc) {
  return Obj()
      .List("Schema", Each(doc.schema, SchemaDefinitionJson))
      .List("SchemaExtension", Each(doc.schema_extension, SchemaDefinitionJson))
      .List("Directives", Each(doc.directives,
                               [](const DirectiveDefinition& d) -> std::optional<golden::Value> {
                                 return Obj()
                                     .Str("Description", d.description)
                                     .Str("Name", d.name)
                                     .List("Arguments", ArgumentDefinitionsJson(d.arguments))
                                     .List("Locations", Strings(d.locations))
                                     .Bool("IsRepeatable", d.is_repeatable)
                                     .Done();
                               }))
      .List("Definitions", Each(doc.definitions, DefinitionJson))
      .List("Extensions", Each(doc.extensions, DefinitionJson))
      .Done();
}

// ---- json.Unmarshal into the structs ----

namespace {

// Go's json decoding of one struct: each member of the object goes to the field whose name
// matches it exactly or, failing that, case-insensitively (as encoding/json does); unknown
// members are skipped. gqlparser's own UnmarshalJSON methods (Field, InlineFragment,
// OperationDefinition, FragmentDefinition) match names exactly.
class Decoder {
 public:
  Status Fail(std::string_view json_type, std::string_view field, std::string_view go_type) {
    return InvalidArgument("json: cannot unmarshal " + std::string(json_type) +
                           " into Go struct field " + std::string(field) + " of type " +
                           std::string(go_type));
  }

  static std::string_view JsonType(const Value& v) {
    if (v.IsString()) return "string";
    if (v.IsNumber()) return "number";
    if (v.IsBool()) return "bool";
    if (v.IsArray() || v.IsSet()) return "array";
    if (v.IsObject()) return "object";
    return "null";
  }

  static bool FoldEq(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      char x = a[i], y = b[i];
      if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
      if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
      if (x != y) return false;
    }
    return true;
  }

  // Calls `f(field, value)` for each member of `obj` that names one of `fields`.
  template <typename F>
  Status Members(const Value& obj, std::string_view struct_name,
                 std::initializer_list<std::string_view> fields, bool exact, F f) {
    if (obj.IsNull()) return Status::Ok();
    if (!obj.IsObject()) return Fail(JsonType(obj), struct_name, struct_name);
    for (const auto& e : obj.GetObject()) {
      if (!e.key.IsString()) continue;
      std::string_view key = e.key.GetString();
      std::string_view match;
      for (std::string_view name : fields) {
        if (name == key) {
          match = name;
          break;
        }
      }
      if (match.empty() && !exact) {
        for (std::string_view name : fields) {
          if (FoldEq(name, key)) {
            match = name;
            break;
          }
        }
      }
      if (match.empty()) continue;
      GOLDEN_RETURN_IF_ERROR(f(match, e.value));
    }
    return Status::Ok();
  }

  Status Str(const Value& v, std::string* out, std::string_view field) {
    if (v.IsNull()) return Status::Ok();
    if (!v.IsString()) return Fail(JsonType(v), field, "string");
    *out = std::string(v.GetString());
    return Status::Ok();
  }
  Status Bool(const Value& v, bool* out, std::string_view field) {
    if (v.IsNull()) return Status::Ok();
    if (!v.IsBool()) return Fail(JsonType(v), field, "bool");
    *out = v.GetBool();
    return Status::Ok();
  }
  Status Int(const Value& v, int* out, std::string_view field) {
    if (v.IsNull()) return Status::Ok();
    if (!v.IsNumber() || !v.GetNumber().IsSmallInt() || v.GetNumber().small_int() > INT32_MAX ||
        v.GetNumber().small_int() < INT32_MIN) {
      return Fail(v.IsNumber() ? "number " + Json(v) : std::string(JsonType(v)), field, "int");
    }
    *out = static_cast<int>(v.GetNumber().small_int());
    return Status::Ok();
  }
  Status Strings(const Value& v, std::vector<std::string>* out, std::string_view field) {
    if (v.IsNull()) return Status::Ok();
    if (!v.IsArray()) return Fail(JsonType(v), field, "[]string");
    out->clear();
    for (const Value& x : v.GetArray()) {
      std::string s;
      GOLDEN_RETURN_IF_ERROR(Str(x, &s, field));
      out->push_back(std::move(s));
    }
    return Status::Ok();
  }
  // A slice of pointers to structs decoded by `one`.
  template <typename T, typename F>
  Status List(const Value& v, std::vector<std::shared_ptr<T>>* out, std::string_view field,
              F one) {
    if (v.IsNull()) return Status::Ok();
    if (!v.IsArray()) return Fail(JsonType(v), field, "[]");
    out->clear();
    for (const Value& x : v.GetArray()) {
      if (x.IsNull()) continue;
      auto item = std::make_shared<T>();
      GOLDEN_RETURN_IF_ERROR(one(x, item.get()));
      out->push_back(std::move(item));
    }
    return Status::Ok();
  }

  Status Position(const Value& v, Pos* out) {
    if (v.IsNull()) return Status::Ok();
    gql::Position p;
    GOLDEN_RETURN_IF_ERROR(Members(v, "Position", {"Start", "End", "Line", "Column", "Src"}, false,
                                   [&](std::string_view f, const Value& x) -> Status {
                                     if (f == "Line") return Int(x, &p.line, "Position.Line");
                                     if (f == "Column") return Int(x, &p.column, "Position.Column");
                                     return Status::Ok();
                                   }));
    *out = p;
    return Status::Ok();
  }

  Status TypeOf(const Value& v, TypePtr* out) {
    if (v.IsNull()) return Status::Ok();
    auto t = std::make_shared<Type>();
    GOLDEN_RETURN_IF_ERROR(Members(v, "Type", {"NamedType", "Elem", "NonNull", "Position"}, false,
                                   [&](std::string_view f, const Value& x) -> Status {
                                     if (f == "NamedType") return Str(x, &t->named_type, "Type.NamedType");
                                     if (f == "Elem") return TypeOf(x, &t->elem);
                                     if (f == "NonNull") return Bool(x, &t->non_null, "Type.NonNull");
                                     return Position(x, &t->pos);
                                   }));
    *out = std::move(t);
    return Status::Ok();
  }

  // The validation-only members (Definition, VariableDefinition, ExpectedType) are not read:
  // validation fills them in itself.
  Status ValueOf(const Value& v, ValuePtr* out) {
    if (v.IsNull()) return Status::Ok();
    auto val = std::make_shared<GValue>();
    GOLDEN_RETURN_IF_ERROR(Members(
        v, "Value", {"Raw", "Children", "Kind", "Position", "ExpectedTypeHasDefault"}, false,
        [&](std::string_view f, const Value& x) -> Status {
          if (f == "Raw") return Str(x, &val->raw, "Value.Raw");
          if (f == "Kind") return Int(x, &val->kind, "Value.Kind");
          if (f == "ExpectedTypeHasDefault") {
            return Bool(x, &val->expected_type_has_default, "Value.ExpectedTypeHasDefault");
          }
          if (f == "Position") return Position(x, &val->pos);
          return List(x, &val->children, "Value.Children",
                      [&](const Value& c, ChildValue* cv) -> Status {
                        return Members(c, "ChildValue", {"Name", "Value", "Position"}, false,
                                       [&](std::string_view g, const Value& y) -> Status {
                                         if (g == "Name") return Str(y, &cv->name, "ChildValue.Name");
                                         if (g == "Value") return ValueOf(y, &cv->value);
                                         return Position(y, &cv->pos);
                                       });
                      });
        }));
    *out = std::move(val);
    return Status::Ok();
  }

  Status Arguments(const Value& v, ArgumentList* out, std::string_view field) {
    return List(v, out, field, [&](const Value& x, Argument* a) -> Status {
      return Members(x, "Argument", {"Name", "Value", "Position"}, false,
                     [&](std::string_view f, const Value& y) -> Status {
                       if (f == "Name") return Str(y, &a->name, "Argument.Name");
                       if (f == "Value") return ValueOf(y, &a->value);
                       return Position(y, &a->pos);
                     });
    });
  }

  Status Directives(const Value& v, DirectiveList* out, std::string_view field) {
    return List(v, out, field, [&](const Value& x, Directive* d) -> Status {
      return Members(x, "Directive", {"Name", "Arguments", "Position", "Location"}, false,
                     [&](std::string_view f, const Value& y) -> Status {
                       if (f == "Name") return Str(y, &d->name, "Directive.Name");
                       if (f == "Arguments") return Arguments(y, &d->arguments, "Directive.Arguments");
                       if (f == "Location") return Str(y, &d->location, "Directive.Location");
                       return Position(y, &d->pos);
                     });
    });
  }

  Status VariableDefinitions(const Value& v, VariableDefinitionList* out, std::string_view field) {
    return List(v, out, field, [&](const Value& x, VariableDefinition* d) -> Status {
      return Members(x, "VariableDefinition",
                     {"Variable", "Type", "DefaultValue", "Directives", "Position", "Used"}, false,
                     [&](std::string_view f, const Value& y) -> Status {
                       if (f == "Variable") return Str(y, &d->variable, "VariableDefinition.Variable");
                       if (f == "Type") return TypeOf(y, &d->type);
                       if (f == "DefaultValue") return ValueOf(y, &d->default_value);
                       if (f == "Directives") return Directives(y, &d->directives, "VariableDefinition.Directives");
                       if (f == "Used") return Bool(y, &d->used, "VariableDefinition.Used");
                       return Position(y, &d->pos);
                     });
    });
  }

  // gqlparser's UnmarshalSelectionSet: each element becomes a Field when it decodes as one,
  // else a FragmentSpread, else an InlineFragment, else it is dropped. (A Field decodes from
  // any object, so in practice every element is a Field.)
  Status Selections(const Value& v, SelectionSet* out) {
    if (v.IsNull()) return Status::Ok();
    if (!v.IsArray()) return Fail(JsonType(v), "SelectionSet", "[]json.RawMessage");
    out->clear();
    for (const Value& x : v.GetArray()) {
      auto field = std::make_shared<Field>();
      if (FieldOf(x, field.get()).ok()) {
        out->push_back(std::move(field));
        continue;
      }
      auto spread = std::make_shared<FragmentSpread>();
      Status s = Members(x, "FragmentSpread", {"Name", "Directives", "Position"}, false,
                         [&](std::string_view f, const Value& y) -> Status {
                           if (f == "Name") return Str(y, &spread->name, "FragmentSpread.Name");
                           if (f == "Directives") return Directives(y, &spread->directives, "FragmentSpread.Directives");
                           return Position(y, &spread->pos);
                         });
      if (s.ok()) {
        out->push_back(std::move(spread));
        continue;
      }
      auto inline_fragment = std::make_shared<InlineFragment>();
      s = Members(x, "InlineFragment", {"TypeCondition", "Directives", "SelectionSet", "Position"},
                  true, [&](std::string_view f, const Value& y) -> Status {
                    if (f == "TypeCondition") return Str(y, &inline_fragment->type_condition, "InlineFragment.TypeCondition");
                    if (f == "Directives") return Directives(y, &inline_fragment->directives, "InlineFragment.Directives");
                    if (f == "SelectionSet") return Selections(y, &inline_fragment->selection_set);
                    return Position(y, &inline_fragment->pos);
                  });
      if (s.ok()) out->push_back(std::move(inline_fragment));
    }
    return Status::Ok();
  }

  Status FieldOf(const Value& x, Field* field) {
    if (!x.IsObject() && !x.IsNull()) return Fail(JsonType(x), "Field", "map[string]json.RawMessage");
    return Members(x, "Field", {"Alias", "Name", "Arguments", "Directives", "SelectionSet", "Position"},
                   true, [&](std::string_view f, const Value& y) -> Status {
                     if (f == "Alias") return Str(y, &field->alias, "Field.Alias");
                     if (f == "Name") return Str(y, &field->name, "Field.Name");
                     if (f == "Arguments") return Arguments(y, &field->arguments, "Field.Arguments");
                     if (f == "Directives") return Directives(y, &field->directives, "Field.Directives");
                     if (f == "SelectionSet") return Selections(y, &field->selection_set);
                     return Position(y, &field->pos);
                   });
  }

  Status ArgumentDefinitions(const Value& v, ArgumentDefinitionList* out, std::string_view field) {
    return List(v, out, field, [&](const Value& x, ArgumentDefinition* a) -> Status {
      return Members(x, "ArgumentDefinition",
                     {"Description", "Name", "DefaultValue", "Type", "Directives", "Position"}, false,
                     [&](std::string_view f, const Value& y) -> Status {
                       if (f == "Description") return Str(y, &a->description, "ArgumentDefinition.Description");
                       if (f == "Name") return Str(y, &a->name, "ArgumentDefinition.Name");
                       if (f == "DefaultValue") return ValueOf(y, &a->default_value);
                       if (f == "Type") return TypeOf(y, &a->type);
                       if (f == "Directives") return Directives(y, &a->directives, "ArgumentDefinition.Directives");
                       return Position(y, &a->pos);
                     });
    });
  }

  Status DefinitionOf(const Value& x, Definition* d) {
    return Members(
        x, "Definition",
        {"Kind", "Description", "Name", "Directives", "Interfaces", "Fields", "Types", "EnumValues",
         "Position", "BuiltIn"},
        false, [&](std::string_view f, const Value& y) -> Status {
          if (f == "Kind") return Str(y, &d->kind, "Definition.Kind");
          if (f == "Description") return Str(y, &d->description, "Definition.Description");
          if (f == "Name") return Str(y, &d->name, "Definition.Name");
          if (f == "Directives") return Directives(y, &d->directives, "Definition.Directives");
          if (f == "Interfaces") return Strings(y, &d->interfaces, "Definition.Interfaces");
          if (f == "Types") return Strings(y, &d->types, "Definition.Types");
          if (f == "BuiltIn") return Bool(y, &d->built_in, "Definition.BuiltIn");
          if (f == "Position") return Position(y, &d->pos);
          if (f == "Fields") {
            return List(y, &d->fields, "Definition.Fields", [&](const Value& z, FieldDefinition* fd) {
              return Members(z, "FieldDefinition",
                             {"Description", "Name", "Arguments", "DefaultValue", "Type", "Directives",
                              "Position"},
                             false, [&](std::string_view g, const Value& w) -> Status {
                               if (g == "Description") return Str(w, &fd->description, "FieldDefinition.Description");
                               if (g == "Name") return Str(w, &fd->name, "FieldDefinition.Name");
                               if (g == "Arguments") return ArgumentDefinitions(w, &fd->arguments, "FieldDefinition.Arguments");
                               if (g == "DefaultValue") return ValueOf(w, &fd->default_value);
                               if (g == "Type") return TypeOf(w, &fd->type);
                               if (g == "Directives") return Directives(w, &fd->directives, "FieldDefinition.Directives");
                               return Position(w, &fd->pos);
                             });
            });
          }
          return List(y, &d->enum_values, "Definition.EnumValues",
                      [&](const Value& z, EnumValueDefinition* e) {
                        return Members(z, "EnumValueDefinition",
                                       {"Description", "Name", "Directives", "Position"}, false,
                                       [&](std::string_view g, const Value& w) -> Status {
                                         if (g == "Description") return Str(w, &e->description, "EnumValueDefinition.Description");
                                         if (g == "Name") return Str(w, &e->name, "EnumValueDefinition.Name");
                                         if (g == "Directives") return Directives(w, &e->directives, "EnumValueDefinition.Directives");
                                         return Position(w, &e->pos);
                                       });
                      });
        });
  }

  Status SchemaDefinitions(const Value& v, std::vector<std::shared_ptr<SchemaDefinition>>* out,
                           std::string_view field) {
    return List(v, out, field, [&](const Value& x, SchemaDefinition* s) -> Status {
      return Members(
          x, "SchemaDefinition", {"Description", "Directives", "OperationTypes", "Position"}, false,
          [&](std::string_view f, const Value& y) -> Status {
            if (f == "Description") return Str(y, &s->description, "SchemaDefinition.Description");
            if (f == "Directives") return Directives(y, &s->directives, "SchemaDefinition.Directives");
            if (f == "Position") return Position(y, &s->pos);
            return List(y, &s->operation_types, "SchemaDefinition.OperationTypes",
                        [&](const Value& z, OperationTypeDefinition* o) {
                          return Members(z, "OperationTypeDefinition", {"Operation", "Type", "Position"},
                                         false, [&](std::string_view g, const Value& w) -> Status {
                                           if (g == "Operation") return Str(w, &o->operation, "OperationTypeDefinition.Operation");
                                           if (g == "Type") return Str(w, &o->type, "OperationTypeDefinition.Type");
                                           return Position(w, &o->pos);
                                         });
                        });
          });
    });
  }

 private:
  static std::string Json(const Value& v);
};

std::string Decoder::Json(const Value& v) {
  if (v.IsNumber()) {
    const auto n = v.GetNumber();
    if (n.IsSmallInt()) return std::to_string(n.small_int());
  }
  return "";
}

}  // namespace

Result<std::shared_ptr<QueryDocument>> QueryDocumentFromValue(const golden::Value& v) {
  Decoder d;
  auto doc = std::make_shared<QueryDocument>();
  GOLDEN_RETURN_IF_ERROR(d.Members(
      v, "QueryDocument", {"Operations", "Fragments", "Position"}, false,
      [&](std::string_view f, const golden::Value& x) -> Status {
        if (f == "Operations") {
          return d.List(x, &doc->operations, "QueryDocument.Operations",
                        [&](const golden::Value& y, OperationDefinition* o) {
                          return d.Members(
                              y, "OperationDefinition",
                              {"Operation", "Name", "VariableDefinitions", "Directives", "SelectionSet",
                               "Position"},
                              true, [&](std::string_view g, const golden::Value& z) -> Status {
                                if (g == "Operation") return d.Str(z, &o->operation, "OperationDefinition.Operation");
                                if (g == "Name") return d.Str(z, &o->name, "OperationDefinition.Name");
                                if (g == "VariableDefinitions") return d.VariableDefinitions(z, &o->variable_definitions, "OperationDefinition.VariableDefinitions");
                                if (g == "Directives") return d.Directives(z, &o->directives, "OperationDefinition.Directives");
                                if (g == "SelectionSet") return d.Selections(z, &o->selection_set);
                                return d.Position(z, &o->pos);
                              });
                        });
        }
        if (f == "Fragments") {
          return d.List(x, &doc->fragments, "QueryDocument.Fragments",
                        [&](const golden::Value& y, FragmentDefinition* fr) {
                          return d.Members(
                              y, "FragmentDefinition",
                              {"Name", "VariableDefinition", "TypeCondition", "Directives", "SelectionSet",
                               "Position"},
                              true, [&](std::string_view g, const golden::Value& z) -> Status {
                                if (g == "Name") return d.Str(z, &fr->name, "FragmentDefinition.Name");
                                if (g == "VariableDefinition") return d.VariableDefinitions(z, &fr->variable_definition, "FragmentDefinition.VariableDefinition");
                                if (g == "TypeCondition") return d.Str(z, &fr->type_condition, "FragmentDefinition.TypeCondition");
                                if (g == "Directives") return d.Directives(z, &fr->directives, "FragmentDefinition.Directives");
                                if (g == "SelectionSet") return d.Selections(z, &fr->selection_set);
                                return d.Position(z, &fr->pos);
                              });
                        });
        }
        return Status::Ok();
      }));
  return doc;
}

Result<std::shared_ptr<SchemaDocument>> SchemaDocumentFromValue(const golden::Value& v) {
  Decoder d;
  auto doc = std::make_shared<SchemaDocument>();
  GOLDEN_RETURN_IF_ERROR(d.Members(
      v, "SchemaDocument",
      {"Schema", "SchemaExtension", "Directives", "Definitions", "Extensions", "Position"}, false,
      [&](std::string_view f, const golden::Value& x) -> Status {
        if (f == "Schema") return d.SchemaDefinitions(x, &doc->schema, "SchemaDocument.Schema");
        if (f == "SchemaExtension") {
          return d.SchemaDefinitions(x, &doc->schema_extension, "SchemaDocument.SchemaExtension");
        }
        if (f == "Definitions" || f == "Extensions") {
          auto* out = f == "Definitions" ? &doc->definitions : &doc->extensions;
          return d.List(x, out, "SchemaDocument." + std::string(f),
                        [&](const golden::Value& y, Definition* def) { return d.DefinitionOf(y, def); });
        }
        if (f == "Directives") {
          return d.List(x, &doc->directives, "SchemaDocument.Directives",
                        [&](const golden::Value& y, DirectiveDefinition* dd) {
                          return d.Members(
                              y, "DirectiveDefinition",
                              {"Description", "Name", "Arguments", "Locations", "IsRepeatable", "Position"},
                              false, [&](std::string_view g, const golden::Value& z) -> Status {
                                if (g == "Description") return d.Str(z, &dd->description, "DirectiveDefinition.Description");
                                if (g == "Name") return d.Str(z, &dd->name, "DirectiveDefinition.Name");
                                if (g == "Arguments") return d.ArgumentDefinitions(z, &dd->arguments, "DirectiveDefinition.Arguments");
                                if (g == "Locations") return d.Strings(z, &dd->locations, "DirectiveDefinition.Locations");
                                if (g == "IsRepeatable") return d.Bool(z, &dd->is_repeatable, "DirectiveDefinition.IsRepeatable");
                                return d.Position(z, &dd->pos);
                              });
                        });
        }
        return Status::Ok();
      }));
  return doc;
}

}  // namespace golden::rego::gql
