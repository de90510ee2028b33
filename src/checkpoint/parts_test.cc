#include "checkpoint/parts.h"

#include <gtest/gtest.h>

#include "checkpoint/take.h"
#include "checkpoint/test_util.h"
#include "portfolio/shard.h"
#include "testing/temp_dir.h"

namespace golden::checkpoint {
namespace {

using golden::testing::SourceDir;

class Parts : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::path root = SourceDir() / "examples/governance";
    auto schema = portfolio::MetadataSchema::Load(root / ".metaHub/schemas/repo-schema.json");
    ASSERT_TRUE(schema.ok());
    schema_ = std::move(schema).value();
    target_ = test::Portfolio(root);
    options_.enforce.checks.schema = schema_.get();
    options_.generator = "golden test";
  }

  State Take(std::optional<report::Shard> shard, int64_t seconds = 1767225600) {
    portfolio::Target t = target_;
    if (shard) portfolio::SelectShard(&t, *shard);
    auto st = TakeCheckpoint(t, options_, seconds * 1'000'000'000);
    EXPECT_TRUE(st.ok()) << st.status().ToString();
    return st.ok() ? *st : State{};
  }

  // Part k of n, written and read back as `golden checkpoint --shard` and `--merge` do.
  Part TakePart(int k, int n, int64_t seconds = 1767225600) {
    Part p{report::Shard{k, n}, Take(report::Shard{k, n}, seconds)};
    auto back = ParsePart(SerializePart(p), "part.json");
    EXPECT_TRUE(back.ok()) << back.status().ToString();
    return back.ok() ? *back : Part{};
  }

  std::shared_ptr<const portfolio::MetadataSchema> schema_;
  portfolio::Target target_;
  TakeOptions options_;
};

TEST_F(Parts, MergedPartsAreTheCheckpointOfTheWholePortfolio) {
  State whole = Take(std::nullopt);
  // Scans that started at different moments: the merged checkpoint is as old as the first.
  auto merged = MergeParts(
      {TakePart(3, 3, 1767225602), TakePart(1, 3, 1767225601), TakePart(2, 3, 1767225600)});
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(SerializeState(*merged), SerializeState(whole));
  EXPECT_EQ(merged->checksum, whole.checksum);
  EXPECT_EQ(merged->summary.total_organizations, 4);
}

TEST_F(Parts, RefusesPartsThatDoNotMakeAWhole) {
  auto message = [](std::vector<Part> parts) {
    auto r = MergeParts(std::move(parts));
    return r.ok() ? std::string("ok") : r.status().message();
  };
  EXPECT_EQ(message({TakePart(1, 2)}), "shard 2/2 is missing");
  EXPECT_EQ(message({TakePart(1, 2), TakePart(1, 2)}), "shard 1/2 is given twice");
  EXPECT_EQ(message({TakePart(1, 2), TakePart(2, 3)}), "shards of different splits: 1/2 and 2/3");
  Part strict = TakePart(2, 2);
  strict.state.strict = true;
  EXPECT_EQ(message({TakePart(1, 2), strict}),
            "part 2/2 was taken another way than part 1/2: its strictness differs");
  // A part relabelled as another shard holds repositories of the wrong shard.
  Part relabelled = TakePart(1, 2);
  relabelled.shard.index = 2;
  Part one = TakePart(2, 2);
  one.shard.index = 1;
  EXPECT_NE(message({one, relabelled}).find("which belongs to shard"), std::string::npos);
}

TEST_F(Parts, ParseErrorsNameTheFile) {
  auto bad = ParsePart(R"({"shard": {"index": 3, "count": 2}, "checkpoint": {}})", "p.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "p.json: shard is not {index: K, count: N} with 1 <= K <= N (not a part written by "
            "golden checkpoint --shard K/N)");
  auto plain = ParsePart(SerializeState(Take(std::nullopt)), "checkpoint-latest.json");
  ASSERT_FALSE(plain.ok());
  EXPECT_NE(plain.status().message().find("expected the keys shard and checkpoint"),
            std::string::npos);
  // A damaged checkpoint inside is refused as a checkpoint file would be.
  Part p = TakePart(1, 1);
  std::string text = SerializePart(p);
  size_t pos = text.find("\"violations\": ");
  ASSERT_NE(pos, std::string::npos);
  text.replace(pos, 15, "\"violations\": 9");
  auto damaged = ParsePart(text, "p.json");
  ASSERT_FALSE(damaged.ok());
  EXPECT_NE(damaged.status().ToString().find("p.json"), std::string::npos);
}

}  // namespace
}  // namespace golden::checkpoint
