#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "value/number.h"

namespace golden {

namespace detail {
struct Node;
}  // namespace detail

/// A JSON/Rego value: null, boolean, number, string, array, object or set.
///
/// A Value is a 16-byte handle. null, booleans and 64-bit integers live inline; everything
/// else is an immutable, reference-counted node shared between copies, so copying a Value
/// (a lookup result, a binding) never copies the document. Reference counts are atomic: a
/// value may be shared by evaluations running on several threads.
///
/// Objects and sets are kept sorted in OPA's total order (ast.Compare): null < boolean <
/// number < string < array < object < set, arrays element-wise then by length, objects by
/// their sorted keys then values, sets by their sorted elements. Iteration and output are
/// therefore deterministic with no extra sorting.
class Value {
 public:
  /// The kinds, declared in OPA's sort order.
  enum class Kind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject, kSet };

  /// One key/value pair of an object.
  struct Entry;

  Value() noexcept : tag_(Tag::kNull), i_(0) {}
  Value(const Value& other) noexcept;
  Value(Value&& other) noexcept : tag_(other.tag_), i_(other.i_) {
    other.tag_ = Tag::kNull;
    other.i_ = 0;
  }
  Value& operator=(const Value& other) noexcept;
  Value& operator=(Value&& other) noexcept;
  ~Value();

  static Value Null() { return Value(); }
  static Value Bool(bool b);
  static Value Int(int64_t i);
  static Value Num(const Number& n);
  static Value String(std::string_view s);
  static Value String(std::string&& s);
  static Value String(const char* s) { return String(std::string_view(s)); }
  static Value Array(std::vector<Value> items);
  /// An object from entries in any order; for a repeated key the last one wins (as JSON
  /// readers do). Use ObjectBuilder to detect conflicts instead.
  static Value Object(std::vector<Entry> entries);
  /// An object from entries already sorted by key with no repeats (checked in debug builds).
  static Value ObjectFromSorted(std::vector<Entry> entries);
  /// A set from elements in any order; repeats collapse.
  static Value Set(std::vector<Value> items);
  /// A set from elements already sorted with no repeats (checked in debug builds).
  static Value SetFromSorted(std::vector<Value> items);
  static Value EmptyObject();
  static Value EmptyArray();
  static Value EmptySet();

  Kind kind() const;
  bool IsNull() const { return tag_ == Tag::kNull; }
  bool IsBool() const { return tag_ == Tag::kFalse || tag_ == Tag::kTrue; }
  bool IsNumber() const { return tag_ == Tag::kSmallInt || tag_ == Tag::kBigNumber; }
  bool IsString() const { return tag_ == Tag::kString; }
  bool IsArray() const { return tag_ == Tag::kArray; }
  bool IsObject() const { return tag_ == Tag::kObject; }
  bool IsSet() const { return tag_ == Tag::kSet; }
  /// Arrays, objects and sets.
  bool IsCollection() const { return IsArray() || IsObject() || IsSet(); }
  bool IsTrue() const { return tag_ == Tag::kTrue; }

  // Get*: the payload; the kind must match (checked). As*: nullopt when it does not.
  bool GetBool() const;
  Number GetNumber() const;
  std::string_view GetString() const;
  std::span<const Value> GetArray() const;
  std::span<const Entry> GetObject() const;
  std::span<const Value> GetSet() const;

  std::optional<bool> AsBool() const;
  std::optional<Number> AsNumber() const;
  std::optional<std::string_view> AsString() const;
  /// The value as int64 when it is a whole number in range.
  std::optional<int64_t> AsInt64() const;

  /// Element count of an array, object or set; 0 for scalars.
  size_t Size() const;

  /// Object lookup by key; nullptr when absent or when this is not an object.
  const Value* Find(const Value& key) const;
  const Value* Find(std::string_view key) const;
  /// Set membership (false when this is not a set).
  bool Contains(const Value& item) const;

  /// Follows a path of object keys (strings) from this value; nullptr when any step is missing.
  const Value* FindPath(std::initializer_list<std::string_view> path) const;

  /// OPA's total order. Returns <0, 0 or >0.
  friend int Compare(const Value& a, const Value& b);
  friend bool operator==(const Value& a, const Value& b) { return Compare(a, b) == 0; }
  friend bool operator!=(const Value& a, const Value& b) { return Compare(a, b) != 0; }
  friend bool operator<(const Value& a, const Value& b) { return Compare(a, b) < 0; }

  /// Hash consistent with equality (cached in shared nodes).
  size_t Hash() const;

  /// Identity of the shared node (nullptr for inline values); for caches keyed by identity.
  const void* node_identity() const;

  /// The type name OPA uses in messages and `type_name`: "null", "boolean", "number",
  /// "string", "array", "object", "set".
  std::string_view TypeName() const;

 private:
  enum class Tag : uint8_t {
    kNull,
    kFalse,
    kTrue,
    kSmallInt,
    kBigNumber,
    kString,
    kArray,
    kObject,
    kSet,
  };
  Value(Tag tag, detail::Node* node) : tag_(tag), p_(node) {}
  bool HasNode() const { return tag_ >= Tag::kBigNumber; }

  friend class Number;
  friend struct detail::Node;

  Tag tag_;
  union {
    int64_t i_;
    detail::Node* p_;
  };
};

struct Value::Entry {
  Value key;
  Value value;
};

/// Builds an object one entry at a time and reports a key given twice with different values,
/// which Rego treats as a conflict ("object keys must be unique").
class ObjectBuilder {
 public:
  void Reserve(size_t n) { entries_.reserve(n); }
  void Add(Value key, Value value) { entries_.push_back({std::move(key), std::move(value)}); }
  size_t size() const { return entries_.size(); }
  /// The object; when one key carries two different values, returns nullopt and sets
  /// `*conflict_key` (when given) to that key. Identical repeats are merged.
  std::optional<Value> Build(Value* conflict_key = nullptr) &&;

 private:
  std::vector<Value::Entry> entries_;
};

}  // namespace golden

template <>
struct std::hash<golden::Value> {
  size_t operator()(const golden::Value& v) const noexcept { return v.Hash(); }
};
