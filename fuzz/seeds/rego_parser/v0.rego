package p

deny[msg] {
	input.x == 1
	msg := "v0"
}
