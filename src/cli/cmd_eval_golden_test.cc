// Runs every case of tests/golden/cli/eval (see its README) through golden eval in-process
// and compares with expected.out.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/cmd_eval.h"
#include "testing/golden_file.h"
#include "testing/temp_dir.h"

namespace golden::cli {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    if (nl > start) out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

class EvalGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(EvalGoldenTest, MatchesExpected) {
  fs::path dir = golden::testing::SourceDir() / "tests/golden/cli/eval" / GetParam();
  std::vector<std::string> args = Lines(golden::testing::ReadFileOrDie(dir / "cmd"));
  fs::path saved = fs::current_path();
  fs::current_path(dir);
  EvalStreams io;
  int code = RunEvalWith(args, &io);
  fs::current_path(saved);
  std::string actual = io.out;
  if (!io.err.empty()) actual += "--- stderr\n" + io.err;
  actual += "--- exit " + std::to_string(code) + "\n";
  golden::testing::ExpectMatchesGolden(dir / "expected.out", actual);
}

std::vector<std::string> Cases() {
  std::vector<std::string> out;
  fs::path root = golden::testing::SourceDir() / "tests/golden/cli/eval";
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.is_directory() && fs::exists(e.path() / "cmd")) out.push_back(e.path().filename());
  }
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Cases, EvalGoldenTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

}  // namespace
}  // namespace golden::cli
