package bad

allow if {
	x := 
}
