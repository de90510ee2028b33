#include "cli/report_output.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>

#include "base/fs.h"
#include "cli/context.h"

namespace golden::cli {

namespace {

namespace fs = std::filesystem;

bool IsFolderTarget(const std::string& output, size_t formats) {
  if (formats > 1 || output.ends_with('/')) return true;
  std::error_code ec;
  return fs::is_directory(output, ec);
}

Status WriteOne(const fs::path& file, const std::string& text, bool quiet) {
  GOLDEN_RETURN_IF_ERROR(WriteFileAtomic(file, text));
  if (!quiet) std::printf("Report written to: %s\n", file.string().c_str());
  return Status::Ok();
}

}  // namespace

Result<std::vector<report::Format>> ParseFormats(const std::vector<std::string>& names) {
  std::vector<report::Format> out;
  for (const std::string& name : names) {
    std::optional<report::Format> f = report::ParseFormat(name);
    if (!f) {
      return InvalidArgument("--report must be one of " + NameList(report::FormatNames()) +
                             ", not '" + name + "'");
    }
    if (std::find(out.begin(), out.end(), *f) == out.end()) out.push_back(*f);
  }
  if (out.empty()) out.push_back(report::Format::kText);
  return out;
}

Status CheckReportOutput(const ReportOutput& out) {
  if (out.output.empty() && out.formats.size() > 1) {
    return InvalidArgument("several --report formats need -o DIR (one file per format)");
  }
  return Status::Ok();
}

Status WriteReports(const report::Report& rep, const ReportOutput& out, bool quiet) {
  GOLDEN_RETURN_IF_ERROR(CheckReportOutput(out));
  std::vector<report::Format> formats = out.formats;
  if (formats.empty()) formats.push_back(report::Format::kText);
  if (out.output.empty()) {
    std::string text = report::Render(rep, formats[0]);
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      return InvalidArgument(std::string("cannot write the report to stdout: ") +
                             ErrnoMessage(errno));
    }
    return Status::Ok();
  }
  if (!IsFolderTarget(out.output, formats.size())) {
    return WriteOne(out.output, report::Render(rep, formats[0]), quiet);
  }
  fs::path dir(out.output);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return InvalidArgument("cannot create the folder " + out.output + ": " + ec.message());
  for (report::Format f : formats) {
    GOLDEN_RETURN_IF_ERROR(
        WriteOne(dir / std::string(report::FormatFileName(f)), report::Render(rep, f), quiet));
  }
  return Status::Ok();
}

}  // namespace golden::cli
