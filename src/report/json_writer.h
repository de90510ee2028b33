#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "value/value.h"

namespace golden::report {

/// Streams JSON with keys in the order they are written (unlike Value, whose objects are
/// sorted), laid out as Python's json.dumps(indent=N) does: one member per line, `"key": value`,
/// empty containers as `[]` / `{}`. Strings are escaped by value/json.h (UTF-8 kept).
/// Shared by every JSON-based report format.
class JsonWriter {
 public:
  /// Appends to `*out`; `indent` 0 writes everything on one line. `depth` > 0 writes a value
  /// laid out to sit that many levels deep in a larger document, which another writer takes
  /// with Raw: parts of one document can be written in parallel.
  explicit JsonWriter(std::string* out, int indent = 2, size_t depth = 0)
      : out_(out), indent_(indent), depth_(depth) {}

  /// How deep the next value sits (what a writer whose text goes to Raw here needs as `depth`).
  size_t depth() const { return depth_ + stack_.size(); }

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  /// The key of the next object member.
  void Key(std::string_view key);

  void String(std::string_view s);
  void Int(int64_t i);
  void Bool(bool b);
  void Null();
  /// A value another JsonWriter wrote with the same indent and `depth` == depth(), as is.
  void Raw(std::string_view json);
  /// A golden::Value, laid out like everything else (objects in their sorted key order, sets
  /// as arrays).
  void Value(const golden::Value& v);

  /// Shorthands for a member.
  void Member(std::string_view key, std::string_view s) {
    Key(key);
    String(s);
  }
  void Member(std::string_view key, const char* s) { Member(key, std::string_view(s)); }
  void Member(std::string_view key, int64_t i) {
    Key(key);
    Int(i);
  }
  void Member(std::string_view key, int i) { Member(key, static_cast<int64_t>(i)); }
  void Member(std::string_view key, bool b) {
    Key(key);
    Bool(b);
  }

 private:
  void BeforeValue();
  void Open(char bracket);
  void Close(char bracket);
  void Newline(size_t level);

  struct Level {
    bool has_items = false;
  };
  std::string* out_;
  int indent_;
  size_t depth_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

}  // namespace golden::report
