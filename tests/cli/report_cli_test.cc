// golden enforce's CI report formats and golden merge, as processes on the example portfolio:
// SARIF against the published schema, several formats at once, shards merged back.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "testing/json_schema.h"
#include "testing/subprocess.h"
#include "testing/temp_dir.h"
#include "value/json.h"

namespace golden::testing {
namespace {

namespace fs = std::filesystem;

fs::path Examples() { return SourceDir() / "examples/governance"; }

// golden in the example governance root, with the fixed clock of the golden files.
ProcessResult Golden(std::vector<std::string> args, const fs::path& cwd = Examples()) {
  args.insert(args.begin(), GoldenBinary().string());
  return RunProcess(args, {{"SOURCE_DATE_EPOCH", "1767225600"}, {"PATH", "/usr/bin:/bin"}}, cwd);
}

TEST(ReportCli, SarifOfTheExamplePortfolioValidatesAgainstSarif210) {
  fs::path schema_file = SharedDir() / "schemas/sarif-schema-2.1.0.json";
  if (!fs::exists(schema_file)) GTEST_SKIP() << "no SARIF schema at " << schema_file;
  auto schema = JsonSchema::Load(schema_file, JsonSchema::Draft::k4);
  ASSERT_TRUE(schema);
  // The schema does reject: a result without a message.
  EXPECT_FALSE(schema
                   ->Validate(R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"g"}},)"
                              R"("results":[{"ruleId":"x"}]}]})")
                   .empty());
  for (std::string target : {"organizations", "organizations/alpha",
                             "organizations/alpha/svc-bad-docker", "organizations/zeta-empty"}) {
    ProcessResult r = Golden({"enforce", target, "--report", "sarif"});
    EXPECT_LE(r.exit_code, 1) << r.err;
    std::vector<std::string> errors = schema->Validate(r.out);
    EXPECT_TRUE(errors.empty()) << target << ": " << errors.front();
  }
  ProcessResult all = Golden({"enforce", "--report", "sarif"});
  auto v = ParseJson(all.out);
  ASSERT_TRUE(v.ok());
  const Value& results = *v->Find("runs")->GetArray()[0].Find("results");
  auto text = ParseJson(Golden({"enforce", "--report", "json"}).out);
  ASSERT_TRUE(text.ok());
  // One result per violation and warning of the JSON report, and one suppressed result per
  // waived finding that is not info.
  int64_t suppressed = 0;
  for (const Value& result : results.GetArray()) {
    if (result.Find("suppressions") != nullptr) ++suppressed;
  }
  int64_t waived = 0;
  for (const Value& org : text->Find("organizations")->GetArray()) {
    for (const Value& repo : org.Find("repos")->GetArray()) {
      for (const Value& f : repo.Find("waived")->GetArray()) {
        if (f.Find("severity")->GetString() != "info") ++waived;
      }
    }
  }
  EXPECT_GT(waived, 0);  // the example has a waiver and policy exceptions
  EXPECT_EQ(suppressed, waived);
  EXPECT_EQ(static_cast<int64_t>(results.Size()) - suppressed,
            *text->FindPath({"summary", "total_violations"})->AsInt64() +
                *text->FindPath({"summary", "total_warnings"})->AsInt64());
}

