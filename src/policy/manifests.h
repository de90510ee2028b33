#pragma once

// The `manifests` and `kubernetes` members of the policy input (docs/policy-input.md).

#include "portfolio/repo.h"
#include "value/value.h"

namespace golden::policy {

/// Project manifests at the repository's top level: `package_json`, `pyproject`, `go_mod`,
/// `cargo` (each null when absent, `{path, error}` when unreadable or malformed), the
/// `requirements` lines of requirements*.txt, and which `lock_files` are present.
Value Manifests(const portfolio::RepoSnapshot& snapshot);

/// Kubernetes objects: every document with `apiVersion` and `kind` in the repository's
/// .yaml/.yml files outside `.github/` and `.meta/` (`{path, index, line?, doc}`), plus
/// `{path, error}` for such files that do not parse.
Value KubernetesManifests(const portfolio::RepoSnapshot& snapshot);

/// The go.mod facts policies use: `module`, `go`, `require` ([{path, version, indirect}]).
Value ParseGoMod(std::string_view text);

/// One requirements.txt line as `{line, text, name, pinned}`; nullopt for blank lines,
/// comments and options (-r, -e, --hash continuation lines).
std::optional<Value> ParseRequirementLine(std::string_view text, int line);

}  // namespace golden::policy
