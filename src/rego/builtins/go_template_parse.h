#pragma once

// The parse tree of Go's text/template (an internal of go_template.cc): ParseGoTemplate turns a
// template into nodes, the executor in go_template.cc walks them.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "rego/builtins/go_fmt.h"

namespace golden::rego::go_template {

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
  // kFunction at the head of a command: where errors of the call point (the whole command).
  size_t call_pos = 0;
  std::string call_text;
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
  std::string text;  // kText; kTemplate: the template's name
  std::shared_ptr<Pipe> pipe;
  NodeList list, else_list;
  size_t pos = 0;
  std::string context;  // source text of the action, for error messages
};

/// Parses `text` into `*root`, with the templates it defines ({{define}}, {{block}}) in
/// `*defs`. Errors read like Go's ("template: template:1: function \"foo\" not defined").
Status ParseGoTemplate(std::string_view text, NodeList* root,
                       std::map<std::string, NodeList>* defs);

}  // namespace golden::rego::go_template
