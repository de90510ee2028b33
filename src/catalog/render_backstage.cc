// catalog-info.yaml: the catalog as Backstage entities (backstage.io/v1alpha1), one YAML
// document each: a System per organization, a Group per owner and per organization, a
// Component per repository.
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/strings.h"
#include "catalog/backstage_names.h"
#include "catalog/normalize.h"
#include "catalog/render.h"
#include "report/yaml_writer.h"

namespace golden::catalog {

namespace {

using report::YamlWriter;

constexpr std::string_view kApiVersion = "backstage.io/v1alpha1";
// Annotation and label keys: golden's own prefix.
constexpr std::string_view kTierKey = "golden/tier";
constexpr std::string_view kOrgKey = "golden/organization";
constexpr std::string_view kPathKey = "golden/path";
constexpr std::string_view kStatusKey = "golden/status";
constexpr std::string_view kComplianceKey = "golden/compliance";
constexpr std::string_view kViolationsKey = "golden/violations";
constexpr std::string_view kWarningsKey = "golden/warnings";
constexpr std::string_view kMetadataErrorKey = "golden/metadata-error";

// Backstage's well-known lifecycles are experimental, production and deprecated; the exact
// status stays in the golden/status annotation.
std::string_view Lifecycle(std::string_view status) {
  if (status == "active" || status == "production") return "production";
  if (status == "deprecated" || status == "archived" || status == "inactive") return "deprecated";
  return "experimental";
}

// Hands out unique names per kind: names compare case-insensitively in Backstage, so "Api"
// and "api" collide; a repeat gets "-2", "-3", ... (cut to stay within 63 characters).
class NameTable {
 public:
  std::string Claim(const std::string& wanted) {
    std::string name = wanted;
    for (int n = 2; !taken_.insert(AsciiLower(name)).second; ++n) {
      std::string suffix = "-" + std::to_string(n);
      name = BackstageName(wanted.substr(0, 63 - suffix.size()), "x") + suffix;
    }
    return name;
  }

