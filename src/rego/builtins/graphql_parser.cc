#include "rego/builtins/graphql_parser.h"

#include <climits>
#include <cstdio>
#include <functional>
#include <utility>
#include <vector>

#include "rego/builtins/go_strconv.h"
#include "rego/builtins/unicode.h"

namespace golden::rego::gql {

namespace {

// ---- lexer (gqlparser's lexer package) ----

enum class Tok {
  kInvalid,
  kEOF,
  kBang,
  kDollar,
  kAmp,
  kParenL,
  kParenR,
  kSpread,
  kColon,
  kEquals,
  kAt,
  kBracketL,
  kBracketR,
  kBraceL,
  kBraceR,
  kPipe,
  kName,
  kInt,
  kFloat,
  kString,
  kBlockString,
};

std::string KindString(Tok t) {
  switch (t) {
    case Tok::kInvalid:
      return "<Invalid>";
    case Tok::kEOF:
      return "<EOF>";
    case Tok::kBang:
      return "!";
    case Tok::kDollar:
      return "$";
    case Tok::kAmp:
      return "&";
    case Tok::kParenL:
      return "(";
    case Tok::kParenR:
      return ")";
    case Tok::kSpread:
      return "...";
    case Tok::kColon:
      return ":";
    case Tok::kEquals:
      return "=";
    case Tok::kAt:
      return "@";
    case Tok::kBracketL:
      return "[";
    case Tok::kBracketR:
      return "]";
    case Tok::kBraceL:
      return "{";
    case Tok::kBraceR:
      return "}";
    case Tok::kPipe:
      return "|";
    case Tok::kName:
      return "Name";
    case Tok::kInt:
      return "Int";
    case Tok::kFloat:
      return "Float";
    case Tok::kString:
      return "String";
    case Tok::kBlockString:
      return "BlockString";
  }
  return "Unknown";
}

struct Token {
  Tok kind = Tok::kInvalid;
  std::string value;
  Position pos;

  std::string String() const {
    return value.empty() ? KindString(kind) : KindString(kind) + " " + GoQuote(value);
  }
};

// Go's utf8.DecodeRuneInString: the rune at the start of `s` and its width in bytes.
std::pair<char32_t, int> DecodeRune(std::string_view s) {
  size_t pos = 0;
  const int32_t r = unicode::DecodeRune(s, &pos);
  return {static_cast<char32_t>(r), static_cast<int>(pos)};
}

void AppendRune(std::string* out, char32_t r) { unicode::AppendRune(out, static_cast<int32_t>(r)); }

// Go's fmt "%04d" of a byte, as the lexer formats control characters ("\u0001").
std::string Pad4(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04d", c);
  return buf;
}

constexpr int kNoIndent = INT_MAX;

int LeadingWhitespace(std::string_view str) {
  size_t i = 0;
  while (i < str.size()) {
    auto [r, w] = DecodeRune(str.substr(i));
    if (r != ' ' && r != '\t') return static_cast<int>(i);
    i += static_cast<size_t>(w);
  }
  return kNoIndent;  // the line is all whitespace
}

// gqlparser's blockStringValue (the spec's BlockStringValue).
std::string BlockStringValue(std::string_view raw) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t i = 0; i <= raw.size(); ++i) {
    if (i == raw.size() || raw[i] == '\n') {
      lines.emplace_back(raw.substr(start, i - start));
      start = i + 1;
    }
  }
  int common = kNoIndent;
  for (const auto& line : lines) {
    const int indent = LeadingWhitespace(line);
    if (indent < static_cast<int>(line.size()) && indent < common) {
      common = indent;
      if (common == 0) break;
    }
  }
  if (common != kNoIndent) {
    for (size_t i = 1; i < lines.size(); ++i) {
      if (static_cast<int>(lines[i].size()) < common) {
        lines[i].clear();
      } else {
        lines[i] = lines[i].substr(static_cast<size_t>(common));
      }
    }
  }
  size_t first = 0, last = lines.size();
  while (first < last && LeadingWhitespace(lines[first]) == kNoIndent) ++first;
  while (first < last && LeadingWhitespace(lines[last - 1]) == kNoIndent) --last;
  std::string out;
  for (size_t i = first; i < last; ++i) {
    if (i > first) out += "\n";
    out += lines[i];
  }
  return out;
}

class Lexer {
 public:
  explicit Lexer(std::string_view input) : in_(input) {}

