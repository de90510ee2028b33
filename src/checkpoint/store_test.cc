#include "checkpoint/store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "base/fs.h"
#include "testing/temp_dir.h"

namespace golden::checkpoint {
namespace {

using golden::testing::ReadFileOrDie;
using golden::testing::TempDir;

constexpr int64_t kNs = 1'795'765'448'397'291'000;

TEST(CheckpointDir, StampsNeverCollide) {
  TempDir t;
  CheckpointDir dir(t.path() / "checkpoints");
  Stamp s = StampAt(kNs);
  auto first = dir.WriteCheckpoint(s, "one");
  auto second = dir.WriteCheckpoint(s, "two");
  auto third = dir.WriteCheckpoint(s, "three");
  ASSERT_TRUE(first.ok() && second.ok() && third.ok());
  EXPECT_EQ(first->ToString(), "20261127-074408-397291");
  EXPECT_EQ(second->ToString(), "20261127-074408-397291-2");
  EXPECT_EQ(third->ToString(), "20261127-074408-397291-3");
  EXPECT_EQ(ReadFileOrDie(dir.path() / CheckpointName(*first)), "one");
  EXPECT_EQ(ReadFileOrDie(dir.path() / CheckpointName(*second)), "two");
  // A stamp whose drift file or archived copy exists is taken too.
  ASSERT_TRUE(dir.WriteDrift(StampAt(kNs + 1000), "{}").ok());
  auto after_drift = dir.WriteCheckpoint(StampAt(kNs + 1000), "four");
  ASSERT_TRUE(after_drift.ok());
  EXPECT_EQ(after_drift->seq, 2);
  EXPECT_FALSE(dir.WriteDrift(StampAt(kNs + 1000), "{}").ok());  // never replaced
}

TEST(CheckpointDir, ListsByStampNotByName) {
  TempDir t;
  CheckpointDir dir(t.path());
  Stamp s = StampAt(kNs);
  for (int i = 0; i < 11; ++i, s = s.Next()) ASSERT_TRUE(dir.WriteCheckpoint(s, "x").ok());
  ASSERT_TRUE(dir.WriteDrift(StampAt(kNs).Next(), "{}").ok());
  t.Write("checkpoint-20261127-074408.json", "original");  // the original's, same second
  t.Write("checkpoint-latest.json", "latest");
  t.Write("notes.txt", "not ours");
  t.Write(".checkpoint-latest.json.1234abcd.tmp", "a temporary file of a killed run");
  auto files = dir.List();
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 13u);
  EXPECT_EQ((*files)[0].name, "checkpoint-20261127-074408.json");
  EXPECT_EQ((*files)[1].name, "checkpoint-20261127-074408-397291.json");
  EXPECT_EQ((*files)[2].name, "checkpoint-20261127-074408-397291-2.json");
  EXPECT_EQ((*files)[3].name, "drift-20261127-074408-397291-2.json");
  EXPECT_EQ(files->back().name, "checkpoint-20261127-074408-397291-11.json");
}

TEST(CheckpointDir, PreviousIsLatestElseTheNewestStamp) {
  TempDir t;
  CheckpointDir dir(t.path());
  auto none = dir.Previous();
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(*none);
  Stamp s = StampAt(kNs);
  for (int i = 0; i < 10; ++i, s = s.Next()) ASSERT_TRUE(dir.WriteCheckpoint(s, "x").ok());
  // "-10" sorts before "-2" as text: the lookup must go by stamp.
  auto newest = dir.Previous();
  ASSERT_TRUE(newest.ok() && *newest);
  EXPECT_EQ((*newest)->filename(), "checkpoint-20261127-074408-397291-10.json");
  t.Write("checkpoint-latest.json", "x");
  auto latest = dir.Previous();
  ASSERT_TRUE(latest.ok() && *latest);
  EXPECT_EQ((*latest)->filename(), "checkpoint-latest.json");
  // Damaged or not, an existing latest is what the caller gets (and must report).
  t.Write("checkpoint-latest.json", "{garbage");
  EXPECT_EQ((*dir.Previous())->filename(), "checkpoint-latest.json");
}

TEST(CheckpointDir, ArchiveNeverOverwrites) {
  TempDir t;
  CheckpointDir dir(t.path());
  auto stamp = dir.WriteCheckpoint(StampAt(kNs), "first");
  ASSERT_TRUE(stamp.ok());
  std::string name = CheckpointName(*stamp);
  ASSERT_TRUE(dir.Archive(dir.path() / name, name).ok());
  EXPECT_EQ(ReadFileOrDie(dir.archive() / name), "first");
  t.Write(name, "second");
  Status again = dir.Archive(dir.path() / name, name);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.message().find("already exists"), std::string::npos);
  EXPECT_EQ(ReadFileOrDie(dir.archive() / name), "first");
  EXPECT_EQ(ReadFileOrDie(dir.path() / name), "second");
}

