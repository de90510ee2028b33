// docs/operations.md, run: every shell block marked `<!-- test: NAME [exit=N] -->` runs in
// order, with bash -eo pipefail, in one copy of examples/governance, with golden on PATH, and
// must end with the stated exit status. So the runbook's procedures are kept true to golden.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "testing/subprocess.h"
#include "testing/temp_dir.h"

namespace golden::testing {
namespace {

namespace fs = std::filesystem;

struct Block {
  std::string name;
  int exit = 0;
  std::string script;
};

// The blocks after each "<!-- test: NAME [exit=N] -->" line (which a ```sh fence follows).
std::vector<Block> TestedBlocks(const std::string& doc) {
  std::vector<Block> out;
  const std::string marker = "\n<!-- test: ", fence = "-->\n```sh\n";
  for (size_t pos = doc.find(marker); pos != std::string::npos; pos = doc.find(marker, pos)) {
    pos += marker.size();
    size_t head_end = doc.find(fence, pos);
    EXPECT_NE(head_end, std::string::npos) << "no ```sh block after " << doc.substr(pos, 40);
    if (head_end == std::string::npos) break;
    std::string head = doc.substr(pos, head_end - pos);  // "NAME [exit=N] "
    Block b;
    b.name = head.substr(0, head.find(' '));
    if (size_t e = head.find("exit="); e != std::string::npos)
      b.exit = std::stoi(head.substr(e + 5));
    size_t start = head_end + fence.size();
    size_t end = doc.find("```\n", start);
    b.script = doc.substr(start, end - start);
    out.push_back(b);
    pos = end;
  }
  return out;
}

TEST(Operations, EveryTestedProcedureOfTheRunbookWorks) {
  for (const char* tool : {"/usr/bin/jq", "/usr/bin/cmp"}) {
    if (!fs::exists(tool)) GTEST_SKIP() << tool << " is not installed";
  }
  std::vector<Block> blocks = TestedBlocks(ReadFileOrDie(SourceDir() / "docs/operations.md"));
  // The procedures the issue lists; a block renamed or dropped from the doc fails here.
  std::vector<std::string> names;
  for (const Block& b : blocks) names.push_back(b.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"init", "shards", "manual", "queries", "daily", "weekly",
                                      "checkpoint-shards", "monthly", "schema", "missing", "drift",
                                      "restore-catalog", "reset-baseline"}));

  TempDir tmp;
  fs::path root = tmp.path() / "governance";
  fs::copy(SourceDir() / "examples/governance", root, fs::copy_options::recursive);
  fs::path bin = tmp.Mkdir("bin");
  fs::create_symlink(GoldenBinary(), bin / "golden");
  std::map<std::string, std::string> env = {{"PATH", bin.string() + ":/usr/bin:/bin"},
                                            {"HOME", tmp.path().string()},
                                            {"SOURCE_DATE_EPOCH", "1767225600"}};
  std::map<std::string, ProcessResult> results;
  for (const Block& b : blocks) {
    ProcessResult r = RunProcess(
        {"/bin/bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", b.script}, env, root);
    EXPECT_EQ(r.exit_code, b.exit) << b.name << ":\n" << b.script << "\n" << r.out << r.err;
    results[b.name] = r;
  }
  // What some procedures must show, beyond their exit status.
  EXPECT_NE(results["init"].out.find("created   .github/workflows/checkpoint.yml"),
            std::string::npos)
      << results["init"].out;
  EXPECT_EQ(results["init"].out.find("replaced"), std::string::npos);
  EXPECT_NE(results["queries"].out.find("Tier 1: 3 repos\n"), std::string::npos)
      << results["queries"].out;
  EXPECT_NE(results["queries"].out.find("alpha/svc-bad-docker: non-compliant\n"),
            std::string::npos);
  EXPECT_NE(results["schema"].out.find("tier: 7 is greater than the maximum of 4"),
            std::string::npos)
      << results["schema"].out;
  EXPECT_TRUE(results["restore-catalog"].out.ends_with("19\n")) << results["restore-catalog"].out;
  EXPECT_TRUE(fs::exists(root / ".metaHub/checkpoints/archive"));
  // The parts put together are the portfolio as the weekly run saw it: no drift.
  EXPECT_EQ(results["checkpoint-shards"].out, "false\n");
}

}  // namespace
}  // namespace golden::testing