  // Returns the token and, for a lexical error, the error.
  std::pair<Token, std::optional<Error>> ReadToken() {
    for (;;) {
      Ws();
      start_ = end_;
      start_runes_ = end_runes_;
      if (end_ >= in_.size()) return MakeToken(Tok::kEOF);
      const auto r = static_cast<unsigned char>(in_[start_]);
      ++end_;
      ++end_runes_;
      switch (r) {
        case '!':
          return MakeValueToken(Tok::kBang, "");
        case '$':
          return MakeValueToken(Tok::kDollar, "");
        case '&':
          return MakeValueToken(Tok::kAmp, "");
        case '(':
          return MakeValueToken(Tok::kParenL, "");
        case ')':
          return MakeValueToken(Tok::kParenR, "");
        case '.':
          if (in_.size() > start_ + 2 && in_.substr(start_, 3) == "...") {
            end_ += 2;
            end_runes_ += 2;
            return MakeValueToken(Tok::kSpread, "");
          }
          break;
        case ':':
          return MakeValueToken(Tok::kColon, "");
        case '=':
          return MakeValueToken(Tok::kEquals, "");
        case '@':
          return MakeValueToken(Tok::kAt, "");
        case '[':
          return MakeValueToken(Tok::kBracketL, "");
        case ']':
          return MakeValueToken(Tok::kBracketR, "");
        case '{':
          return MakeValueToken(Tok::kBraceL, "");
        case '}':
          return MakeValueToken(Tok::kBraceR, "");
        case '|':
          return MakeValueToken(Tok::kPipe, "");
        case '#':
          ReadComment();
          continue;
        case '"':
          if (in_.size() > start_ + 2 && in_.substr(start_, 3) == "\"\"\"")
            return ReadBlockString();
          return ReadString();
        default:
          if (r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')) return ReadName();
          if (r == '-' || (r >= '0' && r <= '9')) return ReadNumber();
          break;
      }
      --end_;
      --end_runes_;
      if (r < 0x20 && r != 0x09 && r != 0x0a && r != 0x0d) {
        return MakeError("Cannot contain the invalid character \"\\u" + Pad4(r) + "\"");
      }
      if (r == '\'') {
        return MakeError(
            "Unexpected single quote character ('), did you mean to use a double quote (\")?");
      }
      return MakeError("Cannot parse the unexpected character \"" +
                       std::string(1, static_cast<char>(r)) + "\".");
    }
  }

 private:
  std::pair<Token, std::optional<Error>> MakeToken(Tok kind) {
    return MakeValueToken(kind, std::string(in_.substr(start_, end_ - start_)));
  }
  std::pair<Token, std::optional<Error>> MakeValueToken(Tok kind, std::string value) {
    Token t;
    t.kind = kind;
    t.value = std::move(value);
    t.pos = {line_, start_runes_ - line_start_runes_ + 1};
    return {std::move(t), std::nullopt};
  }
  std::pair<Token, std::optional<Error>> MakeError(std::string message) {
    Token t;
    t.kind = Tok::kInvalid;
    t.pos = {line_, end_runes_ - line_start_runes_ + 1};
    return {t, Error{std::move(message), t.pos}};
  }

  void NewLine() {
    ++line_;
    line_start_runes_ = end_runes_;
  }

  void Ws() {
    while (end_ < in_.size()) {
      switch (static_cast<unsigned char>(in_[end_])) {
        case '\t':
        case ' ':
        case ',':
          ++end_;
          ++end_runes_;
          break;
        case '\n':
          ++end_;
          ++end_runes_;
          NewLine();
          break;
        case '\r':
          ++end_;
          ++end_runes_;
          NewLine();
          if (end_ < in_.size() && in_[end_] == '\n') {
            ++end_;
            ++end_runes_;
          }
          break;
        case 0xEF:  // byte order mark
          if (end_ + 2 < in_.size() && static_cast<unsigned char>(in_[end_ + 1]) == 0xBB &&
              static_cast<unsigned char>(in_[end_ + 2]) == 0xBF) {
            end_ += 3;
            ++end_runes_;
            break;
          }
          return;
        default:
          return;
      }
    }
  }

  void ReadComment() {
    while (end_ < in_.size()) {
      auto [r, w] = DecodeRune(in_.substr(end_));
      if (r > 0x1f || r == '\t') {
        end_ += static_cast<size_t>(w);
        ++end_runes_;
      } else {
        break;
      }
    }
  }

  bool AcceptByte(std::string_view bytes) {
    if (end_ >= in_.size()) return false;
    if (bytes.find(in_[end_]) == std::string_view::npos) return false;
    ++end_;
    ++end_runes_;
    return true;
  }
  int AcceptDigits() {
    int consumed = 0;
    while (end_ < in_.size() && in_[end_] >= '0' && in_[end_] <= '9') {
      ++end_;
      ++end_runes_;
      ++consumed;
    }
    return consumed;
  }
  std::string DescribeNext() const {
    if (end_ < in_.size()) return "\"" + std::string(1, in_[end_]) + "\"";
    return "<EOF>";
  }

  std::pair<Token, std::optional<Error>> ReadNumber() {
    bool is_float = false;
    --end_;
    --end_runes_;
    AcceptByte("-");
    if (AcceptByte("0")) {
      if (int consumed = AcceptDigits(); consumed != 0) {
        end_ -= static_cast<size_t>(consumed);
        end_runes_ -= consumed;
        return MakeError("Invalid number, unexpected digit after 0: " + DescribeNext() + ".");
      }
    } else if (AcceptDigits() == 0) {
      return MakeError("Invalid number, expected digit but got: " + DescribeNext() + ".");
    }
    if (AcceptByte(".")) {
      is_float = true;
      if (AcceptDigits() == 0) {
        return MakeError("Invalid number, expected digit but got: " + DescribeNext() + ".");
      }
    }
    if (AcceptByte("eE")) {
      is_float = true;
      AcceptByte("-+");
      if (AcceptDigits() == 0) {
        return MakeError("Invalid number, expected digit but got: " + DescribeNext() + ".");
      }
    }
    return MakeToken(is_float ? Tok::kFloat : Tok::kInt);
  }

  static std::optional<char32_t> Unhex(std::string_view b) {
    char32_t v = 0;
    for (char c : b) {
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= static_cast<char32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<char32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<char32_t>(c - 'A' + 10);
      } else {
        return std::nullopt;
      }
    }
    return v;
  }

