# A 20-rule deny/warn policy over a repository descriptor, for the Rego engine benchmark.
package bench.repo

import rego.v1

required_files := {"README.md", "LICENSE", ".gitignore"}

deny contains msg if {
	some f in required_files
	not f in {x | some x in input.files}
	msg := sprintf("missing required file %s", [f])
}

deny contains msg if {
	not input.metadata.owner
	msg := "metadata.owner is required"
}

deny contains msg if {
	input.metadata.visibility == "public"
	input.metadata.classification == "internal"
	msg := "internal repositories must not be public"
}

deny contains msg if {
	some b in input.branches
	b.name == input.default_branch
	not b.protected
	msg := sprintf("default branch %s is not protected", [b.name])
}

deny contains msg if {
	some b in input.branches
	b.protected
	b.required_reviews < 1
	msg := sprintf("branch %s needs at least one review", [b.name])
}

deny contains msg if {
	some w in input.workflows
	some step in w.steps
	startswith(step.uses, "actions/checkout@v1")
	msg := sprintf("workflow %s uses an outdated checkout", [w.name])
}

deny contains msg if {
	some w in input.workflows
	w.permissions == "write-all"
	msg := sprintf("workflow %s has write-all permissions", [w.name])
}

deny contains msg if {
	some d in input.dependencies
	d.version == "latest"
	msg := sprintf("dependency %s is not pinned", [d.name])
}

deny contains msg if {
	some s in input.secrets
	s.age_days > 90
	msg := sprintf("secret %s is older than 90 days", [s.name])
}

deny contains msg if {
	count(input.maintainers) < 2
	msg := "at least two maintainers are required"
}

deny contains msg if {
	input.settings.allow_force_push
	msg := "force pushes must be disabled"
}

deny contains msg if {
	some t in input.topics
	not regex.match(`^[a-z0-9-]+$`, t)
	msg := sprintf("topic %s is not kebab-case", [t])
}

warn contains msg if {
	not input.metadata.description
	msg := "a description is recommended"
}

warn contains msg if {
	count(input.topics) == 0
	msg := "topics are recommended"
}

warn contains msg if {
	some d in input.dependencies
	d.deprecated
	msg := sprintf("dependency %s is deprecated", [d.name])
}

warn contains msg if {
	input.settings.has_wiki
	msg := "wikis are discouraged; use docs/"
}

warn contains msg if {
	some w in input.workflows
	not w.timeout_minutes
	msg := sprintf("workflow %s has no timeout", [w.name])
}

warn contains msg if {
	input.stats.open_issues > 100
	msg := "more than 100 open issues"
}

warn contains msg if {
	some b in input.branches
	not b.protected
	b.stale_days > 180
	msg := sprintf("branch %s is stale", [b.name])
}

warn contains msg if {
	input.metadata.license != "Apache-2.0"
	input.metadata.license != "MIT"
	msg := sprintf("license %s is not on the preferred list", [input.metadata.license])
}
