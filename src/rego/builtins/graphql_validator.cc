#include "rego/builtins/graphql_validator.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <set>
#include <utility>

#include "rego/builtins/go_strconv.h"
#include "rego/builtins/unicode.h"

namespace golden::rego::gql {

// ---- query validation (gqlparser's validator/walk.go and validator/rules) ----

namespace {

class Walker;

struct Events {
  std::vector<std::function<void(Walker&, OperationDefinition&)>> operation;
  std::vector<std::function<void(Walker&, Field&)>> field;
  std::vector<std::function<void(Walker&, FragmentDefinition&)>> fragment;
  std::vector<std::function<void(Walker&, InlineFragment&)>> inline_fragment;
  std::vector<std::function<void(Walker&, FragmentSpread&)>> fragment_spread;
  std::vector<std::function<void(Walker&, Directive&)>> directive;
  std::vector<std::function<void(Walker&, const DirectiveList&)>> directive_list;
  std::vector<std::function<void(Walker&, gql::Value&)>> value;
};

class Walker {
 public:
  Walker(const Schema& schema, QueryDocument& doc, const Events& events)
      : schema(schema), doc(doc), events_(events) {
    typename_type_.named_type = "String";
  }

  const Schema& schema;
  QueryDocument& doc;
  OperationDefinition* current_operation = nullptr;

  void Walk() {
    for (auto& op : doc.operations) {
      validated_fragment_spreads_.clear();
      WalkOperation(*op);
    }
    for (auto& fr : doc.fragments) {
      validated_fragment_spreads_.clear();
      WalkFragment(*fr);
    }
  }

 private:
  Definition* TypeOf(const TypePtr& t) const { return t != nullptr ? schema.Type(t->Name()) : nullptr; }

  void WalkOperation(OperationDefinition& op) {
    current_operation = &op;
    for (auto& var : op.variable_definitions) {
      var->definition = TypeOf(var->type);
      if (var->default_value != nullptr) {
        var->default_value->expected_type = var->type.get();
        var->default_value->definition = TypeOf(var->type);
      }
    }
    Definition* def = nullptr;
    std::string loc;
    if (op.operation == "query" || op.operation.empty()) {
      def = schema.query;
      loc = "QUERY";
    } else if (op.operation == "mutation") {
      def = schema.mutation;
      loc = "MUTATION";
    } else if (op.operation == "subscription") {
      def = schema.subscription;
      loc = "SUBSCRIPTION";
    }
    WalkDirectives(def, op.directives, loc);
    for (auto& var : op.variable_definitions) {
      if (var->default_value != nullptr) WalkValue(*var->default_value);
    }
    WalkSelectionSet(def, op.selection_set);
    for (const auto& f : events_.operation) f(*this, op);
    current_operation = nullptr;
  }

  void WalkFragment(FragmentDefinition& fr) {
    Definition* def = schema.Type(fr.type_condition);
    fr.definition = def;
    WalkDirectives(def, fr.directives, "FRAGMENT_DEFINITION");
    WalkSelectionSet(def, fr.selection_set);
    for (const auto& f : events_.fragment) f(*this, fr);
  }

  void WalkDirectives(Definition* parent, const DirectiveList& directives, const std::string& loc) {
    for (const auto& dir : directives) {
      auto it = schema.directives.find(dir->name);
      DirectiveDefinition* def = it == schema.directives.end() ? nullptr : it->second;
      dir->definition = def;
      dir->parent_definition = parent;
      dir->location = loc;
      for (const auto& arg : dir->arguments) {
        const ArgumentDefinition* arg_def = nullptr;
        if (def != nullptr) {
          for (const auto& a : def->arguments) {
            if (a->name == arg->name) {
              arg_def = a.get();
              break;
            }
          }
        }
        WalkArgument(arg_def, *arg);
      }
      for (const auto& f : events_.directive) f(*this, *dir);
    }
    for (const auto& f : events_.directive_list) f(*this, directives);
  }

  void WalkValue(gql::Value& value) {
    if (value.kind == kVariable && current_operation != nullptr) {
      value.variable_definition = nullptr;
      for (auto& var : current_operation->variable_definitions) {
        if (var->variable == value.raw) {
          value.variable_definition = var.get();
          break;
        }
      }
      if (value.variable_definition != nullptr) value.variable_definition->used = true;
    }
    if (value.kind == kObjectValue) {
      for (auto& child : value.children) {
        if (child->value == nullptr) continue;
        if (value.definition != nullptr) {
          if (const FieldDefinition* fd = value.definition->Field(child->name)) {
            child->value->expected_type = fd->type.get();
            child->value->expected_type_has_default =
                fd->default_value != nullptr && fd->default_value->kind != kNullValue;
            child->value->definition = TypeOf(fd->type);
          }
        }
        WalkValue(*child->value);
      }
    }
    if (value.kind == kListValue) {
      for (auto& child : value.children) {
        if (child->value == nullptr) continue;
        if (value.expected_type != nullptr && value.expected_type->elem != nullptr) {
          child->value->expected_type = value.expected_type->elem.get();
          child->value->definition = value.definition;
        }
        WalkValue(*child->value);
      }
    }
    for (const auto& f : events_.value) f(*this, value);
  }

  void WalkArgument(const ArgumentDefinition* arg_def, Argument& arg) {
    if (arg.value == nullptr) return;
    if (arg_def != nullptr) {
      arg.value->expected_type = arg_def->type.get();
      arg.value->expected_type_has_default =
          arg_def->default_value != nullptr && arg_def->default_value->kind != kNullValue;
      arg.value->definition = TypeOf(arg_def->type);
    }
    WalkValue(*arg.value);
  }

  void WalkSelectionSet(Definition* parent, const SelectionSet& set) {
    for (const auto& sel : set) WalkSelection(parent, *sel);
  }

