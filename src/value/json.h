#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "value/value.h"

namespace golden {

/// Limits that keep hostile documents from exhausting the stack or memory.
struct ReadLimits {
  /// Deepest allowed nesting of arrays/objects (OPA and most tools accept far less in
  /// practice; this only stops pathological input).
  int max_depth = 512;
};

/// Parses one JSON document (RFC 8259; UTF-8). Numbers keep their exact value, of any size;
/// a repeated object key keeps the last value. Errors carry `filename`, line and column.
Result<Value> ParseJson(std::string_view text, std::string_view filename = {},
                        const ReadLimits& limits = {});

/// How to print JSON.
struct JsonStyle {
  /// Spaces per level; 0 prints everything on one line.
  int indent = 0;
  /// Escape every non-ASCII character as \uXXXX (Python's ensure_ascii).
  bool ascii = false;
  /// Escape <, > and & as \u003c, \u003e, \u0026 (Go's encoding/json default).
  bool escape_html = false;
  /// On one line, put a space after ',' and ':' (Python's json.dumps defaults).
  bool spaced = false;
};

/// Serialises `v`. Sets print as arrays (in order), objects with keys in order; a key that is
/// not a string prints as its compact JSON text ({1: "a"} -> {"1":"a"}).
std::string ToJson(const Value& v, const JsonStyle& style = {});

/// Appends the serialisation of `v` to `*out`.
void AppendJson(std::string* out, const Value& v, const JsonStyle& style = {});

/// `key` as one reference token of a JSON pointer (RFC 6901): '~' becomes "~0", '/' "~1".
std::string JsonPointerToken(std::string_view key);
/// Appends JsonPointerToken(key) to `out`.
void AppendJsonPointerToken(std::string* out, std::string_view key);

/// Appends `s` as a quoted JSON string.
void AppendJsonString(std::string* out, std::string_view s, const JsonStyle& style = {});

}  // namespace golden
