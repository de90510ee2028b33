package main

deny[msg] {
	input.metadata.type == "service"
	not input.metadata.slo
	msg := sprintf("%s: services declare an slo", [input.repository.full_name])
}

warn_critical[msg] {
	input.tier <= 2
	msg := "critical repository"
}

exception[rules] {
	input.repository.name == "api-t2-missing"
	rules := [""]
}
