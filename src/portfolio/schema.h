#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "value/value.h"

namespace golden::portfolio {

namespace fs = std::filesystem;

/// One way a document fails its JSON Schema.
struct SchemaError {
  /// JSON pointer of the failing value ("" for the document, "/coverage/target").
  std::string pointer;
  /// The same as dotted keys with [i] for items ("coverage.target", "tags[0]"); "" at the top.
  std::string path;
  /// The schema keyword that failed ("required", "type", "maximum", ...).
  std::string keyword;
  /// What jsonschema would say, values in Python's repr: "'type' is a required property",
  /// "5 is greater than the maximum of 4", "'2025-13-01' is not a 'date'".
  std::string message;
  /// The pointer whose source line best locates the error: `pointer`, except for
  /// additionalProperties, where it is the first unexpected member.
  std::string at;
};

/// A draft-07 JSON Schema for `.meta/repo.yaml`, loaded once and shared by every repository
/// (Validate is const and thread-safe).
///
/// valijson does the validation. golden adds what valijson lacks: every error reported with
/// its path and a jsonschema-style message (valijson's own texts carry no values), the
/// `format` keyword checked strictly for date, date-time and time (valijson's checker throws
/// on non-strings and misreports days), integral numbers such as 1.0 counted as integers
/// (as jsonschema does), and no std::regex on unbounded input (see Validate).
class MetadataSchema {
 public:
  /// Reads and compiles the schema file. Errors (unreadable, not JSON, not a valid schema)
  /// carry the file name and, for JSON syntax errors, line and column.
  static Result<std::shared_ptr<const MetadataSchema>> Load(const fs::path& file);
  /// Compiles schema text; `filename` is used in messages.
  static Result<std::shared_ptr<const MetadataSchema>> Parse(std::string_view json,
                                                             std::string_view filename);

  ~MetadataSchema();
  MetadataSchema(const MetadataSchema&) = delete;
  MetadataSchema& operator=(const MetadataSchema&) = delete;

  /// Every error of `doc`, sorted: shallower paths first (so the first one is what
  /// jsonschema's best_match would pick in most cases), then by pointer and keyword.
  /// Strings (values or keys) longer than kMaxRegexInput are refused with an error of their
  /// own when the schema uses `pattern` or `patternProperties`, because valijson matches those
  /// with std::regex, whose recursion overflows the stack on long input.
  std::vector<SchemaError> Validate(const Value& doc) const;

  /// The file it was loaded from.
  const std::string& filename() const;

  /// See Validate.
  static constexpr size_t kMaxRegexInput = 4096;

 private:
  struct Impl;
  explicit MetadataSchema(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// RFC 3339 full-date ("2025-02-28"), with the real number of days in the month.
bool IsRfc3339Date(std::string_view s);
/// RFC 3339 full-time ("10:00:00Z", "10:00:00.5+02:00").
bool IsRfc3339Time(std::string_view s);
/// RFC 3339 date-time ("2025-02-28T10:00:00Z"; 'T' or 't').
bool IsRfc3339DateTime(std::string_view s);

}  // namespace golden::portfolio
