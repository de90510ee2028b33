#include "portfolio/py_repr.h"

#include <cstdio>

#include "base/strings.h"

namespace golden::portfolio {

namespace {

void AppendString(std::string* out, std::string_view s) {
  // Python prefers single quotes and switches to double quotes only to avoid escaping.
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  out->push_back(quote);
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    int32_t cp = DecodeUtf8(s, &pos);
    char buf[16];
    if (cp < 0) {
      // Not UTF-8: show the byte, as Python shows undecodable input escaped.
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(s[start]));
      out->append(buf);
    } else if (cp == quote || cp == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(cp));
    } else if (cp == '\n') {
      out->append("\\n");
    } else if (cp == '\r') {
      out->append("\\r");
    } else if (cp == '\t') {
      out->append("\\t");
    } else if (cp < 0x20 || cp == 0x7f) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      out->append(buf);
    } else if (cp >= 0x80 && cp < 0xa0) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      out->append(buf);
    } else {
      out->append(s.substr(start, pos - start));
    }
  }
  out->push_back(quote);
}

void Append(std::string* out, const Value& v, size_t budget) {
  if (out->size() > budget) return;
  switch (v.kind()) {
    case Value::Kind::kNull:
      out->append("None");
      return;
    case Value::Kind::kBool:
      out->append(v.GetBool() ? "True" : "False");
      return;
    case Value::Kind::kNumber:
      out->append(v.GetNumber().ToString());
      return;
    case Value::Kind::kString:
      AppendString(out, v.GetString());
      return;
    case Value::Kind::kArray:
    case Value::Kind::kSet: {
      out->push_back('[');
      bool first = true;
      for (const Value& item : v.IsArray() ? v.GetArray() : v.GetSet()) {
        if (!first) out->append(", ");
        first = false;
        Append(out, item, budget);
        if (out->size() > budget) return;
      }
      out->push_back(']');
      return;
    }
    case Value::Kind::kObject: {
      out->push_back('{');
      bool first = true;
      for (const auto& e : v.GetObject()) {
        if (!first) out->append(", ");
        first = false;
        Append(out, e.key, budget);
        out->append(": ");
        Append(out, e.value, budget);
        if (out->size() > budget) return;
      }
      out->push_back('}');
      return;
    }
  }
}

}  // namespace

std::string PyRepr(const Value& v, size_t max_bytes) {
  std::string out;
  Append(&out, v, max_bytes);
  if (out.size() > max_bytes) {
    size_t cut = max_bytes;
    // Back up to the start of a UTF-8 character.
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    out.append("...");
  }
  return out;
}

}  // namespace golden::portfolio
