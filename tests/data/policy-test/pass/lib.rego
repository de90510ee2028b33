package lib

double(x) := 2 * x

deny contains msg if {
	input.n > 10
	msg := sprintf("n is %d", [input.n])
}
