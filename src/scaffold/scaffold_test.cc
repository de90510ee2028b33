#include "scaffold/scaffold.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "testing/temp_dir.h"
#include "value/json.h"
#include "value/yaml.h"

namespace golden::scaffold {
namespace {

namespace fs = std::filesystem;
using testing::ReadFileOrDie;
using testing::TempDir;

constexpr EmbeddedFile kTwo[] = {{"a/one.txt", "one\n"}, {"b/c/two.txt", "two\n"}};

TEST(Scaffold, CreatesFilesAndFolders) {
  TempDir tmp;
  auto w = Scaffold(tmp.path() / "root", kTwo, false);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  ASSERT_EQ(w->size(), 2u);
  EXPECT_EQ((*w)[0].path, "a/one.txt");
  EXPECT_EQ((*w)[0].outcome, Outcome::kCreated);
  EXPECT_EQ(ReadFileOrDie(tmp.path() / "root/b/c/two.txt"), "two\n");
}

TEST(Scaffold, NeverReplacesAFileWithoutForce) {
  TempDir tmp;
  tmp.Write("a/one.txt", "mine\n");
  tmp.Write("b/c/two.txt", "two\n");
  auto w = Scaffold(tmp.path(), kTwo, false);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ((*w)[0].outcome, Outcome::kKept);
  EXPECT_EQ((*w)[1].outcome, Outcome::kSame);
  EXPECT_EQ(ReadFileOrDie(tmp.path() / "a/one.txt"), "mine\n");
  auto forced = Scaffold(tmp.path(), kTwo, true);
  ASSERT_TRUE(forced.ok());
  EXPECT_EQ((*forced)[0].outcome, Outcome::kReplaced);
  EXPECT_EQ((*forced)[1].outcome, Outcome::kSame);
  EXPECT_EQ(ReadFileOrDie(tmp.path() / "a/one.txt"), "one\n");
}

TEST(Scaffold, AFolderInTheWayIsAnErrorNamingIt) {
  TempDir tmp;
  tmp.Mkdir("a/one.txt");
  auto w = Scaffold(tmp.path(), kTwo, true);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find("a/one.txt is a folder"), std::string::npos)
      << w.status().message();
  tmp.Write("b", "a file where a folder should be");
  auto w2 = Scaffold(tmp.path(), std::span(kTwo).subspan(1), false);
  ASSERT_FALSE(w2.ok());
  EXPECT_NE(w2.status().message().find("cannot create the folder"), std::string::npos);
}

TEST(EmbeddedFiles, HoldTheScaffoldTheIssueAsksFor) {
  std::set<std::string> paths;
  for (const EmbeddedFile& f : EmbeddedFiles()) paths.insert(std::string(f.path));
  for (const char* want :
       {".metaHub/schemas/repo-schema.json", ".metaHub/waivers.yaml", "organizations/README.md",
        ".github/workflows/enforce.yml", ".github/workflows/catalog.yml",
        ".github/workflows/checkpoint.yml", ".github/actions/setup-golden/action.yml"}) {
    EXPECT_TRUE(paths.count(want)) << want;
  }
  EXPECT_TRUE(
      std::is_sorted(EmbeddedFiles().begin(), EmbeddedFiles().end(),
                     [](const EmbeddedFile& a, const EmbeddedFile& b) { return a.path < b.path; }));
}

TEST(EmbeddedFiles, AreTheFilesOfTheSourceTree) {
  const fs::path src = testing::SourceDir();
  size_t policies = 0;
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    std::string path(f.path);
    fs::path origin;
    if (path == ".metaHub/schemas/repo-schema.json") {
      origin = src / "schemas/repo-schema.json";
    } else if (path.starts_with(".metaHub/policies/")) {
      origin = src / "policies" / fs::path(path).filename();
      ++policies;
    } else {
      origin = src / "templates/init" / path;
    }
    EXPECT_EQ(f.content, ReadFileOrDie(origin)) << path;
  }
  // Every policy of the pack is embedded (the glob is re-evaluated at build time).
  size_t on_disk = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(src / "policies", ec)) {
    if (e.path().extension() == ".rego") ++on_disk;
  }
  EXPECT_EQ(policies, on_disk);
}

TEST(EmbeddedFiles, WaiversFileIsAnEmptyValidList) {
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.path != ".metaHub/waivers.yaml") continue;
    auto v = ParseYaml(f.content);
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    ASSERT_NE(v->Find("waivers"), nullptr);
    EXPECT_TRUE(v->Find("waivers")->IsArray());
    EXPECT_EQ(v->Find("waivers")->Size(), 0u);
    return;
  }
  FAIL() << "no .metaHub/waivers.yaml";
}

}  // namespace
}  // namespace golden::scaffold
