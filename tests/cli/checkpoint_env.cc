#include "cli/checkpoint_env.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

namespace golden::testing {

namespace fs = std::filesystem;

ExamplePortfolio::ExamplePortfolio() {
  std::error_code ec;
  fs::copy(SourceDir() / "examples/governance", dir_.path(),
           fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
  EXPECT_FALSE(ec) << ec.message();
}

std::map<std::string, std::string> ExamplePortfolio::Env(int64_t epoch) const {
  return {{"SOURCE_DATE_EPOCH", std::to_string(epoch)}, {"PATH", "/usr/bin:/bin"}};
}

ProcessResult ExamplePortfolio::Golden(std::vector<std::string> args, int64_t epoch,
                                       std::map<std::string, std::string> env) const {
  args.insert(args.begin(), GoldenBinary().string());
  for (auto& [k, v] : Env(epoch)) env.emplace(k, v);
  return RunProcess(args, env, root());
}

void ExamplePortfolio::ApplyTheWeeksChanges() const {
  dir_.Write("organizations/beta/new-repo/README.md",
             "# new-repo\n\nA repository added this week, without metadata yet.\n");
  fs::remove_all(root() / "organizations/gamma/meta-empty");
  std::ofstream(root() / "organizations/beta/lib-t3/README.md", std::ios::app)
      << "\nEdited this week.\n";
  std::ofstream(root() / "organizations/alpha/lib-good/Dockerfile", std::ios::app) << "USER root\n";
  std::ofstream(root() / "organizations/gamma/codeowners-comments/.github/CODEOWNERS",
                std::ios::app)
      << "* @example/platform\n";
}

std::string ExamplePortfolio::Mask(std::string text) const {
  const std::string from = root().string();
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), "@ROOT@");
  }
  return text;
}

std::vector<std::string> ExamplePortfolio::CheckpointFiles() const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(checkpoints(), ec)) {
    if (e.is_regular_file()) out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace golden::testing
