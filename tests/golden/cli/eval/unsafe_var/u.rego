package u

allow if {
	x > 1
}
