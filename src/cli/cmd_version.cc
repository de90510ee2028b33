#include <cstdio>

#include "cli/commands.h"

#ifndef GOLDEN_VERSION
#define GOLDEN_VERSION "0.0.0"
#endif

namespace golden::cli {

int RunVersion(const GlobalOptions&, std::span<const std::string>) {
  std::printf("golden %s\n", GOLDEN_VERSION);
  return kExitOk;
}

}  // namespace golden::cli