  std::pair<Token, std::optional<Error>> ReadString() {
    const size_t len = in_.size();
    std::optional<std::string> buf;  // only once an escape is seen
    ++start_;
    ++start_runes_;
    while (end_ < len) {
      const auto r = static_cast<unsigned char>(in_[end_]);
      if (r == '\n' || r == '\r') break;
      if (r < 0x20 && r != '\t') {
        return MakeError("Invalid character within String: \"\\u" + Pad4(r) + "\".");
      }
      if (r == '"') {
        auto t = MakeToken(Tok::kString);
        if (buf.has_value()) t.first.value = *buf;
        ++end_;
        ++end_runes_;
        return t;
      }
      if (r == '\\') {
        if (end_ + 1 >= len) {
          ++end_;
          ++end_runes_;
          return MakeError("Invalid character escape sequence.");
        }
        if (!buf.has_value()) buf = std::string(in_.substr(start_, end_ - start_));
        const char escape = in_[end_ + 1];
        if (escape == 'u') {
          if (end_ + 6 >= len) {
            ++end_;
            ++end_runes_;
            return MakeError("Invalid character escape sequence: \\" +
                             std::string(in_.substr(end_)) + ".");
          }
          auto rr = Unhex(in_.substr(end_ + 2, 4));
          if (!rr.has_value()) {
            ++end_;
            ++end_runes_;
            return MakeError("Invalid character escape sequence: \\" +
                             std::string(in_.substr(end_, 5)) + ".");
          }
          AppendRune(&*buf, *rr);
          end_ += 6;
          end_runes_ += 6;
        } else {
          switch (escape) {
            case '"':
            case '/':
            case '\\':
              buf->push_back(escape);
              break;
            case 'b':
              buf->push_back('\b');
              break;
            case 'f':
              buf->push_back('\f');
              break;
            case 'n':
              buf->push_back('\n');
              break;
            case 'r':
              buf->push_back('\r');
              break;
            case 't':
              buf->push_back('\t');
              break;
            default:
              ++end_;
              ++end_runes_;
              return MakeError("Invalid character escape sequence: \\" + std::string(1, escape) +
                               ".");
          }
          end_ += 2;
          end_runes_ += 2;
        }
        continue;
      }
      char32_t ch = r;
      int w = 1;
      if (r >= 127) std::tie(ch, w) = DecodeRune(in_.substr(end_));
      end_ += static_cast<size_t>(w);
      ++end_runes_;
      if (buf.has_value()) AppendRune(&*buf, ch);
    }
    return MakeError("Unterminated string.");
  }

  std::pair<Token, std::optional<Error>> ReadBlockString() {
    const size_t len = in_.size();
    std::string buf;
    start_ += 3;
    start_runes_ += 3;
    end_ += 2;
    end_runes_ += 2;
    while (end_ < len) {
      const auto r = static_cast<unsigned char>(in_[end_]);
      if (r == '"' && end_ + 3 <= len && in_.substr(end_, 3) == "\"\"\"") {
        auto t = MakeValueToken(Tok::kBlockString, BlockStringValue(buf));
        end_ += 3;
        end_runes_ += 3;
        return t;
      }
      if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') {
        return MakeError("Invalid character within String: \"\\u" + Pad4(r) + "\".");
      }
      if (r == '\\' && end_ + 4 <= len && in_.substr(end_, 4) == "\\\"\"\"") {
        buf += "\"\"\"";
        end_ += 4;
        end_runes_ += 4;
      } else if (r == '\r') {
        if (end_ + 1 < len && in_[end_ + 1] == '\n') {
          ++end_;
          ++end_runes_;
        }
        buf.push_back('\n');
        ++end_;
        ++end_runes_;
        NewLine();
      } else {
        char32_t ch = r;
        int w = 1;
        if (r >= 127) std::tie(ch, w) = DecodeRune(in_.substr(end_));
        end_ += static_cast<size_t>(w);
        ++end_runes_;
        AppendRune(&buf, ch);
        if (r == '\n') NewLine();
      }
    }
    return MakeError("Unterminated string.");
  }

  std::pair<Token, std::optional<Error>> ReadName() {
    while (end_ < in_.size()) {
      auto [r, w] = DecodeRune(in_.substr(end_));
      if ((r >= '0' && r <= '9') || (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || r == '_') {
        end_ += static_cast<size_t>(w);
        ++end_runes_;
      } else {
        break;
      }
    }
    return MakeToken(Tok::kName);
  }

  std::string_view in_;
  size_t start_ = 0, end_ = 0;
  int start_runes_ = 0, end_runes_ = 0;
  int line_ = 1;
  int line_start_runes_ = 0;
};

