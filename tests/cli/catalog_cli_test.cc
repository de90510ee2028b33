// golden catalog from the outside: the catalog's shape (schemas/catalog.schema.json), the
// Backstage entities (Backstage's own schemas), the runbook's dashboard query, files and exit
// codes, and one test per defect of the original catalog.py that golden fixes
// (../shared/spec/original-behaviour.md, sections 3 and 11; the number is the item there).
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "base/strings.h"
#include "catalog/backstage_names.h"
#include "cli/cli_env.h"
#include "testing/json_schema.h"
#include "value/json.h"
#include "value/yaml.h"

namespace golden::testing {
namespace {

namespace fs = std::filesystem;

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// The catalog JSON of a root, written to stdout.
std::string CatalogJson(const GovernanceRoot& g, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"catalog", "-o", "-"};
  args.insert(args.end(), extra.begin(), extra.end());
  ProcessResult r = g.Golden(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

Value Parse(const std::string& json) {
  auto v = ParseJson(json);
  EXPECT_TRUE(v.ok()) << v.status().ToString();
  return v.ok() ? *v : Value();
}

const Value* Summary(const Value& cat, std::string_view key) {
  return cat.FindPath({"summary", key});
}

// Every repository entry of a catalog, by full name.
std::map<std::string, Value> Repos(const Value& cat) {
  std::map<std::string, Value> out;
  for (const Value& org : cat.Find("organizations")->GetArray()) {
    for (const Value& r : org.Find("repos")->GetArray()) {
      out.emplace(std::string(r.Find("full_name")->GetString()), r);
    }
  }
  return out;
}

// Reports any object key that appears twice in one object (readers keep only one of them).
class DuplicateKeyFinder : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::vector<std::string> duplicates;
  bool key(string_t& k) override {
    if (!keys_.back().insert(k).second) duplicates.push_back(k);
    return true;
  }
  bool start_object(std::size_t) override {
    keys_.emplace_back();
    return true;
  }
  bool end_object() override {
    keys_.pop_back();
    return true;
  }
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    duplicates.push_back(std::string("parse error: ") + e.what());
    return false;
  }

