#pragma once

#include <string_view>
#include <vector>

#include "report/finding.h"

namespace golden::portfolio {

/// The check names, as the original used them.
namespace checks {
inline constexpr std::string_view kMetadata = "metadata";
inline constexpr std::string_view kStructure = "structure";
inline constexpr std::string_view kDocker = "docker";
inline constexpr std::string_view kCodeowners = "codeowners";
inline constexpr std::string_view kWorkflows = "workflows";
inline constexpr std::string_view kReadme = "readme";
inline constexpr std::string_view kScan = "scan";
}  // namespace checks

/// Stable rule ids of the built-in checks. Reports, waivers and SARIF refer to these; a
/// message may be reworded, an id never changes.
namespace rules {
inline constexpr std::string_view kMetadataMissing = "metadata.missing";
inline constexpr std::string_view kMetadataUnreadable = "metadata.unreadable";
inline constexpr std::string_view kMetadataInvalidYaml = "metadata.invalid-yaml";
inline constexpr std::string_view kMetadataEmpty = "metadata.empty";
inline constexpr std::string_view kMetadataNotMapping = "metadata.not-mapping";
inline constexpr std::string_view kMetadataSchema = "metadata.schema";
inline constexpr std::string_view kMetadataSchemaPassed = "metadata.schema-passed";
inline constexpr std::string_view kMetadataRequiredField = "metadata.required-field";
inline constexpr std::string_view kMetadataTier = "metadata.tier";
inline constexpr std::string_view kStructureMissing = "structure.missing";
inline constexpr std::string_view kDockerNone = "docker.none";
inline constexpr std::string_view kDockerUnreadable = "docker.unreadable";
inline constexpr std::string_view kDockerUser = "docker.user";
inline constexpr std::string_view kDockerHealthcheck = "docker.healthcheck";
inline constexpr std::string_view kDockerLatestTag = "docker.latest-tag";
inline constexpr std::string_view kDockerUntagged = "docker.untagged";
inline constexpr std::string_view kDockerAdd = "docker.add";
inline constexpr std::string_view kDockerEnvSecret = "docker.env-secret";
inline constexpr std::string_view kDockerPrivilegedPort = "docker.privileged-port";
inline constexpr std::string_view kDockerAptGetYes = "docker.apt-get-yes";
inline constexpr std::string_view kCodeownersMissing = "codeowners.missing";
inline constexpr std::string_view kCodeownersUnreadable = "codeowners.unreadable";
inline constexpr std::string_view kCodeownersEmpty = "codeowners.empty";
inline constexpr std::string_view kCodeownersNoRules = "codeowners.no-rules";
inline constexpr std::string_view kCodeownersInvalidOwner = "codeowners.invalid-owner";
inline constexpr std::string_view kWorkflowsMissing = "workflows.missing";
inline constexpr std::string_view kWorkflowsNoCi = "workflows.no-ci";
inline constexpr std::string_view kWorkflowsUnreadable = "workflows.unreadable";
inline constexpr std::string_view kWorkflowsInvalidYaml = "workflows.invalid-yaml";
inline constexpr std::string_view kWorkflowsNotMapping = "workflows.not-mapping";
inline constexpr std::string_view kWorkflowsPermissions = "workflows.permissions";
inline constexpr std::string_view kWorkflowsContinueOnError = "workflows.continue-on-error";
inline constexpr std::string_view kReadmeMissing = "readme.missing";
inline constexpr std::string_view kReadmeUnreadable = "readme.unreadable";
inline constexpr std::string_view kReadmeNotText = "readme.not-text";
inline constexpr std::string_view kReadmeTooShort = "readme.too-short";
inline constexpr std::string_view kReadmeTitle = "readme.title";
inline constexpr std::string_view kScanUnreadable = "scan.unreadable";
}  // namespace rules

/// Every built-in rule with its check, usual severity, a one-line summary and help (why, and how
/// to fix a finding), sorted by id.
std::vector<report::RuleInfo> BuiltinRules();

}  // namespace golden::portfolio
