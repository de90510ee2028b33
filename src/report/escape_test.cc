#include "report/escape.h"

#include <gtest/gtest.h>

namespace golden::report {
namespace {

TEST(HtmlEscape, EscapesEveryCharacterThatCanStartMarkup) {
  EXPECT_EQ(HtmlEscape("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
  EXPECT_EQ(HtmlEscape("plain text, ünïcödé"), "plain text, ünïcödé");
  EXPECT_EQ(HtmlEscape(""), "");
}

TEST(HtmlEscape, ReplacesControlCharactersHtmlForbids) {
  EXPECT_EQ(HtmlEscape(std::string_view("a\0b\x01\x7f", 5)), "a\uFFFDb\uFFFD\uFFFD");
  EXPECT_EQ(HtmlEscape("tab\tnewline\ncr\r"), "tab\tnewline\ncr\r");
}

TEST(MarkdownEscape, KeepsATableCellOneCell) {
  EXPECT_EQ(MarkdownEscape("a|b"), "a\\|b");
  EXPECT_EQ(MarkdownEscape("line\nbreak\r\ttab"), "line break  tab");
  EXPECT_EQ(MarkdownEscape("*bold* _it_ `code` [link](x) <b> # ! ~ & \\"),
            "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\> \\# \\! \\~ \\& \\\\");
  EXPECT_EQ(MarkdownEscape("lib-good 1.0"), "lib-good 1.0");
}

}  // namespace
}  // namespace golden::report
