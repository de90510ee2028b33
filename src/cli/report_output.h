#pragma once

// Where `golden enforce` and `golden merge` put their reports: one format to stdout or to a
// file, or several formats (`--report json --report sarif -o out/`) as one file per format in
// a folder.

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "report/render.h"
#include "report/report.h"

namespace golden::cli {

/// The --report values and -o of a command that writes enforce reports.
struct ReportOutput {
  /// The formats, in the order given; duplicates are ignored. Empty means text.
  std::vector<report::Format> formats;
  /// Empty: stdout (one format only). A folder (an existing one, or a path ending in '/', or
  /// any path when there are several formats): one file per format, named by
  /// report::FormatFileName, the folder created when missing. Otherwise the file to write.
  std::string output;
};

/// Parses the --report values ("text", "json", "sarif", ...); an unknown name is an error
/// that lists the known ones.
Result<std::vector<report::Format>> ParseFormats(const std::vector<std::string>& names);

/// Whether `out` can be written: several formats need a folder. Checked before the work, so a
/// usage mistake does not cost a scan.
Status CheckReportOutput(const ReportOutput& out);

/// Renders `rep` in every format of `out` and writes each atomically (WriteFileAtomic), or
/// prints the one report on stdout. Unless `quiet`, says "Report written to: <file>" on
/// stdout for each file. Errors (an unwritable file, several formats without -o) are
/// returned; nothing is printed for them.
Status WriteReports(const report::Report& rep, const ReportOutput& out, bool quiet);

}  // namespace golden::cli
