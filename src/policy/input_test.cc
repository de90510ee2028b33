#include "policy/input.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "policy/manifests.h"
#include "portfolio/checks.h"
#include "portfolio/target.h"
#include "testing/json_schema.h"
#include "testing/temp_dir.h"
#include "value/json.h"

namespace golden::policy {
namespace {

using golden::testing::TempDir;

portfolio::RepoSnapshot Load(const TempDir& dir) {
  portfolio::RepoRef ref{"acme", "svc", dir.path(), "acme/svc"};
  return portfolio::LoadRepo(ref);
}

std::string At(const Value& v, std::initializer_list<std::string_view> path) {
  const Value* x = v.FindPath(path);
  return x == nullptr ? "<absent>" : ToJson(*x);
}

TEST(RepoInput, IdentityMetadataTierAndFiles) {
  TempDir d;
  d.Write(".meta/repo.yaml", "type: service\ntier: 2\nlanguage: go\n");
  d.Write("src/main.go", "package main\n");
  d.Write(".git/HEAD", "not a real git dir\n");
  portfolio::RepoSnapshot snap = Load(d);
  report::Finding f =
      report::MakeFinding("metadata", "metadata.schema", report::Severity::kError, "bad", "", 3);
  Value in = RepoInput(snap, std::span(&f, 1), Value());
  EXPECT_EQ(At(in, {"repository"}),
            R"({"full_name":"acme/svc","name":"svc","org":"acme","path":"acme/svc"})");
  EXPECT_EQ(At(in, {"metadata", "type"}), R"("service")");
  EXPECT_EQ(At(in, {"metadata_state"}), R"("loaded")");
  EXPECT_EQ(At(in, {"metadata_errors"}),
            R"([{"line":3,"message":"bad","rule":"metadata.schema"}])");
  EXPECT_EQ(At(in, {"tier"}), "2");
  // .git is not listed; folders are.
  EXPECT_EQ(
      At(in, {"files"}),
      R"([{"kind":"dir","path":".meta","size":0},{"kind":"file","path":".meta/repo.yaml","size":35},)"
      R"({"kind":"dir","path":"src","size":0},{"kind":"file","path":"src/main.go","size":13}])");
  EXPECT_EQ(At(in, {"git"}), "null");
  EXPECT_EQ(At(in, {"readme"}), "null");
  EXPECT_EQ(At(in, {"codeowners"}), "null");
}

TEST(RepoInput, GovernanceFilesParsed) {
  TempDir d;
  d.Write("README.md", "\n# My Service\n\nText.\n");
  d.Write(".github/CODEOWNERS", "# owners\n* @acme/team\n/docs/ bad-owner\n");
  d.Write(".github/workflows/ci.yml",
          "on: push\njobs:\n  build:\n    steps:\n      - uses: actions/checkout@v4\n"
          "      - run: make\n  call:\n    uses: acme/wf/.github/workflows/x.yml@main\n");
  d.Write(".github/workflows/broken.yaml", "a: [\n");
  d.Write("Dockerfile", "ARG V=1\nFROM alpine:3 AS base\nRUN echo \\\n  hi\nUSER app\n");
  portfolio::RepoSnapshot snap = Load(d);
  Value in = RepoInput(snap, {}, Value());
  EXPECT_EQ(At(in, {"readme"}),
            R"({"length":21,"lines":4,"path":"README.md","title":"My Service"})");
  EXPECT_EQ(At(in, {"codeowners"}),
            R"({"invalid_owners":[{"line":3,"owner":"bad-owner"}],"path":".github/CODEOWNERS",)"
            R"("rules":[{"line":2,"owners":["@acme/team"],"pattern":"*"},)"
            R"({"line":3,"owners":["bad-owner"],"pattern":"/docs/"}]})");
  const Value* wf = in.Find("workflows");
  ASSERT_TRUE(wf && wf->IsArray());
  ASSERT_EQ(wf->Size(), 2u);
  EXPECT_EQ(At(wf->GetArray()[0], {"path"}), R"(".github/workflows/broken.yaml")");
  EXPECT_EQ(At(wf->GetArray()[0], {"error", "line"}), "2");
  EXPECT_EQ(At(wf->GetArray()[1], {"uses"}),
            R"([{"job":"build","line":5,"step":0,"uses":"actions/checkout@v4"},)"
            R"({"job":"call","line":8,"step":-1,"uses":"acme/wf/.github/workflows/x.yml@main"}])");
  // YAML 1.1 reads the key `on` as a boolean (as OPA does); `triggers` names the events.
  EXPECT_EQ(At(wf->GetArray()[1], {"doc", "true"}), R"("push")");
  EXPECT_EQ(At(wf->GetArray()[1], {"triggers"}), R"(["push"])");
  const Value* df = in.Find("dockerfiles");
  ASSERT_TRUE(df && df->Size() == 1);
  EXPECT_EQ(At(df->GetArray()[0], {"stages"}),
            R"([{"base":"alpine:3","line":2,"name":"base","platform":""}])");
  EXPECT_EQ(ToJson(df->GetArray()[0].Find("instructions")->GetArray()[2]),
            R"({"args":"echo   hi","cmd":"run","line":3,"stage":0,"words":["echo","hi"]})");
  EXPECT_EQ(ToJson(df->GetArray()[0].Find("instructions")->GetArray()[0].Find("stage")[0]), "-1");
}

TEST(RepoInput, ManifestsAndKubernetes) {
  TempDir d;
  d.Write("package.json",
          R"({"name":"web","scripts":{"postinstall":"curl x | sh"},"dependencies":{"a":"^1"}})");
  d.Write("package-lock.json", "{}");
  d.Write("go.mod",
          "module example.com/x\n\ngo 1.22\n\nrequire (\n\tgolang.org/x/y v0.1.0 // indirect\n)\n"
          "require b.com/c v1.2.3\n");
  d.Write("pyproject.toml", "[project]\nname = 'p'\n[broken\n");
  d.Write("requirements.txt",
          "# deps\nflask==3.0.0\nrequests>=2\n-r other.txt\nDjango ; python_version>'3'\n");
  d.Write("deploy/app.yaml",
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n---\nfoo: bar\n---\n"
          "apiVersion: v1\nkind: Service\n");
  d.Write("config/other.yaml", "kind: of\n");
  portfolio::RepoSnapshot snap = Load(d);
  Value m = Manifests(snap);
  EXPECT_EQ(At(m, {"package_json"}),
            R"({"dependencies":{"a":"^1"},"name":"web","path":"package.json",)"
            R"("scripts":{"postinstall":"curl x | sh"}})");
  EXPECT_EQ(At(m, {"go_mod"}),
            R"({"go":"1.22","module":"example.com/x","path":"go.mod","require":[)"
            R"({"indirect":true,"path":"golang.org/x/y","version":"v0.1.0"},)"
            R"({"indirect":false,"path":"b.com/c","version":"v1.2.3"}]})");
  EXPECT_EQ(At(m, {"pyproject"}),
            R"({"error":{"line":3,"message":"expected ']'"},"path":"pyproject.toml"})");
  EXPECT_EQ(At(m, {"cargo"}), "null");
  EXPECT_EQ(At(m, {"lock_files"}), R"(["package-lock.json"])");
  EXPECT_EQ(
      At(m, {"requirements"}),
      R"([{"line":2,"name":"flask","path":"requirements.txt","pinned":true,"text":"flask==3.0.0"},)"
      R"({"line":3,"name":"requests","path":"requirements.txt","pinned":false,"text":"requests>=2"},)"
      R"({"line":5,"name":"django","path":"requirements.txt","pinned":false,)"
      R"("text":"Django ; python_version>'3'"}])");
  Value k = KubernetesManifests(snap);
  ASSERT_EQ(k.Size(), 2u);
  EXPECT_EQ(At(k.GetArray()[0], {"doc", "kind"}), R"("Deployment")");
  EXPECT_EQ(At(k.GetArray()[1], {"index"}), "2");
}

TEST(RepoInput, PortfolioDocumentSortedByFullName) {
  portfolio::RepoRef b{"beta", "x", "/nowhere", "beta/x"};
  portfolio::RepoRef a{"alpha", "x", "/nowhere", "alpha/x"};
  portfolio::Metadata md = portfolio::ParseMetadata("tier: 1\n");
  portfolio::Metadata owned = portfolio::ParseMetadata("owner: team-a\n");
  Value doc = PortfolioDocument({PortfolioEntry(b, owned), PortfolioEntry(a, md)});
  EXPECT_EQ(ToJson(doc),
            R"({"by_name":{"x":["alpha/x","beta/x"]},"by_owner":{"team-a":["beta/x"]},)"
            R"("repositories":[{"metadata":{"tier":1},"repository":{"full_name":"alpha/x",)"
            R"("name":"x","org":"alpha","path":"alpha/x"},"tier":1},{"metadata":{"owner":)"
            R"("team-a"},"repository":{"full_name":"beta/x","name":"x","org":"beta","path":)"
            R"("beta/x"},"tier":4}]})");
}

}  // namespace
}  // namespace golden::policy

