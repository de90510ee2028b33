#include "value/yaml_cache.h"

namespace golden {

namespace {

Result<std::shared_ptr<const ParsedYaml>> ParseNew(std::string_view text,
                                                   std::string_view filename) {
  auto parsed = std::make_shared<ParsedYaml>();
  GOLDEN_ASSIGN_OR_RETURN(parsed->doc, ParseYaml(text, filename, {}, &parsed->lines));
  return std::shared_ptr<const ParsedYaml>(std::move(parsed));
}

}  // namespace

Result<std::shared_ptr<const ParsedYaml>> YamlCache::Parse(std::string_view text,
                                                           std::string_view filename) {
  if (text.size() > kMaxTextBytes) return ParseNew(text, filename);
  size_t fingerprint = TextHash()(text);
  bool keep = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = kept_.find(text); it != kept_.end()) {
      ++hits_;
      return it->second;
    }
    // Seen before: worth keeping, as long as there is room.
    keep = !seen_.insert(fingerprint).second && kept_bytes_ + text.size() <= kMaxBytes;
  }
  auto parsed = ParseNew(text, filename);
  if (keep && parsed.ok()) {
    std::lock_guard<std::mutex> lock(mu_);
    // Another thread may have kept the same text meanwhile: either copy is the same.
    if (kept_.emplace(std::string(text), *parsed).second) kept_bytes_ += text.size();
  }
  return parsed;
}

size_t YamlCache::hits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hits_;
}

Result<std::shared_ptr<const ParsedYaml>> ParseYamlWithLines(YamlCache* cache,
                                                             std::string_view text,
                                                             std::string_view filename) {
  return cache != nullptr ? cache->Parse(text, filename) : ParseNew(text, filename);
}

}  // namespace golden
