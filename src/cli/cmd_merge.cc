// golden merge: the JSON reports of `golden enforce --shard K/N` runs combined into the report
// of the whole portfolio, in any enforce format.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "base/fs.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/report_output.h"
#include "report/merge.h"
#include "report/render.h"

namespace golden::cli {

namespace {

// A shard's report of a large portfolio is large, but not this large.
constexpr uint64_t kMaxReportBytes = uint64_t{2} << 30;

int Fail(int code, const std::string& message) {
  std::fprintf(stderr, "golden merge: %s\n", message.c_str());
  return code;
}

struct Flags {
  std::vector<std::string> inputs;
  std::vector<std::string> reports;
  std::string output;
  bool fail_on_warnings = false;
  bool quiet = false;
};

int Merge(const Flags& flags) {
  auto formats = ParseFormats(flags.reports);
  if (!formats.ok()) return Fail(kExitUsage, formats.status().message());
  const ReportOutput output{*formats, flags.output};
  if (Status ok = CheckReportOutput(output); !ok.ok()) return Fail(kExitUsage, ok.message());
  std::vector<report::Report> shards;
  for (const std::string& input : flags.inputs) {
    auto text = ReadFile(input, kMaxReportBytes);
    if (!text.ok()) return Fail(kExitUsage, text.status().ToString());
    auto parsed = report::ParseJsonReport(*text, input);
    if (!parsed.ok()) return Fail(kExitUsage, parsed.status().ToString());
    shards.push_back(std::move(parsed).value());
  }
  auto merged = report::MergeShards(std::move(shards));
  if (!merged.ok()) return Fail(kExitUsage, merged.status().message());
  Status written = WriteReports(*merged, output, flags.quiet);
  if (!written.ok()) return Fail(kExitUsage, written.message());
  return report::Fails(*merged, flags.fail_on_warnings) ? kExitViolations : kExitOk;
}

}  // namespace

int RunMerge(const GlobalOptions&, std::span<const std::string> args) {
  CLI::App app{
      "Combines the JSON reports of `golden enforce --shard K/N --report json` runs (every "
      "shard 1..N of one split, each exactly once) into the report of the whole run, in any "
      "enforce format.\n"
      "Exit status: 0 passed, 1 violations (or warnings with --fail-on-warnings), 2 usage "
      "error or reports that do not fit together.",
      "golden merge"};
  Flags flags;
  app.add_option("REPORT", flags.inputs, "a shard's JSON report (enforce --report json)")
      ->required()
      ->type_name("");
  app.add_option("--report", flags.reports,
                 "report format: " + NameList(report::FormatNames()) +
                     " (default text); repeat it for several reports, with -o DIR")
      ->type_name("FORMAT")
      ->allow_extra_args(false);
  app.add_option("-o,--output", flags.output,
                 "write the report to FILE, or one file per format to the folder DIR")
      ->type_name("FILE|DIR");
  app.add_flag("--fail-on-warnings", flags.fail_on_warnings, "exit 1 when there are warnings");
  app.add_flag("-q,--quiet", flags.quiet, "no 'Report written to' lines");
  return ParseAndRun(app, "merge", args, [&flags] { return Merge(flags); });
}

}  // namespace golden::cli
