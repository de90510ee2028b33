// The runbook's checkpoint procedures as subcommands of golden checkpoint: list, diff,
// archive ("Monthly: clean up checkpoints"), reset-baseline ("Reset Baseline") and verify.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "base/fs.h"
#include "base/strings.h"
#include "checkpoint/drift.h"
#include "checkpoint/drift_report.h"
#include "checkpoint/stamp.h"
#include "checkpoint/store.h"
#include "cli/checkpoint_cli.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "value/json.h"

namespace golden::cli::checkpoint_cli {

struct Subcommands::Flags {
  CLI::App* list = nullptr;
  CLI::App* diff = nullptr;
  CLI::App* archive = nullptr;
  CLI::App* reset = nullptr;
  CLI::App* verify = nullptr;

  bool archived = false;  // list, verify
  std::vector<std::string> diff_files;
  std::string report = "text";
  std::string output;
  bool fail_on_degraded = false;
  std::optional<int> older_than_days;
  std::optional<int> keep;
  bool dry_run = false;
  ScanFlags scan;
};

namespace {

using checkpoint::CheckpointDir;
using checkpoint::StoredFile;

std::string When(const checkpoint::Stamp& s) {
  std::string iso = checkpoint::IsoTimestampMicros(s.unix_us * 1000);
  return s.micros ? iso : iso.substr(0, 19) + "Z";
}

// The stamped checkpoint checkpoint-latest.json repeats (newest first): `name` empty for none;
// `linked` when it is the same file (a hard link, as golden makes it), not a copy.
struct LatestOf {
  std::string name;
  bool linked = false;
};

LatestOf LatestSource(const CheckpointDir& dir, const std::vector<StoredFile>& files) {
  std::error_code ec;
  for (auto it = files.rbegin(); it != files.rend(); ++it) {
    if (it->kind == StoredFile::Kind::kCheckpoint && fs::equivalent(it->path, dir.latest(), ec)) {
      return {it->name, true};
    }
  }
  auto latest = ReadFile(dir.latest(), kMaxCheckpointBytes);
  if (!latest.ok()) return {};
  for (auto it = files.rbegin(); it != files.rend(); ++it) {
    if (it->kind != StoredFile::Kind::kCheckpoint) continue;
    if (fs::file_size(it->path, ec) != latest->size() || ec) continue;
    auto text = ReadFile(it->path, kMaxCheckpointBytes);
    if (text.ok() && *text == *latest) return {it->name, false};
  }
  return {};
}

int List(const Subcommands::Flags& f) {
  fs::path root;
  auto dir = FindCheckpointDir(&root);
  if (!dir.ok()) return Fail(kExitUsage, dir.status().message());
  auto files = dir->List(f.archived);
  if (!files.ok()) return Fail(kExitViolations, files.status().message());
  size_t checkpoints = 0;
  for (size_t i = 0; i < files->size(); ++i) {
    const StoredFile& file = (*files)[i];
    if (file.kind != StoredFile::Kind::kCheckpoint) {
      bool paired = i > 0 && (*files)[i - 1].kind == StoredFile::Kind::kCheckpoint &&
                    (*files)[i - 1].stamp == file.stamp;
      if (!paired)
        std::printf("%s  (drift without its checkpoint)  %s\n", When(file.stamp).c_str(),
                    file.name.c_str());
      continue;
    }
    ++checkpoints;
    std::error_code ec;
    uintmax_t size = fs::file_size(file.path, ec);
    std::string line = When(file.stamp) + "  " + file.name + "  " +
                       (ec ? std::string("?") : std::to_string(size)) + " bytes";
    if (i + 1 < files->size() && (*files)[i + 1].kind == StoredFile::Kind::kDrift &&
        (*files)[i + 1].stamp == file.stamp) {
      line += "  drift: " + (*files)[i + 1].name;
    }
    std::printf("%s\n", line.c_str());
  }
  if (checkpoints == 0) {
    std::printf("No checkpoints in %s\n",
                DisplayPath(f.archived ? dir->archive() : dir->path()).c_str());
  }
  if (!f.archived) {
    std::error_code ec;
    if (!fs::exists(dir->latest(), ec)) {
      std::printf("latest: none\n");
    } else {
      std::string source = LatestSource(*dir, *files).name;
      std::printf("latest: %s\n", source.empty()
                                      ? "checkpoint-latest.json (a copy of no listed checkpoint)"
                                      : source.c_str());
    }
  }
  return kExitOk;
}

// A checkpoint named on the command line: a path, or a file name in the checkpoints folder.
std::optional<fs::path> ResolveCheckpoint(const std::string& name) {
  std::error_code ec;
  if (fs::exists(name, ec)) return fs::path(name);
  fs::path root;
  auto dir = FindCheckpointDir(&root);
  if (dir.ok()) {
    for (const fs::path& p : {dir->path() / name, dir->archive() / name}) {
      if (fs::exists(p, ec)) return p;
    }
  }
  return std::nullopt;
}

int Diff(const Subcommands::Flags& f) {
  auto format = checkpoint::ParseDriftFormat(f.report);
  if (!format) return Fail(kExitUsage, "--report must be text, markdown or json");
  std::vector<checkpoint::State> states;
  for (const std::string& name : f.diff_files) {
    std::optional<fs::path> path = ResolveCheckpoint(name);
    if (!path) {
      return Fail(kExitUsage, "no checkpoint '" + EscapeInvalidUtf8(name) +
                                  "' (neither a file nor a name in the checkpoints folder)");
    }
    auto state = ReadCheckpoint(*path);
    if (!state.ok()) return Fail(kExitViolations, state.status().ToString());
    states.push_back(std::move(state).value());
  }
  checkpoint::Drift drift = checkpoint::ComputeDrift(&states[0], states[1]);
  bool degraded = !drift.compliance_degraded.empty();
  std::string text = checkpoint::RenderDrift(
      checkpoint::MakeDriftReport(states[1], &states[0], std::move(drift)), *format);
  if (f.output.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    Status written = WriteFileAtomic(f.output, text);
    if (!written.ok()) return Fail(kExitViolations, written.message());
    std::printf("Report written to: %s\n", f.output.c_str());
  }
  return f.fail_on_degraded && degraded ? kExitViolations : kExitOk;
}

int Archive(const Subcommands::Flags& f) {
  if (!f.older_than_days && !f.keep) {
    return Fail(kExitUsage, "archive needs --older-than DAYS, --keep N or both");
  }
  auto clock = MakeClock();
  if (!clock.ok()) return Fail(kExitUsage, clock.status().message());
  fs::path root;
  auto dir = FindCheckpointDir(&root);
  if (!dir.ok()) return Fail(kExitUsage, dir.status().message());
  auto lock = dir->Acquire();
  if (!lock.ok()) return Fail(kExitViolations, lock.status().message());
  dir->RemoveStaleTemporaries();
  auto files = dir->List();
  if (!files.ok()) return Fail(kExitViolations, files.status().message());

  int64_t now_us = (*clock)->NowNs() / 1000;
  auto old_enough = [&](const StoredFile& file) {
    return !f.older_than_days ||
           now_us - file.stamp.unix_us > int64_t{*f.older_than_days} * 86'400'000'000;
  };
  std::vector<const StoredFile*> checkpoints;
  for (const StoredFile& file : *files) {
    if (file.kind == StoredFile::Kind::kCheckpoint) checkpoints.push_back(&file);
  }
  // The newest --keep checkpoints stay; a drift file goes with the checkpoints older than
  // every kept one.
  size_t keep = f.keep ? std::min<size_t>(static_cast<size_t>(*f.keep), checkpoints.size()) : 0;
  std::optional<checkpoint::Stamp> oldest_kept;
  if (keep > 0) oldest_kept = checkpoints[checkpoints.size() - keep]->stamp;
  size_t moved = 0, kept = 0;
  for (const StoredFile& file : *files) {
    bool go = old_enough(file) && (!oldest_kept || file.stamp < *oldest_kept);
    if (!go) {
      if (file.kind == StoredFile::Kind::kCheckpoint) ++kept;
      continue;
    }
    if (!f.dry_run) {
      Status st = dir->Archive(file.path, file.name);
      if (!st.ok()) return Fail(kExitViolations, st.message());
    }
    std::printf("%s %s\n", f.dry_run ? "Would archive:" : "Archived:", file.name.c_str());
    ++moved;
  }
  std::printf("%s %zu file(s) to %s; %zu checkpoint(s) kept, and checkpoint-latest.json.\n",
              f.dry_run ? "Would archive" : "Archived", moved, DisplayPath(dir->archive()).c_str(),
              kept);
  return kExitOk;
}

int ResetBaseline(const Subcommands::Flags& f) {
  auto clock = MakeClock();
  if (!clock.ok()) return Fail(kExitUsage, clock.status().message());
  fs::path root;
  auto dir = FindCheckpointDir(&root);
  if (!dir.ok()) return Fail(kExitUsage, dir.status().message());
  Console console(f.scan.quiet, false);
  PauseHook pause;
  auto lock = dir->Acquire();
  if (!lock.ok()) return Fail(kExitViolations, lock.status().message());
  dir->RemoveStaleTemporaries();

  console.Say("Generating current state snapshot...");
  int64_t now = (*clock)->NowNs();
  Failure failure;
  std::optional<checkpoint::State> state = TakeState(root, f.scan, {}, now, &failure);
  if (!state) return Fail(failure.code, failure.message);
  std::string text = checkpoint::SerializeState(*state);
  auto files = dir->List();
  if (!files.ok()) return Fail(kExitViolations, files.status().message());

  // The new baseline is written before anything moves, and checkpoint-latest.json is replaced
  // (atomically) last: killed at any point, the folder still has a valid latest checkpoint.
  auto stamp = dir->WriteCheckpoint(checkpoint::StampAt(now), text);
  if (!stamp.ok()) return Fail(kExitViolations, stamp.status().message());
  std::string name = checkpoint::CheckpointName(*stamp);
  pause.At("after-checkpoint");
  for (const StoredFile& file : *files) {
    Status st = dir->Archive(file.path, file.name);
    if (!st.ok()) return Fail(kExitViolations, st.message());
    console.Say("Archived: " + file.name);
  }
  auto old_latest = ReadFile(dir->latest(), kMaxCheckpointBytes);
  if (old_latest.ok()) {
    // Kept as it was (even if damaged): it may be the only copy of the last state.
    std::string kept = "latest-before-" + stamp->ToString() + ".json";
    auto written = WriteNewFileAtomic(dir->archive() / kept, *old_latest);
    if (!written.ok()) return Fail(kExitViolations, written.status().message());
    console.Say("Archived: checkpoint-latest.json as " + kept);
  } else if (old_latest.status().code() != StatusCode::kNotFound) {
    return Fail(kExitViolations, old_latest.status().message());
  }
  pause.At("after-archive");
  Status latest = dir->WriteLatest(*stamp, text);
  if (!latest.ok()) return Fail(kExitViolations, latest.message());
  console.Say("Checkpoint saved: " + DisplayPath(dir->path() / name));
  console.Say("New baseline: " + std::to_string(state->summary.total_repositories) +
              " repositories, " + std::to_string(state->summary.compliant) + " compliant");
  return kExitOk;
}

// A drift file is the drift object of a run: JSON with has_drift and changes.
Status CheckDriftFile(const fs::path& path) {
  auto text = ReadFile(path, kMaxCheckpointBytes);
  if (!text.ok()) return text.status();
  auto doc = ParseJson(*text, DisplayPath(path));
  if (!doc.ok()) return doc.status();
  const Value* has_drift = doc->Find("has_drift");
  const Value* changes = doc->Find("changes");
  if (!doc->IsObject() || !has_drift || !has_drift->IsBool() || !changes || !changes->IsObject()) {
    return InvalidArgument(DisplayPath(path) + ": not a drift report (has_drift, changes)");
  }
  return Status::Ok();
}

int Verify(const Subcommands::Flags& f) {
  fs::path root;
  auto dir = FindCheckpointDir(&root);
  if (!dir.ok()) return Fail(kExitUsage, dir.status().message());
  std::vector<StoredFile> all;
  for (bool archived : {false, true}) {
    if (archived && !f.archived) continue;
    auto files = dir->List(archived);
    if (!files.ok()) return Fail(kExitViolations, files.status().message());
    all.insert(all.end(), files->begin(), files->end());
  }
  size_t checked = 0, failed = 0;
  auto report = [&](const std::string& name, const Status& st, const std::string& detail) {
    ++checked;
    if (st.ok()) {
      std::printf("OK    %s%s\n", name.c_str(), detail.c_str());
    } else {
      ++failed;
      std::printf("FAIL  %s: %s\n", name.c_str(), st.ToString().c_str());
    }
  };
  auto check_state = [&](const fs::path& path, const std::string& name, std::string extra) {
    auto state = ReadCheckpoint(path);
    std::string detail;
    if (state.ok()) {
      detail = "  (" + std::to_string(state->repos.size()) + " repositories, checksum " +
               state->checksum + ")" + extra;
    }
    report(name, state.ok() ? Status::Ok() : state.status(), detail);
  };
  for (const StoredFile& file : all) {
    std::string name = (file.path.parent_path() == dir->archive() ? "archive/" : "") + file.name;
    if (file.kind == StoredFile::Kind::kCheckpoint) {
      check_state(file.path, name, "");
    } else {
      report(name, CheckDriftFile(file.path), "");
    }
  }
  std::error_code ec;
  if (fs::exists(dir->latest(), ec)) {
    LatestOf source = LatestSource(*dir, all);
    check_state(dir->latest(), std::string(checkpoint::kLatestFile),
                source.name.empty() ? ""
                : source.linked     ? ", the same file as " + source.name
                                    : ", a copy of " + source.name);
  }
  if (checked == 0) {
    std::printf("No checkpoints in %s\n", DisplayPath(dir->path()).c_str());
    return kExitOk;
  }
  if (failed > 0) {
    return Fail(kExitViolations, std::to_string(failed) + " of " + std::to_string(checked) +
                                     " files failed verification");
  }
  return kExitOk;
}

}  // namespace

Subcommands::Subcommands(CLI::App* app) : flags_(std::make_unique<Flags>()) {
  Flags& f = *flags_;
  f.list = app->add_subcommand("list",
                               "list the checkpoints, oldest first, and what "
                               "checkpoint-latest.json is a copy of");
  f.list->add_flag("--archived", f.archived, "list archive/ instead");

  f.diff = app->add_subcommand("diff",
                               "compare two checkpoints (files, or names in the "
                               "checkpoints folder) without scanning: A before, B after");
  f.diff->add_option("A B", f.diff_files, "the two checkpoints")->required()->expected(2);
  f.diff->add_option("--report", f.report, "report format: text|markdown|json (default text)")
      ->type_name("FORMAT");
  f.diff->add_option("-o,--output", f.output, "write the report to FILE")->type_name("FILE");
  f.diff->add_flag("--fail-on-degraded", f.fail_on_degraded,
                   "exit 1 when a repository lost compliance");

  f.archive = app->add_subcommand("archive",
                                  "move old checkpoints and drift files to checkpoints/archive/");
  f.archive->add_option("--older-than", f.older_than_days, "only files older than DAYS")
      ->check(CLI::NonNegativeNumber)
      ->type_name("DAYS");
  f.archive->add_option("--keep", f.keep, "keep the newest N checkpoints")
      ->check(CLI::NonNegativeNumber)
      ->type_name("N");
  f.archive->add_flag("-n,--dry-run", f.dry_run, "say what would move, move nothing");

  f.reset =
      app->add_subcommand("reset-baseline", "archive every checkpoint and record a new baseline");
  f.reset->add_flag("--strict", f.scan.strict, "treat every warning as a violation");
  f.reset->add_flag("-q,--quiet", f.scan.quiet, "no progress or status lines");
  f.reset->add_option("-j,--jobs", f.scan.jobs, std::string(kJobsHelp))->type_name("N");

  f.verify = app->add_subcommand(
      "verify", "check every checkpoint's checksum and consistency, and every drift file");
  f.verify->add_flag("--archived", f.archived, "verify archive/ too");
}

Subcommands::~Subcommands() = default;

CLI::App* Subcommands::Parsed() const {
  for (CLI::App* sub :
       {flags_->list, flags_->diff, flags_->archive, flags_->reset, flags_->verify}) {
    if (sub->parsed()) return sub;
  }
  return nullptr;
}

int Subcommands::Run() const {
  const Flags& f = *flags_;
  if (f.list->parsed()) return List(f);
  if (f.diff->parsed()) return Diff(f);
  if (f.archive->parsed()) return Archive(f);
  if (f.reset->parsed()) return ResetBaseline(f);
  return Verify(f);
}

}  // namespace golden::cli::checkpoint_cli
