#include "portfolio/schema.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "base/fs.h"
#include "base/strings.h"
#include "portfolio/py_repr.h"
#include "portfolio/schema_walk.h"
#include "value/json.h"

namespace golden::portfolio {

using internal::SchemaSlot;
using internal::SchemaWalker;

struct MetadataSchema::Impl {
  std::string filename;
  Value root;  // the schema as written
  valijson::Schema compiled;
  std::unique_ptr<SchemaWalker> walker;
};

namespace {

// ---- preparing the schema for valijson ----

// The schema without `format` keywords: golden checks formats itself (see schema.h).
Value StripFormat(const Value& node, int depth = 0) {
  if (!node.IsObject() || depth > 256) return node;
  std::vector<Value::Entry> out;
  for (const auto& e : node.GetObject()) {
    std::string_view kw = e.key.IsString() ? e.key.GetString() : std::string_view();
    if (kw == "format") continue;
    Value v = e.value;
    internal::ForEachSubschemaKeyword([&](std::string_view name, SchemaSlot slot) {
      if (name != kw) return;
      if (v.IsArray() && (slot == SchemaSlot::kList || name == "items")) {
        std::vector<Value> items;
        for (const Value& s : v.GetArray()) items.push_back(StripFormat(s, depth + 1));
        v = Value::Array(std::move(items));
      } else if (slot == SchemaSlot::kMap && v.IsObject()) {
        std::vector<Value::Entry> members;
        for (const auto& m : v.GetObject()) {
          members.push_back({m.key, StripFormat(m.value, depth + 1)});
        }
        v = Value::ObjectFromSorted(std::move(members));
      } else if (slot == SchemaSlot::kOne) {
        v = StripFormat(v, depth + 1);
      }
    });
    out.push_back({e.key, std::move(v)});
  }
  return Value::ObjectFromSorted(std::move(out));
}

// golden::Value -> nlohmann::json for valijson's adapter. Whole numbers become integers, so
// `tier: 1.0` is an integer as in jsonschema; other numbers become doubles.
nlohmann::json ToNlohmann(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return nullptr;
    case Value::Kind::kBool:
      return v.GetBool();
    case Value::Kind::kNumber: {
      if (auto i = v.AsInt64()) return *i;
      return v.GetNumber().ToDouble();
    }
    case Value::Kind::kString:
      return std::string(v.GetString());
    case Value::Kind::kArray:
    case Value::Kind::kSet: {
      nlohmann::json arr = nlohmann::json::array();
      for (const Value& item : v.IsArray() ? v.GetArray() : v.GetSet()) {
        arr.push_back(ToNlohmann(item));
      }
      return arr;
    }
    case Value::Kind::kObject: {
      nlohmann::json obj = nlohmann::json::object();
      for (const auto& e : v.GetObject()) {
        std::string key = e.key.IsString() ? std::string(e.key.GetString()) : ToJson(e.key);
        obj[key] = ToNlohmann(e.value);
      }
      return obj;
    }
  }
  return nullptr;
}

// ---- locating errors ----

// A place in the document, with the schemas that apply there.
struct Place {
  const Value* value = nullptr;
  std::string pointer;
  std::string path;
  std::vector<const Value*> schemas;
};

void StepInto(const SchemaWalker& walker, Place* p, std::string_view key, bool branches) {
  p->pointer += "/" + JsonPointerToken(key);
  std::string shown = EscapeInvalidUtf8(key);
  p->path += p->path.empty() ? shown : "." + shown;
  p->schemas = walker.Member(p->schemas, key, branches);
  p->value = p->value ? p->value->Find(key) : nullptr;
}

void StepIndex(const SchemaWalker& walker, Place* p, size_t i, bool branches) {
  p->pointer += "/" + std::to_string(i);
  p->path += "[" + std::to_string(i) + "]";
  p->schemas = walker.Item(p->schemas, i, branches);
  p->value = p->value && i < p->value->GetArray().size() ? &p->value->GetArray()[i] : nullptr;
}

// valijson's context ("<root>", "[coverage]", "[target]") -> a Place.
Place Locate(const SchemaWalker& walker, const Value& root_schema, const Value& doc,
             const std::vector<std::string>& context) {
  Place p;
  p.value = &doc;
  p.schemas = walker.Expand(&root_schema, /*branches=*/true);
  for (size_t i = 1; i < context.size(); ++i) {
    std::string_view step = context[i];
    if (step.size() >= 2 && step.front() == '[' && step.back() == ']') {
      step = step.substr(1, step.size() - 2);
    }
    if (p.value && p.value->IsArray()) {
      StepIndex(walker, &p,
                static_cast<size_t>(std::strtoull(std::string(step).c_str(), nullptr, 10)), true);
    } else {
      StepInto(walker, &p, step, true);
    }
  }
  return p;
}

// ---- jsonschema-style messages ----

bool HasType(const Value& v, std::string_view type) {
  if (type == "null") return v.IsNull();
  if (type == "boolean") return v.IsBool();
  if (type == "string") return v.IsString();
  if (type == "array") return v.IsArray();
  if (type == "object") return v.IsObject();
  if (type == "number") return v.IsNumber();
  if (type == "integer") return v.IsNumber() && v.GetNumber().IsInteger();
  return false;
}

bool TypeFails(const Value& type_kw, const Value& instance) {
  if (type_kw.IsString()) return !HasType(instance, type_kw.GetString());
  if (type_kw.IsArray()) {
    for (const Value& t : type_kw.GetArray()) {
      if (t.IsString() && HasType(instance, t.GetString())) return false;
    }
    return true;
  }
  return false;
}

// The first applicable schema whose `keyword` the instance fails (by `fails`), else the first
// that has it at all.
template <typename Pred>
const Value* Keyword(const std::vector<const Value*>& schemas, std::string_view keyword,
                     Pred fails) {
  const Value* first = nullptr;
  for (const Value* s : schemas) {
    const Value* kw = s->Find(keyword);
    if (kw == nullptr) continue;
    if (fails(*kw)) return kw;
    if (first == nullptr) first = kw;
  }
  return first;
}
const Value* Keyword(const std::vector<const Value*>& schemas, std::string_view keyword) {
  return Keyword(schemas, keyword, [](const Value&) { return true; });
}

std::string TypeList(const Value& type_kw) {
  if (!type_kw.IsArray()) return PyRepr(type_kw);
  std::vector<std::string> parts;
  for (const Value& t : type_kw.GetArray()) parts.push_back(PyRepr(t));
  return Join(parts, ", ");
}

// Text between the first pair of single quotes in a valijson description.
std::string Quoted(std::string_view desc) {
  size_t a = desc.find('\'');
  size_t b = a == std::string_view::npos ? a : desc.find('\'', a + 1);
  if (b == std::string_view::npos) return std::string();
  return std::string(desc.substr(a + 1, b - a - 1));
}

// A bound from valijson's text ("4.000000") when the schema keyword cannot be found.
std::string Bound(const std::vector<const Value*>& schemas, std::string_view kw,
                  std::string_view desc) {
  if (const Value* v = Keyword(schemas, kw)) return PyRepr(*v);
  std::string num(desc.substr(desc.find_last_of(' ') + 1));
  if (num.find('.') != std::string::npos) {
    while (!num.empty() && num.back() == '0') num.pop_back();
    if (!num.empty() && num.back() == '.') num.pop_back();
  }
  return num;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Descriptions that only say "a child failed"; the child's own error is reported.
bool IsWrapper(std::string_view d) {
  static constexpr std::string_view kWrappers[] = {
      "Failed to validate against schema associated with property name",
      "Failed to validate item #",
      "Failed to validate against additional properties schema",
      "Failed to validate against schema associated with pattern",
      "Failed to validate against a conditional schema",
      "Failed to validate against dependent schema",
      "Failed to validate against child schema #",
  };
  for (std::string_view w : kWrappers) {
    if (StartsWith(d, w)) return true;
  }
  return false;
}

void Translate(const SchemaWalker& walker, const Value& root_schema, const Value& doc,
               const valijson::ValidationResults::Error& err, std::vector<SchemaError>* out) {
  std::string_view d = err.description;
  if (IsWrapper(d)) return;
  Place p = Locate(walker, root_schema, doc, err.context);
  const Value null_value;
  const Value& inst = p.value ? *p.value : null_value;
  std::string r = PyRepr(inst);
  SchemaError e{p.pointer, p.path, "", "", p.pointer};
  auto set = [&](std::string_view kw, std::string msg) {
    e.keyword = std::string(kw);
    e.message = std::move(msg);
  };
  if (StartsWith(d, "Missing required property")) {
    set("required", PyRepr(Value::String(Quoted(d))) + " is a required property");
  } else if (StartsWith(d, "Object contains a property that could not be validated")) {
    // valijson names only the first extra property; jsonschema lists them all.
    std::vector<std::string> extras;
    std::string first_extra;
    for (const Value* s : p.schemas) {
      const Value* ap = s->Find("additionalProperties");
      if (ap == nullptr || !(ap->IsBool() && !ap->GetBool())) continue;
      if (inst.IsObject()) {
        for (const auto& m : inst.GetObject()) {
          if (m.key.IsString() && !walker.Declares(*s, m.key.GetString())) {
            if (extras.empty()) first_extra = std::string(m.key.GetString());
            extras.push_back(PyRepr(m.key));
          }
        }
      }
      if (!extras.empty()) break;
    }
    if (extras.empty()) {
      first_extra = Quoted(d);
      extras.push_back(PyRepr(Value::String(first_extra)));
    }
    e.at = p.pointer + "/" + JsonPointerToken(first_extra);
    set("additionalProperties", "Additional properties are not allowed (" + Join(extras, ", ") +
                                    (extras.size() == 1 ? " was" : " were") + " unexpected)");
  } else if (StartsWith(d, "Value type not permitted")) {
    const Value* t =
        Keyword(p.schemas, "type", [&](const Value& kw) { return TypeFails(kw, inst); });
    set("type", r + " is not of type " + (t ? TypeList(*t) : std::string("the allowed types")));
  } else if (StartsWith(d, "Failed to match against any enum values")) {
    const Value* en = Keyword(p.schemas, "enum", [&](const Value& kw) {
      if (!kw.IsArray()) return false;
      return std::none_of(kw.GetArray().begin(), kw.GetArray().end(),
                          [&](const Value& x) { return x == inst; });
    });
    set("enum",
        r + " is not one of " + (en ? PyRepr(*en, 1000) : std::string("the allowed values")));
  } else if (StartsWith(d, "Failed to match expected value set by 'const'")) {
    const Value* c = Keyword(p.schemas, "const", [&](const Value& kw) { return kw != inst; });
    set("const", (c ? PyRepr(*c) : std::string("another value")) + " was expected");
  } else if (StartsWith(d, "Expected number less than or equal to")) {
    set("maximum", r + " is greater than the maximum of " + Bound(p.schemas, "maximum", d));
  } else if (StartsWith(d, "Expected number less than")) {
    set("exclusiveMaximum", r + " is greater than or equal to the maximum of " +
                                Bound(p.schemas, "exclusiveMaximum", d));
  } else if (StartsWith(d, "Expected number greater than or equal to")) {
    set("minimum", r + " is less than the minimum of " + Bound(p.schemas, "minimum", d));
  } else if (StartsWith(d, "Expected number greater than")) {
    set("exclusiveMinimum",
        r + " is less than or equal to the minimum of " + Bound(p.schemas, "exclusiveMinimum", d));
  } else if (StartsWith(d, "String should be no more than")) {
    set("maxLength", r + " is too long");
  } else if (StartsWith(d, "String should be no fewer than")) {
    set("minLength", r + " is too short");
  } else if (StartsWith(d, "Array should contain no more than")) {
    set("maxItems", r + " is too long");
  } else if (StartsWith(d, "Array should contain no fewer than")) {
    set("minItems", r + " is too short");
  } else if (StartsWith(d, "Object should have no more than")) {
    set("maxProperties", r + " has too many properties");
  } else if (StartsWith(d, "Object should have no fewer than")) {
    set("minProperties", r + " does not have enough properties");
  } else if (StartsWith(d, "Value should be a multiple of")) {
    set("multipleOf", r + " is not a multiple of " + Bound(p.schemas, "multipleOf", d));
  } else if (StartsWith(d, "Failed to match regex specified by 'pattern'")) {
    const Value* pat = Keyword(p.schemas, "pattern");
    set("pattern", r + " does not match " + (pat ? PyRepr(*pat) : std::string("the pattern")));
  } else if (StartsWith(d, "Failed to validate against any schemas allowed by anyOf")) {
    set("anyOf", r + " is not valid under any of the given schemas");
  } else if (StartsWith(d, "Failed to validate against any child schemas allowed by oneOf")) {
    set("oneOf", r + " is not valid under any of the given schemas");
  } else if (StartsWith(d, "Failed to validate against exactly one child schema")) {
    set("oneOf", r + " is valid under more than one of the given schemas");
  } else if (StartsWith(d, "Target should not validate against schema specified in 'not'")) {
    const Value* n = Keyword(p.schemas, "not");
    set("not", r + " should not be valid under " + (n ? PyRepr(*n) : std::string("the schema")));
  } else if (StartsWith(d, "Elements at indexes")) {
    set("uniqueItems", r + " has non-unique elements");
  } else if (StartsWith(d, "Missing dependency")) {
    set("dependencies", PyRepr(Value::String(Quoted(d))) + " is a dependency of another property");
  } else if (StartsWith(d, "Failed to any values against subschema in 'contains'")) {
    set("contains", "None of " + r + " are valid under the given schema");
  } else if (StartsWith(d, "Array contains more items than allowed")) {
    set("additionalItems", "Additional items are not allowed in " + r);
  } else {
    std::string msg(d);
    if (!msg.empty() && msg.back() == '.') msg.pop_back();
    set("schema", msg);
  }
  out->push_back(std::move(e));
}

bool IsPrefix(const std::vector<std::string>& prefix, const std::vector<std::string>& v) {
  return prefix.size() <= v.size() && std::equal(prefix.begin(), prefix.end(), v.begin());
}

// valijson reports why each branch of a failed anyOf/oneOf failed, then the anyOf/oneOf
// itself. jsonschema reports only the latter (the branches are its context); so does golden,
// since one branch's "is not of type 'string'" is not a problem when another branch was
// meant to match.
std::vector<valijson::ValidationResults::Error> WithoutBranchErrors(
    const valijson::ValidationResults& results) {
  std::vector<valijson::ValidationResults::Error> out;
  for (const auto& err : results) {
    std::string_view d = err.description;
    if (StartsWith(d, "Failed to validate against any schemas allowed by anyOf") ||
        StartsWith(d, "Failed to validate against any child schemas allowed by oneOf")) {
      while (!out.empty() && IsPrefix(err.context, out.back().context)) out.pop_back();
    }
    out.push_back(err);
  }
  return out;
}

// ---- what golden checks itself ----

void CheckFormats(const SchemaWalker& walker, Place p, std::vector<SchemaError>* out,
                  int depth = 0) {
  if (p.schemas.empty() || p.value == nullptr || depth > 512) return;
  const Value& v = *p.value;
  if (v.IsString()) {
    for (const Value* s : p.schemas) {
      const Value* f = s->Find("format");
      if (f == nullptr || !f->IsString()) continue;
      std::string_view fmt = f->GetString();
      std::string_view text = v.GetString();
      bool ok = fmt == "date"        ? IsRfc3339Date(text)
                : fmt == "date-time" ? IsRfc3339DateTime(text)
                : fmt == "time"      ? IsRfc3339Time(text)
                                     : true;
      if (!ok) {
        out->push_back(
            {p.pointer, p.path, "format", PyRepr(v) + " is not a " + PyRepr(*f), p.pointer});
        return;
      }
    }
  } else if (v.IsObject()) {
    for (const auto& m : v.GetObject()) {
      if (!m.key.IsString()) continue;
      Place child = p;
      StepInto(walker, &child, m.key.GetString(), false);
      CheckFormats(walker, std::move(child), out, depth + 1);
    }
  } else if (v.IsArray()) {
    for (size_t i = 0; i < v.GetArray().size(); ++i) {
      Place child = p;
      StepIndex(walker, &child, i, false);
      CheckFormats(walker, std::move(child), out, depth + 1);
    }
  }
}

void FindLongStrings(const Value& v, const std::string& pointer, const std::string& path,
                     std::vector<SchemaError>* out, int depth = 0) {
  if (depth > 512) return;
  auto too_long = [&](std::string_view s, const std::string& ptr, const std::string& pth) {
    out->push_back({ptr, pth, "maxLength",
                    "a string of " + std::to_string(s.size()) +
                        " bytes is too long to validate (the limit is " +
                        std::to_string(MetadataSchema::kMaxRegexInput) + ")",
                    ptr});
  };
  if (v.IsString() && v.GetString().size() > MetadataSchema::kMaxRegexInput) {
    too_long(v.GetString(), pointer, path);
  } else if (v.IsObject()) {
    for (const auto& m : v.GetObject()) {
      std::string key = m.key.IsString() ? std::string(m.key.GetString()) : ToJson(m.key);
      std::string child_ptr = pointer + "/" + JsonPointerToken(key);
      std::string shown = EscapeInvalidUtf8(key.substr(0, 64));
      std::string child_path = path.empty() ? shown : path + "." + shown;
      if (key.size() > MetadataSchema::kMaxRegexInput) {
        too_long(key, child_ptr, child_path);
        continue;
      }
      FindLongStrings(m.value, child_ptr, child_path, out, depth + 1);
    }
  } else if (v.IsArray()) {
    for (size_t i = 0; i < v.GetArray().size(); ++i) {
      FindLongStrings(v.GetArray()[i], pointer + "/" + std::to_string(i),
                      path + "[" + std::to_string(i) + "]", out, depth + 1);
    }
  }
}

int KeywordRank(std::string_view kw) {
  static constexpr std::array<std::string_view, 26> kOrder = {"type",
                                                              "enum",
                                                              "const",
                                                              "format",
                                                              "pattern",
                                                              "minLength",
                                                              "maxLength",
                                                              "minimum",
                                                              "maximum",
                                                              "exclusiveMinimum",
                                                              "exclusiveMaximum",
                                                              "multipleOf",
                                                              "minItems",
                                                              "maxItems",
                                                              "uniqueItems",
                                                              "contains",
                                                              "additionalItems",
                                                              "minProperties",
                                                              "maxProperties",
                                                              "required",
                                                              "dependencies",
                                                              "additionalProperties",
                                                              "anyOf",
                                                              "oneOf",
                                                              "not",
                                                              "schema"};
  for (size_t i = 0; i < kOrder.size(); ++i) {
    if (kOrder[i] == kw) return static_cast<int>(i);
  }
  return static_cast<int>(kOrder.size());
}

void SortAndDedupe(std::vector<SchemaError>* errors) {
  auto depth = [](const SchemaError& e) {
    return std::count(e.pointer.begin(), e.pointer.end(), '/');
  };
  std::sort(errors->begin(), errors->end(), [&](const SchemaError& a, const SchemaError& b) {
    auto da = depth(a), db = depth(b);
    if (da != db) return da < db;
    if (a.pointer != b.pointer) return a.pointer < b.pointer;
    int ka = KeywordRank(a.keyword), kb = KeywordRank(b.keyword);
    if (ka != kb) return ka < kb;
    return a.message < b.message;
  });
  errors->erase(std::unique(errors->begin(), errors->end(),
                            [](const SchemaError& a, const SchemaError& b) {
                              return a.pointer == b.pointer && a.message == b.message;
                            }),
                errors->end());
}

}  // namespace

MetadataSchema::MetadataSchema(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MetadataSchema::~MetadataSchema() = default;

const std::string& MetadataSchema::filename() const { return impl_->filename; }

Result<std::shared_ptr<const MetadataSchema>> MetadataSchema::Load(const fs::path& file) {
  auto text = ReadFile(file, kDefaultMaxFileBytes);
  if (!text.ok()) return text.status();
  return Parse(*text, DisplayPath(file));
}

Result<std::shared_ptr<const MetadataSchema>> MetadataSchema::Parse(std::string_view json,
                                                                    std::string_view filename) {
  auto impl = std::make_unique<Impl>();
  impl->filename = std::string(filename);
  GOLDEN_ASSIGN_OR_RETURN(impl->root, ParseJson(json, filename));
  if (!impl->root.IsObject() && !impl->root.IsBool()) {
    return InvalidArgument(std::string(filename) +
                           ": a JSON Schema must be an object or a boolean");
  }
  nlohmann::json for_valijson = ToNlohmann(StripFormat(impl->root));
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(for_valijson);
    parser.populateSchema(adapter, impl->compiled);
  } catch (const std::exception& e) {
    return InvalidArgument(std::string(filename) + ": not a usable JSON Schema: " + e.what());
  }
  impl->walker = std::make_unique<SchemaWalker>(impl->root);
  return std::shared_ptr<const MetadataSchema>(new MetadataSchema(std::move(impl)));
}

std::vector<SchemaError> MetadataSchema::Validate(const Value& doc) const {
  std::vector<SchemaError> errors;
  if (impl_->walker->uses_regex()) {
    FindLongStrings(doc, "", "", &errors);
    if (!errors.empty()) {
      SortAndDedupe(&errors);
      return errors;
    }
  }
  nlohmann::json target = ToNlohmann(doc);
  valijson::ValidationResults results;
  bool valid = false;
  try {
    valijson::Validator validator;  // per call: it caches compiled regexes
    valijson::adapters::NlohmannJsonAdapter adapter(target);
    valid = validator.validate(impl_->compiled, adapter, &results);
  } catch (const std::exception& e) {
    errors.push_back(
        {"", "", "schema", std::string("the schema could not be applied: ") + e.what(), ""});
  }
  for (const auto& err : WithoutBranchErrors(results)) {
    Translate(*impl_->walker, impl_->root, doc, err, &errors);
  }
  Place top;
  top.value = &doc;
  top.schemas = impl_->walker->Expand(&impl_->root, /*branches=*/false);
  CheckFormats(*impl_->walker, std::move(top), &errors);
  if (!valid && errors.empty()) {
    // valijson rejects some documents without saying why (propertyNames, for one).
    errors.push_back({"", "", "schema", PyRepr(doc) + " does not match the schema", ""});
  }
  SortAndDedupe(&errors);
  return errors;
}

}  // namespace golden::portfolio
