#pragma once

// Internal: the shared heap nodes behind Value and Number. Not part of the public API.

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "value/value.h"

namespace golden::detail {

struct Node {
  explicit Node(Value::Kind k) : kind(k) {}
  std::atomic<uint32_t> refs{1};
  Value::Kind kind;
  /// Cached hash; 0 means "not computed yet".
  mutable std::atomic<size_t> hash{0};

  void Ref() { refs.fetch_add(1, std::memory_order_relaxed); }
  /// Drops a reference and frees the node when it was the last.
  void Unref();
};

/// An exact decimal: value = sign * 0.d1d2...dn * 10^exp with d1 and dn non-zero
/// (zero has no digits). `text` is how the number prints.
struct NumberNode : Node {
  NumberNode() : Node(Value::Kind::kNumber) {}
  std::string text;
  bool negative = false;
  std::string digits;
  int64_t exp = 0;
  double approx = 0;
};

struct StringNode : Node {
  explicit StringNode(std::string s) : Node(Value::Kind::kString), str(std::move(s)) {}
  std::string str;
};

struct ArrayNode : Node {
  explicit ArrayNode(std::vector<Value> v) : Node(Value::Kind::kArray), items(std::move(v)) {}
  std::vector<Value> items;
};

struct ObjectNode : Node {
  explicit ObjectNode(std::vector<Value::Entry> e)
      : Node(Value::Kind::kObject), entries(std::move(e)) {}
  std::vector<Value::Entry> entries;
};

struct SetNode : Node {
  explicit SetNode(std::vector<Value> v) : Node(Value::Kind::kSet), items(std::move(v)) {}
  std::vector<Value> items;
};

/// The normalised decimal of an int64 (for comparing it with a NumberNode).
struct Decimal {
  bool negative = false;
  std::string digits;
  int64_t exp = 0;
};
Decimal DecimalOf(int64_t v);
int CompareDecimal(bool an, std::string_view ad, int64_t ae, bool bn, std::string_view bd,
                   int64_t be);

}  // namespace golden::detail