  void WalkSelection(Definition* parent, Selection& sel) {
    switch (sel.kind) {
      case Selection::kField: {
        auto& it = static_cast<Field&>(sel);
        const FieldDefinition* def = nullptr;
        if (it.name == "__typename") {
          auto synthetic = std::make_shared<FieldDefinition>();
          synthetic->name = "__typename";
          synthetic->type = std::make_shared<Type>(typename_type_);
          typename_defs_.push_back(synthetic);
          def = synthetic.get();
        } else if (parent != nullptr) {
          def = parent->Field(it.name);
        }
        it.definition = def;
        it.object_definition = parent;
        Definition* next = def != nullptr ? TypeOf(def->type) : nullptr;
        for (const auto& arg : it.arguments) {
          WalkArgument(def != nullptr ? def->Argument(arg->name) : nullptr, *arg);
        }
        WalkDirectives(next, it.directives, "FIELD");
        WalkSelectionSet(next, it.selection_set);
        for (const auto& f : events_.field) f(*this, it);
        break;
      }
      case Selection::kInlineFragment: {
        auto& it = static_cast<InlineFragment&>(sel);
        it.object_definition = parent;
        Definition* next = parent;
        if (!it.type_condition.empty()) next = schema.Type(it.type_condition);
        WalkDirectives(next, it.directives, "INLINE_FRAGMENT");
        WalkSelectionSet(next, it.selection_set);
        for (const auto& f : events_.inline_fragment) f(*this, it);
        break;
      }
      case Selection::kFragmentSpread: {
        auto& it = static_cast<FragmentSpread&>(sel);
        FragmentDefinition* def = doc.Fragment(it.name);
        it.definition = def;
        it.object_definition = parent;
        Definition* next = def != nullptr ? schema.Type(def->type_condition) : nullptr;
        WalkDirectives(next, it.directives, "FRAGMENT_SPREAD");
        if (def != nullptr && validated_fragment_spreads_.insert(def->name).second) {
          WalkSelectionSet(next, def->selection_set);
        }
        for (const auto& f : events_.fragment_spread) f(*this, it);
        break;
      }
    }
  }

  const Events& events_;
  std::set<std::string, std::less<>> validated_fragment_spreads_;
  Type typename_type_;
  std::vector<std::shared_ptr<FieldDefinition>> typename_defs_;
};

using AddErr = std::function<void(std::string message, Pos pos)>;

// ---- messaging and suggestions (validator/messaging.go, suggestionList.go) ----

std::string OrList(std::vector<std::string> items) {
  if (items.size() > 5) items.resize(5);
  if (items.size() == 2) return items[0] + " or " + items[1];
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i != 0) out += i == items.size() - 1 ? ", or " : ", ";
    out += items[i];
  }
  return out;
}

std::string QuotedOrList(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const auto& s : items) quoted.push_back("\"" + s + "\"");
  return OrList(std::move(quoted));
}

std::u32string Runes(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out.push_back(static_cast<char32_t>(unicode::DecodeRune(s, &i)));
  return out;
}

// agnivade/levenshtein.ComputeDistance (on runes).
int Levenshtein(std::string_view a, std::string_view b) {
  const std::u32string s = Runes(a), t = Runes(b);
  std::vector<int> row(t.size() + 1);
  for (size_t j = 0; j <= t.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= s.size(); ++i) {
    int prev = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= t.size(); ++j) {
      const int current = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (s[i - 1] == t[j - 1] ? 0 : 1)});
      prev = current;
    }
  }
  return row[t.size()];
}

std::string AsciiLower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::vector<std::string> SuggestionList(const std::string& input,
                                        const std::vector<std::string>& options) {
  std::vector<std::pair<std::string, int>> results;
  for (const auto& option : options) {
    int distance;
    if (input == option) {
      distance = 0;
    } else if (AsciiLower(input) == AsciiLower(option)) {
      distance = 1;
    } else {
      distance = Levenshtein(AsciiLower(input), AsciiLower(option));
    }
    // graphql-js's threshold: 40% of the input's length, plus one.
    const int threshold = std::max(1, static_cast<int>(static_cast<double>(input.size()) * 0.4) + 1);
    if (distance <= threshold) results.emplace_back(option, distance);
  }
  std::stable_sort(results.begin(), results.end(),
                   [](const auto& x, const auto& y) { return x.second < y.second; });
  std::vector<std::string> out;
  for (auto& [s, d] : results) out.push_back(std::move(s));
  return out;
}

std::string SuggestQuoted(const std::string& prefix, const std::string& typed,
                          const std::vector<std::string>& options) {
  auto s = SuggestionList(typed, options);
  return s.empty() ? "" : " " + prefix + " " + QuotedOrList(s) + "?";
}

std::string SuggestUnquoted(const std::string& prefix, const std::string& typed,
                            const std::vector<std::string>& options) {
  auto s = SuggestionList(typed, options);
  return s.empty() ? "" : " " + prefix + " " + OrList(std::move(s)) + "?";
}

// ---- rules, in the order gqlparser registers them ----

void FieldsOnCorrectType(Events& ev, const AddErr& add) {
  ev.field.push_back([add](Walker& w, Field& field) {
    if (field.object_definition == nullptr || field.definition != nullptr) return;
    std::string message = "Cannot query field \"" + field.name + "\" on type \"" +
                          field.object_definition->name + "\".";
    const Definition* parent = field.object_definition;
    std::vector<std::string> suggested_types;
    if (parent->IsAbstractType()) {
      std::vector<std::string> objects, interfaces;
      std::map<std::string, int, std::less<>> usage;
      for (const Definition* possible : w.schema.PossibleTypes(*parent)) {
        if (possible->Field(field.name) == nullptr) continue;
        objects.push_back(possible->name);
        for (const std::string& intf : possible->interfaces) {
          const Definition* d = w.schema.Type(intf);
          if (d != nullptr && d->Field(field.name) != nullptr) {
            if (usage[intf] == 0) interfaces.push_back(intf);
            usage[intf]++;
          }
        }
      }
      suggested_types = interfaces;
      suggested_types.insert(suggested_types.end(), objects.begin(), objects.end());
      std::stable_sort(suggested_types.begin(), suggested_types.end(),
                       [&](const std::string& a, const std::string& b) {
                         const int diff = usage[b] - usage[a];
                         if (diff != 0) return diff < 0;
                         return a < b;
                       });
    }
    if (!suggested_types.empty()) {
      message += " Did you mean to use an inline fragment on " + QuotedOrList(suggested_types) + "?";
    } else if (parent->kind == kObject || parent->kind == kInterface) {
      std::vector<std::string> names;
      for (const auto& f : parent->fields) names.push_back(f->name);
      auto s = SuggestionList(field.name, names);
      if (!s.empty()) message += " Did you mean " + QuotedOrList(s) + "?";
    }
    add(message, field.pos);
  });
}

void FragmentsOnCompositeTypes(Events& ev, const AddErr& add) {
  ev.inline_fragment.push_back([add](Walker& w, InlineFragment& f) {
    const Definition* t = w.schema.Type(f.type_condition);
    if (t == nullptr || t->IsCompositeType()) return;
    add("Fragment cannot condition on non composite type \"" + f.type_condition + "\".", f.pos);
  });
  ev.fragment.push_back([add](Walker&, FragmentDefinition& f) {
    if (f.definition == nullptr || f.type_condition.empty() || f.definition->IsCompositeType()) {
      return;
    }
    add("Fragment \"" + f.name + "\" cannot condition on non composite type \"" + f.type_condition +
            "\".",
        f.pos);
  });
}

