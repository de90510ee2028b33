#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "report/report.h"

namespace golden::report {

/// The report formats. A new format is one enum value, one row in the name table of
/// render.cc and one pure Render<Format> function; callers only use ParseFormat and Render.
enum class Format { kText, kJson };

/// The names accepted by ParseFormat, in the order `--help` lists them.
std::span<const std::string_view> FormatNames();

/// The format called `name` ("text", "json"); nullopt for anything else.
std::optional<Format> ParseFormat(std::string_view name);

/// Renders `report` in `format`. Pure: no I/O, no clock; the result ends with a newline.
std::string Render(const Report& report, Format format);

/// The original's text layouts (repository: every finding; organization: the summary and the
/// failed repositories), plus the portfolio layout (per-organization lines, then the same).
std::string RenderText(const Report& report);

/// The original's JSON shapes and keys (indent 2), with every finding carrying check, rule,
/// message, severity, file and line; see docs/design.md "Reports".
std::string RenderJson(const Report& report);

}  // namespace golden::report
