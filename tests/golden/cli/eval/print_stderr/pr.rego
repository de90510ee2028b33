package pr

x if {
	print("checking", input.missing, 1)
}
