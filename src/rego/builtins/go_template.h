#pragma once

// Go's text/template, as strings.render_template uses it (OPA parses the template with
// template.New("template").Parse and executes it on the variables decoded to map[string]any,
// numbers as json.Number). Supported: text, comments and trim markers; pipelines with fields,
// variables, literals, parenthesised pipelines and chained commands; if/else if/else, range
// (slices, maps in key order, integers; break/continue), with/else with; define, template
// and block; the builtin functions and, or, not, len, index, slice, eq, ne, lt, le, gt, ge,
// print, printf, println, html, js and urlquery. Methods do not exist on these values, as
// in OPA.

#include <string>
#include <string_view>

#include "base/status.h"
#include "rego/builtins/go_fmt.h"

namespace golden::rego {

/// Parses `text` and executes it with `data` as dot. Errors read like Go's ("template:
/// template:1: function \"foo\" not defined", "template: template:1:4: executing \"template\"
/// at <.a.b>: can't evaluate field b in type string"). A missing value prints "<no value>",
/// as in Go (OPA then replaces it).
Result<std::string> ExecuteGoTemplate(std::string_view text, const GoValue& data);

}  // namespace golden::rego
