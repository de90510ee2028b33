#include "portfolio/rules.h"

#include <algorithm>

namespace golden::portfolio {

namespace {

using report::Severity;

struct Row {
  std::string_view id;
  std::string_view check;
  Severity severity;
  std::string_view summary;
};

constexpr Row kRules[] = {
    {rules::kMetadataMissing, checks::kMetadata, Severity::kError,
     "Every repository has a .meta/repo.yaml."},
    {rules::kMetadataUnreadable, checks::kMetadata, Severity::kError,
     ".meta/repo.yaml can be read (a file, not over 1 MiB)."},
    {rules::kMetadataInvalidYaml, checks::kMetadata, Severity::kError,
     ".meta/repo.yaml is valid YAML."},
    {rules::kMetadataEmpty, checks::kMetadata, Severity::kError, ".meta/repo.yaml is not empty."},
    {rules::kMetadataNotMapping, checks::kMetadata, Severity::kError,
     ".meta/repo.yaml is a mapping of keys to values."},
    {rules::kMetadataSchema, checks::kMetadata, Severity::kError,
     ".meta/repo.yaml matches .metaHub/schemas/repo-schema.json."},
    {rules::kMetadataSchemaPassed, checks::kMetadata, Severity::kInfo,
     "Reports that .meta/repo.yaml matched the schema."},
    {rules::kMetadataRequiredField, checks::kMetadata, Severity::kError,
     "Metadata has `type` and `language` (checked when the schema does not require them)."},
    {rules::kMetadataTier, checks::kMetadata, Severity::kWarning,
     "`tier` is a whole number from 1 to 4 (checked when the schema does not constrain it)."},
    {rules::kStructureMissing, checks::kStructure, Severity::kWarning,
     "The files the repository's tier asks for exist (README.md and .meta/repo.yaml; tiers 1-2 "
     "also CODEOWNERS and a CI workflow; tier 1 also tests/)."},
    {rules::kDockerNone, checks::kDocker, Severity::kInfo, "Reports that no Dockerfile exists."},
    {rules::kDockerUnreadable, checks::kDocker, Severity::kError,
     "Every Dockerfile can be read (a file, not over 1 MiB)."},
    {rules::kDockerUser, checks::kDocker, Severity::kError,
     "The final stage runs as a non-root USER."},
    {rules::kDockerHealthcheck, checks::kDocker, Severity::kWarning,
     "The final stage has a HEALTHCHECK."},
    {rules::kDockerLatestTag, checks::kDocker, Severity::kError,
     "FROM does not use the :latest tag."},
    {rules::kDockerUntagged, checks::kDocker, Severity::kError,
     "FROM names a tag or digest (scratch and earlier stages excepted)."},
    {rules::kDockerAdd, checks::kDocker, Severity::kWarning,
     "ADD is used only for URLs and tar archives; COPY otherwise."},
    {rules::kDockerEnvSecret, checks::kDocker, Severity::kError,
     "No ENV key looks like a secret (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY)."},
    {rules::kDockerPrivilegedPort, checks::kDocker, Severity::kError,
     "EXPOSE does not use ports below 1024."},
    {rules::kDockerAptGetYes, checks::kDocker, Severity::kWarning,
     "apt-get install runs with -y, so builds never wait for an answer."},
    {rules::kCodeownersMissing, checks::kCodeowners, Severity::kError,
     ".github/CODEOWNERS exists (required for tiers 1-2, recommended otherwise)."},
    {rules::kCodeownersUnreadable, checks::kCodeowners, Severity::kError,
     ".github/CODEOWNERS can be read."},
    {rules::kCodeownersEmpty, checks::kCodeowners, Severity::kError,
     ".github/CODEOWNERS is not empty."},
    {rules::kCodeownersNoRules, checks::kCodeowners, Severity::kError,
     ".github/CODEOWNERS has at least one rule."},
    {rules::kCodeownersInvalidOwner, checks::kCodeowners, Severity::kWarning,
     "CODEOWNERS owners are @user, @org/team or e-mail addresses."},
    {rules::kWorkflowsMissing, checks::kWorkflows, Severity::kError,
     ".github/workflows exists (required for tiers 1-2, recommended otherwise)."},
    {rules::kWorkflowsNoCi, checks::kWorkflows, Severity::kWarning,
     "A CI workflow (ci*.yml or ci*.yaml) exists."},
    {rules::kWorkflowsUnreadable, checks::kWorkflows, Severity::kError,
     "Every workflow file can be read."},
    {rules::kWorkflowsInvalidYaml, checks::kWorkflows, Severity::kError,
     "Every workflow file is valid YAML."},
    {rules::kWorkflowsNotMapping, checks::kWorkflows, Severity::kError,
     "Every workflow file is a mapping."},
    {rules::kWorkflowsPermissions, checks::kWorkflows, Severity::kWarning,
     "Every workflow sets top-level `permissions`."},
    {rules::kWorkflowsContinueOnError, checks::kWorkflows, Severity::kWarning,
     "No job or step sets `continue-on-error: true`."},
    {rules::kReadmeMissing, checks::kReadme, Severity::kError, "README.md exists."},
    {rules::kReadmeUnreadable, checks::kReadme, Severity::kError, "README.md can be read."},
    {rules::kReadmeNotText, checks::kReadme, Severity::kWarning, "README.md is UTF-8 text."},
    {rules::kReadmeTooShort, checks::kReadme, Severity::kWarning,
     "README.md has at least 50 characters."},
    {rules::kReadmeTitle, checks::kReadme, Severity::kWarning, "README.md starts with a # title."},
    {rules::kScanUnreadable, checks::kScan, Severity::kWarning,
     "Every folder of the repository can be listed."},
};

}  // namespace

std::vector<report::RuleInfo> BuiltinRules() {
  std::vector<report::RuleInfo> out;
  for (const Row& r : kRules) {
    out.push_back({std::string(r.id), std::string(r.check), r.severity, std::string(r.summary)});
  }
  std::sort(out.begin(), out.end(),
            [](const report::RuleInfo& a, const report::RuleInfo& b) { return a.id < b.id; });
  return out;
}

}  // namespace golden::portfolio
