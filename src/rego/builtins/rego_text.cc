#include "rego/builtins/rego_text.h"

#include "value/json.h"

namespace golden::rego {

std::string RegoText(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
    case Value::Kind::kBool:
    case Value::Kind::kNumber:
    case Value::Kind::kString:
      return ToJson(v);
    case Value::Kind::kArray: {
      std::string out = "[";
      for (size_t i = 0; i < v.GetArray().size(); ++i) {
        if (i) out += ", ";
        out += RegoText(v.GetArray()[i]);
      }
      return out + "]";
    }
    case Value::Kind::kSet: {
      if (v.Size() == 0) return "set()";
      std::string out = "{";
      for (size_t i = 0; i < v.GetSet().size(); ++i) {
        if (i) out += ", ";
        out += RegoText(v.GetSet()[i]);
      }
      return out + "}";
    }
    case Value::Kind::kObject: {
      std::string out = "{";
      bool first = true;
      for (const auto& e : v.GetObject()) {
        if (!first) out += ", ";
        first = false;
        out += RegoText(e.key) + ": " + RegoText(e.value);
      }
      return out + "}";
    }
  }
  return "";
}

}  // namespace golden::rego
