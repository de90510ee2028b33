#pragma once

// The catalog's output formats. Renderers are pure functions of a Catalog: no I/O, no clock.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "catalog/catalog.h"

namespace golden::catalog {

/// The formats of `golden catalog --format`. A new format is one enum value, one row in
/// render.cc's table and one Render<Format> function.
enum class Format { kJson, kMarkdown, kHtml, kBackstage };

/// The names accepted by ParseFormat, in the order `--help` lists them.
std::span<const std::string_view> FormatNames();

/// The format called `name` ("json", "markdown", "html", "backstage"); nullopt otherwise.
std::optional<Format> ParseFormat(std::string_view name);

/// The file a format is written to in `<root>/.metaHub/catalog/` when no --output is given:
/// catalog.json, catalog.md, catalog.html (the original's names) and catalog-info.yaml.
std::string_view DefaultFileName(Format format);

/// Renders `catalog` in `format`; the result ends with a newline.
std::string Render(const Catalog& catalog, Format format);

/// The original's JSON (indent 2, its keys in its order) plus compliance, by_owner, notes and
/// the compliance summaries; see schemas/catalog.schema.json.
std::string RenderJson(const Catalog& catalog);

/// The original's Markdown layout (summary lists, then a table per organization), every
/// cell escaped, plus status, owner and compliance.
std::string RenderMarkdown(const Catalog& catalog);

/// One self-contained HTML page: summary cards, charts, and a table of every repository
/// that sorts and filters in the browser. Everything from the catalog is escaped; a
/// Content-Security-Policy allows only the page's own script and style.
std::string RenderHtml(const Catalog& catalog);

/// Backstage entities as one multi-document YAML stream (catalog-info.yaml): a System per
/// organization, a Group per owner and per organization, a Component per repository.
std::string RenderBackstage(const Catalog& catalog);

/// The console summary printed after a run (the original's layout): the organization and
/// repository counts, `Catalog written to: <written_to>`, and the counts by language, type,
/// tier and compliance.
std::string RenderConsoleSummary(const Catalog& catalog, std::string_view written_to);

}  // namespace golden::catalog
