#include "report/finding.h"

#include <gtest/gtest.h>

namespace golden::report {
namespace {

Finding F(std::string check, std::string rule, std::string file, int line, std::string msg) {
  return report::MakeFinding(std::move(check), std::move(rule), Severity::kError, std::move(msg),
                             std::move(file), line);
}

TEST(Finding, SeverityNames) {
  EXPECT_EQ(SeverityName(Severity::kError), "error");
  EXPECT_EQ(SeverityName(Severity::kWarning), "warning");
  EXPECT_EQ(SeverityName(Severity::kInfo), "info");
}

TEST(Finding, ChecksRankInTheOriginalsOrder) {
  EXPECT_LT(CheckRank("metadata"), CheckRank("structure"));
  EXPECT_LT(CheckRank("structure"), CheckRank("docker"));
  EXPECT_LT(CheckRank("docker"), CheckRank("codeowners"));
  EXPECT_LT(CheckRank("codeowners"), CheckRank("workflows"));
  EXPECT_LT(CheckRank("workflows"), CheckRank("readme"));
  EXPECT_LT(CheckRank("readme"), CheckRank("scan"));
  EXPECT_LT(CheckRank("scan"), CheckRank("policy"));
  EXPECT_EQ(CheckRank("something-new"), CheckRank("another"));
  EXPECT_GT(CheckRank("something-new"), CheckRank("policy"));
}

TEST(Finding, SortsByCheckFileLineRuleAndKeepsProductionOrderOtherwise) {
  std::vector<Finding> v = {
      F("readme", "readme.title", "README.md", 0, "a"),
      F("docker", "docker.privileged-port", "b/Dockerfile", 3, "port 80"),
      F("docker", "docker.privileged-port", "Dockerfile", 9, "port 80"),
      F("docker", "docker.privileged-port", "Dockerfile", 9, "port 443"),
      F("docker", "docker.latest-tag", "Dockerfile", 1, "latest"),
      F("metadata", "metadata.missing", ".meta/repo.yaml", 0, "required"),
  };
  SortFindings(&v);
  std::vector<std::string> got;
  for (const Finding& f : v) got.push_back(f.check + ":" + f.file + ":" + f.message);
  EXPECT_EQ(got, (std::vector<std::string>{
                     "metadata:.meta/repo.yaml:required",
                     "docker:Dockerfile:latest",
                     "docker:Dockerfile:port 80",
                     "docker:Dockerfile:port 443",
                     "docker:b/Dockerfile:port 80",
                     "readme:README.md:a",
                 }));
}

}  // namespace
}  // namespace golden::report
