#include "testing/golden_file.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace golden::testing {

namespace {

std::vector<std::string> Lines(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == '\n') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

}  // namespace

void ExpectMatchesGolden(const std::filesystem::path& expected_path, std::string_view actual) {
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::filesystem::create_directories(expected_path.parent_path());
    std::ofstream out(expected_path, std::ios::binary);
    out << actual;
    return;
  }
  std::ifstream in(expected_path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "missing golden file " << expected_path
                  << " (run with UPDATE_GOLDEN=1 to create it)";
    return;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string expected = ss.str();
  if (expected == actual) return;
  auto e = Lines(expected);
  auto a = Lines(actual);
  std::ostringstream diff;
  size_t shown = 0;
  for (size_t i = 0; i < std::max(e.size(), a.size()) && shown < 20; ++i) {
    std::string el = i < e.size() ? e[i] : "<eof>";
    std::string al = i < a.size() ? a[i] : "<eof>";
    if (el != al) {
      diff << "line " << (i + 1) << ":\n  - " << el << "\n  + " << al << "\n";
      ++shown;
    }
  }
  if (shown == 0) diff << "(only trailing whitespace/newlines differ)\n";
  ADD_FAILURE() << "output differs from " << expected_path
                << " (UPDATE_GOLDEN=1 rewrites it):\n"
                << diff.str();
}

}  // namespace golden::testing
