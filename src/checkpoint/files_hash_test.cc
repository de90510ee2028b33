#include "checkpoint/files_hash.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "base/hash.h"
#include "testing/subprocess.h"
#include "testing/temp_dir.h"

namespace golden::checkpoint {
namespace {

using golden::testing::TempDir;

std::string GitBlobId(std::string_view content) {
  return Sha1Hex("blob " + std::to_string(content.size()) + std::string(1, '\0') +
                 std::string(content));
}

TEST(NormalisedBlobId, IsGitsBlobIdForTextWithoutCarriageReturns) {
  // `printf 'hello\n' | git hash-object --stdin`
  EXPECT_EQ(NormalisedBlobId("hello\n"), "ce013625030ba8dba906f756967f9e9ca394464a");
  EXPECT_EQ(NormalisedBlobId(""), "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  std::string binary("\x00\xff\xfe\x80 not UTF-8\n", 16);
  EXPECT_EQ(NormalisedBlobId(binary), GitBlobId(binary));
}

TEST(NormalisedBlobId, NewlinesAreNormalisedAsTheOriginalsTextModeRead) {
  EXPECT_EQ(NormalisedBlobId("a\r\nb\r\n"), NormalisedBlobId("a\nb\n"));
  EXPECT_EQ(NormalisedBlobId("a\rb\r"), NormalisedBlobId("a\nb\n"));  // lone CR, as Python
  EXPECT_EQ(NormalisedBlobId("a\r\r\nb"), NormalisedBlobId("a\n\nb"));
  EXPECT_EQ(NormalisedBlobId("\r"), NormalisedBlobId("\n"));
  EXPECT_NE(NormalisedBlobId("a\nb\n"), NormalisedBlobId("a\nb\n\n"));
}

TEST(NormalisedBlobIdOfFile, StreamsTheSameHashAcrossChunkBoundaries) {
  TempDir t;
  // 1 MiB chunks: put a CRLF astride each boundary, a lone CR at one, and non-UTF-8 bytes.
  std::string content(3 * (1 << 20) + 17, 'x');
  content[(1 << 20) - 1] = '\r';
  content[1 << 20] = '\n';
  content[2 * (1 << 20) - 1] = '\r';
  content[2 * (1 << 20)] = 'y';
  content[5] = '\xff';
  content.back() = '\r';
  auto p = t.Write("big", content);
  auto streamed = NormalisedBlobIdOfFile(p);
  ASSERT_TRUE(streamed.ok()) << streamed.status().ToString();
  EXPECT_EQ(*streamed, NormalisedBlobId(content));
  EXPECT_FALSE(NormalisedBlobIdOfFile(t.path() / "missing").ok());
}

TEST(FilesHash, DependsOnNamesAndHashes) {
  using Files = std::vector<std::pair<std::string, std::string>>;
  std::string empty = FilesHash({});
  EXPECT_EQ(empty.size(), 16u);
  EXPECT_NE(FilesHash(Files{{"a", "1"}}), FilesHash(Files{{"b", "1"}}));
  EXPECT_NE(FilesHash(Files{{"a", "1"}}), FilesHash(Files{{"a", "2"}}));
  EXPECT_NE(FilesHash(Files{{"a", "1"}, {"b", "2"}}), FilesHash(Files{{"a", "1"}}));
  EXPECT_EQ(FilesHash(Files{{"a", "1"}}), FilesHash(Files{{"a", "1"}}));
}

portfolio::RepoSnapshot Snapshot(const fs::path& dir) {
  portfolio::RepoRef ref{"org", "repo", dir, "organizations/org/repo"};
  return portfolio::LoadRepo(ref, {});
}

TEST(HashRepoFiles, HashesEverySelectedFileNothingDropped) {
  TempDir t;
  t.Write("README.md", "# Title\r\n");
  t.Write("Dockerfile", std::string("FROM x\n\xff\xfe latin-1 \xe9\n"));  // not UTF-8: kept
  t.Write("src/main.go", "package main\n");
  ASSERT_EQ(::symlink("Dockerfile.loop", (t.path() / "Dockerfile.loop").c_str()), 0);
  ASSERT_EQ(::symlink("/etc/hostname", (t.path() / "Dockerfile.out").c_str()), 0);
  HashCounts counts;
  auto files = HashRepoFiles(Snapshot(t.path()), FileSet::Default(), {}, &counts);
  ASSERT_EQ(files.size(), 4u);
  EXPECT_EQ(files[0].first, "Dockerfile");
  EXPECT_EQ(files[0].second, GitBlobId(std::string("FROM x\n\xff\xfe latin-1 \xe9\n")));
  EXPECT_EQ(files[1].first, "Dockerfile.loop");
  EXPECT_EQ(files[1].second, "unreadable: symbolic link loop");
  EXPECT_EQ(files[2].first, "Dockerfile.out");
  EXPECT_EQ(files[2].second, "unreadable: symbolic link pointing outside the repository");
  EXPECT_EQ(files[3].first, "README.md");
  EXPECT_EQ(files[3].second, NormalisedBlobId("# Title\n"));
  EXPECT_EQ(counts.read, 4u);
  EXPECT_EQ(counts.from_git, 0u);
}

TEST(HashRepoFiles, WhatTheChecksReadIsHashedFromMemory) {
  TempDir t;
  t.Write("README.md", "# Title\n");
  t.Write("go.mod", "module x\n");
  portfolio::RepoSnapshot snap = Snapshot(t.path());
  ASSERT_TRUE(snap.ReadFile("README.md", 1 << 20).ok());  // as CheckReadme does
  t.Write("README.md", "# Changed after the checks read it\n");
  HashCounts counts;
  auto files = HashRepoFiles(snap, FileSet::Default(), {}, &counts);
  ASSERT_EQ(files.size(), 2u);
  // The hash is of what the checks saw: the checkpoint's verdict and hash agree.
  EXPECT_EQ(files[0].second, NormalisedBlobId("# Title\n"));
  EXPECT_EQ(counts.in_memory, 1u);
  EXPECT_EQ(counts.read, 1u);
}

TEST(HashRepoFiles, NonUtf8NamesAreEscaped) {
  TempDir t;
  t.Write(std::string("Dockerfile.\xff"), "FROM x:1\n");
  auto files = HashRepoFiles(Snapshot(t.path()), FileSet::Default(), {});
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].first, "Dockerfile.\\xff");
}

// A git checkout to exercise the index shortcut. Skips when git is not installed.
class GitRepo {
 public:
  GitRepo() { ok_ = ::access("/usr/bin/git", X_OK) == 0 && Git({"init", "-q"}); }
  bool ok() const { return ok_; }
  const fs::path& path() const { return dir_.path(); }
  void Write(std::string_view rel, std::string_view content) const { dir_.Write(rel, content); }
  bool Git(std::vector<std::string> args) const {
    args.insert(args.begin(), "/usr/bin/git");
    auto r = golden::testing::RunProcess(args,
                                         {{"HOME", dir_.path().string()},
                                          {"GIT_AUTHOR_NAME", "t"},
                                          {"GIT_AUTHOR_EMAIL", "t@t"},
                                          {"GIT_COMMITTER_NAME", "t"},
                                          {"GIT_COMMITTER_EMAIL", "t@t"},
                                          {"PATH", "/usr/bin:/bin"}},
                                         dir_.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0;
  }
  // Lets the coarse file-system clock move on, so that index entries are not racily clean.
  static void Tick() { std::this_thread::sleep_for(std::chrono::milliseconds(20)); }
  // Stages everything (and commits it when `message` is given), away from the clock's edges.
  bool AddAll(const char* message = nullptr) const {
    Tick();
    bool ok = Git({"add", "."}) && (message == nullptr || Git({"commit", "-q", "-m", message}));
    Tick();
    return ok;
  }

 private:
  TempDir dir_;
  bool ok_ = false;
};

struct Hashed {
  std::vector<std::pair<std::string, std::string>> files;
  HashCounts counts;
};

Hashed HashWithPrevious(const GitRepo& repo, const GitLibrary& git, const RepoRecord* previous) {
  Hashed h;
  HashSources sources{&git, previous};
  h.files = HashRepoFiles(Snapshot(repo.path()), FileSet::Default(), sources, &h.counts);
  return h;
}

TEST(HashRepoFiles, GitIndexSuppliesHashesOfUnchangedFilesOnly) {
  GitRepo repo;
  if (!repo.ok()) GTEST_SKIP() << "git is not available";
  repo.Write("README.md", "# Repo\n");
  repo.Write("Dockerfile", "FROM alpine:3\n");
  repo.Write(".github/CODEOWNERS", "* @team\n");
  ASSERT_TRUE(repo.AddAll("one"));
  GitLibrary git;

  // First run: nothing recorded yet, so everything is read; the hashes are git's blob ids.
  Hashed first = HashWithPrevious(repo, git, nullptr);
  EXPECT_EQ(first.counts.read, 3u);
  RepoRecord previous;
  previous.files = first.files;
  for (const auto& [path, hash] : first.files) {
    EXPECT_EQ(hash, GitBlobId(golden::testing::ReadFileOrDie(repo.path() / path))) << path;
  }

  // Nothing changed: every hash comes from the index, and they are the same.
  Hashed again = HashWithPrevious(repo, git, &previous);
  EXPECT_EQ(again.counts.from_git, 3u);
  EXPECT_EQ(again.counts.read, 0u);
  EXPECT_EQ(again.files, first.files);

  // Modified in the working tree, not staged: the stat data differ, the file is read.
  repo.Write("README.md", "# Repo\nmore\n");
  Hashed modified = HashWithPrevious(repo, git, &previous);
  EXPECT_EQ(modified.counts.read, 1u);
  EXPECT_EQ(modified.counts.from_git, 2u);
  EXPECT_EQ(modified.files[2].first, "README.md");
  EXPECT_EQ(modified.files[2].second, NormalisedBlobId("# Repo\nmore\n"));

  // Staged: the index is clean again but names another blob than the one recorded, so the
  // file is read (and gives that blob id).
  GitRepo::Tick();
  ASSERT_TRUE(repo.Git({"add", "README.md"}));
  GitRepo::Tick();
  Hashed staged = HashWithPrevious(repo, git, &previous);
  EXPECT_EQ(staged.counts.read, 1u);
  EXPECT_EQ(staged.files, modified.files);

  // Unstaged again (git restore --staged): the index has the old blob, the file the new text.
  ASSERT_TRUE(repo.Git({"reset", "-q", "README.md"}));
  GitRepo::Tick();
  Hashed unstaged = HashWithPrevious(repo, git, &previous);
  EXPECT_EQ(unstaged.files, modified.files);

  // Same size, same content length, rewritten in place: still seen.
  repo.Write("Dockerfile", "FROM alpine:4\n");
  Hashed rewritten = HashWithPrevious(repo, git, &previous);
  EXPECT_EQ(rewritten.files[1].second, NormalisedBlobId("FROM alpine:4\n"));
}

TEST(HashRepoFiles, CrlfFilesCommittedAsIsAreAlwaysRead) {
  GitRepo repo;
  if (!repo.ok()) GTEST_SKIP() << "git is not available";
  repo.Write("README.md", "# Repo\r\nwindows\r\n");
  ASSERT_TRUE(repo.AddAll("crlf"));
  GitLibrary git;
  Hashed first = HashWithPrevious(repo, git, nullptr);
  ASSERT_EQ(first.files.size(), 1u);
  // The hash is of the LF text, which is not the blob git stored, so the index cannot vouch.
  EXPECT_EQ(first.files[0].second, NormalisedBlobId("# Repo\nwindows\n"));
  RepoRecord previous;
  previous.files = first.files;
  Hashed again = HashWithPrevious(repo, git, &previous);
  EXPECT_EQ(again.counts.read, 1u);
  EXPECT_EQ(again.counts.from_git, 0u);
  EXPECT_EQ(again.files, first.files);
}

TEST(HashRepoFiles, AutocrlfCheckoutsHashLikeLfCheckouts) {
  GitRepo repo;
  if (!repo.ok()) GTEST_SKIP() << "git is not available";
  repo.Write("README.md", "# Repo\nunix\n");
  repo.Write("go.mod", "module x\n");
  repo.Write("Dockerfile", "FROM x:1\n");
  ASSERT_TRUE(repo.Git({"add", "."}));
  ASSERT_TRUE(repo.Git({"commit", "-q", "-m", "lf"}));
  GitLibrary git;
  Hashed lf = HashWithPrevious(repo, git, nullptr);
  // Check the file out again with CRLF line ends (a Windows checkout).
  ASSERT_TRUE(repo.Git({"config", "core.autocrlf", "true"}));
  for (const char* f : {"README.md", "go.mod", "Dockerfile"}) fs::remove(repo.path() / f);
  ASSERT_TRUE(repo.Git({"checkout", "--", "."}));
  ASSERT_EQ(golden::testing::ReadFileOrDie(repo.path() / "README.md"), "# Repo\r\nunix\r\n");
  GitRepo::Tick();
  ASSERT_TRUE(repo.Git({"update-index", "--refresh"}));  // what `git status` does
  GitRepo::Tick();
  RepoRecord previous;
  previous.files = lf.files;
  Hashed crlf = HashWithPrevious(repo, git, &previous);
  EXPECT_EQ(crlf.files, lf.files);
  EXPECT_EQ(crlf.counts.from_git, 3u);  // the index blobs are the LF text the record has
}

TEST(HashRepoFiles, UntrackedAndNonGitFilesAreRead) {
  GitRepo repo;
  if (!repo.ok()) GTEST_SKIP() << "git is not available";
  repo.Write("README.md", "# Repo\n");
  GitLibrary git;
  Hashed first = HashWithPrevious(repo, git, nullptr);
  RepoRecord previous;
  previous.files = first.files;
  Hashed again = HashWithPrevious(repo, git, &previous);  // untracked: no index entry
  EXPECT_EQ(again.counts.read, 1u);
  EXPECT_EQ(again.files, first.files);

  TempDir plain;  // not a checkout at all
  plain.Write("README.md", "# Repo\n");
  HashSources sources{&git, &previous};
  HashCounts counts;
  EXPECT_EQ(HashRepoFiles(Snapshot(plain.path()), FileSet::Default(), sources, &counts),
            first.files);
  EXPECT_EQ(counts.read, 1u);
}

TEST(HashRepoFiles, AGitFileCheckoutUsesTheIndexItPointsTo) {
  GitRepo repo;
  if (!repo.ok()) GTEST_SKIP() << "git is not available";
  repo.Write("README.md", "# Repo\n");
  repo.Write("go.mod", "module x\n");
  repo.Write("Dockerfile", "FROM x:1\n");
  ASSERT_TRUE(repo.AddAll("one"));
  // Move .git away and leave a gitfile, as worktrees and submodules have.
  fs::rename(repo.path() / ".git", repo.path() / "gitdir");
  repo.Write(".git", "gitdir: gitdir\n");
  GitLibrary git;
  Hashed first = HashWithPrevious(repo, git, nullptr);
  RepoRecord previous;
  previous.files = first.files;
  Hashed again = HashWithPrevious(repo, git, &previous);
  EXPECT_EQ(again.counts.from_git, 3u);
}

TEST(HashRepoFiles, TheIndexIsNotOpenedToSpareOneOrTwoReads) {
  GitRepo repo;
  if (!repo.ok()) GTEST_SKIP() << "git is not available";
  repo.Write("README.md", "# Repo\n");
  repo.Write("go.mod", "module x\n");
  ASSERT_TRUE(repo.AddAll());
  GitLibrary git;
  Hashed first = HashWithPrevious(repo, git, nullptr);
  RepoRecord previous;
  previous.files = first.files;
  Hashed again = HashWithPrevious(repo, git, &previous);
  EXPECT_EQ(again.counts.from_git, 0u);
  EXPECT_EQ(again.counts.read, 2u);
  EXPECT_EQ(again.files, first.files);
}

}  // namespace
}  // namespace golden::checkpoint