void KnownArgumentNames(Events& ev, const AddErr& add) {
  ev.field.push_back([add](Walker&, Field& field) {
    if (field.definition == nullptr || field.object_definition == nullptr) return;
    for (const auto& arg : field.arguments) {
      if (field.definition->Argument(arg->name) != nullptr) continue;
      std::vector<std::string> names;
      for (const auto& a : field.definition->arguments) names.push_back(a->name);
      add("Unknown argument \"" + arg->name + "\" on field \"" + field.object_definition->name + "." +
              field.name + "\"." + SuggestQuoted("Did you mean", arg->name, names),
          field.pos);
    }
  });
  ev.directive.push_back([add](Walker&, Directive& dir) {
    if (dir.definition == nullptr) return;
    for (const auto& arg : dir.arguments) {
      bool known = false;
      std::vector<std::string> names;
      for (const auto& a : dir.definition->arguments) {
        names.push_back(a->name);
        if (a->name == arg->name) known = true;
      }
      if (known) continue;
      add("Unknown argument \"" + arg->name + "\" on directive \"@" + dir.name + "\"." +
              SuggestQuoted("Did you mean", arg->name, names),
          dir.pos);
    }
  });
}

void KnownDirectives(Events& ev, const AddErr& add) {
  auto seen = std::make_shared<std::set<std::tuple<std::string, int, int>>>();
  ev.directive.push_back([add, seen](Walker&, Directive& dir) {
    if (dir.definition == nullptr) {
      add("Unknown directive \"@" + dir.name + "\".", dir.pos);
      return;
    }
    const auto& locs = dir.definition->locations;
    if (std::find(locs.begin(), locs.end(), dir.location) != locs.end()) return;
    const Position p = dir.pos.value_or(Position{});
    if (seen->insert({dir.name, p.line, p.column}).second) {
      add("Directive \"@" + dir.name + "\" may not be used on " + dir.location + ".", dir.pos);
    }
  });
}

void KnownFragmentNames(Events& ev, const AddErr& add) {
  ev.fragment_spread.push_back([add](Walker&, FragmentSpread& s) {
    if (s.definition == nullptr) add("Unknown fragment \"" + s.name + "\".", s.pos);
  });
}

void KnownRootType(Events& ev, const AddErr& add) {
  ev.operation.push_back([add](Walker& w, OperationDefinition& op) {
    const Definition* def = nullptr;
    if (op.operation == "query" || op.operation.empty()) {
      def = w.schema.query;
    } else if (op.operation == "mutation") {
      def = w.schema.mutation;
    } else if (op.operation == "subscription") {
      def = w.schema.subscription;
    }
    if (def == nullptr) {
      add("Schema does not support operation type \"" + op.operation + "\"", op.pos);
    }
  });
}

void KnownTypeNames(Events& ev, const AddErr& add) {
  ev.operation.push_back([add](Walker& w, OperationDefinition& op) {
    for (const auto& var : op.variable_definitions) {
      const std::string name = TypeName(var->type);
      if (w.schema.Type(name) != nullptr) continue;
      add("Unknown type \"" + name + "\".", op.pos);
    }
  });
  ev.inline_fragment.push_back([add](Walker& w, InlineFragment& f) {
    if (f.type_condition.empty() || w.schema.Type(f.type_condition) != nullptr) return;
    add("Unknown type \"" + f.type_condition + "\".", f.pos);
  });
  ev.fragment.push_back([add](Walker& w, FragmentDefinition& f) {
    if (w.schema.Type(f.type_condition) != nullptr) return;
    std::vector<std::string> names;
    for (const auto& [name, def] : w.schema.types) names.push_back(def->name);
    add("Unknown type \"" + f.type_condition + "\"." +
            SuggestQuoted("Did you mean", f.type_condition, names),
        f.pos);
  });
}

void LoneAnonymousOperation(Events& ev, const AddErr& add) {
  ev.operation.push_back([add](Walker& w, OperationDefinition& op) {
    if (op.name.empty() && w.doc.operations.size() > 1) {
      add("This anonymous operation must be the only defined operation.", op.pos);
    }
  });
}

void CollectSpreads(const SelectionSet& set, std::vector<FragmentSpread*>* out) {
  std::vector<const SelectionSet*> to_visit = {&set};
  while (!to_visit.empty()) {
    const SelectionSet* s = to_visit.back();
    to_visit.pop_back();
    for (const auto& sel : *s) {
      if (sel->kind == Selection::kFragmentSpread) {
        out->push_back(static_cast<FragmentSpread*>(sel.get()));
      } else if (sel->kind == Selection::kField) {
        to_visit.push_back(&static_cast<Field*>(sel.get())->selection_set);
      } else {
        to_visit.push_back(&static_cast<InlineFragment*>(sel.get())->selection_set);
      }
    }
  }
}

void NoFragmentCycles(Events& ev, const AddErr& add) {
  auto visited = std::make_shared<std::set<std::string, std::less<>>>();
  ev.fragment.push_back([add, visited](Walker& w, FragmentDefinition& fragment) {
    std::vector<FragmentSpread*> spread_path;
    std::map<std::string, size_t, std::less<>> index_by_name;
    std::function<void(FragmentDefinition&)> recurse = [&](FragmentDefinition& fr) {
      if (!visited->insert(fr.name).second) return;
      std::vector<FragmentSpread*> spreads;
      CollectSpreads(fr.selection_set, &spreads);
      if (spreads.empty()) return;
      index_by_name[fr.name] = spread_path.size();
      for (FragmentSpread* spread : spreads) {
        auto cycle = index_by_name.find(spread->name);
        spread_path.push_back(spread);
        if (cycle == index_by_name.end()) {
          if (FragmentDefinition* next = w.doc.Fragment(spread->name)) recurse(*next);
        } else {
          std::string via;
          for (size_t i = cycle->second; i + 1 < spread_path.size(); ++i) {
            via += (via.empty() ? "" : ", ") + spread_path[i]->name;
          }
          if (!via.empty()) via = " via " + via;
          add("Cannot spread fragment \"" + spread->name + "\" within itself" + via + ".",
              spread->pos);
        }
        spread_path.pop_back();
      }
      index_by_name.erase(fr.name);
    };
    recurse(fragment);
  });
}

void NoUndefinedVariables(Events& ev, const AddErr& add) {
  ev.value.push_back([add](Walker& w, gql::Value& v) {
    if (w.current_operation == nullptr || v.kind != kVariable || v.variable_definition != nullptr) {
      return;
    }
    if (!w.current_operation->name.empty()) {
      add("Variable \"" + v.String() + "\" is not defined by operation \"" +
              w.current_operation->name + "\".",
          v.pos);
    } else {
      add("Variable \"" + v.String() + "\" is not defined.", v.pos);
    }
  });
}

