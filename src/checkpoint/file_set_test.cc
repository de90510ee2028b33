#include "checkpoint/file_set.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "testing/temp_dir.h"

namespace golden::checkpoint {
namespace {

using golden::testing::TempDir;

TEST(MatchComponent, Wildcards) {
  EXPECT_TRUE(MatchComponent("Dockerfile*", "Dockerfile"));
  EXPECT_TRUE(MatchComponent("Dockerfile*", "Dockerfile.dev"));
  EXPECT_FALSE(MatchComponent("Dockerfile*", "dockerfile"));
  EXPECT_TRUE(MatchComponent("*.yml", "ci.yml"));
  EXPECT_TRUE(MatchComponent("*.yml", ".yml"));
  EXPECT_FALSE(MatchComponent("*.yml", "ci.yaml"));
  EXPECT_TRUE(MatchComponent("c?.y*l", "ci.yml"));
  EXPECT_TRUE(MatchComponent("*a*b*c", "xaxbxbxc"));
  EXPECT_FALSE(MatchComponent("*a*b*c", "xaxbxbx"));
  EXPECT_TRUE(MatchComponent("\\*", "*"));
  EXPECT_FALSE(MatchComponent("\\*", "x"));
  EXPECT_TRUE(MatchComponent("", ""));
  EXPECT_FALSE(MatchComponent("", "a"));
  // Linear even for patterns that defeat naive backtracking.
  EXPECT_FALSE(MatchComponent("*a*a*a*a*a*a*a*a*b", std::string(5000, 'a')));
}

TEST(FileSet, DefaultCoversTheGovernanceFiles) {
  FileSet set = FileSet::Default();
  for (const char* p :
       {".meta/repo.yaml", "README.md", ".github/CODEOWNERS", ".github/workflows/ci.yml",
        ".github/workflows/release.yaml", "Dockerfile", "deploy/Dockerfile.dev",
        ".devcontainer/Dockerfile", "a/b/c/api.Dockerfile", "build.dockerfile", "package.json",
        "go.mod", "pyproject.toml", "Cargo.toml"}) {
    EXPECT_TRUE(set.Matches(p)) << p;
  }
  for (const char* p : {"docs/README.md", "src/main.go", ".github/workflows/sub/ci.yml",
                        "sub/package.json", "CODEOWNERS", ".meta/other.yaml"}) {
    EXPECT_FALSE(set.Matches(p)) << p;
  }
}

TEST(FileSet, DoubleStarMatchesAnyNumberOfFolders) {
  auto set = FileSet::Compile({"docs/**/*.md", "**/k8s/*.yaml"});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_TRUE(set->Matches("docs/a.md"));
  EXPECT_TRUE(set->Matches("docs/x/y/a.md"));
  EXPECT_FALSE(set->Matches("doc/a.md"));
  EXPECT_TRUE(set->Matches("k8s/deploy.yaml"));
  EXPECT_TRUE(set->Matches("a/b/k8s/deploy.yaml"));
  EXPECT_FALSE(set->Matches("a/b/k8s/x/deploy.yaml"));
}

TEST(FileSet, RejectsBadPatterns) {
  for (const char* p : {"", "/etc/passwd", "a//b", "../x", "a/./b", "a**", "x\\"}) {
    EXPECT_FALSE(FileSet::Compile({p}).ok()) << p;
  }
}

TEST(FileSet, SelectsFilesInInventoryOrderNeverFolders) {
  TempDir t;
  t.Write("README.md", "x");
  t.Write("Dockerfile", "x");
  t.Mkdir("deploy/Dockerfile.d");  // a folder named like a Dockerfile
  t.Write("deploy/Dockerfile.prod", "x");
  t.Write("src/main.go", "x");
  auto inv = portfolio::ScanRepo(t.path());
  ASSERT_TRUE(inv.ok());
  std::vector<std::string> picked;
  for (const auto* e : FileSet::Default().Select(*inv)) picked.push_back(e->path);
  EXPECT_EQ(picked,
            (std::vector<std::string>{"Dockerfile", "README.md", "deploy/Dockerfile.prod"}));
}

TEST(FileSet, SelectAgreesWithMatches) {
  // Select rejects most files by their name's start and end before matching in full: it must
  // pick exactly the files Matches accepts, escapes and `?` included.
  portfolio::RepoInventory inv;
  for (std::string path :
       {"Dockerfile", "Dockerfil", "xDockerfile", "a*b", "axb", "a*bc", "api.Dockerfile",
        ".Dockerfile", "Dockerfile.Dockerfile", "deep/er/Dockerfile.dev", "q/ab", "q/abc", "q/b",
        "w/a?c", "w/abc", "w\\x", "y/z/k.yml", "y/k.yml", "y/k.yaml"}) {
    inv.entries.push_back({path, 1, portfolio::EntryKind::kFile, false});
  }
  std::sort(inv.entries.begin(), inv.entries.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  auto set = FileSet::Compile({"**/Dockerfile*", "**/*.Dockerfile", "a\\*b", "q/?b", "q/a*",
                               "w/a\\?c", "w\\\\x", "y/**/*.yml"});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  std::vector<std::string> picked, matching;
  for (const auto* e : set->Select(inv)) picked.push_back(e->path);
  for (const auto& e : inv.entries) {
    if (set->Matches(e.path)) matching.push_back(e.path);
  }
  EXPECT_EQ(picked, matching);
  EXPECT_EQ(picked,
            (std::vector<std::string>{".Dockerfile", "Dockerfile", "Dockerfile.Dockerfile", "a*b",
                                      "api.Dockerfile", "deep/er/Dockerfile.dev", "q/ab", "q/abc",
                                      "w/a?c", "w\\x", "y/k.yml", "y/z/k.yml"}));
}

TEST(CheckpointConfig, MissingFileGivesTheDefaults) {
  TempDir t;
  auto c = LoadCheckpointConfig(t.path() / "checkpoint.yaml");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->files.patterns().size(), FileSet::Default().patterns().size());
}

TEST(CheckpointConfig, FilesReplaceTheDefaults) {
  auto c = ParseCheckpointConfig("files:\n  - README.md\n  - 'k8s/**/*.yaml'\n", "c.yaml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->files.patterns().size(), 2u);
  EXPECT_TRUE(c->files.Matches("k8s/a/b.yaml"));
  EXPECT_FALSE(c->files.Matches("Dockerfile"));
}

TEST(CheckpointConfig, ErrorsAreLocated) {
  auto unknown = ParseCheckpointConfig("files: [README.md]\nfile: [x]\n", "c.yaml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().ToString(), "c.yaml:2: unknown key 'file' (expected: files)");
  auto type = ParseCheckpointConfig("files:\n  - README.md\n  - 3\n", "c.yaml");
  ASSERT_FALSE(type.ok());
  EXPECT_EQ(type.status().ToString(), "c.yaml:3: file patterns must be strings");
  auto bad = ParseCheckpointConfig("files:\n  - /abs\n", "c.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().ToString().find("is absolute"), std::string::npos);
  EXPECT_FALSE(ParseCheckpointConfig("files: []\n", "c.yaml").ok());
  EXPECT_FALSE(ParseCheckpointConfig("- a\n", "c.yaml").ok());
  EXPECT_FALSE(ParseCheckpointConfig("files: [\n", "c.yaml").ok());
  EXPECT_TRUE(ParseCheckpointConfig("", "c.yaml").ok());
}

}  // namespace
}  // namespace golden::checkpoint