 private:
  std::vector<std::set<std::string>> keys_;
};

std::vector<std::string> DuplicateKeys(const std::string& json) {
  DuplicateKeyFinder finder;
  nlohmann::json::sax_parse(json, &finder);
  return finder.duplicates;
}

std::unique_ptr<JsonSchema> CatalogSchema() {
  return JsonSchema::Load(SourceDir() / "schemas/catalog.schema.json");
}

// A portfolio that made the original misbehave, in one root.
void TroubleRepos(const GovernanceRoot& g) {
  g.Write("organizations/acme/a/.meta/repo.yaml", "type: library\nlanguage: Python\ntier: 1\n");
  g.Write("organizations/acme/b/.meta/repo.yaml", "type: Library\nlanguage: python\ntier: '1'\n");
  g.Write("organizations/acme/c/.meta/repo.yaml", "- type: library\n- language: python\n");
  g.Write("organizations/acme/d/.meta/repo.yaml", "type: tool\nlanguage: [go\n");
  g.Write("organizations/acme/e/.meta/repo.yaml",
          "type: tool\nlanguage: go\ncreated: 2025-01-01\n");
  g.Write("organizations/acme/lib-f/setup.py", "");
  g.Mkdir("organizations/empty-org");
}

TEST(CatalogCli, ExampleCatalogMatchesItsSchema) {
  auto schema = CatalogSchema();
  ASSERT_TRUE(schema);
  ProcessResult r = RunProcess({GoldenBinary().string(), "catalog", "-o", "-"},
                               {{"PATH", "/usr/bin:/bin"}}, SourceDir() / "examples/governance");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(schema->Validate(r.out), std::vector<std::string>{});
  GovernanceRoot g;
  TroubleRepos(g);
  EXPECT_EQ(schema->Validate(CatalogJson(g)), std::vector<std::string>{});
}

TEST(CatalogCli, TheSchemaRejectsWhatTheCatalogMustNeverHold) {
  auto schema = CatalogSchema();
  ASSERT_TRUE(schema);
  GovernanceRoot g;
  TroubleRepos(g);
  nlohmann::json good = nlohmann::json::parse(CatalogJson(g));
  ASSERT_TRUE(schema->Validate(good.dump()).empty());
  auto rejects = [&](const std::function<void(nlohmann::json&)>& change, std::string_view what) {
    nlohmann::json bad = good;
    change(bad);
    EXPECT_FALSE(schema->Validate(bad.dump()).empty()) << what;
  };
  rejects([](auto& j) { j["summary"]["by_tier"]["5"] = 1; }, "a fifth tier");
  rejects([](auto& j) { j["summary"]["by_tier"].erase("4"); }, "a missing tier");
  rejects([](auto& j) { j["summary"]["by_language"]["Python"] = 1; }, "a key not normalised");
  rejects([](auto& j) { j["organizations"][0]["repos"][0]["tier"] = "1"; }, "a string tier");
  rejects([](auto& j) { j["organizations"][0]["repos"][0]["metadata_error"] = "x"; },
          "values and an error");
  rejects([](auto& j) { j["organizations"][0]["repos"][0].erase("compliance"); }, "no compliance");
  rejects([](auto& j) { j["organizations"][0]["repos"][0]["path"] = 7; }, "a number as path");
}

TEST(CatalogCli, RunbookDashboardQueryWorksUnchanged) {
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "python3 is not installed";
  GovernanceRoot g;
  TroubleRepos(g);
  g.CleanRepo("organizations/acme/g", 2);
  ProcessResult made = g.Golden({"catalog", "-q"});  // the default place
  ASSERT_EQ(made.exit_code, 0) << made.err;
  ASSERT_TRUE(fs::exists(g.path() / ".metaHub/catalog/catalog.json"));
  // OPERATIONS_RUNBOOK.md, "Dashboard Queries", verbatim.
  const std::string query =
      "\n"
      "import json\n"
      "d = json.load(open('.metaHub/catalog/catalog.json'))\n"
      "for tier, count in d['summary']['by_tier'].items():\n"
      "    print(f'Tier {tier}: {count} repos')\n";
  ProcessResult r =
      RunProcess({"/usr/bin/python3", "-c", query}, {{"PATH", "/usr/bin:/bin"}}, g.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // a 1, b '1' (counted as 1), g 2; the rest 4.
  EXPECT_EQ(r.out, "Tier 1: 2 repos\nTier 2: 1 repos\nTier 3: 0 repos\nTier 4: 4 repos\n");
}

TEST(CatalogCli, ComplianceIsWhatEnforceSays) {
  for (bool strict : {false, true}) {
    std::map<std::string, std::string> env = {{"PATH", "/usr/bin:/bin"}};
    if (strict) env["GOVERN_STRICT"] = "true";
    fs::path example = SourceDir() / "examples/governance";
    ProcessResult cat = RunProcess({GoldenBinary().string(), "catalog", "-o", "-"}, env, example);
    ProcessResult enf =
        RunProcess({GoldenBinary().string(), "enforce", "-q", "--report", "json"}, env, example);
    ASSERT_EQ(cat.exit_code, 0) << cat.err;
    Value catalog = Parse(cat.out);
    Value enforce = Parse(enf.out);
    std::map<std::string, Value> repos = Repos(catalog);
    size_t seen = 0;
    for (const Value& org : enforce.Find("organizations")->GetArray()) {
      for (const Value& r : org.Find("repos")->GetArray()) {
        std::string name = std::string(org.Find("organization")->GetString()) + "/" +
                           std::string(r.Find("name")->GetString());
        ASSERT_TRUE(repos.count(name)) << name;
        const Value* c = repos[name].Find("compliance");
        EXPECT_EQ(*c->Find("passed"), *r.Find("passed")) << name;
        EXPECT_EQ(*c->Find("violations"), *r.FindPath({"summary", "violations"})) << name;
        EXPECT_EQ(*c->Find("warnings"), *r.FindPath({"summary", "warnings"})) << name;
        ++seen;
      }
    }
    EXPECT_EQ(seen, repos.size());
    const Value* totals = Summary(catalog, "compliance");
    EXPECT_EQ(*totals->Find("failed"), *enforce.FindPath({"summary", "failed"}));
    EXPECT_EQ(*totals->Find("total_violations"),
              *enforce.FindPath({"summary", "total_violations"}));
  }
}

TEST(CatalogCli, BackstageEntitiesPassBackstagesSchemas) {
  fs::path dir = SharedDir() / "schemas/backstage";
  if (!fs::exists(dir)) GTEST_SKIP() << "no Backstage schemas at " << dir;
  auto envelope = JsonSchema::Load(dir / "EntityEnvelope.schema.json");
  std::map<std::string, std::unique_ptr<JsonSchema>> kinds;
  for (std::string kind : {"Component", "Group", "System"}) {
    kinds[kind] = JsonSchema::Load(dir / (kind + ".v1alpha1.schema.json"));
    ASSERT_TRUE(kinds[kind]);
  }
  ASSERT_TRUE(envelope);
  // The schemas do reject: a Component without an owner.
  EXPECT_FALSE(kinds["Component"]
                   ->Validate(R"({"apiVersion":"backstage.io/v1alpha1","kind":"Component",)"
                              R"("metadata":{"name":"x"},"spec":{"type":"t","lifecycle":"l"}})")
                   .empty());

  GovernanceRoot g;
  TroubleRepos(g);
  g.Write("organizations/Beta Org/api/.meta/repo.yaml",
          "type: service\nlanguage: C++\nowner: '@beta/Platform Team'\nstatus: archived\n"
          "description: \"yes: a 'quoted' <b>description</b>\"\n");
  g.Write("organizations/acme/api/README.md", "x");
  g.Write("organizations/acme/\xc3\xa9t\xc3\xa9/README.md", "x");
  g.Write("organizations/acme/yes/README.md", "x");
  for (const fs::path& root : {g.path(), SourceDir() / "examples/governance"}) {
    ProcessResult r =
        RunProcess({GoldenBinary().string(), "catalog", "--format", "backstage", "-o", "-"},
                   {{"PATH", "/usr/bin:/bin"}}, root);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto docs = ParseYamlStream(r.out);
    ASSERT_TRUE(docs.ok()) << docs.status().ToString();
    std::map<std::string, std::set<std::string>> names;
    std::vector<std::pair<std::string, std::string>> refs;  // (kind, name) that must exist
    int components = 0;
    for (const Value& doc : *docs) {
      std::string json = ToJson(doc);
      EXPECT_EQ(envelope->Validate(json), std::vector<std::string>{}) << json;
      std::string kind(doc.Find("kind")->GetString());
      ASSERT_TRUE(kinds.count(kind)) << kind;
      EXPECT_EQ(kinds[kind]->Validate(json), std::vector<std::string>{}) << json;
      // Backstage's name, key and tag rules (catalog-model's validators), which the JSON
      // Schemas do not carry.
      std::string name(doc.FindPath({"metadata", "name"})->GetString());
      EXPECT_TRUE(catalog::IsValidBackstageName(name)) << name;
      EXPECT_TRUE(names[kind].insert(AsciiLower(name)).second) << "two " << kind << " " << name;
      for (std::string_view map : {"annotations", "labels"}) {
        const Value* m = doc.FindPath({"metadata", map});
        if (m == nullptr) continue;
        for (const auto& e : m->GetObject()) {
          EXPECT_TRUE(catalog::IsValidBackstageKey(e.key.GetString())) << e.key.GetString();
          EXPECT_TRUE(e.value.IsString());
          if (map == "labels") {
            EXPECT_TRUE(catalog::IsValidBackstageName(e.value.GetString()));
          }
        }
      }
      if (const Value* tags = doc.FindPath({"metadata", "tags"})) {
        for (const Value& t : tags->GetArray()) {
          EXPECT_TRUE(catalog::IsValidBackstageTag(t.GetString())) << t.GetString();
        }
      }
      auto ref = [&](std::string_view key, std::string kind_of_ref) {
        std::string_view v = doc.FindPath({"spec", key})->GetString();
        ASSERT_EQ(v.substr(0, kind_of_ref.size() + 1), AsciiLower(kind_of_ref) + ":");
        refs.emplace_back(kind_of_ref, std::string(v.substr(kind_of_ref.size() + 1)));
      };
      if (kind == "Component") {
        ++components;
        ref("owner", "Group");
        ref("system", "System");
        EXPECT_TRUE(doc.FindPath({"metadata", "annotations", "golden/tier"}));
      } else if (kind == "System") {
        ref("owner", "Group");
      }
    }
    for (const auto& [kind, name] : refs) {
      EXPECT_TRUE(names[kind].count(AsciiLower(name))) << kind << " " << name;
    }
    Value cat = Parse(RunProcess({GoldenBinary().string(), "catalog", "-o", "-"},
                                 {{"PATH", "/usr/bin:/bin"}}, root)
                          .out);
    EXPECT_EQ(components, *Summary(cat, "total_repositories")->AsInt64());
    EXPECT_EQ(names["System"].size(),
              static_cast<size_t>(*Summary(cat, "total_organizations")->AsInt64()));
  }
}

TEST(CatalogCli, WritesEachFormatToItsDefaultPlace) {
  GovernanceRoot g;
  g.CleanRepo("organizations/acme/svc", 2);
  for (auto [format, file] : {std::pair{"json", "catalog.json"},
                              {"markdown", "catalog.md"},
                              {"html", "catalog.html"},
                              {"backstage", "catalog-info.yaml"}}) {
    ProcessResult r = g.Golden({"catalog", "--format", format});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    fs::path written = g.path() / ".metaHub/catalog" / file;
    EXPECT_TRUE(fs::exists(written)) << written;
    EXPECT_TRUE(Contains(r.out, "Catalog written to: " + written.string())) << r.out;
  }
  // Nothing else is left in the folder (no temporary files of the atomic writes).
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(g.path() / ".metaHub/catalog")) {
    ++files;
  }
  EXPECT_EQ(files, 4);
}

TEST(CatalogCli, MissingOrganizationsFolderGivesAnEmptyCatalog) {
  GovernanceRoot g;
  fs::remove_all(g.path() / "organizations");
  ProcessResult r = g.Golden({"catalog", "-q"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(Contains(
      r.err, "Organizations path not found: " + (g.path() / "organizations").string() + "\n"))
      << r.err;
  EXPECT_TRUE(Contains(r.err, "Returning empty catalog (organizations/ may be gitignored)\n"));
  Value cat = Parse(ReadFileOrDie(g.path() / ".metaHub/catalog/catalog.json"));
  EXPECT_EQ(*Summary(cat, "total_organizations")->AsInt64(), 0);
  EXPECT_EQ(*Summary(cat, "total_repositories")->AsInt64(), 0);
  EXPECT_EQ(ToJson(*Summary(cat, "by_tier")), R"({"1":0,"2":0,"3":0,"4":0})");
}

TEST(CatalogCli, ErrorsAndExitCodes) {
  GovernanceRoot g;
  g.CleanRepo("organizations/acme/svc", 2);
  ProcessResult to_null = g.Golden({"catalog", "-o", "/dev/null"});
  EXPECT_EQ(to_null.exit_code, 0) << to_null.err;
  ProcessResult unwritable = g.Golden({"catalog", "-o", "/proc/golden-no-such/catalog.json"});
  EXPECT_EQ(unwritable.exit_code, 1);
  EXPECT_TRUE(Contains(unwritable.err, "golden catalog: ")) << unwritable.err;
  g.Write("not-a-folder", "x");
  EXPECT_EQ(g.Golden({"catalog", "--org-path", "not-a-folder"}).exit_code, 2);
  EXPECT_EQ(g.Golden({"catalog", "--no-such-flag"}).exit_code, 2);
  EXPECT_EQ(g.Golden({"catalog"}, {{"SOURCE_DATE_EPOCH", "soon"}}).exit_code, 2);
  // A catalog already there is replaced whole.
  g.Write(".metaHub/catalog/catalog.json", std::string(100000, 'x'));
  ASSERT_EQ(g.Golden({"catalog", "-q"}).exit_code, 0);
  EXPECT_TRUE(ParseJson(ReadFileOrDie(g.path() / ".metaHub/catalog/catalog.json")).ok());
}

TEST(CatalogCli, OrgPathOutsideTheRootIsShownAsGiven) {
  GovernanceRoot g;
  TempDir elsewhere;
  elsewhere.Write("orgs/acme/svc/README.md", "x");
  Value cat = Parse(CatalogJson(g, {"--org-path", (elsewhere.path() / "orgs").string()}));
  const Value& org = cat.Find("organizations")->GetArray()[0];
  EXPECT_EQ(org.Find("path")->GetString(), (elsewhere.path() / "orgs/acme").string());
}

TEST(CatalogCli, UnreadableRepositoryIsListedWithItsError) {
  GovernanceRoot g;
  g.CleanRepo("organizations/acme/fine", 3);
  g.CleanRepo("organizations/acme/locked", 3);
  fs::permissions(g.path() / "organizations/acme/locked", fs::perms::none);
  std::string skip;
  ProcessResult r = g.GoldenUnprivileged({"catalog", "-o", "-"}, &skip);
  fs::permissions(g.path() / "organizations/acme/locked", fs::perms::owner_all);
  if (!skip.empty()) GTEST_SKIP() << skip;
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, Value> repos = Repos(Parse(r.out));
  ASSERT_EQ(repos.size(), 2u);
  const Value* error = repos["acme/locked"].Find("metadata_error");
  ASSERT_NE(error, nullptr);
  EXPECT_TRUE(Contains(std::string(error->GetString()), "Cannot read the repository folder"));
  EXPECT_EQ(repos["acme/fine"].Find("metadata_error"), nullptr);
}

TEST(OriginalCatalogBug, S3_TierAsStringGivesNoDuplicateKey) {
  GovernanceRoot g;
  TroubleRepos(g);
  std::string json = CatalogJson(g);
  // What the original wrote: by_tier {"1": 2, ..., "1": 1}.
  EXPECT_EQ(DuplicateKeys(R"({"by_tier": {"1": 2, "2": 0, "1": 1}, "x": {"1": 0}})"),
            std::vector<std::string>{"1"});
  EXPECT_EQ(DuplicateKeys(json), std::vector<std::string>{});
  Value cat = Parse(json);
  EXPECT_EQ(ToJson(*Summary(cat, "by_tier")), R"({"1":2,"2":0,"3":0,"4":4})");
  Value b = Repos(cat)["acme/b"];
  EXPECT_EQ(*b.Find("tier")->AsInt64(), 1);
  EXPECT_TRUE(Contains(ToJson(*b.Find("notes")), "tier is the string \\\"1\\\"")) << ToJson(b);
}

TEST(OriginalCatalogBug, S11_8_CountsIgnoreCase) {
  GovernanceRoot g;
  TroubleRepos(g);
  Value cat = Parse(CatalogJson(g));
  EXPECT_EQ(ToJson(*Summary(cat, "by_language")), R"({"go":1,"python":3,"unknown":2})");
  EXPECT_EQ(*Summary(cat, "by_type")->Find("library")->AsInt64(), 3);  // a, b, lib-f
}

TEST(OriginalCatalogBug, S3_ListMetadataIsListedNotACrash) {
  GovernanceRoot g;
  TroubleRepos(g);
  ProcessResult r = g.Golden({"catalog", "-o", "-"});
  EXPECT_EQ(r.exit_code, 0);
  std::map<std::string, Value> repos = Repos(Parse(r.out));
  EXPECT_EQ(repos.size(), 6u);
  EXPECT_TRUE(Contains(std::string(repos["acme/c"].Find("metadata_error")->GetString()),
                       "must be a mapping"));
  EXPECT_TRUE(repos["acme/c"].Find("metadata")->IsArray());
  EXPECT_TRUE(
      Contains(std::string(repos["acme/d"].Find("metadata_error")->GetString()), "Invalid YAML"));
  // A YAML date stays text (the original's JSON writer crashed in enforce on this).
  EXPECT_EQ(repos["acme/e"].FindPath({"metadata", "created"})->GetString(), "2025-01-01");
}

TEST(OriginalCatalogBug, S11_9_EveryOrganizationCountsAsInCheckpoint) {
  GovernanceRoot g;
  TroubleRepos(g);
  g.Mkdir("organizations/.hidden-org/r");
  Value cat = Parse(CatalogJson(g));
  EXPECT_EQ(*Summary(cat, "total_organizations")->AsInt64(), 2);  // acme and empty-org
  const Value& empty = cat.Find("organizations")->GetArray()[1];
  EXPECT_EQ(empty.Find("name")->GetString(), "empty-org");
  EXPECT_EQ(empty.Find("repos")->Size(), 0u);
  ProcessResult console = g.Golden({"catalog", "-o", "/dev/null"});
  EXPECT_TRUE(Contains(console.out, "Found 2 organizations\nFound 6 repositories\n"));
}

TEST(OriginalCatalogBug, S11_13_HtmlAndMarkdownAreEscaped) {
  GovernanceRoot g;
  // Folder names may hold anything but '/'.
  const std::string evil = "organizations/<b>acme<i>&co/<img src=x onerror=alert(1)>";
  g.Write(evil + "/.meta/repo.yaml",
          "type: library\nlanguage: go\ndescription: \"<script>alert('x')</script> | pipe\"\n");
  ProcessResult html = g.Golden({"catalog", "--format", "html", "-o", "-"});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_FALSE(Contains(html.out, "<img src=x"));
  EXPECT_FALSE(Contains(html.out, "<script>alert"));
  EXPECT_FALSE(Contains(html.out, "<b>acme"));
  EXPECT_TRUE(Contains(html.out, "&lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_TRUE(Contains(html.out, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; | pipe"));
  ProcessResult md = g.Golden({"catalog", "--format", "markdown", "-o", "-"});
  EXPECT_TRUE(Contains(md.out, "## \\<b\\>acme\\<i\\>\\&co\n")) << md.out;
  EXPECT_TRUE(Contains(md.out, "| \\<img src=x onerror=alert(1)\\> | library | go |")) << md.out;
}

}  // namespace
}  // namespace golden::testing