void NoUnusedFragments(Events& ev, const AddErr& add) {
  auto in_fragment_definition = std::make_shared<bool>(false);
  auto used = std::make_shared<std::set<std::string, std::less<>>>();
  ev.fragment_spread.push_back([in_fragment_definition, used](Walker&, FragmentSpread& s) {
    if (!*in_fragment_definition) used->insert(s.name);
  });
  ev.fragment.push_back([add, in_fragment_definition, used](Walker&, FragmentDefinition& f) {
    *in_fragment_definition = true;
    if (used->count(f.name) == 0) add("Fragment \"" + f.name + "\" is never used.", f.pos);
  });
}

void NoUnusedVariables(Events& ev, const AddErr& add) {
  ev.operation.push_back([add](Walker&, OperationDefinition& op) {
    for (const auto& var : op.variable_definitions) {
      if (var->used) continue;
      if (!op.name.empty()) {
        add("Variable \"$" + var->variable + "\" is never used in operation \"" + op.name + "\".",
            var->pos);
      } else {
        add("Variable \"$" + var->variable + "\" is never used.", var->pos);
      }
    }
  });
}

// -- OverlappingFieldsCanBeMerged --

struct FieldsMap {
  std::vector<std::string> seq;
  std::map<std::string, std::vector<Field*>, std::less<>> data;

  void Push(const std::string& name, Field* f) {
    auto [it, inserted] = data.try_emplace(name);
    if (inserted) seq.push_back(name);
    it->second.push_back(f);
  }
};

struct Conflict {
  std::string message, response_name;
  std::vector<std::shared_ptr<Conflict>> sub;
  Pos pos;

  void Write(std::string* out) const {
    if (sub.empty()) {
      *out += message;
      return;
    }
    for (size_t i = 0; i < sub.size(); ++i) {
      *out += "subfields \"" + sub[i]->response_name + "\" conflict because ";
      sub[i]->Write(out);
      if (i + 1 != sub.size()) *out += " and ";
    }
  }
};
using Conflicts = std::vector<std::shared_ptr<Conflict>>;

bool SameValueDeep(const gql::Value* a, const gql::Value* b);
bool SameSelectionsDeep(const SelectionSet& a, const SelectionSet& b);

bool SamePos(const Pos& a, const Pos& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a.has_value() || (a->line == b->line && a->column == b->column);
}

bool SameValueDeep(const gql::Value* a, const gql::Value* b) {
  if (a == b) return true;
  if (a == nullptr || b == nullptr) return false;
  if (a->raw != b->raw || a->kind != b->kind || !SamePos(a->pos, b->pos) ||
      a->children.size() != b->children.size()) {
    return false;
  }
  for (size_t i = 0; i < a->children.size(); ++i) {
    if (a->children[i]->name != b->children[i]->name ||
        !SameValueDeep(a->children[i]->value.get(), b->children[i]->value.get())) {
      return false;
    }
  }
  return true;
}

bool SameArgsDeep(const ArgumentList& a, const ArgumentList& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i]->name != b[i]->name || !SamePos(a[i]->pos, b[i]->pos) ||
        !SameValueDeep(a[i]->value.get(), b[i]->value.get())) {
      return false;
    }
  }
  return true;
}

bool SameDirectivesDeep(const DirectiveList& a, const DirectiveList& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i]->name != b[i]->name || a[i]->location != b[i]->location ||
        !SamePos(a[i]->pos, b[i]->pos) || !SameArgsDeep(a[i]->arguments, b[i]->arguments)) {
      return false;
    }
  }
  return true;
}

// reflect.DeepEqual of two fields (the pointers compare as the same node, or as equal nodes).
bool SameFieldDeep(const Field* a, const Field* b) {
  if (a == b) return true;
  return a->alias == b->alias && a->name == b->name && SamePos(a->pos, b->pos) &&
         a->definition == b->definition && a->object_definition == b->object_definition &&
         SameArgsDeep(a->arguments, b->arguments) && SameDirectivesDeep(a->directives, b->directives) &&
         SameSelectionsDeep(a->selection_set, b->selection_set);
}

bool SameSelectionsDeep(const SelectionSet& a, const SelectionSet& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const Selection* x = a[i].get();
    const Selection* y = b[i].get();
    if (x == y) continue;
    if (x->kind != y->kind || !SamePos(x->pos, y->pos)) return false;
    if (x->kind == Selection::kField) {
      if (!SameFieldDeep(static_cast<const Field*>(x), static_cast<const Field*>(y))) return false;
    } else if (x->kind == Selection::kFragmentSpread) {
      const auto* p = static_cast<const FragmentSpread*>(x);
      const auto* q = static_cast<const FragmentSpread*>(y);
      if (p->name != q->name || !SameDirectivesDeep(p->directives, q->directives)) return false;
    } else {
      const auto* p = static_cast<const InlineFragment*>(x);
      const auto* q = static_cast<const InlineFragment*>(y);
      if (p->type_condition != q->type_condition ||
          !SameDirectivesDeep(p->directives, q->directives) ||
          !SameSelectionsDeep(p->selection_set, q->selection_set)) {
        return false;
      }
    }
  }
  return true;
}

bool SameFieldsMap(const FieldsMap& a, const FieldsMap& b) {
  if (a.seq != b.seq || a.data.size() != b.data.size()) return false;
  for (const auto& [name, fields] : a.data) {
    auto it = b.data.find(name);
    if (it == b.data.end() || it->second.size() != fields.size()) return false;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (!SameFieldDeep(fields[i], it->second[i])) return false;
    }
  }
  return true;
}

void FieldsAndFragmentNames(const SelectionSet& set, FieldsMap* fields,
                            std::vector<FragmentSpread*>* spreads) {
  for (const auto& sel : set) {
    if (sel->kind == Selection::kField) {
      auto* f = static_cast<Field*>(sel.get());
      fields->Push(f->alias.empty() ? f->name : f->alias, f);
    } else if (sel->kind == Selection::kInlineFragment) {
      FieldsAndFragmentNames(static_cast<InlineFragment*>(sel.get())->selection_set, fields, spreads);
    } else {
      spreads->push_back(static_cast<FragmentSpread*>(sel.get()));
    }
  }
}

class OverlapManager {
 public:
  Walker* walker = nullptr;

  Conflicts FindConflictsWithinSelectionSet(const SelectionSet& set) {
    if (set.empty()) return {};
    FieldsMap fields;
    std::vector<FragmentSpread*> spreads;
    FieldsAndFragmentNames(set, &fields, &spreads);
    Conflicts conflicts;
    CollectConflictsWithin(&conflicts, fields);
    compared_fragments_.clear();
    for (size_t i = 0; i < spreads.size(); ++i) {
      CollectConflictsBetweenFieldsAndFragment(&conflicts, false, fields, spreads[i]);
      for (size_t j = i + 1; j < spreads.size(); ++j) {
        CollectConflictsBetweenFragments(&conflicts, false, spreads[i], spreads[j]);
      }
    }
    return conflicts;
  }