namespace golden::policy {
namespace {

// Every repository of the example portfolio gives an input that schemas/policy-input.schema.json
// accepts, so the schema and docs/policy-input.md describe what policies really see.
TEST(RepoInput, ExamplePortfolioMatchesTheSchema) {
  fs::path root = golden::testing::SourceDir() / "examples/governance";
  auto schema = golden::testing::JsonSchema::Load(golden::testing::SourceDir() /
                                                  "schemas/policy-input.schema.json");
  ASSERT_TRUE(schema);
  portfolio::TargetRequest request;
  request.path = root / "organizations";
  request.root = root;
  request.cwd = root;
  auto target = portfolio::ResolveTarget(request);
  ASSERT_TRUE(target.ok());
  size_t checked = 0;
  for (const portfolio::RepoRef* ref : target->Repos()) {
    portfolio::RepoSnapshot snap = portfolio::LoadRepo(*ref);
    std::vector<report::Finding> findings = portfolio::RunChecks(snap, {});
    Value in = RepoInput(snap, findings, GitValue(GitFacts{"0123", "main", 17}));
    EXPECT_EQ(schema->Validate(ToJson(in)), std::vector<std::string>{}) << ref->display;
    ++checked;
  }
  EXPECT_GT(checked, 15u);
}

// A git checkout made with the git command (skipped where git is not installed).
TEST(GitFacts, HeadBranchAndCommitTime) {
  if (std::system("git --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "git is not installed";
  TempDir d;
  d.Write("a.txt", "a\n");
  std::string cd = "cd '" + d.path().string() + "' && ";
  ASSERT_EQ(std::system((cd + "git init -q -b trunk . && git add a.txt && "
                              "GIT_COMMITTER_DATE='@1767225600 +0000' git -c user.name=t "
                              "-c user.email=t@example.com commit -q -m one")
                            .c_str()),
            0);
  std::optional<GitFacts> facts = ReadGitFacts(d.path());
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->branch, "trunk");
  EXPECT_EQ(facts->head.size(), 40u);
  EXPECT_EQ(facts->committed_at, 1767225600);
  EXPECT_FALSE(ReadGitFacts(d.path() / "absent"));
}

}  // namespace
}  // namespace golden::policy
