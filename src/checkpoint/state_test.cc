#include "checkpoint/state.h"

#include <gtest/gtest.h>

#include "checkpoint/test_util.h"
#include "testing/temp_dir.h"
#include "value/json.h"

namespace golden::checkpoint {
namespace {

namespace fs = std::filesystem;
using report::Severity;
using test::Finding;
using test::MakeState;
using test::Record;

State Sample() {
  RepoRecord a = Record("alpha/lib", true, "aaa");
  a.findings = {Finding("readme.title", Severity::kWarning, "README.md", 0, "no title")};
  RepoRecord b = Record("alpha/svc", false, "bbb");
  b.tier = Value::Int(1);
  b.findings = {Finding("docker.user", Severity::kError, "Dockerfile", 3, "non-root \"x\""),
                Finding("metadata.missing", Severity::kError, "", 0, "caf\xc3\xa9 \xe2\x82\xac")};
  b.files.insert(b.files.begin(), {"Dockerfile", "ddd"});
  RepoRecord c = Record("beta-x/t\xc3\xa9st", true, "ccc");
  c.type = Value::String("unknown");
  return MakeState({b, c, a}, "2026-01-01T00:00:00.000000Z", {"zeta-empty"});
}

TEST(State, FinishSortsIndexesAndSummarises) {
  State s = Sample();
  ASSERT_EQ(s.repos.size(), 3u);
  EXPECT_EQ(s.repos[0].full_name, "alpha/lib");
  EXPECT_EQ(s.repos[2].full_name, "beta-x/t\xc3\xa9st");
  ASSERT_EQ(s.organizations.size(), 3u);
  EXPECT_EQ(s.organizations[0].name, "alpha");
  EXPECT_EQ(s.organizations[0].repos, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(s.organizations[2].name, "zeta-empty");
  EXPECT_TRUE(s.organizations[2].repos.empty());
  EXPECT_EQ(s.summary.total_organizations, 3);
  EXPECT_EQ(s.summary.total_repositories, 3);
  EXPECT_EQ(s.summary.compliant, 2);
  EXPECT_EQ(s.summary.non_compliant, 1);
  EXPECT_EQ(s.summary.by_tier.at("1"), 1);
  EXPECT_EQ(s.summary.by_tier.at("3"), 2);
  EXPECT_EQ(s.summary.by_tier.at("4"), 0);
  EXPECT_EQ(s.summary.total_violations, 2);
  EXPECT_EQ(s.summary.total_warnings, 1);
  EXPECT_EQ(s.checksum.size(), 16u);
  EXPECT_EQ(s.Find("alpha/svc"), &s.repos[1]);
  EXPECT_EQ(s.Find("alpha/nope"), nullptr);
}

TEST(State, WrittenFilesReadBackIdentically) {
  State s = Sample();
  std::string text = SerializeState(s);
  auto back = ParseState(text, "c.json");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->checksum, s.checksum);
  EXPECT_EQ(SerializeState(*back), text);
  const RepoRecord* svc = back->Find("alpha/svc");
  ASSERT_NE(svc, nullptr);
  ASSERT_EQ(svc->findings.size(), 2u);
  EXPECT_EQ(svc->findings[0].line, 3);
  EXPECT_EQ(svc->findings[1].file, "");
  EXPECT_EQ(svc->findings[1].line, 0);
  EXPECT_EQ(svc->files.size(), 2u);
  EXPECT_TRUE(back->organizations[2].repos.empty());
}

TEST(State, NumbersReadBackAsWritten) {
  // Metadata fields keep whatever the YAML held: numbers with a fraction and integers beyond 64
  // bits must come back digit for digit, or the checksum would no longer match.
  State s = Sample();
  s.repos[0].type = Value::Num(*Number::Parse("1.50"));
  s.repos[1].language = Value::Num(*Number::Parse("123456789012345678901234567890"));
  s.repos[2].status = Value::Num(*Number::Parse("-0.0"));
  Finish(&s);
  std::string text = SerializeState(s);
  ASSERT_NE(text.find("\"type\": 1.50"), std::string::npos);
  auto back = ParseState(text, "c.json");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->checksum, s.checksum);
  EXPECT_EQ(SerializeState(*back), text);
}

TEST(State, SameStateAsRecognisesOnlyAnotherTimestamp) {
  State s = Sample();
  std::string previous = SerializeState(s);
  State later = s;
  later.timestamp = "2026-02-02T10:00:00.000001Z";
  std::string current = SerializeState(later);
  ASSERT_NE(previous, current);
  EXPECT_EQ(SameStateAs(previous, current), s.timestamp);
  // What SameStateAs vouches for: the previous file reads back as the current state.
  auto parsed = ParseState(previous, "c.json");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  parsed->timestamp = later.timestamp;
  EXPECT_EQ(SerializeState(*parsed), current);

  // Anything else that differs, however small, and the previous file must be read.
  auto changed = [&](auto edit) {
    State other = later;
    edit(&other);
    Finish(&other);
    return SerializeState(other);
  };
  EXPECT_FALSE(SameStateAs(previous, changed([](State* o) { o->repos[0].compliant ^= true; })));
  EXPECT_FALSE(SameStateAs(previous, changed([](State* o) { o->generator = "golden 9"; })));
  EXPECT_FALSE(SameStateAs(previous, changed([](State* o) { o->repos[1].files[0].second = "x"; })));
  std::string damaged = previous;
  damaged[damaged.size() / 2] ^= 1;
  EXPECT_FALSE(SameStateAs(damaged, current));
  EXPECT_FALSE(SameStateAs(previous.substr(0, previous.size() - 1), current));
  std::string escaped = previous;
  escaped.replace(escaped.find(s.timestamp), s.timestamp.size(), "a\\\"b");
  EXPECT_FALSE(SameStateAs(escaped, current));
  EXPECT_FALSE(SameStateAs("", current));
  // A file laid out another way (the original's, a hand edit) is never taken as the same.
  auto reparsed = ParseJson(previous);
  ASSERT_TRUE(reparsed.ok());
  EXPECT_FALSE(SameStateAs(ToJson(*reparsed, {2}), current));
}

TEST(State, AParseCanBeCancelled) {
  std::string text = SerializeState(Sample());
  std::atomic<bool> cancel{true};
  auto st = ParseState(text, "c.json", &cancel);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.status().code(), StatusCode::kCancelled);
  cancel = false;
  EXPECT_TRUE(ParseState(text, "c.json", &cancel).ok());
}