 private:
  std::set<std::string> taken_;
};

struct GroupInfo {
  std::string_view type;  ///< "organization" or "team"
  std::string title;      ///< the organization's or owner's name as first seen
};

struct Names {
  std::vector<std::string> systems;                  ///< by organization index
  std::vector<std::vector<std::string>> components;  ///< by organization, then repository
  /// Group name by owner key (owners and organization names, normalised); many keys may
  /// share a group ("Team A" and "team-a").
  std::unordered_map<std::string, std::string> group_of;
  /// Each group, in name order.
  std::map<std::string, GroupInfo> groups;
};

Names Assign(const Catalog& catalog) {
  Names names;
  NameTable systems;
  for (const CatalogOrg& org : catalog.orgs) {
    names.systems.push_back(systems.Claim(BackstageName(org.name, "organization")));
  }
  // A repository keeps its own name unless another repository's name gives the same one;
  // then every such repository is named "<org>-<repo>".
  std::map<std::string, int> wanted;
  for (const CatalogOrg& org : catalog.orgs) {
    for (const CatalogRepo& r : org.repos)
      ++wanted[AsciiLower(BackstageName(r.name, "repository"))];
  }
  NameTable components;
  for (const CatalogOrg& org : catalog.orgs) {
    names.components.emplace_back();
    for (const CatalogRepo& r : org.repos) {
      std::string base = BackstageName(r.name, "repository");
      if (wanted[AsciiLower(base)] > 1) base = BackstageName(r.org + "-" + r.name, base);
      names.components.back().push_back(components.Claim(base));
    }
  }
  // Organizations first, so that a group named after one is an organization titled with its
  // name as written.
  auto add_group = [&](const std::string& key, std::string_view title, std::string_view type) {
    std::string name = AsciiLower(BackstageName(key, "owner"));
    GroupInfo& group = names.groups[name];
    if (group.type.empty()) group = GroupInfo{type, std::string(title)};
    names.group_of.emplace(key, name);
  };
  for (const CatalogOrg& org : catalog.orgs) {
    add_group(NormalizeKey(org.name), org.name, "organization");
  }
  for (const CatalogOrg& org : catalog.orgs) {
    for (const CatalogRepo& r : org.repos) add_group(r.owner, r.owner, "team");
  }
  return names;
}

void Header(YamlWriter& w, std::string_view kind, const std::string& name, std::string_view title) {
  w.BeginDocument();
  w.BeginMapping();
  w.Member("apiVersion", kApiVersion);
  w.Member("kind", kind);
  w.Key("metadata");
  w.BeginMapping();
  w.Member("name", name);
  if (!title.empty() && title != name) w.Member("title", title);
}

void System(YamlWriter& w, const CatalogOrg& org, const std::string& name,
            const std::string& owner_group) {
  Header(w, "System", name, org.name);
  w.Member("description", "The repositories of the " + org.name + " organization");
  w.Key("annotations");
  w.BeginMapping();
  w.Member(kOrgKey, org.name);
  w.Member(kPathKey, org.path);
  w.EndMapping();
  w.EndMapping();
  w.Key("spec");
  w.BeginMapping();
  w.Member("owner", "group:" + owner_group);
  w.EndMapping();
  w.EndMapping();
}

void Group(YamlWriter& w, const std::string& name, const GroupInfo& group) {
  Header(w, "Group", name, group.title);
  w.EndMapping();
  w.Key("spec");
  w.BeginMapping();
  w.Member("type", group.type);
  w.Key("children");
  w.BeginSequence();
  w.EndSequence();
  w.EndMapping();
  w.EndMapping();
}

void Component(YamlWriter& w, const CatalogRepo& r, const std::string& name,
               const std::string& system, const std::string& owner_group) {
  Header(w, "Component", name, r.FullName() == name ? "" : r.FullName());
  if (!r.description.empty()) w.Member("description", r.description);
  const Compliance& c = r.compliance;
  w.Key("annotations");
  w.BeginMapping();
  w.Member(kTierKey, std::to_string(r.tier));
  w.Member(kOrgKey, r.org);
  w.Member(kPathKey, r.path);
  w.Member(kStatusKey, r.status);
  w.Member(kComplianceKey, c.passed() ? "passed" : "failed");
  w.Member(kViolationsKey, std::to_string(c.counts.violations));
  w.Member(kWarningsKey, std::to_string(c.counts.warnings));
  if (r.metadata_error) w.Member(kMetadataErrorKey, *r.metadata_error);
  w.EndMapping();
  // The tier as a label too, so that catalog filters and label selectors can use it.
  w.Key("labels");
  w.BeginMapping();
  w.Member(kTierKey, std::to_string(r.tier));
  w.EndMapping();
  std::string tag = r.language == kUnknown ? "" : BackstageTag(r.language);
  if (!tag.empty()) {
    w.Key("tags");
    w.BeginSequence();
    w.String(tag);
    w.EndSequence();
  }
  w.EndMapping();
  w.Key("spec");
  w.BeginMapping();
  w.Member("type", r.type);
  w.Member("lifecycle", Lifecycle(r.status));
  w.Member("owner", "group:" + owner_group);
  w.Member("system", "system:" + system);
  w.EndMapping();
  w.EndMapping();
}

}  // namespace

std::string RenderBackstage(const Catalog& catalog) {
  Names names = Assign(catalog);
  std::string out;
  YamlWriter w(&out);
  w.Comment("Backstage catalog entities generated by golden catalog at " + catalog.generated_at +
            ".");
  w.Comment("One System per organization, one Group per owner, one Component per repository.");
  for (size_t i = 0; i < catalog.orgs.size(); ++i) {
    const CatalogOrg& org = catalog.orgs[i];
    System(w, org, names.systems[i], names.group_of.at(NormalizeKey(org.name)));
  }
  for (const auto& [name, group] : names.groups) Group(w, name, group);
  for (size_t i = 0; i < catalog.orgs.size(); ++i) {
    const CatalogOrg& org = catalog.orgs[i];
    for (size_t j = 0; j < org.repos.size(); ++j) {
      Component(w, org.repos[j], names.components[i][j], names.systems[i],
                names.group_of.at(org.repos[j].owner));
    }
  }
  return out;
}

}  // namespace golden::catalog
