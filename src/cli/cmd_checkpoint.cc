// golden checkpoint: a snapshot of the portfolio's compliance and governance files, compared
// with the previous one (drift), written atomically to <root>/.metaHub/checkpoints/. The
// subcommands (list, diff, archive, reset-baseline, verify) are in cmd_checkpoint_manage.cc.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "base/fs.h"
#include "base/strings.h"
#include "checkpoint/drift.h"
#include "checkpoint/drift_report.h"
#include "checkpoint/file_set.h"
#include "checkpoint/parts.h"
#include "checkpoint/stamp.h"
#include "checkpoint/store.h"
#include "cli/checkpoint_cli.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "portfolio/shard.h"

namespace golden::cli {

namespace {

using checkpoint_cli::Console;
using checkpoint_cli::Fail;

struct Flags {
  bool baseline = false;
  std::string report = "text";
  std::string output;
  std::string checkpoint;
  std::string drift_report;
  bool fail_on_degraded = false;
  checkpoint_cli::ScanFlags scan;
  std::string shard;               ///< --shard K/N: take a part, compare nothing
  std::vector<std::string> merge;  ///< --merge PART...: the parts instead of a scan
};

std::string FormatList() {
  std::vector<std::string> names;
  for (std::string_view n : checkpoint::DriftFormatNames()) names.emplace_back(n);
  return Join(names, "|");
}

// Reads the previous checkpoint on a thread of its own while the portfolio is scanned. The text
// is all a re-run where nothing changed needs (SameStateAs); otherwise it is parsed (20 MB for
// 10,000 repositories) once the scan is done. With `parse_ahead` the thread parses it during
// the scan instead, so that files_hash can use it to skip files git vouches for: that pays
// only for files the checks do not read anyway, so only for a configured file set (the default
// one is read by the checks and hashed from memory), and costs the scan CPU time otherwise.
class PreviousLoader {
 public:
  PreviousLoader(fs::path file, bool parse_ahead)
      : file_(std::move(file)), parse_ahead_(parse_ahead), thread_([this] { Run(); }) {}
  ~PreviousLoader() { cancel_.store(true, std::memory_order_relaxed); }  // then thread_ joins

  /// The checkpoint once the thread has parsed it; null before that, when it failed, or
  /// without `parse_ahead`.
  const checkpoint::State* IfReady() const { return ready_.load(std::memory_order_acquire); }

  /// Waits for the text: the file's bytes, or why they cannot be read.
  Result<std::string_view> Text() {
    text_read_.wait(false, std::memory_order_acquire);
    if (!text_->ok()) return text_->status();
    return std::string_view(**text_);
  }

  /// Waits for the thread, then the checkpoint, parsed (here unless the thread did), or why it
  /// cannot be used.
  Result<const checkpoint::State*> Parsed() {
    if (thread_.joinable()) thread_.join();
    if (!text_->ok()) return text_->status();
    if (!parsed_) parsed_ = checkpoint::ParseState(**text_, DisplayPath(file_));
    if (!parsed_->ok()) return parsed_->status();
    return &**parsed_;
  }

 private:
  void Run() {
    text_ = ReadFile(file_, checkpoint_cli::kMaxCheckpointBytes);
    text_read_.store(true, std::memory_order_release);
    text_read_.notify_all();
    if (!parse_ahead_ || !text_->ok()) return;
    auto parsed = checkpoint::ParseState(**text_, DisplayPath(file_), &cancel_);
    if (parsed.status().code() == StatusCode::kCancelled) return;
    parsed_ = std::move(parsed);
    if (parsed_->ok()) ready_.store(&**parsed_, std::memory_order_release);
  }