 private:
  bool PairHas(const std::string& a, const std::string& b, bool mutually_exclusive) const {
    auto am = compared_pairs_.find(a);
    if (am == compared_pairs_.end()) return false;
    auto result = am->second.find(b);
    if (result == am->second.end()) return false;
    if (!mutually_exclusive) return !result->second;
    return true;
  }
  void PairAdd(const std::string& a, const std::string& b, bool mutually_exclusive) {
    compared_pairs_[a][b] = mutually_exclusive;
    compared_pairs_[b][a] = mutually_exclusive;
  }

  void CollectConflictsBetweenFieldsAndFragment(Conflicts* conflicts, bool mutually_exclusive,
                                                const FieldsMap& fields, FragmentSpread* spread) {
    if (!compared_fragments_.insert(spread->name).second) return;
    if (spread->definition == nullptr) return;
    FieldsMap fields_b;
    std::vector<FragmentSpread*> spreads;
    FieldsAndFragmentNames(spread->definition->selection_set, &fields_b, &spreads);
    if (SameFieldsMap(fields, fields_b)) return;
    CollectConflictsBetween(conflicts, mutually_exclusive, fields, fields_b);
    for (FragmentSpread* s : spreads) {
      if (s->name == spread->name) continue;
      CollectConflictsBetweenFieldsAndFragment(conflicts, mutually_exclusive, fields, s);
    }
  }

  void CollectConflictsBetweenFragments(Conflicts* conflicts, bool mutually_exclusive,
                                        FragmentSpread* spread_a, FragmentSpread* spread_b) {
    std::function<void(FragmentSpread*, FragmentSpread*)> check = [&](FragmentSpread* a,
                                                                      FragmentSpread* b) {
      if (a->name == b->name) return;
      if (PairHas(a->name, b->name, mutually_exclusive)) return;
      PairAdd(a->name, b->name, mutually_exclusive);
      if (a->definition == nullptr || b->definition == nullptr) return;
      FieldsMap fields_a, fields_b;
      std::vector<FragmentSpread*> spreads_a, spreads_b;
      FieldsAndFragmentNames(a->definition->selection_set, &fields_a, &spreads_a);
      FieldsAndFragmentNames(b->definition->selection_set, &fields_b, &spreads_b);
      CollectConflictsBetween(conflicts, mutually_exclusive, fields_a, fields_b);
      for (FragmentSpread* s : spreads_b) check(a, s);
      for (FragmentSpread* s : spreads_a) check(s, b);
    };
    check(spread_a, spread_b);
  }

  std::optional<Conflicts> FindConflictsBetweenSubSelectionSets(bool mutually_exclusive,
                                                                const SelectionSet& set_a,
                                                                const SelectionSet& set_b) {
    Conflicts conflicts;
    FieldsMap fields_a, fields_b;
    std::vector<FragmentSpread*> spreads_a, spreads_b;
    FieldsAndFragmentNames(set_a, &fields_a, &spreads_a);
    FieldsAndFragmentNames(set_b, &fields_b, &spreads_b);
    CollectConflictsBetween(&conflicts, mutually_exclusive, fields_a, fields_b);
    for (FragmentSpread* s : spreads_b) {
      compared_fragments_.clear();
      CollectConflictsBetweenFieldsAndFragment(&conflicts, mutually_exclusive, fields_a, s);
    }
    for (FragmentSpread* s : spreads_a) {
      compared_fragments_.clear();
      CollectConflictsBetweenFieldsAndFragment(&conflicts, mutually_exclusive, fields_b, s);
    }
    for (FragmentSpread* a : spreads_a) {
      for (FragmentSpread* b : spreads_b) {
        CollectConflictsBetweenFragments(&conflicts, mutually_exclusive, a, b);
      }
    }
    if (conflicts.empty()) return std::nullopt;
    return conflicts;
  }

  void CollectConflictsWithin(Conflicts* conflicts, const FieldsMap& fields) {
    for (const std::string& name : fields.seq) {
      const auto& list = fields.data.at(name);
      for (size_t i = 0; i < list.size(); ++i) {
        for (size_t j = i + 1; j < list.size(); ++j) {
          if (auto c = FindConflict(false, list[i], list[j])) conflicts->push_back(c);
        }
      }
    }
  }

  void CollectConflictsBetween(Conflicts* conflicts, bool parent_mutually_exclusive,
                               const FieldsMap& a, const FieldsMap& b) {
    for (const std::string& name : a.seq) {
      auto it = b.data.find(name);
      if (it == b.data.end()) continue;
      for (Field* fa : a.data.at(name)) {
        for (Field* fb : it->second) {
          if (auto c = FindConflict(parent_mutually_exclusive, fa, fb)) conflicts->push_back(c);
        }
      }
    }
  }

  // Every argument of one call has a same-named argument of the same kind and text in the
  // other.
  static bool SameArguments(const ArgumentList& a1, const ArgumentList& a2) {
    if (a1.size() != a2.size()) return false;
    for (const auto& x : a1) {
      bool matched = false;
      for (const auto& y : a2) {
        if (x->name != y->name) continue;
        if (x->value == nullptr || y->value == nullptr) {
          matched = x->value == y->value;
        } else {
          matched = x->value->kind == y->value->kind && x->value->raw == y->value->raw;
        }
        if (matched) break;
      }
      if (!matched) return false;
    }
    return true;
  }

  bool DoTypesConflict(const Type* t1, const Type* t2) const {
    if (t1 == nullptr || t2 == nullptr) return false;
    if (t1->elem != nullptr) {
      if (t2->elem != nullptr) return DoTypesConflict(t1->elem.get(), t2->elem.get());
      return true;
    }
    if (t2->elem != nullptr) return true;
    if (t1->non_null != t2->non_null) return true;
    const Definition* d1 = walker->schema.Type(t1->named_type);
    const Definition* d2 = walker->schema.Type(t2->named_type);
    if (d1 == nullptr || d2 == nullptr) return false;
    if ((d1->kind == kScalar || d1->kind == kEnum) && (d2->kind == kScalar || d2->kind == kEnum)) {
      return d1->name != d2->name;
    }
    return false;
  }

