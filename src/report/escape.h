#pragma once

// Escaping for the markup report formats, shared by every HTML and Markdown renderer so that
// no text from a repository (a folder name, a description) can become markup.

#include <string>
#include <string_view>

namespace golden::report {

/// Appends `text` escaped for HTML text and quoted attribute values: & < > " ' become
/// entities, and control characters other than tab, newline and carriage return (which HTML
/// forbids) become U+FFFD. `text` must be valid UTF-8.
void AppendHtmlEscaped(std::string* out, std::string_view text);

/// `text` escaped as AppendHtmlEscaped does.
std::string HtmlEscape(std::string_view text);

/// `text` as literal inline Markdown (CommonMark/GFM), safe in a table cell, a list item or
/// a heading: every ASCII punctuation character with a meaning (\ ` * _ [ ] < > | # ! ~ &)
/// is backslash-escaped, and line breaks and tabs become spaces so a value never ends a row.
std::string MarkdownEscape(std::string_view text);

}  // namespace golden::report
