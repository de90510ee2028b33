# METADATA
# title: GitHub Actions hardening
# description: >-
#   What OpenSSF Scorecard checks in workflows, offline: actions pinned to a commit, no
#   blanket write permissions, no pull_request_target that checks out the pull request.
package golden.workflows

# A full commit id: the only reference a force-push cannot move.
pinned(uses) if regex.match(`@[0-9a-f]{40}$`, uses)

# Local actions and workflows live in the repository itself.
pinned(uses) if startswith(uses, "./")

# Docker actions pinned by digest.
pinned(uses) if {
	startswith(uses, "docker://")
	contains(uses, "@sha256:")
}

# METADATA
# title: Actions pinned to a commit
# description: >-
#   `uses:` names a full commit SHA (actions/checkout@<40 hex>), not a tag or branch that
#   its owner can move (Scorecard's Pinned-Dependencies).
warn_unpinned_action contains {"msg": msg, "file": wf.path, "line": u.line} if {
	some wf in input.workflows
	some u in wf.uses
	not pinned(u.uses)
	msg := sprintf("%s:%d: %s is not pinned to a commit SHA", [wf.path, u.line, u.uses])
}

write_all(p) if p == "write-all"

# METADATA
# title: No write-all permissions
# description: The token gets only the scopes a workflow needs (Scorecard's Token-Permissions).
deny_write_all contains {"msg": sprintf("%s: permissions: write-all", [wf.path]), "file": wf.path} if {
	some wf in input.workflows
	write_all(wf.doc.permissions)
}

deny_write_all contains {"msg": sprintf("%s: job %s has permissions: write-all", [wf.path, name]), "file": wf.path} if {
	some wf in input.workflows
	some name, job in wf.doc.jobs
	write_all(job.permissions)
}

# What a checkout step fetches when it names the pull request's head.
pr_head_ref(ref) if regex.match(`github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref`, ref)

# METADATA
# title: No pull_request_target with a checkout of the pull request
# description: >-
#   pull_request_target runs with the base repository's secrets and write token; checking
#   out the pull request's head there runs untrusted code with them ("pwn request").
deny_pull_request_target contains {"msg": msg, "file": wf.path} if {
	some wf in input.workflows
	"pull_request_target" in wf.triggers
	some job_name, job in wf.doc.jobs
	some step in job.steps
	startswith(step.uses, "actions/checkout")
	pr_head_ref(step["with"].ref)
	msg := sprintf("%s: job %s checks out the pull request head under pull_request_target", [wf.path, job_name])
}
