#include "rego/syntax/format.h"

#include <cstdio>

#include "base/strings.h"

namespace golden::rego {

namespace {

// Go's unicode.IsPrint, approximated for the ranges that matter: controls (C0, DEL, C1),
// soft hyphen, the line/paragraph separators, and invisible formatting characters are not
// printable; everything else is.
bool IsPrintable(int32_t r) {
  if (r < 0x20 || r == 0x7F) return false;
  if (r >= 0x80 && r < 0xA0) return false;
  if (r == 0xAD) return false;
  if (r >= 0x200B && r <= 0x200F) return false;
  if (r >= 0x2028 && r <= 0x202E) return false;
  if (r >= 0x2060 && r <= 0x206F) return false;
  if (r == 0xFEFF) return false;
  if (r >= 0xD800 && r <= 0xDFFF) return false;
  if (r == 0xFFFE || r == 0xFFFF) return false;
  if (r >= 0xE000 && r <= 0xF8FF) return false;  // private use
  return true;
}

}  // namespace

void AppendGoQuoted(std::string* out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  *out += '"';
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    int32_t r = DecodeUtf8(s, &i);
    if (r < 0) {
      auto b = static_cast<unsigned char>(s[start]);
      *out += "\\x";
      *out += kHex[b >> 4];
      *out += kHex[b & 15];
      continue;
    }
    if (r == '"' || r == '\\') {
      *out += '\\';
      *out += static_cast<char>(r);
      continue;
    }
    if (IsPrintable(r)) {
      out->append(s.substr(start, i - start));
      continue;
    }
    switch (r) {
      case '\a': *out += "\\a"; continue;
      case '\b': *out += "\\b"; continue;
      case '\f': *out += "\\f"; continue;
      case '\n': *out += "\\n"; continue;
      case '\r': *out += "\\r"; continue;
      case '\t': *out += "\\t"; continue;
      case '\v': *out += "\\v"; continue;
      default: break;
    }
    char buf[16];
    if (r < ' ' || r == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(r));
    } else if (r < 0x10000) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(r));
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(r));
    }
    *out += buf;
  }
  *out += '"';
}

void AppendRegoString(std::string* out, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      *out += "null";
      return;
    case Value::Kind::kBool:
      *out += v.GetBool() ? "true" : "false";
      return;
    case Value::Kind::kNumber:
      *out += v.GetNumber().ToString();
      return;
    case Value::Kind::kString:
      AppendGoQuoted(out, v.GetString());
      return;
    case Value::Kind::kArray: {
      *out += '[';
      bool first = true;
      for (const Value& x : v.GetArray()) {
        if (!first) *out += ", ";
        first = false;
        AppendRegoString(out, x);
      }
      *out += ']';
      return;
    }
    case Value::Kind::kObject: {
      *out += '{';
      bool first = true;
      for (const Value::Entry& e : v.GetObject()) {
        if (!first) *out += ", ";
        first = false;
        AppendRegoString(out, e.key);
        *out += ": ";
        AppendRegoString(out, e.value);
      }
      *out += '}';
      return;
    }
    case Value::Kind::kSet: {
      if (v.Size() == 0) {
        *out += "set()";
        return;
      }
      *out += '{';
      bool first = true;
      for (const Value& x : v.GetSet()) {
        if (!first) *out += ", ";
        first = false;
        AppendRegoString(out, x);
      }
      *out += '}';
      return;
    }
  }
}

std::string ValueToRegoString(const Value& v) {
  std::string out;
  AppendRegoString(&out, v);
  return out;
}

}  // namespace golden::rego
