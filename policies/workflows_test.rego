package golden.workflows_test

import data.golden.workflows

sha := "b4ffde65f46336ab88eb53be808477a3936bae11"

wf(doc, uses, triggers) := {"workflows": [{"path": ".github/workflows/ci.yml", "doc": doc, "uses": uses, "triggers": triggers}]}

test_pinned_actions_pass if {
	uses := [
		{"job": "b", "step": 0, "uses": concat("@", ["actions/checkout", sha]), "line": 9},
		{"job": "b", "step": 1, "uses": "./.github/actions/setup", "line": 10},
		{"job": "b", "step": 2, "uses": "docker://alpine@sha256:0123", "line": 11},
	]
	count(workflows.warn_unpinned_action) == 0 with input as wf({}, uses, ["push"])
}

test_tag_is_not_pinned if {
	uses := [{"job": "b", "step": 0, "uses": "actions/checkout@v4", "line": 9}]
	workflows.warn_unpinned_action == {{"msg": ".github/workflows/ci.yml:9: actions/checkout@v4 is not pinned to a commit SHA", "file": ".github/workflows/ci.yml", "line": 9}} with input as wf({}, uses, ["push"])
}

test_short_sha_is_not_pinned if {
	count(workflows.warn_unpinned_action) == 1 with input as wf({}, [{"uses": "actions/checkout@b4ffde6", "line": 3}], [])
}

test_write_all_top_level_and_job if {
	doc := {"permissions": "write-all", "jobs": {"a": {"permissions": "write-all"}, "b": {"permissions": {"contents": "write"}}}}
	workflows.deny_write_all == {
		{"msg": ".github/workflows/ci.yml: permissions: write-all", "file": ".github/workflows/ci.yml"},
		{"msg": ".github/workflows/ci.yml: job a has permissions: write-all", "file": ".github/workflows/ci.yml"},
	} with input as wf(doc, [], [])
}

checkout_head := {"uses": "actions/checkout@v4", "with": {"ref": "${{ github.event.pull_request.head.sha }}"}}

test_pull_request_target_checkout_of_head if {
	doc := {"jobs": {"build": {"steps": [checkout_head, {"run": "make"}]}}}
	workflows.deny_pull_request_target == {{"msg": ".github/workflows/ci.yml: job build checks out the pull request head under pull_request_target", "file": ".github/workflows/ci.yml"}} with input as wf(doc, [], ["pull_request_target"])
}

test_pull_request_checkout_of_head_is_fine if {
	doc := {"jobs": {"build": {"steps": [checkout_head]}}}
	count(workflows.deny_pull_request_target) == 0 with input as wf(doc, [], ["pull_request"])
}

test_pull_request_target_without_head_checkout_is_fine if {
	doc := {"jobs": {"label": {"steps": [{"uses": "actions/checkout@v4"}, {"uses": "actions/labeler@v5"}]}}}
	count(workflows.deny_pull_request_target) == 0 with input as wf(doc, [], ["pull_request_target"])
}
