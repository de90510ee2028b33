package broken_test

test_unsafe if x == 1