  fs::path file_;
  bool parse_ahead_;
  std::optional<Result<std::string>> text_;
  std::atomic<bool> text_read_{false};
  std::optional<Result<checkpoint::State>> parsed_;
  std::atomic<const checkpoint::State*> ready_{nullptr};
  std::atomic<bool> cancel_{false};
  std::jthread thread_;  // last: started once the members above exist, joined before they go
};

// Writes the report where it was asked for. Returns false (after saying why) on failure.
bool Publish(const std::string& text, const std::string& output, const Console& console) {
  if (output.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return true;
  }
  Status written = WriteFileAtomic(output, text);
  if (!written.ok()) {
    Fail(kExitViolations, written.message());
    return false;
  }
  console.Say("Report written to: " + output);
  return true;
}

// The state of the portfolio from the parts of `golden checkpoint --shard K/N`.
std::optional<checkpoint::State> MergePartFiles(const std::vector<std::string>& files,
                                                checkpoint_cli::Failure* failure) {
  std::vector<checkpoint::Part> parts;
  for (const std::string& file : files) {
    auto text = ReadFile(file, checkpoint_cli::kMaxCheckpointBytes);
    auto part =
        text.ok() ? checkpoint::ParsePart(*text, file) : Result<checkpoint::Part>(text.status());
    if (!part.ok()) {
      *failure = {kExitViolations, part.status().ToString()};
      return std::nullopt;
    }
    parts.push_back(std::move(part).value());
  }
  auto merged = checkpoint::MergeParts(std::move(parts));
  if (!merged.ok()) {
    *failure = {kExitViolations, "cannot merge the parts: " + merged.status().message()};
    return std::nullopt;
  }
  return std::move(merged).value();
}

// golden checkpoint --shard K/N -o PART: one shard's state for a later --merge; nothing is
// compared or saved in the checkpoints folder.
int TakePart(const Flags& flags) {
  auto shard = portfolio::ParseShard(flags.shard);
  if (!shard.ok()) return Fail(kExitUsage, shard.status().message());
  if (flags.output.empty()) return Fail(kExitUsage, "--shard needs -o FILE for the part");
  if (flags.baseline || !flags.checkpoint.empty() || !flags.drift_report.empty() ||
      flags.fail_on_degraded || !flags.merge.empty() || flags.report != "text") {
    return Fail(kExitUsage,
                "--shard takes a part of a checkpoint: compare and report with --merge once "
                "every part is taken");
  }
  auto clock = MakeClock();
  if (!clock.ok()) return Fail(kExitUsage, clock.status().message());
  fs::path root;
  auto dir = checkpoint_cli::FindCheckpointDir(&root);
  if (!dir.ok()) return Fail(kExitUsage, dir.status().message());
  checkpoint_cli::ScanFlags scan = flags.scan;
  scan.shard = *shard;
  checkpoint_cli::Failure failure;
  std::optional<checkpoint::State> state =
      checkpoint_cli::TakeState(root, scan, nullptr, (*clock)->NowNs(), &failure);
  if (!state) return Fail(failure.code, failure.message);
  Status written =
      WriteFileAtomic(flags.output, checkpoint::SerializePart({*shard, std::move(*state)}));
  if (!written.ok()) return Fail(kExitViolations, written.message());
  Console(flags.scan.quiet, false).Say("Part " + flags.shard + " written to: " + flags.output);
  return kExitOk;
}

int TakeCheckpoint(const Flags& flags) {
  if (!flags.shard.empty()) return TakePart(flags);
  auto format = checkpoint::ParseDriftFormat(flags.report);
  if (!format) return Fail(kExitUsage, "--report must be one of " + FormatList());
  auto clock = MakeClock();
  if (!clock.ok()) return Fail(kExitUsage, clock.status().message());
  fs::path root;
  auto dir = checkpoint_cli::FindCheckpointDir(&root);
  if (!dir.ok()) return Fail(kExitUsage, dir.status().message());
  Console console(flags.scan.quiet, flags.output.empty());
  checkpoint_cli::PauseHook pause;

  // One run at a time per governance root: a second one waits, then compares with the first.
  auto lock = dir->Acquire();
  if (!lock.ok()) return Fail(kExitViolations, lock.status().message());
  dir->RemoveStaleTemporaries();

  console.Say("Generating current state snapshot...");
  std::unique_ptr<PreviousLoader> loader;
  if (!flags.baseline) {
    std::optional<fs::path> previous_file;
    if (!flags.checkpoint.empty()) {
      previous_file = fs::path(flags.checkpoint);
    } else {
      auto found = dir->Previous();
      if (!found.ok()) return Fail(kExitViolations, found.status().message());
      previous_file = *found;
    }
    if (previous_file) {
      // A configured file set (an invalid one fails the scan, which reports it).
      auto config = checkpoint::LoadCheckpointConfig(root / checkpoint::kCheckpointConfig);
      bool custom_files =
          config.ok() &&
          !std::ranges::equal(config->files.patterns(), checkpoint::FileSet::Default().patterns());
      loader =
          std::make_unique<PreviousLoader>(*previous_file, custom_files && flags.merge.empty());
      console.Say("Previous checkpoint: " + DisplayPath(*previous_file));
    } else {
      console.Say("No previous checkpoint found - this will be the baseline");
    }
  }

  int64_t now = (*clock)->NowNs();
  checkpoint_cli::Failure failure;
  std::optional<checkpoint::State> current =
      flags.merge.empty()
          ? checkpoint_cli::TakeState(
                root, flags.scan, [&loader] { return loader ? loader->IfReady() : nullptr; }, now,
                &failure)
          : MergePartFiles(flags.merge, &failure);
  std::string state_text = current ? checkpoint::SerializeState(*current) : std::string();

  // The previous checkpoint must be readable and intact: a damaged one is an error, never
  // "no previous checkpoint" (which would report every repository as new). Nothing is
  // written before it is known to be.
  const checkpoint::State* previous = nullptr;
  std::optional<checkpoint::Drift> drift;
  checkpoint::State same_as_current;  // the previous checkpoint when it holds the current state
  if (loader) {
    auto text = loader->Text();
    std::optional<std::string> same_at;
    if (text.ok() && current) same_at = checkpoint::SameStateAs(*text, state_text);
    if (same_at) {
      // The report shows its time and summary; its records are the current ones.
      same_as_current.timestamp = *same_at;
      same_as_current.summary = current->summary;
      previous = &same_as_current;
      drift = checkpoint::NoDrift(*same_at, *current);
    } else {
      auto read = loader->Parsed();
      if (!read.ok()) {
        return Fail(kExitViolations,
                    "cannot use the previous checkpoint: " + read.status().ToString());
      }
      previous = *read;
    }
  }
  if (!current) return Fail(failure.code, failure.message);

  if (!flags.baseline) {
    console.Say("Detecting drift...");
    if (!drift) drift = checkpoint::ComputeDrift(previous, *current);
  }

  // Order matters for a run killed part-way: checkpoint-latest.json is replaced last, after
  // every report, so that a drift is never lost: until the end, the next run still compares
  // with the previous checkpoint.
  auto stamp = dir->WriteCheckpoint(checkpoint::StampAt(now), state_text);
  if (!stamp.ok()) return Fail(kExitViolations, stamp.status().message());
  console.Say("Checkpoint saved: " + DisplayPath(dir->path() / checkpoint::CheckpointName(*stamp)));
  pause.At("after-checkpoint");

  if (drift && drift->has_drift()) {
    Status written = dir->WriteDrift(*stamp, checkpoint::DriftJson(*drift));
    if (!written.ok()) return Fail(kExitViolations, written.message());
    console.Say("Drift report saved: " + DisplayPath(dir->path() / checkpoint::DriftName(*stamp)));
  }
  pause.At("after-drift");

  checkpoint::DriftReport report = checkpoint::MakeDriftReport(*current, previous, drift);
  if (!Publish(checkpoint::RenderDrift(report, *format), flags.output, console)) {
    return kExitViolations;
  }
  if (!flags.drift_report.empty()) {
    // The runbook's weekly files (.metaHub/catalog/weekly-reports/): always Markdown.
    fs::path weekly(flags.drift_report);
    std::error_code ec;
    fs::create_directories(weekly, ec);
    if (ec)
      return Fail(kExitViolations, "cannot create " + DisplayPath(weekly) + ": " + ec.message());
    std::string markdown = checkpoint::RenderDriftMarkdown(report);
    for (const std::string& name :
         {"drift-report-" + checkpoint::IsoDate(now) + ".md", std::string("latest-drift.md")}) {
      Status written = WriteFileAtomic(weekly / name, markdown);
      if (!written.ok()) return Fail(kExitViolations, written.message());
      console.Say("Drift report written to: " + DisplayPath(weekly / name));
    }
  }
  pause.At("after-report");

  if (std::optional<std::string> github_output = Env("GITHUB_OUTPUT");
      github_output && !github_output->empty()) {
    std::vector<std::pair<std::string, std::string>> extra = {
        {"checkpoint", DisplayPath(dir->path() / checkpoint::CheckpointName(*stamp))}};
    if (!flags.drift_report.empty()) {
      extra.emplace_back("drift_report",
                         DisplayPath(fs::path(flags.drift_report) / "latest-drift.md"));
    }
    Status written = AppendToFile(*github_output, checkpoint::RenderGithubOutput(drift, extra));
    if (!written.ok()) return Fail(kExitViolations, written.message());
  }
  pause.At("before-latest");

  Status latest = dir->WriteLatest(*stamp, state_text);
  if (!latest.ok()) return Fail(kExitViolations, latest.message());

  if (flags.fail_on_degraded && drift && !drift->compliance_degraded.empty()) {
    return kExitViolations;
  }
  return kExitOk;
}

}  // namespace

int RunCheckpoint(const GlobalOptions&, std::span<const std::string> args) {
  CLI::App app{
      "Takes a checkpoint of the portfolio (every repository's compliance, as golden enforce "
      "judges it, and the hashes of its governance files) into "
      "<root>/.metaHub/checkpoints/, and reports the drift since the previous checkpoint.\n"
      "Exit status: 0 success (drift or not), 1 error (or compliance degraded with "
      "--fail-on-degraded), 2 usage or configuration error.\n"
      "Environment: GOLDEN_PATH_ROOT (the governance root), GOVERN_STRICT=true|1 (as --strict), "
      "SOURCE_DATE_EPOCH (fixes the time), GITHUB_OUTPUT (receives has_drift and counts).",
      "golden checkpoint"};
  app.require_subcommand(0, 1);
  Flags flags;
  std::vector<CLI::Option*> own;
  own.push_back(app.add_flag("--baseline", flags.baseline,
                             "record a checkpoint without comparing (a new baseline)"));
  own.push_back(
      app.add_option("--report", flags.report, "report format: " + FormatList() + " (default text)")
          ->type_name("FORMAT"));
  own.push_back(app.add_option("-o,--output", flags.output, "write the report to FILE (atomically)")
                    ->type_name("FILE"));
  own.push_back(app.add_option("--checkpoint", flags.checkpoint,
                               "compare with FILE instead of the latest checkpoint")
                    ->check(CLI::ExistingFile)
                    ->type_name("FILE"));
  own.push_back(app.add_option("--drift-report", flags.drift_report,
                               "also write the Markdown report to DIR/drift-report-<date>.md and "
                               "DIR/latest-drift.md")
                    ->type_name("DIR"));
  own.push_back(app.add_flag("--fail-on-degraded", flags.fail_on_degraded,
                             "exit 1 when a repository lost compliance"));
  own.push_back(app.add_flag("--strict", flags.scan.strict, "treat every warning as a violation"));
  own.push_back(app.add_flag("-q,--quiet", flags.scan.quiet, "no progress or status lines"));
  own.push_back(app.add_option("-j,--jobs", flags.scan.jobs, std::string(checkpoint_cli::kJobsHelp))
                    ->type_name("N"));
  own.push_back(app.add_option("--shard", flags.shard,
                               "take only part K of N of the repositories (a stable split by "
                               "the hash of <org>/<repo>) into the file -o, for --merge")
                    ->type_name("K/N"));
  own.push_back(app.add_option("--merge", flags.merge,
                               "instead of scanning, put together the parts taken with --shard "
                               "(every part 1..N once), then compare, save and report")
                    ->type_name("PART")
                    ->check(CLI::ExistingFile));
  checkpoint_cli::Subcommands subcommands(&app);
  return ParseAndRun(app, "checkpoint", args, [&] {
    if (CLI::App* sub = subcommands.Parsed()) {
      for (CLI::Option* o : own) {
        if (o->count() > 0) {
          return Fail(kExitUsage, o->get_name() + " is an option of 'golden checkpoint', not of '" +
                                      sub->get_name() + "'");
        }
      }
      return subcommands.Run();
    }
    return TakeCheckpoint(flags);
  });
}

}  // namespace golden::cli
