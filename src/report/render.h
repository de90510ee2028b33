#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "report/report.h"

namespace golden::report {

/// The report formats. A new format is one enum value, one row in the name table of
/// render.cc and one pure Render<Format> function; callers only use ParseFormat and Render.
enum class Format { kText, kJson, kSarif, kJunit, kGithub, kMarkdown };

/// The names accepted by ParseFormat, in the order `--help` lists them.
std::span<const std::string_view> FormatNames();

/// The format called `name` ("text", "json", "sarif", "junit", "github", "markdown"); nullopt
/// for anything else.
std::optional<Format> ParseFormat(std::string_view name);

/// The name ParseFormat accepts for `format`.
std::string_view FormatName(Format format);

/// The file name a report in `format` gets when several are written into one folder
/// (`--report json --report sarif -o DIR`): enforce.txt, enforce.json, enforce.sarif,
/// enforce.junit.xml, enforce.github.txt, enforce.md.
std::string_view FormatFileName(Format format);

/// Renders `report` in `format`. Pure: no I/O, no clock; the result ends with a newline.
std::string Render(const Report& report, Format format);

/// The original's text layouts (repository: every finding; organization: the summary and the
/// failed repositories), plus the portfolio layout (per-organization lines, then the same).
std::string RenderText(const Report& report);

/// The original's JSON shapes and keys (indent 2), with every finding carrying check, rule,
/// message, severity, file and line; see docs/design.md "Reports". A shard's report (see
/// Report::shard) ends with a `shard` object: index, count, strict and the rules, which is
/// everything `golden merge` needs besides the rest of the report (report/merge.h).
std::string RenderJson(const Report& report);

/// SARIF 2.1.0 for code scanning: one run; the rules of Report::rules with their summary and
/// help; one result per violation (level error) and warning (level warning), located at its
/// file and line relative to the governance root (a finding about a whole repository at the
/// repository's `.meta/repo.yaml`), with a `partialFingerprints` entry that does not depend
/// on the line, so that alerts survive edits elsewhere in the file.
std::string RenderSarif(const Report& report);

/// JUnit XML: one <testsuite> per repository (named "<org>/<repo>"), one <testcase> per rule
/// of Report::rules (informational rules excepted); a rule with violations is a <failure>
/// listing them, warnings go to the test case's <system-out>. An organization folder that
/// could not be listed is a test suite with one <error>.
std::string RenderJunit(const Report& report);

/// GitHub Actions workflow commands: `::error file=...,line=...,title=<rule>::<message>` for
/// violations and `::warning ...` for warnings, escaped as the runner expects, at most
/// kGithubAnnotationsPerKind of each (GitHub shows no more per step), then one `::notice` with
/// the totals and how many findings were not annotated.
std::string RenderGithub(const Report& report);

/// The number of error (and of warning) annotations GitHub displays per step.
inline constexpr int kGithubAnnotationsPerKind = 10;

/// GitHub-flavoured Markdown for `$GITHUB_STEP_SUMMARY`: the verdict, a table with every
/// organization (an organization that could not be read included, marked as an error), then
/// the findings of each failing repository and of each repository with warnings, as long as
/// the page stays under kMarkdownBudgetBytes (GitHub's step summary limit is 1 MiB); what does
/// not fit is counted, never silently dropped.
std::string RenderMarkdown(const Report& report);

/// The size RenderMarkdown keeps its output under.
inline constexpr size_t kMarkdownBudgetBytes = 900 * 1024;

}  // namespace golden::report