// ---- parser (gqlparser's parser package) ----

// The keywords that start a type definition or extension, and the kinds they define.
constexpr std::pair<std::string_view, const char*> kTypeKinds[] = {
    {"scalar", kScalar}, {"type", kObject}, {"interface", kInterface},
    {"union", kUnion},   {"enum", kEnum},   {"input", kInputObject}};

// Deepest nesting of selection sets, list and object values and list types the parser takes.
// OPA's parser (Go, growable stacks) has no limit; golden stops here so that absurd input is a
// parse error, not a stack overflow (the AST is parsed, walked and converted recursively).
constexpr int kMaxNesting = 256;

class Parser {
 public:
  explicit Parser(std::string_view input) : lexer_(input) {}

  std::optional<Error> err;

  std::shared_ptr<QueryDocument> ParseQueryDocument() {
    auto doc = std::make_shared<QueryDocument>();
    while (Peek().kind != Tok::kEOF) {
      if (err) return doc;
      switch (Peek().kind) {
        case Tok::kName: {
          const std::string& v = Peek().value;
          if (v == "query" || v == "mutation" || v == "subscription") {
            doc->operations.push_back(ParseOperationDefinition());
          } else if (v == "fragment") {
            doc->fragments.push_back(ParseFragmentDefinition());
          } else {
            UnexpectedError();
          }
          break;
        }
        case Tok::kBraceL:
          doc->operations.push_back(ParseOperationDefinition());
          break;
        default:
          UnexpectedError();
      }
    }
    return doc;
  }

  std::shared_ptr<SchemaDocument> ParseSchemaDocument() {
    auto doc = std::make_shared<SchemaDocument>();
    while (Peek().kind != Tok::kEOF) {
      if (err) return nullptr;
      std::string description;
      if (Peek().kind == Tok::kBlockString || Peek().kind == Tok::kString) {
        description = ParseDescription();
      }
      if (Peek().kind != Tok::kName) {
        UnexpectedError();
        break;
      }
      const std::string v = Peek().value;
      if (v == "scalar" || v == "type" || v == "interface" || v == "union" || v == "enum" ||
          v == "input") {
        doc->definitions.push_back(ParseTypeSystemDefinition(description));
      } else if (v == "schema") {
        doc->schema.push_back(ParseSchemaDefinition(description));
      } else if (v == "directive") {
        doc->directives.push_back(ParseDirectiveDefinition(description));
      } else if (v == "extend") {
        if (!description.empty()) UnexpectedToken(prev_);
        ParseTypeSystemExtension(doc.get());
      } else {
        UnexpectedError();
        return nullptr;
      }
    }
    return doc;
  }

 private:
  // Counts one level of nesting for its lifetime; past kMaxNesting it fails the parse, which
  // makes every parse function below return without reading further.
  class Nesting {
   public:
    explicit Nesting(Parser* parser) : parser_(parser) {
      if (++parser_->depth_ > kMaxNesting) {
        parser_->Fail(parser_->Peek(),
                      "nesting deeper than " + std::to_string(kMaxNesting) + " levels");
      }
    }
    ~Nesting() { --parser_->depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;

   private:
    Parser* parser_;
  };

  // -- token plumbing --

  Pos PeekPos() {
    if (err) return std::nullopt;
    return Peek().pos;
  }

  const Token& Peek() {
    if (err) return prev_;
    if (!peeked_) {
      std::tie(peek_token_, peek_error_) = lexer_.ReadToken();
      peeked_ = true;
    }
    return peek_token_;
  }

  void Fail(const Token& tok, std::string message) {
    if (err) return;
    err = Error{std::move(message), tok.pos};
  }

  Token Next() {
    if (err) return prev_;
    if (peeked_) {
      peeked_ = false;
      prev_ = peek_token_;
      err = peek_error_;
    } else {
      std::tie(prev_, err) = lexer_.ReadToken();
    }
    return prev_;
  }

