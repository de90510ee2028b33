#include <libfyaml.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/strings.h"
#include "value/yaml.h"

namespace golden {

namespace {

// Aliases share values, but a document that expands to more nodes than this (a "billion
// laughs" bomb) is refused: printing it would never end.
constexpr size_t kMaxExpandedNodes = 10'000'000;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// ---- YAML 1.1 plain-scalar resolution (PyYAML's implicit resolvers) ----

bool IsYamlNull(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

std::optional<bool> YamlBool(std::string_view s) {
  static constexpr std::string_view kTrue[] = {"yes", "Yes", "YES", "true", "True",
                                               "TRUE", "on",  "On",  "ON"};
  static constexpr std::string_view kFalse[] = {"no",    "No",    "NO",  "false", "False",
                                                "FALSE", "off",   "Off", "OFF"};
  for (auto t : kTrue) {
    if (s == t) return true;
  }
  for (auto f : kFalse) {
    if (s == f) return false;
  }
  return std::nullopt;
}

bool AllOf(std::string_view s, bool (*pred)(char)) {
  for (char c : s) {
    if (!pred(c)) return false;
  }
  return true;
}

// Accumulates digits of `base` (underscores skipped) into an unsigned 64-bit value.
std::optional<uint64_t> Accumulate(std::string_view digits, int base) {
  uint64_t v = 0;
  for (char c : digits) {
    if (c == '_') continue;
    int d = IsDigit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
    if (__builtin_mul_overflow(v, static_cast<uint64_t>(base), &v) ||
        __builtin_add_overflow(v, static_cast<uint64_t>(d), &v)) {
      return std::nullopt;
    }
  }
  return v;
}

std::optional<Value> SignedInt(bool neg, uint64_t mag) {
  if (!neg && mag <= static_cast<uint64_t>(INT64_MAX)) return Value::Int(static_cast<int64_t>(mag));
  if (neg && mag <= static_cast<uint64_t>(INT64_MAX) + 1) {
    return Value::Int(static_cast<int64_t>(0 - mag));
  }
  auto n = Number::Parse((neg ? "-" : "") + std::to_string(mag));
  return Value::Num(*n);
}

// Sexagesimal tail ":[0-5]?[0-9]" repeated; returns the parts after the head.
bool SexagesimalParts(std::string_view s, std::vector<std::string_view>* parts) {
  auto segs = Split(s, ":");
  if (segs.size() < 2) return false;
  for (size_t i = 1; i < segs.size(); ++i) {
    std::string_view p = segs[i];
    if (p.empty() || p.size() > 2 || !AllOf(p, IsDigit)) return false;
    if (p.size() == 2 && p[0] > '5') return false;
  }
  *parts = std::move(segs);
  return true;
}

std::optional<Value> YamlInt(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool neg = false;
  std::string_view body = s;
  if (body[0] == '+' || body[0] == '-') {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body.empty()) return std::nullopt;
  auto binary = [](char c) { return c == '0' || c == '1' || c == '_'; };
  auto octal = [](char c) { return (c >= '0' && c <= '7') || c == '_'; };
  auto hex = [](char c) {
    return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '_';
  };
  auto dec = [](char c) { return IsDigit(c) || c == '_'; };
  if (body.size() > 2 && body[0] == '0' && body[1] == 'b') {
    if (!AllOf(body.substr(2), binary)) return std::nullopt;
    auto v = Accumulate(body.substr(2), 2);
    return v ? SignedInt(neg, *v) : std::nullopt;
  }
  if (body.size() > 2 && body[0] == '0' && body[1] == 'x') {
    if (!AllOf(body.substr(2), hex)) return std::nullopt;
    auto v = Accumulate(body.substr(2), 16);
    return v ? SignedInt(neg, *v) : std::nullopt;
  }
  if (body.size() > 1 && body[0] == '0') {
    if (!AllOf(body.substr(1), octal)) return std::nullopt;
    auto v = Accumulate(body.substr(1), 8);
    return v ? SignedInt(neg, *v) : std::nullopt;
  }
  if (body == "0") return Value::Int(0);
  if (body[0] >= '1' && body[0] <= '9') {
    if (AllOf(body, dec)) {
      std::string clean;
      for (char c : body) {
        if (c != '_') clean += c;
      }
      auto n = Number::Parse((neg ? "-" : "") + clean);
      return Value::Num(*n);
    }
    std::vector<std::string_view> parts;
    if (SexagesimalParts(body, &parts) && AllOf(parts[0], dec)) {
      uint64_t v = 0;
      for (size_t i = 0; i < parts.size(); ++i) {
        auto part = Accumulate(parts[i], 10);
        if (!part || __builtin_mul_overflow(v, uint64_t{60}, &v) ||
            __builtin_add_overflow(v, *part, &v)) {
          return std::nullopt;
        }
      }
      return SignedInt(neg, v);
    }
  }
  return std::nullopt;
}

std::optional<Value> YamlFloat(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::string_view body = s;
  bool signed_ = body[0] == '+' || body[0] == '-';
  bool neg = body[0] == '-';
  if (signed_) body.remove_prefix(1);
  if (body == ".inf" || body == ".Inf" || body == ".INF" ||
      (!signed_ && (body == ".nan" || body == ".NaN" || body == ".NAN"))) {
    // JSON and Rego numbers cannot hold these; keep the text, as OPA's JSON conversion would
    // fail on them.
    return std::nullopt;
  }
  auto dec = [](char c) { return IsDigit(c) || c == '_'; };
  std::string clean;
  if (!body.empty() && body[0] == '.') {
    // \.[0-9_]+([eE][-+][0-9]+)?  (no sign allowed)
    if (signed_) return std::nullopt;
    size_t i = 1;
    while (i < body.size() && dec(body[i])) ++i;
    if (i == 1) return std::nullopt;
    std::string_view rest = body.substr(i);
    if (!rest.empty()) {
      if (rest.size() < 3 || (rest[0] != 'e' && rest[0] != 'E') ||
          (rest[1] != '+' && rest[1] != '-') || !AllOf(rest.substr(2), IsDigit)) {
        return std::nullopt;
      }
    }
    clean = "0" + std::string(body);
  } else {
    if (body.empty() || !IsDigit(body[0])) return std::nullopt;
    size_t colon = body.find(':');
    if (colon != std::string_view::npos) {
      // [0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*
      size_t dot = body.rfind('.');
      if (dot == std::string_view::npos || dot < colon) return std::nullopt;
      std::vector<std::string_view> parts;
      if (!SexagesimalParts(body.substr(0, dot), &parts) || !AllOf(parts[0], dec) ||
          !AllOf(body.substr(dot + 1), dec)) {
        return std::nullopt;
      }
      double v = 0;
      for (auto p : parts) {
        std::string digits;
        for (char c : p) {
          if (c != '_') digits += c;
        }
        v = v * 60 + std::strtod(digits.c_str(), nullptr);
      }
      std::string frac = "0.";
      for (char c : body.substr(dot + 1)) {
        if (c != '_') frac += c;
      }
      v += std::strtod(frac.c_str(), nullptr);
      auto n = Number::FromDouble(neg ? -v : v);
      return n ? std::optional<Value>(Value::Num(*n)) : std::nullopt;
    }
    size_t i = 0;
    while (i < body.size() && dec(body[i])) ++i;
    if (i >= body.size() || body[i] != '.') return std::nullopt;
    ++i;
    while (i < body.size() && dec(body[i])) ++i;
    std::string_view rest = body.substr(i);
    if (!rest.empty()) {
      if (rest.size() < 3 || (rest[0] != 'e' && rest[0] != 'E') ||
          (rest[1] != '+' && rest[1] != '-') || !AllOf(rest.substr(2), IsDigit)) {
        return std::nullopt;
      }
    }
    clean = std::string(body);
  }
  std::string digits;
  for (char c : clean) {
    if (c != '_') digits += c;
  }
  double v = std::strtod(digits.c_str(), nullptr);
  auto n = Number::FromDouble(neg ? -v : v);
  if (!n) return std::nullopt;
  return Value::Num(*n);
}

std::string KeyString(const Value& key) {
  if (key.IsString()) return std::string(key.GetString());
  return ToJson(key);
}

std::string EscapePointer(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view TokenText(fy_token* t) {
  size_t len = 0;
  const char* p = fy_token_get_text(t, &len);
  return p ? std::string_view(p, len) : std::string_view();
}

// Collects the parser's diagnostics instead of letting libfyaml print them.
struct DiagCapture {
  std::string message;
  static void Output(fy_diag*, void* user, const char* buf, size_t len) {
    auto* self = static_cast<DiagCapture*>(user);
    if (self->message.empty()) self->message.assign(buf, len);
  }
};

class YamlBuilder {
 public:
  YamlBuilder(std::string_view text, std::string_view filename, const ReadLimits& limits,
              std::vector<YamlLine>* lines)
      : text_(text), filename_(filename), limits_(limits), lines_(lines) {}

  Result<std::vector<Value>> Run() {
    // YAML streams here are UTF-8. Checked first: libfyaml 0.8 loops forever on some
    // invalid bytes (in a directive line, found by fuzzing).
    if (!IsValidUtf8(text_)) {
      return ParseError("YAML: invalid UTF-8", SourceLocation{std::string(filename_), 0, 0});
    }
    // NUL is not a printable YAML character; libfyaml leaks buffers on some such input.
    if (text_.find('\0') != std::string_view::npos) {
      return ParseError("YAML: invalid character NUL", SourceLocation{std::string(filename_), 0, 0});
    }
    fy_diag_cfg dcfg;
    fy_diag_cfg_default(&dcfg);
    dcfg.fp = nullptr;
    dcfg.output_fn = &DiagCapture::Output;
    dcfg.user = &diag_capture_;
    dcfg.colorize = false;
    std::unique_ptr<fy_diag, void (*)(fy_diag*)> diag(fy_diag_create(&dcfg), fy_diag_destroy);
    fy_parse_cfg cfg{};
    cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_COLLECT_DIAG |
                                                FYPCF_DEFAULT_VERSION_1_1 |
                                                FYPCF_DISABLE_DEPTH_LIMIT);
    cfg.diag = diag.get();
    std::unique_ptr<fy_parser, void (*)(fy_parser*)> parser(fy_parser_create(&cfg),
                                                            fy_parser_destroy);
    if (!parser) return Internal("cannot create a YAML parser");
    if (fy_parser_set_string(parser.get(), text_.data(), text_.size()) != 0) {
      return Internal("cannot start the YAML parser");
    }
    std::vector<Value> docs;
    while (fy_event* ev = fy_parser_parse(parser.get())) {
      Status st = Handle(ev, &docs);
      fy_parser_event_free(parser.get(), ev);
      if (!st.ok()) return st;
    }
    if (fy_parser_get_stream_error(parser.get())) return DiagError(diag.get());
    return docs;
  }

 private:
  struct Frame {
    bool is_map = false;
    std::string anchor;
    size_t start_nodes = 0;
    std::string pointer;
    int line = 0;
    // mapping state
    bool have_key = false;
    Value key;
    std::vector<Value::Entry> entries;
    std::vector<Value> merges;  // values of "<<" keys, in order
    bool key_is_merge = false;
    int line_of_key = 0;
    std::vector<Value> items;
  };

  Status DiagError(fy_diag* diag) {
    void* iter = nullptr;
    if (fy_diag_error* err = fy_diag_errors_iterate(diag, &iter)) {
      return ParseError(std::string("YAML: ") + err->msg,
                        SourceLocation{std::string(filename_), err->line + 1, err->column + 1});
    }
    // The formatted diagnostic reads "<input>:LINE:COL: error: MESSAGE".
    std::string msg = diag_capture_.message;
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    SourceLocation loc{std::string(filename_), 0, 0};
    size_t e = msg.find(": error: ");
    if (e != std::string::npos) {
      size_t c2 = msg.rfind(':', e - 1);
      size_t c1 = c2 == std::string::npos || c2 == 0 ? std::string::npos : msg.rfind(':', c2 - 1);
      if (c1 != std::string::npos) {
        loc.line = std::atoi(msg.c_str() + c1 + 1);
        loc.col = std::atoi(msg.c_str() + c2 + 1);
      }
      msg = msg.substr(e + 9);
    }
    if (msg.empty()) msg = "invalid YAML";
    return ParseError("YAML: " + msg, loc);
  }

  Status Error(fy_event* ev, std::string msg) {
    const fy_mark* m = fy_event_start_mark(ev);
    SourceLocation loc{std::string(filename_), m ? m->line + 1 : 0, m ? m->column + 1 : 0};
    return ParseError("YAML: " + msg, loc);
  }

  static std::string Anchor(fy_token* t) { return t ? std::string(TokenText(t)) : std::string(); }

  static std::string Tag(fy_token* t) {
    if (!t) return {};
    size_t hlen = 0, slen = 0;
    const char* h = fy_tag_token_handle(t, &hlen);
    const char* sfx = fy_tag_token_suffix(t, &slen);
    std::string handle = h ? std::string(h, hlen) : std::string();
    std::string suffix = sfx ? std::string(sfx, slen) : std::string();
    if (handle == "!!") return "tag:yaml.org,2002:" + suffix;
    return handle + suffix;
  }

  std::string ChildPointer() const {
    const Frame& f = stack_.back();
    if (f.is_map) return f.pointer + "/" + EscapePointer(KeyString(f.key));
    return f.pointer + "/" + std::to_string(f.items.size());
  }

  Status CountNodes(fy_event* ev, size_t n) {
    nodes_ += n;
    if (nodes_ > kMaxExpandedNodes) {
      return Error(ev, "document expands to more than " + std::to_string(kMaxExpandedNodes) +
                           " nodes (alias bomb?)");
    }
    return Status::Ok();
  }

  int Line(fy_event* ev) {
    const fy_mark* m = fy_event_start_mark(ev);
    return m ? m->line + 1 : 0;
  }

  // Adds a finished value to the enclosing collection (or finishes the document).
  Status Emit(fy_event* ev, Value v, const std::string& anchor, size_t start_nodes, int line) {
    if (!anchor.empty()) anchors_[anchor] = {v, nodes_ - start_nodes};
    if (stack_.empty()) {
      doc_ = std::move(v);
      have_doc_ = true;
      return Status::Ok();
    }
    Frame& f = stack_.back();
    if (!f.is_map) {
      if (lines_) lines_->push_back({ChildPointer(), line});
      f.items.push_back(std::move(v));
      return Status::Ok();
    }
    if (!f.have_key) {
      if (v.IsCollection()) {
        // Complex keys: use their JSON text, as a JSON conversion would need a string.
        v = Value::String(ToJson(v));
      } else if (!v.IsString()) {
        v = Value::String(KeyString(v));
      }
      f.key_is_merge = merge_candidate_ && v.IsString() && v.GetString() == "<<";
      f.key = std::move(v);
      f.have_key = true;
      (void)ev;
      return Status::Ok();
    }
    if (f.key_is_merge) {
      if (v.IsObject()) {
        f.merges.push_back(std::move(v));
      } else if (v.IsArray()) {
        for (const Value& m : v.GetArray()) {
          if (!m.IsObject()) return Error(ev, "merge key '<<' needs a mapping or a list of mappings");
          f.merges.push_back(m);
        }
      } else {
        return Error(ev, "merge key '<<' needs a mapping or a list of mappings");
      }
    } else {
      if (lines_) lines_->push_back({ChildPointer(), f.line_of_key});
      f.entries.push_back({std::move(f.key), std::move(v)});
    }
    f.have_key = false;
    return Status::Ok();
  }

  Status Handle(fy_event* ev, std::vector<Value>* docs) {
    switch (ev->type) {
      case FYET_DOCUMENT_START:
        have_doc_ = false;
        doc_ = Value();
        anchors_.clear();
        return Status::Ok();
      case FYET_DOCUMENT_END:
        docs->push_back(have_doc_ ? std::move(doc_) : Value());
        return Status::Ok();
      case FYET_SCALAR: {
        auto& d = ev->scalar;
        GOLDEN_RETURN_IF_ERROR(CountNodes(ev, 1));
        std::string_view text = TokenText(d.value);
        std::string tag = Tag(d.tag);
        bool plain = fy_token_scalar_style(d.value) == FYSS_PLAIN;
        merge_candidate_ = plain && tag.empty();
        Value v;
        GOLDEN_RETURN_IF_ERROR(TypedScalar(ev, text, tag, plain, &v));
        size_t start = nodes_ - 1;
        int line = Line(ev);
        if (!stack_.empty() && stack_.back().is_map && !stack_.back().have_key) {
          stack_.back().line_of_key = line;
        }
        return Emit(ev, std::move(v), Anchor(d.anchor), start, line);
      }
      case FYET_ALIAS: {
        std::string name(TokenText(ev->alias.anchor));
        auto it = anchors_.find(name);
        if (it == anchors_.end()) return Error(ev, "unknown anchor '" + name + "'");
        GOLDEN_RETURN_IF_ERROR(CountNodes(ev, it->second.nodes));
        merge_candidate_ = false;
        int line = Line(ev);
        if (!stack_.empty() && stack_.back().is_map && !stack_.back().have_key) {
          stack_.back().line_of_key = line;
        }
        Value v = it->second.value;
        return Emit(ev, std::move(v), "", nodes_, line);
      }
      case FYET_MAPPING_START:
      case FYET_SEQUENCE_START: {
        bool is_map = ev->type == FYET_MAPPING_START;
        if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
          return Error(ev, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
        }
        GOLDEN_RETURN_IF_ERROR(CountNodes(ev, 1));
        int line = Line(ev);
        std::string pointer = stack_.empty() ? "" : ChildPointer();
        if (!stack_.empty() && stack_.back().is_map && !stack_.back().have_key) {
          stack_.back().line_of_key = line;
        }
        Frame f;
        f.is_map = is_map;
        f.anchor = Anchor(is_map ? ev->mapping_start.anchor : ev->sequence_start.anchor);
        f.start_nodes = nodes_ - 1;
        f.pointer = lines_ ? pointer : std::string();
        f.line = line;
        stack_.push_back(std::move(f));
        return Status::Ok();
      }
      case FYET_MAPPING_END:
      case FYET_SEQUENCE_END: {
        Frame f = std::move(stack_.back());
        stack_.pop_back();
        Value v;
        if (f.is_map) {
          // Explicit keys win over merged ones; earlier merge sources win over later ones.
          std::vector<Value::Entry> all = std::move(f.entries);
          if (!f.merges.empty()) {
            std::vector<Value::Entry> merged;
            for (auto it = f.merges.rbegin(); it != f.merges.rend(); ++it) {
              for (const auto& e : it->GetObject()) merged.push_back(e);
            }
            for (auto& e : all) merged.push_back(std::move(e));
            all = std::move(merged);
          }
          v = Value::Object(std::move(all));
        } else {
          v = Value::Array(std::move(f.items));
        }
        merge_candidate_ = false;
        return Emit(ev, std::move(v), f.anchor, f.start_nodes, f.line);
      }
      default:
        return Status::Ok();
    }
  }

  Status TypedScalar(fy_event* ev, std::string_view text, const std::string& tag, bool plain,
                     Value* out) {
    static const std::string kYaml = "tag:yaml.org,2002:";
    if (tag.empty() || tag == "!") {
      *out = (plain && tag.empty()) ? ResolveYamlScalar(text) : Value::String(text);
      return Status::Ok();
    }
    if (tag == kYaml + "str" || tag == kYaml + "binary" || tag == kYaml + "timestamp") {
      *out = Value::String(text);
      return Status::Ok();
    }
    if (tag == kYaml + "null") {
      *out = Value::Null();
      return Status::Ok();
    }
    Value v = ResolveYamlScalar(text);
    if (tag == kYaml + "bool") {
      if (!v.IsBool()) return Error(ev, "'" + std::string(text) + "' is not a boolean");
    } else if (tag == kYaml + "int") {
      if (!v.IsNumber() || !v.GetNumber().IsInteger()) {
        return Error(ev, "'" + std::string(text) + "' is not an integer");
      }
    } else if (tag == kYaml + "float") {
      if (!v.IsNumber()) {
        auto n = Number::Parse(text);
        if (!n) return Error(ev, "'" + std::string(text) + "' is not a float");
        v = Value::Num(*n);
      }
    }
    // Other tags (application tags such as !Ref) are kept as the untagged value.
    *out = std::move(v);
    return Status::Ok();
  }

  struct Anchored {
    Value value;
    size_t nodes = 0;
  };

  std::string_view text_;
  std::string_view filename_;
  ReadLimits limits_;
  std::vector<YamlLine>* lines_;
  DiagCapture diag_capture_;
  std::vector<Frame> stack_;
  std::map<std::string, Anchored> anchors_;
  Value doc_;
  bool have_doc_ = false;
  bool merge_candidate_ = false;
  size_t nodes_ = 0;
};

}  // namespace

Value ResolveYamlScalar(std::string_view s) {
  if (IsYamlNull(s)) return Value::Null();
  if (auto b = YamlBool(s)) return Value::Bool(*b);
  if (!s.empty()) {
    char c = s[0];
    if (IsDigit(c) || c == '-' || c == '+' || c == '.') {
      if (auto i = YamlInt(s)) return *i;
      if (auto f = YamlFloat(s)) return *f;
    }
  }
  return Value::String(s);
}

Result<std::vector<Value>> ParseYamlStream(std::string_view text, std::string_view filename,
                                           const ReadLimits& limits) {
  YamlBuilder b(text, filename, limits, nullptr);
  return b.Run();
}

Result<Value> ParseYaml(std::string_view text, std::string_view filename,
                        const ReadLimits& limits, std::vector<YamlLine>* lines) {
  YamlBuilder b(text, filename, limits, lines);
  GOLDEN_ASSIGN_OR_RETURN(std::vector<Value> docs, b.Run());
  if (docs.empty()) return Value::Null();
  if (docs.size() > 1) {
    return ParseError("YAML: expected a single document in the stream, found " +
                          std::to_string(docs.size()),
                      SourceLocation{std::string(filename), 0, 0});
  }
  return std::move(docs[0]);
}

}  // namespace golden
