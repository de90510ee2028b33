#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "portfolio/scan.h"
#include "value/value.h"
#include "value/yaml.h"

namespace golden::portfolio {

namespace fs = std::filesystem;

/// Where a repository's metadata lives, relative to the repository.
inline constexpr std::string_view kMetadataFile = ".meta/repo.yaml";
/// Metadata files larger than this are not loaded (a finding says so).
inline constexpr uint64_t kMaxMetadataBytes = 1 << 20;

/// What became of `.meta/repo.yaml`.
enum class MetadataState {
  kMissing,     ///< no such file
  kUnreadable,  ///< a folder, a bad symlink, over the size limit, or a read error
  kInvalid,     ///< not YAML (or more than one document)
  kEmpty,       ///< parsed to a falsy value: empty file, null, {}, [], 0, false, ""
  kLoaded,      ///< parsed to anything else (a mapping, or a list/scalar the checks reject)
};

/// A repository's parsed metadata.
struct Metadata {
  MetadataState state = MetadataState::kMissing;
  /// The document (YAML 1.1 typed; timestamps stay strings). Null unless kLoaded or kEmpty.
  Value doc;
  /// For kUnreadable and kInvalid: what went wrong (without the file name) and where.
  std::string error;
  int error_line = 0;
  /// The line of every mapping entry and sequence item, by JSON pointer.
  std::vector<YamlLine> lines;

  bool loaded() const { return state == MetadataState::kLoaded; }
  /// True when loaded and a mapping: the only shape the checks accept.
  bool IsMapping() const { return loaded() && doc.IsObject(); }
  /// The source line of the value at JSON `pointer` ("/tier"); 0 when unknown.
  int LineOf(std::string_view pointer) const;
};

/// The line of JSON `pointer` in a YAML line map (ParseYaml's `lines`); 0 when unknown.
int YamlLineAt(const std::vector<YamlLine>& lines, std::string_view pointer);

/// Reads and parses `.meta/repo.yaml` of the repository at `repo_dir`.
Metadata LoadMetadata(const fs::path& repo_dir, const RepoInventory& inventory);

/// The metadata from the outcome of reading `.meta/repo.yaml`: parsed, or kUnreadable with
/// the read's error.
Metadata MetadataFromRead(const Result<std::string_view>& text);

/// Parses metadata text (exposed for tests and tools).
Metadata ParseMetadata(std::string_view text);

/// Python's truthiness, as the original tested `if not metadata`: null, false, 0, "", [] and
/// {} are falsy.
bool IsTruthy(const Value& v);

/// The kind of a YAML value in words, for messages: "a list", "a mapping", "a string",
/// "a number", "a boolean" or "null".
std::string_view DescribeKind(const Value& v);

/// A repository's tier as the checks use it.
struct Tier {
  /// 1..4; 4 when the key is absent or its value is not a whole number from 1 to 4.
  int value = 4;
  /// True when `tier` is present but not a whole number from 1 to 4 (a string "1", null,
  /// 5, 1.5, true: the original crashed on some of these).
  bool invalid = false;
  /// The value as written (null when absent).
  Value raw;
};

/// The tier of metadata `doc` (any value; non-mappings have tier 4).
Tier TierOf(const Value& doc);

}  // namespace golden::portfolio
