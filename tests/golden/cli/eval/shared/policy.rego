package example

default allow := false

allow if {
	input.user.role == "admin"
}

deny contains msg if {
	some c in input.containers
	not c.limits
	msg := sprintf("container %s has no limits", [c.name])
}

names := [c.name | some c in input.containers]

greeting := $"hello {input.user.name}"
