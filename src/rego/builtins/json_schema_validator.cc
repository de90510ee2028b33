#include "rego/builtins/json_schema_validator.h"

#include <re2/re2.h>

#include <cstdio>
#include <gmpxx.h>
#include <set>

#include "base/strings.h"
#include "rego/builtins/go_time.h"
#include "rego/builtins/go_url.h"
#include "rego/builtins/ip_addr.h"
#include "value/json.h"

namespace golden::rego::jsonschema {

namespace {

constexpr std::string_view kTypeNames[] = {"array",  "boolean", "integer", "null",
                                           "number", "object",  "string"};
// A $ref cycle that consumes no document would recurse forever.
constexpr int kMaxDepth = 512;

std::string Json(const Value& v) { return ToJson(v); }

bool IsInteger(const Value& v) { return v.IsNumber() && v.GetNumber().IsInteger(); }

// gojsonschema's name for the type of a document value.
std::string_view GivenType(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return "null";
    case Value::Kind::kBool:
      return "boolean";
    case Value::Kind::kNumber:
      return IsInteger(v) ? "integer" : "number";
    case Value::Kind::kString:
      return "string";
    case Value::Kind::kArray:
    case Value::Kind::kSet:
      return "array";
    case Value::Kind::kObject:
      return "object";
  }
  return "null";
}

// Go's big.Float %v (10 significant digits, 'g' format), as gojsonschema prints limits.
std::string FormatLimit(const Number& n) {
  if (n.IsSmallInt() && n.small_int() > -1000000000 && n.small_int() < 10000000000) {
    return std::to_string(n.small_int());
  }
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.10g", n.ToDouble());
  return buf;
}

// An exact rational from a number's decimal text (for multipleOf).
mpq_class ToRational(const Number& n) {
  std::string s = n.ToString();
  bool neg = !s.empty() && s[0] == '-';
  if (neg) s.erase(0, 1);
  size_t e = s.find_first_of("eE");
  long exp = 0;
  if (e != std::string::npos) {
    exp = std::strtol(s.c_str() + e + 1, nullptr, 10);
    s.resize(e);
  }
  size_t dot = s.find('.');
  if (dot != std::string::npos) {
    exp -= static_cast<long>(s.size() - dot - 1);
    s.erase(dot, 1);
  }
  mpz_class digits(s.empty() ? "0" : s, 10);
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(exp < 0 ? -exp : exp));
  mpq_class q = exp < 0 ? mpq_class(digits, scale) : mpq_class(digits * scale);
  q.canonicalize();
  return neg ? mpq_class(-q) : q;
}

// JSON Pointer (RFC 6901) with the URI fragment's percent-encoding.
const Value* Resolve(const Value& root, std::string_view pointer) {
  const Value* cur = &root;
  if (pointer.empty()) return cur;
  if (pointer[0] != '/') return nullptr;
  for (std::string_view token : Split(pointer.substr(1), "/")) {
    std::string t;
    for (size_t i = 0; i < token.size(); ++i) {
      if (token[i] == '~' && i + 1 < token.size()) {
        t.push_back(token[i + 1] == '1' ? '/' : '~');
        ++i;
      } else if (token[i] == '%' && i + 2 < token.size()) {
        t.push_back(static_cast<char>(std::stoi(std::string(token.substr(i + 1, 2)), nullptr, 16)));
        i += 2;
      } else {
        t.push_back(token[i]);
      }
    }
    if (cur->IsObject()) {
      cur = cur->Find(t);
    } else if (cur->IsArray()) {
      char* end = nullptr;
      unsigned long idx = std::strtoul(t.c_str(), &end, 10);
      if (t.empty() || *end != '\0' || idx >= cur->Size()) return nullptr;
      cur = &cur->GetArray()[idx];
    } else {
      return nullptr;
    }
    if (cur == nullptr) return nullptr;
  }
  return cur;
}

// ---- formats (gojsonschema's FormatCheckers; unknown formats always pass) ----

