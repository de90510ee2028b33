#include "policy/toml.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/strings.h"

namespace golden::policy {

namespace {

// A mutable tree while parsing; converted to an immutable Value at the end.
struct Node {
  enum class Kind { kValue, kTable, kArrayOfTables } kind = Kind::kTable;
  Value value;
  std::map<std::string, std::unique_ptr<Node>> table;
  std::vector<std::unique_ptr<Node>> tables;  // kArrayOfTables
};

Value ToValue(const Node& n) {
  switch (n.kind) {
    case Node::Kind::kValue:
      return n.value;
    case Node::Kind::kTable: {
      std::vector<Value::Entry> entries;
      for (const auto& [k, v] : n.table) entries.push_back({Value::String(k), ToValue(*v)});
      return Value::Object(std::move(entries));
    }
    case Node::Kind::kArrayOfTables: {
      std::vector<Value> items;
      for (const auto& t : n.tables) items.push_back(ToValue(*t));
      return Value::Array(std::move(items));
    }
  }
  return Value();
}

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  Result<Value> Parse() {
    Node root;
    Node* current = &root;
    while (true) {
      SkipBlankAndComments(/*newlines=*/true);
      if (pos_ >= s_.size()) break;
      if (s_[pos_] == '[') {
        bool array = pos_ + 1 < s_.size() && s_[pos_ + 1] == '[';
        pos_ += array ? 2 : 1;
        GOLDEN_ASSIGN_OR_RETURN(std::vector<std::string> key, Key());
        if (!Eat(']') || (array && !Eat(']'))) return Error("expected ']'");
        GOLDEN_ASSIGN_OR_RETURN(current, OpenTable(&root, key, array));
      } else {
        GOLDEN_ASSIGN_OR_RETURN(std::vector<std::string> key, Key());
        if (!Eat('=')) return Error("expected '='");
        GOLDEN_ASSIGN_OR_RETURN(Value v, ParseValue());
        GOLDEN_RETURN_IF_ERROR(Assign(current, key, std::move(v)));
      }
      SkipBlankAndComments(/*newlines=*/false);
      if (pos_ < s_.size() && s_[pos_] != '\n' && s_[pos_] != '\r') {
        return Error("expected the end of the line");
      }
    }
    return ToValue(root);
  }

 private:
  Status Error(std::string_view what) const {
    int line = 1;
    for (size_t i = 0; i < pos_ && i < s_.size(); ++i) line += s_[i] == '\n';
    return ParseError(std::string(what), SourceLocation{"", line, 0});
  }

  void SkipBlankAndComments(bool newlines) {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == ' ' || c == '\t' || (newlines && (c == '\n' || c == '\r'))) {
        ++pos_;
      } else if (c == '#') {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
  }

  bool Eat(char c) {
    SkipBlankAndComments(false);
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  static bool IsBareKeyChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  }

  Result<std::vector<std::string>> Key() {
    std::vector<std::string> parts;
    do {
      SkipBlankAndComments(false);
      if (pos_ < s_.size() && (s_[pos_] == '"' || s_[pos_] == '\'')) {
        GOLDEN_ASSIGN_OR_RETURN(std::string k, String());
        parts.push_back(std::move(k));
      } else {
        size_t start = pos_;
        while (pos_ < s_.size() && IsBareKeyChar(s_[pos_])) ++pos_;
        if (start == pos_) return Error("expected a key");
        parts.emplace_back(s_.substr(start, pos_ - start));
      }
    } while (Eat('.'));
    return parts;
  }

  Result<Node*> OpenTable(Node* root, const std::vector<std::string>& key, bool array) {
    Node* n = root;
    for (size_t i = 0; i < key.size(); ++i) {
      std::unique_ptr<Node>& child = n->table[key[i]];
      bool last = i + 1 == key.size();
      if (!child) {
        child = std::make_unique<Node>();
        if (last && array) child->kind = Node::Kind::kArrayOfTables;
      }
      if (child->kind == Node::Kind::kValue) return Error("key '" + key[i] + "' is not a table");
      if (child->kind == Node::Kind::kArrayOfTables) {
        if (last && array) {
          child->tables.push_back(std::make_unique<Node>());
          return child->tables.back().get();
        }
        if (child->tables.empty()) return Error("empty array of tables");
        n = child->tables.back().get();
        continue;
      }
      if (last && array) return Error("key '" + key[i] + "' is a table, not an array of tables");
      n = child.get();
    }
    return n;
  }

  Status Assign(Node* table, const std::vector<std::string>& key, Value v) {
    Node* n = table;
    for (size_t i = 0; i + 1 < key.size(); ++i) {
      std::unique_ptr<Node>& child = n->table[key[i]];
      if (!child) child = std::make_unique<Node>();
      if (child->kind != Node::Kind::kTable) return Error("key '" + key[i] + "' is not a table");
      n = child.get();
    }
    std::unique_ptr<Node>& leaf = n->table[key.back()];
    if (leaf) return Error("key '" + key.back() + "' is defined twice");
    leaf = std::make_unique<Node>();
    leaf->kind = Node::Kind::kValue;
    leaf->value = std::move(v);
    return Status::Ok();
  }

