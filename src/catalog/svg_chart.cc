#include "catalog/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/strings.h"
#include "report/escape.h"

namespace golden::catalog {

namespace {

using report::HtmlEscape;

// Layout in viewBox units: labels end at kLabelEnd, bars run from kBarStart to kBarEnd,
// counts are right-aligned at kWidth.
// The width is small so that text stays readable when a phone scales the chart down.
constexpr int kWidth = 400;
constexpr int kLabelEnd = 112;
constexpr int kBarStart = 120;
constexpr int kBarEnd = 336;
constexpr int kRowHeight = 26;
constexpr int kBarHeight = 14;
constexpr size_t kMaxLabel = 15;

std::string Shorten(const std::string& label) {
  if (Utf8Length(label) <= kMaxLabel) return label;
  size_t pos = 0;
  for (size_t n = 0; n + 1 < kMaxLabel && pos < label.size(); ++n) DecodeUtf8(label, &pos);
  return label.substr(0, pos) + "\u2026";
}

double Width(int part, int max) {
  return max <= 0 ? 0.0 : static_cast<double>(kBarEnd - kBarStart) * part / max;
}

// The opening of a row group: clickable rows are buttons for keyboard users too.
void OpenRow(std::string* out, const ChartRow& row, int y, const std::string& tooltip,
             const std::string& data) {
  out->append("<g class=\"row\"");
  if (!row.filter.empty()) {
    fmt::format_to(std::back_inserter(*out),
                   " data-filter=\"{}\" data-value=\"{}\" tabindex=\"0\" role=\"button\"",
                   HtmlEscape(row.filter), HtmlEscape(row.value));
  }
  fmt::format_to(std::back_inserter(*out),
                 "{} aria-label=\"{}\"><title>{}</title>"
                 "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>"
                 "<rect class=\"track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"/>",
                 data, HtmlEscape(tooltip), HtmlEscape(tooltip), kLabelEnd, y + 17,
                 HtmlEscape(Shorten(row.label)), kBarStart, y + 6, kBarEnd - kBarStart, kBarHeight);
}

std::string Svg(size_t rows, const std::string& body) {
  if (rows == 0) return "<p class=\"empty-chart\">No repositories.</p>\n";
  int height = static_cast<int>(rows) * kRowHeight;
  return fmt::format(
      "<svg viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"group\">{}</svg>\n", kWidth,
      height, kWidth, height, body);
}

}  // namespace

std::string BarChart(const std::vector<ChartRow>& rows) {
  int max = 0;
  for (const ChartRow& r : rows) max = std::max(max, r.count);
  std::string body;
  int y = 0;
  for (const ChartRow& r : rows) {
    std::string tooltip =
        fmt::format("{}: {} {}", r.label, r.count, r.count == 1 ? "repository" : "repositories");
    OpenRow(&body, r, y, tooltip, fmt::format(" data-count=\"{}\"", r.count));
    fmt::format_to(std::back_inserter(body),
                   "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" rx=\"3\"/>"
                   "<text class=\"count\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text></g>",
                   HtmlEscape(r.bar_class), kBarStart, y + 6, Width(r.count, max), kBarHeight,
                   kWidth, y + 17, r.count);
    y += kRowHeight;
  }
  return Svg(rows.size(), body);
}

std::string StackedChart(const std::vector<ChartRow>& rows) {
  int max = 0;
  for (const ChartRow& r : rows) max = std::max(max, r.count + r.failed);
  std::string body;
  int y = 0;
  for (const ChartRow& r : rows) {
    int total = r.count + r.failed;
    std::string tooltip = fmt::format("{}: {} passing, {} failing", r.label, r.count, r.failed);
    OpenRow(&body, r, y, tooltip,
            fmt::format(" data-passed=\"{}\" data-failed=\"{}\"", r.count, r.failed));
    double pass_w = Width(r.count, max);
    fmt::format_to(std::back_inserter(body),
                   "<rect class=\"pass\" x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\"/>"
                   "<rect class=\"fail\" x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\"/>"
                   "<text class=\"count\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}/{}</text></g>",
                   kBarStart, y + 6, pass_w, kBarHeight, kBarStart + pass_w, y + 6,
                   Width(r.failed, max), kBarHeight, kWidth, y + 17, r.count, total);
    y += kRowHeight;
  }
  std::string legend =
      "<div class=\"legend\"><span><span class=\"key pass\"></span>passing</span>"
      "<span><span class=\"key fail\"></span>failing</span></div>\n";
  return Svg(rows.size(), body) + (rows.empty() ? "" : legend);
}

}  // namespace golden::catalog
