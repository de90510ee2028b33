#include "value/value.h"

#include <algorithm>
#include <functional>

#include "base/check.h"
#include "value/node.h"

namespace golden {

namespace detail {

void Node::Unref() {
  if (refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  switch (kind) {
    case Value::Kind::kNumber:
      delete static_cast<NumberNode*>(this);
      break;
    case Value::Kind::kString:
      delete static_cast<StringNode*>(this);
      break;
    case Value::Kind::kArray:
      delete static_cast<ArrayNode*>(this);
      break;
    case Value::Kind::kObject:
      delete static_cast<ObjectNode*>(this);
      break;
    case Value::Kind::kSet:
      delete static_cast<SetNode*>(this);
      break;
    default:
      GOLDEN_CHECK(false);
  }
}

}  // namespace detail

using detail::ArrayNode;
using detail::NumberNode;
using detail::ObjectNode;
using detail::SetNode;
using detail::StringNode;

namespace {

size_t Mix(size_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

size_t Combine(size_t seed, size_t h) { return Mix(seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6))); }

bool EntryKeyLess(const Value::Entry& a, const Value::Entry& b) { return Compare(a.key, b.key) < 0; }

// Shared empty collections, so Value::EmptyObject() etc. never allocate.
Value MakeEmptyObject() { return Value::ObjectFromSorted({}); }

}  // namespace

Value::Value(const Value& other) noexcept : tag_(other.tag_), i_(other.i_) {
  if (HasNode()) p_->Ref();
}

Value& Value::operator=(const Value& other) noexcept {
  if (this != &other) {
    if (other.HasNode()) other.p_->Ref();
    if (HasNode()) p_->Unref();
    tag_ = other.tag_;
    i_ = other.i_;
  }
  return *this;
}

Value& Value::operator=(Value&& other) noexcept {
  if (this != &other) {
    if (HasNode()) p_->Unref();
    tag_ = other.tag_;
    i_ = other.i_;
    other.tag_ = Tag::kNull;
    other.i_ = 0;
  }
  return *this;
}

Value::~Value() {
  if (HasNode()) p_->Unref();
}

Value Value::Bool(bool b) {
  Value v;
  v.tag_ = b ? Tag::kTrue : Tag::kFalse;
  return v;
}

Value Value::Int(int64_t i) {
  Value v;
  v.tag_ = Tag::kSmallInt;
  v.i_ = i;
  return v;
}

Value Value::Num(const Number& n) {
  if (n.node_ == nullptr) return Int(n.small_);
  n.node_->Ref();
  return Value(Tag::kBigNumber, n.node_);
}

Value Value::String(std::string_view s) { return Value(Tag::kString, new StringNode(std::string(s))); }
Value Value::String(std::string&& s) { return Value(Tag::kString, new StringNode(std::move(s))); }

Value Value::Array(std::vector<Value> items) {
  return Value(Tag::kArray, new ArrayNode(std::move(items)));
}

Value Value::Object(std::vector<Entry> entries) {
  std::stable_sort(entries.begin(), entries.end(), EntryKeyLess);
  // Keep the last of each run of equal keys.
  std::vector<Entry> out;
  out.reserve(entries.size());
  for (auto& e : entries) {
    if (!out.empty() && Compare(out.back().key, e.key) == 0) {
      out.back().value = std::move(e.value);
    } else {
      out.push_back(std::move(e));
    }
  }
  return Value(Tag::kObject, new ObjectNode(std::move(out)));
}

Value Value::ObjectFromSorted(std::vector<Entry> entries) {
#ifndef NDEBUG
  for (size_t i = 1; i < entries.size(); ++i) {
    GOLDEN_CHECK(Compare(entries[i - 1].key, entries[i].key) < 0);
  }
#endif
  return Value(Tag::kObject, new ObjectNode(std::move(entries)));
}

Value Value::Set(std::vector<Value> items) {
  std::sort(items.begin(), items.end(), [](const Value& a, const Value& b) { return a < b; });
  items.erase(std::unique(items.begin(), items.end(),
                          [](const Value& a, const Value& b) { return a == b; }),
              items.end());
  return Value(Tag::kSet, new SetNode(std::move(items)));
}

Value Value::SetFromSorted(std::vector<Value> items) {
#ifndef NDEBUG
  for (size_t i = 1; i < items.size(); ++i) GOLDEN_CHECK(Compare(items[i - 1], items[i]) < 0);
#endif
  return Value(Tag::kSet, new SetNode(std::move(items)));
}

Value Value::EmptyObject() {
  static const Value kEmpty = MakeEmptyObject();  // immutable, safe to share across threads
  return kEmpty;
}
Value Value::EmptyArray() {
  static const Value kEmpty = Value::Array({});
  return kEmpty;
}
Value Value::EmptySet() {
  static const Value kEmpty = Value::SetFromSorted({});
  return kEmpty;
}

Value::Kind Value::kind() const {
  switch (tag_) {
    case Tag::kNull:
      return Kind::kNull;
    case Tag::kFalse:
    case Tag::kTrue:
      return Kind::kBool;
    case Tag::kSmallInt:
    case Tag::kBigNumber:
      return Kind::kNumber;
    case Tag::kString:
      return Kind::kString;
    case Tag::kArray:
      return Kind::kArray;
    case Tag::kObject:
      return Kind::kObject;
    case Tag::kSet:
      return Kind::kSet;
  }
  return Kind::kNull;
}

std::string_view Value::TypeName() const {
  switch (kind()) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return "boolean";
    case Kind::kNumber:
      return "number";
    case Kind::kString:
      return "string";
    case Kind::kArray:
      return "array";
    case Kind::kObject:
      return "object";
    case Kind::kSet:
      return "set";
  }
  return "null";
}

