#include "base/fs.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testing/temp_dir.h"

namespace golden {
namespace {

using testing::TempDir;

TEST(ReadFile, ReadsRegularFile) {
  TempDir dir;
  auto p = dir.Write("a.txt", "hello");
  auto r = ReadFile(p);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, "hello");
}

TEST(ReadFile, MissingIsNotFound) {
  TempDir dir;
  auto r = ReadFile(dir.path() / "nope");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(ReadFile, DirectoryIsAnError) {
  TempDir dir;
  dir.Mkdir("Dockerfile");
  auto r = ReadFile(dir.path() / "Dockerfile");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("is a directory"), std::string::npos);
}

TEST(ReadFile, TooLargeIsRefusedWithoutReading) {
  TempDir dir;
  auto p = dir.Write("big", std::string(1000, 'x'));
  auto r = ReadFile(p, 100);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
}

TEST(ReadFile, FifoIsRefusedNotBlocking) {
  TempDir dir;
  auto p = dir.path() / "fifo";
  ASSERT_EQ(::mkfifo(p.c_str(), 0600), 0);
  auto r = ReadFile(p);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("not a regular file"), std::string::npos);
}

TEST(WriteFileAtomic, ReplacesContentAndLeavesNoTempFiles) {
  TempDir dir;
  auto p = dir.Write("out.json", "old");
  ASSERT_TRUE(WriteFileAtomic(p, "new").ok());
  EXPECT_EQ(*ReadFile(p), "new");
  auto entries = ListDir(dir.path());
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].name, "out.json");
}

TEST(WriteFileAtomic, WritesThroughToDevNull) {
  EXPECT_TRUE(WriteFileAtomic("/dev/null", "data").ok());
}

TEST(WriteFileAtomic, MissingFolderIsAnError) {
  TempDir dir;
  Status st = WriteFileAtomic(dir.path() / "no" / "such" / "file", "x");
  EXPECT_FALSE(st.ok());
}

TEST(WriteNewFileAtomic, CreatesOnceAndNeverReplaces) {
  TempDir dir;
  fs::path p = dir.path() / "checkpoint-1.json";
  auto first = WriteNewFileAtomic(p, "first");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(*first);
  auto second = WriteNewFileAtomic(p, "second");
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_FALSE(*second);
  EXPECT_EQ(*ReadFile(p), "first");
  auto entries = ListDir(dir.path());
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ(entries->size(), 1u);  // no temporary file left behind
}

TEST(WriteNewFileAtomic, MissingFolderIsAnError) {
  TempDir dir;
  EXPECT_FALSE(WriteNewFileAtomic(dir.path() / "no" / "file", "x").ok());
}

TEST(ReadFileAt, ReadsWhatReadFileReadsWhateverTheSize) {
  TempDir dir;
  UniqueFd fd(::open(dir.path().c_str(), O_RDONLY | O_DIRECTORY));
  ASSERT_TRUE(fd);
  // Around the size read in one go (64 KB), and well past it.
  for (size_t size :
       {size_t{0}, size_t{1}, size_t{65535}, size_t{65536}, size_t{65537}, size_t{200000}}) {
    std::string content(size, 'x');
    for (size_t i = 0; i < size; i += 7) content[i] = static_cast<char>('a' + i % 26);
    std::string name = "f" + std::to_string(size);
    dir.Write(name, content);
    auto r = ReadFileAt(fd.get(), name, dir.path() / name);
    ASSERT_TRUE(r.ok()) << size << ": " << r.status().ToString();
    EXPECT_EQ(*r, content) << size;
  }
  // The same errors as ReadFile, naming the path given for messages.
  dir.Write("small", std::string(100, 'y'));
  auto limited = ReadFileAt(fd.get(), "small", dir.path() / "small", 99);
  ASSERT_FALSE(limited.ok());
  EXPECT_EQ(limited.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(limited.status().message(), ReadFile(dir.path() / "small", 99).status().message());
  EXPECT_TRUE(ReadFileAt(fd.get(), "small", dir.path() / "small", 100).ok());
  dir.Mkdir("sub");
  auto folder = ReadFileAt(fd.get(), "sub", dir.path() / "sub");
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.status().message(), ReadFile(dir.path() / "sub").status().message());
  auto missing = ReadFileAt(fd.get(), "nope", dir.path() / "nope");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  ASSERT_EQ(::symlink("small", (dir.path() / "link").c_str()), 0);
  EXPECT_FALSE(ReadFileAt(fd.get(), "link", dir.path() / "link").ok());  // never followed
}

