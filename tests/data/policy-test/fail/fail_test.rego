package fail_test

test_ok if true

test_false if 1 == 2

test_undefined if input.missing

test_conflict if f(1)

f(x) := 1 if x
f(x) := 2 if x

test_print if {
	print("checking", 3)
	false
}