bool Value::GetBool() const {
  GOLDEN_CHECK(IsBool());
  return tag_ == Tag::kTrue;
}

Number Value::GetNumber() const {
  GOLDEN_CHECK(IsNumber());
  if (tag_ == Tag::kSmallInt) return Number(i_);
  p_->Ref();
  return Number(static_cast<NumberNode*>(p_));
}

std::string_view Value::GetString() const {
  GOLDEN_CHECK(IsString());
  return static_cast<const StringNode*>(p_)->str;
}

std::span<const Value> Value::GetArray() const {
  GOLDEN_CHECK(IsArray());
  return static_cast<const ArrayNode*>(p_)->items;
}

std::span<const Value::Entry> Value::GetObject() const {
  GOLDEN_CHECK(IsObject());
  return static_cast<const ObjectNode*>(p_)->entries;
}

std::span<const Value> Value::GetSet() const {
  GOLDEN_CHECK(IsSet());
  return static_cast<const SetNode*>(p_)->items;
}

std::optional<bool> Value::AsBool() const {
  if (!IsBool()) return std::nullopt;
  return tag_ == Tag::kTrue;
}
std::optional<Number> Value::AsNumber() const {
  if (!IsNumber()) return std::nullopt;
  return GetNumber();
}
std::optional<std::string_view> Value::AsString() const {
  if (!IsString()) return std::nullopt;
  return GetString();
}
std::optional<int64_t> Value::AsInt64() const {
  if (tag_ == Tag::kSmallInt) return i_;
  if (tag_ == Tag::kBigNumber) return GetNumber().AsInt64();
  return std::nullopt;
}

size_t Value::Size() const {
  switch (tag_) {
    case Tag::kArray:
      return static_cast<const ArrayNode*>(p_)->items.size();
    case Tag::kObject:
      return static_cast<const ObjectNode*>(p_)->entries.size();
    case Tag::kSet:
      return static_cast<const SetNode*>(p_)->items.size();
    default:
      return 0;
  }
}

const Value* Value::Find(const Value& key) const {
  if (!IsObject()) return nullptr;
  const auto& entries = static_cast<const ObjectNode*>(p_)->entries;
  auto it = std::lower_bound(entries.begin(), entries.end(), key,
                             [](const Entry& e, const Value& k) { return Compare(e.key, k) < 0; });
  if (it == entries.end() || Compare(it->key, key) != 0) return nullptr;
  return &it->value;
}

const Value* Value::Find(std::string_view key) const {
  if (!IsObject()) return nullptr;
  const auto& entries = static_cast<const ObjectNode*>(p_)->entries;
  // Strings sort after null, booleans and numbers and before collections.
  auto less = [](const Entry& e, std::string_view k) {
    if (e.key.tag_ != Tag::kString) return e.key.tag_ < Tag::kString;
    return static_cast<const StringNode*>(e.key.p_)->str < k;
  };
  auto it = std::lower_bound(entries.begin(), entries.end(), key, less);
  if (it == entries.end() || !it->key.IsString() || it->key.GetString() != key) return nullptr;
  return &it->value;
}

