def test_core():
    assert 1 + 1 == 2