bool IsHostname(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  for (std::string_view label : Split(s, ".")) {
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    for (char c : label) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-')) return false;
    }
  }
  return true;
}

bool MatchesFormat(std::string_view format, std::string_view s) {
  auto utc = tz::Zone::Utc();
  if (format == "date-time") {
    return gotime::Parse("2006-01-02T15:04:05Z07:00", s, utc).ok();
  }
  if (format == "date") return gotime::Parse("2006-01-02", s, utc).ok();
  if (format == "time") {
    return gotime::Parse("15:04:05Z07:00", s, utc).ok() ||
           gotime::Parse("15:04:05.999999999Z07:00", s, utc).ok();
  }
  if (format == "email" || format == "idn-email") {
    size_t at = s.rfind('@');
    return at != std::string_view::npos && at > 0 && at + 1 < s.size();
  }
  if (format == "ipv4") {
    auto ip = ip::ParseIp(s);
    return ip && ip::To4(*ip) && s.find(':') == std::string_view::npos;
  }
  if (format == "ipv6") return ip::ParseIp(s) && s.find(':') != std::string_view::npos;
  if (format == "hostname" || format == "idn-hostname") return IsHostname(s);
  if (format == "uri" || format == "iri") {
    auto u = gourl::Parse(s);
    return u.ok() && !u->scheme.empty();
  }
  if (format == "uri-reference" || format == "iri-reference") return gourl::Parse(s).ok();
  if (format == "uuid") {
    static const RE2 kUuid("(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    return RE2::FullMatch(s, kUuid);
  }
  if (format == "regex") {
    RE2::Options o;
    o.set_log_errors(false);
    return RE2(s, o).ok();
  }
  if (format == "json-pointer") return s.empty() || s[0] == '/';
  if (format == "relative-json-pointer") {
    size_t i = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > 0 && (i == s.size() || s[i] == '#' || s[i] == '/');
  }
  return true;
}

}  // namespace

// ---- compile-time checks ----

class Schema::Checker {
 public:
  explicit Checker(Schema* s) : s_(s) {}