  Token ExpectKeyword(const std::string& value) {
    Token tok = Peek();
    if (tok.kind == Tok::kName && tok.value == value) return Next();
    Fail(tok, "Expected " + GoQuote(value) + ", found " + tok.String());
    return tok;
  }

  Token Expect(Tok kind) {
    Token tok = Peek();
    if (tok.kind == kind) return Next();
    Fail(tok, "Expected " + KindString(kind) + ", found " + KindString(tok.kind));
    return tok;
  }

  bool Skip(Tok kind) {
    if (err) return false;
    if (Peek().kind != kind) return false;
    Next();
    return true;
  }

  void UnexpectedError() { UnexpectedToken(Peek()); }
  void UnexpectedToken(const Token& tok) { Fail(tok, "Unexpected " + tok.String()); }

  void Many(Tok start, Tok end, const std::function<void()>& cb) {
    if (!Skip(start)) return;
    while (Peek().kind != end && !err) cb();
    Next();
  }

  void Some(Tok start, Tok end, const std::function<void()>& cb) {
    if (!Skip(start)) return;
    bool called = false;
    while (Peek().kind != end && !err) {
      called = true;
      cb();
    }
    if (!called) {
      Token tok = Peek();
      Fail(tok, "expected at least one definition, found " + KindString(tok.kind));
      return;
    }
    Next();
  }

  std::string ParseName() { return Expect(Tok::kName).value; }

  // -- executable documents --

  std::shared_ptr<OperationDefinition> ParseOperationDefinition() {
    auto od = std::make_shared<OperationDefinition>();
    if (Peek().kind == Tok::kBraceL) {
      od->pos = PeekPos();
      od->operation = "query";
      od->selection_set = ParseRequiredSelectionSet();
      return od;
    }
    od->pos = PeekPos();
    od->operation = ParseOperationType();
    if (Peek().kind == Tok::kName) od->name = Next().value;
    od->variable_definitions = ParseVariableDefinitions();
    od->directives = ParseDirectives(false);
    od->selection_set = ParseRequiredSelectionSet();
    return od;
  }

  std::string ParseOperationType() {
    Token tok = Next();
    if (tok.value == "query" || tok.value == "mutation" || tok.value == "subscription") {
      return tok.value;
    }
    UnexpectedToken(tok);
    return "";
  }

  VariableDefinitionList ParseVariableDefinitions() {
    VariableDefinitionList defs;
    Many(Tok::kParenL, Tok::kParenR, [&] { defs.push_back(ParseVariableDefinition()); });
    return defs;
  }

  std::shared_ptr<VariableDefinition> ParseVariableDefinition() {
    auto def = std::make_shared<VariableDefinition>();
    def->pos = PeekPos();
    def->variable = ParseVariable();
    Expect(Tok::kColon);
    def->type = ParseTypeReference();
    if (Skip(Tok::kEquals)) def->default_value = ParseValueLiteral(true);
    def->directives = ParseDirectives(false);
    return def;
  }

  std::string ParseVariable() {
    Expect(Tok::kDollar);
    return ParseName();
  }

  SelectionSet ParseOptionalSelectionSet() {
    Nesting nesting(this);
    SelectionSet selections;
    Some(Tok::kBraceL, Tok::kBraceR, [&] { selections.push_back(ParseSelection()); });
    return selections;
  }

  SelectionSet ParseRequiredSelectionSet() {
    Nesting nesting(this);
    if (Peek().kind != Tok::kBraceL) {
      Token tok = Peek();
      Fail(tok, "Expected " + KindString(Tok::kBraceL) + ", found " + KindString(tok.kind));
      return {};
    }
    SelectionSet selections;
    Some(Tok::kBraceL, Tok::kBraceR, [&] { selections.push_back(ParseSelection()); });
    return selections;
  }

  std::shared_ptr<Selection> ParseSelection() {
    if (Peek().kind == Tok::kSpread) return ParseFragment();
    return ParseField();
  }

  std::shared_ptr<Field> ParseField() {
    auto field = std::make_shared<Field>();
    field->pos = PeekPos();
    field->alias = ParseName();
    if (Skip(Tok::kColon)) {
      field->name = ParseName();
    } else {
      field->name = field->alias;
    }
    field->arguments = ParseArguments(false);
    field->directives = ParseDirectives(false);
    if (Peek().kind == Tok::kBraceL) field->selection_set = ParseOptionalSelectionSet();
    return field;
  }

  ArgumentList ParseArguments(bool is_const) {
    ArgumentList args;
    Many(Tok::kParenL, Tok::kParenR, [&] {
      auto arg = std::make_shared<Argument>();
      arg->pos = PeekPos();
      arg->name = ParseName();
      Expect(Tok::kColon);
      arg->value = ParseValueLiteral(is_const);
      args.push_back(std::move(arg));
    });
    return args;
  }

