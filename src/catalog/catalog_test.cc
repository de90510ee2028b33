#include "catalog/catalog.h"

#include <gtest/gtest.h>

#include "catalog/render.h"
#include "portfolio/schema.h"
#include "testing/portfolio.h"
#include "testing/temp_dir.h"

namespace golden::catalog {
namespace {

using golden::testing::Portfolio;
using golden::testing::SourceDir;
using golden::testing::TempDir;

Catalog Build(const fs::path& root, unsigned threads = 2) {
  portfolio::EnforceOptions options;
  options.threads = threads;
  return BuildCatalog(Portfolio(root), options, 1767225600LL * 1'000'000'000);
}

const CatalogRepo& Find(const Catalog& c, std::string_view full_name) {
  for (const CatalogOrg& org : c.orgs) {
    for (const CatalogRepo& r : org.repos) {
      if (r.FullName() == full_name) return r;
    }
  }
  ADD_FAILURE() << "no repository " << full_name;
  static const CatalogRepo kNone;
  return kNone;
}

TEST(Catalog, CountsEveryOrganizationEmptyOnesIncluded) {
  TempDir t;
  t.Mkdir(".metaHub");
  t.Write("organizations/a/r1/README.md", "x");
  t.Mkdir("organizations/empty");
  t.Mkdir("organizations/.hidden/r");
  t.Write("organizations/file.txt", "not an organization");
  Catalog c = Build(t.path());
  EXPECT_EQ(c.generated_at, "2026-01-01T00:00:00Z");
  ASSERT_EQ(c.total_organizations(), 2);
  EXPECT_EQ(c.orgs[0].name, "a");
  EXPECT_EQ(c.orgs[1].name, "empty");
  EXPECT_TRUE(c.orgs[1].repos.empty());
  EXPECT_EQ(c.summary.total_repositories, 1);
  EXPECT_EQ(c.orgs[0].path, "organizations/a");
  EXPECT_EQ(c.orgs[0].repos[0].path, "organizations/a/r1");
}

TEST(Catalog, NormalisedCountsHaveOneKeyPerValue) {
  TempDir t;
  t.Mkdir(".metaHub");
  t.Write("organizations/o/a/.meta/repo.yaml", "type: Library\nlanguage: Python\ntier: 1\n");
  t.Write("organizations/o/b/.meta/repo.yaml", "type: library\nlanguage: python\ntier: '1'\n");
  t.Write("organizations/o/c/.meta/repo.yaml", "type: tool\nlanguage: ' PYTHON '\ntier: 9\n");
  Catalog c = Build(t.path());
  const Summary& s = c.summary;
  ASSERT_EQ(s.by_language.entries().size(), 1u);
  EXPECT_EQ(s.by_language.Get("python"), 3);
  EXPECT_EQ(s.by_type.Get("library"), 2);
  EXPECT_EQ(s.by_tier[0], 2);  // 1 and '1'
  EXPECT_EQ(s.by_tier[3], 1);  // 9 counts as 4
  const CatalogRepo& b = Find(c, "o/b");
  EXPECT_EQ(b.tier, 1);
  ASSERT_EQ(b.notes.size(), 1u);
  EXPECT_EQ(b.notes[0].field, "tier");
  EXPECT_EQ(b.metadata.Find("tier")->GetString(), "1");  // as written
  EXPECT_EQ(Find(c, "o/c").notes.size(), 1u);
  EXPECT_TRUE(Find(c, "o/a").notes.empty());
}

TEST(Catalog, ValuesDefaultsAndOwner) {
  TempDir t;
  t.Mkdir(".metaHub");
  t.Write("organizations/Org/full/.meta/repo.yaml",
          "type: service\nlanguage: go\ntier: 2\nstatus: Active\nowner: Team-A\n"
          "description: Does things\n");
  t.Write("organizations/Org/bare/.meta/repo.yaml", "type: tool\n");
  t.Write("organizations/Org/empty/.meta/repo.yaml", "");
  Catalog c = Build(t.path());
  const CatalogRepo& full = Find(c, "Org/full");
  EXPECT_TRUE(full.has_metadata);
  EXPECT_EQ(full.status, "active");
  EXPECT_EQ(full.owner, "team-a");
  EXPECT_EQ(full.description, "Does things");
  const CatalogRepo& bare = Find(c, "Org/bare");
  EXPECT_EQ(bare.language, "unknown");
  EXPECT_EQ(bare.tier, 4);
  EXPECT_EQ(bare.status, "unknown");
  EXPECT_EQ(bare.owner, "org");  // the organization, normalised like every owner
  const CatalogRepo& empty = Find(c, "Org/empty");
  EXPECT_TRUE(empty.has_metadata);  // as the original: an empty file is {}
  EXPECT_EQ(empty.metadata, Value::EmptyObject());
  EXPECT_FALSE(empty.metadata_error);
  EXPECT_FALSE(empty.compliance.passed());  // enforce: ".meta/repo.yaml is empty"
  EXPECT_EQ(c.summary.by_owner.Get("org"), 2);
  EXPECT_EQ(c.summary.by_owner.Get("team-a"), 1);
}

TEST(Catalog, BrokenMetadataIsListedWithItsError) {
  TempDir t;
  t.Mkdir(".metaHub");
  t.Write("organizations/o/bad-yaml/.meta/repo.yaml", "type: [a\n");
  t.Write("organizations/o/a-list/.meta/repo.yaml", "- type: library\n- language: python\n");
  t.Mkdir("organizations/o/a-folder/.meta/repo.yaml");
  Catalog c = Build(t.path());
  ASSERT_EQ(c.summary.total_repositories, 3);
  EXPECT_EQ(c.summary.metadata_errors, 3);
  const CatalogRepo& bad = Find(c, "o/bad-yaml");
  ASSERT_TRUE(bad.metadata_error);
  EXPECT_NE(bad.metadata_error->find("Invalid YAML in .meta/repo.yaml"), std::string::npos);
  EXPECT_FALSE(bad.has_metadata);
  EXPECT_TRUE(bad.metadata.IsNull());
  const CatalogRepo& list = Find(c, "o/a-list");  // the original crashed here
  ASSERT_TRUE(list.metadata_error);
  EXPECT_NE(list.metadata_error->find("must be a mapping"), std::string::npos);
  EXPECT_TRUE(list.metadata.IsArray());
  EXPECT_FALSE(list.has_metadata);
  EXPECT_TRUE(Find(c, "o/a-folder").metadata_error);
  // Counted with the defaults.
  EXPECT_EQ(c.summary.by_tier[3], 3);
  EXPECT_EQ(c.summary.by_language.Get("unknown"), 3);
}

TEST(Catalog, InfersWithoutMetadata) {
  TempDir t;
  t.Mkdir(".metaHub");
  t.Write("organizations/o/lib-x/pyproject.toml", "");
  t.Write("organizations/o/svc-y/go.mod", "module y");
  Catalog c = Build(t.path());
  const CatalogRepo& x = Find(c, "o/lib-x");
  EXPECT_TRUE(x.inferred);
  EXPECT_FALSE(x.has_metadata);
  EXPECT_FALSE(x.metadata_error);
  EXPECT_EQ(x.type, "library");
  EXPECT_EQ(x.language, "python");
  EXPECT_EQ(Find(c, "o/svc-y").type, "service");
  EXPECT_EQ(c.summary.without_metadata, 2);
}

TEST(Catalog, FileFlagsAndComplianceComeFromTheScanAndTheChecks) {
  TempDir t;
  t.Mkdir(".metaHub");
  t.Write("organizations/o/r/.meta/repo.yaml", "type: tool\nlanguage: go\ntier: 4\n");
  t.Write("organizations/o/r/README.md",
          "# R\n\nA repository with a README long enough to pass.\n");
  t.Write("organizations/o/r/.github/CODEOWNERS", "* @o/team\n");
  t.Write("organizations/o/r/.github/workflows/ci.yml",
          "on: push\npermissions: {}\njobs: {b: {runs-on: x, steps: [{run: x}]}}\n");
  t.Write("organizations/o/r/test/x.py", "");
  t.Write("organizations/o/r/deploy/Dockerfile.prod", "FROM alpine:latest\n");
  t.Mkdir("organizations/o/s/Dockerfile");  // a folder is not a Dockerfile
  Catalog c = Build(t.path());
  const Compliance& r = Find(c, "o/r").compliance;
  EXPECT_TRUE(r.has_readme);
  EXPECT_TRUE(r.has_codeowners);
  EXPECT_TRUE(r.has_ci);
  EXPECT_TRUE(r.has_tests);
  EXPECT_TRUE(r.has_dockerfile);
  EXPECT_FALSE(r.passed());  // :latest, no USER
  EXPECT_EQ(r.failed_checks, std::vector<std::string>{"docker"});
  const Compliance& s = Find(c, "o/s").compliance;
  EXPECT_FALSE(s.has_dockerfile);
  EXPECT_FALSE(s.has_readme);
  EXPECT_EQ(s.failed_checks, (std::vector<std::string>{"metadata", "readme"}));
  EXPECT_EQ(c.summary.compliance.failed, 2);
  EXPECT_EQ(c.summary.compliance_by_tier[3].repositories, 2);
}

TEST(Catalog, SameCatalogWhateverTheNumberOfThreads) {
  fs::path root = SourceDir() / "examples/governance";
  auto schema = portfolio::MetadataSchema::Load(root / ".metaHub/schemas/repo-schema.json");
  ASSERT_TRUE(schema.ok());
  std::string first;
  for (unsigned threads : {1u, 3u, 8u}) {
    portfolio::EnforceOptions options;
    options.checks.schema = schema->get();
    options.threads = threads;
    std::string json = RenderJson(BuildCatalog(Portfolio(root), options, 0));
    if (first.empty()) {
      first = json;
    } else {
      EXPECT_EQ(json, first) << threads << " threads";
    }
  }
}

TEST(Counter, FirstSeenOrderCountOrderAndKeyOrder) {
  Counter c;
  for (std::string_view k : {"go", "python", "go", "rust", "python", "ada"}) c.Add(k);
  using Entries = std::vector<std::pair<std::string, int>>;
  EXPECT_EQ(c.entries(), (Entries{{"go", 2}, {"python", 2}, {"rust", 1}, {"ada", 1}}));
  EXPECT_EQ(c.ByCount(), (Entries{{"go", 2}, {"python", 2}, {"rust", 1}, {"ada", 1}}));
  EXPECT_EQ(c.ByKey(), (Entries{{"ada", 1}, {"go", 2}, {"python", 2}, {"rust", 1}}));
  EXPECT_EQ(c.Get("none"), 0);
}

}  // namespace
}  // namespace golden::catalog
