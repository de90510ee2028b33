#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace golden::report {

/// Streams block-style YAML with keys in the order they are written (for formats read by
/// people and by other tools, such as Backstage's catalog-info.yaml): two-space indentation,
/// sequence items as `- `, empty containers as `{}` / `[]`. A string is written plain only
/// when every YAML 1.1 and 1.2 reader takes it back as that same string (`lib-good`, not
/// `yes`, `1`, `0o17` or `null`); otherwise double-quoted with escapes, so any text
/// round-trips.
class YamlWriter {
 public:
  /// Appends to `*out`.
  explicit YamlWriter(std::string* out) : out_(out) {}

  /// Starts a document of a stream: writes `---`. Only at the top level.
  void BeginDocument();
  /// Writes a `# text` comment line at the top level (between documents).
  void Comment(std::string_view text);

  void BeginMapping();
  void EndMapping();
  void BeginSequence();
  void EndSequence();
  /// The key of the next mapping entry.
  void Key(std::string_view key);

  void String(std::string_view s);
  void Int(int64_t i);
  void Bool(bool b);

  void Member(std::string_view key, std::string_view s) {
    Key(key);
    String(s);
  }

 private:
  struct Level {
    bool sequence = false;
    bool has_items = false;
    int indent = 0;                ///< column of this container's keys or dashes
    bool pending_newline = false;  ///< the value of a key: its `key:` line is still open
    bool inline_first = false;     ///< a sequence item: its first key follows the dash
  };
  void Scalar(std::string_view text);
  void BeforeItem();
  void Open(bool sequence);
  void Close(bool sequence);

  std::string* out_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

/// `s` as a YAML scalar: plain when safe (see YamlWriter), else double-quoted.
std::string YamlScalar(std::string_view s);

}  // namespace golden::report