  Status Check(const Value& schema, bool root) {
    if (schema.IsBool()) return Status::Ok();  // true/false schemas (draft 6+)
    if (!schema.IsObject()) {
      return Err(root ? "Invalid type. Expected: object, given: " + std::string(GivenType(schema))
                      : "Invalid type. Expected: object, given: " + std::string(GivenType(schema)));
    }
    if (const Value* ref = schema.Find("$ref")) {
      if (!ref->IsString()) return Err("Invalid type. Expected: string, given: $ref");
      refs_.push_back(std::string(ref->GetString()));
    }
    for (const char* id_key : {"$id", "id"}) {
      if (const Value* id = schema.Find(id_key); id != nullptr && id->IsString()) {
        s_->ids_[std::string(id->GetString())] = &schema;
      }
    }
    if (const Value* type = schema.Find("type")) GOLDEN_RETURN_IF_ERROR(CheckType(*type));
    for (const char* k : {"minimum", "maximum"}) GOLDEN_RETURN_IF_ERROR(NumberKeyword(schema, k));
    for (const char* k : {"exclusiveMinimum", "exclusiveMaximum"}) {
      if (const Value* v = schema.Find(k); v != nullptr && !v->IsBool() && !v->IsNumber()) {
        return Err("Invalid type. Expected: number, given: " + std::string(k));
      }
    }
    if (const Value* m = schema.Find("multipleOf")) {
      if (!m->IsNumber()) return Err("Invalid type. Expected: number, given: multipleOf");
      if (m->GetNumber().Compare(golden::Number(int64_t{0})) <= 0) {
        return Err("multipleOf must be strictly greater than 0");
      }
    }
    for (const char* k : {"minLength", "maxLength", "minItems", "maxItems", "minProperties",
                          "maxProperties"}) {
      if (const Value* v = schema.Find(k)) {
        if (!IsInteger(*v)) return Err("Invalid type. Expected: integer, given: " + std::string(k));
        if (v->GetNumber().Compare(golden::Number(int64_t{0})) < 0) {
          return Err(std::string(k) + " must be greater than or equal to 0");
        }
      }
    }
    if (const Value* u = schema.Find("uniqueItems"); u != nullptr && !u->IsBool()) {
      return Err("Invalid type. Expected: boolean, given: uniqueItems");
    }
    if (const Value* p = schema.Find("pattern")) {
      if (!p->IsString()) return Err("Invalid type. Expected: string, given: pattern");
      GOLDEN_RETURN_IF_ERROR(Regex(p->GetString()));
    }
    if (const Value* f = schema.Find("format"); f != nullptr && !f->IsString()) {
      return Err("Invalid type. Expected: string, given: format");
    }
    if (const Value* r = schema.Find("required")) {
      if (!r->IsArray()) return Err("Invalid type. Expected: array, given: required");
      std::set<std::string_view> seen;
      for (const Value& e : r->GetArray()) {
        if (!e.IsString()) return Err("Invalid type. Expected: string, given: required");
        if (!seen.insert(e.GetString()).second) return Err("required items must be unique");
      }
    }
    if (const Value* e = schema.Find("enum")) {
      if (!e->IsArray()) return Err("Invalid type. Expected: array, given: enum");
      std::set<Value> seen;
      for (const Value& item : e->GetArray()) {
        if (!seen.insert(item).second) return Err("enum items must be unique");
      }
    }
    for (const char* k : {"properties", "patternProperties", "definitions"}) {
      if (const Value* o = schema.Find(k)) {
        if (!o->IsObject()) return Err("Invalid type. Expected: object, given: " + std::string(k));
        for (const auto& entry : o->GetObject()) {
          if (std::string_view(k) == "patternProperties") {
            GOLDEN_RETURN_IF_ERROR(Regex(entry.key.GetString()));
          }
          GOLDEN_RETURN_IF_ERROR(Check(entry.value, false));
        }
      }
    }
    if (const Value* items = schema.Find("items")) {
      if (items->IsArray()) {
        for (const Value& i : items->GetArray()) GOLDEN_RETURN_IF_ERROR(Check(i, false));
      } else {
        GOLDEN_RETURN_IF_ERROR(SchemaOrBool(*items, "items"));
      }
    }
    for (const char* k : {"additionalItems", "additionalProperties"}) {
      if (const Value* v = schema.Find(k)) GOLDEN_RETURN_IF_ERROR(SchemaOrBool(*v, k));
    }
    for (const char* k : {"allOf", "anyOf", "oneOf"}) {
      if (const Value* v = schema.Find(k)) {
        if (!v->IsArray() || v->Size() == 0) {
          return Err(std::string(k) + " must be a non-empty array of schemas");
        }
        for (const Value& sub : v->GetArray()) GOLDEN_RETURN_IF_ERROR(Check(sub, false));
      }
    }
    for (const char* k : {"not", "if", "then", "else", "contains", "propertyNames"}) {
      if (const Value* v = schema.Find(k)) GOLDEN_RETURN_IF_ERROR(SchemaOrBool(*v, k));
    }
    if (const Value* deps = schema.Find("dependencies")) {
      if (!deps->IsObject()) return Err("Invalid type. Expected: object, given: dependencies");
      for (const auto& entry : deps->GetObject()) {
        if (entry.value.IsArray()) {
          for (const Value& d : entry.value.GetArray()) {
            if (!d.IsString()) return Err("dependencies must be arrays of strings or schemas");
          }
        } else {
          GOLDEN_RETURN_IF_ERROR(SchemaOrBool(entry.value, "dependencies"));
        }
      }
    }
    return Status::Ok();
  }

  // Every $ref must resolve inside the schema.
  Status CheckRefs() const {
    for (const std::string& ref : refs_) {
      if (s_->ResolveRef(ref) == nullptr) {
        return Err("$ref " + ref + " does not resolve (only references within the schema are "
                   "allowed)");
      }
    }
    return Status::Ok();
  }

