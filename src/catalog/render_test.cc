// Renderer tests on hand-made catalogs; the CLI golden tests cover the example portfolio.
#include "catalog/render.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "base/strings.h"
#include "catalog/backstage_names.h"
#include "value/json.h"
#include "value/yaml.h"

namespace golden::catalog {
namespace {

CatalogRepo Repo(std::string org, std::string name, int tier = 2) {
  CatalogRepo r;
  r.org = std::move(org);
  r.name = std::move(name);
  r.path = "organizations/" + r.org + "/" + r.name;
  r.type = "library";
  r.language = "python";
  r.tier = tier;
  r.status = "active";
  r.owner = "team";
  r.has_metadata = true;
  r.metadata = Value::EmptyObject();
  return r;
}

Catalog Make(std::vector<CatalogOrg> orgs) {
  Catalog c;
  c.generated_at = "2026-01-01T00:00:00Z";
  c.orgs = std::move(orgs);
  for (CatalogOrg& org : c.orgs) {
    for (const CatalogRepo& r : org.repos) {
      org.summary.Add(r);
      c.summary.Add(r);
    }
  }
  return c;
}

// A catalog whose every value tries to break out of its context.
Catalog Hostile() {
  CatalogOrg org;
  org.name = "<b>org</b>&'\"";
  org.path = "organizations/" + org.name;
  CatalogRepo r = Repo(org.name, "<script>alert(1)</script>");
  r.description = "\"><img src=x onerror=alert(1)> | a | b\nnext line & more";
  r.type = "<i>type</i>";
  r.language = "py|thon";
  r.owner = "`owner` *x*";
  r.status = "a'b";
  r.notes.push_back(Note{"tier", "<u>note</u>"});
  CatalogRepo broken = Repo(org.name, "x\" onmouseover=\"alert(2)");
  broken.metadata_error = "Invalid YAML <script>x</script> | pipe";
  org.repos = {r, broken};
  return Make({org});
}

TEST(RenderJson, OriginalKeysFirstInTheirOrder) {
  CatalogOrg org{"alpha", "organizations/alpha", {Repo("alpha", "lib")}, std::nullopt, {}};
  std::string json = RenderJson(Make({org}));
  auto v = ParseJson(json);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  for (std::string_view key : {"\"version\": \"2.0\"", "\"generated_at\": \"2026-01-01T00:00:00Z\"",
                               "\"generator\": \"golden catalog\""}) {
    EXPECT_NE(json.find(key), std::string::npos) << key;
  }
  // The original's repository keys, in its order, then golden's.
  size_t last = 0;
  for (std::string_view key :
       {"\"name\"", "\"path\"", "\"organization\"", "\"full_name\"", "\"metadata\"",
        "\"has_metadata\"", "\"compliance\"", "\"type\"", "\"language\"", "\"tier\"", "\"status\"",
        "\"owner\"", "\"description\"", "\"notes\""}) {
    size_t at = json.find(key, last);
    ASSERT_NE(at, std::string::npos) << key;
    last = at;
  }
  const Value* by_tier = v->FindPath({"summary", "by_tier"});
  ASSERT_NE(by_tier, nullptr);
  EXPECT_EQ(ToJson(*by_tier), R"({"1":0,"2":1,"3":0,"4":0})");
  EXPECT_EQ(json.back(), '\n');
}

TEST(RenderJson, BrokenMetadataHasTheErrorInsteadOfValues) {
  CatalogRepo r = Repo("o", "r");
  r.metadata_error = "boom";
  std::string json = RenderJson(Make({CatalogOrg{"o", "organizations/o", {r}, std::nullopt, {}}}));
  auto v = ParseJson(json);
  ASSERT_TRUE(v.ok());
  const Value& repo = v->Find("organizations")->GetArray()[0].Find("repos")->GetArray()[0];
  EXPECT_EQ(repo.Find("metadata_error")->GetString(), "boom");
  EXPECT_EQ(repo.Find("type"), nullptr);
  EXPECT_EQ(repo.Find("tier"), nullptr);
}

TEST(RenderMarkdown, EveryCellEscaped) {
  std::string md = RenderMarkdown(Hostile());
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("\\<script\\>alert(1)\\</script\\>"), std::string::npos);
  // Each table row keeps its 7 columns: every '|' inside a value is escaped.
  for (size_t at = md.find("\n| \\<script"); at != std::string::npos; at = std::string::npos) {
    std::string row = md.substr(at + 1, md.find('\n', at + 1) - at - 1);
    int bars = 0;
    for (size_t i = 0; i < row.size(); ++i) bars += row[i] == '|' && (i == 0 || row[i - 1] != '\\');
    EXPECT_EQ(bars, 8) << row;
  }
  EXPECT_NE(md.find("py\\|thon"), std::string::npos);
  EXPECT_NE(md.find("Metadata errors:"), std::string::npos);
  EXPECT_NE(md.find("Invalid YAML \\<script\\>x\\</script\\> \\| pipe"), std::string::npos);
  EXPECT_NE(md.find("## \\<b\\>org\\</b\\>\\&'\"\n"), std::string::npos);
}

TEST(RenderHtml, NothingFromTheCatalogBecomesMarkup) {
  std::string html = RenderHtml(Hostile());
  // The page's own script is the only one, and the hostile texts appear escaped.
  size_t scripts = 0;
  for (size_t at = html.find("<script"); at != std::string::npos;
       at = html.find("<script", at + 1)) {
    ++scripts;
  }
  EXPECT_EQ(scripts, 1u);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>org"), std::string::npos);
  EXPECT_EQ(html.find("onmouseover=\"alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find("x&quot; onmouseover=&quot;alert(2)"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;org&lt;/b&gt;&amp;&#39;&quot;"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
}

TEST(RenderHtml, CspHashesMatchTheInlineStyleAndScript) {
  std::string html = RenderHtml(Make({}));
  size_t csp = html.find("script-src 'sha256-");
  ASSERT_NE(csp, std::string::npos);
  EXPECT_NE(html.find("style-src 'sha256-"), std::string::npos);
  EXPECT_EQ(html.find("unsafe-inline"), std::string::npos);
  EXPECT_NE(html.find("No repositories."), std::string::npos);  // charts of nothing
}

TEST(RenderBackstage, NamesAreValidAndUnique) {
  CatalogOrg a{"alpha", "organizations/alpha", {}, std::nullopt, {}};
  CatalogOrg b{"Beta Org", "organizations/Beta Org", {}, std::nullopt, {}};
  a.repos = {Repo("alpha", "api"), Repo("alpha", "My Repo!"), Repo("alpha", "x")};
  a.repos[0].owner = "@alpha/platform";
  b.repos = {Repo("Beta Org", "api"), Repo("Beta Org", "My-Repo"),
             Repo("Beta Org", "\xe6\x97\xa5")};
  b.repos[2].metadata_error = "bad";
  b.repos[1].status = "deprecated";
  std::string yaml = RenderBackstage(Make({a, b}));
  auto docs = ParseYamlStream(yaml);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  std::map<std::string, std::set<std::string>> names;
  int components = 0;
  for (const Value& d : *docs) {
    std::string kind(d.Find("kind")->GetString());
    std::string name(d.FindPath({"metadata", "name"})->GetString());
    EXPECT_TRUE(IsValidBackstageName(name)) << name;
    EXPECT_TRUE(names[kind].insert(AsciiLower(name)).second) << kind << " " << name;
    if (kind == "Component") {
      ++components;
      EXPECT_TRUE(d.FindPath({"metadata", "annotations", "golden/tier"})->IsString());
      for (const auto& e : d.FindPath({"metadata", "annotations"})->GetObject()) {
        EXPECT_TRUE(IsValidBackstageKey(e.key.GetString())) << e.key.GetString();
      }
    }
  }
  EXPECT_EQ(components, 6);
  EXPECT_EQ(names["System"], (std::set<std::string>{"alpha", "beta-org"}));
  EXPECT_TRUE(names["Component"].count("alpha-api"));
  EXPECT_TRUE(names["Component"].count("beta-org-api"));
  EXPECT_TRUE(names["Component"].count("alpha-my-repo"));
  EXPECT_TRUE(names["Component"].count("repository"));
  EXPECT_TRUE(names["Group"].count("alpha-platform"));
  EXPECT_TRUE(names["Group"].count("beta-org"));
  EXPECT_NE(yaml.find("lifecycle: deprecated"), std::string::npos);
  EXPECT_NE(yaml.find("golden/metadata-error: bad"), std::string::npos);
}

TEST(RenderConsole, TheOriginalsLayout) {
  CatalogOrg a{"alpha",
               "organizations/alpha",
               {Repo("alpha", "x", 1), Repo("alpha", "y", 3)},
               std::nullopt,
               {}};
  a.repos[1].language = "go";
  a.repos[1].compliance.counts.violations = 2;
  EXPECT_EQ(RenderConsoleSummary(Make({a}), "/tmp/catalog.json"),
            "Found 1 organizations\nFound 2 repositories\n\n"
            "Catalog written to: /tmp/catalog.json\n\n"
            "==================================================\nCATALOG SUMMARY\n"
            "==================================================\n\n"
            "By Language:\n  python: 1\n  go: 1\n\nBy Type:\n  library: 2\n\n"
            "By Tier:\n  Tier 1: 1\n  Tier 2: 0\n  Tier 3: 1\n  Tier 4: 0\n\n"
            "Compliance:\n  Passed: 1\n  Failed: 1\n");
}

}  // namespace
}  // namespace golden::catalog