  std::shared_ptr<Selection> ParseFragment() {
    Expect(Tok::kSpread);
    if (const Token& peek = Peek(); peek.kind == Tok::kName && peek.value != "on") {
      auto spread = std::make_shared<FragmentSpread>();
      spread->pos = PeekPos();
      spread->name = ParseFragmentName();
      spread->directives = ParseDirectives(false);
      return spread;
    }
    auto def = std::make_shared<InlineFragment>();
    def->pos = PeekPos();
    if (Peek().value == "on") {
      Next();
      def->type_condition = ParseName();
    }
    def->directives = ParseDirectives(false);
    def->selection_set = ParseRequiredSelectionSet();
    return def;
  }

  std::shared_ptr<FragmentDefinition> ParseFragmentDefinition() {
    auto def = std::make_shared<FragmentDefinition>();
    def->pos = PeekPos();
    ExpectKeyword("fragment");
    def->name = ParseFragmentName();
    def->variable_definition = ParseVariableDefinitions();
    ExpectKeyword("on");
    def->type_condition = ParseName();
    def->directives = ParseDirectives(false);
    def->selection_set = ParseRequiredSelectionSet();
    return def;
  }

  std::string ParseFragmentName() {
    if (Peek().value == "on") {
      UnexpectedError();
      return "";
    }
    return ParseName();
  }

  ValuePtr ParseValueLiteral(bool is_const) {
    Token token = Peek();
    int kind = kVariable;
    switch (token.kind) {
      case Tok::kBracketL:
        return ParseList(is_const);
      case Tok::kBraceL:
        return ParseObject(is_const);
      case Tok::kDollar: {
        if (is_const) {
          UnexpectedError();
          return nullptr;
        }
        auto v = std::make_shared<gql::Value>();
        v->pos = token.pos;
        v->raw = ParseVariable();
        v->kind = kVariable;
        return v;
      }
      case Tok::kInt:
        kind = kIntValue;
        break;
      case Tok::kFloat:
        kind = kFloatValue;
        break;
      case Tok::kString:
        kind = kStringValue;
        break;
      case Tok::kBlockString:
        kind = kBlockValue;
        break;
      case Tok::kName:
        if (token.value == "true" || token.value == "false") {
          kind = kBooleanValue;
        } else if (token.value == "null") {
          kind = kNullValue;
        } else {
          kind = kEnumValue;
        }
        break;
      default:
        UnexpectedError();
        return nullptr;
    }
    Next();
    auto v = std::make_shared<gql::Value>();
    v->pos = token.pos;
    v->raw = token.value;
    v->kind = kind;
    return v;
  }

  ValuePtr ParseList(bool is_const) {
    Nesting nesting(this);
    auto v = std::make_shared<gql::Value>();
    v->pos = PeekPos();
    v->kind = kListValue;
    Many(Tok::kBracketL, Tok::kBracketR, [&] {
      auto child = std::make_shared<ChildValue>();
      child->value = ParseValueLiteral(is_const);
      v->children.push_back(std::move(child));
    });
    return v;
  }

  ValuePtr ParseObject(bool is_const) {
    Nesting nesting(this);
    auto v = std::make_shared<gql::Value>();
    v->pos = PeekPos();
    v->kind = kObjectValue;
    Many(Tok::kBraceL, Tok::kBraceR, [&] {
      auto field = std::make_shared<ChildValue>();
      field->pos = PeekPos();
      field->name = ParseName();
      Expect(Tok::kColon);
      field->value = ParseValueLiteral(is_const);
      v->children.push_back(std::move(field));
    });
    return v;
  }

  DirectiveList ParseDirectives(bool is_const) {
    DirectiveList directives;
    while (Peek().kind == Tok::kAt) {
      if (err) break;
      Expect(Tok::kAt);
      auto d = std::make_shared<Directive>();
      d->pos = PeekPos();
      d->name = ParseName();
      d->arguments = ParseArguments(is_const);
      directives.push_back(std::move(d));
    }
    return directives;
  }

  TypePtr ParseTypeReference() {
    Nesting nesting(this);
    auto typ = std::make_shared<Type>();
    if (Skip(Tok::kBracketL)) {
      typ->pos = PeekPos();
      typ->elem = ParseTypeReference();
      Expect(Tok::kBracketR);
    } else {
      typ->pos = PeekPos();
      typ->named_type = ParseName();
    }
    if (Skip(Tok::kBang)) {
      typ->pos = PeekPos();
      typ->non_null = true;
    }
    return typ;
  }

  // -- schema documents --

  std::string ParseDescription() {
    const Token& token = Peek();
    if (token.kind != Tok::kBlockString && token.kind != Tok::kString) return "";
    return Next().value;
  }