 private:
  static Status Err(std::string msg) { return InvalidArgument(std::move(msg)); }

  Status CheckType(const Value& type) {
    auto valid = [](const Value& t) {
      return t.IsString() && std::find(std::begin(kTypeNames), std::end(kTypeNames),
                                       t.GetString()) != std::end(kTypeNames);
    };
    if (type.IsString()) {
      if (!valid(type)) return NotAType(type);
      return Status::Ok();
    }
    if (!type.IsArray()) return Err("Invalid type. Expected: string/array, given: type");
    for (const Value& t : type.GetArray()) {
      if (!valid(t)) return NotAType(t);
    }
    return Status::Ok();
  }

  static Status NotAType(const Value& t) {
    return Err("has a primitive type that is NOT VALID -- given: " +
               std::string(t.IsString() ? t.GetString() : ToJson(t)) +
               " Expected valid values are:array, boolean, integer, null, number, object, string");
  }

  Status NumberKeyword(const Value& schema, const char* k) {
    if (const Value* v = schema.Find(k); v != nullptr && !v->IsNumber()) {
      return Err("Invalid type. Expected: number, given: " + std::string(k));
    }
    return Status::Ok();
  }

  Status SchemaOrBool(const Value& v, std::string_view k) {
    if (v.IsBool()) return Status::Ok();
    if (!v.IsObject()) return Err("Invalid type. Expected: object, given: " + std::string(k));
    return Check(v, false);
  }

  Status Regex(std::string_view pattern) {
    std::string key(pattern);
    if (s_->regexes_.count(key)) return Status::Ok();
    RE2::Options o;
    o.set_log_errors(false);
    auto re = std::make_unique<RE2>(pattern, o);
    if (!re->ok()) return Err("Invalid regex pattern '" + key + "'");
    s_->regexes_.emplace(std::move(key), std::move(re));
    return Status::Ok();
  }

  Schema* s_;
  std::vector<std::string> refs_;
};

// ---- validation ----

class Schema::Validator {
 public:
  struct Result {
    std::vector<Error> errors;
    int score = 0;
    bool valid() const { return errors.empty(); }
  };

  explicit Validator(const Schema& s) : s_(s) {}

  Result Sub(const Value& schema, const Value& node, const std::vector<std::string>& path) {
    Result r;
    Recurse(schema, node, path, &r);
    return r;
  }

 private:
  static std::string Field(const std::vector<std::string>& path) {
    if (path.empty()) return "(root)";
    return Join(path, ".");
  }

  void Add(Result* r, std::string type, const std::vector<std::string>& path, std::string desc) {
    r->errors.push_back(Error{std::move(type), Field(path), std::move(desc)});
  }

  static void Merge(Result* into, const Result& from) {
    into->errors.insert(into->errors.end(), from.errors.begin(), from.errors.end());
    into->score += from.score;
  }

  static std::string TypesText(const Value& type) {
    if (type.IsString()) return std::string(type.GetString());
    std::vector<std::string> names;
    for (const Value& t : type.GetArray()) names.emplace_back(t.GetString());
    if (names.size() == 1) return names[0];
    return "[" + Join(names, ",") + "]";
  }

  static bool TypeAllows(const Value& type, std::string_view name) {
    if (type.IsString()) return type.GetString() == name;
    for (const Value& t : type.GetArray()) {
      if (t.GetString() == name) return true;
    }
    return false;
  }

  void Recurse(const Value& schema, const Value& node, const std::vector<std::string>& path,
               Result* r) {
    if (++depth_ > kMaxDepth) {
      Add(r, "internal", path, "Internal Error maximum schema nesting exceeded");
      --depth_;
      return;
    }
    RecurseBody(schema, node, path, r);
    --depth_;
    ++r->score;
  }

