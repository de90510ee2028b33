#include "report/render.h"

#include <array>

namespace golden::report {

namespace {

struct FormatRow {
  std::string_view name;
  Format format;
  std::string_view file_name;
  std::string (*render)(const Report&);
};

constexpr std::array<FormatRow, 6> kFormats = {{
    {"text", Format::kText, "enforce.txt", &RenderText},
    {"json", Format::kJson, "enforce.json", &RenderJson},
    {"sarif", Format::kSarif, "enforce.sarif", &RenderSarif},
    {"junit", Format::kJunit, "enforce.junit.xml", &RenderJunit},
    {"github", Format::kGithub, "enforce.github.txt", &RenderGithub},
    {"markdown", Format::kMarkdown, "enforce.md", &RenderMarkdown},
}};

const FormatRow& Row(Format format) {
  for (const FormatRow& row : kFormats) {
    if (row.format == format) return row;
  }
  return kFormats[0];
}

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

std::string_view FormatName(Format format) { return Row(format).name; }

std::string_view FormatFileName(Format format) { return Row(format).file_name; }

std::string Render(const Report& report, Format format) { return Row(format).render(report); }

}  // namespace golden::report