const Value* Value::FindPath(std::initializer_list<std::string_view> path) const {
  const Value* cur = this;
  for (std::string_view k : path) {
    cur = cur->Find(k);
    if (cur == nullptr) return nullptr;
  }
  return cur;
}

bool Value::Contains(const Value& item) const {
  if (!IsSet()) return false;
  const auto& items = static_cast<const SetNode*>(p_)->items;
  return std::binary_search(items.begin(), items.end(), item,
                            [](const Value& a, const Value& b) { return Compare(a, b) < 0; });
}

const void* Value::node_identity() const { return HasNode() ? p_ : nullptr; }

int Compare(const Value& a, const Value& b) {
  Value::Kind ka = a.kind();
  Value::Kind kb = b.kind();
  if (ka != kb) return ka < kb ? -1 : 1;
  if (a.HasNode() && a.p_ == b.p_) return 0;
  switch (ka) {
    case Value::Kind::kNull:
      return 0;
    case Value::Kind::kBool:
      return static_cast<int>(a.IsTrue()) - static_cast<int>(b.IsTrue());
    case Value::Kind::kNumber:
      if (a.tag_ == Value::Tag::kSmallInt && b.tag_ == Value::Tag::kSmallInt) {
        return a.i_ < b.i_ ? -1 : (a.i_ > b.i_ ? 1 : 0);
      }
      return a.GetNumber().Compare(b.GetNumber());
    case Value::Kind::kString: {
      int c = a.GetString().compare(b.GetString());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case Value::Kind::kArray:
    case Value::Kind::kSet: {
      auto x = ka == Value::Kind::kArray ? a.GetArray() : a.GetSet();
      auto y = ka == Value::Kind::kArray ? b.GetArray() : b.GetSet();
      size_t n = std::min(x.size(), y.size());
      for (size_t i = 0; i < n; ++i) {
        int c = Compare(x[i], y[i]);
        if (c != 0) return c;
      }
      return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
    case Value::Kind::kObject: {
      auto x = a.GetObject();
      auto y = b.GetObject();
      size_t n = std::min(x.size(), y.size());
      for (size_t i = 0; i < n; ++i) {
        int c = Compare(x[i].key, y[i].key);
        if (c != 0) return c;
        c = Compare(x[i].value, y[i].value);
        if (c != 0) return c;
      }
      return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
  }
  return 0;
}

size_t Value::Hash() const {
  switch (tag_) {
    case Tag::kNull:
      return 0x6e756c6cULL;
    case Tag::kFalse:
      return 0xfa15eULL;
    case Tag::kTrue:
      return 0x7e0eULL;
    case Tag::kSmallInt:
    case Tag::kBigNumber:
      return GetNumber().Hash();
    default:
      break;
  }
  size_t cached = p_->hash.load(std::memory_order_relaxed);
  if (cached != 0) return cached;
  size_t h = static_cast<size_t>(tag_) * 0x100000001b3ULL;
  switch (tag_) {
    case Tag::kString:
      h = Combine(h, std::hash<std::string_view>()(GetString()));
      break;
    case Tag::kArray:
      for (const Value& v : GetArray()) h = Combine(h, v.Hash());
      break;
    case Tag::kSet:
      for (const Value& v : GetSet()) h = Combine(h, v.Hash());
      break;
    case Tag::kObject:
      for (const Entry& e : GetObject()) h = Combine(Combine(h, e.key.Hash()), e.value.Hash());
      break;
    default:
      break;
  }
  if (h == 0) h = 1;
  p_->hash.store(h, std::memory_order_relaxed);
  return h;
}

std::optional<Value> ObjectBuilder::Build(Value* conflict_key) && {
  std::stable_sort(entries_.begin(), entries_.end(), EntryKeyLess);
  std::vector<Value::Entry> out;
  out.reserve(entries_.size());
  for (auto& e : entries_) {
    if (!out.empty() && Compare(out.back().key, e.key) == 0) {
      if (Compare(out.back().value, e.value) != 0) {
        if (conflict_key) *conflict_key = e.key;
        return std::nullopt;
      }
      continue;
    }
    out.push_back(std::move(e));
  }
  entries_.clear();
  return Value::ObjectFromSorted(std::move(out));
}

}  // namespace golden
