#include "rego/builtins/builtin_test_util.h"

#include <cctype>
#include <sstream>

#include "value/json.h"

namespace golden {

void PrintTo(const Value& v, std::ostream* os) { *os << ToJson(v); }

namespace rego {

void PrintTo(const BuiltinResult& r, std::ostream* os) {
  switch (r.kind()) {
    case BuiltinResult::Kind::kValue:
      *os << "value " << ToJson(r.value());
      if (r.value().IsSet()) *os << " (set)";
      return;
    case BuiltinResult::Kind::kUndefined:
      *os << "undefined";
      return;
    case BuiltinResult::Kind::kTypeError:
      *os << "type error: " << r.message();
      return;
    case BuiltinResult::Kind::kBuiltinError:
      *os << "error: " << r.message();
      return;
  }
}

namespace testing {

namespace {

// A recursive-descent reader for term literals (test input only, so errors just fail).
class TermReader {
 public:
  explicit TermReader(std::string_view text) : s_(text) {}

  bool Read(Value* out) {
    if (!Term(out)) return false;
    Skip();
    return pos_ == s_.size();
  }

 private:
  void Skip() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool Eat(char c) {
    Skip();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool Word(std::string_view w) {
    Skip();
    if (s_.substr(pos_, w.size()) != w) return false;
    pos_ += w.size();
    return true;
  }

  bool Term(Value* out) {
    Skip();
    if (pos_ >= s_.size()) return false;
    char c = s_[pos_];
    if (c == '[') return Array(out);
    if (c == '{') return Braces(out);
    if (c == '"') return JsonScalar(out);
    if (c == '`') {
      size_t end = s_.find('`', pos_ + 1);
      if (end == std::string_view::npos) return false;
      *out = Value::String(s_.substr(pos_ + 1, end - pos_ - 1));
      pos_ = end + 1;
      return true;
    }
    if (Word("set()")) {
      *out = Value::EmptySet();
      return true;
    }
    return JsonScalar(out);
  }

  // Numbers, strings, true/false/null: delegate to the JSON reader on the token's text.
  bool JsonScalar(Value* out) {
    size_t start = pos_;
    if (s_[pos_] == '"') {
      ++pos_;
      while (pos_ < s_.size() && s_[pos_] != '"') pos_ += s_[pos_] == '\\' ? 2 : 1;
      if (pos_ >= s_.size()) return false;
      ++pos_;
    } else {
      while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) ||
                                  s_[pos_] == '-' || s_[pos_] == '+' || s_[pos_] == '.')) {
        ++pos_;
      }
    }
    std::string_view token = s_.substr(start, pos_ - start);
    if (std::optional<Number> n = Number::Parse(token)) {  // any size, as Rego allows
      *out = Value::Num(*n);
      return true;
    }
    Result<Value> v = ParseJson(token);
    if (!v.ok()) return false;
    *out = std::move(v).value();
    return true;
  }

  bool Array(Value* out) {
    Eat('[');
    std::vector<Value> items;
    if (Eat(']')) {
      *out = Value::Array(std::move(items));
      return true;
    }
    do {
      Value v;
      if (!Term(&v)) return false;
      items.push_back(std::move(v));
    } while (Eat(','));
    if (!Eat(']')) return false;
    *out = Value::Array(std::move(items));
    return true;
  }

  bool Braces(Value* out) {
    Eat('{');
    if (Eat('}')) {
      *out = Value::EmptyObject();
      return true;
    }
    Value first;
    if (!Term(&first)) return false;
    if (Eat(':')) {
      std::vector<Value::Entry> entries;
      Value value;
      if (!Term(&value)) return false;
      entries.push_back({std::move(first), std::move(value)});
      while (Eat(',')) {
        Value k, v;
        if (!Term(&k) || !Eat(':') || !Term(&v)) return false;
        entries.push_back({std::move(k), std::move(v)});
      }
      if (!Eat('}')) return false;
      *out = Value::Object(std::move(entries));
      return true;
    }
    std::vector<Value> items{std::move(first)};
    while (Eat(',')) {
      Value v;
      if (!Term(&v)) return false;
      items.push_back(std::move(v));
    }
    if (!Eat('}')) return false;
    *out = Value::Set(std::move(items));
    return true;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

Value T(std::string_view text) {
  Value v;
  if (!TermReader(text).Read(&v)) {
    ADD_FAILURE() << "bad term literal in test: " << text;
    return Value::Null();
  }
  return v;
}

BuiltinTest::BuiltinTest() {
  Status s = RegisterAllBuiltins(registry_);
  EXPECT_TRUE(s.ok()) << s.ToString();
  ctx_.options = &options_;
  ctx_.shared = &cache_;
}

BuiltinResult BuiltinTest::Call(std::string_view name, std::vector<Value> args) {
  const Descriptor* d = registry_.Find(name);
  if (d == nullptr || d->fn == nullptr) {
    ADD_FAILURE() << "no builtin " << name;
    return BuiltinResult::Undefined();
  }
  return CallBuiltin(*d, ctx_, args);
}

BuiltinResult BuiltinTest::CallT(std::string_view name,
                                 std::initializer_list<std::string_view> args) {
  std::vector<Value> values;
  for (std::string_view a : args) values.push_back(T(a));
  return Call(name, std::move(values));
}

Value BuiltinTest::Eval(std::string_view name, std::initializer_list<std::string_view> args) {
  BuiltinResult r = CallT(name, args);
  if (!r.has_value()) {
    std::ostringstream os;
    PrintTo(r, &os);
    ADD_FAILURE() << name << " gave " << os.str();
    return Value::Null();
  }
  return r.value();
}

::testing::AssertionResult ResultIs(const BuiltinResult& r, std::string_view text) {
  Value want = T(text);
  if (r.has_value() && r.value() == want && r.value().kind() == want.kind()) {
    return ::testing::AssertionSuccess();
  }
  std::ostringstream os;
  PrintTo(r, &os);
  return ::testing::AssertionFailure()
         << "got " << os.str() << ", want " << ToJson(want) << (want.IsSet() ? " (set)" : "");
}

namespace {
::testing::AssertionResult KindAndMessage(const BuiltinResult& r, BuiltinResult::Kind kind,
                                          std::string_view message) {
  if (r.kind() == kind && r.message() == message) return ::testing::AssertionSuccess();
  std::ostringstream os;
  PrintTo(r, &os);
  return ::testing::AssertionFailure() << "got " << os.str() << ", want message " << message;
}
}  // namespace

::testing::AssertionResult TypeErrorIs(const BuiltinResult& r, std::string_view message) {
  return KindAndMessage(r, BuiltinResult::Kind::kTypeError, message);
}

::testing::AssertionResult ErrorIs(const BuiltinResult& r, std::string_view message) {
  return KindAndMessage(r, BuiltinResult::Kind::kBuiltinError, message);
}

::testing::AssertionResult IsUndefined(const BuiltinResult& r) {
  if (r.kind() == BuiltinResult::Kind::kUndefined) return ::testing::AssertionSuccess();
  std::ostringstream os;
  PrintTo(r, &os);
  return ::testing::AssertionFailure() << "got " << os.str() << ", want undefined";
}

}  // namespace testing
}  // namespace rego
}  // namespace golden
