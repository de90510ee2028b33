package s

ratio := input.a / input.b
