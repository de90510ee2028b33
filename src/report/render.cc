#include "report/render.h"

#include <array>

namespace golden::report {

namespace {

struct FormatRow {
  std::string_view name;
  Format format;
};

constexpr std::array<FormatRow, 2> kFormats = {{
    {"text", Format::kText},
    {"json", Format::kJson},
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

std::string Render(const Report& report, Format format) {
  switch (format) {
    case Format::kText:
      return RenderText(report);
    case Format::kJson:
      return RenderJson(report);
  }
  return RenderText(report);
}

}  // namespace golden::report
