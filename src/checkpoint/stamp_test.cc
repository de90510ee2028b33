#include "checkpoint/stamp.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "checkpoint/store.h"

namespace golden::checkpoint {
namespace {

constexpr int64_t kNs = 1'795'765'448'397'291'123;  // 2026-11-27T07:44:08.397291123Z

TEST(Stamp, FormatsUtcWithMicroseconds) {
  Stamp s = StampAt(kNs);
  EXPECT_EQ(s.ToString(), "20261127-074408-397291");
  EXPECT_EQ(s.Next().ToString(), "20261127-074408-397291-2");
  EXPECT_EQ(s.Next().Next().ToString(), "20261127-074408-397291-3");
  EXPECT_EQ(IsoTimestampMicros(kNs), "2026-11-27T07:44:08.397291Z");
  EXPECT_EQ(IsoDate(kNs), "2026-11-27");
}

TEST(Stamp, ParsesWhatItPrintsAndTheOriginalsStamps) {
  for (const char* text : {"20261127-074408-397291", "20261127-074408-397291-2",
                           "20261127-074408-000000-12", "19700101-000000-000000"}) {
    std::optional<Stamp> s = ParseStamp(text);
    ASSERT_TRUE(s) << text;
    EXPECT_EQ(s->ToString(), text);
  }
  std::optional<Stamp> original = ParseStamp("20261127-074408");
  ASSERT_TRUE(original);
  EXPECT_FALSE(original->micros);
  EXPECT_EQ(original->ToString(), "20261127-074408");
  EXPECT_EQ(original->unix_us, 1'795'765'448'000'000);
}

TEST(Stamp, RejectsWhatIsNotAStamp) {
  for (const char* text :
       {"latest", "", "20261127", "20261127-0744", "20261327-074408", "20260230-074408",
        "20261127-246000", "20261127-074408-39729", "20261127-074408-397291-1",
        "20261127-074408-397291-02", "20261127-074408-397291-", "20261127-074408-397291-2x",
        "2026112a-074408"}) {
    EXPECT_FALSE(ParseStamp(text)) << text;
  }
}

TEST(Stamp, BeforeTheEpochStillPrintsTheRightTime) {
  EXPECT_EQ(StampAt(-1).ToString(), "19691231-235959-999999");
  EXPECT_EQ(IsoTimestampMicros(-1'000'000'001), "1969-12-31T23:59:58.999999Z");
}

TEST(Stamp, OrdersByTimeThenSequenceNotByName) {
  Stamp base = StampAt(kNs);
  std::vector<Stamp> stamps;
  Stamp s = base;
  for (int i = 0; i < 12; ++i, s = s.Next()) stamps.push_back(s);
  stamps.push_back(*ParseStamp("20261127-074408"));  // the original's, same second, earlier
  stamps.push_back(StampAt(kNs + 1000));             // one microsecond later
  std::vector<Stamp> sorted = stamps;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted.front().ToString(), "20261127-074408");
  EXPECT_EQ(sorted[1], base);
  EXPECT_EQ(sorted[12].ToString(), "20261127-074408-397291-12");  // "-12" < "-2" as text
  EXPECT_EQ(sorted.back().ToString(), "20261127-074408-397292");
}

TEST(StoredFileName, ClassifiesCheckpointsAndDriftFiles) {
  auto c = ClassifyName("checkpoint-20261127-074408-397291-2.json");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, StoredFile::Kind::kCheckpoint);
  EXPECT_EQ(c->stamp.seq, 2);
  auto d = ClassifyName("drift-20261127-074408.json");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->kind, StoredFile::Kind::kDrift);
  for (const char* name : {"checkpoint-latest.json", "checkpoint-20261127-074408.json.tmp",
                           ".checkpoint-20261127-074408.json.1234abcd.tmp", "checkpoint-.json",
                           "notes.json", "checkpoint-prev.json"}) {
    EXPECT_FALSE(ClassifyName(name)) << name;
  }
  EXPECT_EQ(CheckpointName(StampAt(kNs)), "checkpoint-20261127-074408-397291.json");
  EXPECT_EQ(DriftName(StampAt(kNs).Next()), "drift-20261127-074408-397291-2.json");
}

}  // namespace
}  // namespace golden::checkpoint
