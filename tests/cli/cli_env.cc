#include "cli/cli_env.h"

#include <unistd.h>

namespace golden::testing {

GovernanceRoot::GovernanceRoot() {
  dir_.Write(".metaHub/schemas/repo-schema.json",
             ReadFileOrDie(SourceDir() / "schemas/repo-schema.json"));
  dir_.Mkdir("organizations");
}

void GovernanceRoot::CleanRepo(std::string_view rel, int tier) const {
  std::string r(rel);
  Write(r + "/.meta/repo.yaml",
        "type: library\nlanguage: go\ntier: " + std::to_string(tier) + "\n");
  Write(r + "/README.md", "# Repository\n\nA README that is long enough for the README check.\n");
  Write(r + "/.github/CODEOWNERS", "* @org/team\n");
  Write(r + "/.github/workflows/ci.yml", "on: push\npermissions: {contents: read}\njobs: {}\n");
  Write(r + "/tests/a_test.go", "package a\n");
}

ProcessResult GovernanceRoot::Golden(std::vector<std::string> args,
                                     std::map<std::string, std::string> env) const {
  args.insert(args.begin(), GoldenBinary().string());
  env.emplace("SOURCE_DATE_EPOCH", "1767225600");
  env.emplace("PATH", "/usr/bin:/bin");
  return RunProcess(args, env, path());
}

ProcessResult GovernanceRoot::GoldenUnprivileged(std::vector<std::string> args,
                                                 std::string* skip_reason) const {
  if (::geteuid() != 0) return Golden(std::move(args));
  const char* kSetpriv = "/usr/bin/setpriv";
  if (::access(kSetpriv, X_OK) != 0) {
    *skip_reason = "running as root without setpriv: chmod 000 does not stop root's reads";
    return {};
  }
  // nobody must be able to reach the root (mkdtemp made it 0700) and run the binary.
  std::filesystem::permissions(
      path(), std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                  std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                  std::filesystem::perms::others_exec);
  args.insert(args.begin(), GoldenBinary().string());
  args.insert(args.begin(), {kSetpriv, "--reuid=65534", "--regid=65534", "--clear-groups"});
  return RunProcess(args, {{"SOURCE_DATE_EPOCH", "1767225600"}, {"PATH", "/usr/bin:/bin"}}, path());
}

}  // namespace golden::testing
