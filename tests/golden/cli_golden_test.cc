// CLI golden tests: every tests/golden/cli/<case>.args is run and its stdout, stderr and exit
// status compared with <case>.stdout, <case>.stderr and <case>.exit. See README.md there.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "testing/golden_file.h"
#include "testing/subprocess.h"
#include "testing/temp_dir.h"

namespace golden::testing {
namespace {

namespace fs = std::filesystem;

fs::path Source() {
#ifdef GOLDEN_TEST_SOURCE_DIR
  if (!std::getenv("GOLDEN_SOURCE_DIR")) return GOLDEN_TEST_SOURCE_DIR;
#endif
  return SourceDir();
}

fs::path CaseDir() { return Source() / "tests/golden/cli"; }

std::vector<std::string> Cases() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(CaseDir(), ec)) {
    if (e.path().extension() == ".args") out.push_back(e.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!line.empty() && line[0] != '#') out.push_back(line);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// `golden test` reports how long each test took: "(1.234567ms)" and "duration": 1234567 become
// "(@DURATION@)" and "duration": @DURATION@. (Written by hand: std::regex under GCC 12 -O2 with
// sanitizers trips -Wmaybe-uninitialized in libstdc++.)
std::string MaskDurations(const std::string& s) {
  std::string out;
  size_t i = 0;
  constexpr std::string_view kJson = "\"duration\": ";
  while (i < s.size()) {
    if (s.compare(i, kJson.size(), kJson) == 0) {
      size_t j = i + kJson.size();
      while (j < s.size() && IsDigit(s[j])) ++j;
      if (j > i + kJson.size()) {
        out += std::string(kJson) + "@DURATION@";
        i = j;
        continue;
      }
    }
    if (s[i] == '(') {
      size_t j = i + 1;
      while (j < s.size() && (IsDigit(s[j]) || s[j] == '.')) ++j;
      if (j > i + 1) {
        for (std::string_view unit : {"ns)", "\u00b5s)", "ms)", "s)"}) {
          if (s.compare(j, unit.size(), unit) == 0) {
            out += "(@DURATION@)";
            i = j + unit.size();
            break;
          }
        }
        if (i > j) continue;
      }
    }
    out += s[i++];
  }
  return out;
}

void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (size_t pos = s->find(from); pos != std::string::npos; pos = s->find(from, pos + to.size())) {
    s->replace(pos, from.size(), to);
  }
}

class CliGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(CliGolden, MatchesGolden) {
  const fs::path dir = CaseDir();
  const std::string name = GetParam();
  TempDir tmp;
  // Placeholders in .args/.env: @SRC@ the source folder, @TMP@ a fresh temporary folder.
  auto expand = [&](std::string s) {
    ReplaceAll(&s, "@SRC@", Source().string());
    ReplaceAll(&s, "@TMP@", tmp.path().string());
    return s;
  };
  std::vector<std::string> argv = {GoldenBinary().string()};
  for (const std::string& a : Lines(ReadFileOrDie(dir / (name + ".args")))) {
    argv.push_back(expand(a));
  }
  // A fixed clock and nothing inherited, so the output only depends on the case.
  std::map<std::string, std::string> env = {{"SOURCE_DATE_EPOCH", "1767225600"},
                                            {"PATH", "/usr/bin:/bin"}};
  if (fs::exists(dir / (name + ".env"))) {
    for (const std::string& line : Lines(ReadFileOrDie(dir / (name + ".env")))) {
      size_t eq = line.find('=');
      if (eq != std::string::npos) env[line.substr(0, eq)] = expand(line.substr(eq + 1));
    }
  }
  fs::path cwd = Source() / "examples/governance";
  if (fs::exists(dir / (name + ".cwd"))) {
    auto lines = Lines(ReadFileOrDie(dir / (name + ".cwd")));
    if (!lines.empty()) cwd = expand(lines[0]);
  }
  ProcessResult r = RunProcess(argv, env, cwd);
  auto mask = [&](std::string s) {
    ReplaceAll(&s, tmp.path().string(), "@TMP@");
    ReplaceAll(&s, Source().string(), "@SRC@");
    return MaskDurations(s);
  };
  ExpectMatchesGolden(dir / (name + ".stdout"), mask(r.out));
  ExpectMatchesGolden(dir / (name + ".stderr"), mask(r.err));
  ExpectMatchesGolden(dir / (name + ".exit"), std::to_string(r.exit_code) + "\n");
}

INSTANTIATE_TEST_SUITE_P(Cases, CliGolden, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param;
                           for (char& c : n) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return n;
                         });

}  // namespace
}  // namespace golden::testing