TEST(ReportCli, SeveralFormatsAtOnceWriteOneFilePerFormat) {
  TempDir tmp;
  fs::path out = tmp.path() / "out";
  ProcessResult r = Golden({"enforce", "--report", "json", "--report", "sarif", "--report", "junit",
                            "--report", "markdown", "--report", "github", "--report", "text",
                            "--report", "json", "-o", out.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the examples have violations
  std::string expected_out;
  for (std::string f : {"json", "sarif", "junit.xml", "md", "github.txt", "txt"}) {
    expected_out += "Report written to: " + (out / ("enforce." + f)).string() + "\n";
  }
  EXPECT_EQ(r.out, expected_out);
  const std::map<std::string, std::string> files = {
      {"json", "enforce.json"},   {"sarif", "enforce.sarif"},       {"junit", "enforce.junit.xml"},
      {"markdown", "enforce.md"}, {"github", "enforce.github.txt"}, {"text", "enforce.txt"}};
  for (const auto& [format, file] : files) {
    EXPECT_EQ(ReadFileOrDie(out / file), Golden({"enforce", "--report", format}).out) << format;
  }
  // Exactly those files: no temporary left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator()), 6);
  // One format into an existing folder names the file the same way.
  ProcessResult one = Golden({"enforce", "-q", "--report", "sarif", "-o", tmp.path().string()});
  EXPECT_EQ(one.out, "");
  EXPECT_EQ(ReadFileOrDie(tmp.path() / "enforce.sarif"), ReadFileOrDie(out / "enforce.sarif"));
}

TEST(ReportCli, SeveralFormatsWithoutAFolderIsAUsageError) {
  ProcessResult r = Golden({"enforce", "--report", "json", "--report", "sarif"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "golden enforce: several --report formats need -o DIR (one file per format)\n");
  EXPECT_EQ(r.out, "");
  ProcessResult bad = Golden({"enforce", "--report", "json", "--report", "xml", "-o", "/tmp"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err,
            "golden enforce: --report must be one of text|json|sarif|junit|github|markdown, "
            "not 'xml'\n");
}

TEST(ReportCli, ShardsPartitionThePortfolioAndMergeIntoTheWholeReport) {
  TempDir tmp;
  const int n = 3;
  std::vector<std::string> shard_files;
  int64_t repos = 0;
  for (int k = 1; k <= n; ++k) {
    std::string file = (tmp.path() / ("shard-" + std::to_string(k) + ".json")).string();
    ProcessResult r =
        Golden({"enforce", "-q", "--shard", std::to_string(k) + "/" + std::to_string(n), "--report",
                "json", "-o", file});
    EXPECT_LE(r.exit_code, 1) << r.err;
    auto v = ParseJson(ReadFileOrDie(file));
    ASSERT_TRUE(v.ok());
    repos += *v->FindPath({"summary", "total_repos"})->AsInt64();
    EXPECT_EQ(*v->FindPath({"shard", "index"}), Value::Int(k));
    shard_files.push_back(file);
  }
  EXPECT_EQ(repos, 19);  // every repository of the examples, each in one shard
  for (std::string format : {"json", "sarif", "junit", "text", "markdown"}) {
    std::vector<std::string> args = {"merge", "--report", format};
    // In reverse order: the order of the files does not matter.
    args.insert(args.end(), shard_files.rbegin(), shard_files.rend());
    ProcessResult merged = Golden(args);
    EXPECT_EQ(merged.exit_code, 1) << merged.err;
    EXPECT_EQ(merged.out, Golden({"enforce", "--report", format}).out) << format;
  }
  // A missing shard is an error that names it.
  ProcessResult partial = Golden({"merge", shard_files[0], shard_files[2]});
  EXPECT_EQ(partial.exit_code, 2);
  EXPECT_EQ(partial.err, "golden merge: shard 2/3 is missing\n");
}

TEST(ReportCli, ShardsOfAnOrganizationMergeToo) {
  TempDir tmp;
  std::vector<std::string> args = {"merge"};
  for (int k = 1; k <= 2; ++k) {
    std::string file = (tmp.path() / ("s" + std::to_string(k) + ".json")).string();
    Golden({"enforce", "organizations/beta", "-q", "--shard", std::to_string(k) + "/2",
            "--report", "json", "-o", file});
    args.push_back(file);
  }
  for (std::string format : {"json", "sarif", "junit", "github"}) {
    std::vector<std::string> with_format = args;
    with_format.insert(with_format.end(), {"--report", format});
    EXPECT_EQ(Golden(with_format).out,
              Golden({"enforce", "organizations/beta", "--report", format}).out)
        << format;
  }
}

TEST(ReportCli, ShardFlagIsChecked) {
  ProcessResult r = Golden({"enforce", "--shard", "4/3"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "golden enforce: --shard must be K/N with 1 <= K <= N <= 1024 (e.g. 2/4), not "
            "'4/3'\n");
}

}  // namespace
}  // namespace golden::testing
