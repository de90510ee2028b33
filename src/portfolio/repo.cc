#include "portfolio/repo.h"

namespace golden::portfolio {

Result<std::string_view> RepoSnapshot::ReadFile(std::string_view rel, uint64_t max_bytes) const {
  auto it = reads_.find(rel);
  if (it != reads_.end()) {
    const Read& r = it->second;
    if (r.text.ok()) {
      if (r.text->size() > max_bytes) {
        return LimitExceeded("too large (" + std::to_string(r.text->size()) +
                             " bytes; the limit is " + std::to_string(max_bytes) + ")");
      }
      return std::string_view(*r.text);
    }
    // A file refused under a smaller limit may fit this one; any other error stands.
    if (r.text.status().code() != StatusCode::kLimitExceeded || r.limit >= max_bytes) {
      return r.text.status();
    }
  }
  Read& r = reads_[std::string(rel)];
  r.limit = max_bytes;
  r.text = ReadRepoFile(ref.dir, inventory, rel, max_bytes, dir.get());
  if (!r.text.ok()) return r.text.status();
  return std::string_view(*r.text);
}

std::optional<std::string_view> RepoSnapshot::AlreadyRead(std::string_view rel) const {
  auto it = reads_.find(rel);
  if (it == reads_.end() || !it->second.text.ok()) return std::nullopt;
  return std::string_view(*it->second.text);
}

Result<std::shared_ptr<const ParsedYaml>> RepoSnapshot::ParseYamlFile(std::string_view rel,
                                                                      std::string_view text) const {
  if (auto it = parsed_.find(rel); it != parsed_.end()) return it->second;
  auto parsed = ParseYamlWithLines(yaml_cache, text, rel);
  if (parsed.ok()) parsed_.emplace(std::string(rel), *parsed);
  return parsed;
}

RepoSnapshot LoadRepo(const RepoRef& ref, const ScanOptions& options, YamlCache* yaml_cache) {
  RepoSnapshot snap;
  snap.ref = ref;
  snap.yaml_cache = yaml_cache;
  auto inventory = ScanRepo(ref.dir, options, &snap.dir);
  if (!inventory.ok()) {
    snap.scan_status = inventory.status();
    return snap;
  }
  snap.inventory = std::move(inventory).value();
  if (snap.inventory.Find(kMetadataFile) != nullptr) {
    snap.metadata = MetadataFromRead(snap.ReadFile(kMetadataFile, kMaxMetadataBytes));
  }
  return snap;
}

}  // namespace golden::portfolio
