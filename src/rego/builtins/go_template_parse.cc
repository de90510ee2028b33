#include "rego/builtins/go_template_parse.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <optional>

#include "rego/builtins/unicode.h"

namespace golden::rego::go_template {

namespace {

// ---- lexer (text/template/parse/lex.go) ----------------------------------------------------

enum class Tok {
  kText,
  kLeftDelim,
  kRightDelim,
  kSpace,
  kIdentifier,
  kField,
  kVariable,
  kDot,
  kNumber,
  kString,
  kRawString,
  kChar,
  kBool,
  kNil,
  kPipe,
  kLeftParen,
  kRightParen,
  kDeclare,
  kAssign,
  kComma,
  kBlock,
  kBreak,
  kContinue,
  kDefine,
  kElse,
  kEnd,
  kIf,
  kRange,
  kTemplate,
  kWith,
  kEof,
  kError,
};

struct Token {
  Tok type;
  std::string text;
  size_t pos = 0;  // byte offset in the template
  int line = 1;
};

bool IsAlphaNumeric(int32_t r) { return r == '_' || unicode::IsLetter(r) || unicode::IsDigit(r); }
bool IsSpaceChar(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

class Lexer {
 public:
  explicit Lexer(std::string_view input) : in_(input) {}

  // The whole token stream, ending with kEof or kError.
  std::vector<Token> Run() {
    while (LexText()) {
      if (!LexInsideAction()) break;
    }
    return std::move(out_);
  }

 private:
  void Emit(Tok t, size_t start, size_t end) {
    out_.push_back({t, std::string(in_.substr(start, end - start)), start, LineAt(start)});
  }
  void Error(std::string msg) { out_.push_back({Tok::kError, std::move(msg), pos_, LineAt(pos_)}); }
  int LineAt(size_t pos) const {
    return 1 + static_cast<int>(
                   std::count(in_.begin(), in_.begin() + static_cast<ptrdiff_t>(pos), '\n'));
  }
  bool At(std::string_view s) const { return in_.substr(pos_).starts_with(s); }

  // Text up to the next action's "{{", honouring "{{- " trim markers and skipping comments.
  // False at the end of input.
  bool LexText() {
    while (true) {
      size_t start = pos_;
      size_t open = in_.find("{{", pos_);
      if (open == in_.npos) {
        if (pos_ < in_.size()) Emit(Tok::kText, start, in_.size());
        out_.push_back({Tok::kEof, "", in_.size(), LineAt(in_.size())});
        return false;
      }
      size_t text_end = open;
      // "{{- " trims the white space before the action.
      bool trim = open + 3 < in_.size() && in_[open + 2] == '-' && IsSpaceChar(in_[open + 3]);
      if (trim) {
        while (text_end > start && IsSpaceChar(in_[text_end - 1])) --text_end;
      }
      if (text_end > start) Emit(Tok::kText, start, text_end);
      pos_ = open + 2;
      if (trim) pos_ += 2;  // "- "
      if (!At("/*")) {
        Emit(Tok::kLeftDelim, open, open + 2);
        return true;
      }
      // A comment is an action of its own: "{{/* ... */}}", with optional trim markers.
      size_t close = in_.find("*/", pos_ + 2);
      if (close == in_.npos) {
        Error("unclosed comment");
        return false;
      }
      pos_ = close + 2;
      if (At(" -}}") || At("\t-}}") || At("\n-}}") || At("\r-}}")) {
        pos_ += 4;
        SkipSpaceAfterTrim();
      } else if (At("}}")) {
        pos_ += 2;
      } else {
        Error("comment ends before closing delimiter");
        return false;
      }
    }
  }

  void SkipSpaceAfterTrim() {
    while (pos_ < in_.size() && IsSpaceChar(in_[pos_])) ++pos_;
  }

  // Tokens up to and including "}}" (or " -}}").
  bool LexInsideAction() {
    int paren_depth = 0;
    while (true) {
      if (pos_ >= in_.size()) {
        Error("unclosed action");
        return false;
      }
      if (IsSpaceChar(in_[pos_])) {
        size_t start = pos_;
        while (pos_ < in_.size() && IsSpaceChar(in_[pos_])) ++pos_;
        if (At("-}}")) {
          if (paren_depth) {
            Error("unclosed left paren");
            return false;
          }
          Emit(Tok::kRightDelim, pos_ + 1, pos_ + 3);
          pos_ += 3;
          SkipSpaceAfterTrim();
          return true;
        }
        Emit(Tok::kSpace, start, pos_);
        continue;
      }
      if (At("}}")) {
        if (paren_depth) {
          Error("unclosed left paren");
          return false;
        }
        Emit(Tok::kRightDelim, pos_, pos_ + 2);
        pos_ += 2;
        return true;
      }
      size_t start = pos_;
      char c = in_[pos_];
      if (c == '=') {
        ++pos_;
        Emit(Tok::kAssign, start, pos_);
      } else if (c == ':') {
        if (pos_ + 1 >= in_.size() || in_[pos_ + 1] != '=') {
          Error("expected :=");
          return false;
        }
        pos_ += 2;
        Emit(Tok::kDeclare, start, pos_);
      } else if (c == '|') {
        ++pos_;
        Emit(Tok::kPipe, start, pos_);
      } else if (c == '"') {
        if (!LexQuote('"')) return false;
        Emit(Tok::kString, start, pos_);
      } else if (c == '`') {
        size_t close = in_.find('`', pos_ + 1);
        if (close == in_.npos) {
          Error("unterminated raw quoted string");
          return false;
        }
        pos_ = close + 1;
        Emit(Tok::kRawString, start, pos_);
      } else if (c == '\'') {
        if (!LexQuote('\'')) return false;
        Emit(Tok::kChar, start, pos_);
      } else if (c == '$') {
        ++pos_;
        LexWord();
        Emit(Tok::kVariable, start, pos_);
      } else if (c == '.') {
        if (pos_ + 1 < in_.size() && in_[pos_ + 1] >= '0' && in_[pos_ + 1] <= '9') {
          LexNumber();
          Emit(Tok::kNumber, start, pos_);
        } else {
          ++pos_;
          size_t word = pos_;
          LexWord();
          Emit(pos_ == word ? Tok::kDot : Tok::kField, start, pos_);
        }
      } else if (c == '+' || c == '-' || (c >= '0' && c <= '9')) {
        LexNumber();
        Emit(Tok::kNumber, start, pos_);
      } else if (c == '(') {
        ++pos_;
        ++paren_depth;
        Emit(Tok::kLeftParen, start, pos_);
      } else if (c == ')') {
        ++pos_;
        if (--paren_depth < 0) {
          Error("unexpected right paren");
          return false;
        }
        Emit(Tok::kRightParen, start, pos_);
      } else if (c == ',') {
        ++pos_;
        Emit(Tok::kComma, start, pos_);
      } else {
        size_t probe = pos_;
        int32_t r = unicode::DecodeRune(in_, &probe);
        if (!IsAlphaNumeric(r)) {
          char code[16];
          std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(r));
          Error("unrecognized character in action: " + std::string(code) + " " + GoQuoteRune(r));
          return false;
        }
        LexWord();
        std::string_view word = in_.substr(start, pos_ - start);
        static const std::map<std::string_view, Tok> kKeywords = {
            {"block", Tok::kBlock},   {"break", Tok::kBreak}, {"continue", Tok::kContinue},
            {"define", Tok::kDefine}, {"else", Tok::kElse},   {"end", Tok::kEnd},
            {"if", Tok::kIf},         {"range", Tok::kRange}, {"template", Tok::kTemplate},
            {"with", Tok::kWith},     {"nil", Tok::kNil},     {"true", Tok::kBool},
            {"false", Tok::kBool}};
        auto it = kKeywords.find(word);
        Emit(it == kKeywords.end() ? Tok::kIdentifier : it->second, start, pos_);
      }
    }
  }

  void LexWord() {
    while (pos_ < in_.size()) {
      size_t probe = pos_;
      int32_t r = unicode::DecodeRune(in_, &probe);
      if (!IsAlphaNumeric(r)) break;
      pos_ = probe;
    }
  }

  bool LexQuote(char quote) {
    ++pos_;
    while (pos_ < in_.size() && in_[pos_] != quote) {
      if (in_[pos_] == '\\') ++pos_;
      if (pos_ < in_.size() && in_[pos_] == '\n') break;
      ++pos_;
    }
    if (pos_ >= in_.size() || in_[pos_] != quote) {
      Error(quote == '"' ? "unterminated quoted string" : "unterminated character constant");
      return false;
    }
    ++pos_;
    return true;
  }

  void LexNumber() {
    if (pos_ < in_.size() && (in_[pos_] == '+' || in_[pos_] == '-')) ++pos_;
    while (pos_ < in_.size()) {
      char c = in_[pos_];
      bool exp_sign = (c == '+' || c == '-') && pos_ > 0 &&
                      (in_[pos_ - 1] == 'e' || in_[pos_ - 1] == 'E' || in_[pos_ - 1] == 'p' ||
                       in_[pos_ - 1] == 'P');
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || exp_sign) {
        ++pos_;
      } else {
        break;
      }
    }
  }