  std::shared_ptr<Conflict> FindConflict(bool parent_mutually_exclusive, Field* a, Field* b) {
    if (a->object_definition == nullptr || b->object_definition == nullptr) return nullptr;
    // Fragments that spread themselves inside their own fields would otherwise be compared
    // with ever deeper copies of themselves; such queries are invalid anyway (NoFragmentCycles).
    if (depth_ > kMaxDepth) return nullptr;
    bool mutually_exclusive = parent_mutually_exclusive;
    if (!mutually_exclusive) {
      mutually_exclusive = a->object_definition->name != b->object_definition->name &&
                           a->object_definition->kind == kObject &&
                           b->object_definition->kind == kObject && a->definition != nullptr &&
                           b->definition != nullptr;
    }
    const std::string name_a = a->alias.empty() ? a->name : a->alias;
    auto conflict = std::make_shared<Conflict>();
    conflict->response_name = name_a;
    conflict->pos = b->pos;
    if (!mutually_exclusive) {
      if (a->name != b->name) {
        conflict->message = "\"" + a->name + "\" and \"" + b->name + "\" are different fields";
        return conflict;
      }
      if (!SameArguments(a->arguments, b->arguments)) {
        conflict->message = "they have differing arguments";
        return conflict;
      }
    }
    if (a->definition != nullptr && b->definition != nullptr &&
        DoTypesConflict(a->definition->type.get(), b->definition->type.get())) {
      conflict->message = "they return conflicting types \"" + TypeString(a->definition->type) +
                          "\" and \"" + TypeString(b->definition->type) + "\"";
      return conflict;
    }
    ++depth_;
    auto sub = FindConflictsBetweenSubSelectionSets(mutually_exclusive, a->selection_set,
                                                    b->selection_set);
    --depth_;
    if (!sub.has_value()) return nullptr;
    conflict->sub = std::move(*sub);
    return conflict;
  }

  static constexpr int kMaxDepth = 64;
  int depth_ = 0;
  std::map<std::string, std::map<std::string, bool>, std::less<>> compared_pairs_;
  std::set<std::string, std::less<>> compared_fragments_;
};

void OverlappingFieldsCanBeMerged(Events& ev, const AddErr& add) {
  auto m = std::make_shared<OverlapManager>();
  auto report = [add](const Conflicts& conflicts) {
    for (const auto& c : conflicts) {
      std::string buf;
      c->Write(&buf);
      add("Fields \"" + c->response_name + "\" conflict because " + buf +
              ". Use different aliases on the fields to fetch both if this was intentional.",
          c->pos);
    }
  };
  ev.operation.push_back([m, report](Walker& w, OperationDefinition& op) {
    m->walker = &w;
    report(m->FindConflictsWithinSelectionSet(op.selection_set));
  });
  ev.field.push_back([m, report](Walker& w, Field& f) {
    if (w.current_operation == nullptr) return;
    m->walker = &w;
    report(m->FindConflictsWithinSelectionSet(f.selection_set));
  });
  ev.inline_fragment.push_back([m, report](Walker& w, InlineFragment& f) {
    m->walker = &w;
    report(m->FindConflictsWithinSelectionSet(f.selection_set));
  });
  ev.fragment.push_back([m, report](Walker& w, FragmentDefinition& f) {
    m->walker = &w;
    report(m->FindConflictsWithinSelectionSet(f.selection_set));
  });
}

void PossibleFragmentSpreads(Events& ev, const AddErr& add) {
  auto possible = [](Walker& w, const Definition* parent, const std::string& fragment_type) {
    if (parent == nullptr) return true;
    std::vector<const Definition*> parents;
    if (parent->kind == kObject) {
      parents = {parent};
    } else if (parent->kind == kInterface || parent->kind == kUnion) {
      for (const Definition* d : w.schema.PossibleTypes(*parent)) parents.push_back(d);
    } else {
      return true;
    }
    const Definition* frag = w.schema.Type(fragment_type);
    if (frag == nullptr || !frag->IsCompositeType()) return true;
    for (const Definition* f : w.schema.PossibleTypes(*frag)) {
      for (const Definition* p : parents) {
        if (p->name == f->name) return true;
      }
    }
    return false;
  };
  ev.inline_fragment.push_back([add, possible](Walker& w, InlineFragment& f) {
    if (possible(w, f.object_definition, f.type_condition)) return;
    add("Fragment cannot be spread here as objects of type \"" + f.object_definition->name +
            "\" can never be of type \"" + f.type_condition + "\".",
        f.pos);
  });
  ev.fragment_spread.push_back([add, possible](Walker& w, FragmentSpread& s) {
    if (s.definition == nullptr) return;
    if (possible(w, s.object_definition, s.definition->type_condition)) return;
    add("Fragment \"" + s.name + "\" cannot be spread here as objects of type \"" +
            s.object_definition->name + "\" can never be of type \"" +
            s.definition->type_condition + "\".",
        s.pos);
  });
}

void ProvidedRequiredArguments(Events& ev, const AddErr& add) {
  auto provided = [](const ArgumentList& args, const std::string& name) {
    for (const auto& a : args) {
      if (a->name == name) return true;
    }
    return false;
  };
  ev.field.push_back([add, provided](Walker&, Field& field) {
    if (field.definition == nullptr) return;
    for (const auto& def : field.definition->arguments) {
      if (def->type == nullptr || !def->type->non_null || def->default_value != nullptr) continue;
      if (provided(field.arguments, def->name)) continue;
      add("Field \"" + field.name + "\" argument \"" + def->name + "\" of type \"" +
              def->type->String() + "\" is required, but it was not provided.",
          field.pos);
    }
  });
  ev.directive.push_back([add, provided](Walker&, Directive& dir) {
    if (dir.definition == nullptr) return;
    for (const auto& def : dir.definition->arguments) {
      if (def->type == nullptr || !def->type->non_null || def->default_value != nullptr) continue;
      if (provided(dir.arguments, def->name)) continue;
      add("Directive \"@" + dir.definition->name + "\" argument \"" + def->name + "\" of type \"" +
              def->type->String() + "\" is required, but it was not provided.",
          dir.pos);
    }
  });
}

void ScalarLeafs(Events& ev, const AddErr& add) {
  ev.field.push_back([add](Walker& w, Field& field) {
    if (field.definition == nullptr) return;
    const Definition* t = w.schema.Type(TypeName(field.definition->type));
    if (t == nullptr) return;
    if (t->IsLeafType() && !field.selection_set.empty()) {
      add("Field \"" + field.name + "\" must not have a selection since type \"" + t->name +
              "\" has no subfields.",
          field.pos);
    }
    if (!t->IsLeafType() && field.selection_set.empty()) {
      add("Field \"" + field.name + "\" of type \"" + TypeString(field.definition->type) +
              "\" must have a selection of subfields. Did you mean \"" + field.name + " { ... }\"?",
          field.pos);
    }
  });
}

