#include "rego/syntax/lexer.h"

#include <algorithm>

#include "base/strings.h"

namespace golden::rego {

namespace {

constexpr int32_t kBom = 0xFEFF;

bool IsLetter(int32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsDecimal(int32_t c) { return c >= '0' && c <= '9'; }

struct NamedToken {
  std::string_view name;
  Tok tok;
};

// Keywords of every Rego version.
constexpr NamedToken kBaseKeywords[] = {
    {"package", Tok::kPackage}, {"import", Tok::kImport}, {"as", Tok::kAs},
    {"default", Tok::kDefault}, {"else", Tok::kElse},     {"not", Tok::kNot},
    {"some", Tok::kSome},       {"with", Tok::kWith},     {"null", Tok::kNull},
    {"true", Tok::kTrue},       {"false", Tok::kFalse},
};

}  // namespace

std::string_view TokenName(Tok t) {
  switch (t) {
    case Tok::kIllegal: return "illegal";
    case Tok::kEof: return "eof";
    case Tok::kWhitespace: return "whitespace";
    case Tok::kIdent: return "identifier";
    case Tok::kComment: return "comment";
    case Tok::kPackage: return "package";
    case Tok::kImport: return "import";
    case Tok::kAs: return "as";
    case Tok::kDefault: return "default";
    case Tok::kElse: return "else";
    case Tok::kNot: return "not";
    case Tok::kSome: return "some";
    case Tok::kWith: return "with";
    case Tok::kNull: return "null";
    case Tok::kTrue: return "true";
    case Tok::kFalse: return "false";
    case Tok::kNumber: return "number";
    case Tok::kString: return "string";
    case Tok::kTemplatePart: return "template-string-part";
    case Tok::kTemplateEnd: return "template-string-end";
    case Tok::kRawTemplatePart: return "raw-template-string-part";
    case Tok::kRawTemplateEnd: return "raw-template-string-end";
    case Tok::kLBrack: return "[";
    case Tok::kRBrack: return "]";
    case Tok::kLBrace: return "{";
    case Tok::kRBrace: return "}";
    case Tok::kLParen: return "(";
    case Tok::kRParen: return ")";
    case Tok::kComma: return ",";
    case Tok::kColon: return ":";
    case Tok::kAdd: return "plus";
    case Tok::kSub: return "minus";
    case Tok::kMul: return "mul";
    case Tok::kQuo: return "div";
    case Tok::kRem: return "rem";
    case Tok::kAnd: return "and";
    case Tok::kOr: return "or";
    case Tok::kUnify: return "eq";
    case Tok::kEqual: return "equal";
    case Tok::kAssign: return "assign";
    case Tok::kIn: return "in";
    case Tok::kNeq: return "neq";
    case Tok::kGt: return "gt";
    case Tok::kLt: return "lt";
    case Tok::kGte: return "gte";
    case Tok::kLte: return "lte";
    case Tok::kDot: return ".";
    case Tok::kSemicolon: return ";";
    case Tok::kEvery: return "every";
    case Tok::kContains: return "contains";
    case Tok::kIf: return "if";
  }
  return "unknown";
}

bool IsBaseKeyword(Tok t) {
  for (const NamedToken& k : kBaseKeywords) {
    if (k.tok == t) return true;
  }
  return false;
}

Lexer::Lexer(std::string_view text) : text_(text) {
  Next();
  if (curr_ == kBom) Next();
}

Tok Lexer::KeywordOrIdent(std::string_view word) const {
  for (const NamedToken& k : kBaseKeywords) {
    if (k.name == word) return k.tok;
  }
  if ((keywords_ & kKwIn) && word == "in") return Tok::kIn;
  if ((keywords_ & kKwEvery) && word == "every") return Tok::kEvery;
  if ((keywords_ & kKwContains) && word == "contains") return Tok::kContains;
  if ((keywords_ & kKwIf) && word == "if") return Tok::kIf;
  return Tok::kIdent;
}

void Lexer::Next() {
  if (offset_ >= text_.size()) {
    curr_ = -1;
    offset_ = static_cast<uint32_t>(text_.size()) + 1;
    width_ = 1;
    return;
  }
  auto c = static_cast<unsigned char>(text_[offset_]);
  curr_ = c;
  width_ = 1;
  if (c == 0) {
    Error("illegal null character");
  } else if (c >= 0x80) {
    size_t pos = offset_;
    int32_t cp = DecodeUtf8(text_, &pos);
    if (cp < 0) {
      Error("illegal utf-8 character");
      curr_ = 0xFFFD;
      width_ = 1;
    } else {
      curr_ = cp;
      width_ = static_cast<uint32_t>(pos - offset_);
      if (curr_ == kBom && offset_ > 0) Error("illegal byte-order mark");
    }
  }
  offset_ += width_;
}

void Lexer::ScanIdentifier() {
  while (IsLetter(curr_) || IsDecimal(curr_)) Next();
}

void Lexer::ScanNumber() {
  if (curr_ != '.') {
    while (IsDecimal(curr_)) Next();
  }
  if (curr_ == '.') {
    Next();
    bool found = false;
    while (IsDecimal(curr_)) {
      Next();
      found = true;
    }
    if (!found) Error("expected fraction");
  }
  if (curr_ == 'e' || curr_ == 'E') {
    Next();
    if (curr_ == '+' || curr_ == '-') Next();
    bool found = false;
    while (IsDecimal(curr_)) {
      Next();
      found = true;
    }
    if (!found) Error("expected exponent");
  }
  // Scan letters and digits following the number to report "0a2b" as one bad number.
  if (IsLetter(curr_)) {
    Error("illegal number format");
    while (IsLetter(curr_) || IsDecimal(curr_)) Next();
  }
}

void Lexer::ScanString() {
  for (;;) {
    int32_t ch = curr_;
    if (ch == '\n' || ch < 0) {
      Error("non-terminated string");
      break;
    }
    Next();
    if (ch == '"') break;
    if (ch == '\\') {
      switch (curr_) {
        case '\\':
        case '"':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
          Next();
          break;
        case 'u':
          Next();
          Next();
          Next();
          Next();
          break;
        default:
          Error("illegal escape sequence");
      }
    }
  }
}

void Lexer::ScanRawString() {
  for (;;) {
    int32_t ch = curr_;
    Next();
    if (ch == '`') break;
    if (ch < 0) {
      Error("non-terminated string");
      break;
    }
  }
}

Tok Lexer::ScanTemplate(bool raw, Token* out) {
  Tok tok = raw ? Tok::kRawTemplatePart : Tok::kTemplatePart;
  uint32_t start = LiteralStart();
  std::vector<uint32_t> escapes;
  for (;;) {
    int32_t ch = curr_;
    if (ch < 0 || (!raw && ch == '\n')) {
      Error("non-terminated string");
      break;
    }
    Next();
    if (ch == (raw ? '`' : '"')) {
      tok = raw ? Tok::kRawTemplateEnd : Tok::kTemplateEnd;
      break;
    }
    if (ch == '{') break;
    if (ch == '\\') {
      if (curr_ == '{') {
        escapes.push_back(offset_ - 1);
        Next();
        continue;
      }
      if (raw) continue;
      switch (curr_) {
        case '\\':
        case '"':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
          Next();
          break;
        case 'u':
          Next();
          Next();
          Next();
          Next();
          break;
        default:
          Error("illegal escape sequence");
      }
    }
  }
  uint32_t end = std::min<uint32_t>(offset_ - 1, static_cast<uint32_t>(text_.size()));
  if (escapes.empty()) {
    out->lit = text_.substr(start, end - start);
  } else {
    // Drop the backslash of each \{ escape.
    uint32_t from = start;
    for (uint32_t e : escapes) {
      if (e > from) out->owned.append(text_.substr(from, e - 1 - from));
      from = e;
    }
    if (from < end) out->owned.append(text_.substr(from, end - from));
    out->lit = out->owned;
  }
  return tok;
}

Token Lexer::Scan(bool template_continue, bool raw_template) {
  Token t;
  t.begin = offset_ - width_;
  if (template_continue) {
    t.tok = ScanTemplate(raw_template, &t);
  } else if (curr_ == ' ' || curr_ == '\t' || curr_ == '\n' || curr_ == '\r') {
    t.lit = text_.substr(t.begin, 1);
    Next();
    t.tok = Tok::kWhitespace;
  } else if (IsLetter(curr_)) {
    ScanIdentifier();
    t.lit = text_.substr(t.begin, offset_ - width_ - t.begin);
    t.tok = KeywordOrIdent(t.lit);
  } else if (IsDecimal(curr_)) {
    ScanNumber();
    t.lit = text_.substr(t.begin, offset_ - width_ - t.begin);
    t.tok = Tok::kNumber;
  } else {
    int32_t ch = curr_;
    Next();
    switch (ch) {
      case -1:
        t.tok = Tok::kEof;
        t.begin = static_cast<uint32_t>(text_.size());
        break;
      case '#': {
        uint32_t start = LiteralStart();
        while (curr_ != '\n' && curr_ != -1) Next();
        uint32_t end = std::min<uint32_t>(offset_ - 1, static_cast<uint32_t>(text_.size()));
        if (end > start && text_[end - 1] == '\r') --end;
        t.lit = text_.substr(start, end - start);
        t.tok = Tok::kComment;
        break;
      }
      case '"': {
        uint32_t start = LiteralStart();
        ScanString();
        t.lit = text_.substr(start, std::min<uint32_t>(offset_ - 1, static_cast<uint32_t>(
                                                                        text_.size())) -
                                        start);
        t.tok = Tok::kString;
        break;
      }
      case '`': {
        uint32_t start = LiteralStart();
        ScanRawString();
        t.lit = text_.substr(start, std::min<uint32_t>(offset_ - 1, static_cast<uint32_t>(
                                                                        text_.size())) -
                                        start);
        t.tok = Tok::kString;
        break;
      }
      case '[': t.tok = Tok::kLBrack; break;
      case ']': t.tok = Tok::kRBrack; break;
      case '{': t.tok = Tok::kLBrace; break;
      case '}': t.tok = Tok::kRBrace; break;
      case '(': t.tok = Tok::kLParen; break;
      case ')': t.tok = Tok::kRParen; break;
      case ',': t.tok = Tok::kComma; break;
      case ':':
        if (curr_ == '=') {
          Next();
          t.tok = Tok::kAssign;
        } else {
          t.tok = Tok::kColon;
        }
        break;
      case '+': t.tok = Tok::kAdd; break;
      case '-': t.tok = Tok::kSub; break;
      case '*': t.tok = Tok::kMul; break;
      case '/': t.tok = Tok::kQuo; break;
      case '%': t.tok = Tok::kRem; break;
      case '&': t.tok = Tok::kAnd; break;
      case '|': t.tok = Tok::kOr; break;
      case '=':
        if (curr_ == '=') {
          Next();
          t.tok = Tok::kEqual;
        } else {
          t.tok = Tok::kUnify;
        }
        break;
      case '>':
        if (curr_ == '=') {
          Next();
          t.tok = Tok::kGte;
        } else {
          t.tok = Tok::kGt;
        }
        break;
      case '<':
        if (curr_ == '=') {
          Next();
          t.tok = Tok::kLte;
        } else {
          t.tok = Tok::kLt;
        }
        break;
      case '!':
        if (curr_ == '=') {
          Next();
          t.tok = Tok::kNeq;
        } else {
          Error("illegal ! character");
        }
        break;
      case ';': t.tok = Tok::kSemicolon; break;
      case '.': t.tok = Tok::kDot; break;
      case '$':
        if (curr_ == '`') {
          Next();
          t.tok = ScanTemplate(true, &t);
        } else if (curr_ == '"') {
          Next();
          t.tok = ScanTemplate(false, &t);
        } else {
          Error("illegal $ character");
        }
        break;
      default:
        t.tok = Tok::kIllegal;
    }
  }
  t.end = std::min<uint32_t>(offset_ - width_, static_cast<uint32_t>(text_.size()));
  if (t.tok == Tok::kEof) t.end = t.begin;
  if (!errors_.empty()) {
    t.errors = std::move(errors_);
    errors_.clear();
  }
  return t;
}

}  // namespace golden::rego