TEST(State, OrganizationsListTheirOwnRecordsWhateverTheNameOrder) {
  // "a-b/y" sorts before "a/x" ('-' < '/') but organization "a" before "a-b": the two sections
  // list records in different orders, and each must still hold the right ones (the reader
  // checks every copy against `repositories`). More records than one rendering block, too.
  std::vector<RepoRecord> records;
  for (int i = 0; i < 1500; ++i) {
    records.push_back(Record((i % 2 ? "a/x" : "a-b/y") + std::to_string(i), i % 3 == 0,
                             "h" + std::to_string(i)));
  }
  State s = MakeState(records, "2026-01-01T00:00:00.000000Z");
  std::string text = SerializeState(s);
  auto back = ParseState(text, "c.json");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(SerializeState(*back), text);
  size_t repositories = text.find("\"repositories\"");
  EXPECT_LT(text.find("\"a\": {"), text.find("\"a-b\": {"));
  EXPECT_LT(text.find("\"a-b/y0\": {", repositories), text.find("\"a/x1\": {", repositories));
}

TEST(State, KeepsTheOriginalsKeysInItsOrder) {
  std::string text = SerializeState(Sample());
  size_t last = 0;
  for (const char* key : {"\"timestamp\"", "\"version\"", "\"checksum\"", "\"organizations\"",
                          "\"repositories\"", "\"summary\""}) {
    size_t at = text.find(key);
    ASSERT_NE(at, std::string::npos) << key;
    EXPECT_GT(at, last) << key;
    last = at;
  }
  // The runbook's query: repositories.<org/repo>.compliant.
  auto doc = ParseJson(text);
  ASSERT_TRUE(doc.ok());
  const Value* compliant = doc->FindPath({"repositories", "alpha/svc", "compliant"});
  ASSERT_NE(compliant, nullptr);
  EXPECT_FALSE(compliant->GetBool());
  EXPECT_NE(doc->FindPath({"organizations", "alpha", "repos", "svc", "compliance_checks"}),
            nullptr);
  EXPECT_EQ(doc->FindPath({"organizations", "alpha", "repos", "svc", "findings"}), nullptr);
}

// The original's checksum: sha256 of json.dumps(repositories, sort_keys=True)[:16]. Its own
// files (../shared/anchor-data) must verify.
TEST(State, ReadsAndVerifiesTheOriginalsCheckpoints) {
  fs::path shared = golden::testing::SharedDir() / "anchor-data";
  if (!fs::exists(shared)) GTEST_SKIP() << "no " << shared;
  for (const char* rel :
       {"sample-runs/checkpoint-baseline.json", "sample-runs/checkpoint-latest.json",
        "original-outputs/checkpoint-latest.json"}) {
    std::string text = golden::testing::ReadFileOrDie(shared / rel);
    auto st = ParseState(text, rel);
    ASSERT_TRUE(st.ok()) << st.status().ToString();
    EXPECT_TRUE(st->IsOriginal());
    EXPECT_FALSE(st->repos.empty());
    EXPECT_FALSE(st->repos[0].has_details);
    EXPECT_EQ(st->summary.total_repositories, static_cast<int>(st->repos.size()));
  }
  auto baseline = ParseState(
      golden::testing::ReadFileOrDie(shared / "sample-runs/checkpoint-baseline.json"), "b");
  ASSERT_TRUE(baseline.ok());
  EXPECT_EQ(baseline->checksum, "86836b4c618b5997");
}