void SingleFieldSubscriptions(Events& ev, const AddErr& add) {
  ev.operation.push_back([add](Walker& w, OperationDefinition& op) {
    if (w.schema.subscription == nullptr || op.operation != "subscription") return;
    struct Top {
      std::string name;
      Pos pos;
    };
    std::vector<Top> fields;
    std::set<std::string, std::less<>> in_fragment;
    std::function<void(const SelectionSet&)> walk = [&](const SelectionSet& set) {
      for (const auto& sel : set) {
        if (sel->kind == Selection::kField) {
          fields.push_back({static_cast<Field*>(sel.get())->name, sel->pos});
        } else if (sel->kind == Selection::kInlineFragment) {
          walk(static_cast<InlineFragment*>(sel.get())->selection_set);
        } else {
          auto* s = static_cast<FragmentSpread*>(sel.get());
          if (s->definition == nullptr) return;
          if (in_fragment.insert(s->definition->name).second) walk(s->definition->selection_set);
        }
      }
    };
    walk(op.selection_set);
    std::vector<Top> unique;
    std::set<std::string, std::less<>> seen;
    for (auto& f : fields) {
      if (seen.insert(f.name).second) unique.push_back(f);
    }
    const std::string name =
        op.name.empty() ? std::string("Anonymous Subscription") : "Subscription " + GoQuote(op.name);
    if (unique.size() > 1) add(name + " must select only one top level field.", unique[1].pos);
    for (const auto& f : unique) {
      if (f.name.starts_with("__")) {
        add(name + " must not select an introspection top level field.", f.pos);
      }
    }
  });
}

void UniqueArgumentNames(Events& ev, const AddErr& add) {
  auto check = [add](const ArgumentList& args) {
    std::map<std::string, int, std::less<>> known;
    for (const auto& arg : args) {
      if (++known[arg->name] == 2) {
        add("There can be only one argument named \"" + arg->name + "\".", arg->pos);
      }
    }
  };
  ev.field.push_back([check](Walker&, Field& f) { check(f.arguments); });
  ev.directive.push_back([check](Walker&, Directive& d) { check(d.arguments); });
}

void UniqueDirectivesPerLocation(Events& ev, const AddErr& add) {
  ev.directive_list.push_back([add](Walker&, const DirectiveList& dirs) {
    std::set<std::string, std::less<>> seen;
    for (const auto& dir : dirs) {
      if (!seen.insert(dir->name).second) {
        add("The directive \"@" + dir->name + "\" can only be used once at this location.", dir->pos);
      }
    }
  });
}

void UniqueFragmentNames(Events& ev, const AddErr& add) {
  auto seen = std::make_shared<std::set<std::string, std::less<>>>();
  ev.fragment.push_back([add, seen](Walker&, FragmentDefinition& f) {
    if (!seen->insert(f.name).second) {
      add("There can be only one fragment named \"" + f.name + "\".", f.pos);
    }
  });
}

void UniqueInputFieldNames(Events& ev, const AddErr& add) {
  ev.value.push_back([add](Walker&, gql::Value& v) {
    if (v.kind != kObjectValue) return;
    std::set<std::string, std::less<>> seen;
    for (const auto& field : v.children) {
      if (!seen.insert(field->name).second) {
        add("There can be only one input field named \"" + field->name + "\".", field->pos);
      }
    }
  });
}

void UniqueOperationNames(Events& ev, const AddErr& add) {
  auto seen = std::make_shared<std::set<std::string, std::less<>>>();
  ev.operation.push_back([add, seen](Walker&, OperationDefinition& op) {
    if (!seen->insert(op.name).second) {
      add("There can be only one operation named \"" + op.name + "\".", op.pos);
    }
  });
}

void UniqueVariableNames(Events& ev, const AddErr& add) {
  ev.operation.push_back([add](Walker&, OperationDefinition& op) {
    std::set<std::string, std::less<>> seen;
    for (const auto& var : op.variable_definitions) {
      if (!seen.insert(var->variable).second) {
        add("There can be only one variable named \"$" + var->variable + "\".", var->pos);
      }
    }
  });
}

// Whether Go's ast.Value.Value(nil) succeeds: integers must fit an int64, floats a float64,
// booleans be "true"/"false", recursively for lists and objects.
bool ValueConverts(const gql::Value& v) {
  switch (v.kind) {
    case kIntValue: {
      // strconv.ParseInt(raw, 10, 64)
      std::string_view s = v.raw;
      const bool neg = !s.empty() && s[0] == '-';
      if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
      if (s.empty()) return false;
      const uint64_t limit = neg ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
      uint64_t n = 0;
      for (char c : s) {
        if (c < '0' || c > '9') return false;
        const auto d = static_cast<uint64_t>(c - '0');
        if (n > (limit - d) / 10) return false;
        n = n * 10 + d;
      }
      return true;
    }
    case kFloatValue: {
      // strconv.ParseFloat fails on syntax and on overflow (not on underflow to zero).
      char* end = nullptr;
      std::string s(v.raw);
      const double d = std::strtod(s.c_str(), &end);
      return !s.empty() && end != nullptr && *end == '\0' && !std::isinf(d);
    }
    case kBooleanValue:
      return v.raw == "true" || v.raw == "false" || v.raw == "1" || v.raw == "0" || v.raw == "t" ||
             v.raw == "f" || v.raw == "T" || v.raw == "F" || v.raw == "TRUE" || v.raw == "FALSE" ||
             v.raw == "True" || v.raw == "False";
    case kListValue:
    case kObjectValue:
      for (const auto& c : v.children) {
        if (c->value != nullptr && !ValueConverts(*c->value)) return false;
      }
      return true;
    default:
      return true;
  }
}

std::string UnexpectedTypeMessage(const gql::Value& v) {
  const std::string t = v.expected_type->String();
  if (t == "Int" || t == "Int!") {
    // strconv.ParseInt(raw, 10, 32) failing with ErrRange: digits, but outside int32.
    bool range = false;
    {
      std::string_view s = v.raw;
      const bool neg = !s.empty() && s[0] == '-';
      if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
      bool digits = !s.empty();
      for (char c : s) digits = digits && c >= '0' && c <= '9';
      if (digits) {
        const uint64_t limit = neg ? uint64_t{1} << 31 : (uint64_t{1} << 31) - 1;
        uint64_t n = 0;
        for (char c : s) {
          n = n * 10 + static_cast<uint64_t>(c - '0');
          if (n > limit) {
            range = true;
            break;
          }
        }
      }
    }
    if (range) return "Int cannot represent non 32-bit signed integer value: " + v.String();
    return "Int cannot represent non-integer value: " + v.String();
  }
  if (t == "String" || t == "String!" || t == "[String]") {
    return "String cannot represent a non string value: " + v.String();
  }
  if (t == "Boolean" || t == "Boolean!") {
    return "Boolean cannot represent a non boolean value: " + v.String();
  }
  if (t == "Float" || t == "Float!") return "Float cannot represent non numeric value: " + v.String();
  if (t == "ID" || t == "ID!") {
    return "ID cannot represent a non-string and non-integer value: " + v.String();
  }
  if (v.definition->kind == kEnum) {
    return "Enum \"" + t + "\" cannot represent non-enum value: " + v.String() + ".";
  }
  return "Expected value of type \"" + t + "\", found " + v.String() + ".";
}

