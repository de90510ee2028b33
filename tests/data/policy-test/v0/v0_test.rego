package v0_test

deny[msg] {
	input.kind == "Pod"
	msg := "no pods"
}

test_deny {
	deny["no pods"] with input as {"kind": "Pod"}
}
