package dup_test

# Two definitions of one test name are two tests, as opa test runs them: the second is
# test_allow#01, and its failure is not hidden by the first one passing.
test_allow if true

test_allow if false

test_other if true

test_allow if 1 == 1
