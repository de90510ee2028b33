// Helpers shared by golden checkpoint and its subcommands (checkpoint_cli.h).
#include "cli/checkpoint_cli.h"

#include <unistd.h>

#include <cstdio>

#include "base/fs.h"
#include "checkpoint/file_set.h"
#include "checkpoint/take.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/progress.h"
#include "portfolio/root.h"
#include "portfolio/shard.h"
#include "portfolio/target.h"

#ifndef GOLDEN_VERSION
#define GOLDEN_VERSION "0.0.0"
#endif

namespace golden::cli {

namespace checkpoint_cli {

int Fail(int code, const std::string& message) {
  std::fprintf(stderr, "golden checkpoint: %s\n", message.c_str());
  return code;
}

void Console::Say(const std::string& line) const {
  if (out_ == nullptr) return;
  std::fprintf(out_, "%s\n", line.c_str());
  std::fflush(out_);
}

PauseHook::PauseHook() : step_(Env("GOLDEN_TEST_CHECKPOINT_PAUSE").value_or("")) {}

void PauseHook::At(std::string_view step) const {
  if (step_.empty() || step_ != step) return;
  std::fprintf(stderr, "golden checkpoint: paused at %s\n", step_.c_str());
  std::fflush(stderr);
  while (true) ::pause();  // until a signal ends the process
}

Result<checkpoint::State> ReadCheckpoint(const fs::path& path) {
  auto text = ReadFile(path, kMaxCheckpointBytes);
  if (!text.ok()) return text.status();
  return checkpoint::ParseState(*text, DisplayPath(path));
}

Result<checkpoint::CheckpointDir> FindCheckpointDir(fs::path* root) {
  GOLDEN_ASSIGN_OR_RETURN(fs::path cwd, WorkingDirectory());
  GOLDEN_ASSIGN_OR_RETURN(*root, LocateRoot(std::nullopt, cwd));
  return checkpoint::CheckpointDir(*root / checkpoint::kCheckpointsDir);
}

std::optional<checkpoint::State> TakeState(const fs::path& root, const ScanFlags& flags,
                                           std::function<const checkpoint::State*()> previous,
                                           int64_t now_ns, Failure* failure) {
  auto fail = [&](int code, std::string message) {
    *failure = Failure{code, std::move(message)};
    return std::nullopt;
  };
  auto strict_env = GovernStrict();
  if (!strict_env.ok()) return fail(kExitUsage, strict_env.status().message());
  auto config = checkpoint::LoadCheckpointConfig(root / checkpoint::kCheckpointConfig);
  if (!config.ok()) return fail(kExitUsage, config.status().ToString());
  auto schema = ChooseSchema(root, "");
  if (!schema.ok()) return fail(kExitUsage, schema.status().ToString());
  if (!schema->schema && !flags.quiet) {
    std::fprintf(stderr,
                 "golden checkpoint: warning: no schema at %s; metadata is not validated against "
                 "a schema\n",
                 DisplayPath(schema->missing_default).c_str());
  }
  fs::path orgs = root / portfolio::kOrganizations;
  std::error_code ec;
  if (!fs::is_directory(orgs, ec)) {
    return fail(kExitViolations, "no organizations folder at " + DisplayPath(orgs));
  }
  portfolio::TargetRequest request;
  request.path = orgs;
  request.root = root;
  request.cwd = root;
  request.scope = portfolio::Scope::kPortfolio;
  auto target = portfolio::ResolveTarget(request);
  if (!target.ok()) return fail(kExitViolations, target.status().message());
  // Judged exactly as enforce judges (cli/context.h), so "compliant" means one thing.
  auto policies = ChoosePolicies(root, {}, *target, flags.jobs, now_ns);
  if (!policies.ok()) return fail(kExitUsage, policies.status().message());
  if (flags.shard) portfolio::SelectShard(&*target, *flags.shard);

  checkpoint::TakeOptions options;
  options.enforce =
      CheckingOptions(flags.strict || *strict_env, schema->schema.get(), flags.jobs, *policies);
  options.files = config->files;
  options.previous = std::move(previous);
  options.generator = std::string("golden ") + GOLDEN_VERSION;
  Progress progress(stderr, target->Repos().size(), std::chrono::seconds(1),
                    !flags.quiet && ::isatty(STDERR_FILENO) == 1);
  options.enforce.on_repo_done = [&progress] { progress.Tick(); };
  auto state = checkpoint::TakeCheckpoint(*target, options, now_ns);
  progress.Finish();
  if (!state.ok()) return fail(kExitViolations, state.status().message());
  return std::move(state).value();
}

}  // namespace checkpoint_cli

}  // namespace golden::cli
