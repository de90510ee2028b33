#include "cli/common.h"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "base/fs.h"
#include "base/strings.h"
#include "cli/commands.h"
#include "portfolio/root.h"

namespace golden::cli {

std::optional<int> ParseCommandLine(CLI::App* app, std::span<const std::string> args,
                                    std::string_view command) {
  std::vector<std::string> argv(args.rbegin(), args.rend());  // CLI11 wants them reversed
  try {
    app->parse(argv);
  } catch (const CLI::CallForHelp& e) {
    return app->exit(e);
  } catch (const CLI::ParseError& e) {
    std::string name(command);
    std::fprintf(stderr, "golden %s: %s\nRun 'golden %s --help' for the options.\n", name.c_str(),
                 e.what(), name.c_str());
    return kExitUsage;
  }
  return std::nullopt;
}

std::optional<std::string> Env(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr) return std::nullopt;
  return std::string(v);
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

Result<fs::path> WorkingDirectory() {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return IoError("cannot read the working directory: " + ec.message());
  return cwd;
}

Result<fs::path> LocateRoot(const std::optional<fs::path>& target, const fs::path& cwd) {
  portfolio::RootSearch search;
  search.env_root = Env("GOLDEN_PATH_ROOT");
  search.target = target;
  search.cwd = cwd;
  search.executable = portfolio::CurrentExecutable();
  return portfolio::FindGovernanceRoot(search);
}

Result<std::shared_ptr<const portfolio::MetadataSchema>> LoadSchema(
    const std::optional<fs::path>& root, const std::optional<fs::path>& explicit_file,
    std::string* notice) {
  if (explicit_file) return portfolio::MetadataSchema::Load(*explicit_file);
  if (!root) return std::shared_ptr<const portfolio::MetadataSchema>();
  fs::path file = *root / portfolio::kDefaultSchema;
  std::error_code ec;
  if (fs::exists(file, ec)) return portfolio::MetadataSchema::Load(file);
  *notice = "no schema at " + DisplayPath(file) + "; metadata is not validated against a schema";
  return std::shared_ptr<const portfolio::MetadataSchema>();
}

}  // namespace golden::cli
