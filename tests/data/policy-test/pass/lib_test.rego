package lib_test

import data.lib

test_double if lib.double(2) == 4

test_deny_big if lib.deny == {"n is 11"} with input as {"n": 11}

test_deny_small if count(lib.deny) == 0 with input as {"n": 1}

todo_test_later if false
