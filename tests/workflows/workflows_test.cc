// The GitHub Actions workflows that `golden init` writes: valid against GitHub's workflow
// schema, scheduled as the runbook says, and their shell steps run end to end on the example
// portfolio (workflow_runner.h): enforce, catalog and checkpoint, with the reports, the step
// summaries, $GITHUB_OUTPUT, the commits they push and the issues they open and close.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "testing/json_schema.h"
#include "testing/subprocess.h"
#include "testing/temp_dir.h"
#include "value/json.h"
#include "value/yaml.h"
#include "workflows/workflow_runner.h"

namespace golden::testing {
namespace {

namespace fs = std::filesystem;

const char* const kWorkflows[] = {"enforce.yml", "catalog.yml", "checkpoint.yml"};

fs::path Templates() { return SourceDir() / "templates/init"; }

Value LoadYaml(const fs::path& file) {
  auto v = ParseYaml(ReadFileOrDie(file), file.string());
  EXPECT_TRUE(v.ok()) << v.status().ToString();
  return v.ok() ? *v : Value();
}

TEST(Workflows, ValidateAgainstGithubsWorkflowSchema) {
  fs::path schema_file = SharedDir() / "schemas/github-workflow.json";
  if (!fs::exists(schema_file)) GTEST_SKIP() << "no workflow schema at " << schema_file;
  auto schema = JsonSchema::Load(schema_file);
  ASSERT_TRUE(schema);
  // The schema does reject: a workflow without jobs, a step with both run and uses.
  EXPECT_FALSE(schema->Validate(R"({"on": "push"})").empty());
  EXPECT_FALSE(schema
                   ->Validate(R"({"on":"push","jobs":{"a":{"runs-on":"x","steps":[)"
                              R"({"run":"true","uses":"actions/checkout@v4"}]}}})")
                   .empty());
  for (const char* name : kWorkflows) {
    std::vector<std::string> errors =
        schema->Validate(ToJson(LoadYaml(Templates() / ".github/workflows" / name)));
    EXPECT_TRUE(errors.empty()) << name << ": " << errors.front();
  }
}

std::string Cron(const Value& wf) {
  const Value* s = wf.FindPath({"on", "schedule"});
  if (s == nullptr || s->Size() != 1) return "";
  return std::string(s->GetArray()[0].Find("cron")->GetString());
}

TEST(Workflows, ScheduledAsTheRunbookSaysAndHidingNoFailure) {
  Value enforce = LoadYaml(Templates() / ".github/workflows/enforce.yml");
  Value catalog = LoadYaml(Templates() / ".github/workflows/catalog.yml");
  Value checkpoint = LoadYaml(Templates() / ".github/workflows/checkpoint.yml");
  EXPECT_EQ(Cron(enforce), "0 */6 * * *");
  EXPECT_EQ(Cron(catalog), "0 8 * * *");
  EXPECT_EQ(Cron(checkpoint), "0 8 * * 1");
  for (const Value* wf : {&enforce, &catalog, &checkpoint}) {
    EXPECT_NE(wf->FindPath({"on", "workflow_dispatch"}), nullptr);
  }
  EXPECT_EQ(ToJson(*enforce.FindPath({"on", "push", "paths"})),
            R"(["organizations/**",".metaHub/**","!.metaHub/catalog/**",)"
            R"("!.metaHub/checkpoints/**",".github/workflows/enforce.yml"])");
  EXPECT_EQ(ToJson(*catalog.FindPath({"on", "push", "paths"})), R"(["organizations/**"])");
  for (const char* name : kWorkflows) {
    std::string text = ReadFileOrDie(Templates() / ".github/workflows" / name);
    EXPECT_EQ(text.find("|| true"), std::string::npos) << name;
    EXPECT_EQ(text.find("continue-on-error"), std::string::npos) << name;
    EXPECT_NE(text.find("permissions:"), std::string::npos) << name;
  }
}

// Every step of `run` with its exit status and stderr, for failure messages.
std::string Dump(const WorkflowRun& run) {
  std::string out;
  for (const StepRun& s : run.steps) {
    out += "\n[" + s.job + "] " + s.name + (s.ran ? "" : " (skipped)") + " -> " +
           std::to_string(s.exit_code) + (s.err.empty() ? "" : "\n" + s.err);
  }
  return out;
}

// A shell command for the test's own set-up; fails the test when it fails.
void Sh(const std::string& command, const fs::path& cwd, const fs::path& home) {
  ProcessResult r = RunProcess({"/bin/bash", "-eo", "pipefail", "-c", command},
                               {{"PATH", "/usr/bin:/bin"}, {"HOME", home.string()}}, cwd);
  ASSERT_EQ(r.exit_code, 0) << command << "\n" << r.out << r.err;
}

std::string ShOut(const std::string& command, const fs::path& cwd) {
  ProcessResult r = RunProcess({"/bin/bash", "-c", command}, {{"PATH", "/usr/bin:/bin"}}, cwd);
  EXPECT_EQ(r.exit_code, 0) << command << "\n" << r.err;
  return r.out;
}

// A governance root made by `golden init`, holding the example portfolio, committed and
// pushed to a bare "origin"; a golden release (tarball and .sha256) for setup-golden to fetch.
class WorkflowsEndToEnd : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"/usr/bin/git", "/usr/bin/jq", "/usr/bin/sha256sum", "/bin/tar"}) {
      if (!fs::exists(tool)) GTEST_SKIP() << tool << " is not installed";
    }
    work_ = tmp_.path() / "work";
    home_ = tmp_.Mkdir("home");
    ProcessResult init = RunProcess({GoldenBinary().string(), "init", "-q", work_.string()},
                                    {{"PATH", "/usr/bin:/bin"}}, tmp_.path());
    ASSERT_EQ(init.exit_code, 0) << init.err;
    ASSERT_EQ(init.out, "");
    fs::copy(SourceDir() / "examples/governance/organizations", work_ / "organizations",
             fs::copy_options::recursive);
    Sh("git init -q --bare origin.git", tmp_.path(), home_);
    Sh("git init -q -b main && git add -A && git -c user.name=t -c user.email=t@e "
       "commit -q -m init && git remote add origin ../origin.git && git push -q -u origin main",
       work_, home_);

    // The release the setup-golden action downloads by default (made once: a tarball of the
    // binary under test and its .sha256, as `make dist` makes them).
    Value action = LoadYaml(work_ / ".github/actions/setup-golden/action.yml");
    version_ = std::string(action.FindPath({"inputs", "version", "default"})->GetString());
    asset_ = "golden-" + version_ + "-linux-x86_64.tar.gz";
    release_ = tmp_.Mkdir("release");
    if (!fs::exists(Release() / asset_)) {
      fs::path bin = Release() / "bin";
      fs::create_directories(bin);
      // Stripped, so that packing and unpacking the debug build stays quick.
      Sh("strip -o golden " + GoldenBinary().string() + " || cp " + GoldenBinary().string() +
             " golden",
         bin, home_);
      Sh("tar -cf - golden | gzip -1 > ../" + asset_ + " && cd .. && sha256sum " + asset_ + " > " +
             asset_ + ".sha256",
         bin, home_);
    }
    for (const std::string& f : {asset_, asset_ + ".sha256"}) {
      fs::copy_file(Release() / f, release_ / f);
    }
    runner_ = std::make_unique<WorkflowRunner>(work_, tmp_.Mkdir("runner"), release_);
  }

  // `golden <args>` in the workspace, as a step would run it.
  std::string Golden(std::vector<std::string> args) {
    args.insert(args.begin(), GoldenBinary().string());
    return RunProcess(args, {{"PATH", "/usr/bin:/bin"}, {"SOURCE_DATE_EPOCH", "1767225600"}}, work_)
        .out;
  }

  std::string OriginLog() {
    return ShOut("git --git-dir=origin.git log --format=%s main", tmp_.path());
  }
  std::string OriginFile(const std::string& path) {
    return ShOut("git --git-dir=origin.git show main:" + path, tmp_.path());
  }
  void CommitAndPush(const std::string& message) {
    Sh("git add organizations && git -c user.name=t -c user.email=t@e commit -q -m '" + message +
           "' && git push -q",
       work_, home_);
  }

  // One release for the whole suite.
  static void TearDownTestSuite() { release_dir_.reset(); }
  static fs::path Release() {
    if (!release_dir_) release_dir_ = std::make_unique<TempDir>();
    return release_dir_->path();
  }
  static inline std::unique_ptr<TempDir> release_dir_;

  TempDir tmp_;
  fs::path work_, home_, release_;
  std::string version_, asset_;
  std::unique_ptr<WorkflowRunner> runner_;
};

TEST_F(WorkflowsEndToEnd, EnforceReportsEverywhereAndFailsOnViolations) {
  WorkflowRun run = runner_->Run(".github/workflows/enforce.yml");
  // The shard job: golden installed from the checked release, violations left to the report.
  const StepRun* setup = run.Find("./.github/actions/setup-golden", "enforce (1)");
  ASSERT_NE(setup, nullptr);
  EXPECT_EQ(setup->exit_code, 0) << setup->err;
  EXPECT_NE(setup->out.find(asset_ + ": OK"), std::string::npos) << setup->out;
  EXPECT_NE(setup->out.find("golden " + version_), std::string::npos) << setup->out;
  EXPECT_FALSE(run.job_failed["enforce (1)"]) << Dump(run);
  EXPECT_TRUE(fs::exists(work_ / "shards/enforce-1.json"));

  const StepRun* report = run.Find("report", "report");
  ASSERT_NE(report, nullptr);
  EXPECT_EQ(report->exit_code, 0) << report->err;
  EXPECT_EQ(report->outputs.at("status"), "1");
  EXPECT_EQ(report->outputs.at("violations"), "53");
  EXPECT_EQ(report->outputs.at("warnings"), "51");
  // Annotations in the log, capped, with the summary line.
  EXPECT_NE(report->out.find("::error file=organizations/alpha/demo-schema-bad/.meta/repo.yaml,"
                             "line=3,title=metadata.schema::"),
            std::string::npos)
      << report->out;
  EXPECT_NE(report->out.find("::notice title=golden enforce::golden enforce: 19 repositories, "
                             "13 failed; 53 violations, 51 warnings."),
            std::string::npos)
      << report->out;
  // The step summary is golden's Markdown report, every organization in it.
  EXPECT_EQ(run.summaries["report"], Golden({"enforce", "--report", "markdown"}));
  EXPECT_NE(run.summaries["report"].find("| zeta-empty | 0 |"), std::string::npos);
  // SARIF to code scanning, every report as an artifact, and the job fails.
  EXPECT_EQ(run.sarif_uploads, std::vector<std::string>{"enforcement-reports/enforce.sarif"});
  EXPECT_EQ(ReadFileOrDie(work_ / "enforcement-reports/enforce.sarif"),
            Golden({"enforce", "--report", "sarif"}));
  for (const char* f : {"enforce.json", "enforce.sarif", "enforce.junit.xml", "enforce.md"}) {
    EXPECT_TRUE(fs::exists(tmp_.path() / "runner/artifacts/enforcement-reports" / f)) << f;
  }
  const StepRun* fail = run.Find("Fail on violations", "report");
  ASSERT_NE(fail, nullptr);
  EXPECT_TRUE(fail->ran);
  EXPECT_EQ(fail->exit_code, 1);
  EXPECT_EQ(fail->out, "::error title=golden enforce::53 violations: see the job summary\n");
  EXPECT_TRUE(run.job_failed["report"]);
  // The release binary's libraries were asked for.
  std::vector<std::string> apt = runner_->AptCalls();
  EXPECT_TRUE(std::any_of(apt.begin(), apt.end(), [](const std::string& c) {
    return c.find("libgit2-1.5") != std::string::npos;
  }));
}

TEST_F(WorkflowsEndToEnd, ShardedEnforceGivesTheSameReport) {
  WorkflowRun one = runner_->Run(".github/workflows/enforce.yml");
  fs::remove_all(work_ / "shards");
  fs::remove_all(tmp_.path() / "runner/artifacts");
  WorkflowRun three = runner_->Run(".github/workflows/enforce.yml", {{"shard", {"1", "2", "3"}}},
                                   {{"SHARDS", "3"}});
  for (const char* job : {"enforce (1)", "enforce (2)", "enforce (3)"}) {
    EXPECT_FALSE(three.job_failed[job]) << job;
  }
  EXPECT_EQ(three.summaries["report"], one.summaries["report"]);
  EXPECT_EQ(three.Find("report", "report")->outputs, one.Find("report", "report")->outputs);
}

TEST_F(WorkflowsEndToEnd, AMissingShardIsAFailureTheSummarySays) {
  // Two runners for a split in three: shard 3 never reports.
  WorkflowRun run =
      runner_->Run(".github/workflows/enforce.yml", {{"shard", {"1", "2"}}}, {{"SHARDS", "3"}});
  const StepRun* report = run.Find("report", "report");
  ASSERT_NE(report, nullptr);
  EXPECT_EQ(report->exit_code, 2);
  EXPECT_NE(report->err.find("golden merge: shard 3/3 is missing"), std::string::npos);
  EXPECT_NE(run.summaries["report"].find("## golden enforce: :warning: no report"),
            std::string::npos);
  EXPECT_TRUE(run.sarif_uploads.empty());
  EXPECT_TRUE(run.job_failed["report"]);
}

TEST_F(WorkflowsEndToEnd, ATamperedReleaseIsRefused) {
  Sh("echo tampered >> " + asset_, release_, home_);
  WorkflowRun run = runner_->Run(".github/workflows/enforce.yml");
  const StepRun* setup = run.Find("./.github/actions/setup-golden", "enforce (1)");
  ASSERT_NE(setup, nullptr);
  EXPECT_NE(setup->exit_code, 0);
  EXPECT_NE(setup->err.find("did NOT match"), std::string::npos) << setup->err;
  EXPECT_TRUE(run.job_failed["enforce (1)"]);
  EXPECT_FALSE(fs::exists(work_ / "shards"));
}

TEST_F(WorkflowsEndToEnd, CatalogIsCommittedWhenItChanges) {
  WorkflowRun run = runner_->Run(".github/workflows/catalog.yml");
  EXPECT_FALSE(run.job_failed["catalog"]);
  EXPECT_EQ(run.summaries["catalog"], "## Catalog: 19 repositories in 4 organizations\n");
  EXPECT_EQ(OriginLog(), "chore: update portfolio catalog (4 orgs, 19 repos)\ninit\n");
  auto catalog = ParseJson(OriginFile(".metaHub/catalog/catalog.json"));
  ASSERT_TRUE(catalog.ok());
  EXPECT_EQ(*catalog->FindPath({"summary", "total_repositories"}), Value::Int(19));
  EXPECT_NE(OriginFile(".metaHub/catalog/catalog.md").find("alpha"), std::string::npos);
  for (const char* f : {"catalog.json", "catalog.md", "catalog.html"}) {
    EXPECT_TRUE(fs::exists(tmp_.path() / "runner/artifacts/service-catalog/.metaHub/catalog" / f))
        << f;
  }
  // Nothing changed: no commit.
  WorkflowRun again = runner_->Run(".github/workflows/catalog.yml");
  EXPECT_FALSE(again.job_failed["catalog"]);
  EXPECT_EQ(again.Find("Commit the catalog")->out, "The catalog has not changed.\n");
  EXPECT_EQ(OriginLog(), "chore: update portfolio catalog (4 orgs, 19 repos)\ninit\n");
}

std::vector<std::string> Matching(const std::vector<std::string>& calls, std::string_view prefix) {
  std::vector<std::string> out;
  for (const std::string& c : calls) {
    if (c.starts_with(prefix)) out.push_back(c);
  }
  return out;
}

TEST_F(WorkflowsEndToEnd, CheckpointRunsOnceAndKeepsOneAlertPerDegradedRepository) {
  // Week 1: the first checkpoint; everything is new, nothing degraded, no issue.
  WorkflowRun week1 = runner_->Run(".github/workflows/checkpoint.yml");
  EXPECT_FALSE(week1.job_failed["checkpoint"]);
  const StepRun* cp = week1.Find("checkpoint");
  ASSERT_NE(cp, nullptr);
  EXPECT_EQ(cp->outputs.at("has_drift"), "true");
  EXPECT_EQ(cp->outputs.at("new_count"), "19");
  EXPECT_EQ(cp->outputs.at("degraded_count"), "0");
  // golden ran once: one dated checkpoint (the original workflow made two).
  int dated = 0;
  for (const auto& e : fs::directory_iterator(work_ / ".metaHub/checkpoints")) {
    std::string name = e.path().filename().string();
    if (name.starts_with("checkpoint-2")) ++dated;
  }
  EXPECT_EQ(dated, 1);
  std::string latest = OriginFile(".metaHub/catalog/weekly-reports/latest-drift.md");
  EXPECT_EQ(week1.summaries["checkpoint"], latest);
  EXPECT_NE(latest.find("New Repositories"), std::string::npos) << latest;
  EXPECT_TRUE(OriginLog().starts_with("chore: weekly drift checkpoint 2"));
  EXPECT_TRUE(Matching(runner_->GhCalls(), "issue create").empty());

  // Week 2: nothing changed, so no drift, and the alert step does not run.
  WorkflowRun week2 = runner_->Run(".github/workflows/checkpoint.yml");
  EXPECT_EQ(week2.Find("checkpoint")->outputs.at("has_drift"), "false");
  EXPECT_FALSE(week2.Find("Open, update and close drift alerts")->ran);

  // Week 3: two repositories lose compliance. alpha/lib-good still has last month's alert
  // open (#7): it gets a comment, not a second issue. gamma/tool-t4-good gets a new issue.
  // beta/lib-t3 is compliant again (#8 closes) and alpha/retired is gone (#9 closes).
  fs::create_directories(work_ / "organizations/alpha/lib-good");
  std::ofstream(work_ / "organizations/alpha/lib-good/Dockerfile")
      << "FROM python:latest\nUSER app\nHEALTHCHECK CMD true\n";
  fs::remove(work_ / "organizations/gamma/tool-t4-good/README.md");
  CommitAndPush("two repositories regress");
  runner_->SetOpenIssues(
      R"([{"number": 7, "title": "[golden] Compliance degraded: alpha/lib-good"},)"
      R"( {"number": 8, "title": "[golden] Compliance degraded: beta/lib-t3"},)"
      R"( {"number": 9, "title": "[golden] Compliance degraded: alpha/retired"},)"
      R"( {"number": 10, "title": "Unrelated issue"}])");
  size_t calls_before = runner_->GhCalls().size();
  WorkflowRun week3 = runner_->Run(".github/workflows/checkpoint.yml");
  EXPECT_FALSE(week3.job_failed["checkpoint"]) << Dump(week3);
  const StepRun* cp3 = week3.Find("checkpoint");
  EXPECT_EQ(cp3->outputs.at("has_drift"), "true");
  EXPECT_EQ(cp3->outputs.at("degraded_count"), "2");
  EXPECT_NE(week3.summaries["checkpoint"].find("### Compliance Degraded (Action Required)"),
            std::string::npos);

  std::vector<std::string> calls = runner_->GhCalls();
  std::vector<std::string> week3_calls(calls.begin() + calls_before, calls.end());
  EXPECT_EQ(week3_calls,
            (std::vector<std::string>{
                "label create golden-drift --force --color B60205 --description golden: a "
                "repository lost compliance",
                "issue list --label golden-drift --state open --limit 1000 --json number,title",
                "issue comment 7 --body-file alert.md",
                "issue create --title [golden] Compliance degraded: gamma/tool-t4-good --label "
                "golden-drift --body-file alert.md",
                "issue close 8 --comment beta/lib-t3 is compliant again (checkpoint `" +
                    cp3->outputs.at("checkpoint") + "`).",
                "issue close 9 --comment alpha/retired is no longer in the portfolio.",
            }));
  std::string comment = runner_->GhBody(calls_before + 2);
  EXPECT_NE(comment.find("**alpha/lib-good** lost compliance: 1 violations"), std::string::npos)
      << comment;
  EXPECT_NE(comment.find("| docker.latest-tag | Dockerfile:1 | Do not use :latest tag in FROM "
                         "directive |"),
            std::string::npos)
      << comment;
  std::string created = runner_->GhBody(calls_before + 3);
  EXPECT_NE(created.find("**gamma/tool-t4-good** lost compliance"), std::string::npos);
  EXPECT_NE(created.find("| readme.missing |"), std::string::npos) << created;
}

}  // namespace
}  // namespace golden::testing
