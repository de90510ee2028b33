#include "checkpoint/drift_report.h"

#include <gtest/gtest.h>

#include "checkpoint/test_util.h"
#include "value/json.h"

namespace golden::checkpoint {
namespace {

using report::Severity;
using test::Finding;
using test::MakeState;
using test::Record;

size_t Count(const std::string& text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// 12 of each kind of change, so that every capped text group is capped.
DriftReport Big() {
  std::vector<RepoRecord> before, after;
  for (int i = 0; i < 12; ++i) {
    std::string n = std::to_string(100 + i);
    before.push_back(Record("del/r" + n));
    after.push_back(Record("new/r" + n));
    before.push_back(Record("chg/r" + n, true, "a"));
    after.push_back(Record("chg/r" + n, true, "b"));
    before.push_back(Record("imp/r" + n, false));
    after.push_back(Record("imp/r" + n, true));
    RepoRecord deg_before = Record("deg/r" + n, true);
    RepoRecord deg_after = Record("deg/r" + n, false);
    deg_after.findings = {Finding("docker.user", Severity::kError, "Dockerfile", 4, "root")};
    before.push_back(deg_before);
    after.push_back(deg_after);
  }
  State b = MakeState(before, "T1");
  State a = MakeState(after, "T2");
  return MakeDriftReport(a, &b, ComputeDrift(&b, a));
}

TEST(DriftText, CapsLongGroupsAndSaysHowManyItLeftOut) {
  std::string text = RenderDriftText(Big());
  EXPECT_NE(text.find("[NEW] 12 new repositories:\n"), std::string::npos);
  EXPECT_NE(text.find("[DELETED] 12 removed repositories:\n"), std::string::npos);
  EXPECT_NE(text.find("[CHANGED] 12 modified repositories:\n"), std::string::npos);
  EXPECT_EQ(Count(text, "  ... and 2 more\n"), 4u);  // new, deleted, changed, findings
  EXPECT_EQ(Count(text, "  [OK] "), 12u);            // improved and degraded: all of them
  EXPECT_EQ(Count(text, "  [WARN] deg/"), 12u);
  EXPECT_NE(text.find("  ~ chg/r100 (modified: README.md)\n"), std::string::npos);
  EXPECT_NE(text.find("[FINDINGS ADDED] 12 findings in 12 repositories:\n  deg/r100\n"
                      "    + [ERROR] docker.user: root (Dockerfile:4)\n"),
            std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 63), "\n\n" + std::string(60, '=') + "\n");
}

TEST(DriftText, TheOriginalsLayoutWithoutDrift) {
  State s = MakeState({Record("o/a"), Record("o/b", false)}, "2026-01-01T00:00:00.000000Z");
  std::string text = RenderDriftText(MakeDriftReport(s, nullptr, std::nullopt));
  std::string eq(60, '='), dash(40, '-');
  EXPECT_EQ(text, eq + "\nDRIFT DETECTION REPORT\n" + eq +
                      "\n\nCurrent Checkpoint: 2026-01-01T00:00:00.000000Z\n"
                      "Previous Checkpoint: None (first run)\nDrift Detected: No\n\n" +
                      dash + "\nSUMMARY\n" + dash +
                      "\n\nTotal Organizations: 1\nTotal Repositories:  2\n"
                      "Compliant:           1\nNon-Compliant:       1\n"
                      "Violations:          0\nWarnings:            0\n\n\n" +
                      eq + "\n");
}

TEST(DriftMarkdown, ItemisesEveryGroupDegradedFirst) {
  std::string md = RenderDriftMarkdown(Big());
  size_t degraded = md.find("### Compliance Degraded (Action Required)\n");
  ASSERT_NE(degraded, std::string::npos);
  EXPECT_LT(degraded, md.find("### New Repositories"));
  for (const char* heading :
       {"### New Repositories", "### Deleted Repositories", "### Changed Repositories",
        "### Compliance Improved", "### Findings Added"}) {
    EXPECT_NE(md.find(std::string(heading) + "\n"), std::string::npos) << heading;
  }
  EXPECT_EQ(md.find("### Findings Resolved"), std::string::npos);  // none
  EXPECT_EQ(Count(md, "- `new/r"), 12u);
  EXPECT_EQ(Count(md, "- `del/r"), 12u);
  EXPECT_EQ(Count(md, "- `chg/r"), 12u);
  EXPECT_NE(md.find("- `chg/r111`: modified `README.md`\n"), std::string::npos);
  EXPECT_NE(md.find("- `deg/r100`\n  - **error** `docker.user` in `Dockerfile` line 4: root\n"),
            std::string::npos);
  EXPECT_NE(md.find("| Drift Detected | Yes |"), std::string::npos);
  EXPECT_NE(md.find("- Compliance degraded: 12\n"), std::string::npos);
}

TEST(DriftMarkdown, NoDegradedSectionWithoutDegradation) {
  State b = MakeState({Record("o/a", false)});
  State a = MakeState({Record("o/a", true)});
  std::string md = RenderDriftMarkdown(MakeDriftReport(a, &b, ComputeDrift(&b, a)));
  EXPECT_EQ(md.find("Compliance Degraded"), std::string::npos);
  EXPECT_NE(md.find("### Compliance Improved\n\n- `o/a`\n"), std::string::npos);
}

TEST(DriftMarkdown, EscapesWhatRepositoriesAndFindingsContain) {
  RepoRecord before = Record("o/a`b", true);
  RepoRecord after = Record("o/a`b", false);
  after.findings = {Finding("policy.x", Severity::kError, "", 0,
                            "<script>alert(1)</script> *bold* [link](x) | pipe")};
  State b = MakeState({before});
  State a = MakeState({after});
  std::string md = RenderDriftMarkdown(MakeDriftReport(a, &b, ComputeDrift(&b, a)));
  EXPECT_NE(md.find("- ``o/a`b``\n"), std::string::npos) << md;
  EXPECT_NE(md.find("&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[link\\](x) \\| pipe"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("<script>"), std::string::npos);
}

TEST(DriftJson, TheOriginalsWrapperAndKeys) {
  DriftReport r = Big();
  auto doc = ParseJson(RenderDriftJson(r));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const Value* drift = doc->Find("drift");
  ASSERT_NE(drift, nullptr);
  EXPECT_TRUE(drift->Find("has_drift")->GetBool());
  EXPECT_EQ(drift->FindPath({"previous_checkpoint"})->GetString(), "T1");
  for (const char* key : {"new_repos", "deleted_repos", "changed_repos", "compliance_improved",
                          "compliance_degraded", "findings_added", "findings_resolved"}) {
    EXPECT_NE(drift->FindPath({"changes", key}), nullptr) << key;
  }
  EXPECT_EQ(drift->FindPath({"summary", "degraded_count"})->AsInt64(), 12);
  EXPECT_EQ(drift->FindPath({"summary", "findings_added_count"})->AsInt64(), 12);
  const Value* changed = drift->FindPath({"changes", "changed_repos"});
  ASSERT_EQ(changed->GetArray().size(), 12u);
  EXPECT_EQ(changed->GetArray()[0].FindPath({"files", "modified"})->GetArray()[0].GetString(),
            "README.md");
  EXPECT_EQ(doc->FindPath({"current_state", "summary", "total_repositories"})->AsInt64(), 48);
  EXPECT_EQ(doc->FindPath({"previous_state", "timestamp"})->GetString(), "T1");
}

TEST(DriftJson, BaselineHasAnEmptyDriftAndNullPreviousState) {
  State s = MakeState({Record("o/a")}, "T");
  auto doc = ParseJson(RenderDriftJson(MakeDriftReport(s, nullptr, std::nullopt)));
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->Find("drift")->IsObject());
  EXPECT_TRUE(doc->Find("drift")->GetObject().empty());
  EXPECT_TRUE(doc->FindPath({"previous_state", "timestamp"})->IsNull());
  EXPECT_TRUE(doc->FindPath({"previous_state", "summary"})->IsNull());
}

TEST(GithubOutput, ComesFromTheDriftItself) {
  DriftReport r = Big();
  EXPECT_EQ(RenderGithubOutput(r.drift, {{{"checkpoint", "c.json"}}}),
            "has_drift=true\ndegraded_count=12\nnew_count=12\ndeleted_count=12\n"
            "changed_count=12\nimproved_count=12\nfindings_added_count=12\n"
            "findings_resolved_count=0\ncheckpoint=c.json\n");
  State s = MakeState({Record("o/a")});
  Drift none = ComputeDrift(&s, s);
  EXPECT_EQ(RenderGithubOutput(none).substr(0, 33), "has_drift=false\ndegraded_count=0\n");
  EXPECT_EQ(RenderGithubOutput(std::nullopt).substr(0, 16), "has_drift=false\n");
  std::string multi = RenderGithubOutput(std::nullopt, {{{"path", "a\nb"}}});
  EXPECT_NE(multi.find("\npath<<GOLDEN_EOF\na\nb\nGOLDEN_EOF\n"), std::string::npos) << multi;
}

}  // namespace
}  // namespace golden::checkpoint
