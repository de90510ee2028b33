#include "rego/syntax/annotations.h"

#include <string>

#include "base/strings.h"
#include "value/yaml.h"

namespace golden::rego {

namespace {

struct Block {
  const Comment* first;
  std::string text;
};

std::string ScalarText(const Value& v) {
  if (v.IsString()) return std::string(v.GetString());
  if (v.IsNumber()) return v.GetNumber().ToString();
  if (v.IsBool()) return v.GetBool() ? "true" : "false";
  return {};
}

// An author given as "Name <email>" or {name, email}.
bool ParseAuthor(const Value& v, Value* out, std::string* err) {
  std::string name;
  std::string email;
  if (v.IsString()) {
    std::vector<std::string> parts;
    for (std::string_view p : Split(v.GetString(), " ")) {
      std::string_view t = TrimSpace(p);
      if (!t.empty()) parts.emplace_back(t);
    }
    if (parts.empty()) {
      *err = "author is an empty string";
      return false;
    }
    const std::string& last = parts.back();
    if (last.size() >= 2 && last.front() == '<' && last.back() == '>') {
      email = last.substr(1, last.size() - 2);
      parts.pop_back();
    }
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) name += ' ';
      name += parts[i];
    }
  } else if (v.IsObject()) {
    if (const Value* n = v.Find("name"); n && n->IsString()) name = TrimSpace(n->GetString());
    if (const Value* e = v.Find("email"); e && e->IsString()) email = TrimSpace(e->GetString());
    if (name.empty() && email.empty()) {
      *err = "'name' and/or 'email' values required in object";
      return false;
    }
  } else {
    *err = "invalid value type, must be string or map";
    return false;
  }
  ObjectBuilder b;
  if (!name.empty()) b.Add(Value::String("name"), Value::String(name));
  if (!email.empty()) b.Add(Value::String("email"), Value::String(email));
  *out = *std::move(b).Build();
  return true;
}

bool ParseRelatedResource(const Value& v, Value* out, std::string* err) {
  std::string ref;
  std::string description;
  if (v.IsString()) {
    ref = v.GetString();
    if (ref.empty()) {
      *err = "ref URL may not be empty string";
      return false;
    }
  } else if (v.IsObject()) {
    if (const Value* d = v.Find("description"); d && d->IsString()) {
      description = TrimSpace(d->GetString());
    }
    if (const Value* r = v.Find("ref"); r && r->IsString()) ref = TrimSpace(r->GetString());
    if (ref.empty()) {
      *err = "'ref' value required in object";
      return false;
    }
  } else {
    *err = "invalid value type, must be string or map";
    return false;
  }
  ObjectBuilder b;
  b.Add(Value::String("ref"), Value::String(ref));
  if (!description.empty()) b.Add(Value::String("description"), Value::String(description));
  *out = *std::move(b).Build();
  return true;
}

}  // namespace

