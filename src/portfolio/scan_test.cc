#include "portfolio/scan.h"

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "portfolio/repo.h"
#include "testing/temp_dir.h"

namespace golden::portfolio {
namespace {

using golden::testing::TempDir;

std::vector<std::string> Paths(const RepoInventory& inv) {
  std::vector<std::string> out;
  for (const FileEntry& e : inv.entries) out.push_back(e.path);
  return out;
}

TEST(Scan, ListsEverythingOnceSortedWithoutGit) {
  TempDir t;
  t.Write("README.md", "# x");
  t.Write("src/b.go", "package b");
  t.Write("src/a-b/c.go", "package c");
  t.Write(".github/workflows/ci.yml", "on: push");
  t.Write(".git/HEAD", "ref: refs/heads/main");
  t.Write("vendor/sub/.git", "gitdir: ../../.git/modules/sub");
  auto inv = ScanRepo(t.path());
  ASSERT_TRUE(inv.ok()) << inv.status().ToString();
  EXPECT_EQ(Paths(*inv),
            (std::vector<std::string>{".github", ".github/workflows", ".github/workflows/ci.yml",
                                      "README.md", "src", "src/a-b", "src/a-b/c.go", "src/b.go",
                                      "vendor", "vendor/sub"}));
  EXPECT_TRUE(inv->problems.empty());
  EXPECT_EQ(inv->Find("README.md")->size, 3u);
  EXPECT_TRUE(inv->IsFile("README.md"));
  EXPECT_TRUE(inv->IsDir("src"));
  EXPECT_FALSE(inv->IsDir("README.md"));
  EXPECT_EQ(inv->Find("nope"), nullptr);
}

TEST(Scan, ChildrenAndBelow) {
  TempDir t;
  t.Write("a/x", "");
  t.Write("a/y/z", "");
  t.Write("a-b", "");
  t.Write("b", "");
  auto inv = ScanRepo(t.path());
  ASSERT_TRUE(inv.ok());
  std::vector<std::string> below;
  for (const FileEntry& e : inv->Below("a")) below.push_back(e.path);
  EXPECT_EQ(below, (std::vector<std::string>{"a/x", "a/y", "a/y/z"}));
  std::vector<std::string> children;
  for (const FileEntry* e : inv->Children("a")) children.push_back(e->path);
  EXPECT_EQ(children, (std::vector<std::string>{"a/x", "a/y"}));
  EXPECT_EQ(inv->Children("").size(), 3u);
  EXPECT_EQ(BaseName("a/y/z"), "z");
  EXPECT_EQ(BaseName("z"), "z");
}

TEST(Scan, SymlinksAreRecordedNotFollowed) {
  TempDir t;
  t.Write("real/file.txt", "hello");
  ASSERT_EQ(::symlink("real", (t.path() / "dirlink").c_str()), 0);
  ASSERT_EQ(::symlink("real/file.txt", (t.path() / "filelink").c_str()), 0);
  ASSERT_EQ(::symlink("loop", (t.path() / "loop").c_str()), 0);
  ASSERT_EQ(::symlink("missing", (t.path() / "dangling").c_str()), 0);
  ASSERT_EQ(::symlink(".", (t.path() / "real/self").c_str()), 0);
  auto inv = ScanRepo(t.path());
  ASSERT_TRUE(inv.ok());
  EXPECT_EQ(Paths(*inv), (std::vector<std::string>{"dangling", "dirlink", "filelink", "loop",
                                                   "real", "real/file.txt", "real/self"}));
  const FileEntry* dirlink = inv->Find("dirlink");
  EXPECT_TRUE(dirlink->symlink);
  EXPECT_EQ(dirlink->kind, EntryKind::kDir);
  EXPECT_EQ(inv->Find("filelink")->kind, EntryKind::kFile);
  EXPECT_EQ(inv->Find("filelink")->size, 5u);
  EXPECT_EQ(inv->Find("loop")->kind, EntryKind::kOther);
  EXPECT_EQ(inv->Find("dangling")->kind, EntryKind::kOther);
}

TEST(Scan, ReadRepoFileStaysInsideTheRepository) {
  TempDir outside, t;
  outside.Write("secret", "top secret");
  t.Write("docs/README.md", "# inside");
  ASSERT_EQ(::symlink("docs/README.md", (t.path() / "README.md").c_str()), 0);
  ASSERT_EQ(::symlink((outside.path() / "secret").c_str(), (t.path() / "leak").c_str()), 0);
  ASSERT_EQ(::symlink("loop", (t.path() / "loop").c_str()), 0);
  ASSERT_EQ(::symlink("missing", (t.path() / "dangling").c_str()), 0);
  auto inv = ScanRepo(t.path());
  ASSERT_TRUE(inv.ok());
  auto read = [&](std::string_view rel) { return ReadRepoFile(t.path(), *inv, rel, 1024); };
  EXPECT_EQ(*read("README.md"), "# inside");
  EXPECT_EQ(read("leak").status().message(), "symbolic link pointing outside the repository");
  EXPECT_EQ(read("loop").status().message(), "symbolic link loop");
  EXPECT_EQ(read("dangling").status().message(), "broken symbolic link");
  EXPECT_EQ(read("docs").status().message(), "is a directory");
  EXPECT_EQ(read("nope").status().code(), StatusCode::kNotFound);
}

TEST(Scan, HugeFilesAreListedButNeverLoaded) {
  TempDir t;
  // 100 MB, sparse: no disk space used, and the scan only stats it.
  fs::path big = t.Write("Dockerfile", "");
  ASSERT_EQ(::truncate(big.c_str(), 100 << 20), 0);
  auto inv = ScanRepo(t.path());
  ASSERT_TRUE(inv.ok());
  EXPECT_EQ(inv->Find("Dockerfile")->size, 100u << 20);
  auto text = ReadRepoFile(t.path(), *inv, "Dockerfile", 1 << 20);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(text.status().message(), "too large (104857600 bytes; the limit is 1048576)");
}

TEST(RepoSnapshot, ReadsEachFileOnceAndKeepsTheLimits) {
  TempDir t;
  t.Write("README.md", "0123456789");
  ASSERT_EQ(::symlink("loop", (t.path() / "loop").c_str()), 0);
  RepoSnapshot snap = LoadRepo(RepoRef{"o", "r", t.path(), "o/r"});
  EXPECT_FALSE(snap.AlreadyRead("README.md"));
  // Refused under a small limit, then read under a larger one.
  auto small = snap.ReadFile("README.md", 4);
  ASSERT_FALSE(small.ok());
  EXPECT_EQ(small.status().message(), "too large (10 bytes; the limit is 4)");
  EXPECT_FALSE(snap.AlreadyRead("README.md"));
  auto text = snap.ReadFile("README.md", 100);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "0123456789");
  // Read once: a change on disk is not seen by the same snapshot.
  t.Write("README.md", "changed");
  EXPECT_EQ(*snap.ReadFile("README.md", 100), "0123456789");
  EXPECT_EQ(*snap.AlreadyRead("README.md"), "0123456789");
  // A smaller limit still refuses the kept text, as ReadRepoFile would.
  EXPECT_EQ(snap.ReadFile("README.md", 5).status().code(), StatusCode::kLimitExceeded);
  // Errors are kept and given again.
  EXPECT_EQ(snap.ReadFile("loop", 100).status().message(), "symbolic link loop");
  EXPECT_EQ(snap.ReadFile("loop", 1000).status().message(), "symbolic link loop");
  EXPECT_FALSE(snap.AlreadyRead("loop"));
}

TEST(Scan, NonUtf8NamesAreKeptRaw) {
  TempDir t;
  std::string name = "caf\xe9.txt";
  t.Write(name, "x");
  auto inv = ScanRepo(t.path());
  ASSERT_TRUE(inv.ok());
  ASSERT_EQ(inv->entries.size(), 1u);
  EXPECT_EQ(inv->entries[0].path, name);
  EXPECT_EQ(*ReadRepoFile(t.path(), *inv, name, 10), "x");
}

TEST(Scan, UnreadableFolderIsAProblemNotAFailure) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: chmod 000 does not stop reads";
  TempDir t;
  t.Write("secret/key", "k");
  t.Write("README.md", "# x");
  ASSERT_EQ(::chmod((t.path() / "secret").c_str(), 0), 0);
  auto inv = ScanRepo(t.path());
  ASSERT_TRUE(inv.ok());
  EXPECT_EQ(Paths(*inv), (std::vector<std::string>{"README.md", "secret"}));
  ASSERT_EQ(inv->problems.size(), 1u);
  EXPECT_EQ(inv->problems[0].path, "secret");
  EXPECT_EQ(inv->problems[0].message, "Permission denied");
}

