#include "rego/builtins/go_template.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "rego/builtins/go_strconv.h"
#include "rego/builtins/go_template_parse.h"
#include "rego/builtins/unicode.h"

namespace golden::rego {

namespace {

using go_template::Arg;
using go_template::Command;
using go_template::Node;
using go_template::NodeList;
using go_template::ParseGoTemplate;
using go_template::Pipe;

// Execution errors, break and continue unwind with C++ exceptions inside this file only, as
// Go's text/template unwinds with panics; ExecuteGoTemplate turns them into a Status.
struct ExecError {
  std::string message;
};
struct BreakSignal {};
struct ContinueSignal {};

constexpr int kMaxDepth = 1000;            // nested template calls
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
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '"':
        out += "&#34;";
        break;
      case '\0':
        out += "\uFFFD";
        break;
      default:
        out.push_back(c);
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
        case '\\':
          out += "\\\\";
          break;
        case '\'':
          out += "\\'";
          break;
        case '"':
          out += "\\\"";
          break;
        case '<':
          out += "\\u003C";
          break;
        case '>':
          out += "\\u003E";
          break;
        case '&':
          out += "\\u0026";
          break;
        case '=':
          out += "\\u003D";
          break;
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
    size_t col = nl == before.npos ? pos : pos - nl - 1;
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
          Fail(n.pos, n.context,
               "exceeded maximum template depth (" + std::to_string(kMaxDepth) + ")");
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
          Fail(n.pos, n.context,
               "can't use " + std::to_string(v.i) + " to iterate over more than one variable");
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
        Fail(first.pos, first.text,
             first.fields.back() + " has arguments but cannot be invoked as function");
      }
      Fail(first.pos, first.text, "can't give argument to non-function " + first.text);
    }
    return EvalArg(dot, first);
  }

  [[noreturn]] void FailCall(const Arg& fn, const std::string& msg) {
    if (fn.call_text.empty()) Fail(fn.pos, fn.text, "error calling " + fn.name + ": " + msg);
    Fail(fn.call_pos, fn.call_text, "error calling " + fn.name + ": " + msg);
  }

  GoValue CallFunction(const GoValue& dot, const Arg& fn, std::span<const Arg> arg_nodes,
                       const std::optional<GoValue>& final) {
    const std::string& name = fn.name;
    // and/or evaluate their arguments lazily.
    if (name == "and" || name == "or") {
      size_t n = arg_nodes.size() + (final ? 1 : 0);
      if (n == 0)
        Fail(fn.pos, fn.text, "wrong number of args for " + name + ": want at least 1 got 0");
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
        Fail(fn.pos, fn.text,
             "wrong number of args for " + name + ": want " + std::to_string(n) + " got " +
                 std::to_string(args.size()));
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
        FailCall(fn,
                 "wrong type for value; expected string; got " + std::string(args[0].TypeName()));
      }
      return GoValue::String(GoSprintf(args[0].s, std::span(args).subspan(1)));
    }
    if (name == "html") return GoValue::String(HtmlEscape(GoSprint(args)));
    if (name == "js") return GoValue::String(JsEscape(GoSprint(args)));
    if (name == "urlquery") return GoValue::String(GoQueryEscape(GoSprint(args)));
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
    if (v.kind == GoValue::Kind::kString && args.size() == 4)
      FailCall(fn, "cannot 3-index slice a string");
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
    if (lo > hi)
      FailCall(fn, "invalid slice index: " + std::to_string(lo) + " > " + std::to_string(hi));
    if (v.kind == GoValue::Kind::kString) {
      return GoValue::String(v.s.substr(static_cast<size_t>(lo), static_cast<size_t>(hi - lo)));
    }
    return GoValue::Slice(std::vector<GoValue>(v.items.begin() + lo, v.items.begin() + hi));
  }

  bool Equal(const GoValue& a, const GoValue& b, const Arg& fn) {
    Basic ka = BasicKind(a), kb = BasicKind(b);
    if (ka != kb) {
      if (ka != Basic::kInvalid && kb != Basic::kInvalid)
        FailCall(fn, "incompatible types for comparison");
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
    if (ka == Basic::kBool || ka == Basic::kOther || ka == Basic::kInvalid || kb == Basic::kBool ||
        kb == Basic::kOther || kb == Basic::kInvalid) {
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
  std::map<std::string, NodeList> defs;
  NodeList root;
  GOLDEN_RETURN_IF_ERROR(ParseGoTemplate(text, &root, &defs));
  Executor exec(text, &defs);
  try {
    exec.Run(root, data);
  } catch (const ExecError& e) {
    return InvalidArgument(e.message);
  }
  return std::move(exec.out());
}

}  // namespace golden::rego
