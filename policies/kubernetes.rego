# METADATA
# title: Kubernetes manifests
# description: >-
#   Every Kubernetes object found in the repository's YAML files (input.kubernetes) says who
#   owns it and for which environment, and no container runs privileged.
package golden.kubernetes

required_labels := ["owner", "env"]

# Objects that carry labels people rely on: workloads, services, ingresses, config.
labelled_kinds := {
	"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "ReplicaSet",
	"Service", "Ingress", "ConfigMap", "Secret", "HorizontalPodAutoscaler",
}

object_name(obj) := object.get(obj.doc, ["metadata", "name"], "<unnamed>")

# METADATA
# title: owner and env labels
# description: Kubernetes objects are labelled with their owner and environment.
deny_labels contains {"msg": msg, "file": obj.path} if {
	some obj in input.kubernetes
	obj.doc.kind in labelled_kinds
	some label in required_labels
	not obj.doc.metadata.labels[label]
	msg := sprintf("%s %s (%s) has no %q label", [obj.doc.kind, object_name(obj), obj.path, label])
}

# The pod spec of a workload, wherever its kind keeps it.
pod_spec(doc) := doc.spec if doc.kind == "Pod"

pod_spec(doc) := doc.spec.jobTemplate.spec.template.spec if doc.kind == "CronJob"

pod_spec(doc) := doc.spec.template.spec if not doc.kind in {"Pod", "CronJob"}

containers(spec) := array.concat(object.get(spec, "containers", []), object.get(spec, "initContainers", []))

# METADATA
# title: No privileged containers
# description: A privileged container has every capability of the node it runs on.
deny_privileged contains {"msg": msg, "file": obj.path} if {
	some obj in input.kubernetes
	some c in containers(pod_spec(obj.doc))
	c.securityContext.privileged == true
	msg := sprintf("%s %s (%s): container %q is privileged", [obj.doc.kind, object_name(obj), obj.path, c.name])
}

# METADATA
# title: Manifests that do not parse
# description: A YAML file that looks like a Kubernetes manifest but is not valid YAML.
deny_invalid_yaml contains {"msg": msg, "file": obj.path, "line": object.get(obj.error, "line", 0)} if {
	some obj in input.kubernetes
	obj.error
	msg := sprintf("%s is not valid YAML: %s", [obj.path, obj.error.message])
}
