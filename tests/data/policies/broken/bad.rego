package golden.bad

deny contains msg if {
	input.tier == 1
}

warn contains "x" if unknown_function(1)