  void RecurseBody(const Value& schema, const Value& node, const std::vector<std::string>& path,
                   Result* r) {
    if (schema.IsBool()) {
      if (!schema.GetBool()) Add(r, "false", path, "False always fails validation");
      return;
    }
    // With a $ref, the other keywords of the schema are ignored (drafts 4 to 7).
    if (const Value* ref = schema.Find("$ref")) {
      if (const Value* target = s_.ResolveRef(ref->GetString())) Recurse(*target, node, path, r);
      return;
    }
    if (const Value* type = schema.Find("type")) {
      std::string_view given = GivenType(node);
      bool ok = TypeAllows(*type, given) ||
                (given == "integer" && TypeAllows(*type, "number"));
      if (!ok) {
        Add(r, "invalid_type", path,
            "Invalid type. Expected: " + TypesText(*type) + ", given: " + std::string(given));
        return;
      }
    }
    Combinators(schema, node, path, r);
    if (node.IsArray() || node.IsSet()) Array(schema, node, path, r);
    if (node.IsObject()) Object(schema, node, path, r);
    if (node.IsNumber()) NumberKeywords(schema, node.GetNumber(), path, r);
    Common(schema, node, path, r);
    if (node.IsString()) String(schema, node.GetString(), path, r);
    if (node.IsObject()) {
      if (const Value* props = schema.Find("properties")) {
        for (const auto& p : props->GetObject()) {
          if (const Value* child = node.Find(p.key)) {
            auto sub = path;
            sub.emplace_back(p.key.GetString());
            Recurse(p.value, *child, sub, r);
          }
        }
      }
    }
  }

  void Combinators(const Value& schema, const Value& node, const std::vector<std::string>& path,
                   Result* r) {
    if (const Value* any = schema.Find("anyOf")) {
      bool ok = false;
      std::optional<Result> best;
      for (const Value& s : any->GetArray()) {
        Result sub = Sub(s, node, path);
        if (sub.valid()) {
          ok = true;
          break;
        }
        if (!best || sub.score > best->score) best = std::move(sub);
      }
      if (!ok) {
        Add(r, "number_any_of", path, "Must validate at least one schema (anyOf)");
        if (best) Merge(r, *best);
      }
    }
    if (const Value* one = schema.Find("oneOf")) {
      int validated = 0;
      std::optional<Result> best;
      for (const Value& s : one->GetArray()) {
        Result sub = Sub(s, node, path);
        if (sub.valid()) {
          ++validated;
        } else if (validated == 0 && (!best || sub.score > best->score)) {
          best = std::move(sub);
        }
      }
      if (validated != 1) {
        Add(r, "number_one_of", path, "Must validate one and only one schema (oneOf)");
        if (validated == 0 && best) Merge(r, *best);
      }
    }
    if (const Value* all = schema.Find("allOf")) {
      size_t validated = 0;
      for (const Value& s : all->GetArray()) {
        Result sub = Sub(s, node, path);
        if (sub.valid()) ++validated;
        Merge(r, sub);
      }
      if (validated != all->Size()) Add(r, "number_all_of", path, "Must validate all the schemas (allOf)");
    }
    if (const Value* n = schema.Find("not")) {
      if (Sub(*n, node, path).valid()) Add(r, "number_not", path, "Must not validate the schema (not)");
    }
    if (const Value* deps = schema.Find("dependencies"); deps != nullptr && node.IsObject()) {
      for (const auto& entry : node.GetObject()) {
        const Value* dep = deps->Find(entry.key);
        if (dep == nullptr) continue;
        if (dep->IsArray()) {
          for (const Value& need : dep->GetArray()) {
            if (node.Find(need) == nullptr) {
              Add(r, "missing_dependency", path,
                  "Has a dependency on " + std::string(need.GetString()));
            }
          }
        } else {
          Recurse(*dep, node, path, r);
        }
      }
    }
    if (const Value* if_schema = schema.Find("if")) {
      const bool if_ok = Sub(*if_schema, node, path).valid();
      const Value* then_schema = schema.Find("then");
      const Value* else_schema = schema.Find("else");
      if (if_ok && then_schema != nullptr) {
        Result sub = Sub(*then_schema, node, path);
        if (!sub.valid()) {
          Add(r, "condition_then", path, "Must validate \"then\" as \"if\" was valid");
          Merge(r, sub);
        }
      }
      if (!if_ok && else_schema != nullptr) {
        Result sub = Sub(*else_schema, node, path);
        if (!sub.valid()) {
          Add(r, "condition_else", path, "Must validate \"else\" as \"if\" was not valid");
          Merge(r, sub);
        }
      }
    }
    ++r->score;
  }