TEST(Scan, MissingRepositoryFails) {
  TempDir t;
  auto inv = ScanRepo(t.path() / "nope");
  ASSERT_FALSE(inv.ok());
  EXPECT_EQ(inv.status().code(), StatusCode::kNotFound);
}

TEST(Scan, LimitsStopRunawayTrees) {
  TempDir t;
  for (int i = 0; i < 20; ++i) t.Write("f" + std::to_string(i), "");
  std::string deep = "d";
  for (int i = 0; i < 5; ++i) deep += "/d";
  t.Mkdir(deep);
  ScanOptions opts;
  opts.max_entries = 10;
  auto inv = ScanRepo(t.path(), opts);
  ASSERT_TRUE(inv.ok());
  EXPECT_EQ(inv->entries.size(), 10u);
  ASSERT_FALSE(inv->problems.empty());
  EXPECT_NE(inv->problems[0].message.find("more than 10 entries"), std::string::npos);
  ScanOptions shallow;
  shallow.max_depth = 2;
  auto inv2 = ScanRepo(t.path(), shallow);
  ASSERT_TRUE(inv2.ok());
  EXPECT_TRUE(inv2->IsDir("d/d/d"));
  EXPECT_FALSE(inv2->IsDir("d/d/d/d"));
  ASSERT_EQ(inv2->problems.size(), 1u);
  EXPECT_EQ(inv2->problems[0].path, "d/d/d");
}

TEST(Scan, SizesCanBeSkipped) {
  TempDir t;
  t.Write("a", "12345");
  ScanOptions opts;
  opts.sizes = false;
  auto inv = ScanRepo(t.path(), opts);
  ASSERT_TRUE(inv.ok());
  EXPECT_EQ(inv->Find("a")->size, 0u);
  EXPECT_EQ(inv->Find("a")->kind, EntryKind::kFile);
}

}  // namespace
}  // namespace golden::portfolio
