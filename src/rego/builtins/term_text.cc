#include "rego/builtins/term_text.h"

#include "rego/builtins/go_fmt.h"

namespace golden::rego {

void AppendTermText(std::string* out, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      out->append("null");
      return;
    case Value::Kind::kBool:
      out->append(v.GetBool() ? "true" : "false");
      return;
    case Value::Kind::kNumber:
      out->append(v.GetNumber().ToString());
      return;
    case Value::Kind::kString:
      out->append(GoQuote(v.GetString()));
      return;
    case Value::Kind::kArray: {
      out->push_back('[');
      bool first = true;
      for (const Value& item : v.GetArray()) {
        if (!first) out->append(", ");
        first = false;
        AppendTermText(out, item);
      }
      out->push_back(']');
      return;
    }
    case Value::Kind::kSet: {
      if (v.Size() == 0) {
        out->append("set()");
        return;
      }
      out->push_back('{');
      bool first = true;
      for (const Value& item : v.GetSet()) {
        if (!first) out->append(", ");
        first = false;
        AppendTermText(out, item);
      }
      out->push_back('}');
      return;
    }
    case Value::Kind::kObject: {
      out->push_back('{');
      bool first = true;
      for (const auto& e : v.GetObject()) {
        if (!first) out->append(", ");
        first = false;
        AppendTermText(out, e.key);
        out->append(": ");
        AppendTermText(out, e.value);
      }
      out->push_back('}');
      return;
    }
  }
}

std::string TermText(const Value& v) {
  std::string out;
  AppendTermText(&out, v);
  return out;
}

}  // namespace golden::rego
