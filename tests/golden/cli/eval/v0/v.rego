package v

deny[msg] {
	msg := "old style"
}
