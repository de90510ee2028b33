#include "rego/builtins/go_template.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <variant>

#include "rego/builtins/unicode.h"

namespace golden::rego {

namespace {

// ---- lexer (text/template/parse/lex.go) ----------------------------------------------------

enum class Tok {
  kText, kLeftDelim, kRightDelim, kSpace, kIdentifier, kField, kVariable, kDot, kNumber,
  kString, kRawString, kChar, kBool, kNil, kPipe, kLeftParen, kRightParen, kDeclare, kAssign,
  kComma, kBlock, kBreak, kContinue, kDefine, kElse, kEnd, kIf, kRange, kTemplate, kWith,
  kEof, kError,
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
    return 1 + static_cast<int>(std::count(in_.begin(), in_.begin() + static_cast<ptrdiff_t>(pos), '\n'));
  }
  bool At(std::string_view s) const { return in_.substr(pos_).starts_with(s); }

  // Text up to the next "{{", honouring a "{{- " trim marker. False at the end of input.
  bool LexText() {
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
    // A comment is one action of its own.
    if (At("/*")) {
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
      return true;
    }
    Emit(Tok::kLeftDelim, open, open + 2);
    return true;
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
          std::string ch;
          unicode::AppendRune(&ch, r);
          Error("unrecognized character in action: " + GoQuoteRune(r));
          return false;
        }
        LexWord();
        std::string_view word = in_.substr(start, pos_ - start);
        static const std::map<std::string_view, Tok> kKeywords = {
            {"block", Tok::kBlock}, {"break", Tok::kBreak},       {"continue", Tok::kContinue},
            {"define", Tok::kDefine}, {"else", Tok::kElse},       {"end", Tok::kEnd},
            {"if", Tok::kIf},         {"range", Tok::kRange},     {"template", Tok::kTemplate},
            {"with", Tok::kWith},     {"nil", Tok::kNil},         {"true", Tok::kBool},
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

// ---- parse tree --------------------------------------------------------------------------

struct Pipe;
struct Node;
using NodeList = std::vector<std::unique_ptr<Node>>;

// One operand of a command.
struct Arg {
  enum class Kind { kField, kVariable, kDot, kFunction, kLiteral, kPipe, kChain };
  Kind kind;
  std::vector<std::string> fields;  // kField, kVariable (after the name), kChain
  std::string name;                 // kVariable ("$x"), kFunction
  GoValue literal;                  // kLiteral
  std::shared_ptr<Pipe> pipe;       // kPipe, kChain (the parenthesised pipeline)
  size_t pos = 0;
  std::string text;  // for error contexts
};

struct Command {
  std::vector<Arg> args;
  size_t pos = 0;
};

struct Pipe {
  std::vector<std::string> decl;  // declared or assigned variables
  bool is_assign = false;
  std::vector<Command> cmds;
  size_t pos = 0;
};

struct Node {
  enum class Kind { kText, kAction, kIf, kRange, kWith, kTemplate, kBreak, kContinue };
  Kind kind;
  std::string text;   // kText; kTemplate: the template's name
  std::shared_ptr<Pipe> pipe;
  NodeList list, else_list;
  size_t pos = 0;
  std::string context;  // source text of the action, for error messages
};

// Parse and execution errors, break and continue unwind with C++ exceptions inside this file
// only, as Go's text/template unwinds with panics; ExecuteGoTemplate turns them into a Status.
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
        if (end != Tok::kEof) Fail("unexpected " + Describe(end));
        out->push_back(std::move(node));
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
    Next();  // {{
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
    static const char* const kFunctions[] = {"and",   "call",   "html",    "index",  "slice",
                                             "js",    "len",    "not",     "or",     "print",
                                             "printf", "println", "urlquery", "eq",   "ge",
                                             "gt",    "le",     "lt",      "ne"};
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
        if (p == 'x') base = 16, digits.remove_prefix(2);
        else if (p == 'b') base = 2, digits.remove_prefix(2);
        else if (p == 'o') base = 8, digits.remove_prefix(2);
        else base = 8, digits.remove_prefix(1);
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
        case 'a': out.push_back('\a'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'v': out.push_back('\v'); break;
        case '\\': out.push_back('\\'); break;
        case '\'': out.push_back('\''); break;
        case '"': out.push_back('"'); break;
        case 'x':
        case 'u':
        case 'U': {
          int n = c == 'x' ? 2 : (c == 'u' ? 4 : 8);
          if (i + static_cast<size_t>(n) >= s.size()) Fail("invalid syntax");
          int32_t v = static_cast<int32_t>(std::strtol(s.substr(i + 1, static_cast<size_t>(n)).c_str(), nullptr, 16));
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

// ---- execution ---------------------------------------------------------------------------

struct ExecError {
  std::string message;
};
struct BreakSignal {};
struct ContinueSignal {};

constexpr int kMaxDepth = 1000;           // nested template calls
constexpr int64_t kMaxSteps = 10'000'000;  // evaluation budget

bool Truth(const GoValue& v) {
  switch (v.kind) {
    case GoValue::Kind::kNil:
      return false;
    case GoValue::Kind::kBool:
      return v.b;
    case GoValue::Kind::kInt:
      return v.i != 0;
    case GoValue::Kind::kBigInt:
      return v.s != "0";
    case GoValue::Kind::kFloat:
      return v.f != 0;
    case GoValue::Kind::kString:
    case GoValue::Kind::kJsonNumber:
      return !v.s.empty();
    case GoValue::Kind::kSlice:
      return !v.items.empty();
    case GoValue::Kind::kMap:
      return !v.entries.empty();
  }
  return false;
}

// text/template's basic kinds for comparisons.
enum class Basic { kInvalid, kBool, kInt, kFloat, kString, kOther };

Basic BasicKind(const GoValue& v) {
  switch (v.kind) {
    case GoValue::Kind::kNil:
      return Basic::kInvalid;
    case GoValue::Kind::kBool:
      return Basic::kBool;
    case GoValue::Kind::kInt:
      return Basic::kInt;
    case GoValue::Kind::kFloat:
      return Basic::kFloat;
    case GoValue::Kind::kString:
    case GoValue::Kind::kJsonNumber:
      return Basic::kString;
    default:
      return Basic::kOther;
  }
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\'': out += "&#39;"; break;
      case '"': out += "&#34;"; break;
      case '\0': out += "\uFFFD"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string JsEscape(std::string_view s) {
  std::string out;
  for (size_t pos = 0; pos < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      ++pos;
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\'': out += "\\'"; break;
        case '"': out += "\\\""; break;
        case '<': out += "\\u003C"; break;
        case '>': out += "\\u003E"; break;
        case '&': out += "\\u0026"; break;
        case '=': out += "\\u003D"; break;
        default:
          if (c < ' ') {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", c);
            out += buf;
          } else {
            out.push_back(static_cast<char>(c));
          }
      }
      continue;
    }
    size_t start = pos;
    int32_t r = unicode::DecodeRune(s, &pos);
    if (unicode::IsPrint(r)) {
      out.append(s.substr(start, pos - start));
    } else {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(r));
      out += buf;
    }
  }
  return out;
}

std::string QueryEscape(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(ch);
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

class Executor {
 public:
  Executor(std::string_view text, const std::map<std::string, NodeList>* defs)
      : text_(text), defs_(defs) {}

  void Run(const NodeList& list, const GoValue& data) {
    vars_.push_back({"$", data});
    Walk(data, list);
  }

  std::string& out() { return out_; }

 private:
  [[noreturn]] void Fail(size_t pos, const std::string& context, const std::string& msg) {
    std::string_view before = text_.substr(0, pos);
    int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    size_t nl = before.rfind('\n');
    size_t col = nl == before.npos ? pos : pos - nl;
    std::string ctx = context;
    if (ctx.size() > 20) ctx = ctx.substr(0, 20) + "...";
    throw ExecError{"template: template:" + std::to_string(line) + ":" + std::to_string(col) +
                    ": executing \"template\" at <" + ctx + ">: " + msg};
  }

  void Step(size_t pos, const std::string& ctx) {
    if (++steps_ > kMaxSteps) Fail(pos, ctx, "evaluation budget exceeded");
  }

  void Walk(const GoValue& dot, const NodeList& list) {
    for (const auto& node : list) WalkNode(dot, *node);
  }

  void WalkNode(const GoValue& dot, const Node& n) {
    Step(n.pos, n.context);
    switch (n.kind) {
      case Node::Kind::kText:
        out_.append(n.text);
        return;
      case Node::Kind::kAction: {
        GoValue v = EvalPipe(dot, *n.pipe);
        if (n.pipe->decl.empty()) Print(v);
        return;
      }
      case Node::Kind::kIf:
      case Node::Kind::kWith: {
        size_t mark = vars_.size();
        GoValue v = EvalPipe(dot, *n.pipe);
        if (Truth(v)) {
          Walk(n.kind == Node::Kind::kWith ? v : dot, n.list);
        } else {
          Walk(dot, n.else_list);
        }
        vars_.resize(mark);
        return;
      }
      case Node::Kind::kRange:
        WalkRange(dot, n);
        return;
      case Node::Kind::kTemplate: {
        auto it = defs_->find(n.text);
        if (it == defs_->end()) Fail(n.pos, n.context, "template \"" + n.text + "\" not defined");
        if (depth_ >= kMaxDepth) {
          Fail(n.pos, n.context, "exceeded maximum template depth (" + std::to_string(kMaxDepth) + ")");
        }
        GoValue v = n.pipe ? EvalPipe(dot, *n.pipe) : GoValue::Nil();
        std::vector<std::pair<std::string, GoValue>> saved;
        saved.swap(vars_);
        vars_.push_back({"$", v});
        ++depth_;
        Walk(v, it->second);
        --depth_;
        vars_.swap(saved);
        return;
      }
      case Node::Kind::kBreak:
        throw BreakSignal{};
      case Node::Kind::kContinue:
        throw ContinueSignal{};
    }
  }

  void WalkRange(const GoValue& dot, const Node& n) {
    size_t mark = vars_.size();
    GoValue v = EvalPipe(dot, *n.pipe);
    size_t body_mark = vars_.size();
    auto iteration = [&](const GoValue& index, const GoValue& elem) -> bool {
      const auto& decl = n.pipe->decl;
      if (!decl.empty()) SetVar(decl.size() == 1 ? decl[0] : decl[1], elem);
      if (decl.size() > 1) SetVar(decl[0], index);
      bool stop = false;
      try {
        Walk(elem, n.list);
      } catch (const BreakSignal&) {
        stop = true;
      } catch (const ContinueSignal&) {
      }
      vars_.resize(body_mark);
      return !stop;
    };
    bool any = false;
    switch (v.kind) {
      case GoValue::Kind::kSlice:
        for (size_t i = 0; i < v.items.size(); ++i) {
          any = true;
          if (!iteration(GoValue::Int(static_cast<int64_t>(i)), v.items[i])) break;
        }
        break;
      case GoValue::Kind::kMap:
        for (const auto& [k, e] : v.entries) {
          any = true;
          if (!iteration(GoValue::String(k), e)) break;
        }
        break;
      case GoValue::Kind::kInt:
        if (n.pipe->decl.size() > 1) {
          Fail(n.pos, n.context, "can't use " + std::to_string(v.i) + " to iterate over more than one variable");
        }
        for (int64_t i = 0; i < v.i; ++i) {
          any = true;
          Step(n.pos, n.context);
          if (!iteration(GoValue::Int(i), GoValue::Int(i))) break;
        }
        break;
      case GoValue::Kind::kNil:
        break;
      default:
        Fail(n.pos, n.context, "range can't iterate over " + GoSprint(std::span(&v, 1)));
    }
    if (!any) Walk(dot, n.else_list);
    vars_.resize(mark);
  }

  void SetVar(const std::string& name, const GoValue& v) {
    for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
      if (it->first == name) {
        it->second = v;
        return;
      }
    }
    vars_.push_back({name, v});
  }

  const GoValue* LookupVar(const std::string& name) const {
    for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
      if (it->first == name) return &it->second;
    }
    return nullptr;
  }

  void Print(const GoValue& v) {
    if (v.kind == GoValue::Kind::kNil) {
      out_.append("<no value>");
      return;
    }
    out_.append(GoSprint(std::span(&v, 1)));
  }

  GoValue EvalPipe(const GoValue& dot, const Pipe& pipe) {
    std::optional<GoValue> value;
    for (const Command& cmd : pipe.cmds) value = EvalCommand(dot, cmd, value);
    GoValue v = value ? std::move(*value) : GoValue::Nil();
    for (const auto& d : pipe.decl) {
      if (pipe.is_assign) {
        SetVar(d, v);
      } else {
        vars_.push_back({d, v});
      }
    }
    return v;
  }

  GoValue FieldOf(const GoValue& receiver, const std::string& field, const Arg& a) {
    if (receiver.kind == GoValue::Kind::kNil) return GoValue::Nil();
    if (receiver.kind != GoValue::Kind::kMap) {
      Fail(a.pos, a.text,
           "can't evaluate field " + field + " in type " + std::string(receiver.TypeName()));
    }
    auto it = std::lower_bound(receiver.entries.begin(), receiver.entries.end(), field,
                               [](const auto& e, const std::string& k) { return e.first < k; });
    if (it == receiver.entries.end() || it->first != field) return GoValue::Nil();
    return it->second;
  }

  GoValue FieldChain(GoValue v, const std::vector<std::string>& fields, const Arg& a) {
    for (const auto& f : fields) v = FieldOf(v, f, a);
    return v;
  }

  GoValue EvalArg(const GoValue& dot, const Arg& a) {
    switch (a.kind) {
      case Arg::Kind::kDot:
        return dot;
      case Arg::Kind::kField:
        return FieldChain(dot, a.fields, a);
      case Arg::Kind::kVariable: {
        const GoValue* v = LookupVar(a.name);
        if (!v) Fail(a.pos, a.text, "undefined variable: " + a.name);
        return FieldChain(*v, a.fields, a);
      }
      case Arg::Kind::kLiteral:
        return a.literal;
      case Arg::Kind::kPipe:
        return EvalPipeNested(dot, *a.pipe);
      case Arg::Kind::kChain:
        return FieldChain(EvalPipeNested(dot, *a.pipe), a.fields, a);
      case Arg::Kind::kFunction:
        return CallFunction(dot, a, {}, std::nullopt);
    }
    return GoValue::Nil();
  }

  // A parenthesised pipeline's variables live until the end of the enclosing action.
  GoValue EvalPipeNested(const GoValue& dot, const Pipe& pipe) { return EvalPipe(dot, pipe); }

  GoValue EvalCommand(const GoValue& dot, const Command& cmd, const std::optional<GoValue>& final) {
    const Arg& first = cmd.args[0];
    Step(first.pos, first.text);
    if (first.kind == Arg::Kind::kFunction) {
      return CallFunction(dot, first, std::span(cmd.args).subspan(1), final);
    }
    if (cmd.args.size() > 1 || final) {
      if (first.kind == Arg::Kind::kField || first.kind == Arg::Kind::kChain ||
          (first.kind == Arg::Kind::kVariable && !first.fields.empty())) {
        Fail(first.pos, first.text, first.fields.back() + " has arguments but cannot be invoked as function");
      }
      Fail(first.pos, first.text, "can't give argument to non-function " + first.text);
    }
    return EvalArg(dot, first);
  }

  [[noreturn]] void FailCall(const Arg& fn, const std::string& msg) {
    Fail(fn.pos, fn.text, "error calling " + fn.name + ": " + msg);
  }

  GoValue CallFunction(const GoValue& dot, const Arg& fn, std::span<const Arg> arg_nodes,
                       const std::optional<GoValue>& final) {
    const std::string& name = fn.name;
    // and/or evaluate their arguments lazily.
    if (name == "and" || name == "or") {
      size_t n = arg_nodes.size() + (final ? 1 : 0);
      if (n == 0) Fail(fn.pos, fn.text, "wrong number of args for " + name + ": want at least 1 got 0");
      GoValue v;
      for (size_t i = 0; i < n; ++i) {
        v = i < arg_nodes.size() ? EvalArg(dot, arg_nodes[i]) : *final;
        if (Truth(v) == (name == "or")) return v;
      }
      return v;
    }
    std::vector<GoValue> args;
    for (const Arg& a : arg_nodes) args.push_back(EvalArg(dot, a));
    if (final) args.push_back(*final);
    auto want = [&](size_t n) {
      if (args.size() != n) {
        Fail(fn.pos, fn.text, "wrong number of args for " + name + ": want " + std::to_string(n) +
                                  " got " + std::to_string(args.size()));
      }
    };
    if (name == "not") {
      want(1);
      return GoValue::Bool(!Truth(args[0]));
    }
    if (name == "len") {
      want(1);
      const GoValue& v = args[0];
      switch (v.kind) {
        case GoValue::Kind::kString:
        case GoValue::Kind::kJsonNumber:
          return GoValue::Int(static_cast<int64_t>(v.s.size()));
        case GoValue::Kind::kSlice:
          return GoValue::Int(static_cast<int64_t>(v.items.size()));
        case GoValue::Kind::kMap:
          return GoValue::Int(static_cast<int64_t>(v.entries.size()));
        case GoValue::Kind::kNil:
          FailCall(fn, "len of nil pointer");
        default:
          FailCall(fn, "len of type " + std::string(v.TypeName()));
      }
    }
    if (name == "index") {
      if (args.empty()) want(1);
      GoValue v = args[0];
      for (size_t i = 1; i < args.size(); ++i) v = Index(v, args[i], fn);
      return v;
    }
    if (name == "slice") {
      if (args.empty()) want(1);
      return Slice(args, fn);
    }
    if (name == "print") return GoValue::String(GoSprint(args));
    if (name == "println") return GoValue::String(GoSprintln(args));
    if (name == "printf") {
      if (args.empty() || args[0].kind != GoValue::Kind::kString) {
        if (args.empty()) want(1);
        FailCall(fn, "wrong type for value; expected string; got " + std::string(args[0].TypeName()));
      }
      return GoValue::String(GoSprintf(args[0].s, std::span(args).subspan(1)));
    }
    if (name == "html") return GoValue::String(HtmlEscape(GoSprint(args)));
    if (name == "js") return GoValue::String(JsEscape(GoSprint(args)));
    if (name == "urlquery") return GoValue::String(QueryEscape(GoSprint(args)));
    if (name == "call") {
      if (args.empty()) want(1);
      FailCall(fn, "non-function of type " + std::string(args[0].TypeName()));
    }
    if (name == "eq") {
      if (args.size() < 2) FailCall(fn, "missing argument for comparison");
      for (size_t i = 1; i < args.size(); ++i) {
        if (Equal(args[0], args[i], fn)) return GoValue::Bool(true);
      }
      return GoValue::Bool(false);
    }
    if (name == "ne") {
      want(2);
      return GoValue::Bool(!Equal(args[0], args[1], fn));
    }
    // lt, le, gt, ge
    want(2);
    int c = Order(args[0], args[1], fn);
    if (name == "lt") return GoValue::Bool(c < 0);
    if (name == "le") return GoValue::Bool(c <= 0);
    if (name == "gt") return GoValue::Bool(c > 0);
    return GoValue::Bool(c >= 0);
  }

  GoValue Index(const GoValue& v, const GoValue& key, const Arg& fn) {
    switch (v.kind) {
      case GoValue::Kind::kMap: {
        if (key.kind != GoValue::Kind::kString) {
          FailCall(fn, "value has type " + std::string(key.TypeName()) + "; should be string");
        }
        for (const auto& [k, e] : v.entries) {
          if (k == key.s) return e;
        }
        return GoValue::Nil();
      }
      case GoValue::Kind::kSlice:
      case GoValue::Kind::kString:
      case GoValue::Kind::kJsonNumber: {
        if (key.kind != GoValue::Kind::kInt) {
          FailCall(fn, "cannot index slice/array with type " + std::string(key.TypeName()));
        }
        size_t len = v.kind == GoValue::Kind::kSlice ? v.items.size() : v.s.size();
        if (key.i < 0 || static_cast<size_t>(key.i) >= len) {
          FailCall(fn, "index out of range: " + std::to_string(key.i));
        }
        if (v.kind == GoValue::Kind::kSlice) return v.items[static_cast<size_t>(key.i)];
        return GoValue::Int(static_cast<unsigned char>(v.s[static_cast<size_t>(key.i)]));
      }
      case GoValue::Kind::kNil:
        FailCall(fn, "index of untyped nil");
      default:
        FailCall(fn, "can't index item of type " + std::string(v.TypeName()));
    }
  }

  GoValue Slice(const std::vector<GoValue>& args, const Arg& fn) {
    const GoValue& v = args[0];
    if (args.size() > 4) FailCall(fn, "too many slice indexes: " + std::to_string(args.size() - 1));
    size_t len = v.kind == GoValue::Kind::kSlice ? v.items.size() : v.s.size();
    if (v.kind != GoValue::Kind::kSlice && v.kind != GoValue::Kind::kString) {
      FailCall(fn, "can't slice item of type " + std::string(v.TypeName()));
    }
    if (v.kind == GoValue::Kind::kString && args.size() == 4) FailCall(fn, "cannot 3-index slice a string");
    std::vector<int64_t> idx;
    for (size_t i = 1; i < args.size(); ++i) {
      if (args[i].kind != GoValue::Kind::kInt) {
        FailCall(fn, "cannot index slice/array with type " + std::string(args[i].TypeName()));
      }
      if (args[i].i < 0 || static_cast<size_t>(args[i].i) > len) {
        FailCall(fn, "index out of range: " + std::to_string(args[i].i));
      }
      idx.push_back(args[i].i);
    }
    int64_t lo = idx.size() > 0 ? idx[0] : 0;
    int64_t hi = idx.size() > 1 ? idx[1] : static_cast<int64_t>(len);
    if (lo > hi) FailCall(fn, "invalid slice index: " + std::to_string(lo) + " > " + std::to_string(hi));
    if (v.kind == GoValue::Kind::kString) {
      return GoValue::String(v.s.substr(static_cast<size_t>(lo), static_cast<size_t>(hi - lo)));
    }
    return GoValue::Slice(std::vector<GoValue>(v.items.begin() + lo, v.items.begin() + hi));
  }

  bool Equal(const GoValue& a, const GoValue& b, const Arg& fn) {
    Basic ka = BasicKind(a), kb = BasicKind(b);
    if (ka != kb) {
      if (ka != Basic::kInvalid && kb != Basic::kInvalid) FailCall(fn, "incompatible types for comparison");
      return false;
    }
    switch (ka) {
      case Basic::kInvalid:
        return true;
      case Basic::kBool:
        return a.b == b.b;
      case Basic::kInt:
        return a.i == b.i;
      case Basic::kFloat:
        return a.f == b.f;
      case Basic::kString:
        return a.s == b.s;
      default:
        FailCall(fn, "non-comparable type " + std::string(a.TypeName()));
    }
  }

  int Order(const GoValue& a, const GoValue& b, const Arg& fn) {
    Basic ka = BasicKind(a), kb = BasicKind(b);
    if (ka == Basic::kBool || ka == Basic::kOther || ka == Basic::kInvalid ||
        kb == Basic::kBool || kb == Basic::kOther || kb == Basic::kInvalid) {
      FailCall(fn, "invalid type for comparison");
    }
    if (ka != kb) FailCall(fn, "incompatible types for comparison");
    switch (ka) {
      case Basic::kInt:
        return a.i < b.i ? -1 : (a.i > b.i ? 1 : 0);
      case Basic::kFloat:
        return a.f < b.f ? -1 : (a.f > b.f ? 1 : 0);
      default:
        return a.s < b.s ? -1 : (a.s > b.s ? 1 : 0);
    }
  }

  std::string_view text_;
  const std::map<std::string, NodeList>* defs_;
  std::vector<std::pair<std::string, GoValue>> vars_;
  std::string out_;
  int depth_ = 0;
  int64_t steps_ = 0;
};

}  // namespace

Result<std::string> ExecuteGoTemplate(std::string_view text, const GoValue& data) {
  std::vector<Token> tokens = Lexer(text).Run();
  std::map<std::string, NodeList> defs;
  NodeList root;
  if (!tokens.empty() && tokens.back().type == Tok::kError) {
    return InvalidArgument("template: template:" + std::to_string(tokens.back().line) + ": " +
                           tokens.back().text);
  }
  Parser parser(text, std::move(tokens), &defs);
  if (std::optional<ParseError> err = parser.ParseAll(&root)) {
    return InvalidArgument(err->message);
  }
  Executor exec(text, &defs);
  try {
    exec.Run(root, data);
  } catch (const ExecError& e) {
    return InvalidArgument(e.message);
  }
  return std::move(exec.out());
}

}  // namespace golden::rego