  DefinitionPtr ParseTypeSystemDefinition(const std::string& description) {
    const std::string v = Peek().value;
    for (const auto& [keyword, kind] : kTypeKinds) {
      if (v == keyword) return ParseTypeDefinition(std::string(keyword), kind, description);
    }
    UnexpectedError();
    return nullptr;
  }

  // gqlparser's parse<Kind>TypeDefinition: the parts that kind of type has.
  DefinitionPtr ParseTypeDefinition(const std::string& keyword, const char* kind,
                                    const std::string& description) {
    ExpectKeyword(keyword);
    auto def = NewDefinition(kind, description);
    const std::string_view k = kind;
    if (k == kObject || k == kInterface) def->interfaces = ParseImplementsInterfaces();
    def->directives = ParseDirectives(true);
    if (k == kObject || k == kInterface) {
      def->fields = ParseFieldsDefinition();
    } else if (k == kUnion) {
      def->types = ParseUnionMemberTypes();
    } else if (k == kEnum) {
      def->enum_values = ParseEnumValuesDefinition();
    } else if (k == kInputObject) {
      def->fields = ParseInputFieldsDefinition();
    }
    return def;
  }

  std::shared_ptr<SchemaDefinition> ParseSchemaDefinition(const std::string& description) {
    ExpectKeyword("schema");
    auto def = std::make_shared<SchemaDefinition>();
    def->pos = PeekPos();
    def->description = description;
    def->directives = ParseDirectives(true);
    Some(Tok::kBraceL, Tok::kBraceR,
         [&] { def->operation_types.push_back(ParseOperationTypeDefinition()); });
    return def;
  }

  std::shared_ptr<OperationTypeDefinition> ParseOperationTypeDefinition() {
    auto op = std::make_shared<OperationTypeDefinition>();
    op->pos = PeekPos();
    op->operation = ParseOperationType();
    Expect(Tok::kColon);
    op->type = ParseName();
    return op;
  }

  DefinitionPtr NewDefinition(const char* kind, const std::string& description) {
    auto def = std::make_shared<Definition>();
    def->pos = PeekPos();
    def->kind = kind;
    def->description = description;
    def->name = ParseName();
    return def;
  }

  std::vector<std::string> ParseImplementsInterfaces() {
    std::vector<std::string> types;
    if (Peek().value == "implements") {
      Next();
      Skip(Tok::kAmp);
      types.push_back(ParseName());
      while (Skip(Tok::kAmp) && !err) types.push_back(ParseName());
    }
    return types;
  }

  FieldList ParseFieldsDefinition() {
    FieldList defs;
    Some(Tok::kBraceL, Tok::kBraceR, [&] {
      auto def = std::make_shared<FieldDefinition>();
      def->pos = PeekPos();
      def->description = ParseDescription();
      def->name = ParseName();
      def->arguments = ParseArgumentDefs();
      Expect(Tok::kColon);
      def->type = ParseTypeReference();
      def->directives = ParseDirectives(true);
      defs.push_back(std::move(def));
    });
    return defs;
  }

  ArgumentDefinitionList ParseArgumentDefs() {
    ArgumentDefinitionList args;
    Some(Tok::kParenL, Tok::kParenR,
         [&] { args.push_back(ParseInputValue<ArgumentDefinition>()); });
    return args;
  }

  // An argument or input field definition: description, name, type, default, directives.
  template <typename T>
  std::shared_ptr<T> ParseInputValue() {
    auto def = std::make_shared<T>();
    def->pos = PeekPos();
    def->description = ParseDescription();
    def->name = ParseName();
    Expect(Tok::kColon);
    def->type = ParseTypeReference();
    if (Skip(Tok::kEquals)) def->default_value = ParseValueLiteral(true);
    def->directives = ParseDirectives(true);
    return def;
  }

  std::vector<std::string> ParseUnionMemberTypes() {
    std::vector<std::string> types;
    if (Skip(Tok::kEquals)) {
      Skip(Tok::kPipe);
      types.push_back(ParseName());
      while (Skip(Tok::kPipe) && !err) types.push_back(ParseName());
    }
    return types;
  }

  std::vector<std::shared_ptr<EnumValueDefinition>> ParseEnumValuesDefinition() {
    std::vector<std::shared_ptr<EnumValueDefinition>> values;
    Some(Tok::kBraceL, Tok::kBraceR, [&] {
      auto v = std::make_shared<EnumValueDefinition>();
      v->pos = PeekPos();
      v->description = ParseDescription();
      v->name = ParseName();
      v->directives = ParseDirectives(true);
      values.push_back(std::move(v));
    });
    return values;
  }

  FieldList ParseInputFieldsDefinition() {
    FieldList values;
    Some(Tok::kBraceL, Tok::kBraceR, [&] { values.push_back(ParseInputValue<FieldDefinition>()); });
    return values;
  }