  void Common(const Value& schema, const Value& node, const std::vector<std::string>& path,
              Result* r) {
    const std::string field = Field(path);  // gojsonschema's {{.field}}: the path without "(root)."
    if (const Value* c = schema.Find("const"); c != nullptr && *c != node) {
      Add(r, "const", path, field + " does not match: " + Json(*c));
    }
    if (const Value* e = schema.Find("enum")) {
      bool found = false;
      std::vector<std::string> allowed;
      for (const Value& v : e->GetArray()) {
        if (v == node) found = true;
        allowed.push_back(Json(v));
      }
      if (!found) {
        Add(r, "enum", path, field + " must be one of the following: " + Join(allowed, ", "));
      }
    }
    ++r->score;
  }

  void Array(const Value& schema, const Value& node, const std::vector<std::string>& path,
             Result* r) {
    std::span<const Value> items = node.IsArray() ? node.GetArray() : node.GetSet();
    auto at = [&](size_t i) {
      auto sub = path;
      sub.push_back(std::to_string(i));
      return sub;
    };
    if (const Value* item_schema = schema.Find("items")) {
      if (!item_schema->IsArray()) {
        for (size_t i = 0; i < items.size(); ++i) Merge(r, Sub(*item_schema, items[i], at(i)));
      } else if (item_schema->Size() > 0) {
        const size_t n = item_schema->Size();
        for (size_t i = 0; i < n && i < items.size(); ++i) {
          Merge(r, Sub(item_schema->GetArray()[i], items[i], at(i)));
        }
        if (n < items.size()) {
          if (const Value* extra = schema.Find("additionalItems")) {
            if (extra->IsBool()) {
              if (!extra->GetBool()) {
                Add(r, "array_no_additional_items", path, "No additional items allowed on array");
              }
            } else {
              for (size_t i = n; i < items.size(); ++i) Merge(r, Sub(*extra, items[i], at(i)));
            }
          }
        }
      }
    }
    if (const Value* min = schema.Find("minItems");
        min != nullptr && golden::Number(static_cast<int64_t>(items.size())) < min->GetNumber()) {
      Add(r, "array_min_items", path, "Array must have at least " + min->GetNumber().ToString() + " items");
    }
    if (const Value* max = schema.Find("maxItems");
        max != nullptr && max->GetNumber() < golden::Number(static_cast<int64_t>(items.size()))) {
      Add(r, "array_max_items", path, "Array must have at most " + max->GetNumber().ToString() + " items");
    }
    if (const Value* unique = schema.Find("uniqueItems"); unique != nullptr && unique->IsTrue()) {
      std::map<Value, size_t> seen;
      for (size_t j = 0; j < items.size(); ++j) {
        auto [it, inserted] = seen.emplace(items[j], j);
        if (!inserted) {
          Add(r, "unique", path,
              "array items[" + std::to_string(it->second) + "," + std::to_string(j) +
                  "] must be unique");
          it->second = j;
        }
      }
    }
    if (const Value* contains = schema.Find("contains")) {
      bool ok = false;
      std::optional<Result> best;
      for (size_t i = 0; i < items.size(); ++i) {
        Result sub = Sub(*contains, items[i], at(i));
        if (sub.valid()) {
          ok = true;
          break;
        }
        if (!best || sub.score > best->score) best = std::move(sub);
      }
      if (!ok) {
        Add(r, "contains", path, "At least one of the items must match");
        if (best) Merge(r, *best);
      }
    }
    ++r->score;
  }

