#include "cli/context.h"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "base/fs.h"
#include "base/strings.h"
#include "cli/commands.h"
#include "policy/policy_set.h"
#include "policy/waivers.h"

namespace golden::cli {

namespace fs = std::filesystem;

namespace {

/// Where a governance root keeps its policies and waivers.
constexpr std::string_view kPolicyDir = ".metaHub/policies";
constexpr std::string_view kWaiversFile = ".metaHub/waivers.yaml";

/// What waivers match: org/name (the name alone for a repository outside organizations).
std::string FullName(const portfolio::RepoRef& ref) {
  return ref.org.empty() ? ref.name : ref.org + "/" + ref.name;
}

}  // namespace

int ParseAndRun(CLI::App& app, std::string_view command, std::span<const std::string> args,
                const std::function<int()>& run) {
  std::vector<std::string> argv(args.rbegin(), args.rend());  // CLI11 wants them reversed
  try {
    app.parse(argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "golden %.*s: %s\nRun 'golden %.*s --help' for the options.\n",
                 static_cast<int>(command.size()), command.data(), e.what(),
                 static_cast<int>(command.size()), command.data());
    return kExitUsage;
  }
  try {
    return run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "golden %.*s: internal error: %s\n", static_cast<int>(command.size()),
                 command.data(), e.what());
    return kExitInternal;
  }
}

std::string NameList(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out.push_back('|');
    out.append(n);
  }
  return out;
}

std::optional<std::string> Env(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr) return std::nullopt;
  return std::string(v);
}

