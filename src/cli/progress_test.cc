#include "cli/progress.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

namespace golden::cli {
namespace {

std::string Contents(std::FILE* f) {
  std::fflush(f);
  std::string out;
  std::rewind(f);
  char buf[256];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return out;
}

TEST(Progress, ShowsCountsThenErasesItsLine) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  {
    Progress p(f, 10, std::chrono::milliseconds(0), /*enabled=*/true);
    p.Tick();
    p.Tick();
    // Wait (without a time limit that could make the test flaky) for the first line.
    for (int i = 0; i < 5000; ++i) {
      std::fflush(f);
      if (std::ftell(f) > 0) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    p.Finish();
  }
  std::string out = Contents(f);
  EXPECT_EQ(out.rfind("\rgolden: checked ", 0), 0u) << out;
  EXPECT_NE(out.find("/10 repositories"), std::string::npos) << out;
  EXPECT_EQ(out.substr(out.size() - 4), "\r\033[K");
  std::fclose(f);
}

TEST(Progress, SilentWhenDisabledOrQuick) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  {
    Progress off(f, 10, std::chrono::milliseconds(0), /*enabled=*/false);
    off.Tick();
  }
  {
    Progress quick(f, 10, std::chrono::hours(1), /*enabled=*/true);
    quick.Tick();
  }  // finished long before the delay: nothing printed
  EXPECT_EQ(Contents(f), "");
  std::fclose(f);
}

}  // namespace
}  // namespace golden::cli
