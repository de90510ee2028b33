package golden.kubernetes_test

import data.golden.kubernetes

deployment(labels, security) := {
	"apiVersion": "apps/v1",
	"kind": "Deployment",
	"metadata": {"name": "api", "labels": labels},
	"spec": {"template": {"spec": {"containers": [{"name": "app", "image": "x", "securityContext": security}]}}},
}

manifest(doc) := {"kubernetes": [{"path": "deploy/app.yaml", "index": 0, "doc": doc}]}

test_labelled_unprivileged_passes if {
	m := manifest(deployment({"owner": "team-a", "env": "prod"}, {"privileged": false}))
	count(kubernetes.deny_labels) == 0 with input as m
	count(kubernetes.deny_privileged) == 0 with input as m
}

test_missing_labels if {
	kubernetes.deny_labels == {
		{"msg": "Deployment api (deploy/app.yaml) has no \"owner\" label", "file": "deploy/app.yaml"},
		{"msg": "Deployment api (deploy/app.yaml) has no \"env\" label", "file": "deploy/app.yaml"},
	} with input as manifest(deployment({}, {}))
}

test_unlabelled_kinds_are_not_checked if {
	count(kubernetes.deny_labels) == 0 with input as manifest({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "x"}})
}

test_privileged_deployment if {
	kubernetes.deny_privileged == {{"msg": "Deployment api (deploy/app.yaml): container \"app\" is privileged", "file": "deploy/app.yaml"}} with input as manifest(deployment({"owner": "a", "env": "b"}, {"privileged": true}))
}

test_privileged_init_container_in_cronjob if {
	cron := {
		"apiVersion": "batch/v1",
		"kind": "CronJob",
		"metadata": {"name": "nightly", "labels": {"owner": "a", "env": "b"}},
		"spec": {"jobTemplate": {"spec": {"template": {"spec": {
			"containers": [{"name": "main"}],
			"initContainers": [{"name": "setup", "securityContext": {"privileged": true}}],
		}}}}},
	}
	count(kubernetes.deny_privileged) == 1 with input as manifest(cron)
}

test_privileged_pod if {
	pod := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "securityContext": {"privileged": true}}]}}
	count(kubernetes.deny_privileged) == 1 with input as manifest(pod)
}

test_invalid_yaml if {
	kubernetes.deny_invalid_yaml == {{"msg": "k8s/x.yaml is not valid YAML: bad indent", "file": "k8s/x.yaml", "line": 3}} with input as {"kubernetes": [{"path": "k8s/x.yaml", "error": {"message": "bad indent", "line": 3}}]}
}