  void Object(const Value& schema, const Value& node, const std::vector<std::string>& path,
              Result* r) {
    const golden::Number count(static_cast<int64_t>(node.Size()));
    if (const Value* min = schema.Find("minProperties"); min != nullptr && count < min->GetNumber()) {
      Add(r, "array_min_properties", path, "Must have at least " + min->GetNumber().ToString() + " properties");
    }
    if (const Value* max = schema.Find("maxProperties"); max != nullptr && max->GetNumber() < count) {
      Add(r, "array_max_properties", path, "Must have at most " + max->GetNumber().ToString() + " properties");
    }
    if (const Value* required = schema.Find("required")) {
      for (const Value& name : required->GetArray()) {
        if (node.Find(name) != nullptr) {
          ++r->score;
        } else {
          Add(r, "required", path, std::string(name.GetString()) + " is required");
        }
      }
    }
    const Value* props = schema.Find("properties");
    const Value* patterns = schema.Find("patternProperties");
    const Value* additional = schema.Find("additionalProperties");
    for (const auto& entry : node.GetObject()) {
      const std::string key = entry.key.IsString() ? std::string(entry.key.GetString())
                                                   : ToJson(entry.key);
      auto sub = path;
      sub.push_back(key);
      const bool described = props != nullptr && props->Find(entry.key) != nullptr;
      bool pattern_matched = false;
      if (patterns != nullptr) {
        for (const auto& p : patterns->GetObject()) {
          const RE2* re = s_.regexes_.find(p.key.GetString())->second.get();
          if (RE2::PartialMatch(key, *re)) {
            pattern_matched = true;
            Merge(r, Sub(p.value, entry.value, sub));
          }
        }
        if (pattern_matched) ++r->score;
      }
      if (!described && !pattern_matched && additional != nullptr) {
        if (additional->IsBool()) {
          if (!additional->GetBool()) {
            Add(r, "additional_property_not_allowed", path,
                "Additional property " + key + " is not allowed");
          }
        } else {
          Merge(r, Sub(*additional, entry.value, sub));
        }
      }
    }
    if (const Value* names = schema.Find("propertyNames")) {
      for (const auto& entry : node.GetObject()) {
        Result sub = Sub(*names, entry.key, path);
        if (!sub.valid()) {
          Add(r, "invalid_property_name", path,
              "Property name of \"" + std::string(entry.key.IsString() ? entry.key.GetString() : "") +
                  "\" does not match");
          Merge(r, sub);
        }
      }
    }
    ++r->score;
  }

  void String(const Value& schema, std::string_view s, const std::vector<std::string>& path,
              Result* r) {
    const golden::Number runes(static_cast<int64_t>(Utf8Length(s)));
    if (const Value* min = schema.Find("minLength"); min != nullptr && runes < min->GetNumber()) {
      Add(r, "string_gte", path,
          "String length must be greater than or equal to " + min->GetNumber().ToString());
    }
    if (const Value* max = schema.Find("maxLength"); max != nullptr && max->GetNumber() < runes) {
      Add(r, "string_lte", path,
          "String length must be less than or equal to " + max->GetNumber().ToString());
    }
    if (const Value* pattern = schema.Find("pattern")) {
      const RE2* re = s_.regexes_.find(pattern->GetString())->second.get();
      if (!RE2::PartialMatch(s, *re)) {
        Add(r, "pattern", path, "Does not match pattern '" + std::string(pattern->GetString()) + "'");
      }
    }
    if (const Value* format = schema.Find("format"); format != nullptr && !MatchesFormat(format->GetString(), s)) {
      Add(r, "format", path, "Does not match format '" + std::string(format->GetString()) + "'");
    }
    ++r->score;
  }

