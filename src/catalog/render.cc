#include "catalog/render.h"

#include <array>

namespace golden::catalog {

namespace {

struct FormatRow {
  std::string_view name;
  Format format;
  std::string_view file;
};

constexpr std::array<FormatRow, 4> kFormats = {{
    {"json", Format::kJson, "catalog.json"},
    {"markdown", Format::kMarkdown, "catalog.md"},
    {"html", Format::kHtml, "catalog.html"},
    {"backstage", Format::kBackstage, "catalog-info.yaml"},
}};

constexpr std::array<std::string_view, kFormats.size()> kFormatNames = [] {
  std::array<std::string_view, kFormats.size()> names{};
  for (size_t i = 0; i < kFormats.size(); ++i) names[i] = kFormats[i].name;
  return names;
}();

}  // namespace

std::span<const std::string_view> FormatNames() { return kFormatNames; }

std::optional<Format> ParseFormat(std::string_view name) {
  for (const FormatRow& row : kFormats) {
    if (row.name == name) return row.format;
  }
  return std::nullopt;
}

std::string_view DefaultFileName(Format format) {
  for (const FormatRow& row : kFormats) {
    if (row.format == format) return row.file;
  }
  return "catalog.json";
}

std::string Render(const Catalog& catalog, Format format) {
  switch (format) {
    case Format::kJson:
      return RenderJson(catalog);
    case Format::kMarkdown:
      return RenderMarkdown(catalog);
    case Format::kHtml:
      return RenderHtml(catalog);
    case Format::kBackstage:
      return RenderBackstage(catalog);
  }
  return RenderJson(catalog);
}

}  // namespace golden::catalog