TEST(ReplaceWithLink, ReplacesTheNameWithALinkToTheTarget) {
  TempDir dir;
  fs::path target = dir.Write("new.json", "new");
  fs::path name = dir.Write("latest.json", "old");
  fs::path old_target = dir.path() / "old.json";
  ASSERT_EQ(::link(name.c_str(), old_target.c_str()), 0);
  Status linked = ReplaceWithLink(target, name);
  ASSERT_TRUE(linked.ok()) << linked.ToString();
  EXPECT_EQ(*ReadFile(name), "new");
  EXPECT_EQ(*ReadFile(old_target), "old");  // the file it named before is untouched
  struct stat a {
  }, b{};
  ASSERT_EQ(::stat(target.c_str(), &a), 0);
  ASSERT_EQ(::stat(name.c_str(), &b), 0);
  EXPECT_EQ(a.st_ino, b.st_ino);
  auto entries = ListDir(dir.path());
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ(entries->size(), 3u);  // no temporary link left behind
}

TEST(ReplaceWithLink, AMissingTargetIsAnErrorAndChangesNothing) {
  TempDir dir;
  fs::path name = dir.Write("latest.json", "old");
  Status linked = ReplaceWithLink(dir.path() / "gone.json", name);
  EXPECT_FALSE(linked.ok());
  EXPECT_EQ(*ReadFile(name), "old");
  auto entries = ListDir(dir.path());
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ(entries->size(), 1u);
}

TEST(RenameNoReplace, MovesUnlessTheTargetExists) {
  TempDir dir;
  auto a = dir.Write("a", "A");
  auto b = dir.Write("b", "B");
  dir.Mkdir("archive");
  auto moved = RenameNoReplace(a, dir.path() / "archive" / "a");
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_TRUE(*moved);
  EXPECT_FALSE(fs::exists(a));
  EXPECT_EQ(*ReadFile(dir.path() / "archive" / "a"), "A");
  dir.Write("c", "C");
  auto refused = RenameNoReplace(dir.path() / "c", b);
  ASSERT_TRUE(refused.ok());
  EXPECT_FALSE(*refused);
  EXPECT_EQ(*ReadFile(b), "B");
  EXPECT_FALSE(RenameNoReplace(dir.path() / "missing", dir.path() / "x").ok());
}

TEST(AppendToFile, AppendsAndCreates) {
  TempDir dir;
  fs::path p = dir.path() / "out";
  ASSERT_TRUE(AppendToFile(p, "a=1\n").ok());
  ASSERT_TRUE(AppendToFile(p, "b=2\n").ok());
  EXPECT_EQ(*ReadFile(p), "a=1\nb=2\n");
}

TEST(ListDir, SortedByteOrderWithTypes) {
  TempDir dir;
  dir.Write("b", "");
  dir.Mkdir("a");
  dir.Mkdir("C");
  ASSERT_EQ(::symlink("a", (dir.path() / "link").c_str()), 0);
  auto r = ListDir(dir.path());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ((*r)[0].name, "C");
  EXPECT_EQ((*r)[1].name, "a");
  EXPECT_TRUE((*r)[1].is_dir);
  EXPECT_EQ((*r)[2].name, "b");
  EXPECT_FALSE((*r)[2].is_dir);
  EXPECT_EQ((*r)[3].type, fs::file_type::symlink);
  EXPECT_TRUE((*r)[3].is_dir);
}

TEST(DisplayPath, EscapesInvalidUtf8) {
  EXPECT_EQ(DisplayPath(fs::path(std::string("a\xff") + "b")), "a\\xffb");
  EXPECT_EQ(DisplayPath(fs::path("caf\xc3\xa9")), "caf\xc3\xa9");
}

TEST(RelativePath, BelowAndOutside) {
  EXPECT_EQ(RelativePath("/r/organizations/a", "/r"), "organizations/a");
  EXPECT_EQ(RelativePath("/r/organizations/a", "/r/"), "organizations/a");
  EXPECT_EQ(RelativePath("/rx/a", "/r"), "/rx/a");
  EXPECT_EQ(RelativePath("/r", "/r"), ".");
}

}  // namespace
}  // namespace golden
