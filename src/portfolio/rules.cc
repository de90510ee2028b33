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
  std::string_view help;
};

constexpr Row kRules[] = {
    {rules::kMetadataMissing, checks::kMetadata, Severity::kError,
     "Every repository has a .meta/repo.yaml.",
     "Catalog, tiers and ownership all come from `.meta/repo.yaml`; without it golden can only "
     "guess. Add the file with at least `type` and `language` (see "
     "`.metaHub/schemas/repo-schema.json`), and `tier` (1-4) and `owner`."},
    {rules::kMetadataUnreadable, checks::kMetadata, Severity::kError,
     ".meta/repo.yaml can be read (a file, not over 1 MiB).",
     "golden could not read the file (a folder, a broken or looping symbolic link, a link out "
     "of the repository, or larger than 1 MiB). Make `.meta/repo.yaml` a small regular file."},
    {rules::kMetadataInvalidYaml, checks::kMetadata, Severity::kError,
     ".meta/repo.yaml is valid YAML.",
     "The message gives the line and column of the YAML syntax error. Fix the syntax; "
     "`yamllint .meta/repo.yaml` shows the same place."},
    {rules::kMetadataEmpty, checks::kMetadata, Severity::kError, ".meta/repo.yaml is not empty.",
     "An empty document (or `{}`, `null`, `[]`) describes nothing. Fill in at least `type` and "
     "`language`."},
    {rules::kMetadataNotMapping, checks::kMetadata, Severity::kError,
     ".meta/repo.yaml is a mapping of keys to values.",
     "The document must be a mapping (`key: value` lines), not a list or a single value."},
    {rules::kMetadataSchema, checks::kMetadata, Severity::kError,
     ".meta/repo.yaml matches .metaHub/schemas/repo-schema.json.",
     "Each message names the key (with its line) and what the schema expects. Fix the value, "
     "or the key's spelling; unknown keys are not allowed."},
    {rules::kMetadataSchemaPassed, checks::kMetadata, Severity::kInfo,
     "Reports that .meta/repo.yaml matched the schema.",
     "Informational: the metadata matched the schema."},
    {rules::kMetadataRequiredField, checks::kMetadata, Severity::kError,
     "Metadata has `type` and `language` (checked when the schema does not require them).",
     "Add the missing key to `.meta/repo.yaml` (`type: library`, `language: python`, ...)."},
    {rules::kMetadataTier, checks::kMetadata, Severity::kWarning,
     "`tier` is a whole number from 1 to 4 (checked when the schema does not constrain it).",
     "`tier` decides which files are required: 1 mission-critical, 2 important, 3 "
     "experimental, 4 unknown. Use a whole number from 1 to 4; anything else counts as tier 4."},
    {rules::kStructureMissing, checks::kStructure, Severity::kWarning,
     "The files the repository's tier asks for exist (README.md and .meta/repo.yaml; tiers 1-2 "
     "also CODEOWNERS and a CI workflow; tier 1 also tests/).",
     "Tier 1 needs `.meta/repo.yaml`, `README.md`, `.github/CODEOWNERS`, "
     "`.github/workflows/ci.yml` and `tests/`; tier 2 the same without `tests/`; tiers 3-4 "
     "metadata and README. Add the missing file, or lower the tier if the repository is not as "
     "critical as declared."},
    {rules::kDockerNone, checks::kDocker, Severity::kInfo, "Reports that no Dockerfile exists.",
     "Informational: the repository has no Dockerfile, so the Docker rules do not apply."},
    {rules::kDockerUnreadable, checks::kDocker, Severity::kError,
     "Every Dockerfile can be read (a file, not over 1 MiB).",
     "golden could not read this Dockerfile (too large, a folder, a broken or looping link). "
     "Make it a regular file under 1 MiB."},
    {rules::kDockerUser, checks::kDocker, Severity::kError,
     "The final stage runs as a non-root USER.",
     "Containers running as root turn a container escape into a host compromise. End the final "
     "stage with a non-root `USER` (a name other than root, or a numeric id other than 0), "
     "e.g. `USER 10001`."},
    {rules::kDockerHealthcheck, checks::kDocker, Severity::kWarning,
     "The final stage has a HEALTHCHECK.",
     "Without a HEALTHCHECK, orchestrators cannot tell a hung container from a working one. "
     "Add `HEALTHCHECK CMD <probe>` to the final stage."},
    {rules::kDockerLatestTag, checks::kDocker, Severity::kError,
     "FROM does not use the :latest tag.",
     "`:latest` changes under you, so builds are not reproducible. Pin a version tag, or "
     "better a digest (`image:1.2.3@sha256:...`)."},
    {rules::kDockerUntagged, checks::kDocker, Severity::kError,
     "FROM names a tag or digest (scratch and earlier stages excepted).",
     "An untagged FROM means `:latest`. Pin a version tag or a digest."},
    {rules::kDockerAdd, checks::kDocker, Severity::kWarning,
     "ADD is used only for URLs and tar archives; COPY otherwise.",
     "ADD also fetches URLs and unpacks archives, which hides what a build does. Use COPY for "
     "local files; keep ADD for remote URLs and tar archives."},
    {rules::kDockerEnvSecret, checks::kDocker, Severity::kError,
     "No ENV key looks like a secret (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY).",
     "ENV values are stored in the image and visible to anyone who pulls it. Pass secrets at "
     "run time (environment, secret mounts: `RUN --mount=type=secret`), never in ENV."},
    {rules::kDockerPrivilegedPort, checks::kDocker, Severity::kError,
     "EXPOSE does not use ports below 1024.",
     "Ports below 1024 need root or extra capabilities. Listen on a port of 1024 or more and "
     "map it at deploy time."},
    {rules::kDockerAptGetYes, checks::kDocker, Severity::kWarning,
     "apt-get install runs with -y, so builds never wait for an answer.",
     "Without `-y`, apt-get waits for an answer and the build hangs or fails. Use `apt-get "
     "install -y --no-install-recommends ...`."},
    {rules::kCodeownersMissing, checks::kCodeowners, Severity::kError,
     ".github/CODEOWNERS exists (required for tiers 1-2, recommended otherwise).",
     "CODEOWNERS routes reviews to the people responsible. Add `.github/CODEOWNERS` with at "
     "least one rule, e.g. `* @org/team`."},
    {rules::kCodeownersUnreadable, checks::kCodeowners, Severity::kError,
     ".github/CODEOWNERS can be read.",
     "golden could not read `.github/CODEOWNERS` (a folder, a broken link, too large). Make it "
     "a regular text file."},
    {rules::kCodeownersEmpty, checks::kCodeowners, Severity::kError,
     ".github/CODEOWNERS is not empty.",
     "An empty CODEOWNERS assigns nobody. Add at least one rule, e.g. `* @org/team`."},
    {rules::kCodeownersNoRules, checks::kCodeowners, Severity::kError,
     ".github/CODEOWNERS has at least one rule.",
     "The file only has comments or blank lines. Add at least one rule, e.g. `* @org/team`."},
    {rules::kCodeownersInvalidOwner, checks::kCodeowners, Severity::kWarning,
     "CODEOWNERS owners are @user, @org/team or e-mail addresses.",
     "GitHub ignores a rule whose owner is not `@user`, `@org/team` or an e-mail address. Fix "
     "the owner's spelling."},
    {rules::kWorkflowsMissing, checks::kWorkflows, Severity::kError,
     ".github/workflows exists (required for tiers 1-2, recommended otherwise).",
     "Tiers 1-2 must be built and tested on every change. Add `.github/workflows/ci.yml`."},
    {rules::kWorkflowsNoCi, checks::kWorkflows, Severity::kWarning,
     "A CI workflow (ci*.yml or ci*.yaml) exists.",
     "No workflow named `ci*.yml` / `ci*.yaml` was found. Name the build-and-test workflow "
     "`ci.yml`."},
    {rules::kWorkflowsUnreadable, checks::kWorkflows, Severity::kError,
     "Every workflow file can be read.",
     "golden could not read this workflow file. Make it a regular text file."},
    {rules::kWorkflowsInvalidYaml, checks::kWorkflows, Severity::kError,
     "Every workflow file is valid YAML.",
     "GitHub rejects a workflow that is not valid YAML. The message gives the line and column."},
    {rules::kWorkflowsNotMapping, checks::kWorkflows, Severity::kError,
     "Every workflow file is a mapping.",
     "A workflow must be a YAML mapping with `on:` and `jobs:`; GitHub rejects anything else."},
    {rules::kWorkflowsPermissions, checks::kWorkflows, Severity::kWarning,
     "Every workflow sets top-level `permissions`.",
     "Without a top-level `permissions:` block the GITHUB_TOKEN gets the repository's default "
     "rights, often write access to everything. Declare the least the workflow needs, e.g. "
     "`permissions: {contents: read}`."},
    {rules::kWorkflowsContinueOnError, checks::kWorkflows, Severity::kWarning,
     "No job or step sets `continue-on-error: true`.",
     "`continue-on-error: true` turns a failure into a success, so broken builds look green. "
     "Remove it, or make the step's failure explicit."},
    {rules::kReadmeMissing, checks::kReadme, Severity::kError, "README.md exists.",
     "Every repository needs a README.md that says what it is and how to use it."},
    {rules::kReadmeUnreadable, checks::kReadme, Severity::kError, "README.md can be read.",
     "golden could not read README.md (a folder, a broken or looping link). Make it a regular "
     "file."},
    {rules::kReadmeNotText, checks::kReadme, Severity::kWarning, "README.md is UTF-8 text.",
     "README.md is binary or not UTF-8. Save it as UTF-8 text."},
    {rules::kReadmeTooShort, checks::kReadme, Severity::kWarning,
     "README.md has at least 50 characters.",
     "A README of fewer than 50 characters does not explain anything. Say what the repository "
     "is for, how to build and use it, and who owns it."},
    {rules::kReadmeTitle, checks::kReadme, Severity::kWarning, "README.md starts with a # title.",
     "Start README.md with a `# Title` line so that it renders with a heading."},
    {rules::kScanUnreadable, checks::kScan, Severity::kWarning,
     "Every folder of the repository can be listed.",
     "golden could not list a folder of the repository (permissions), so the checks may have "
     "missed files there. Make it readable by the account that runs golden."},
};

}  // namespace

std::vector<report::RuleInfo> BuiltinRules() {
  std::vector<report::RuleInfo> out;
  for (const Row& r : kRules) {
    out.push_back({std::string(r.id), std::string(r.check), r.severity, std::string(r.summary),
                   std::string(r.help)});
  }
  std::sort(out.begin(), out.end(),
            [](const report::RuleInfo& a, const report::RuleInfo& b) { return a.id < b.id; });
  return out;
}

}  // namespace golden::portfolio