TEST(State, TamperingIsCaughtByTheChecksum) {
  std::string text = SerializeState(Sample());
  size_t at = text.find("\"compliant\": false", text.find("\"repositories\""));
  ASSERT_NE(at, std::string::npos);
  std::string tampered = text;
  tampered.replace(at, 18, "\"compliant\": true ");
  auto st = ParseState(tampered, "c.json");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.status().message().find("c.json: checksum mismatch"), std::string::npos)
      << st.status().message();
}

TEST(State, DamagedFilesAreErrorsThatNameTheFileAndThePlace) {
  std::string text = SerializeState(Sample());
  struct Case {
    std::string text;
    std::string expected;
  };
  std::string no_summary_totals = text;
  no_summary_totals.replace(no_summary_totals.find("\"total_violations\": 2"), 21,
                            "\"total_violations\": 9");
  std::string orgs_mismatch = text;
  orgs_mismatch.replace(orgs_mismatch.find("\"compliant\": false"), 18, "\"compliant\": true ");
  std::string wrong_type = text;
  wrong_type.replace(wrong_type.find("\"strict\": false"), 15, "\"strict\": \"no\"");
  std::string extra_key = text;
  extra_key.replace(extra_key.find("\"violations\": 0"), 15, "\"violation\": 0, \"x\": 1");
  std::string missing_key = text;
  size_t at = missing_key.find("\"files_hash\": \"fh-bbb\",", missing_key.find("\"repositories\""));
  missing_key.erase(at, std::string("\"files_hash\": \"fh-bbb\",").size());
  std::string bad_line = text;
  bad_line.replace(bad_line.find("\"line\": 3"), 9, "\"line\": -3");
  std::string unknown_version = text;
  unknown_version.replace(unknown_version.find("\"3.0\""), 5, "\"9.1\"");
  for (const Case& c : {
           Case{text.substr(0, text.size() / 2), "c.json:"},
           Case{"", "c.json:1:1"},
           Case{"[]", "c.json: (top level): expected an object"},
           Case{no_summary_totals, "c.json: summary: does not add up"},
           Case{orgs_mismatch, "c.json: organizations.alpha.repos.svc: does not match"},
           Case{wrong_type, "c.json: strict: expected true or false"},
           Case{unknown_version, "c.json: version: unknown checkpoint format '9.1'"},
           Case{extra_key, "c.json: repositories.alpha/lib.violation: unexpected key"},
           Case{missing_key, "c.json: repositories.alpha/svc: missing key 'files_hash'"},
           Case{bad_line, "c.json: repositories.alpha/svc.findings[0].line: expected a whole"},
       }) {
    auto st = ParseState(c.text, "c.json");
    ASSERT_FALSE(st.ok()) << c.expected;
    EXPECT_EQ(st.status().ToString().substr(0, c.expected.size()), c.expected)
        << st.status().ToString();
  }
}

TEST(State, DamageAnywhereIsAnErrorNeverACrash) {
  std::string text = SerializeState(Sample());
  size_t accepted = 0;
  const size_t step = 61;
  for (size_t at = 0; at < text.size(); at += step) {
    for (char c : {'x', '"', '}', '\0'}) {
      std::string damaged = text;
      damaged[at] = c;
      auto st = ParseState(damaged, "c.json");
      if (st.ok()) {
        // Only changes that do not alter the content may pass (e.g. inside whitespace).
        EXPECT_EQ(st->checksum, Sample().checksum) << at;
        ++accepted;
      } else {
        EXPECT_EQ(st.status().ToString().substr(0, 6), "c.json") << st.status().ToString();
      }
    }
    auto truncated = ParseState(std::string_view(text).substr(0, at), "c.json");
    EXPECT_FALSE(truncated.ok()) << at;  // cut before the closing brace
  }
  EXPECT_LT(accepted, text.size() / step);
}

TEST(State, AnEmptyOriginalCheckpointIsValid) {
  // What checkpoint.py wrote when organizations/ was missing.
  auto st = ParseState(R"({"timestamp": "t", "version": "2.0", "checksum": "",
      "organizations": {}, "repositories": {}, "summary": {"total_organizations": 0,
      "total_repositories": 0, "compliant": 0, "non_compliant": 0,
      "by_tier": {"1": 0, "2": 0, "3": 0, "4": 0}}})",
                       "empty.json");
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_TRUE(st->repos.empty());
}

}  // namespace
}  // namespace golden::checkpoint
