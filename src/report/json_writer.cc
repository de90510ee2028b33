#include "report/json_writer.h"

#include "base/check.h"
#include "value/json.h"

namespace golden::report {

void JsonWriter::Newline(size_t level) {
  if (indent_ <= 0) return;
  out_->push_back('\n');
  out_->append(level * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  Level& top = stack_.back();
  if (top.has_items) out_->push_back(',');
  top.has_items = true;
  Newline(depth());
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_->push_back(bracket);
  stack_.push_back(Level{});
}

void JsonWriter::Close(char bracket) {
  GOLDEN_CHECK(!stack_.empty() && !after_key_);
  bool had_items = stack_.back().has_items;
  stack_.pop_back();
  if (had_items) Newline(depth());
  out_->push_back(bracket);
}

void JsonWriter::BeginObject() { Open('{'); }
void JsonWriter::EndObject() { Close('}'); }
void JsonWriter::BeginArray() { Open('['); }
void JsonWriter::EndArray() { Close(']'); }

void JsonWriter::Key(std::string_view key) {
  GOLDEN_CHECK(!stack_.empty() && !after_key_);
  BeforeValue();
  AppendJsonString(out_, key);
  out_->append(indent_ > 0 ? ": " : ":");
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  AppendJsonString(out_, s);
}

void JsonWriter::Int(int64_t i) {
  BeforeValue();
  out_->append(std::to_string(i));
}

void JsonWriter::Bool(bool b) {
  BeforeValue();
  out_->append(b ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

void JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  out_->append(json);
}

void JsonWriter::Value(const golden::Value& v) {
  switch (v.kind()) {
    case golden::Value::Kind::kNull:
    case golden::Value::Kind::kBool:
    case golden::Value::Kind::kNumber:
    case golden::Value::Kind::kString:
      BeforeValue();
      AppendJson(out_, v);
      return;
    case golden::Value::Kind::kArray:
      BeginArray();
      for (const golden::Value& item : v.GetArray()) Value(item);
      EndArray();
      return;
    case golden::Value::Kind::kSet:
      BeginArray();
      for (const golden::Value& item : v.GetSet()) Value(item);
      EndArray();
      return;
    case golden::Value::Kind::kObject:
      BeginObject();
      for (const auto& e : v.GetObject()) {
        if (e.key.IsString()) {
          Key(e.key.GetString());
        } else {
          Key(ToJson(e.key));
        }
        Value(e.value);
      }
      EndObject();
      return;
  }
}

}  // namespace golden::report
