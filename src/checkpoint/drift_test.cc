#include "checkpoint/drift.h"

#include <gtest/gtest.h>

#include "checkpoint/drift_report.h"
#include "checkpoint/test_util.h"

namespace golden::checkpoint {
namespace {

using report::Severity;
using test::Finding;
using test::MakeState;
using test::Record;
using Strings = std::vector<std::string>;

TEST(Drift, NoPreviousCheckpointMakesEveryRepositoryNew) {
  State cur = MakeState({Record("b/x"), Record("a/y")});
  Drift d = ComputeDrift(nullptr, cur);
  EXPECT_TRUE(d.has_drift());
  EXPECT_FALSE(d.previous_checkpoint);
  EXPECT_EQ(d.new_repos, (Strings{"a/y", "b/x"}));
  // Even with no repository at all, as the original: has_drift is then false (nothing new).
  EXPECT_FALSE(ComputeDrift(nullptr, MakeState({})).has_drift());
}

TEST(Drift, NothingChanged) {
  State a = MakeState({Record("o/x"), Record("o/y", false)}, "T1");
  State b = MakeState({Record("o/x"), Record("o/y", false)}, "T2");
  Drift d = ComputeDrift(&a, b);
  EXPECT_FALSE(d.has_drift());
  EXPECT_EQ(*d.previous_checkpoint, "T1");
  EXPECT_EQ(d.current_checkpoint, "T2");
  EXPECT_TRUE(d.notes.empty());
}

TEST(Drift, NoDriftIsWhatComparingTheSameStateGives) {
  State a = MakeState({Record("o/x"), Record("o/y", false)}, "T1");
  State b = MakeState({Record("o/x"), Record("o/y", false)}, "T2");
  EXPECT_EQ(DriftJson(NoDrift("T1", b)), DriftJson(ComputeDrift(&a, b)));
}

TEST(Drift, EveryKindOfChangeSorted) {
  RepoRecord changed_before = Record("o/changed", true, "old");
  changed_before.files.push_back({"Dockerfile", "d1"});
  changed_before.files.push_back({"b.yml", "gone"});
  RepoRecord changed_after = Record("o/changed", true, "new");
  changed_after.files.push_back({"Dockerfile", "d1"});
  changed_after.files.push_back({"a.yml", "added"});
  std::sort(changed_before.files.begin(), changed_before.files.end());
  std::sort(changed_after.files.begin(), changed_after.files.end());
  State before =
      MakeState({Record("z/deleted"), Record("a/deleted"), changed_before,
                 Record("o/improves", false), Record("o/degrades", true), Record("o/same")});
  State after =
      MakeState({Record("z/new"), Record("a/new"), changed_after, Record("o/improves", true),
                 Record("o/degrades", false), Record("o/same")});
  Drift d = ComputeDrift(&before, after);
  EXPECT_TRUE(d.has_drift());
  EXPECT_EQ(d.new_repos, (Strings{"a/new", "z/new"}));
  EXPECT_EQ(d.deleted_repos, (Strings{"a/deleted", "z/deleted"}));
  ASSERT_EQ(d.changed_repos.size(), 1u);
  const ChangedRepo& c = d.changed_repos[0];
  EXPECT_EQ(c.repo, "o/changed");
  EXPECT_EQ(c.previous_hash, "fh-old");
  EXPECT_EQ(c.current_hash, "fh-new");
  EXPECT_EQ(c.files.modified, Strings{"README.md"});
  EXPECT_EQ(c.files.added, Strings{"a.yml"});
  EXPECT_EQ(c.files.removed, Strings{"b.yml"});
  EXPECT_EQ(d.compliance_improved, Strings{"o/improves"});
  EXPECT_EQ(d.compliance_degraded, Strings{"o/degrades"});
}

TEST(Drift, ListsAreInByteOrderWhateverTheInputOrder) {
  std::vector<RepoRecord> many;
  for (const char* n : {"b/2", "a-b/1", "a/1", "A/9", "b/10", "a.b/1"}) many.push_back(Record(n));
  State cur = MakeState(many);
  State empty = MakeState({});
  Drift d = ComputeDrift(&empty, cur);
  EXPECT_EQ(d.new_repos, (Strings{"A/9", "a-b/1", "a.b/1", "a/1", "b/10", "b/2"}));
}

TEST(Drift, FindingsAddedAndResolvedIgnoreLineMoves) {
  RepoRecord before = Record("o/r", false);
  before.findings = {
      Finding("docker.user", Severity::kError, "Dockerfile", 3, "run as non-root"),
      Finding("docker.privileged-port", Severity::kError, "Dockerfile", 7, "port 80"),
      Finding("readme.title", Severity::kWarning, "README.md", 0, "title"),
  };
  RepoRecord after = Record("o/r", false);
  after.findings = {
      // moved from line 3 to 5: the same finding
      Finding("docker.user", Severity::kError, "Dockerfile", 5, "run as non-root"),
      Finding("docker.privileged-port", Severity::kError, "Dockerfile", 9, "port 80"),
      // a second identical finding: one added
      Finding("docker.privileged-port", Severity::kError, "Dockerfile", 10, "port 80"),
      // the warning became a violation (strict): resolved + added
      Finding("readme.title", Severity::kError, "README.md", 0, "title"),
  };
  State b = MakeState({before});
  Drift d = ComputeDrift(&b, MakeState({after}));
  ASSERT_EQ(d.findings_added.size(), 1u);
  EXPECT_EQ(d.findings_added[0].repo, "o/r");
  ASSERT_EQ(d.findings_added[0].findings.size(), 2u);
  EXPECT_EQ(d.findings_added[0].findings[0].line, 10);
  EXPECT_EQ(d.findings_added[0].findings[1].rule, "readme.title");
  EXPECT_EQ(d.findings_added[0].findings[1].severity, Severity::kError);
  ASSERT_EQ(d.findings_resolved.size(), 1u);
  ASSERT_EQ(d.findings_resolved[0].findings.size(), 1u);
  EXPECT_EQ(d.findings_resolved[0].findings[0].severity, Severity::kWarning);
  EXPECT_EQ(d.findings_added_count(), 2u);
  EXPECT_EQ(d.findings_resolved_count(), 1u);
  EXPECT_TRUE(d.has_drift());
  EXPECT_TRUE(d.compliance_degraded.empty());
}

TEST(Drift, AgainstTheOriginalsCheckpointOnlyNewAndDeletedCount) {
  State original = MakeState({Record("o/a", false, "x"), Record("o/gone")});
  original.version = std::string(kOriginalFormatVersion);
  original.hash_algorithm.clear();
  for (RepoRecord& r : original.repos) r.has_details = false;
  State cur = MakeState({Record("o/a", true, "y"), Record("o/new")});
  Drift d = ComputeDrift(&original, cur);
  EXPECT_EQ(d.new_repos, Strings{"o/new"});
  EXPECT_EQ(d.deleted_repos, Strings{"o/gone"});
  EXPECT_TRUE(d.changed_repos.empty());
  EXPECT_TRUE(d.compliance_improved.empty());
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_NE(d.notes[0].find("format 2.0"), std::string::npos);
}

TEST(Drift, AnotherHashAlgorithmSkipsFileChanges) {
  State before = MakeState({Record("o/a", true, "x")});
  before.hash_algorithm = "something-else";
  Drift d = ComputeDrift(&before, MakeState({Record("o/a", false, "y")}));
  EXPECT_TRUE(d.changed_repos.empty());
  EXPECT_EQ(d.compliance_degraded, Strings{"o/a"});
  ASSERT_EQ(d.notes.size(), 1u);
}

TEST(Drift, ChangedFilePatternsCompareOnlyFilesBothCover) {
  RepoRecord before = Record("o/a", true, "same");
  RepoRecord after = Record("o/a", true, "same");
  after.files.push_back({"package.json", "p"});  // newly covered, not a change
  after.files_hash = "different";
  State b = MakeState({before});
  State a = MakeState({after});
  a.hash_files = {"README.md", "package.json"};
  Drift d = ComputeDrift(&b, a);
  EXPECT_TRUE(d.changed_repos.empty());
  ASSERT_EQ(d.notes.size(), 1u);
  after.files[0].second = "edited";
  State a2 = MakeState({after});
  a2.hash_files = a.hash_files;
  Drift d2 = ComputeDrift(&b, a2);
  ASSERT_EQ(d2.changed_repos.size(), 1u);
  EXPECT_EQ(d2.changed_repos[0].files.modified, Strings{"README.md"});
}

TEST(Drift, StrictnessChangeIsNoted) {
  State before = MakeState({Record("o/a")});
  State after = MakeState({Record("o/a")});
  after.strict = true;
  Drift d = ComputeDrift(&before, after);
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_NE(d.notes[0].find("strict"), std::string::npos);
}

}  // namespace
}  // namespace golden::checkpoint