Result<std::unique_ptr<Clock>> MakeClock() {
  std::optional<std::string> v = Env("SOURCE_DATE_EPOCH");
  if (!v || v->empty()) return std::unique_ptr<Clock>(std::make_unique<SystemClock>());
  char* end = nullptr;
  errno = 0;
  long long secs = std::strtoll(v->c_str(), &end, 10);
  if (errno != 0 || end == v->c_str() || *end != '\0' || secs < 0) {
    return InvalidArgument("SOURCE_DATE_EPOCH must be a whole number of seconds (got '" +
                           EscapeInvalidUtf8(*v) + "')");
  }
  return std::unique_ptr<Clock>(std::make_unique<FixedClock>(secs * 1'000'000'000));
}

Result<bool> GovernStrict() {
  std::optional<std::string> v = Env("GOVERN_STRICT");
  if (!v) return false;
  std::string lower = AsciiLower(TrimSpace(*v));
  if (lower == "true" || lower == "1") return true;
  if (lower.empty() || lower == "false" || lower == "0") return false;
  return InvalidArgument("GOVERN_STRICT must be true, 1, false or 0 (got '" +
                         EscapeInvalidUtf8(*v) + "')");
}

portfolio::RootSearch ProcessRootSearch(const fs::path& cwd, std::optional<fs::path> target) {
  portfolio::RootSearch search;
  search.env_root = Env("GOLDEN_PATH_ROOT");
  search.target = std::move(target);
  search.cwd = cwd;
  search.executable = portfolio::CurrentExecutable();
  return search;
}

Result<PolicyChoice> ChoosePolicies(const std::optional<fs::path>& root, const PolicyFlags& flags,
                                    const portfolio::Target& target, unsigned threads,
                                    int64_t now_ns) {
  PolicyChoice choice;
  if (root) {
    auto waivers = policy::WaiverSet::Load(*root / kWaiversFile, std::string(kWaiversFile),
                                           policy::UtcDate(now_ns));
    if (!waivers.ok()) return waivers.status();
    if (!(*waivers)->empty()) choice.waivers = *waivers;
  }
  fs::path dir;
  std::error_code ec;
  if (!flags.dir.empty()) {
    dir = flags.dir;
    if (!fs::is_directory(dir, ec)) {
      return InvalidArgument("--policies: " + DisplayPath(dir) + " is not a folder");
    }
  } else if (root) {
    dir = *root / kPolicyDir;
  } else {
    return choice;
  }
  auto files = policy::PolicyFiles(dir);
  if (!files.ok()) return files.status();
  if (files->empty()) return choice;
  policy::PolicyOptions options;
  options.v0_compatible = flags.v0_compatible;
  options.now_ns = now_ns;
  if (root) options.display_base = *root;
  // Only now that there are policies: data.golden.portfolio reads every repository's
  // metadata once more. It is the whole portfolio of the root whatever the run checks (one
  // organization, one repository, one shard), so cross-repository rules ("a name used twice")
  // judge a repository the same way in every run.
  std::optional<portfolio::Target> whole;
  if (root && target.scope != portfolio::Scope::kPortfolio) {
    portfolio::TargetRequest request;
    request.path = *root / portfolio::kOrganizations;
    request.root = *root;
    request.cwd = *root;
    request.scope = portfolio::Scope::kPortfolio;
    auto resolved = portfolio::ResolveTarget(request);
    if (resolved.ok()) whole = std::move(*resolved);
  }
  Value portfolio = policy::BuildPortfolio(whole ? whole->Repos() : target.Repos(), threads);
  auto set = policy::PolicySet::Load(dir, portfolio, options);
  if (!set.ok()) {
    return InvalidArgument("the policies in " + DisplayPath(dir) + " do not compile:\n" +
                           set.status().message());
  }
  choice.policies = *set;
  return choice;
}

void ReportUnusedWaivers(const PolicyChoice& choice, const portfolio::Target& target,
                         std::string_view command) {
  if (!choice.waivers) return;
  std::vector<std::string> names;
  for (const portfolio::RepoRef* ref : target.Repos()) names.push_back(FullName(*ref));
  for (const std::string& m : choice.waivers->UnusedMessages(names)) {
    std::fprintf(stderr, "golden %.*s: warning: %s\n", static_cast<int>(command.size()),
                 command.data(), m.c_str());
  }
}

portfolio::EnforceOptions CheckingOptions(bool strict, const portfolio::MetadataSchema* schema,
                                          unsigned threads, const PolicyChoice& policies) {
  portfolio::EnforceOptions options;
  options.checks.strict = strict;
  options.checks.schema = schema;
  options.threads = threads;
  options.scan.sizes = false;
  if (policies.policies) {
    options.scan.sizes = true;  // input.files[_].size
    options.rules = policies.policies->Rules();
  }
  if (policies.policies || policies.waivers) {
    options.add_findings = [set = policies.policies, waivers = policies.waivers](
                               const portfolio::RepoSnapshot& snapshot,
                               std::vector<report::Finding>* findings) {
      if (set) set->AddFindings(snapshot, findings);
      if (waivers) {
        waivers->Apply(FullName(snapshot.ref), findings);
      }
    };
  }
  return options;
}

Result<SchemaChoice> ChooseSchema(const std::optional<fs::path>& root,
                                  const std::string& explicit_file) {
  SchemaChoice choice;
  fs::path file;
  if (!explicit_file.empty()) {
    file = explicit_file;
  } else if (root) {
    file = *root / portfolio::kDefaultSchema;
    std::error_code ec;
    if (!fs::exists(file, ec)) {
      choice.missing_default = file;
      return choice;
    }
  } else {
    return choice;
  }
  auto loaded = portfolio::MetadataSchema::Load(file);
  if (!loaded.ok()) return InvalidArgument(loaded.status().ToString());
  choice.schema = *loaded;
  return choice;
}

Result<fs::path> WorkingDirectory() {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return IoError("cannot read the working directory: " + ec.message());
  return cwd;
}

Result<fs::path> LocateRoot(const std::optional<fs::path>& target, const fs::path& cwd) {
  return portfolio::FindGovernanceRoot(ProcessRootSearch(cwd, target));
}

}  // namespace golden::cli
