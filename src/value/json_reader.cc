#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "value/json.h"

namespace golden {

namespace {

// Builds Values straight from nlohmann's SAX events (no intermediate DOM). nlohmann's SAX
// parser is iterative, and our frame stack is bounded by ReadLimits::max_depth.
class ValueSax {
 public:
  using number_integer_t = int64_t;
  using number_unsigned_t = uint64_t;
  using number_float_t = double;
  using string_t = std::string;
  using binary_t = std::vector<uint8_t>;

  explicit ValueSax(int max_depth) : max_depth_(max_depth) {}

  bool null() { return Emit(Value::Null()); }
  bool boolean(bool b) { return Emit(Value::Bool(b)); }
  bool number_integer(int64_t v) { return Emit(Value::Int(v)); }
  bool number_unsigned(uint64_t v) {
    if (v <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return Emit(Value::Int(static_cast<int64_t>(v)));
    }
    return Emit(Value::Num(*Number::Parse(std::to_string(v))));
  }
  bool number_float(double, const std::string& text) {
    auto n = Number::Parse(text);
    if (!n) return Fail("invalid number " + text);
    return Emit(Value::Num(*n));
  }
  bool string(std::string& s) { return Emit(Value::String(std::move(s))); }
  bool binary(binary_t&) { return Fail("binary values are not JSON"); }
  bool start_object(size_t) { return Push(true); }
  bool key(std::string& k) {
    stack_.back().key = Value::String(std::move(k));
    return true;
  }
  bool end_object() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    return Emit(Value::Object(std::move(f.entries)));
  }
  bool start_array(size_t) { return Push(false); }
  bool end_array() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    return Emit(Value::Array(std::move(f.items)));
  }
  bool parse_error(size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    error_pos_ = position;
    std::string msg = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
    if (size_t p = msg.find("] "); msg.rfind("[json.exception", 0) == 0 && p != std::string::npos) {
      msg.erase(0, p + 2);
    }
    if (msg.rfind("parse error", 0) == 0) {
      if (size_t p = msg.find(": "); p != std::string::npos) msg.erase(0, p + 2);
    }
    if (error_.empty()) error_ = msg;
    return false;
  }

  Value TakeResult() { return std::move(result_); }
  const std::string& error() const { return error_; }
  size_t error_pos() const { return error_pos_; }

 private:
  struct Frame {
    bool is_object;
    Value key;
    std::vector<Value::Entry> entries;
    std::vector<Value> items;
  };

  bool Push(bool is_object) {
    if (static_cast<int>(stack_.size()) >= max_depth_) {
      return Fail("nesting deeper than " + std::to_string(max_depth_) + " levels");
    }
    stack_.push_back(Frame{is_object, Value(), {}, {}});
    return true;
  }
  bool Emit(Value v) {
    if (stack_.empty()) {
      result_ = std::move(v);
    } else if (stack_.back().is_object) {
      stack_.back().entries.push_back({std::move(stack_.back().key), std::move(v)});
    } else {
      stack_.back().items.push_back(std::move(v));
    }
    return true;
  }
  bool Fail(std::string msg) {
    if (error_.empty()) error_ = std::move(msg);
    return false;
  }

  int max_depth_;
  std::vector<Frame> stack_;
  Value result_;
  std::string error_;
  size_t error_pos_ = std::string::npos;
};

SourceLocation LocationAt(std::string_view text, size_t pos, std::string_view filename) {
  SourceLocation loc{std::string(filename), 1, 1};
  if (pos == std::string::npos) return loc;
  if (pos > text.size()) pos = text.size();
  for (size_t i = 0; i < pos; ++i) {
    if (text[i] == '\n') {
      ++loc.line;
      loc.col = 1;
    } else {
      ++loc.col;
    }
  }
  return loc;
}

}  // namespace

Result<Value> ParseJson(std::string_view text, std::string_view filename,
                        const ReadLimits& limits) {
  ValueSax sax(limits.max_depth);
  bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &sax,
                                      nlohmann::json::input_format_t::json, true);
  if (!ok) {
    std::string msg = sax.error().empty() ? "invalid JSON" : sax.error();
    // nlohmann reports the position one past the offending character.
    size_t pos = sax.error_pos();
    if (pos != std::string::npos && pos > 0) --pos;
    return ParseError("JSON: " + msg, LocationAt(text, pos, filename));
  }
  return sax.TakeResult();
}

}  // namespace golden
