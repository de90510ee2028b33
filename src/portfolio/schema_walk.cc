#include "portfolio/schema_walk.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>

#include "base/strings.h"

namespace golden::portfolio::internal {

namespace {

constexpr int kMaxExpandDepth = 32;

// Visits every schema object below `node` (inclusive).
template <typename Fn>
void VisitSchemas(const Value& node, Fn&& fn, int depth = 0) {
  if (!node.IsObject() || depth > 256) return;
  fn(node);
  ForEachSubschemaKeyword([&](std::string_view kw, SchemaSlot slot) {
    const Value* v = node.Find(kw);
    if (v == nullptr) return;
    if (slot == SchemaSlot::kOne || (kw == "items" && v->IsArray())) {
      if (v->IsArray()) {
        for (const Value& s : v->GetArray()) VisitSchemas(s, fn, depth + 1);
      } else {
        VisitSchemas(*v, fn, depth + 1);
      }
    } else if (slot == SchemaSlot::kList && v->IsArray()) {
      for (const Value& s : v->GetArray()) VisitSchemas(s, fn, depth + 1);
    } else if (slot == SchemaSlot::kMap && v->IsObject()) {
      for (const auto& e : v->GetObject()) VisitSchemas(e.value, fn, depth + 1);
    }
  });
}

// Decodes one JSON pointer token (~1 -> '/', ~0 -> '~', and URI %XX escapes).
std::string PointerToken(std::string_view t) {
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '~' && i + 1 < t.size() && (t[i + 1] == '0' || t[i + 1] == '1')) {
      out.push_back(t[i + 1] == '0' ? '~' : '/');
      ++i;
    } else if (t[i] == '%' && i + 2 < t.size()) {
      out.push_back(
          static_cast<char>(std::strtol(std::string(t.substr(i + 1, 2)).c_str(), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(t[i]);
    }
  }
  return out;
}

}  // namespace

SchemaWalker::SchemaWalker(const Value& root) : root_(root) {
  VisitSchemas(root_, [&](const Value& node) {
    if (node.Find("pattern")) uses_regex_ = true;
    const Value* pp = node.Find("patternProperties");
    if (pp == nullptr || !pp->IsObject()) return;
    uses_regex_ = true;
    for (const auto& e : pp->GetObject()) {
      if (!e.key.IsString()) continue;
      std::string pattern(e.key.GetString());
      if (patterns_.count(pattern)) continue;
      RE2::Options opts;
      opts.set_log_errors(false);
      auto re = std::make_unique<RE2>(pattern, opts);
      patterns_[pattern] = re->ok() ? std::move(re) : nullptr;
    }
  });
}

SchemaWalker::~SchemaWalker() = default;

const Value* SchemaWalker::Resolve(std::string_view ref) const {
  // Only references inside this document ("#", "#/definitions/x"); others are not followed.
  if (ref.empty() || ref[0] != '#') return nullptr;
  std::string_view rest = ref.substr(1);
  const Value* cur = &root_;
  if (rest.empty()) return cur;
  if (rest[0] != '/') return nullptr;
  for (std::string_view token : Split(rest.substr(1), "/")) {
    std::string key = PointerToken(token);
    if (cur->IsObject()) {
      cur = cur->Find(key);
    } else if (cur->IsArray()) {
      char* end = nullptr;
      unsigned long i = std::strtoul(key.c_str(), &end, 10);
      if (end == key.c_str() || *end != '\0' || i >= cur->GetArray().size()) return nullptr;
      cur = &cur->GetArray()[i];
    } else {
      return nullptr;
    }
    if (cur == nullptr) return nullptr;
  }
  return cur;
}

void SchemaWalker::ExpandInto(const Value* node, bool branches, int depth,
                              std::vector<const Value*>* out) const {
  if (node == nullptr || !node->IsObject() || depth > kMaxExpandDepth) return;
  if (std::find(out->begin(), out->end(), node) != out->end()) return;
  out->push_back(node);
  if (const Value* ref = node->Find("$ref"); ref && ref->IsString()) {
    ExpandInto(Resolve(ref->GetString()), branches, depth + 1, out);
  }
  auto each = [&](std::string_view kw) {
    const Value* list = node->Find(kw);
    if (list == nullptr || !list->IsArray()) return;
    for (const Value& s : list->GetArray()) ExpandInto(&s, branches, depth + 1, out);
  };
  each("allOf");
  if (branches) {
    each("anyOf");
    each("oneOf");
    for (std::string_view kw : {"then", "else"}) ExpandInto(node->Find(kw), true, depth + 1, out);
  }
}

std::vector<const Value*> SchemaWalker::Expand(const Value* node, bool branches) const {
  std::vector<const Value*> out;
  ExpandInto(node, branches, 0, &out);
  return out;
}

bool SchemaWalker::PatternMatches(const std::string& pattern, std::string_view key) const {
  auto it = patterns_.find(pattern);
  if (it == patterns_.end() || it->second == nullptr) return false;
  return RE2::PartialMatch(key, *it->second);
}

bool SchemaWalker::Declares(const Value& node, std::string_view key) const {
  if (const Value* props = node.Find("properties"); props && props->Find(key)) return true;
  if (const Value* pp = node.Find("patternProperties"); pp && pp->IsObject()) {
    for (const auto& e : pp->GetObject()) {
      if (e.key.IsString() && PatternMatches(std::string(e.key.GetString()), key)) return true;
    }
  }
  return false;
}

std::vector<const Value*> SchemaWalker::Member(const std::vector<const Value*>& nodes,
                                               std::string_view key, bool branches) const {
  std::vector<const Value*> out;
  for (const Value* node : nodes) {
    bool matched = false;
    if (const Value* props = node->Find("properties"); props && props->IsObject()) {
      if (const Value* s = props->Find(key)) {
        ExpandInto(s, branches, 0, &out);
        matched = true;
      }
    }
    if (const Value* pp = node->Find("patternProperties"); pp && pp->IsObject()) {
      for (const auto& e : pp->GetObject()) {
        if (e.key.IsString() && PatternMatches(std::string(e.key.GetString()), key)) {
          ExpandInto(&e.value, branches, 0, &out);
          matched = true;
        }
      }
    }
    if (!matched) ExpandInto(node->Find("additionalProperties"), branches, 0, &out);
  }
  return out;
}

std::vector<const Value*> SchemaWalker::Item(const std::vector<const Value*>& nodes, size_t index,
                                             bool branches) const {
  std::vector<const Value*> out;
  for (const Value* node : nodes) {
    const Value* items = node->Find("items");
    if (items == nullptr) continue;
    if (items->IsArray()) {
      if (index < items->GetArray().size()) {
        ExpandInto(&items->GetArray()[index], branches, 0, &out);
      } else {
        ExpandInto(node->Find("additionalItems"), branches, 0, &out);
      }
    } else {
      ExpandInto(items, branches, 0, &out);
    }
  }
  return out;
}

}  // namespace golden::portfolio::internal
