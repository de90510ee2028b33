#pragma once

// Horizontal bar charts as inline SVG for the catalog page. Colours come from the page's
// stylesheet (classes), so one chart serves the light and the dark theme.

#include <string>
#include <vector>

namespace golden::catalog {

/// One row of a chart.
struct ChartRow {
  std::string label;   ///< shown at the left (cut with an ellipsis when long; whole in a tooltip)
  std::string filter;  ///< the table filter a click sets ("language"); empty: not clickable
  std::string value;   ///< the filter's value ("python")
  int count = 0;       ///< the bar (stacked charts: the passing part)
  int failed = 0;      ///< stacked charts: the failing part
  std::string bar_class = "bar";  ///< CSS classes of the bar
};

/// Bars proportional to `count`, the largest filling the width, each labelled with its count.
/// Rows carry data-count (and data-filter/data-value when clickable) for the page's script
/// and tests. Every text is escaped.
std::string BarChart(const std::vector<ChartRow>& rows);

/// Passing (`count`) and failing (`failed`) parts stacked in one bar per row, labelled
/// "passing/total"; rows carry data-passed and data-failed.
std::string StackedChart(const std::vector<ChartRow>& rows);

}  // namespace golden::catalog