  void ParseTypeSystemExtension(SchemaDocument* doc) {
    ExpectKeyword("extend");
    const std::string v = Peek().value;
    if (v == "schema") {
      doc->schema_extension.push_back(ParseSchemaExtension());
      return;
    }
    for (const auto& [keyword, kind] : kTypeKinds) {
      if (v == keyword) {
        doc->extensions.push_back(ParseTypeExtension(std::string(keyword), kind));
        return;
      }
    }
    UnexpectedError();
  }

  // gqlparser's parse<Kind>TypeExtension: the parts the kind has, at least one of them given.
  DefinitionPtr ParseTypeExtension(const std::string& keyword, const char* kind) {
    ExpectKeyword(keyword);
    auto def = NewDefinition(kind, "");
    const std::string_view k = kind;
    if (k == kObject) def->interfaces = ParseImplementsInterfaces();
    def->directives = ParseDirectives(k != kInputObject);
    if (k == kObject || k == kInterface) {
      def->fields = ParseFieldsDefinition();
    } else if (k == kUnion) {
      def->types = ParseUnionMemberTypes();
    } else if (k == kEnum) {
      def->enum_values = ParseEnumValuesDefinition();
    } else if (k == kInputObject) {
      def->fields = ParseInputFieldsDefinition();
    }
    if (def->interfaces.empty() && def->directives.empty() && def->fields.empty() &&
        def->types.empty() && def->enum_values.empty()) {
      UnexpectedError();
    }
    return def;
  }

  std::shared_ptr<SchemaDefinition> ParseSchemaExtension() {
    ExpectKeyword("schema");
    auto def = std::make_shared<SchemaDefinition>();
    def->pos = PeekPos();
    def->directives = ParseDirectives(true);
    Some(Tok::kBraceL, Tok::kBraceR,
         [&] { def->operation_types.push_back(ParseOperationTypeDefinition()); });
    if (def->directives.empty() && def->operation_types.empty()) UnexpectedError();
    return def;
  }

  std::shared_ptr<DirectiveDefinition> ParseDirectiveDefinition(const std::string& description) {
    ExpectKeyword("directive");
    Expect(Tok::kAt);
    auto def = std::make_shared<DirectiveDefinition>();
    def->pos = PeekPos();
    def->description = description;
    def->name = ParseName();
    def->arguments = ParseArgumentDefs();
    if (const Token& peek = Peek(); peek.kind == Tok::kName && peek.value == "repeatable") {
      def->is_repeatable = true;
      Skip(Tok::kName);
    }
    ExpectKeyword("on");
    Skip(Tok::kPipe);
    def->locations.push_back(ParseDirectiveLocation());
    while (Skip(Tok::kPipe) && !err) def->locations.push_back(ParseDirectiveLocation());
    return def;
  }

  std::string ParseDirectiveLocation() {
    static constexpr std::string_view kLocations[] = {"QUERY",
                                                      "MUTATION",
                                                      "SUBSCRIPTION",
                                                      "FIELD",
                                                      "FRAGMENT_DEFINITION",
                                                      "FRAGMENT_SPREAD",
                                                      "INLINE_FRAGMENT",
                                                      "VARIABLE_DEFINITION",
                                                      "SCHEMA",
                                                      "SCALAR",
                                                      "OBJECT",
                                                      "FIELD_DEFINITION",
                                                      "ARGUMENT_DEFINITION",
                                                      "INTERFACE",
                                                      "UNION",
                                                      "ENUM",
                                                      "ENUM_VALUE",
                                                      "INPUT_OBJECT",
                                                      "INPUT_FIELD_DEFINITION"};
    Token name = Expect(Tok::kName);
    for (std::string_view loc : kLocations) {
      if (name.value == loc) return name.value;
    }
    UnexpectedToken(name);
    return "";
  }

  Lexer lexer_;
  bool peeked_ = false;
  Token peek_token_;
  std::optional<Error> peek_error_;
  Token prev_;
  int depth_ = 0;  // current nesting, see Nesting
};

}  // namespace

Parsed<QueryDocument> ParseQuery(std::string_view input) {
  Parser p(input);
  auto doc = p.ParseQueryDocument();
  if (p.err) return {nullptr, p.err};
  return {std::move(doc), std::nullopt};
}

Parsed<SchemaDocument> ParseSchema(std::string_view input, bool built_in) {
  Parser p(input);
  auto doc = p.ParseSchemaDocument();
  if (p.err || doc == nullptr) {
    return {nullptr, p.err.value_or(Error{"invalid schema", std::nullopt})};
  }
  for (auto& def : doc->definitions) def->built_in = built_in;
  for (auto& def : doc->extensions) def->built_in = built_in;
  return {std::move(doc), std::nullopt};
}

}  // namespace golden::rego::gql