TEST(CheckpointDir, LatestIsAnotherNameOfTheNewestCheckpoint) {
  TempDir t;
  CheckpointDir dir(t.path());
  auto inode = [](const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
    return st.st_ino;
  };
  auto one = dir.WriteCheckpoint(StampAt(kNs), "one");
  ASSERT_TRUE(one.ok());
  ASSERT_TRUE(dir.WriteLatest(*one, "one").ok());
  EXPECT_EQ(inode(dir.latest()), inode(dir.path() / CheckpointName(*one)));
  auto two = dir.WriteCheckpoint(StampAt(kNs + 1000), "two");
  ASSERT_TRUE(two.ok());
  ASSERT_TRUE(dir.WriteLatest(*two, "two").ok());
  EXPECT_EQ(ReadFileOrDie(dir.latest()), "two");
  EXPECT_EQ(inode(dir.latest()), inode(dir.path() / CheckpointName(*two)));
  // Replacing the name never touches the checkpoint it named before.
  EXPECT_EQ(ReadFileOrDie(dir.path() / CheckpointName(*one)), "one");
  auto entries = ListDir(t.path());
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ(entries->size(), 3u);  // no temporary left behind
}

TEST(CheckpointDir, LatestIsACopyWhenNoLinkCanBeMade) {
  TempDir t;
  CheckpointDir dir(t.path());
  t.Write("checkpoint-latest.json", "old");
  // The stamped file is not there to link to: the content is written instead.
  ASSERT_TRUE(dir.WriteLatest(StampAt(kNs), "new").ok());
  EXPECT_EQ(ReadFileOrDie(dir.latest()), "new");
  auto entries = ListDir(t.path());
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ(entries->size(), 1u);
}

TEST(CheckpointDir, RemovesOnlyItsOwnStaleTemporaries) {
  TempDir t;
  CheckpointDir dir(t.path());
  t.Write(".checkpoint-latest.json.0a1b2c3d.tmp", "half");
  t.Write(".checkpoint-20260101-000000-000000.json.deadbeef.tmp", "half");
  t.Write(".drift-20260101-000000-000000.json.00000000.tmp", "half");
  t.Write(".other.json.0a1b2c3d.tmp", "not ours");
  t.Write(".checkpoint-latest.json.XYZ.tmp", "not the pattern");
  t.Write("checkpoint-latest.json", "kept");
  EXPECT_EQ(dir.RemoveStaleTemporaries(), 3u);
  auto entries = ListDir(t.path());
  ASSERT_TRUE(entries.ok());
  std::vector<std::string> names;
  for (const auto& e : *entries) names.push_back(e.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{".checkpoint-latest.json.XYZ.tmp", ".other.json.0a1b2c3d.tmp",
                                      "checkpoint-latest.json"}));
}

TEST(CheckpointDir, LockCreatesTheFolder) {
  TempDir t;
  CheckpointDir dir(t.path() / "a" / "b");
  auto lock = dir.Acquire();
  ASSERT_TRUE(lock.ok()) << lock.status().ToString();
  EXPECT_TRUE(fs::is_directory(dir.path()));
}

}  // namespace
}  // namespace golden::checkpoint