void ParseAnnotations(Arena& arena, Module* module, const std::vector<AnnotationTarget>& targets,
                      ErrorList* errors) {
  const Source& src = arena.sources().Get(module->source);
  // Group comments into blocks: a comment starting with METADATA, then the comments on
  // the following lines that start in the first column.
  std::vector<Block> blocks;
  Block* curr = nullptr;
  int prev_line = 0;
  for (const Comment& c : module->comments) {
    int line = src.Line(c.span.begin);
    if (curr != nullptr) {
      if (line == prev_line + 1 && src.Column(c.span.begin) == 1) {
        std::string_view t = c.text;
        if (!t.empty() && t[0] == ' ') t.remove_prefix(1);
        curr->text.append(t);
        curr->text += '\n';
        prev_line = line;
        continue;
      }
      curr = nullptr;
    }
    if (TrimSpace(c.text).starts_with("METADATA")) {
      blocks.push_back({&c, {}});
      curr = &blocks.back();
    }
    prev_line = line;
  }

  for (const Block& b : blocks) {
    Span span = b.first->span;
    if (TrimSpace(b.text).empty()) {
      errors->Add(errc::kParse, span, "expected METADATA block, found whitespace");
      continue;
    }
    Result<Value> doc = ParseYaml(b.text, src.filename());
    if (!doc.ok()) {
      errors->Add(errc::kParse, span, doc.status().message());
      continue;
    }
    if (!doc->IsObject()) {
      errors->Add(errc::kParse, span, "invalid METADATA block: expected a mapping");
      continue;
    }
    Annotations* a = arena.NewAnnotations();
    a->span = span;
    ObjectBuilder fields;
    bool ok = true;
    bool entrypoint = false;
    for (const Value::Entry& e : doc->GetObject()) {
      std::string_view key = e.key.GetString();
      if (key == "scope") {
        a->scope = ScalarText(e.value);
      } else if (key == "title" || key == "description") {
        std::string s = ScalarText(e.value);
        if (!s.empty()) fields.Add(e.key, Value::String(s));
      } else if (key == "entrypoint") {
        entrypoint = e.value.IsTrue();
        if (entrypoint) fields.Add(e.key, Value::Bool(true));
      } else if (key == "organizations") {
        std::vector<Value> orgs;
        if (e.value.IsArray()) {
          for (const Value& o : e.value.GetArray()) orgs.push_back(Value::String(ScalarText(o)));
        }
        if (!orgs.empty()) fields.Add(e.key, Value::Array(std::move(orgs)));
      } else if (key == "authors" || key == "related_resources") {
        std::vector<Value> items;
        if (e.value.IsArray()) {
          for (const Value& x : e.value.GetArray()) {
            Value parsed;
            std::string err;
            bool good = key == "authors" ? ParseAuthor(x, &parsed, &err)
                                         : ParseRelatedResource(x, &parsed, &err);
            if (!good) {
              std::string what = key == "authors" ? "author" : "related-resource";
              errors->Add(errc::kParse, span,
                          "invalid " + what + " definition " + ScalarText(x) + ": " + err);
              ok = false;
              break;
            }
            items.push_back(std::move(parsed));
          }
        }
        if (!items.empty()) fields.Add(e.key, Value::Array(std::move(items)));
      } else if (key == "custom") {
        if (e.value.IsObject() && e.value.Size() > 0) fields.Add(e.key, e.value);
      } else if (key == "schemas" || key == "compile") {
        if (!e.value.IsNull()) fields.Add(e.key, e.value);
      }
    }
    if (!ok) continue;
    // Attach to the first statement after the block.
    int line = src.Line(span.begin);
    const AnnotationTarget* target = nullptr;
    for (const AnnotationTarget& t : targets) {
      if (src.Line(t.span.begin) > line) {
        target = &t;
        break;
      }
    }
    if (target != nullptr) {
      a->rule = target->rule;
      a->package = target->package;
    }
    if (a->scope.empty()) {
      if (a->rule != nullptr) {
        a->scope = entrypoint ? "document" : "rule";
      } else if (a->package != nullptr) {
        a->scope = "package";
      } else if (target != nullptr) {
        a->scope = "import";
      }
    }
    std::string have = a->rule ? " (have rule)"
                       : a->package ? " (have package)"
                       : target ? " (have import)"
                                : "";
    if (a->scope == "rule" || a->scope == "document") {
      if (a->rule == nullptr) {
        errors->Add(errc::kParse, span,
                    "annotation scope '" + a->scope + "' must be applied to rule" + have);
        continue;
      }
    } else if (a->scope == "package" || a->scope == "subpackages") {
      if (a->package == nullptr) {
        errors->Add(errc::kParse, span,
                    "annotation scope '" + a->scope + "' must be applied to package" + have);
        continue;
      }
    } else {
      errors->Add(errc::kParse, span,
                  "invalid annotation scope '" + a->scope +
                      "'. Use one of 'rule', 'document', 'package', or 'subpackages'");
      continue;
    }
    fields.Add(Value::String("scope"), Value::String(a->scope));
    a->fields = *std::move(fields).Build();
    module->annotations.push_back(a);
  }
}

}  // namespace golden::rego