  void NumberKeywords(const Value& schema, const golden::Number& n,
                      const std::vector<std::string>& path, Result* r) {
    if (const Value* m = schema.Find("multipleOf")) {
      mpq_class q = ToRational(n) / ToRational(m->GetNumber());
      if (q.get_den() != 1) {
        Add(r, "multiple_of", path, "Must be a multiple of " + FormatLimit(m->GetNumber()));
      }
    }
    const Value* max = schema.Find("maximum");
    const Value* min = schema.Find("minimum");
    const Value* xmax = schema.Find("exclusiveMaximum");
    const Value* xmin = schema.Find("exclusiveMinimum");
    // Draft 4 writes exclusiveness as a boolean beside maximum/minimum.
    const bool max_is_exclusive = xmax != nullptr && xmax->IsTrue();
    const bool min_is_exclusive = xmin != nullptr && xmin->IsTrue();
    if (max != nullptr) {
      const int c = n.Compare(max->GetNumber());
      if (max_is_exclusive ? c >= 0 : c > 0) {
        Add(r, max_is_exclusive ? "number_lt" : "number_lte", path,
            std::string(max_is_exclusive ? "Must be less than " : "Must be less than or equal to ") +
                FormatLimit(max->GetNumber()));
      }
    }
    if (xmax != nullptr && xmax->IsNumber() && n.Compare(xmax->GetNumber()) >= 0) {
      Add(r, "number_lt", path, "Must be less than " + FormatLimit(xmax->GetNumber()));
    }
    if (min != nullptr) {
      const int c = n.Compare(min->GetNumber());
      if (min_is_exclusive ? c <= 0 : c < 0) {
        Add(r, min_is_exclusive ? "number_gt" : "number_gte", path,
            std::string(min_is_exclusive ? "Must be greater than "
                                         : "Must be greater than or equal to ") +
                FormatLimit(min->GetNumber()));
      }
    }
    if (xmin != nullptr && xmin->IsNumber() && n.Compare(xmin->GetNumber()) <= 0) {
      Add(r, "number_gt", path, "Must be greater than " + FormatLimit(xmin->GetNumber()));
    }
    ++r->score;
  }

  const Schema& s_;
  int depth_ = 0;
};

Schema::~Schema() = default;

const Value* Schema::ResolveRef(std::string_view ref) const {
  if (ref == "#") return &root_;
  if (ref.starts_with("#/")) return Resolve(root_, ref.substr(1));
  if (auto it = ids_.find(ref); it != ids_.end()) return it->second;
  // "base#/pointer" or "base#name" against an $id of the schema.
  size_t hash = ref.find('#');
  if (hash != std::string_view::npos) {
    auto base = ids_.find(ref.substr(0, hash));
    if (base != ids_.end()) {
      std::string_view frag = ref.substr(hash + 1);
      if (frag.empty()) return base->second;
      if (frag[0] == '/') return Resolve(*base->second, frag);
    }
  }
  return nullptr;
}

Result<std::shared_ptr<const Schema>> Schema::Compile(const Value& schema) {
  auto s = std::shared_ptr<Schema>(new Schema());
  s->root_ = schema;
  if (!schema.IsObject() && !schema.IsBool()) {
    return InvalidArgument("Invalid type. Expected: object, given: " +
                           std::string(GivenType(schema)));
  }
  if (const Value* draft = schema.IsObject() ? schema.Find("$schema") : nullptr) {
    if (!draft->IsString()) return InvalidArgument("Invalid type. Expected: string, given: $schema");
    std::string_view d = draft->GetString();
    if (d.find("json-schema.org") != std::string_view::npos &&
        d.find("draft-04") == std::string_view::npos &&
        d.find("draft-06") == std::string_view::npos &&
        d.find("draft-07") == std::string_view::npos) {
      return InvalidArgument("unsupported JSON Schema draft: " + std::string(d));
    }
  }
  Checker checker(s.get());
  GOLDEN_RETURN_IF_ERROR(checker.Check(schema, true));
  GOLDEN_RETURN_IF_ERROR(checker.CheckRefs());
  return std::shared_ptr<const Schema>(std::move(s));
}

std::vector<Error> Schema::Validate(const Value& document) const {
  Validator v(*this);
  return v.Sub(root_, document, {}).errors;
}

}  // namespace golden::rego::jsonschema