bool OneOf(const Definition* d, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (d->name == n) return true;
  }
  return false;
}

void ValuesOfCorrectType(Events& ev, const AddErr& add) {
  ev.value.push_back([add](Walker&, gql::Value& value) {
    if (value.definition == nullptr || value.expected_type == nullptr) return;
    const Definition* def = value.definition;
    auto unexpected = [&] { add(UnexpectedTypeMessage(value), value.pos); };
    if (value.kind == kNullValue && value.expected_type->non_null) {
      add("Expected value of type \"" + value.expected_type->String() + "\", found " +
              value.String() + ".",
          value.pos);
    }
    if (def->kind == kScalar && !OneOf(def, {"Int", "Float", "String", "Boolean", "ID"})) return;
    std::vector<std::string> enums;
    if (def->kind == kEnum) {
      for (const auto& e : def->enum_values) enums.push_back(e->name);
    }
    if (!ValueConverts(value)) unexpected();
    switch (value.kind) {
      case kNullValue:
        return;
      case kListValue:
        if (value.expected_type->elem == nullptr) unexpected();
        return;
      case kIntValue:
        if (!OneOf(def, {"Int", "Float", "ID"})) unexpected();
        return;
      case kFloatValue:
        if (!OneOf(def, {"Float"})) unexpected();
        return;
      case kStringValue:
      case kBlockValue:
        if (def->kind == kEnum) {
          add("Enum \"" + value.expected_type->String() + "\" cannot represent non-enum value: " +
                  value.String() + "." + SuggestQuoted("Did you mean the enum value", value.raw, enums),
              value.pos);
        } else if (!OneOf(def, {"String", "ID"})) {
          unexpected();
        }
        return;
      case kEnumValue:
        if (def->kind != kEnum) {
          add(UnexpectedTypeMessage(value) +
                  SuggestUnquoted("Did you mean the enum value", value.raw, enums),
              value.pos);
        } else if (!def->HasEnumValue(value.raw)) {
          add("Value \"" + value.String() + "\" does not exist in \"" + value.expected_type->String() +
                  "\" enum." + SuggestQuoted("Did you mean the enum value", value.raw, enums),
              value.pos);
        }
        return;
      case kBooleanValue:
        if (!OneOf(def, {"Boolean"})) unexpected();
        return;
      case kObjectValue: {
        for (const auto& field : def->fields) {
          if (field->type != nullptr && field->type->non_null && value.Child(field->name) == nullptr &&
              field->default_value == nullptr) {
            add("Field \"" + def->name + "." + field->name + "\" of required type \"" +
                    field->type->String() + "\" was not provided.",
                value.pos);
          }
        }
        for (const auto& child : value.children) {
          if (def->Field(child->name) != nullptr) continue;
          std::vector<std::string> names;
          for (const auto& f : def->fields) names.push_back(f->name);
          add("Field \"" + child->name + "\" is not defined by type \"" + def->name + "\"." +
                  SuggestQuoted("Did you mean", child->name, names),
              child->pos);
        }
        return;
      }
      default:
        return;
    }
  });
}

void VariablesAreInputTypes(Events& ev, const AddErr& add) {
  ev.operation.push_back([add](Walker&, OperationDefinition& op) {
    for (const auto& var : op.variable_definitions) {
      if (var->definition == nullptr || var->definition->IsInputType()) continue;
      add("Variable \"$" + var->variable + "\" cannot be non-input type \"" + TypeString(var->type) +
              "\".",
          var->pos);
    }
  });
}

void VariablesInAllowedPosition(Events& ev, const AddErr& add) {
  ev.value.push_back([add](Walker& w, gql::Value& value) {
    if (value.kind != kVariable || value.expected_type == nullptr ||
        value.variable_definition == nullptr || w.current_operation == nullptr ||
        value.variable_definition->type == nullptr) {
      return;
    }
    Type tmp = *value.expected_type;
    const auto& dv = value.variable_definition->default_value;
    if (dv != nullptr && dv->kind != kNullValue && value.expected_type->non_null) tmp.non_null = false;
    if (value.expected_type_has_default) tmp.non_null = false;
    if (!value.variable_definition->type->IsCompatible(tmp)) {
      add("Variable \"" + value.String() + "\" of type \"" + value.variable_definition->type->String() +
              "\" used in position expecting type \"" + value.expected_type->String() + "\".",
          value.pos);
    }
  });
}

}  // namespace

std::vector<Error> Validate(const Schema& schema, QueryDocument& doc, std::string_view only_rule) {
  std::vector<Error> errs;
  AddErr add = [&errs](std::string message, Pos pos) {
    errs.push_back(Error{std::move(message), pos});
  };
  // gqlparser's rules, in the order they register (their files' alphabetical order).
  using RuleFn = void (*)(Events&, const AddErr&);
  static constexpr std::pair<std::string_view, RuleFn> kRules[] = {
      {"FieldsOnCorrectType", FieldsOnCorrectType},
      {"FragmentsOnCompositeTypes", FragmentsOnCompositeTypes},
      {"KnownArgumentNames", KnownArgumentNames},
      {"KnownDirectives", KnownDirectives},
      {"KnownFragmentNames", KnownFragmentNames},
      {"KnownRootType", KnownRootType},
      {"KnownTypeNames", KnownTypeNames},
      {"LoneAnonymousOperation", LoneAnonymousOperation},
      {"NoFragmentCycles", NoFragmentCycles},
      {"NoUndefinedVariables", NoUndefinedVariables},
      {"NoUnusedFragments", NoUnusedFragments},
      {"NoUnusedVariables", NoUnusedVariables},
      {"OverlappingFieldsCanBeMerged", OverlappingFieldsCanBeMerged},
      {"PossibleFragmentSpreads", PossibleFragmentSpreads},
      {"ProvidedRequiredArguments", ProvidedRequiredArguments},
      {"ScalarLeafs", ScalarLeafs},
      {"SingleFieldSubscriptions", SingleFieldSubscriptions},
      {"UniqueArgumentNames", UniqueArgumentNames},
      {"UniqueDirectivesPerLocation", UniqueDirectivesPerLocation},
      {"UniqueFragmentNames", UniqueFragmentNames},
      {"UniqueInputFieldNames", UniqueInputFieldNames},
      {"UniqueOperationNames", UniqueOperationNames},
      {"UniqueVariableNames", UniqueVariableNames},
      {"ValuesOfCorrectType", ValuesOfCorrectType},
      {"VariablesAreInputTypes", VariablesAreInputTypes},
      {"VariablesInAllowedPosition", VariablesInAllowedPosition},
  };
  Events ev;
  for (const auto& [name, fn] : kRules) {
    if (only_rule.empty() || only_rule == name) fn(ev, add);
  }
  Walker w(schema, doc, ev);
  w.Walk();
  return errs;
}

}  // namespace golden::rego::gql