  std::string_view in_;
  size_t pos_ = 0;
  std::vector<Token> out_;
};

// Parse errors unwind with a C++ exception inside this file only, as Go's parser unwinds with
// a panic; ParseGoTemplate turns it into a Status.
struct ParseError {
  std::string message;
};

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens, std::map<std::string, NodeList>* defs)
      : text_(text), toks_(std::move(tokens)), defs_(defs) {}

  std::optional<ParseError> ParseAll(NodeList* out) {
    try {
      vars_.push_back("$");
      while (Peek().type != Tok::kEof) {
        if (Peek().type == Tok::kLeftDelim && PeekNonSpace(1).type == Tok::kDefine) {
          ParseDefine();
          continue;
        }
        auto [node, end] = ParseItem();
        if (node) {
          out->push_back(std::move(node));
        } else if (end != Tok::kEof) {
          Fail("unexpected " + Describe(end));
        }
      }
    } catch (const ParseError& e) {
      return e;
    }
    return std::nullopt;
  }

 private:
  // Template parse errors stay inside this file: ParseAll converts them to a result.
  [[noreturn]] void Fail(const std::string& msg) {
    int line = Peek().line;
    throw ParseError{"template: template:" + std::to_string(line) + ": " + msg};
  }

  const Token& Peek(size_t ahead = 0) const {
    return toks_[std::min(pos_ + ahead, toks_.size() - 1)];
  }
  const Token& PeekNonSpace(size_t ahead) const {
    size_t k = pos_ + ahead;
    while (k < toks_.size() && toks_[k].type == Tok::kSpace) ++k;
    return toks_[std::min(k, toks_.size() - 1)];
  }
  Token Next() {
    Token t = Peek();
    if (t.type == Tok::kError) Fail(t.text);
    if (pos_ < toks_.size() - 1) ++pos_;
    return t;
  }
  Token NextNonSpace() {
    Token t = Next();
    while (t.type == Tok::kSpace) t = Next();
    return t;
  }
  Token PeekNonSpaceTok() {
    size_t save = pos_;
    Token t = NextNonSpace();
    pos_ = save;
    return t;
  }

  static std::string Describe(Tok t) {
    switch (t) {
      case Tok::kElse:
        return "{{else}}";
      case Tok::kEnd:
        return "{{end}}";
      default:
        return "token";
    }
  }

  void ExpectRightDelim(const char* context) {
    Token t = NextNonSpace();
    if (t.type != Tok::kRightDelim) Fail("unexpected \"" + t.text + "\" in " + context);
  }

  // An item of a list: text, or an action. Returns the list terminator ({{end}}/{{else}})
  // instead of a node when it meets one.
  std::pair<std::unique_ptr<Node>, Tok> ParseItem() {
    Token t = Next();
    if (t.type == Tok::kText) {
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::kText;
      n->text = t.text;
      n->pos = t.pos;
      return {std::move(n), Tok::kText};
    }
    if (t.type == Tok::kEof) return {nullptr, Tok::kEof};
    if (t.type != Tok::kLeftDelim) Fail("unexpected " + t.text);
    size_t action_start = t.pos;
    Token kw = PeekNonSpaceTok();
    switch (kw.type) {
      case Tok::kEnd:
        NextNonSpace();
        ExpectRightDelim("end");
        return {nullptr, Tok::kEnd};
      case Tok::kElse:
        NextNonSpace();
        return {nullptr, Tok::kElse};
      case Tok::kIf:
      case Tok::kRange:
      case Tok::kWith:
        NextNonSpace();
        return {ParseControl(kw.type, action_start), Tok::kText};
      case Tok::kTemplate:
      case Tok::kBlock:
        NextNonSpace();
        return {ParseTemplate(kw.type == Tok::kBlock, action_start), Tok::kText};
      case Tok::kBreak:
      case Tok::kContinue: {
        NextNonSpace();
        if (range_depth_ == 0) Fail("{{" + kw.text + "}} outside {{range}}");
        ExpectRightDelim(kw.text.c_str());
        auto n = std::make_unique<Node>();
        n->kind = kw.type == Tok::kBreak ? Node::Kind::kBreak : Node::Kind::kContinue;
        return {std::move(n), Tok::kText};
      }
      case Tok::kDefine:
        Fail("unexpected <define> in command");
      default:
        break;
    }
    auto n = std::make_unique<Node>();
    n->kind = Node::Kind::kAction;
    n->pos = action_start;
    n->pipe = ParsePipe("command", /*allow_decl=*/true, /*in_range=*/false);
    n->context = std::string(text_.substr(action_start, toks_[pos_ - 1].pos + 2 - action_start));
    return {std::move(n), Tok::kText};
  }

  // Items up to {{end}} or {{else}}.
  Tok ParseList(NodeList* out) {
    while (true) {
      auto [node, end] = ParseItem();
      if (end == Tok::kEof) Fail("unexpected EOF");
      if (!node) return end;
      out->push_back(std::move(node));
    }
  }

  std::unique_ptr<Node> ParseControl(Tok kind, size_t start) {
    auto n = std::make_unique<Node>();
    n->kind = kind == Tok::kIf ? Node::Kind::kIf
                               : (kind == Tok::kRange ? Node::Kind::kRange : Node::Kind::kWith);
    n->pos = start;
    size_t mark = vars_.size();
    const char* what = kind == Tok::kIf ? "if" : (kind == Tok::kRange ? "range" : "with");
    n->pipe = ParsePipe(what, /*allow_decl=*/true, kind == Tok::kRange);
    if (kind == Tok::kRange) ++range_depth_;
    Tok end = ParseList(&n->list);
    if (kind == Tok::kRange) --range_depth_;
    if (end == Tok::kElse) {
      // "{{else if ...}}" and "{{else with ...}}" chain a nested control as the else branch.
      Token next = PeekNonSpaceTok();
      if ((kind == Tok::kIf && next.type == Tok::kIf) ||
          (kind == Tok::kWith && next.type == Tok::kWith)) {
        NextNonSpace();
        n->else_list.push_back(ParseControl(kind, next.pos));
        vars_.resize(mark);
        return n;
      }
      ExpectRightDelim("else");
      end = ParseList(&n->else_list);
      if (end != Tok::kEnd) Fail("expected end; found {{else}}");
    }
    vars_.resize(mark);
    return n;
  }

  std::string ParseStringOperand(const char* context) {
    Token t = NextNonSpace();
    if (t.type != Tok::kString && t.type != Tok::kRawString) {
      Fail(std::string("unexpected \"") + t.text + "\" in " + context);
    }
    return Unquote(t);
  }

  std::unique_ptr<Node> ParseTemplate(bool block, size_t start) {
    const char* context = block ? "block clause" : "template clause";
    auto n = std::make_unique<Node>();
    n->kind = Node::Kind::kTemplate;
    n->pos = start;
    n->text = ParseStringOperand(context);
    if (PeekNonSpaceTok().type != Tok::kRightDelim) {
      n->pipe = ParsePipe(context, /*allow_decl=*/false, false);
    } else {
      NextNonSpace();
    }
    n->context = std::string(text_.substr(start, toks_[pos_ - 1].pos + 2 - start));
    if (block) {
      NodeList body;
      std::vector<std::string> saved;
      saved.swap(vars_);
      vars_.push_back("$");
      if (ParseList(&body) != Tok::kEnd) Fail("unexpected {{else}}");
      vars_.swap(saved);
      (*defs_)[n->text] = std::move(body);
    }
    return n;
  }

  void ParseDefine() {
    Next();          // {{
    NextNonSpace();  // define
    std::string name = ParseStringOperand("define clause");
    ExpectRightDelim("define clause");
    NodeList body;
    std::vector<std::string> saved;
    saved.swap(vars_);
    vars_.push_back("$");
    if (ParseList(&body) != Tok::kEnd) Fail("unexpected {{else}}");
    vars_.swap(saved);
    (*defs_)[name] = std::move(body);
  }

  bool VarDefined(const std::string& name) const {
    return std::find(vars_.begin(), vars_.end(), name) != vars_.end();
  }

  // A pipeline up to "}}" (or ")" when nested).
  std::shared_ptr<Pipe> ParsePipe(const char* context, bool allow_decl, bool in_range,
                                  bool nested = false) {
    auto pipe = std::make_shared<Pipe>();
    pipe->pos = Peek().pos;
    // Declarations: "$x :=", "$x =", and in range "$i, $e :=".
    if (allow_decl && PeekNonSpaceTok().type == Tok::kVariable) {
      size_t save = pos_;
      Token v = NextNonSpace();
      Token op = NextNonSpace();
      if (op.type == Tok::kDeclare || op.type == Tok::kAssign) {
        pipe->decl.push_back(v.text);
        pipe->is_assign = op.type == Tok::kAssign;
      } else if (op.type == Tok::kComma && in_range) {
        Token v2 = NextNonSpace();
        Token op2 = NextNonSpace();
        if (v2.type != Tok::kVariable || (op2.type != Tok::kDeclare && op2.type != Tok::kAssign)) {
          Fail("range can only initialize variables");
        }
        pipe->decl = {v.text, v2.text};
        pipe->is_assign = op2.type == Tok::kAssign;
      } else {
        pos_ = save;
      }
      for (const auto& d : pipe->decl) {
        if (pipe->is_assign) {
          if (!VarDefined(d)) Fail("undefined variable \"" + d + "\"");
        } else {
          vars_.push_back(d);
        }
      }
    }
    while (true) {
      Token t = PeekNonSpaceTok();
      if (t.type == Tok::kRightDelim && !nested) {
        NextNonSpace();
        break;
      }
      if (t.type == Tok::kRightParen && nested) {
        NextNonSpace();
        break;
      }
      if (t.type == Tok::kEof || t.type == Tok::kError) {
        if (t.type == Tok::kError) Fail(t.text);
        Fail(std::string("unclosed action"));
      }
      pipe->cmds.push_back(ParseCommand(context, nested));
    }
    if (pipe->cmds.empty()) Fail(std::string("missing value for ") + context);
    return pipe;
  }

  Command ParseCommand(const char* context, bool nested) {
    Command cmd;
    cmd.pos = PeekNonSpaceTok().pos;
    while (true) {
      Token t = PeekNonSpaceTok();
      if (t.type == Tok::kPipe) {
        NextNonSpace();
        if (cmd.args.empty()) Fail("missing command");
        return cmd;
      }
      if (t.type == Tok::kRightDelim || (t.type == Tok::kRightParen && nested)) {
        if (cmd.args.empty()) Fail("missing command");
        return cmd;
      }
      cmd.args.push_back(ParseOperand(context));
      if (cmd.args[0].kind == Arg::Kind::kFunction) {
        const Token& last = toks_[pos_ - 1];
        cmd.args[0].call_pos = cmd.pos;
        cmd.args[0].call_text =
            std::string(text_.substr(cmd.pos, last.pos + last.text.size() - cmd.pos));
      }
      // Operands are separated by spaces; anything else ends the command.
      Token after = Peek();
      if (after.type != Tok::kSpace && after.type != Tok::kRightDelim &&
          after.type != Tok::kRightParen && after.type != Tok::kPipe) {
        Fail("unexpected \"" + after.text + "\" in operand");
      }
    }
  }

  std::vector<std::string> SplitFields(std::string_view text) {
    std::vector<std::string> out;
    size_t start = 1;  // skip the leading '.'
    while (start <= text.size()) {
      size_t dot = text.find('.', start);
      if (dot == text.npos) dot = text.size();
      out.emplace_back(text.substr(start, dot - start));
      start = dot + 1;
    }
    return out;
  }

  Arg ParseOperand(const char* context) {
    Token t = NextNonSpace();
    Arg a;
    a.pos = t.pos;
    a.text = t.text;
    switch (t.type) {
      case Tok::kField:
        a.kind = Arg::Kind::kField;
        a.fields = SplitFields(t.text);
        break;
      case Tok::kVariable: {
        if (!VarDefined(t.text)) Fail("undefined variable \"" + t.text + "\"");
        a.kind = Arg::Kind::kVariable;
        a.name = t.text;
        break;
      }
      case Tok::kDot:
        a.kind = Arg::Kind::kDot;
        break;
      case Tok::kIdentifier:
        if (!IsFunction(t.text)) Fail("function \"" + t.text + "\" not defined");
        a.kind = Arg::Kind::kFunction;
        a.name = t.text;
        break;
      case Tok::kBool:
        a.kind = Arg::Kind::kLiteral;
        a.literal = GoValue::Bool(t.text == "true");
        break;
      case Tok::kNil:
        a.kind = Arg::Kind::kLiteral;
        a.literal = GoValue::Nil();
        a.name = "nil";
        break;
      case Tok::kString:
      case Tok::kRawString:
        a.kind = Arg::Kind::kLiteral;
        a.literal = GoValue::String(Unquote(t));
        break;
      case Tok::kChar:
        a.kind = Arg::Kind::kLiteral;
        a.literal = GoValue::Int(UnquoteChar(t));
        break;
      case Tok::kNumber:
        a.kind = Arg::Kind::kLiteral;
        a.literal = ParseNumber(t.text);
        break;
      case Tok::kLeftParen:
        a.kind = Arg::Kind::kPipe;
        a.pipe = ParsePipe(context, /*allow_decl=*/true, false, /*nested=*/true);
        break;
      default:
        Fail("unexpected \"" + t.text + "\" in " + context);
    }
    // Field chains after a variable, a parenthesised pipeline or a dot: $x.a, (...).a
    while (Peek().type == Tok::kField) {
      Token f = Next();
      std::vector<std::string> more = SplitFields(f.text);
      if (a.kind == Arg::Kind::kVariable || a.kind == Arg::Kind::kField) {
        a.fields.insert(a.fields.end(), more.begin(), more.end());
      } else if (a.kind == Arg::Kind::kPipe || a.kind == Arg::Kind::kChain) {
        a.kind = Arg::Kind::kChain;
        a.fields.insert(a.fields.end(), more.begin(), more.end());
      } else {
        Fail("unexpected \"" + f.text + "\" in operand");
      }
      a.text += f.text;
    }
    return a;
  }

  static bool IsFunction(const std::string& name) {
    static const char* const kFunctions[] = {
        "and",    "call",    "html",     "index", "slice", "js", "len", "not", "or", "print",
        "printf", "println", "urlquery", "eq",    "ge",    "gt", "le",  "lt",  "ne"};
    return std::any_of(std::begin(kFunctions), std::end(kFunctions),
                       [&](const char* f) { return name == f; });
  }

  GoValue ParseNumber(const std::string& text) {
    std::string clean;
    for (char c : text) {
      if (c != '_') clean.push_back(c);
    }
    bool is_int = clean.find_first_of(".eEpP") == clean.npos ||
                  (clean.find("0x") != clean.npos && clean.find_first_of(".pP") == clean.npos);
    if (is_int) {
      std::string_view digits = clean;
      bool neg = false;
      if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
        neg = digits[0] == '-';
        digits.remove_prefix(1);
      }
      int base = 10;
      if (digits.size() > 1 && digits[0] == '0') {
        char p = static_cast<char>(std::tolower(static_cast<unsigned char>(digits[1])));
        if (p == 'x')
          base = 16, digits.remove_prefix(2);
        else if (p == 'b')
          base = 2, digits.remove_prefix(2);
        else if (p == 'o')
          base = 8, digits.remove_prefix(2);
        else
          base = 8, digits.remove_prefix(1);
      }
      int64_t v = 0;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, base);
      if (ec == std::errc() && ptr == digits.data() + digits.size()) {
        return GoValue::Int(neg ? -v : v);
      }
    }
    char* end = nullptr;
    double d = std::strtod(clean.c_str(), &end);
    if (end == clean.c_str() || *end != '\0') Fail("illegal number syntax: \"" + text + "\"");
    return GoValue::Float(d);
  }

  // Go string literal escapes.
  std::string Unquote(const Token& t) {
    const std::string& s = t.text;
    if (t.type == Tok::kRawString) return s.substr(1, s.size() - 2);
    std::string out;
    for (size_t i = 1; i + 1 < s.size(); ++i) {
      if (s[i] != '\\') {
        out.push_back(s[i]);
        continue;
      }
      ++i;
      char c = s[i];
      switch (c) {
        case 'a':
          out.push_back('\a');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'v':
          out.push_back('\v');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '\'':
          out.push_back('\'');
          break;
        case '"':
          out.push_back('"');
          break;
        case 'x':
        case 'u':
        case 'U': {
          int n = c == 'x' ? 2 : (c == 'u' ? 4 : 8);
          if (i + static_cast<size_t>(n) >= s.size()) Fail("invalid syntax");
          int32_t v = static_cast<int32_t>(
              std::strtol(s.substr(i + 1, static_cast<size_t>(n)).c_str(), nullptr, 16));
          if (c == 'x') {
            out.push_back(static_cast<char>(v));
          } else {
            unicode::AppendRune(&out, v);
          }
          i += static_cast<size_t>(n);
          break;
        }
        default:
          if (c >= '0' && c <= '7' && i + 2 < s.size()) {
            out.push_back(static_cast<char>(std::strtol(s.substr(i, 3).c_str(), nullptr, 8)));
            i += 2;
            break;
          }
          Fail("invalid syntax");
      }
    }
    return out;
  }

  int64_t UnquoteChar(const Token& t) {
    Token as_string = t;
    as_string.type = Tok::kString;
    std::string s = Unquote(as_string);
    size_t pos = 0;
    int32_t r = unicode::DecodeRune(s, &pos);
    if (s.empty() || pos != s.size()) Fail("malformed character constant: " + t.text);
    return r;
  }

  std::string_view text_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
  std::map<std::string, NodeList>* defs_;
  // Variables in scope, innermost last (a control structure drops its own at its end).
  std::vector<std::string> vars_;
  int range_depth_ = 0;
};

}  // namespace

Status ParseGoTemplate(std::string_view text, NodeList* root,
                       std::map<std::string, NodeList>* defs) {
  std::vector<Token> tokens = Lexer(text).Run();
  if (!tokens.empty() && tokens.back().type == Tok::kError) {
    return InvalidArgument("template: template:" + std::to_string(tokens.back().line) + ": " +
                           tokens.back().text);
  }
  Parser parser(text, std::move(tokens), defs);
  if (std::optional<ParseError> err = parser.ParseAll(root)) return InvalidArgument(err->message);
  return Status::Ok();
}

}  // namespace golden::rego::go_template