  Result<std::string> String() {
    char quote = s_[pos_];
    bool multi = s_.substr(pos_, 3) == std::string(3, quote);
    pos_ += multi ? 3 : 1;
    if (multi && pos_ < s_.size() && s_[pos_] == '\n') ++pos_;  // first newline is trimmed
    std::string out;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (multi ? s_.substr(pos_, 3) == std::string(3, quote) : c == quote) {
        pos_ += multi ? 3 : 1;
        if (!IsValidUtf8(out)) return Error("a string is not valid UTF-8");
        return out;
      }
      if (c == '\n' && !multi) return Error("unterminated string");
      if (c == '\\' && quote == '"') {
        if (++pos_ >= s_.size()) break;
        char e = s_[pos_++];
        switch (e) {
          case 'n':
            out.push_back('\n');
            break;
          case 't':
            out.push_back('\t');
            break;
          case 'r':
            out.push_back('\r');
            break;
          case 'b':
            out.push_back('\b');
            break;
          case 'f':
            out.push_back('\f');
            break;
          case '"':
            out.push_back('"');
            break;
          case '\\':
            out.push_back('\\');
            break;
          case 'u':
          case 'U': {
            size_t n = e == 'u' ? 4 : 8;
            if (pos_ + n > s_.size()) return Error("bad escape");
            uint32_t cp = 0;
            for (size_t i = 0; i < n; ++i) {
              char h = s_[pos_ + i];
              int d = h >= '0' && h <= '9'   ? h - '0'
                      : h >= 'a' && h <= 'f' ? h - 'a' + 10
                      : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                             : -1;
              if (d < 0) return Error("bad escape");
              cp = cp * 16 + static_cast<uint32_t>(d);
            }
            pos_ += n;
            AppendUtf8(&out, cp);
            break;
          }
          case '\n':  // line-ending backslash in multi-line strings: trim the whitespace
            while (pos_ < s_.size() &&
                   (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
              ++pos_;
            }
            break;
          default:
            return Error("bad escape");
        }
        continue;
      }
      out.push_back(c);
      ++pos_;
    }
    return Error("unterminated string");
  }

  Result<Value> ParseValue(int depth = 0) {
    if (depth > 64) return Error("nesting too deep");
    SkipBlankAndComments(false);
    if (pos_ >= s_.size()) return Error("expected a value");
    char c = s_[pos_];
    if (c == '"' || c == '\'') {
      GOLDEN_ASSIGN_OR_RETURN(std::string str, String());
      return Value::String(std::move(str));
    }
    if (c == '[') {
      ++pos_;
      std::vector<Value> items;
      while (true) {
        SkipBlankAndComments(true);
        if (pos_ < s_.size() && s_[pos_] == ']') {
          ++pos_;
          return Value::Array(std::move(items));
        }
        GOLDEN_ASSIGN_OR_RETURN(Value v, ParseValue(depth + 1));
        items.push_back(std::move(v));
        SkipBlankAndComments(true);
        if (pos_ < s_.size() && s_[pos_] == ',') {
          ++pos_;
        } else if (pos_ >= s_.size() || s_[pos_] != ']') {
          return Error("expected ',' or ']'");
        }
      }
    }
    if (c == '{') {
      ++pos_;
      Node table;
      SkipBlankAndComments(false);
      if (pos_ < s_.size() && s_[pos_] == '}') {
        ++pos_;
        return Value::EmptyObject();
      }
      while (true) {
        GOLDEN_ASSIGN_OR_RETURN(std::vector<std::string> key, Key());
        if (!Eat('=')) return Error("expected '='");
        GOLDEN_ASSIGN_OR_RETURN(Value v, ParseValue(depth + 1));
        GOLDEN_RETURN_IF_ERROR(Assign(&table, key, std::move(v)));
        if (Eat('}')) return ToValue(table);
        if (!Eat(',')) return Error("expected ',' or '}'");
      }
    }
    // A bare scalar: boolean, number or date, up to a delimiter.
    size_t start = pos_;
    while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != ']' && s_[pos_] != '}' &&
           s_[pos_] != '\n' && s_[pos_] != '#' && s_[pos_] != '\r') {
      ++pos_;
    }
    std::string word(TrimSpace(s_.substr(start, pos_ - start)));
    if (word == "true") return Value::Bool(true);
    if (word == "false") return Value::Bool(false);
    std::string digits;
    for (char d : word) {
      if (d != '_') digits.push_back(d);
    }
    if (!digits.empty()) {
      char* end = nullptr;
      errno = 0;
      long long i = std::strtoll(digits.c_str(), &end, 10);
      if (errno == 0 && *end == '\0') return Value::Int(i);
      double d = std::strtod(digits.c_str(), &end);
      bool numeric = digits[0] == '+' || digits[0] == '-' ||
                     std::isdigit(static_cast<unsigned char>(digits[0]));
      if (*end == '\0' && numeric) {
        if (std::optional<Number> n = Number::FromDouble(d)) return Value::Num(*n);
      }
    }
    // Dates and times (1979-05-27T07:32:00Z) stay strings, as YAML timestamps do.
    if (!word.empty() && std::isdigit(static_cast<unsigned char>(word[0]))) {
      return Value::String(word);
    }
    return Error("expected a value");
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

Result<Value> ParseToml(std::string_view text) { return Parser(text).Parse(); }

}  // namespace golden::policy
